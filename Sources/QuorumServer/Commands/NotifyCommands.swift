import QuorumDelivery
import QuorumOutbox

/// NOTIFY TEST: an operator checks the mail and webhook settings through the real path.
enum NotifyCommands {
    static let specs: [CommandSpec] = [
        CommandSpec(
            name: "NOTIFY TEST", usage: "email <address> | webhook <url>", summary: "send a test message now", access: "admin",
            arity: 2...2
        ) { context, invocation in
            let user = try invocation.requireUser()
            guard user.role == .admin else { throw CommandError.notPermitted(invocation.name, "only an admin may send tests") }
            guard let deliverer = context.deliverer else { throw CommandError(.internal, "delivery is not configured") }
            let target = invocation.arguments[1]
            do {
                switch invocation.arguments[0].lowercased() {
                case "email":
                    guard UserCommands.isPlausibleEmail(target) else {
                        throw CommandError.badArgument(invocation.name, "'\(target)' is not an email address")
                    }
                    let id = try await deliverer.sendTestEmail(to: target)
                    return CommandOutcome(reply: .bulk("sent to \(target), Message-ID \(id)"), session: invocation.session)
                case "webhook":
                    let id = try await deliverer.sendTestWebhook(to: target)
                    return CommandOutcome(reply: .bulk("delivered to \(target), webhook-id \(id)"), session: invocation.session)
                default:
                    throw CommandError.badArgument(invocation.name, "'\(invocation.arguments[0])' is not email or webhook")
                }
            } catch let error as DeliveryError {
                throw CommandError(.err, "NOTIFY TEST failed: \(error)")
            }
        }
    ]
}
