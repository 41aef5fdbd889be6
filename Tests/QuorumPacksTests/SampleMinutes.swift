import QuorumDomain
import QuorumPacks

/// The minutes of the sample meeting for golden files: attendance with the quorum, a public item
/// with a declaration of interest and a carried and a lost resolution, one resolved without a
/// vote, and an exempt item whose minute (and the declaration on it) only Part II prints.
enum SampleMinutes {
    static let content = MinutesContent(
        boardName: "Overview and Scrutiny Committee (Children's Services & Safeguarding)",
        meetingDate: SamplePack.meetingDate,
        approvedOn: LocalDate(year: 2018, month: 1, day: 16),
        attendance: [
            (label: "Present", names: ["Councillor Hardy (in the chair)", "Councillor Carr", "Councillor O'Hanlon"]),
            (label: "Apologies", names: ["Councillor Byrom"]),
            (label: "Absent", names: ["Councillor Ashworth"]),
            (label: "Also present", names: []),
        ],
        quorum: MinutesContent.Quorum(rule: "1/4 min 3", membership: 5, required: 3, present: 3),
        items: [
            MinutesContent.Item(
                number: 4, title: "Children's Social Care performance",
                text: "The Committee considered the report of the Director of Social Care and Health.\n\nMembers asked about caseloads & agency staff.",
                exemptParagraph: nil,
                declarations: [
                    MinutesContent.Declaration(
                        member: "Councillor Carr", kind: .otherRegistrable, nature: "Governor of a school named in the report",
                        leftRoom: false)
                ],
                resolutions: [
                    MinutesContent.Resolution(
                        reference: "OSC-2017-11-14/4.1", number: 1,
                        wording: "That reports continue to be provided on a six-monthly basis.", carried: true,
                        vote: "5 for, 1 against, 1 abstention"),
                    MinutesContent.Resolution(
                        reference: "OSC-2017-11-14/4.2", number: 2, wording: "That the scorecard be published monthly.",
                        carried: false, vote: "2 for, 5 against"),
                ]),
            MinutesContent.Item(
                number: 5, title: "Work programme", text: "The Committee noted its work programme.", exemptParagraph: nil,
                resolutions: [
                    MinutesContent.Resolution(
                        reference: "OSC-2017-11-14/5.1", number: 1, wording: "That the work programme be noted.",
                        carried: true, vote: nil)
                ]),
            MinutesContent.Item(
                number: 6, title: "Residential provider negotiation",
                text: "The Committee considered the negotiating mandate for Provider Alpha.", exemptParagraph: 3,
                declarations: [
                    MinutesContent.Declaration(
                        member: "Councillor O'Hanlon", kind: .disclosablePecuniary, nature: "Spouse employed by Provider Alpha",
                        leftRoom: true)
                ],
                resolutions: [
                    MinutesContent.Resolution(
                        reference: "OSC-2017-11-14/6.1", number: 1, wording: "That the negotiating mandate be agreed.",
                        carried: true, vote: nil)
                ]),
        ])

    /// The same minutes before they are approved.
    static var draft: MinutesContent {
        var minutes = content
        minutes.approvedOn = nil
        return minutes
    }
}
