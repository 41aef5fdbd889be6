import QuorumDomain
import Testing

@Suite("Pack rules: deadlines, readers, warnings, notices")
struct PackRulesTests {
    let workingDays = WorkingDayCalendar()
    func date(_ text: String) -> LocalDate { LocalDate(iso: text)! }
    func meeting(_ day: String) -> Meeting {
        Meeting(boardCode: "OSC", date: date(day), time: LocalTime(hour: 18, minute: 30)!, venue: "Town Hall", origin: .calendar)
    }

    @Test func unreportedMeasuresAreNamedWithTheYearAndTheMeeting() throws {
        let year = try Period(parsing: "2018/19")
        #expect(PackRules.unreportedMeasuresWarning([], year: year, meetingDate: date("2018-12-12")) == nil)
        #expect(
            PackRules.unreportedMeasuresWarning(["M3"], year: year, meetingDate: date("2018-12-12"))
                == "Scorecard: 1 measure has no figure for a period of 2018/19 that had ended by the meeting on 2018-12-12: M3")
        #expect(
            PackRules.unreportedMeasuresWarning(["M3", "M7"], year: nil, meetingDate: date("2018-12-12"))
                == "Scorecard: 2 measures have no figure for any period ended by the meeting on 2018-12-12: M3, M7")
    }

    @Test func publicationIsLateTheDayAfterTheDeadline() {
        let scrutiny = meeting("2017-11-14")
        #expect(PackRules.publishBy(scrutiny, workingDays: workingDays) == date("2017-11-06"))
        #expect(!PackRules.isLate(publishingOn: date("2017-11-06"), scrutiny, workingDays: workingDays))
        #expect(PackRules.isLate(publishingOn: date("2017-11-07"), scrutiny, workingDays: workingDays))
    }

    @Test(arguments: [
        // (part, published, public board, who passes)
        (PackPart.public, true, true, ["public", "member", "other member", "secretary", "admin"]),
        (.exempt, true, true, ["member", "secretary", "admin"]),
        (.public, true, false, ["member", "secretary", "admin"]),
        (.public, false, true, ["secretary", "admin"]),
        (.exempt, false, true, ["secretary", "admin"]),
    ])
    func eachPartReachesExactlyItsReaders(part: PackPart, published: Bool, meetsInPublic: Bool, readers: [String]) {
        let people: [String: User?] = [
            "public": nil,
            "member": User(name: "m@example.org", role: .member, boardCode: "OSC"),
            "other member": User(name: "o@example.org", role: .member, boardCode: "HWBB"),
            "secretary": User(name: "s@example.org", role: .secretary, boardCode: "OSC"),
            "admin": User(name: "admin", role: .admin),
        ]
        let rule = PackRules.readers(of: part, published: published, boardMeetsInPublic: meetsInPublic)
        for (name, user) in people {
            #expect(rule.allows(user, in: AccessScope(boardCode: "OSC")) == readers.contains(name), "\(name)")
        }
    }

    @Test func aPersonSeatedByTheBoardFileIsAMember() {
        let rule = PackRules.readers(of: .exempt, published: true, boardMeetsInPublic: true)
        let lead = User(name: "osc.chair@example.org", role: .lead)
        #expect(!rule.allows(lead, in: AccessScope(boardCode: "OSC")))
        #expect(rule.allows(lead, in: AccessScope(boardCode: "OSC", seats: ["OSC"])))
    }

    @Test func keyDecisionsAndExemptItemsNeed28ClearDaysNotice() {
        // 28 clear days before 14 November 2017: notice by 16 October.
        let onTime = PackRules.noticeWarnings(
            number: 5, title: "Contract", isKeyDecision: true, isExempt: true, noticeGiven: date("2017-10-16"),
            meetingDate: date("2017-11-14"), workingDays: workingDays)
        #expect(onTime.isEmpty)
        let late = PackRules.noticeWarnings(
            number: 5, title: "Contract", isKeyDecision: true, isExempt: true, noticeGiven: date("2017-10-17"),
            meetingDate: date("2017-11-14"), workingDays: workingDays)
        #expect(late.count == 2)
        #expect(late[0].contains("needed by 2017-10-16; given 2017-10-17"))
        let plain = PackRules.noticeWarnings(
            number: 4, title: "Report", isKeyDecision: false, isExempt: false, noticeGiven: nil,
            meetingDate: date("2017-11-14"), workingDays: workingDays)
        #expect(plain.isEmpty)
    }

    @Test(arguments: [("2017/18 Q2", true), ("2017-10", true), ("2017-11", false), ("2017/18", false), ("2016/17", true)])
    func aPacksScorecardShowsOnlyPeriodsEndedByTheMeeting(period: String, shown: Bool) throws {
        #expect(PackRules.hasEnded(try Period(parsing: period), by: date("2017-11-14")) == shown)
    }

    @Test func aPublicationTellsTheChairAndEachMemberOnce() throws {
        let chair = Person(role: "Chair", email: "chair@example.org")
        let board = Board(
            code: "OSC", name: "Scrutiny", chair: chair, secretary: Person(role: "Clerk", email: "clerk@example.org"),
            members: [Person(role: "Member", email: "m1@example.org"), Person(role: "Vice-chair", email: "CHAIR@example.org")],
            reportsTo: [], meetsInPublic: true,
            calendar: MeetingCalendar(dates: [date("2017-11-14")], defaultTime: LocalTime(hour: 18, minute: 30)!, defaultVenue: "Hall"),
            cycles: [])
        let scrutiny = meeting("2017-11-14")
        let publication = PackPublication(
            packID: "OSC-2017-11-14-v1", boardCode: "OSC", boardName: "Scrutiny", meetingDate: scrutiny.date, meetingTime: scrutiny.time,
            venue: scrutiny.venue, publishBy: date("2017-11-06"), isLate: false, lateReason: nil, hasExemptPart: false)
        let notices = PackRules.publicationNotices(board: board, meeting: scrutiny, publication: publication)
        #expect(notices.map(\.recipient.email) == ["chair@example.org", "m1@example.org"])
        #expect(notices.compactMap(\.webhookEvent) == ["pack.published"])
    }
}

