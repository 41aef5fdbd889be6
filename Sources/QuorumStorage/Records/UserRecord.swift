import Foundation
import GRDB
import QuorumDomain

/// A row of `user`. The token is never stored, only its SHA-256.
struct UserRecord: Codable, Sendable {
    var id: Int64?
    var email: String
    var role: Role
    var boardCode: String?
    var tokenHash: Data
    var createdAt: Date

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let email = Column(CodingKeys.email)
        static let role = Column(CodingKeys.role)
        static let boardCode = Column(CodingKeys.boardCode)
        static let tokenHash = Column(CodingKeys.tokenHash)
        static let createdAt = Column(CodingKeys.createdAt)
    }
}

extension UserRecord: StoresInstantsAsText, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "user"

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    var user: User { User(name: email, role: role, boardCode: boardCode) }
}
