import QuorumDomain

/// CYCLE LIST: the reporting cycles with their occurrences, next due report and deadlines.
enum CycleCommands {
    static let specs: [CommandSpec] = [
        CommandSpec(
            name: "CYCLE LIST", usage: "[board] [asof=YYYY-MM-DD]",
            summary: "reporting cycles, their occurrences and the next report due", access: "anyone", arity: 0...2
        ) { context, invocation in
            var code: String?
            var asOf = context.today
            for argument in invocation.arguments {
                if argument.lowercased().hasPrefix("asof=") {
                    let text = String(argument.dropFirst(5))
                    guard let date = LocalDate(iso: text) else {
                        throw CommandError.badArgument(invocation.name, "asof '\(text)' is not a date of the form YYYY-MM-DD")
                    }
                    asOf = date
                } else if code == nil {
                    code = argument
                } else {
                    throw CommandError.badArgument(invocation.name, "unexpected argument '\(argument)'")
                }
            }
            let boards: [Board]
            if let code {
                boards = [try await context.board(code, for: invocation.name)]
            } else {
                boards = try await context.database.boards()
            }
            let submitted = try await context.database.submittedOccurrences()
            var documents: [CycleDocument] = []
            for board in boards {
                let occurrences = try await context.occurrences(of: board)
                for cycle in board.cycles {
                    let own = occurrences.filter { $0.cycle.key == cycle.key }.map(\.occurrence)
                    // The next report is the first whose meeting (or month, when unbound) is not past.
                    let next = own.first { ($0.meetingDate ?? $0.month.lastDay) >= asOf }
                    documents.append(
                        CycleDocument(
                            board: board.code, cycle: CycleSummaryDocument(cycle), asOf: asOf.description,
                            next: next.map { OccurrenceDocument($0, cycle: cycle, submitted: submitted.contains($0.id)) },
                            occurrences: own.map { OccurrenceDocument($0, cycle: cycle, submitted: submitted.contains($0.id)) }))
                }
            }
            return CommandOutcome(reply: try JSONReply.encode(documents), session: invocation.session)
        }
    ]

    struct CycleDocument: Encodable {
        let board: String
        let cycle: CycleSummaryDocument
        let asOf: String
        let next: OccurrenceDocument?
        let occurrences: [OccurrenceDocument]
    }
}
