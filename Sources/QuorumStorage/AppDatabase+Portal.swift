import Crypto
import Foundation
import GRDB
import QuorumDomain

/// Where a content-addressed pack file belongs: which version, which part.
public struct PackPartLocation: Sendable, Hashable {
    public var packID: String
    public var meetingID: String
    public var part: String
    public var format: String
    public var size: Int
}

/// One search result: a published public part and the passage that matched.
public struct PackSearchHit: Sendable, Hashable {
    public var packID: String
    public var meetingID: String
    public var boardCode: String
    public var meetingDate: LocalDate
    public var title: String
    /// The passage, with each match between U+E000 and U+E001 (private-use marks that the
    /// portal turns into `<mark>` after escaping the rest).
    public var snippet: String
}

/// Why a search could not run.
public enum PackSearchError: Error, Hashable, Sendable {
    /// The query is not valid FTS5 syntax even after quoting (it is quoted word by word first).
    case badQuery(String)
}

extension AppDatabase {
    /// The pack versions that hold a file with this SHA-256 (normally one).
    public func packParts(sha256: String) async throws -> [PackPartLocation] {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT pp.packId, p.meetingId, pp.part, pp.format, pp.size FROM packPart pp JOIN pack p ON p.id = pp.packId
                    WHERE pp.sha256 = ? ORDER BY pp.packId
                    """, arguments: [sha256]
            ).map { PackPartLocation(packID: $0[0], meetingID: $0[1], part: $0[2], format: $0[3], size: $0[4]) }
        }
    }

    /// Meetings of all boards from `from` to `to` inclusive, by date, with each one's calendar
    /// sequence (how many times its time or venue has changed).
    public func meetingsWithSequence(from: LocalDate? = nil, to: LocalDate? = nil) async throws -> [(meeting: Meeting, sequence: Int)] {
        try await writer.read { db in
            var sql = "SELECT id, boardCode, date, time, venue, origin, sequence FROM meeting WHERE 1"
            var arguments: [any DatabaseValueConvertible] = []
            if let from {
                sql += " AND date >= ?"
                arguments.append(from.description)
            }
            if let to {
                sql += " AND date <= ?"
                arguments.append(to.description)
            }
            sql += " ORDER BY date, time, boardCode"
            return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).compactMap { row in
                guard let date = LocalDate(iso: row["date"] as String), let time = LocalTime(iso: row["time"] as String),
                    let origin = Meeting.Origin(rawValue: row["origin"])
                else { return nil }
                return (Meeting(boardCode: row["boardCode"], date: date, time: time, venue: row["venue"], origin: origin), row["sequence"])
            }
        }
    }

    /// Published versions, newest publication first.
    public func publishedPacks(limit: Int) async throws -> [StoredPack] {
        let ids = try await writer.read { db in
            try String.fetchAll(
                db, sql: "SELECT id FROM pack WHERE publishedAt IS NOT NULL ORDER BY publishedAt DESC, id DESC LIMIT ?",
                arguments: [limit])
        }
        var packs: [StoredPack] = []
        for id in ids { if let pack = try await pack(id: id) { packs.append(pack) } }
        return packs
    }

    /// How many outbox rows are in each state, for the operators' metrics.
    public func outboxDepth() async throws -> [String: Int] {
        try await writer.read { db in
            var depth: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT status, COUNT(*) FROM outbox GROUP BY status") {
                depth[row[0]] = row[1]
            }
            return depth
        }
    }

    // MARK: Web sessions

    /// Opens a web session for a user who has just proved their token (the application core
    /// checks it); the session remembers that token's hash, so a new token ends it.
    /// - Parameter sessionID: the random id the cookie will carry; only its hash is stored.
    /// - Returns: false when `token` is no longer the user's (it changed since it was checked).
    public func openPortalSession(for user: User, token: String, sessionID: String, expiresAt: Date, now: Date) async throws -> Bool {
        try await write { db in
            guard let record = try UserRecord.filter(UserRecord.Columns.email == user.name).fetchOne(db),
                AccessToken.constantTimeEquals(record.tokenHash, AccessToken.hash(token))
            else { return false }
            return try AppDatabase.insertSession(for: user.name, sessionID: sessionID, expiresAt: expiresAt, now: now, db)
        }
    }

    /// The signed-in user of a live session: unexpired, and opened with the user's current token.
    public func portalSessionUser(sessionID: String, now: Date) async throws -> User? {
        try await writer.read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT u.email, u.role, u.boardCode, s.expiresAt FROM portalSession s
                        JOIN user u ON u.email = s.userEmail AND u.tokenHash = s.tokenHash WHERE s.idHash = ?
                        """, arguments: [AccessToken.hash(sessionID)]),
                let role = Role(rawValue: row["role"]), (row["expiresAt"] as String) > now.storageText
            else { return nil }
            return User(name: row["email"], role: role, boardCode: row["boardCode"])
        }
    }

    /// Ends a session (sign-out), and any that have expired.
    public func closePortalSession(sessionID: String, now: Date) async throws {
        try await write { db in
            try db.execute(
                sql: "DELETE FROM portalSession WHERE idHash = ? OR expiresAt <= ?",
                arguments: [AccessToken.hash(sessionID), now.storageText])
        }
    }

    /// Records a single-use sign-in link for an existing user and enqueues the message that
    /// carries it, in one transaction: a link is never stored without its message, nor sent
    /// without being stored.
    /// - Parameter message: the notice for the user (built by the application core).
    /// - Returns: false when no user has that email (nothing is stored or sent).
    public func createSignInLink(
        email: String, linkToken: String, expiresAt: Date, now: Date, message: @Sendable (User) -> Notice
    ) async throws -> Bool {
        try await write { db in
            guard let user = try UserRecord.filter(UserRecord.Columns.email == email).fetchOne(db) else { return false }
            try db.execute(
                sql: "INSERT INTO signInLink (tokenHash, userEmail, expiresAt) VALUES (?, ?, ?)",
                arguments: [AccessToken.hash(linkToken), user.email, expiresAt.storageText])
            _ = try AppDatabase.insert([message(user.user)], webhooks: [], sweepID: nil, now: now, db)
            return true
        }
    }

    /// What became of a sign-in link that was followed.
    public enum SignInLinkOutcome: Sendable, Hashable {
        case signedIn(User)
        /// It was used before (each link works once).
        case used
        case expired
        /// No link has that token (mistyped, or its user was removed).
        case unknown
    }

    /// Uses a sign-in link once: opens a session for its user when the link is unused and
    /// unexpired, and marks it used in the same transaction.
    public func redeemSignInLink(linkToken: String, sessionID: String, sessionExpiresAt: Date, now: Date) async throws
        -> SignInLinkOutcome
    {
        try await write { db in
            let hash = AccessToken.hash(linkToken)
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT userEmail, expiresAt, usedAt FROM signInLink WHERE tokenHash = ?", arguments: [hash]),
                let user = try UserRecord.filter(UserRecord.Columns.email == (row["userEmail"] as String)).fetchOne(db)
            else { return .unknown }
            guard (row["usedAt"] as String?) == nil else { return .used }
            guard (row["expiresAt"] as String) > now.storageText else { return .expired }
            try db.execute(sql: "UPDATE signInLink SET usedAt = ? WHERE tokenHash = ?", arguments: [now.storageText, hash])
            try AppDatabase.insertSession(for: user.email, sessionID: sessionID, expiresAt: sessionExpiresAt, now: now, db)
            return .signedIn(user.user)
        }
    }

    @discardableResult
    private static func insertSession(for email: String, sessionID: String, expiresAt: Date, now: Date, _ db: Database) throws -> Bool {
        guard let user = try UserRecord.filter(UserRecord.Columns.email == email).fetchOne(db) else { return false }
        try db.execute(
            sql: "INSERT INTO portalSession (idHash, userEmail, tokenHash, createdAt, expiresAt) VALUES (?, ?, ?, ?, ?)",
            arguments: [AccessToken.hash(sessionID), user.email, user.tokenHash, now.storageText, expiresAt.storageText])
        return true
    }

    // MARK: Search

    /// Published versions not yet in the search index.
    public func unindexedPublishedPacks() async throws -> [StoredPack] {
        let ids = try await writer.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT id FROM pack WHERE publishedAt IS NOT NULL AND id NOT IN (SELECT packId FROM packSearch) ORDER BY id
                    """)
        }
        var packs: [StoredPack] = []
        for id in ids { if let pack = try await pack(id: id) { packs.append(pack) } }
        return packs
    }

    /// Adds a published part's text to the search index (an empty `body` records that the
    /// version was seen and holds nothing searchable, so it is not read again).
    public func indexPack(packID: String, meeting: Meeting, title: String, body: String) async throws {
        try await write { db in try AppDatabase.index(packID: packID, meetingID: meeting.id, title: title, body: body, db) }
    }

    /// Writes a version's row of the search index, once.
    static func index(packID: String, meetingID: String, title: String, body: String, _ db: Database) throws {
        guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM packSearch WHERE packId = ?", arguments: [packID]) == 0,
            let meeting = try Row.fetchOne(db, sql: "SELECT boardCode, date FROM meeting WHERE id = ?", arguments: [meetingID])
        else { return }
        try db.execute(
            sql: "INSERT INTO packSearch (packId, meetingId, boardCode, meetingDate, title, body) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [packID, meetingID, meeting["boardCode"] as String, meeting["date"] as String, title, body])
    }

    /// Full-text search over the index: words (all must appear, stemmed), "quoted phrases",
    /// limited to boards and dates; best match first.
    /// - Parameter boards: the boards whose packs may be returned.
    public func searchPacks(
        _ query: String, boards: [String], from: LocalDate?, to: LocalDate?, limit: Int = 50
    ) async throws -> [PackSearchHit] {
        let match = AppDatabase.ftsQuery(query)
        guard !match.isEmpty, !boards.isEmpty else { return [] }
        return try await writer.read { db in
            var sql = """
                SELECT packId, meetingId, boardCode, meetingDate, title,
                       snippet(packSearch, 5, char(57344), char(57345), ' … ', 24) AS passage
                FROM packSearch WHERE packSearch MATCH ? AND body != ''
                AND boardCode IN (\(boards.map { _ in "?" }.joined(separator: ",")))
                """
            var arguments: [any DatabaseValueConvertible] = [match] + boards
            if let from {
                sql += " AND meetingDate >= ?"
                arguments.append(from.description)
            }
            if let to {
                sql += " AND meetingDate <= ?"
                arguments.append(to.description)
            }
            sql += " ORDER BY rank LIMIT ?"
            arguments.append(limit)
            do {
                return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).compactMap { row in
                    guard let date = LocalDate(iso: row["meetingDate"] as String) else { return nil }
                    return PackSearchHit(
                        packID: row["packId"], meetingID: row["meetingId"], boardCode: row["boardCode"], meetingDate: date,
                        title: row["title"], snippet: row["passage"])
                }
            } catch let error as DatabaseError where error.resultCode == .SQLITE_ERROR {
                throw PackSearchError.badQuery(query)
            }
        }
    }

    /// A user's words as an FTS5 query: each bare word and each "quoted phrase" becomes a quoted
    /// string (so that FTS5 operators and punctuation in the input mean nothing), all required.
    static func ftsQuery(_ text: String) -> String {
        var terms: [String] = []
        var current = ""
        var inPhrase = false
        func flush() {
            let words = current.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
            if !words.isEmpty {
                if inPhrase {
                    terms.append("\"" + words.joined(separator: " ") + "\"")
                } else {
                    terms += words.map { "\"\($0)\"" }
                }
            }
            current = ""
        }
        for character in text {
            if character == "\"" {
                flush()
                inPhrase.toggle()
            } else {
                current.append(character)
            }
        }
        flush()
        return terms.joined(separator: " AND ")
    }
}
