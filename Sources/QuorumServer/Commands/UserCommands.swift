import QuorumApplication

/// USER ADD, USER REVOKE and USER ROTATE: the administrator manages who may sign in.
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
        },
        CommandSpec(
            name: "USER REVOKE", usage: "<email>",
            summary: "remove a user: their token stops working at once, on open connections too", operation: .userRevoke,
            arity: 1...1
        ) { context, invocation in
            try await context.application.users.revoke(invocation.arguments[0], as: invocation.user)
            context.logger.info("user revoked", metadata: ["user": "\(invocation.arguments[0])"])
            return invocation.reply(.ok)
        },
        CommandSpec(
            name: "USER ROTATE", usage: "<email>",
            summary: "give a user a new token, shown once; the old one stops working at once", operation: .userRotate,
            arity: 1...1
        ) { context, invocation in
            let token = try await context.application.users.rotate(invocation.arguments[0], as: invocation.user)
            context.logger.info("user token replaced", metadata: ["user": "\(invocation.arguments[0])"])
            return invocation.reply(.bulk(token))
        },
    ]
}
