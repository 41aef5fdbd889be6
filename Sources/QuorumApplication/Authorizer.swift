import QuorumDomain
import QuorumStorage

/// The one place where access is checked: an operation's rule against the acting user and the
/// scope the operation resolved, before it changes or reveals anything.
public struct Authorizer: Sendable {
    let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    /// Passes when `rule` admits `user` in `scope`.
    /// - Throws: `authenticationRequired` for the public, `notPermitted` for a signed-in user.
    public func authorize(_ operation: Operation, _ user: User?, scope: AccessScope = .none) async throws {
        try await check(operation.access, for: operation, user, scope: scope)
    }

    /// The check before an operation's arguments are read: refuses a user whom the rule admits
    /// in no scope at all (the public for a signed-in operation, a lead for an admin's).
    public static func precheck(_ operation: Operation, _ user: User?) throws {
        guard !operation.access.couldAllow(user) else { return }
        guard user != nil else { throw ApplicationError(.authenticationRequired, "needs a signed-in user") }
        throw ApplicationError(.notPermitted, "only \(operation.access.description) may do this")
    }

    /// The same check for a rule the operation derived from what it touches (a pack part).
    public func check(_ rule: AccessRule, for operation: Operation, _ user: User?, scope: AccessScope = .none) async throws {
        if try await allows(rule, user, scope: scope) { return }
        guard user != nil else {
            throw ApplicationError(.authenticationRequired, "needs a signed-in user")
        }
        let whose = scope.boardCode.map { " (board \($0))" } ?? ""
        throw ApplicationError(.notPermitted, "only \(rule.description)\(whose) may do this")
    }

    /// Whether `rule` admits `user`, reading the boards the user sits on only when it must.
    public func allows(_ rule: AccessRule, _ user: User?, scope: AccessScope = .none) async throws -> Bool {
        var scope = scope
        if let user, rule.needsSeats, user.role != .admin, !rule.allows(user, in: scope) {
            scope.seats = Set(try await database.boardCodes(seating: user.name))
        }
        return rule.allows(user, in: scope)
    }
}
