import Foundation
import QuorumDomain
import QuorumWire
import Testing

@testable import QuorumPortal

@Suite("The meeting-life pages' rows")
struct MeetingLifeRowsTests {
    static func decision(_ implementation: String, urgent: Bool = false, callIn: String = "null") throws -> DecisionDocument {
        let json = """
            {"reference": "CAB-1", "title": "Adopt", "decision_maker": "CABINET", "decided_on": "2018-05-02",
             "published_on": "2018-05-04", "publication_due": "2018-05-04", "publication": "given", "urgent": \(urgent),
             "urgency_reason": \(urgent ? "\"Placements are needed\"" : "null"), "call_in_ends": \(urgent ? "null" : "\"2018-05-14\""),
             "call_in": \(callIn), "call_in_by": "OSC", "implementation": \(implementation), "as_of": "2018-05-10"}
            """
        return try WireCoding.decode(DecisionDocument.self, from: Data(json.utf8))
    }

    @Test func anUrgentDecisionIsImplementedAtOnceWithItsReason() throws {
        let row = DecisionRows.values(
            try Self.decision(#"{"state": "implementable", "from": "2018-05-02", "until": null, "immediately": true, "referred_back": false}"#, urgent: true),
            names: ["CABINET": "Cabinet"])
        #expect(row["implementation"] as? String == "Immediately (urgent: Placements are needed); call-in waived")
        #expect(row["callInEnds"] as? String == "None: urgent, call-in waived")
        #expect(row["decisionMaker"] as? String == "Cabinet")
    }

    @Test func aDecisionInItsCallInPeriodSaysUntilWhenAndACalledInOneIsSuspended() throws {
        let running = DecisionRows.values(
            try Self.decision(#"{"state": "in_call_in_period", "from": "2018-05-15", "until": "2018-05-14", "immediately": false, "referred_back": false}"#),
            names: [:])
        #expect(running["state"] as? String == "Call-in period running")
        #expect(running["implementation"] as? String == "From Tuesday 15 May 2018, unless called in by the end of Monday 14 May 2018")
        #expect(running["callInEnds"] as? String == "Monday 14 May 2018")
        let callIn = #"{"requested_on": "2018-05-08", "by": [], "reason": "Not consulted", "hearing_date": "2018-05-22", "outcome": "pending"}"#
        let suspended = DecisionRows.values(
            try Self.decision(
                #"{"state": "suspended", "from": null, "until": "2018-05-22", "immediately": false, "referred_back": false}"#, callIn: callIn),
            names: [:])
        #expect(suspended["state"] as? String == "Called in: suspended")
        #expect(suspended["implementation"] as? String == "Suspended until the hearing on Tuesday 22 May 2018")
        #expect(suspended["calledIn"] as? Bool == true)
    }

    @Test func aResolutionsAnchorAndLinkNameItsItemAndNumber() {
        #expect(MinutesRows.anchor(resolution: "OSC-2017-11-14/4.1") == "resolution-4-1")
        #expect(MinutesRows.link(resolution: "OSC-2017-11-14/12.3") == "/meetings/OSC-2017-11-14#resolution-12-3")
    }

    static func check(_ kind: String, status: String, given: String?) throws -> NoticeCheckDocument {
        let json = """
            {"kind": "\(kind)", "regulation": "reg 10(1)(a)", "summary": "tell the chair of the scrutiny committee in writing",
             "due": "2018-11-30", "given": \(given.map { "\"\($0)\"" } ?? "null"), "status": "\(status)", "problems": [], "excuse": null,
             "warning": false, "description": "x"}
            """
        return try WireCoding.decode(NoticeCheckDocument.self, from: Data(json.utf8))
    }

    @Test func aCompliantForwardPlanEntryNeedsNothingMoreAndAnExceptionListsWhatItNeeds() throws {
        let met = NoticeRoute.describe(route: "forward_plan", status: "compliant", checks: [try Self.check("forward_plan", status: "given", given: "2018-11-01")])
        #expect(met["label"] as? String == "28 clear days' notice given on the Forward Plan")
        #expect(met["hasNeeds"] as? Bool == false)
        let exception = NoticeRoute.describe(
            route: "general_exception", status: "breached", checks: [try Self.check("chair_informed", status: "late", given: "2018-12-01")])
        #expect((exception["label"] as? String)?.hasPrefix("General exception (regulation 10)") == true)
        let needs = try #require(exception["needs"] as? [[String: Any]])
        #expect(needs.first?["summary"] as? String == "Tell the chair of the scrutiny committee in writing")
        #expect(needs.first?["state"] as? String == "late: given Saturday 1 December 2018, due Friday 30 November 2018")
        #expect(needs.first?["problem"] as? Bool == true)
        let missing = NoticeRoute.check(try Self.check("chair_informed", status: "missing", given: nil))
        #expect(missing["state"] as? String == "missing: was due Friday 30 November 2018")
    }

    /// A step without a due date (the draft) must carry its own empty one: Mustache would
    /// otherwise print the report's due date in its place.
    @Test func everyClearanceStepCarriesEachKeyTheTemplateReads() throws {
        let readiness = """
            {"meeting": "OSC-2017-11-14", "meeting_date": "2017-11-14", "publish_by": "2017-11-06", "as_of": "2017-11-10",
             "deadlines": {"draft": "2017-10-30", "clearance": "2017-11-01", "approval": "2017-11-03", "pack": "2017-11-06"},
             "key_decisions": [], "private_notices": [], "unapproved": [], "warnings": [],
             "reports": [{"item": "item:4", "title": "Report", "stage": "submitted", "waiting_for": "clear_finance", "due": "2017-11-01",
                          "holder": "a finance officer", "late": true, "working_days_late": 7}]}
            """
        let record = """
            {"meeting": "OSC-2017-11-14", "item": "item:4", "title": "Report", "stage": "submitted", "stage_label": "submitted for clearance",
             "owner": "o@example.org", "owner_role": "Owner", "report_of": "d@example.org", "report_of_role": "Director",
             "finance": null, "legal": null, "waiting_for": "clear_finance", "due": "2017-11-01", "holder": "a finance officer",
             "late": true, "return_comment": null, "internal_consultations": null,
             "history": [{"step": "submit", "from": "draft", "to": "submitted", "by": "o@example.org", "at": "2017-10-27T09:00:00+01:00",
                          "reference": null, "comment": null}]}
            """
        let values = ClearanceDashboardRows.values(
            try WireCoding.decode(ReadinessDocument.self, from: Data(readiness.utf8)),
            records: [try WireCoding.decode(ClearanceDocument.self, from: Data(record.utf8))], forms: [[]])
        let report = try #require((values["reports"] as? [[String: Any]])?.first)
        let steps = try #require(report["steps"] as? [[String: Any]])
        #expect(steps.count == 6)
        for step in steps {
            for key in ["label", "done", "taken", "who", "when", "hasReference", "reference", "hasDue", "due"] {
                #expect(step[key] != nil, "\(step["label"] ?? "") has no \(key)")
            }
        }
        #expect(steps[0]["hasDue"] as? Bool == false)
        #expect(steps[1]["who"] as? String == "o@example.org" && steps[1]["when"] as? String == "27 October 2017")
        #expect(steps[1]["due"] as? String == "Monday 30 October 2017")
        #expect(steps[2]["done"] as? Bool == false && steps[2]["taken"] as? Bool == false)
        #expect(report["waiting"] as? String == "Clear the report for finance")
        #expect(report["lateBy"] as? String == "7 working days late")
    }

    /// The forms a report offers follow its clearance record's holder of the next step: a
    /// finance officer clears a submitted report or sends it back; its owner, a legal officer and
    /// an admin get no form; a report back in draft offers its owner the submission only.
    @Test func aReportOffersItsNextStepToItsHolderAlone() throws {
        func record(stage: String, waiting: String) throws -> ClearanceDocument {
            let json = """
                {"meeting": "OSC-2017-11-14", "item": "report:OSC/performance/2017-11", "title": "Report", "stage": "\(stage)",
                 "stage_label": "s", "owner": "o@example.org", "owner_role": "Owner", "report_of": "d@example.org", "report_of_role": "Director",
                 "finance": null, "legal": null, "waiting_for": "\(waiting)", "due": null, "holder": null, "late": false,
                 "return_comment": null, "internal_consultations": null, "history": []}
                """
            return try WireCoding.decode(ClearanceDocument.self, from: Data(json.utf8))
        }
        func forms(_ record: ClearanceDocument, _ user: User?) -> [String] {
            PortalRoutes.clearanceForms(record, board: "OSC", user: user, meetingID: "OSC-2017-11-14").map(\.id)
        }
        let submitted = try record(stage: "submitted", waiting: "clear_finance")
        let id = "clearance-report-OSC-performance-2017-11"
        #expect(forms(submitted, User(name: "f@example.org", role: .finance)) == ["\(id)-finance", "\(id)-return"])
        for user in [User(name: "o@example.org", role: .lead), User(name: "l@example.org", role: .legal), User(name: "admin", role: .admin), nil] {
            #expect(forms(submitted, user).isEmpty, "\(user?.name ?? "the public")")
        }
        let draft = try record(stage: "draft", waiting: "submit")
        #expect(forms(draft, User(name: "O@example.org", role: .lead)) == ["\(id)-submit"])
        let legal = try record(stage: "legal_cleared", waiting: "approve")
        #expect(forms(legal, User(name: "d@example.org", role: .member)) == ["\(id)-approve", "\(id)-return"])
        let approved = try record(stage: "approved", waiting: "add_to_pack")
        #expect(forms(approved, User(name: "s@example.org", role: .secretary, boardCode: "OSC")) == ["\(id)-return"])
        #expect(forms(approved, User(name: "d@example.org", role: .member)).isEmpty)
    }
}
