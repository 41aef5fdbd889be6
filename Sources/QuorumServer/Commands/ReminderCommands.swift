import Foundation
import QuorumDomain
import QuorumScheduler
import QuorumStorage

/// REMIND PREVIEW, REMIND RUN, OUTBOX LIST and OUTBOX RETRY.
enum ReminderCommands {
    static let specs: [CommandSpec] = [
        CommandSpec(
            name: "REMIND PREVIEW", usage: "[iso-datetime]", summary: "what a sweep then would enqueue; changes nothing",
            access: "admin, secretary", arity: 0...1
        ) { context, invocation in
            let user = try invocation.requireUser()
            guard user.role == .admin || user.role == .secretary else {
                throw CommandError.notPermitted(invocation.name, "only an admin or a secretary may preview reminders")
            }
            let asOf = try instant(invocation, context)
            let notices = try await reminders(context).preview(asOf: asOf)
            return CommandOutcome(
                reply: try JSONReply.encode(SweepDocument(asOf: JSONReply.instantText(asOf), enqueued: nil, notices: notices.map { NoticeDocument($0) })),
                session: invocation.session)
        },
        CommandSpec(
            name: "REMIND RUN", usage: "[iso-datetime]", summary: "run a sweep now as of that instant", access: "admin",
            arity: 0...1
        ) { context, invocation in
            let user = try invocation.requireUser()
            guard user.role == .admin else { throw CommandError.notPermitted(invocation.name, "only an admin may run a sweep") }
            let asOf = try instant(invocation, context)
            let outcome = try await reminders(context).run(asOf: asOf, trigger: .manual, now: context.clock.now())
            context.logger.info("manual sweep", metadata: ["as_of": "\(asOf)", "enqueued": "\(outcome.enqueuedRows)", "by": "\(user.name)"])
            let document = SweepDocument(
                asOf: JSONReply.instantText(asOf), enqueued: outcome.enqueuedRows,
                notices: outcome.notices.map { NoticeDocument($0.notice, enqueued: $0.enqueued) })
            return CommandOutcome(reply: try JSONReply.encode(document), session: invocation.session)
        },
        CommandSpec(
            name: "OUTBOX LIST", usage: "[pending|sending|sent|dead]", summary: "queued, sent and dead notices",
            access: "admin", arity: 0...1
        ) { context, invocation in
            let user = try invocation.requireUser()
            guard user.role == .admin else { throw CommandError.notPermitted(invocation.name, "only an admin may read the outbox") }
            var status: String?
            if let text = invocation.argument(0)?.lowercased() {
                guard ["pending", "sending", "sent", "dead"].contains(text) else {
                    throw CommandError.badArgument(invocation.name, "'\(text)' is not pending, sending, sent or dead")
                }
                status = text
            }
            let rows = try await context.database.outbox(status: status)
            return CommandOutcome(reply: try JSONReply.encode(rows.map(OutboxDocument.init)), session: invocation.session)
        },
        CommandSpec(
            name: "OUTBOX RETRY", usage: "<id>", summary: "send a dead notice again", access: "admin", arity: 1...1
        ) { context, invocation in
            let user = try invocation.requireUser()
            guard user.role == .admin else { throw CommandError.notPermitted(invocation.name, "only an admin may retry") }
            guard let id = Int64(invocation.arguments[0]) else {
                throw CommandError.badArgument(invocation.name, "'\(invocation.arguments[0])' is not an outbox id")
            }
            guard try await context.database.retryOutbox(id: id, now: context.clock.now()) else {
                throw CommandError(.notfound, "OUTBOX RETRY: no dead or pending notice \(id)")
            }
            return CommandOutcome(reply: .ok, session: invocation.session)
        },
    ]

    struct SweepDocument: Encodable {
        let asOf: String
        @EncodedAsNull var enqueued: Int?
        let notices: [NoticeDocument]
    }

    static func instant(_ invocation: CommandInvocation, _ context: ServerContext) throws(CommandError) -> Date {
        guard let text = invocation.argument(0) else { return context.clock.now() }
        guard let date = InstantArgument.parse(text) else {
            throw .badArgument(
                invocation.name, "'\(text)' is not an ISO 8601 date-time (2017-11-01T08:00:00Z, or 2017-11-01T08:00 in London)")
        }
        return date
    }

    static func reminders(_ context: ServerContext) throws(CommandError) -> ReminderService {
        guard let reminders = context.reminders else {
            throw CommandError(.internal, "the reminder service is not configured")
        }
        return reminders
    }
}
