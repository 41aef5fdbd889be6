import Foundation
import QuorumDomain
import QuorumStorage
import QuorumWire

/// A pack part's bytes found by its content address, with the version and part it belongs to.
public struct PackFile: Sendable {
    public let data: Data
    public let packID: String
    public let part: PackPart
    public let format: PackFormat
}

/// Meetings, pack versions, pack files and search as the acting user may browse them.
extension PackService {
    /// A meeting's page: the meeting with its agenda, its board, and the versions `user` may see.
    /// Each item's owner is shown by their role title where one is known, else by their address.
    /// - Throws: `notFound` for an unknown meeting and for one of a board the user may not see alike.
    public func meetingView(_ id: String, as user: User?) async throws -> MeetingViewDocument {
        try await authorizer.authorize(.meetingView, user)
        let meeting = try await governance.meeting(id)
        let boards = try await database.boards()
        guard let board = boards.first(where: { $0.code == meeting.boardCode }), try await governance.sees(board, user) else {
            throw ApplicationError(.notFound, "no meeting '\(id)' (ids look like OSC-2017-11-14)")
        }
        var document = try await governance.meeting(meeting.id, as: user)
        let titles = try await governance.roleTitles(first: board, among: boards)
        document.items = document.items?.map { item in
            var item = item
            item.ownerTitle = item.owner.map { titles[$0.lowercased()] ?? $0 }
            return item
        }
        return MeetingViewDocument(
            meeting: document,
            board: try await governance.view(board, allBoards: boards, as: user),
            packs: try await versions(of: meeting.id, as: user))
    }

    /// The pack file with this content address and format, if `user` may read it (`pack.get`'s rule).
    /// - Throws: `notFound` when no version that the user may see holds it (an unpublished
    ///   version, a private board's part); `authenticationRequired` or `notPermitted` only for the
    ///   exempt part of a board the user sees, so that the refusal says what it is.
    public func file(sha256: String, format: PackFormat, as user: User?) async throws -> PackFile {
        try await authorizer.authorize(.packGet, user)
        var refused: ApplicationError?
        for location in try await database.packParts(sha256: sha256) where location.format == format.rawValue {
            guard let part = PackPart(rawValue: location.part) else { continue }
            do {
                let data = try await self.part(location.packID, part, format, as: user)
                return PackFile(data: data, packID: location.packID, part: part, format: format)
            } catch let error as ApplicationError where error.code == .notPermitted || error.code == .authenticationRequired {
                guard part == .exempt, let meeting = try await database.meeting(id: location.meetingID),
                    try await governance.sees(try await governance.board(meeting.boardCode), user)
                else { continue }
                refused = error
            } catch let error as ApplicationError where error.code == .notFound {
                continue
            }
        }
        throw refused ?? ApplicationError(.notFound, "no published paper has the address \(sha256).\(format.rawValue)")
    }

    /// The newest published versions of the boards that meet in public, newest publication
    /// first: what the public may read, whoever asks (the feeds are fetched without cookies).
    public func latestPublished(limit: Int, as user: User?) async throws -> [PublishedPackDocument] {
        try await authorizer.authorize(.packLatest, user)
        let boards = Dictionary(uniqueKeysWithValues: try await publicBoards().map { ($0.code, $0) })
        var rows: [PublishedPackDocument] = []
        for stored in try await database.publishedPacks(limit: limit * 4) {
            guard let meeting = try await database.meeting(id: stored.meetingID), let board = boards[meeting.boardCode] else { continue }
            rows.append(
                PublishedPackDocument(
                    pack: document(stored, meeting),
                    meeting: MeetingDocument(meeting, publishBy: PackRules.publishBy(meeting, workingDays: workingDays)),
                    boardName: board.name))
            if rows.count == limit { break }
        }
        return rows
    }

    /// Full-text search over the published Part I of the boards that meet in public: all words
    /// must appear (stemmed), "quoted words" as a phrase; FTS5's operators in `query` are taken
    /// as words. Best match first.
    /// - Parameter board: limits the search to one board (which must meet in public).
    /// - Throws: `badArgument` for a board that is not one of the public boards.
    public func search(_ query: String, board: String?, from: LocalDate?, to: LocalDate?, as user: User?) async throws
        -> [SearchHitDocument]
    {
        try await authorizer.authorize(.packSearch, user)
        var codes = try await publicBoards().map(\.code)
        if let board {
            guard codes.contains(board.uppercased()) else {
                throw ApplicationError(.badArgument, "board '\(board)' is not one of the boards whose papers are public")
            }
            codes = [board.uppercased()]
        }
        if let from, let to, to < from {
            throw ApplicationError(.badArgument, "to \(to) is before from \(from)")
        }
        do {
            return try await database.searchPacks(query, boards: codes, from: from, to: to).map {
                SearchHitDocument(
                    pack: $0.packID, meeting: $0.meetingID, board: $0.boardCode, meetingDate: $0.meetingDate.description, title: $0.title,
                    snippet: $0.snippet)
            }
        } catch PackSearchError.badQuery {
            return []
        }
    }

    /// The boards a search may be limited to: those whose published Part I anyone may read.
    public func searchableBoards(as user: User?) async throws -> [BoardSummaryDocument] {
        try await authorizer.authorize(.packSearch, user)
        return try await publicBoards().map(BoardSummaryDocument.init)
    }

    /// The boards whose published Part I anyone may read.
    func publicBoards() async throws -> [Board] {
        try await database.boards().filter {
            PackRules.readers(of: .public, published: true, boardMeetsInPublic: $0.meetsInPublic).admitsThePublic
        }
    }

    /// The searchable text of a version's Part I, when anyone may read it once published (a
    /// board that meets in public); nil otherwise. Written with the publication, in its transaction.
    func searchText(of pack: StoredPack, board: Board) -> (title: String, body: String)? {
        guard PackRules.readers(of: .public, published: true, boardMeetsInPublic: board.meetsInPublic).admitsThePublic,
            let part = pack.parts.first(where: { $0.part == .public && $0.format == .html }),
            let data = try? files.load(part.sha256, extension: PackFormat.html.rawValue)
        else { return nil }
        let html = String(decoding: data, as: UTF8.self)
        return (HTMLText.title(of: html) ?? pack.id, HTMLText.plainText(of: html))
    }

    /// Indexes the versions published before publication wrote the index (a store from an
    /// earlier release); run once at start-up, it finds nothing to do afterwards.
    /// - Returns: how many versions it indexed.
    @discardableResult
    public func indexEarlierPublications() async throws -> Int {
        let boards = Dictionary(uniqueKeysWithValues: try await database.boards().map { ($0.code, $0) })
        var count = 0
        for pack in try await database.unindexedPublishedPacks() {
            guard let meeting = try await database.meeting(id: pack.meetingID), let board = boards[meeting.boardCode] else { continue }
            let text = searchText(of: pack, board: board)
            try await database.indexPack(packID: pack.id, meeting: meeting, title: text?.title ?? "", body: text?.body ?? "")
            count += 1
        }
        return count
    }
}
