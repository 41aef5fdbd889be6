import GRDB

/// The store could not be written for a reason outside the request: the disk is full, the
/// file system or the database file is read-only, or the device failed.
///
/// A write that meets one is rolled back whole, so nothing is half-stored; the caller says so in
/// words an operator can act on, and the next write succeeds once the cause is gone (SQLite keeps
/// no state from a failed transaction). Other database errors stay `DatabaseError`s: they are
/// faults of the code, not of the machine.
public struct StorageFailure: Error, Sendable, CustomStringConvertible {
    public enum Reason: String, Sendable {
        case diskFull = "the disk is full"
        case readOnly = "the database is read-only (its file or its file system)"
        case deviceError = "the disk could not be read or written"
        case cannotOpen = "the database file cannot be opened"
    }

    public let reason: Reason
    /// SQLite's own words, for the log.
    public let detail: String

    /// The failure `error` stands for, or nil when it is not one of the machine's.
    public init?(_ error: DatabaseError) {
        switch error.resultCode {
        case .SQLITE_FULL: reason = .diskFull
        case .SQLITE_READONLY: reason = .readOnly
        case .SQLITE_IOERR: reason = .deviceError
        case .SQLITE_CANTOPEN: reason = .cannotOpen
        default: return nil
        }
        detail = error.message ?? "\(error.resultCode)"
    }

    public var description: String { "\(reason.rawValue) (SQLite: \(detail))" }

    /// Runs `body`, turning the machine's database errors into a `StorageFailure`.
    static func translating<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw StorageFailure(error) ?? error
        }
    }

    static func translating<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as DatabaseError {
            throw StorageFailure(error) ?? error
        }
    }
}
