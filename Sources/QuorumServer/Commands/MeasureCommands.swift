import QuorumDomain
import QuorumImport
import QuorumStorage

/// MEASURE LIST, MEASURE SET and SCORECARD: the performance scorecard.
enum MeasureCommands {
    static let specs: [CommandSpec] = [
        CommandSpec(
            name: "MEASURE LIST", usage: "", summary: "the measures with thresholds and their latest value", access: "anyone",
            arity: 0...0
        ) { context, invocation in
            let measures = try await context.database.measures()
            let values = try await context.database.measureValues()
            let documents = measures.map { measure in
                let own = values.filter { $0.measureID == measure.id }
                let latest = Scorecard.latestPeriod(in: own).flatMap { period in
                    Scorecard.rows(measures: [measure], values: own, period: period).first
                }
                return MeasureDocument(measure, latest: latest)
            }
            return CommandOutcome(reply: try JSONReply.encode(documents), session: invocation.session)
        },
        CommandSpec(
            name: "MEASURE SET", usage: "<id> <period> <value>", summary: "record a measure's value for a period",
            access: "analyst, admin", arity: 3...3
        ) { context, invocation in
            let user = try invocation.requireUser()
            guard user.role == .admin || user.role == .analyst else {
                throw CommandError.notPermitted(invocation.name, "only an analyst or an admin may record values")
            }
            let (id, periodText, valueText) = (invocation.arguments[0], invocation.arguments[1], invocation.arguments[2])
            let period: Period
            do {
                period = try Period(parsing: periodText)
            } catch {
                throw CommandError.badArgument(invocation.name, "\(error) (periods look like 2017/18, 2017/18 Q2 or 2017-10)")
            }
            var digits = valueText
            if digits.hasSuffix("%") { digits.removeLast() }
            guard let value = Double(digits), value.isFinite else {
                throw CommandError.badArgument(invocation.name, "value '\(valueText)' is not a number")
            }
            do {
                try await context.database.setValue(
                    MeasureValue(measureID: id, period: period, value: value), actor: user.name, now: context.clock.now())
            } catch PlanStoreError.unknownMeasure(let id) {
                throw CommandError(.notfound, "MEASURE SET: no measure '\(id)'")
            }
            let measures = try await context.database.measures().filter { $0.id == id }
            let values = try await context.database.measureValues().filter { $0.measureID == id }
            guard let row = Scorecard.rows(measures: measures, values: values, period: period).first else {
                throw CommandError(.internal, "MEASURE SET: the value was stored but cannot be read back")
            }
            return CommandOutcome(reply: try JSONReply.encode(ScorecardRowDocument(row)), session: invocation.session)
        },
        CommandSpec(
            name: "SCORECARD", usage: "[period]", summary: "every measure judged for a period (default: the latest)",
            access: "anyone", arity: 0...1
        ) { context, invocation in
            var period: Period?
            if let text = invocation.argument(0) {
                do {
                    period = try Period(parsing: text)
                } catch {
                    throw CommandError.badArgument(invocation.name, "\(error) (periods look like 2017/18, 2017/18 Q2 or 2017-10)")
                }
            }
            let rows = Scorecard.rows(
                measures: try await context.database.measures(), values: try await context.database.measureValues(),
                period: period)
            return CommandOutcome(reply: try JSONReply.encode(rows.map(ScorecardRowDocument.init)), session: invocation.session)
        },
    ]
}
