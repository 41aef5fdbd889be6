import Testing

@testable import QuorumDomain

private func d(_ text: String) -> LocalDate { LocalDate(iso: text)! }

@Suite("Minutes: resolutions in order, approved at the next meeting")
struct MinutesTests {
    /// Scrutiny's meetings from its board file: every other month on the second Tuesday, with
    /// September 2017 moved to the 26th.
    static let oscDates: [LocalDate] = MeetingCalendar(
        start: d("2017-01-10"), rule: try! RecurrenceRule(parsing: "FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU;UNTIL=20191231"),
        dates: [d("2017-09-26")], cancellations: [d("2017-09-12")], defaultTime: LocalTime(hour: 18, minute: 30)!,
        defaultVenue: "Town Hall"
    ).meetingDates(through: d("2018-12-31"))

    static let seedRecommendations = ["Reports continue to be provided on a six monthly basis", "", "  "]

    static func minutes() throws -> Minutes {
        try Minutes(
            boardCode: "OSC", meetingDate: d("2017-11-14"),
            items: [
                .init(number: 4, title: "Bi-annual progress report", text: "The Head of Service presented the report.",
                      resolutions: Resolution.fromRecommendations(seedRecommendations)),
                .init(number: 1, title: "Apologies for absence", text: "None."),
            ])
    }

    @Test("resolutions default to the report's recommendations, blanks left out")
    func defaultWording() throws {
        let resolutions = Resolution.fromRecommendations(Self.seedRecommendations)
        #expect(resolutions.map(\.wording) == ["Reports continue to be provided on a six monthly basis"])
        #expect(resolutions.map(\.number) == [1])
        #expect(resolutions[0].isCarried)
        #expect(try Self.minutes().items.map(\.number) == [1, 4])
    }

    @Test("a vote carries on more for than against, or a tie with the chair's casting vote")
    func votes() {
        #expect(Resolution.Vote(inFavour: 5, against: 2, abstentions: 1).isCarried)
        #expect(!Resolution.Vote(inFavour: 2, against: 5, abstentions: 0).isCarried)
        #expect(!Resolution.Vote(inFavour: 3, against: 3, abstentions: 1).isCarried)
        #expect(Resolution.Vote(inFavour: 3, against: 3, abstentions: 1, castingVoteInFavour: true).isCarried)
    }

