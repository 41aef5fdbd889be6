import Testing

@testable import QuorumDomain

@Suite("Attendance and the quorum")
struct AttendanceTests {
    static let members = (1...8).map { Person(role: "Board Member \($0)", email: "member.\($0)@example.org") }
    static func substitute(_ n: Int, for member: Int) -> Attendance.Substitute {
        .init(person: Person(role: "Substitute Member \(n)", email: "substitute.\(n)@example.org"), forMember: "member.\(member)@example.org")
    }

    /// A board of 8: members 1-3 present, 4 and 5 sent apologies and substitutes sat for them,
    /// 6 and 7 sent apologies, 8 is absent.
    static func eightWithThreePresentAndTwoSubstitutes(substitutes: Bool = true) throws -> Attendance {
        let records: [Attendance.Record] =
            members[0..<3].map { .init(member: $0, status: .present) }
            + members[3..<7].map { .init(member: $0, status: .apologies) }
        return try Attendance(
            members: members, records: records, substitutes: substitutes ? [substitute(1, for: 4), substitute(2, for: 5)] : [])
    }

    @Test("a board of 8 with 3 present and 2 substitutes is quorate under a third: 5 count, 3 are needed")
    func boardOfEight() throws {
        let attendance = try Self.eightWithThreePresentAndTwoSubstitutes()
        #expect(QuorumRule.default.required(membership: 8) == 3)
        #expect(attendance.votingPresent == 5)
        #expect(attendance.isQuorate(under: .default))
        #expect(attendance.present.count == 3)
        #expect(attendance.apologies.count == 4)
        #expect(attendance.absent.map(\.email) == ["member.8@example.org"])
    }

    @Test("substitutes count: under a half (4 of 8) the meeting is quorate with them and not without")
    func substitutesCount() throws {
        let half = try QuorumRule(parsing: "1/2")
        #expect(half.required(membership: 8) == 4)
        #expect(try Self.eightWithThreePresentAndTwoSubstitutes().isQuorate(under: half))
        #expect(try !Self.eightWithThreePresentAndTwoSubstitutes(substitutes: false).isQuorate(under: half))
    }

    @Test(
        "quorum rules: a number, a fraction rounded up, a fraction with a floor",
        arguments: [("3", 8, 3), ("1/3", 8, 3), ("1/3", 9, 3), ("1/3", 10, 4), ("1/4 min 3", 8, 3), ("1/4 min 3", 16, 4), ("1/2", 7, 4)])
    func rules(text: String, membership: Int, required: Int) throws {
        let rule = try QuorumRule(parsing: text)
        #expect(rule.required(membership: membership) == required)
        #expect(rule.description == text)
    }

    @Test("bad quorum rules are refused with the forms", arguments: ["", "0", "three", "3/2", "1/0", "1/4 at least 3", "1/3 min"])
    func badRules(text: String) {
        #expect(throws: MeetingRecordError.self) { try QuorumRule(parsing: text) }
    }

    @Test("a substitute for a member who was present, or for a non-member, is refused")
    func badSubstitutes() {
        let present = [Attendance.Record(member: Self.members[0], status: .present)]
        #expect(throws: MeetingRecordError.self) {
            try Attendance(members: Self.members, records: present, substitutes: [Self.substitute(1, for: 1)])
        }
        #expect(throws: MeetingRecordError.self) {
            try Attendance(members: Self.members, records: [], substitutes: [Self.substitute(1, for: 9)])
        }
        #expect(throws: MeetingRecordError.self) {
            try Attendance(members: Self.members, records: [], substitutes: [Self.substitute(1, for: 2), Self.substitute(2, for: 2)])
        }
        #expect(throws: MeetingRecordError.self) {
            try Attendance(members: Self.members, records: present + present)
        }
    }

    @Test("a disclosable pecuniary interest without leaving the room or a dispensation is flagged")
    func declarations() {
        let stayed = DeclarationOfInterest(
            member: "member.2@example.org", item: 4, kind: .disclosablePecuniary, nature: "Spouse employed by a provider", leftRoom: false)
        #expect(stayed.warning?.contains("item 4") == true)
        var left = stayed
        left.leftRoom = true
        #expect(left.warning == nil)
        var dispensed = stayed
        dispensed.dispensation = true
        #expect(dispensed.warning == nil)
        let other = DeclarationOfInterest(member: "member.3@example.org", item: 4, kind: .otherRegistrable, nature: "School governor", leftRoom: false)
        #expect(other.warning == nil)
    }
}
