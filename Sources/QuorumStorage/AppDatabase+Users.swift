import Crypto
import Foundation
import GRDB
import QuorumDomain

/// Why a user could not be added.
public enum UserStoreError: Error, Hashable, Sendable {
    case alreadyExists(String)
    case unknownBoard(String)
    /// No user has that email.
    case unknownUser(String)
    /// The administrator cannot be removed: nobody could add users again.
    case adminIsPermanent
}

/// A user who signed in, and the digest of the token they used (never the token): what a
/// connection keeps so that a revoked or replaced token can end it.
public struct StoredSignIn: Hashable, Sendable {
    public let user: User
    public let tokenDigest: Data
}

extension AppDatabase {
    /// The reserved user name of the administrator.
    public static let adminName = "admin"

    /// Creates the `admin` user when the database has none.
    /// - Returns: the new admin token (shown once), or nil when an admin already exists.
    public func createAdminIfNeeded(now: Date) async throws -> String? {
        try await write { db in
            guard try UserRecord.filter(UserRecord.Columns.email == AppDatabase.adminName).fetchCount(db) == 0 else {
                return nil
            }
            let token = AccessToken.generate()
            var record = UserRecord(
                id: nil, email: AppDatabase.adminName, role: .admin, boardCode: nil,
                tokenHash: AccessToken.hash(token), createdAt: now.storedInstant)
            try record.insert(db)
            return token
        }
    }

    /// Adds a user with a fresh random token.
    /// - Returns: the token, which is stored only as its hash and so is shown once.
    public func addUser(email: String, role: Role, boardCode: String?, now: Date) async throws -> String {
        try await write { db in
            if let boardCode {
                guard let board = try BoardRecord.fetchOne(db, key: boardCode), board.isActive else {
                    throw UserStoreError.unknownBoard(boardCode)
                }
            }
            guard try UserRecord.filter(UserRecord.Columns.email == email).fetchCount(db) == 0 else {
                throw UserStoreError.alreadyExists(email)
            }
            let token = AccessToken.generate()
            var record = UserRecord(
                id: nil, email: email, role: role, boardCode: boardCode,
                tokenHash: AccessToken.hash(token), createdAt: now.storedInstant)
            try record.insert(db)
            return token
        }
    }

    /// The user whose name and token match, or nil. Compares hashes in constant time, and
    /// hashes even for an unknown name so that timing does not reveal which names exist.
    public func authenticate(name: String, token: String) async throws -> User? {
        try await signIn(name: name, token: token)?.user
    }

    /// The user whose name and token match, with the token's digest; nil when they do not match.
    public func signIn(name: String, token: String) async throws -> StoredSignIn? {
        let presented = AccessToken.hash(token)
        let record = try await writer.read { db in
            try UserRecord.filter(UserRecord.Columns.email == name).fetchOne(db)
        }
        let stored = record?.tokenHash ?? Data(repeating: 0, count: presented.count)
        guard AccessToken.constantTimeEquals(stored, presented), let record else { return nil }
        return StoredSignIn(user: record.user, tokenDigest: presented)
    }

    /// Gives the user a new random token in place of their old one, which stops working; web
    /// sessions opened with the old one end with it (they are bound to the token's hash).
    /// - Returns: the new token (shown once) and the digest of the token it replaced.
    /// - Throws: `UserStoreError.unknownUser`.
    public func rotateToken(email: String) async throws -> (token: String, retired: Data) {
        try await write { db in
            guard var record = try UserRecord.filter(UserRecord.Columns.email == email).fetchOne(db) else {
                throw UserStoreError.unknownUser(email)
            }
            let retired = record.tokenHash
            let token = AccessToken.generate()
            record.tokenHash = AccessToken.hash(token)
            try record.update(db)
            return (token, retired)
        }
    }

    /// Removes the user, their web sessions and their unused sign-in links in one transaction:
    /// their token stops working, and `addUser` may add them again with a new one.
    /// - Returns: the user as they were, and the digest of their token.
    /// - Throws: `UserStoreError.unknownUser`, or `adminIsPermanent` for `admin`.
    public func revokeUser(email: String) async throws -> StoredSignIn {
        try await write { db in
            guard let record = try UserRecord.filter(UserRecord.Columns.email == email).fetchOne(db) else {
                throw UserStoreError.unknownUser(email)
            }
            guard record.role != .admin else { throw UserStoreError.adminIsPermanent }
            try db.execute(sql: "DELETE FROM portalSession WHERE userEmail = ?", arguments: [record.email])
            try db.execute(sql: "DELETE FROM signInLink WHERE userEmail = ?", arguments: [record.email])
            _ = try record.delete(db)
            return StoredSignIn(user: record.user, tokenDigest: record.tokenHash)
        }
    }
}

/// Random bearer tokens and their stored form.
enum AccessToken {
    /// 32 random bytes from the system's CSPRNG, as 64 hex digits (safe to paste and to quote).
    static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        return Hex.lowercase((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    static func hash(_ token: String) -> Data {
        Data(SHA256.hash(data: Data(token.utf8)))
    }

    static func constantTimeEquals(_ lhs: Data, _ rhs: Data) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for (a, b) in zip(lhs, rhs) { difference |= a ^ b }
        return difference == 0
    }
}
