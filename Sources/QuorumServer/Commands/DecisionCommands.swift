import QuorumApplication
import QuorumDomain

/// DECISION: executive decisions, their publication and call-in; MEASURE TARGET and COMPARATOR.
enum DecisionCommands {
    static let specs: [CommandSpec] = [
        .document(
            "DECISION LIST", usage: "[board] [asof=YYYY-MM-DD]", summary: "executive decisions with their call-in and implementation",
            .decisionList, arity: 0...2
        ) { context, invocation in
            let board = invocation.positional(0)
            return try await context.application.decisions.decisions(
                of: board, asOf: try invocation.asOf(from: board == nil ? 0 : 1), as: invocation.user)
        },
        .document(
            "DECISION GET", usage: "<reference> [asof=YYYY-MM-DD]", summary: "one decision: publication, call-in, implementation",
            .decisionGet, arity: 1...2
        ) { context, invocation in
            try await context.application.decisions.decision(
                invocation.arguments[0], asOf: try invocation.asOf(from: 1), as: invocation.user)
        },
        .document(
            "DECISION RECORD", usage: "<reference> <board> <YYYY-MM-DD> <title> [urgent=<reason>]",
            summary: "record a decision; an urgent one takes effect at once and cannot be called in", .decisionRecord,
            arity: 4...5, argumentSize: .text
        ) { context, invocation in
            let options = try invocation.options(from: 4, allowed: ["urgent"])
            return try await context.application.decisions.record(
                invocation.arguments[0], board: invocation.arguments[1], decidedOn: try invocation.requiredDate(2, "decided on"),
                title: invocation.arguments[3], urgencyReason: options["urgent"], as: invocation.user)
        },
        .document(
            "DECISION PUBLISH", usage: "<reference> [on=YYYY-MM-DD]", summary: "record the decision's publication; call-in runs from it",
            .decisionPublish, arity: 1...2
        ) { context, invocation in
            let options = try invocation.options(from: 1, allowed: ["on"])
            return try await context.application.decisions.publish(
                invocation.arguments[0], on: try invocation.date(option: "on", in: options), as: invocation.user)
        },
        .document(
            "DECISION CALLIN", usage: "<reference> <reason> [by=<member,member>] [on=YYYY-MM-DD]",
            summary: "record a call-in by the scrutiny committee: it suspends implementation until heard", .decisionCallIn,
            arity: 2...4, argumentSize: .text
        ) { context, invocation in
            let options = try invocation.options(from: 2, allowed: ["by", "on"])
            let members = (options["by"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let decision = try await context.application.decisions.callIn(
                invocation.arguments[0], reason: invocation.arguments[1], by: members, on: try invocation.date(option: "on", in: options),
                as: invocation.user)
            context.logger.info("decision called in", metadata: ["decision": "\(decision.reference)"])
            return decision
        },
        .document(
            "DECISION HEAR", usage: "<reference> <YYYY-MM-DD> [outcome=no_further_action|referred_back]",
            summary: "record the scrutiny hearing of a call-in and its outcome", .decisionHear, arity: 2...3
        ) { context, invocation in
            let options = try invocation.options(from: 2, allowed: ["outcome"])
            return try await context.application.decisions.hear(
                invocation.arguments[0], on: try invocation.requiredDate(1, "hearing date"), outcome: options["outcome"],
                as: invocation.user)
        },
        .document(
            "MEASURE TARGET", usage: "<id> <target|none> [unit=percent|count|per_10000|days]",
            summary: "set a measure's target and unit", .measureTarget, arity: 2...3
        ) { context, invocation in
            let options = try invocation.options(from: 2, allowed: ["unit"])
            return try await context.application.plan.setTarget(
                measure: invocation.arguments[0], target: invocation.arguments[1], unit: options["unit"], as: invocation.user)
        },
        .document(
            "MEASURE COMPARATOR", usage: "<id> national|statistical_neighbours|regional <value> <period> <source>",
            summary: "set a figure the measure is compared with", .measureComparator, arity: 5...5, argumentSize: .text
        ) { context, invocation in
            try await context.application.plan.setComparator(
                measure: invocation.arguments[0], kind: invocation.arguments[1], value: invocation.arguments[2],
                period: invocation.arguments[3], source: invocation.arguments[4], as: invocation.user)
        },
    ]
}
