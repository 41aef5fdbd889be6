/// Who was at a meeting: each member of the board present, with apologies, or absent, and the
/// substitutes who sat for members who could not come.
///
/// **Quorum.** A substitute sits in the place of the member they replace and counts as that
/// member (council procedure rules give a substitute the member's rights for the meeting), so the
/// voting members present are the members present plus the substitutes. A board of 8 with a
/// quorum of one third needs ⌈8/3⌉ = 3; with 3 members and 2 substitutes present, 5 count, and it
/// is quorate. Observers and officers do not count.
///
/// ```swift
/// let attendance = try Attendance(members: board.members, records: records, substitutes: subs)
/// attendance.isQuorate(under: .default)  // true
/// ```
public struct Attendance: Hashable, Sendable, Codable {
    /// A member's attendance.
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        case present
        case apologies
        case absent
    }

    /// One member, by the email the board file gives.
    public struct Record: Hashable, Sendable, Codable {
        public var member: Person
        public var status: Status

        public init(member: Person, status: Status) {
            self.member = member
            self.status = status
        }
    }

    /// Someone who sat for a member.
    public struct Substitute: Hashable, Sendable, Codable {
        public var person: Person
        /// The email of the member they replaced.
        public var forMember: String

        public init(person: Person, forMember: String) {
            self.person = person
            self.forMember = forMember
        }
    }

    /// One record per member of the board, in the board's order.
    public private(set) var records: [Record]
    public private(set) var substitutes: [Substitute]

    /// Attendance for a board of `members`. A member without a record is absent.
    ///
    /// - Throws: ``MeetingRecordError`` for a record of someone who is not a member, two records
    ///   for one member, a substitute for a non-member, for a member who was present, or a second
    ///   substitute for the same member.
    public init(members: [Person], records: [Record], substitutes: [Substitute] = []) throws(MeetingRecordError) {
        let emails = members.map { $0.email.lowercased() }
        var byMember: [String: Status] = [:]
        for record in records {
            let email = record.member.email.lowercased()
            guard emails.contains(email) else {
                throw MeetingRecordError(field: "member", value: record.member.email, reason: "is not a member of the board")
            }
            guard byMember[email] == nil else {
                throw MeetingRecordError(field: "member", value: record.member.email, reason: "has two attendance records")
            }
            byMember[email] = record.status
        }
        var replaced = Set<String>()
        for substitute in substitutes {
            let email = substitute.forMember.lowercased()
            guard emails.contains(email) else {
                throw MeetingRecordError(
                    field: "substitute_for", value: substitute.forMember, reason: "a substitute sits for a member of the board")
            }
            guard byMember[email] != .present else {
                throw MeetingRecordError(
                    field: "substitute_for", value: substitute.forMember, reason: "the member was present, so nobody sat for them")
            }
            guard replaced.insert(email).inserted else {
                throw MeetingRecordError(field: "substitute_for", value: substitute.forMember, reason: "already has a substitute")
            }
        }
        self.records = members.map { Record(member: $0, status: byMember[$0.email.lowercased()] ?? .absent) }
        self.substitutes = substitutes
    }

    public var membership: Int { records.count }
    public var present: [Person] { records.filter { $0.status == .present }.map(\.member) }
    public var apologies: [Person] { records.filter { $0.status == .apologies }.map(\.member) }
    public var absent: [Person] { records.filter { $0.status == .absent }.map(\.member) }

    /// Members present plus substitutes: those who count towards the quorum and may vote.
    public var votingPresent: Int { present.count + substitutes.count }

    public func isQuorate(under rule: QuorumRule) -> Bool {
        votingPresent >= rule.required(membership: membership)
    }
}
