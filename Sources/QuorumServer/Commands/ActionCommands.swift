import Foundation
import QuorumDomain
import QuorumStorage

/// ACTION LIST, ACTION GET and ACTION UPDATE: the improvement plan's actions.
enum ActionCommands {
    static let specs: [CommandSpec] = [
        CommandSpec(
            name: "ACTION LIST", usage: "[status=complete|overdue|due|open] [lead=<email>] [rec=<id>] [asof=YYYY-MM-DD]",
            summary: "the plan's actions and their state on a date", access: "signed-in users", arity: 0...4
        ) { context, invocation in
            _ = try invocation.requireUser()
            let options = try invocation.options(from: 0, allowed: ["status", "lead", "rec", "asof"])
            let asOf = try invocation.date(option: "asof", in: options) ?? context.today
            var state: ActionState?
            if let text = options["status"] {
                guard let parsed = ActionState(rawValue: text.lowercased()) else {
                    throw CommandError.badArgument(invocation.name, "status '\(text)' is not complete, overdue, due or open")
                }
                state = parsed
            }
            let actions = try await context.database.planActions().filter { action in
                (state.map { action.state(on: asOf) == $0 } ?? true)
                    && (options["lead"].map { action.lead.email.lowercased() == $0.lowercased() } ?? true)
                    && (options["rec"].map { action.recommendationID == $0 } ?? true)
            }
            return CommandOutcome(
                reply: try JSONReply.encode(actions.map { ActionDocument($0, asOf: asOf) }), session: invocation.session)
        },
        CommandSpec(
            name: "ACTION GET", usage: "<ref> [asof=YYYY-MM-DD]", summary: "one action with its updates and history",
            access: "signed-in users", arity: 1...2
        ) { context, invocation in
            _ = try invocation.requireUser()
            let options = try invocation.options(from: 1, allowed: ["asof"])
            let asOf = try invocation.date(option: "asof", in: options) ?? context.today
            let ref = invocation.arguments[0]
            guard let action = try await context.database.planAction(ref: ref) else {
                throw CommandError(.notfound, "ACTION GET: no action '\(ref)'")
            }
            let history = try await context.database.history(subject: "action", key: ref)
            return CommandOutcome(
                reply: try JSONReply.encode(ActionDocument(action, asOf: asOf, detailed: true, history: history)),
                session: invocation.session)
        },
        CommandSpec(
            name: "ACTION UPDATE", usage: "<ref> <text> [review=<date>] [status=complete]",
            summary: "post an update, a new review date, or completion", access: "the action's lead, admin", arity: 2...4
        ) { context, invocation in
            let user = try invocation.requireUser()
            let ref = invocation.arguments[0]
            guard let action = try await context.database.planAction(ref: ref) else {
                throw CommandError(.notfound, "ACTION UPDATE: no action '\(ref)'")
            }
            guard user.role == .admin || user.name.lowercased() == action.lead.email.lowercased() else {
                throw CommandError.notPermitted(invocation.name, "only the lead of \(ref) (\(action.lead.email)) or an admin may update it")
            }
            let text = invocation.arguments[1].trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { throw CommandError.badArgument(invocation.name, "the update text is empty") }
            let options = try invocation.options(from: 2, allowed: ["review", "status"])
            var review: LocalDate?
            if let written = options["review"] {
                guard case .date(let date) = try? ReviewDate(parsing: written) else {
                    throw CommandError.badArgument(invocation.name, "review '\(written)' is not a date (2018-01-31, 2018-01 or Jan 2018)")
                }
                review = date
            }
            var completes = false
            if let status = options["status"] {
                guard status.lowercased() == "complete" else {
                    throw CommandError.badArgument(invocation.name, "status can only be set to complete, not '\(status)'")
                }
                completes = true
            }
            let update = ActionUpdate(date: context.today, text: text, author: user.name, newReviewDate: review, completes: completes)
            let updated = try await context.database.addUpdate(update, toAction: ref, actor: user.name, now: context.clock.now())
            context.logger.info("action updated", metadata: ["ref": "\(ref)", "by": "\(user.name)"])
            return CommandOutcome(
                reply: try JSONReply.encode(ActionDocument(updated, asOf: context.today, detailed: true)), session: invocation.session)
        },
    ]
}
