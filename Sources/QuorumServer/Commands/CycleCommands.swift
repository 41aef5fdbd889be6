import QuorumApplication
import QuorumDomain

/// CYCLE LIST: the reporting cycles with their occurrences, next due report and deadlines.
enum CycleCommands {
    static let specs: [CommandSpec] = [
        .document(
            "CYCLE LIST", usage: "[board] [asof=YYYY-MM-DD]", summary: "reporting cycles, their occurrences and the next report due",
            .cycleList, arity: 0...2
        ) { context, invocation in
            var code: String?
            var asOf: LocalDate?
            for argument in invocation.arguments {
                if argument.lowercased().hasPrefix("asof=") {
                    asOf = try invocation.date(option: "asof", in: ["asof": String(argument.dropFirst(5))])
                } else if code == nil {
                    code = argument
                } else {
                    throw CommandError.badArgument(invocation.name, "unexpected argument '\(argument)'")
                }
            }
            return try await context.application.governance.cycles(of: code, asOf: asOf, as: invocation.user)
        }
    ]
}
