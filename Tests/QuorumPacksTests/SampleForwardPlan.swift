import QuorumDomain
import QuorumPacks

/// A Forward Plan for golden files: one key decision on each notice route, one with no meeting
/// yet, one exempt (its report withheld), one carried by an agenda item, and reports with and
/// without a title or an owner.
enum SampleForwardPlan {
    static let asOf = LocalDate(year: 2018, month: 6, day: 1)!

    /// As the plan is published by a daemon whose portal has this address (or none).
    static func content(portalURL: String? = "https://democracy.example.org") throws -> ForwardPlanContent {
        let calendar = WorkingDayCalendar()
        let owner = Person(role: "Director of Children's Services", email: "dcs@example.org")
        let entries = [
            try ForwardPlanEntry(
                reference: "FP-2018-07", title: "Residential care framework", decisionMaker: "CABINET",
                meetingDate: LocalDate(year: 2018, month: 7, day: 26), reportTitle: "Commissioning residential care",
                reportOwner: owner, firstPublished: LocalDate(year: 2018, month: 5, day: 1)),
            try ForwardPlanEntry(
                reference: "FP-2018-08", title: "Provider Alpha contract", decisionMaker: "CABINET",
                meetingDate: LocalDate(year: 2018, month: 6, day: 28), reportOwner: owner, firstPublished: nil,
                exemptParagraph: 3,
                generalException: .init(
                    chairInformedOn: LocalDate(year: 2018, month: 6, day: 1),
                    noticePublishedOn: LocalDate(year: 2018, month: 6, day: 1))),
            try ForwardPlanEntry(
                reference: "FP-2018-09", title: "Emergency placement funding", decisionMaker: "CABINET",
                meetingDate: LocalDate(year: 2018, month: 6, day: 4), reportTitle: "Placement pressures",
                firstPublished: nil,
                specialUrgency: .init(agreedBy: "Chair of Overview and Scrutiny", agreedOn: LocalDate(year: 2018, month: 6, day: 1))),
            try ForwardPlanEntry(
                reference: "FP-2018-10", title: "Youth service review <draft>", decisionMaker: "SCRUTINY",
                meetingDate: nil, firstPublished: nil),
        ]
        let items: [String: [ForwardPlanContent.LinkedItem]] = [
            "FP-2018-07": [.init(meetingID: "CABINET-2018-07-26", meetingDate: LocalDate(year: 2018, month: 7, day: 26)!, number: 4, title: "Residential care framework")]
        ]
        return ForwardPlanContent(
            asOf: asOf, boardNames: ["CABINET": "Cabinet"],
            entries: entries.map { .published($0, notice: $0.notice(asOf: asOf, calendar: calendar), items: items[$0.reference] ?? []) },
            portalURL: portalURL)
    }
}
