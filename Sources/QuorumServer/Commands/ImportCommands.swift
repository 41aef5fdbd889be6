import QuorumApplication

/// IMPORT: the plan and scorecard from the CSV files councils keep.
enum ImportCommands {
    static let specs: [CommandSpec] = [
        .document(
            "IMPORT", usage: "recommendations|actions|measures|values <csv>",
            summary: "import a CSV file: every row checked, all stored or none", .planImport, arity: 2...2, argumentSize: .document
        ) { context, invocation in
            let summary = try await context.application.plan.importCSV(invocation.arguments[0], csv: invocation.arguments[1], as: invocation.user)
            context.logger.info("imported", metadata: ["kind": "\(summary.kind)", "rows": "\(summary.rows)", "by": "\(invocation.user?.name ?? "")"])
            return summary
        }
    ]
}
