import Foundation
import QuorumApplication
import QuorumDomain

/// AUDIT: every write, who made it and when.
enum AuditCommands {
    static let specs: [CommandSpec] = [
        .document(
            "AUDIT", usage: "[since] [user=<email>] [kind=<operation or area>] [limit=<n>]",
            summary: "the writes, newest first: who, when, what (since: a date or an instant)", .audit, arity: 0...4
        ) { context, invocation in
            var start = 0
            var since: Date?
            if let first = invocation.positional(0) {
                // A date means from its start, London time.
                guard let instant = InstantText.parse(first.count == 10 ? first + "T00:00" : first) else {
                    throw CommandError.badArgument(
                        invocation.name, "since '\(first)' is not a date (2017-11-01) or an instant (2017-11-01T08:00:00Z)")
                }
                since = instant
                start = 1
            }
            let options = try invocation.options(from: start, allowed: ["user", "kind", "limit"])
            var limit: Int?
            if let text = options["limit"] {
                guard let number = Int(text) else { throw CommandError.badArgument(invocation.name, "limit '\(text)' is not a number") }
                limit = number
            }
            return try await context.application.audit.entries(
                since: since, user: options["user"], kind: options["kind"], limit: limit, as: invocation.user)
        }
    ]
}
