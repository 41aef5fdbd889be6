import QuorumApplication

/// USER ADD: the administrator creates secretaries, analysts, leads and members.
enum UserCommands {
    static let specs: [CommandSpec] = [
        CommandSpec(
            name: "USER ADD", usage: "<email> <role> [board=<code>]", summary: "add a user and show their token once",
            operation: .userAdd, arity: 2...3
        ) { context, invocation in
            let options = try invocation.options(from: 2, allowed: ["board"])
            let token = try await context.application.users.addUser(
                email: invocation.arguments[0], role: invocation.arguments[1], board: options["board"], as: invocation.user)
            context.logger.info("user added", metadata: ["user": "\(invocation.arguments[0])", "role": "\(invocation.arguments[1])"])
            return invocation.reply(.bulk(token))
        }
    ]
}
