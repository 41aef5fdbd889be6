import Foundation
import QuorumDomain
import QuorumStorage

/// What the portal's pages read, each answer already limited to what `user` may see.
///
/// The pages hold no rule of their own: who sees a private board, an exempt part or an
/// unpublished version is decided here, in one place, from the acting user.
public struct PortalCatalogue: Sendable {
    let database: AppDatabase
    let workingDays: WorkingDayCalendar
    let packFiles: PackFileStore

    public init(database: AppDatabase, workingDays: WorkingDayCalendar, packFiles: PackFileStore) {
        self.database = database
        self.workingDays = workingDays
        self.packFiles = packFiles
    }

    /// What a user may do with one board.
    struct BoardAccess: Sendable {
        /// The board is shown at all: it meets in public, or the user sits on it, keeps it or is admin.
        var canSee: Bool
        /// Exempt (Part II) parts: its members, its secretary and admins.
        var canSeeExempt: Bool
        /// Unpublished versions and their warnings: its secretary and admins.
        var canSeeUnpublished: Bool
    }

    func access(_ user: User?, to board: Board) async throws -> BoardAccess {
        guard let user else { return BoardAccess(canSee: board.meetsInPublic, canSeeExempt: false, canSeeUnpublished: false) }
        let keeps = user.isSecretary(of: board.code)
        var seated = keeps || (user.role == .member && user.boardCode == board.code)
        if !seated { seated = try await database.boardCodes(seating: user.name).contains(board.code) }
        return BoardAccess(canSee: board.meetsInPublic || seated, canSeeExempt: seated, canSeeUnpublished: keeps)
    }

    /// The boards the user may see, by code.
    func boards(for user: User?) async throws -> [Board] {
        var visible: [Board] = []
        for board in try await database.boards() where try await access(user, to: board).canSee {
            visible.append(board)
        }
        return visible
    }