@Suite("Access rules")
struct AccessRuleTests {
    @Test func aSecretaryIsScopedToTheirBoard() {
        let rule = AccessRule.anyOf([.role(.admin), .secretaryOfBoard])
        let secretary = User(name: "s@example.org", role: .secretary, boardCode: "OSC")
        #expect(rule.allows(secretary, in: AccessScope(boardCode: "OSC")))
        #expect(!rule.allows(secretary, in: AccessScope(boardCode: "HWBB")))
        #expect(!rule.allows(nil, in: AccessScope(boardCode: "OSC")))
        #expect(rule.description == "admin, secretary of the board")
    }

    @Test func theLeadIsMatchedByEmailWhateverItsCase() {
        let lead = User(name: "Quality.Assurance.Manager@example.org", role: .lead)
        #expect(AccessRule.leadOfAction.allows(lead, in: AccessScope(actionLead: "quality.assurance.manager@example.org")))
        #expect(!AccessRule.leadOfAction.allows(lead, in: AccessScope(actionLead: "someone@example.org")))
    }

    @Test(arguments: [
        ("osc.chair@example.org", nil as String?), ("x<y@example.org", "the address contains \"<\""),
        ("no-at-sign", "an address needs one @ with text on both sides"), ("a@localhost", "the domain 'localhost' is not a mail domain"),
        ("a b@example.org", "the address contains \" \""),
    ])
    func oneEmailRule(text: String, problem: String?) {
        #expect(EmailAddressRule.problem(text) == problem)
    }
}

@Suite("Access rules judged before the arguments")
struct AccessPrecheckTests {
    @Test func aRuleThatCanNeverAdmitTheUserRefusesWithoutAScope() {
        let adminOnly = AccessRule.role(.admin)
        #expect(!adminOnly.couldAllow(nil))
        #expect(!adminOnly.couldAllow(User(name: "s@example.org", role: .secretary, boardCode: "OSC")))
        let boardSecretary = AccessRule.anyOf([.role(.admin), .secretaryOfBoard])
        #expect(boardSecretary.couldAllow(User(name: "s@example.org", role: .secretary, boardCode: "HWBB")))
        #expect(!boardSecretary.couldAllow(User(name: "m@example.org", role: .member, boardCode: "OSC")))
        #expect(AccessRule.leadOfAction.couldAllow(User(name: "l@example.org", role: .lead)))
        #expect(!AccessRule.leadOfAction.couldAllow(nil))
    }
}
