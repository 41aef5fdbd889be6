import Foundation
import QuorumDomain
import QuorumStorage
import QuorumWire

/// Who changed what, and when: every write operation of the core leaves one audit entry, kept
/// in the same transaction as the change it records.
public struct AuditService: Sendable {
    let database: AppDatabase
    let clock: WallClock
    let authorizer: Authorizer

    /// How many entries AUDIT returns when not told, and at most.
    public static let defaultLimit = 100
    public static let maximumLimit = 10_000

    public init(database: AppDatabase, clock: WallClock) {
        self.database = database
        self.clock = clock
        self.authorizer = Authorizer(database: database)
    }

    /// The entries at or after `since`, by `user`, of operations named `kind` or in its area
    /// (`user` matches `user.add` and `user.rotate`), newest first, at most `limit`.
    public func entries(since: Date?, user name: String?, kind: String?, limit: Int?, as user: User?) async throws
        -> [AuditEntryDocument]
    {
        try await authorizer.authorize(.audit, user)
        if let kind, kind.isEmpty || !kind.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == ".") }) {
            throw ApplicationError(.badArgument, "kind '\(kind)' is not an operation (meeting.add) or an area (meeting)")
        }
        let limit = limit ?? Self.defaultLimit
        guard (1...Self.maximumLimit).contains(limit) else {
            throw ApplicationError(.badArgument, "limit \(limit) is not between 1 and \(Self.maximumLimit)")
        }
        return try await database.auditLog(since: since, actor: name, kind: kind?.lowercased(), limit: limit).map { entry in
            AuditEntryDocument(
                id: entry.id, at: entry.at.londonISOText, user: entry.actor, kind: entry.operation, target: entry.target,
                details: entry.details)
        }
    }
}

/// A service whose operations change the store. The rule that every write is audited lives
/// here, once: a write operation runs its change inside ``audited(_:by:target:_:_:)``.
protocol AuditedService {
    var database: AppDatabase { get }
    var clock: WallClock { get }
}

extension AuditedService {
    /// Runs `change`, a write operation's change to the store, so that its audit entry is
    /// written in the same transaction (the first one `change` makes), or on its own when
    /// `change` wrote nothing. A change that throws leaves no entry: nothing was written.
    ///
    /// Call it after the access check: a refused attempt changes nothing and is not a write.
    /// - Parameters:
    ///   - details: the operation's arguments; never a token or another secret.
    ///   - events: the webhook events the change raises, enqueued in the same transaction as the
    ///     entry for each of `webhooks` that subscribes to them: a change never commits without
    ///     its events, nor an event without its change.
    func audited<T>(
        _ operation: Operation, by user: User?, target: String, _ details: [String: String?] = [:],
        raising events: [GovernanceEvent] = [], webhooks: [WebhookSubscription] = [], _ change: () async throws -> T
    ) async throws -> T {
        assert(operation.writes, "\(operation.name) is not declared as a write")
        let entry = PendingAuditEntry(
            at: clock.now(), actor: user?.name ?? "public", operation: operation.name, target: target,
            details: details.compactMapValues { $0 }, events: events, webhooks: webhooks)
        do {
            let result = try await AuditLog.recording(entry, change)
            try await database.recordAudit(entry)
            return result
        } catch let failure as StorageFailure {
            // The machine's fault, not the caller's: say what, and that the write left nothing.
            throw ApplicationError(.unavailable, "nothing was stored: \(failure); try again once that is put right")
        }
    }
}

extension GovernanceService: AuditedService {}
extension PlanService: AuditedService {}
extension NotificationService: AuditedService {}
extension PackService: AuditedService {}
extension UserService: AuditedService {}
