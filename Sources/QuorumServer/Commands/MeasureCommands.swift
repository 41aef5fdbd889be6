import QuorumApplication

/// MEASURE LIST, MEASURE SET and SCORECARD: the performance scorecard.
enum MeasureCommands {
    static let specs: [CommandSpec] = [
        CommandSpec(
            name: "MEASURE LIST", usage: "", summary: "the measures with thresholds and their latest value", operation: .measureList,
            arity: 0...0
        ) { context, invocation in
            invocation.reply(try JSONReply.encode(try await context.application.plan.measures(as: invocation.user)))
        },
        CommandSpec(
            name: "MEASURE SET", usage: "<id> <period> <value>", summary: "record a measure's value for a period",
            operation: .measureSet, arity: 3...3
        ) { context, invocation in
            let row = try await context.application.plan.setValue(
                measure: invocation.arguments[0], period: invocation.arguments[1], value: invocation.arguments[2], as: invocation.user)
            return invocation.reply(try JSONReply.encode(row))
        },
        CommandSpec(
            name: "SCORECARD", usage: "[period]", summary: "every measure judged for a period (default: the latest)",
            operation: .scorecard, arity: 0...1
        ) { context, invocation in
            invocation.reply(try JSONReply.encode(try await context.application.plan.scorecard(period: invocation.argument(0), as: invocation.user)))
        },
    ]
}