    @Test("a vote as written down: counts and a casting vote, each field's fault named")
    func voteAsWritten() throws {
        #expect(try Resolution.Vote(for: nil, against: "", abstain: " ", casting: nil) == nil)
        #expect(
            try Resolution.Vote(for: " 6 ", against: "1", abstain: nil, casting: nil)
                == Resolution.Vote(inFavour: 6, against: 1, abstentions: 0))
        #expect(
            try Resolution.Vote(for: "3", against: "3", abstain: "1", casting: "For")
                == Resolution.Vote(inFavour: 3, against: 3, abstentions: 1, castingVoteInFavour: true))
        let faults: [(String?, String?, String?, String?, String)] = [
            ("seven", "1", nil, nil, "for"),
            ("-1", "1", nil, nil, "for"),
            ("6", nil, nil, nil, "against"),
            (nil, nil, "2", nil, "for"),
            ("3", "3", nil, "maybe", "casting"),
            ("4", "3", nil, "against", "casting"),
        ]
        for (inFavour, against, abstain, casting, field) in faults {
            #expect(throws: MeetingRecordError.self, "\(field)") {
                try Resolution.Vote(for: inFavour, against: against, abstain: abstain, casting: casting)
            }
            do throws(MeetingRecordError) {
                _ = try Resolution.Vote(for: inFavour, against: against, abstain: abstain, casting: casting)
            } catch {
                #expect(error.field == field)
            }
        }
    }

    @Test("resolutions out of order, or two minutes of one item, are refused")
    func refusals() {
        #expect(throws: MeetingRecordError.self) {
            try Minutes(boardCode: "OSC", meetingDate: d("2017-11-14"), items: [
                .init(number: 4, title: "Report", text: "", resolutions: [Resolution(number: 2, wording: "That…")]),
            ])
        }
        #expect(throws: MeetingRecordError.self) {
            try Minutes(boardCode: "OSC", meetingDate: d("2017-11-14"), items: [
                .init(number: 4, title: "Report", text: ""), .init(number: 4, title: "Again", text: ""),
            ])
        }
    }

    @Test("the 14 November 2017 minutes go to 9 January 2018 and are approved there, and only there")
    func approvedAtTheNextMeeting() throws {
        #expect(Minutes.nextMeeting(after: d("2017-11-14"), in: Self.oscDates) == d("2018-01-09"))
        #expect(Minutes.previousMeeting(before: d("2018-01-09"), in: Self.oscDates) == d("2017-11-14"))

        var minutes = try Self.minutes()
        #expect(throws: MeetingRecordError.self) {
            try minutes.approve(at: d("2018-03-13"), boardMeetings: Self.oscDates, today: d("2018-01-09"), by: "scrutiny.secretary@example.org")
        }
        #expect(!minutes.isApproved)
        try minutes.approve(at: d("2018-01-09"), boardMeetings: Self.oscDates, today: d("2018-01-09"), by: "scrutiny.secretary@example.org")
        #expect(minutes.status == .approved(meetingDate: d("2018-01-09"), by: "scrutiny.secretary@example.org"))
        #expect(throws: MeetingRecordError.self) { try minutes.record(.init(number: 5, title: "AOB", text: "")) }
        #expect(throws: MeetingRecordError.self) {
            try minutes.approve(at: d("2018-01-09"), boardMeetings: Self.oscDates, today: d("2018-01-09"), by: "scrutiny.secretary@example.org")
        }
    }

    @Test("minutes are not approved before the approving meeting: on 8 January 2018 the 9 January meeting has not happened")
    func notApprovedBeforeTheMeeting() throws {
        var minutes = try Self.minutes()
        let early = #expect(throws: MeetingRecordError.self) {
            try minutes.approve(at: d("2018-01-09"), boardMeetings: Self.oscDates, today: d("2018-01-08"), by: "scrutiny.secretary@example.org")
        }
        #expect(early?.field == "meeting")
        #expect(early?.value == "2018-01-09")
        #expect(early?.reason.contains("has not yet taken place (today is 2018-01-08)") == true)
        #expect(!minutes.isApproved)
        // On the day of the meeting they are approved.
        try minutes.approve(at: d("2018-01-09"), boardMeetings: Self.oscDates, today: d("2018-01-09"), by: "scrutiny.secretary@example.org")
        #expect(minutes.isApproved)
    }

    @Test("an update report requested for January 2018 binds to Scrutiny's 9 January 2018 meeting")
    func reportRequestBinds() throws {
        let owner = Person(role: "Head of Children's Social Care", email: "head.childrens.social.care@example.org")
        let month = try ReportRequest.month(parsing: "January 2018")
        #expect(month == YearMonth(year: 2018, month: 1))
        #expect(try ReportRequest.month(parsing: "Jan 2018") == month)
        #expect(try ReportRequest.month(parsing: "2018-01") == month)
        let request = ReportRequest(boardCode: "OSC", month: month, title: "Update on the independent review", owner: owner)
        let binding = request.binding(meetingDates: Self.oscDates)
        #expect(binding.meetingDate == d("2018-01-09"))
        #expect(binding.warning == nil)

        // Scrutiny does not meet in February: the secretary is warned.
        let february = ReportRequest(boardCode: "OSC", month: YearMonth(year: 2018, month: 2), title: "Update", owner: owner)
        let none = february.binding(meetingDates: Self.oscDates)
        #expect(none.meetingDate == nil)
        #expect(none.warning == "OSC has no meeting in 2018-02 to take the requested report 'Update': it becomes an item of the first one added")
        #expect(throws: MeetingRecordError.self) { try ReportRequest.month(parsing: "Janvier 2018") }
    }
}
