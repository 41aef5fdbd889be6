import Foundation
import QuorumApplication
import QuorumDomain

/// REMIND PREVIEW, REMIND RUN, OUTBOX LIST and OUTBOX RETRY.
enum ReminderCommands {
    static let specs: [CommandSpec] = [
        .document(
            "REMIND PREVIEW", usage: "[iso-datetime]", summary: "what a sweep then would enqueue; changes nothing",
            .remindPreview, arity: 0...1
        ) { context, invocation in
            return try await context.application.notifications.preview(asOf: try instant(invocation), as: invocation.user)
        },
        .document(
            "REMIND RUN", usage: "[iso-datetime]", summary: "run a sweep now as of that instant", .remindRun,
            arity: 0...1
        ) { context, invocation in
            let sweep = try await context.application.notifications.run(asOf: try instant(invocation), as: invocation.user)
            context.logger.info("manual sweep", metadata: ["as_of": "\(sweep.asOf)", "enqueued": "\(sweep.enqueued ?? 0)"])
            return sweep
        },
        .document(
            "OUTBOX LIST", usage: "[pending|sending|sent|dead]", summary: "queued, sent and dead notices",
            .outboxList, arity: 0...1
        ) { context, invocation in
            try await context.application.notifications.outbox(status: invocation.argument(0), as: invocation.user)
        },
        CommandSpec(
            name: "OUTBOX RETRY", usage: "<id>", summary: "send a dead notice again", operation: .outboxRetry, arity: 1...1
        ) { context, invocation in
            guard let id = Int64(invocation.arguments[0]) else {
                throw CommandError.badArgument(invocation.name, "'\(invocation.arguments[0])' is not an outbox id")
            }
            try await context.application.notifications.retry(id, as: invocation.user)
            return invocation.reply(.ok)
        },
    ]

    /// The instant argument, or nil for now.
    static func instant(_ invocation: CommandInvocation) throws(CommandError) -> Date? {
        guard let text = invocation.argument(0) else { return nil }
        guard let date = InstantText.parse(text) else {
            throw .badArgument(
                invocation.name, "'\(text)' is not an ISO 8601 date-time (2017-11-01T08:00:00Z, or 2017-11-01T08:00 in London)")
        }
        return date
    }
}
