import QuorumApplication

/// MEASURE LIST, MEASURE SET and SCORECARD: the performance scorecard.
enum MeasureCommands {
    static let specs: [CommandSpec] = [
        .document(
            "MEASURE LIST", usage: "", summary: "the measures with thresholds and their latest value", .measureList,
            arity: 0...0
        ) { context, invocation in
            try await context.application.plan.measures(as: invocation.user)
        },
        .document(
            "MEASURE SET", usage: "<id> <period> <value>", summary: "record a measure's value for a period",
            .measureSet, arity: 3...3
        ) { context, invocation in
            return try await context.application.plan.setValue(
                measure: invocation.arguments[0], period: invocation.arguments[1], value: invocation.arguments[2], as: invocation.user)
        },
        .document(
            "SCORECARD", usage: "[period]", summary: "every measure judged for a period (default: the latest)",
            .scorecard, arity: 0...1
        ) { context, invocation in
            try await context.application.plan.scorecard(period: invocation.argument(0), as: invocation.user)
        },
    ]
}