    /// Every active board, whoever asks: for "reports to" names only (a code and a name are
    /// public knowledge even for a private board).
    func allBoardNames() async throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try await database.boards().map { ($0.code, $0.name) })
    }

    func board(_ code: String, for user: User?) async throws -> (Board, BoardAccess)? {
        guard let board = try await database.boards().first(where: { $0.code == code.uppercased() }) else { return nil }
        let access = try await access(user, to: board)
        return access.canSee ? (board, access) : nil
    }

    /// Meetings of the boards the user may see in a date range, with their calendar sequence.
    func meetings(for user: User?, boards only: Set<String>? = nil, from: LocalDate?, to: LocalDate?) async throws
        -> [(meeting: Meeting, sequence: Int, board: Board)]
    {
        let boards = Dictionary(uniqueKeysWithValues: try await boards(for: user).map { ($0.code, $0) })
        return try await database.meetingsWithSequence(from: from, to: to).compactMap { row in
            guard let board = boards[row.meeting.boardCode], only?.contains(board.code) ?? true else { return nil }
            return (row.meeting, row.sequence, board)
        }
    }

    /// A meeting with what the user may see of its packs.
    struct MeetingDetails: Sendable {
        var meeting: Meeting
        var board: Board
        var access: BoardAccess
        var publishBy: LocalDate
        var agenda: [AgendaLine]
        /// Oldest first: published versions, and unpublished ones for the secretary.
        var packs: [StoredPack]
    }

    struct AgendaLine: Sendable {
        var number: Int
        var title: String
        var owner: String?
        var isKeyDecision: Bool
        var exemptParagraph: Int?
    }

    func meeting(_ id: String, for user: User?) async throws -> MeetingDetails? {
        guard let meeting = try await database.meeting(id: id),
            let (board, access) = try await board(meeting.boardCode, for: user)
        else { return nil }
        let packs = try await database.packs(meetingID: meeting.id).filter { access.canSeeUnpublished || $0.publishedAt != nil }
        // The agenda as the newest version shows it, with the items added since.
        let added = try await database.agendaItems(meetingID: meeting.id)
        var lines: [AgendaLine] = []
        if let latest = packs.last {
            for entry in latest.manifest {
                let item = added.first { $0.key == entry.key }
                lines.append(
                    AgendaLine(
                        number: entry.number, title: entry.title, owner: item?.ownerEmail, isKeyDecision: item?.isKeyDecision ?? false,
                        exemptParagraph: item?.exemptParagraph ?? (entry.isExempt ? 0 : nil)))
            }
        } else {
            for title in AgendaItem.openingTitles {
                lines.append(AgendaLine(number: lines.count + 1, title: title, owner: nil, isKeyDecision: false, exemptParagraph: nil))
            }
        }
        let shown = Set(packs.last?.manifest.map(\.key) ?? [])
        for item in added where !shown.contains(item.key) {
            lines.append(
                AgendaLine(
                    number: lines.count + 1, title: item.title, owner: item.ownerEmail, isKeyDecision: item.isKeyDecision,
                    exemptParagraph: item.exemptParagraph))
        }
        return MeetingDetails(
            meeting: meeting, board: board, access: access, publishBy: workingDays.publicationDeadline(forMeetingOn: meeting.date),
            agenda: lines, packs: packs)
    }

    /// A pack file by its content address, if the user may have it.
    enum PackFile: Sendable {
        case file(Data, PackPartLocation, Meeting, StoredPack)
        /// It exists but is exempt and the user is not one of the board's members.
        case forbidden(signedIn: Bool)
        case notFound
    }

    func packFile(sha256: String, format: String, for user: User?) async throws -> PackFile {
        var forbidden = false
        for location in try await database.packParts(sha256: sha256) where location.format == format {
            guard let pack = try await database.pack(id: location.packID), let meeting = try await database.meeting(id: location.meetingID),
                let (_, access) = try await board(meeting.boardCode, for: user),
                pack.publishedAt != nil || access.canSeeUnpublished
            else { continue }
            if location.part == "exempt" && !access.canSeeExempt {
                forbidden = true
                continue
            }
            return .file(try packFiles.load(sha256, extension: format), location, meeting, pack)
        }
        return forbidden ? .forbidden(signedIn: user != nil) : .notFound
    }

    /// The newest published versions of the boards that meet in public.
    func latestPublished(limit: Int) async throws -> [(pack: StoredPack, meeting: Meeting, board: Board)] {
        let boards = Dictionary(uniqueKeysWithValues: try await database.boards().filter(\.meetsInPublic).map { ($0.code, $0) })
        var rows: [(StoredPack, Meeting, Board)] = []
        for pack in try await database.publishedPacks(limit: limit * 4) {
            guard let meeting = try await database.meeting(id: pack.meetingID), let board = boards[meeting.boardCode] else { continue }
            rows.append((pack, meeting, board))
            if rows.count == limit { break }
        }
        return rows
    }

    /// Full-text search over published public parts of the boards that meet in public.
    func search(_ query: String, board: String?, from: LocalDate?, to: LocalDate?) async throws -> [PackSearchHit] {
        try await indexNewlyPublished()
        var codes = try await database.boards().filter(\.meetsInPublic).map(\.code)
        if let board { codes = codes.filter { $0 == board.uppercased() } }
        return try await database.searchPacks(query, boards: codes, from: from, to: to)
    }

    /// Adds to the index every published version not yet in it: the public HTML part of the
    /// boards that meet in public, as text. Private boards' packs are recorded empty.
    func indexNewlyPublished() async throws {
        let publicBoards = Set(try await database.boards().filter(\.meetsInPublic).map(\.code))
        for pack in try await database.unindexedPublishedPacks() {
            guard let meeting = try await database.meeting(id: pack.meetingID) else { continue }
            var title = ""
            var body = ""
            if publicBoards.contains(meeting.boardCode), let part = pack.parts.first(where: { $0.part == .public && $0.format == .html }),
                let data = try? packFiles.load(part.sha256, extension: "html")
            {
                let html = String(decoding: data, as: UTF8.self)
                title = HTMLText.title(of: html) ?? pack.id
                body = HTMLText.plainText(of: html)
            }
            try await database.indexPack(packID: pack.id, meeting: meeting, title: title, body: body)
        }
    }
}
