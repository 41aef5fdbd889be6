import Crypto
import Foundation
import GRDB
import QuorumDomain

/// Why a user could not be added.
public enum UserStoreError: Error, Hashable, Sendable {
    case alreadyExists(String)
    case unknownBoard(String)
}

extension AppDatabase {
    /// The reserved user name of the administrator.
    public static let adminName = "admin"

    /// Creates the `admin` user when the database has none.
    /// - Returns: the new admin token (shown once), or nil when an admin already exists.
    public func createAdminIfNeeded(now: Date) async throws -> String? {
        try await writer.write { db in
            guard try UserRecord.filter(UserRecord.Columns.email == AppDatabase.adminName).fetchCount(db) == 0 else {
                return nil
            }
            let token = AccessToken.generate()
            var record = UserRecord(
                id: nil, email: AppDatabase.adminName, role: .admin, boardCode: nil,
                tokenHash: AccessToken.hash(token), createdAt: now.storageText)
            try record.insert(db)
            return token
        }
    }

    /// Adds a user with a fresh random token.
    /// - Returns: the token, which is stored only as its hash and so is shown once.
    public func addUser(email: String, role: Role, boardCode: String?, now: Date) async throws -> String {
        try await writer.write { db in
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
                tokenHash: AccessToken.hash(token), createdAt: now.storageText)
            try record.insert(db)
            return token
        }
    }

    /// The user whose name and token match, or nil. Compares hashes in constant time, and
    /// hashes even for an unknown name so that timing does not reveal which names exist.
    public func authenticate(name: String, token: String) async throws -> User? {
        let presented = AccessToken.hash(token)
        let record = try await writer.read { db in
            try UserRecord.filter(UserRecord.Columns.email == name).fetchOne(db)
        }
        let stored = record?.tokenHash ?? Data(repeating: 0, count: presented.count)
        guard AccessToken.constantTimeEquals(stored, presented), let record else { return nil }
        return record.user
    }
}

/// Random bearer tokens and their stored form.
enum AccessToken {
    /// 32 random bytes from the system's CSPRNG, as 64 hex digits (safe to paste and to quote).
    static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator)) }
            .joined()
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
