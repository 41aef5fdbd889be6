import QuorumApplication

/// ACTION LIST, ACTION GET and ACTION UPDATE: the improvement plan's actions.
enum ActionCommands {
    static let specs: [CommandSpec] = [
        .document(
            "ACTION LIST", usage: "[status=complete|overdue|due|open] [lead=<email>] [rec=<id>] [asof=YYYY-MM-DD]",
            summary: "the plan's actions and their state on a date", .actionList, arity: 0...4
        ) { context, invocation in
            let options = try invocation.options(from: 0, allowed: ["status", "lead", "rec", "asof"])
            let filter = PlanService.ActionFilter(
                state: options["status"], leadEmail: options["lead"], recommendation: options["rec"],
                asOf: try invocation.date(option: "asof", in: options))
            return try await context.application.plan.actions(filter, as: invocation.user)
        },
        .document(
            "ACTION GET", usage: "<ref> [asof=YYYY-MM-DD]", summary: "one action with its updates and history", .actionGet, arity: 1...2
        ) { context, invocation in
            try await context.application.plan.action(invocation.arguments[0], asOf: try invocation.asOf(from: 1), as: invocation.user)
        },
        .document(
            "ACTION UPDATE", usage: "<ref> <text> [review=<date>] [status=complete] [rag=red|amber|green] [frequency=<monthly…>]",
            summary: "post an update, a new review date, completion, a RAG rating or an update frequency", .actionUpdate,
            arity: 2...6, argumentSize: .text
        ) { context, invocation in
            let options = try invocation.options(from: 2, allowed: ["review", "status", "rag", "frequency"])
            var completes = false
            if let status = options["status"] {
                guard status.lowercased() == "complete" else {
                    throw CommandError.badArgument(invocation.name, "status can only be set to complete, not '\(status)'")
                }
                completes = true
            }
            let updated = try await context.application.plan.updateAction(
                invocation.arguments[0], text: invocation.arguments[1], reviewDate: options["review"], completes: completes,
                rag: options["rag"], frequency: options["frequency"], as: invocation.user)
            context.logger.info("action updated", metadata: ["ref": "\(invocation.arguments[0])", "by": "\(invocation.user?.name ?? "")"])
            return updated
        },
    ]
}
