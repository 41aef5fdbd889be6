import QuorumDomain
import QuorumImport
import QuorumStorage

/// IMPORT: the plan and scorecard from the CSV files councils keep.
enum ImportCommands {
    static let specs: [CommandSpec] = [
        CommandSpec(
            name: "IMPORT", usage: "recommendations|actions|measures|values <csv>",
            summary: "import a CSV file: every row checked, all stored or none", access: "analyst, admin", arity: 2...2
        ) { context, invocation in
            let user = try invocation.requireUser()
            guard user.role == .admin || user.role == .analyst else {
                throw CommandError.notPermitted(invocation.name, "only an analyst or an admin may import")
            }
            guard let kind = ImportKind(rawValue: invocation.arguments[0].lowercased()) else {
                let kinds = ImportKind.allCases.map(\.rawValue).joined(separator: ", ")
                throw CommandError.badArgument(invocation.name, "'\(invocation.arguments[0])' is not one of \(kinds)")
            }
            do {
                let summary = try await context.database.importCSV(
                    kind, csv: invocation.arguments[1], actor: user.name, now: context.clock.now())
                context.logger.info(
                    "imported", metadata: ["kind": "\(kind.rawValue)", "rows": "\(summary.rows)", "by": "\(user.name)"])
                return CommandOutcome(reply: try JSONReply.encode(summary), session: invocation.session)
            } catch let error as ImportError {
                throw CommandError(.badinput, error.description)
            }
        }
    ]
}
