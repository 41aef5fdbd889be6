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
        for name in ["home", "boards", "calendar", "search", "signin"] {
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
        return values
    }
}
