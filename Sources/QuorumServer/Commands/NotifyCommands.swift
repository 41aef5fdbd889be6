import QuorumApplication

/// NOTIFY TEST: an operator checks the mail and webhook settings through the real path.
enum NotifyCommands {
    static let specs: [CommandSpec] = [
        CommandSpec(
            name: "NOTIFY TEST", usage: "email <address> | webhook <url>", summary: "send a test message now", operation: .notifyTest,
            arity: 2...2, argumentSize: .text
        ) { context, invocation in
            let target: NotificationService.TestTarget
            switch invocation.arguments[0].lowercased() {
            case "email": target = .email(invocation.arguments[1])
            case "webhook": target = .webhook(invocation.arguments[1])
            default: throw CommandError.badArgument(invocation.name, "'\(invocation.arguments[0])' is not email or webhook")
            }
            return invocation.reply(.bulk(try await context.application.notifications.sendTest(target, as: invocation.user)))
        }
    ]
}
