import Foundation
import QuorumDomain
import QuorumPacks
import QuorumStorage

extension PackService {
    /// The minutes that `meeting`'s "Minutes of the previous meeting" item carries: those of the
    /// board's meeting before it, draft or approved, when any are recorded.
    func previousMinutes(for meeting: Meeting) async throws -> MinutesContent? {
        let dates = try await database.meetings(of: meeting.boardCode).map(\.date)
        guard let previous = Minutes.previousMeeting(before: meeting.date, in: dates) else { return nil }
        return try await MinutesContent.load(
            meetingID: Meeting.id(board: meeting.boardCode, date: previous), database: database, governance: governance)
    }
}

extension MinutesContent {
    /// A meeting's minutes as the renderer takes them, or nil when none are recorded.
    static func load(meetingID: String, database: AppDatabase, governance: GovernanceService) async throws -> MinutesContent? {
        let stored = try await database.minutes(meetingID: meetingID)
        guard !stored.items.isEmpty else { return nil }
        let meeting = try await governance.meeting(meetingID)
        let board = try await governance.board(meeting.boardCode)
        let rows = try await database.attendance(meetingID: meetingID)
        func names(_ status: AttendanceRow.Status) -> [String] {
            rows.filter { $0.status == status }.map { row in
                status == .substitute ? "\(row.person.role) (for \(row.substituteFor ?? ""))" : row.person.role
            }
        }
        // The members no record names are absent, as the attendance document counts them.
        var absent: [String] = []
        var quorum: MinutesContent.Quorum?
        if !rows.isEmpty {
            let known = rows.filter { row in
                row.status == .substitute || board.votingMembers.contains { EmailAddressRule.same($0.email, row.person.email) }
            }
            if let attendance = try? MeetingRecordService.attendance(of: board, rows: known) {
                absent = attendance.absent.map(\.role)
                quorum = MinutesContent.Quorum(
                    rule: board.quorumRule.description, membership: attendance.membership,
                    required: board.quorumRule.required(membership: attendance.membership), present: attendance.votingPresent)
            }
        }
        // A declaration names its member by role, as the minutes name everyone.
        let roles = board.votingMembers.map { ($0.email, $0.role) } + rows.map { ($0.person.email, $0.person.role) }
        func role(of email: String) -> String { roles.first { EmailAddressRule.same($0.0, email) }?.1 ?? email }
        let declarations = Dictionary(grouping: try await database.declarations(meetingID: meetingID), by: \.item)
        let approvedOn = try await stored.approval.asyncMap { try await governance.meeting($0.meetingID).date }
        return MinutesContent(
            boardName: board.name, meetingDate: meeting.date, approvedOn: approvedOn,
            attendance: [
                ("Present", names(.present)), ("Substitutes", names(.substitute)), ("Apologies", names(.apologies)), ("Absent", absent),
            ],
            quorum: quorum,
            items: stored.items.map { minute in
                MinutesContent.Item(
                    number: minute.itemNumber, title: minute.title, text: minute.text, exemptParagraph: minute.exemptParagraph,
                    declarations: (declarations[minute.itemNumber] ?? []).map { declaration in
                        MinutesContent.Declaration(
                            member: role(of: declaration.member), kind: declaration.kind, nature: declaration.nature,
                            leftRoom: declaration.leftRoom, dispensation: declaration.dispensation)
                    },
                    resolutions: minute.resolutions.map { stored in
                        let resolution = stored.resolution
                        return MinutesContent.Resolution(
                            reference: stored.reference, number: resolution.number, wording: resolution.wording,
                            carried: resolution.isCarried,
                            vote: resolution.vote.map { "\($0.inFavour) for, \($0.against) against, \($0.abstentions) abstaining" })
                    })
            })
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
