import QuorumDomain
import QuorumImport
import QuorumStorage

/// USER ADD: the administrator creates secretaries, analysts, leads and members.
enum UserCommands {
    static let specs: [CommandSpec] = [
        CommandSpec(
            name: "USER ADD", usage: "<email> <role> [board=<code>]",
            summary: "add a user and show their token once", access: "admin", arity: 2...3
        ) { context, invocation in
            let user = try invocation.requireUser()
            guard user.role == .admin else { throw CommandError.notPermitted(invocation.name, "only an admin may add users") }
            let email = invocation.arguments[0]
            guard isPlausibleEmail(email) else {
                throw CommandError.badArgument(invocation.name, "'\(email)' is not an email address")
            }
            guard let role = Role(rawValue: invocation.arguments[1].lowercased()), role != .admin else {
                let roles = Role.allCases.filter { $0 != .admin }.map(\.rawValue).joined(separator: ", ")
                throw CommandError.badArgument(invocation.name, "role '\(invocation.arguments[1])' is not one of \(roles)")
            }
            var board: String?
            if let option = invocation.argument(2) {
                guard option.lowercased().hasPrefix("board=") else {
                    throw CommandError.badArgument(invocation.name, "expected board=<code>, got '\(option)'")
                }
                board = String(option.dropFirst(6)).uppercased()
            }
            if (role == .secretary || role == .member) && board == nil {
                throw CommandError.badArgument(invocation.name, "a \(role.rawValue) needs board=<code>")
            }
            do {
                let token = try await context.database.addUser(email: email, role: role, boardCode: board, now: context.clock.now())
                context.logger.info("user added", metadata: ["user": "\(email)", "role": "\(role.rawValue)"])
                return CommandOutcome(reply: .bulk(token), session: invocation.session)
            } catch UserStoreError.alreadyExists(let email) {
                throw CommandError(.conflict, "USER ADD: a user '\(email)' already exists")
            } catch UserStoreError.unknownBoard(let code) {
                throw CommandError(.notfound, "USER ADD: no board '\(code)'")
            }
        }
    ]

    static func isPlausibleEmail(_ text: String) -> Bool {
        PlanImport.isPlausibleEmail(text) && text != AppDatabase.adminName
    }
}
