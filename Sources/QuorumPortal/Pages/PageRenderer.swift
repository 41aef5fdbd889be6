import Foundation
import HTTPTypes
import Hummingbird
import QuorumDomain

/// Renders pages with the chrome every page shares: the signed-in user, the form token, the
/// navigation with the current section marked.
struct PageRenderer: Sendable {
    let templates: PortalTemplates

    enum Section: String {
        case home, boards, calendar, search, signin
        case forwardPlan = "forward_plan", decisions
    }

    func page(
        _ name: String, title: String, section: Section?, context: PortalRequestContext, status: HTTPResponse.Status = .ok,
        _ values: [String: Any]
    ) -> Response {
        var all = values
        for (key, value) in PageContext.chrome(
            title: title, section: section?.rawValue, user: context.user, csrf: context.csrfToken)
        {
            all[key] = value
        }
        let html = templates.render(name, all)
        var response = Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: html)))
        response.headers[.vary] = "Cookie"
        return response
    }

    func error(_ error: PortalError, context: PortalRequestContext, path: String) -> Response {
        page(
            "error", title: error.title, section: nil, context: context, status: error.status,
            [
                "status": Int(error.status.code), "heading": error.title, "message": error.message,
                "offerSignIn": error.offerSignIn && context.user == nil,
                "signinURL": "/signin?next=" + (path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"),
            ])
    }
}

/// The values every page's layout reads, and the samples that start-up renders each template with.
enum PageContext {
    static func chrome(title: String, section: String?, user: User?, csrf: String) -> [String: Any] {
        var values: [String: Any] = [
            "pageTitle": title, "csrf": csrf, "signedIn": user != nil, "userName": user?.name ?? "",
            "userRole": user?.role.rawValue ?? "",
        ]
        for name in ["home", "boards", "calendar", "search", "signin", "forward_plan", "decisions"] {
            values["nav_\(name)"] = section == name
        }
        return values
    }

    /// A value for every name a page reads, so a check render reaches each section.
    static func sample(page: String) -> [String: Any] {
        let meeting: [String: Any] = [
            "id": "OSC-2017-11-14", "url": "/meetings/OSC-2017-11-14", "boardName": "Overview and Scrutiny Committee",
            "boardCode": "OSC", "boardURL": "/boards/OSC", "dateLong": "Tuesday 14 November 2017", "isoDate": "2017-11-14",
            "time": "6.30pm", "venue": "Committee Room 1", "publishBy": "Monday 6 November 2017", "cancelled": false,
        ]
        var values = chrome(title: "Sample", section: "home", user: User(name: "sample@example.org", role: .member), csrf: "x")
        values["meeting"] = meeting
        values["coming"] = [meeting]
        values["past"] = [meeting]
        values["latest"] = [["meetingURL": "/m", "boardName": "B", "dateLong": "d", "version": 1, "publishedOn": "d", "pdfURL": "/p"]]
        values["boards"] = [["code": "OSC", "name": "Scrutiny", "url": "/boards/OSC", "reportsTo": [["name": "Cabinet", "url": "/boards/CABINET"]]]]
        values["board"] = ["code": "OSC", "name": "Scrutiny", "icsURL": "/boards/OSC/calendar.ics"]
        values["status"] = 404
        values["heading"] = "Page not found"
        values["message"] = "Sample"
        values["emailLinks"] = true
        values["linkMinutes"] = 15
        for (key, value) in meetingLifeSample() { values[key] = value }
        return values
    }

    /// A form with a field of every kind, its first field in error.
    static var sampleForm: [String: Any] {
        let options: [(value: String, label: String)] = [("a", "A"), ("b", "B")]
        let form = PortalForm(
            id: "sample", action: "/sample", button: "Send", hidden: [("item", "4")],
            fields: [
                .init(name: "text", label: "Text"), .init(name: "email", label: "Email", hint: "(hint)", kind: .email),
                .init(name: "date", label: "Date", kind: .date), .init(name: "textarea", label: "Text", kind: .textarea),
                .init(name: "select", label: "Select", kind: .select(options)), .init(name: "radios", label: "Radios", kind: .radios(options)),
                .init(name: "checkbox", label: "Tick", kind: .checkbox),
            ], intro: "Intro")
        return form.values(csrf: "x", problem: FormProblem(form: "sample", field: "text", message: "Wrong", values: ["text": "t"]))
    }

    /// Samples for the Forward Plan, decisions and the meeting's notices, minutes and dashboard.
    static func meetingLifeSample() -> [String: Any] {
        let decision: [String: Any] = [
            "reference": "CAB-2018-05-02-1", "url": "/decisions/CAB-2018-05-02-1", "title": "Adopt the strategy", "decisionMaker": "Cabinet",
            "decidedOn": "d", "publishedOn": "d", "callInEnds": "d", "state": "Called in: suspended", "implementation": "Suspended",
            "calledIn": true, "callIn": ["requestedOn": "d", "reason": "r", "hearing": "d", "outcome": "o"],
        ]
        let check: [String: Any] = [
            "summary": "s", "regulation": "reg 5(2)", "state": "late", "problem": true, "excuse": "e", "heading": "First notice",
            "reasons": "r", "representations": [["text": "t"]], "hasRepresentations": true, "response": "r",
        ]
        return [
            "entries": [
                [
                    "reference": "FP-1", "title": "t", "published": false, "withheld": false, "paragraph": "Schedule 12A, paragraph 3",
                    "decisionMaker": "Cabinet", "meeting": ["dateLong": "d", "url": "/m", "linked": true], "reportTitle": "r", "ownerRole": "o",
                    "firstPublished": "d", "notice": ["label": "l", "needs": [check], "hasNeeds": true],
                ],
                ["reference": "FP-2", "title": "t", "published": true, "withheld": true, "paragraph": "Schedule 12A, paragraph 3"],
            ],
            "hasEntries": true, "asOf": "d", "decisions": [decision], "hasDecisions": true, "decision": decision,
            "notices": ["checks": [check], "exemptItems": [["text": "t"]], "urgency": ["agreedBy": "a", "agreedOn": "d", "reasonsPublishedOn": "d"]],
            "minutes": [
                "draft": true, "approvedAt": ["url": "/m", "dateLong": "d"],
                "documents": [["label": "l", "htmlURL": "/h", "pdfURL": "/p"]],
                "present": [["role": "r"]], "hasPresent": true, "substitutes": [["role": "r", "forRole": "f"]], "hasSubstitutes": true,
                "quorate": false, "quorum": "q", "declarations": [["item": 4, "itemTitle": "t", "member": "m", "kind": "k", "nature": "n", "warning": "w"]],
                "hasDeclarations": true,
                "items": [
                    [
                        "number": 4, "title": "t", "text": "x", "withheld": false, "paragraph": "p", "hasResolutions": true,
                        "resolutions": [["id": "OSC-2017-11-14/4.1", "anchor": "resolution-4-1", "wording": "w", "vote": "v", "carried": false]],
                    ]
                ],
            ],
            "dashboard": [
                "deadlines": ["draft": "d", "clearance": "d", "approval": "d", "pack": "d"], "warnings": [["text": "w"]], "hasWarnings": true,
                "hasReports": true,
                "reports": [
                    [
                        "item": "4", "title": "t", "stage": "s", "late": true, "waiting": "w", "holder": "h", "due": "d", "lateBy": "l",
                        "steps": [["label": "l", "done": true, "taken": true, "who": "w", "when": "d", "hasReference": true, "reference": "FD.1/18", "hasDue": true, "due": "d"]],
                        "hasForms": true, "forms": [sampleForm],
                    ]
                ],
            ],
        ]
    }
}
