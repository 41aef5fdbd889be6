import Foundation
import GRDB
import QuorumDomain

/// A row of `board`: the synchronised copy of a board file.
struct BoardRecord: Codable, Sendable {
    var code: String
    var name: String
    var meetsInPublic: Bool
    var isActive: Bool
    var document: String
    var syncedAt: Date

    enum Columns {
        static let code = Column(CodingKeys.code)
        static let name = Column(CodingKeys.name)
        static let meetsInPublic = Column(CodingKeys.meetsInPublic)
        static let isActive = Column(CodingKeys.isActive)
        static let document = Column(CodingKeys.document)
        static let syncedAt = Column(CodingKeys.syncedAt)
    }
}

extension BoardRecord: StoresInstantsAsText, FetchableRecord, PersistableRecord {
    static let databaseTableName = "board"

    func decodeBoard() throws -> Board {
        try JSONDecoder().decode(Board.self, from: Data(document.utf8))
    }
}

/// A row of `boardMember`: who sits on a board, for permission checks.
struct BoardMemberRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "boardMember"
    var boardCode: String
    var email: String
    var role: String
    var position: String

    enum Columns {
        static let boardCode = Column(CodingKeys.boardCode)
        static let email = Column(CodingKeys.email)
        static let role = Column(CodingKeys.role)
        static let position = Column(CodingKeys.position)
    }
}
