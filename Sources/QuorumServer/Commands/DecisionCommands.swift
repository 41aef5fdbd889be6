import QuorumApplication
import QuorumDomain

/// DECISION: executive decisions, their publication and call-in; MEASURE TARGET and COMPARATOR.
enum DecisionCommands {
    static let specs: [CommandSpec] = [
        CommandSpec(
            name: "DECISION LIST", usage: "[board] [asof=YYYY-MM-DD]", summary: "executive decisions with their call-in and implementation",
            operation: .decisionList, arity: 0...2
        ) { context, invocation in
            let board = invocation.argument(0).flatMap { $0.contains("=") ? nil : $0 }
            let options = try invocation.options(from: board == nil ? 0 : 1, allowed: ["asof"])
            let decisions = try await context.application.decisions.decisions(
                of: board, asOf: try invocation.date(option: "asof", in: options), as: invocation.user)
            return invocation.reply(try JSONReply.encode(decisions))
        },
        CommandSpec(
            name: "DECISION GET", usage: "<reference> [asof=YYYY-MM-DD]", summary: "one decision: publication, call-in, implementation",
            operation: .decisionGet, arity: 1...2
        ) { context, invocation in
            let options = try invocation.options(from: 1, allowed: ["asof"])
            let decision = try await context.application.decisions.decision(
                invocation.arguments[0], asOf: try invocation.date(option: "asof", in: options), as: invocation.user)
            return invocation.reply(try JSONReply.encode(decision))
        },
        CommandSpec(
            name: "DECISION RECORD", usage: "<reference> <board> <YYYY-MM-DD> <title> [urgent=<reason>]",
            summary: "record a decision; an urgent one takes effect at once and cannot be called in", operation: .decisionRecord,
            arity: 4...5
        ) { context, invocation in
            let options = try invocation.options(from: 4, allowed: ["urgent"])
            guard let date = try invocation.date(2, "decided on") else { preconditionFailure("arity checked") }
            let decision = try await context.application.decisions.record(
                invocation.arguments[0], board: invocation.arguments[1], decidedOn: date, title: invocation.arguments[3],
                urgencyReason: options["urgent"], as: invocation.user)
            return invocation.reply(try JSONReply.encode(decision))
        },
        CommandSpec(
            name: "DECISION PUBLISH", usage: "<reference> [on=YYYY-MM-DD]", summary: "record the decision's publication; call-in runs from it",
            operation: .decisionPublish, arity: 1...2
        ) { context, invocation in
            let options = try invocation.options(from: 1, allowed: ["on"])
            let decision = try await context.application.decisions.publish(
                invocation.arguments[0], on: try invocation.date(option: "on", in: options), as: invocation.user)
            return invocation.reply(try JSONReply.encode(decision))
        },
        CommandSpec(
            name: "DECISION CALLIN", usage: "<reference> <reason> [by=<member,member>] [on=YYYY-MM-DD]",
            summary: "record a call-in by the scrutiny committee: it suspends implementation until heard", operation: .decisionCallIn,
            arity: 2...4
        ) { context, invocation in
            let options = try invocation.options(from: 2, allowed: ["by", "on"])
            let members = (options["by"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let decision = try await context.application.decisions.callIn(
                invocation.arguments[0], reason: invocation.arguments[1], by: members, on: try invocation.date(option: "on", in: options),
                as: invocation.user)
            context.logger.info("decision called in", metadata: ["decision": "\(decision.reference)"])
            return invocation.reply(try JSONReply.encode(decision))
        },
        CommandSpec(
            name: "DECISION HEAR", usage: "<reference> <YYYY-MM-DD> [outcome=no_further_action|referred_back]",
            summary: "record the scrutiny hearing of a call-in and its outcome", operation: .decisionHear, arity: 2...3
        ) { context, invocation in
            let options = try invocation.options(from: 2, allowed: ["outcome"])
            guard let date = try invocation.date(1, "hearing date") else { preconditionFailure("arity checked") }
            let decision = try await context.application.decisions.hear(
                invocation.arguments[0], on: date, outcome: options["outcome"], as: invocation.user)
            return invocation.reply(try JSONReply.encode(decision))
        },
        CommandSpec(
            name: "MEASURE TARGET", usage: "<id> <target|none> [unit=percent|count|per_10000|days]",
            summary: "set a measure's target and unit", operation: .measureTarget, arity: 2...3
        ) { context, invocation in
            let options = try invocation.options(from: 2, allowed: ["unit"])
            let measure = try await context.application.plan.setTarget(
                measure: invocation.arguments[0], target: invocation.arguments[1], unit: options["unit"], as: invocation.user)
            return invocation.reply(try JSONReply.encode(measure))
        },
        CommandSpec(
            name: "MEASURE COMPARATOR", usage: "<id> national|statistical_neighbours|regional <value> <period> <source>",
            summary: "set a figure the measure is compared with", operation: .measureComparator, arity: 5...5
        ) { context, invocation in
            let measure = try await context.application.plan.setComparator(
                measure: invocation.arguments[0], kind: invocation.arguments[1], value: invocation.arguments[2],
                period: invocation.arguments[3], source: invocation.arguments[4], as: invocation.user)
            return invocation.reply(try JSONReply.encode(measure))
        },
    ]
}
