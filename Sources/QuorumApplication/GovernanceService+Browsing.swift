import Foundation
import QuorumDomain
import QuorumStorage
import QuorumWire

/// Boards and meetings as the acting user may browse them: a board that does not meet in public
/// is not there for anyone outside its members, its secretary and admins (`BoardVisibility`).
extension GovernanceService {
    /// The boards `user` may see, in board-file order, each with what the user may do there.
    public func visibleBoards(as user: User?) async throws -> [BoardViewDocument] {
        try await authorizer.authorize(.boardView, user)
        let boards = try await database.boards()
        var visible: [BoardViewDocument] = []
        for board in boards where try await sees(board, user) {
            visible.append(try await view(board, allBoards: boards, as: user))
        }
        return visible
    }

    /// One board, if `user` may see it.
    /// - Throws: `notFound` for an unknown board and for one the user may not see alike.
    public func visibleBoard(_ code: String, as user: User?) async throws -> BoardViewDocument {
        try await authorizer.authorize(.boardView, user)
        let boards = try await database.boards()
        guard let board = boards.first(where: { $0.code == code.uppercased() }), try await sees(board, user) else {
            throw ApplicationError(.notFound, "no board '\(code)'")
        }
        return try await view(board, allBoards: boards, as: user)
    }

    /// Every active board's code and name, whoever asks: a board's name is public knowledge even
    /// when its meetings are not (a page names the boards one reports to, linking only those the
    /// user may see).
    public func boardNames(as user: User?) async throws -> [String: String] {
        try await authorizer.authorize(.boardList, user)
        return Dictionary(uniqueKeysWithValues: try await database.boards().map { ($0.code, $0.name) })
    }

    /// The meetings from `from` to `to` (inclusive, either open) of the boards `user` may see
    /// (of `boards` only, when given), by date and time.
    public func calendar(from: LocalDate?, to: LocalDate?, boards only: Set<String>? = nil, as user: User?) async throws
        -> [CalendarEntryDocument]
    {
        try await authorizer.authorize(.calendarList, user)
        if let from, let to, to < from {
            throw ApplicationError(.badArgument, "to \(to) is before from \(from)")
        }
        var names: [String: String] = [:]
        for board in try await database.boards() where only?.contains(board.code) ?? true {
            if try await sees(board, user) { names[board.code] = board.name }
        }
        guard !names.isEmpty else { return [] }
        return try await database.meetingsWithSequence(from: from, to: to).compactMap { row in
            guard let name = names[row.meeting.boardCode] else { return nil }
            return CalendarEntryDocument(
                meeting: MeetingDocument(row.meeting, publishBy: PackRules.publishBy(row.meeting, workingDays: workingDays)),
                boardName: name, sequence: row.sequence)
        }
    }

    /// Role titles by lower-cased address, as the board files, the Forward Plan and the
    /// improvement plan name people (the portal shows people by role): `first`'s own chair,
    /// secretary, members and report owners before the other boards', then the Forward Plan's
    /// report owners, then the action leads; the first title found for an address is kept.
    func roleTitles(first: Board, among boards: [Board]) async throws -> [String: String] {
        var titles: [String: String] = [:]
        func learn(_ people: [Person]) {
            for person in people where !person.role.isEmpty && titles[person.email.lowercased()] == nil {
                titles[person.email.lowercased()] = person.role
            }
        }
        for board in [first] + boards.filter({ $0.code != first.code }) {
            learn([board.chair, board.secretary] + board.members + board.cycles.map(\.owner))
        }
        learn(try await database.forwardPlanEntries().compactMap(\.entry.reportOwner))
        learn(try await database.planActions().map(\.lead))
        return titles
    }

    /// Whether `user` may see `board` at all.
    func sees(_ board: Board, _ user: User?) async throws -> Bool {
        try await authorizer.allows(
            BoardVisibility.viewers(boardMeetsInPublic: board.meetsInPublic), user, scope: AccessScope(boardCode: board.code))
    }

    /// The board with the core's answers to what `user` may do with its packs.
    func view(_ board: Board, allBoards: [Board], as user: User?) async throws -> BoardViewDocument {
        let scope = AccessScope(boardCode: board.code)
        let open = board.meetsInPublic
        let next = try await database.meetings(of: board.code, from: clock.today).first
        return BoardViewDocument(
            board: BoardDocument(board, allBoards: allBoards, nextMeeting: next?.id),
            readsExempt: try await authorizer.allows(PackRules.readers(of: .exempt, published: true, boardMeetsInPublic: open), user, scope: scope),
            seesDrafts: try await authorizer.allows(PackRules.listers(published: false, boardMeetsInPublic: open), user, scope: scope),
            builds: try await authorizer.allows(Operation.packBuild.access, user, scope: scope),
            publishes: try await authorizer.allows(Operation.packPublish.access, user, scope: scope))
    }
}
