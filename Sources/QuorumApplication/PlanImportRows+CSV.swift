import QuorumDomain
import QuorumImport
import QuorumStorage

extension PlanImportRows {
    /// Reads and checks a CSV file of `kind` against the stored plan: the check that storage
    /// runs inside its import transaction.
    /// - Throws: `ImportError` naming the line and column of the first bad row.
    public init(_ kind: ImportKind, csv: String, against stored: PlanImportContext) throws(ImportError) {
        switch kind {
        case .recommendations:
            self = .recommendations(
                try PlanImport.recommendations(csv: csv).map {
                    RecommendationRow(recommendation: $0.recommendation, priorityTitle: $0.priorityTitle)
                })
        case .actions:
            self = .actions(
                try PlanImport.actions(csv: csv).map { row in
                    ActionRow(action: row.action, update: row.update.map { (text: $0.text, date: $0.date) })
                })
        case .measures:
            self = .measures(try PlanImport.measures(csv: csv).map(\.measure))
        case .values:
            self = .values(try PlanImport.values(csv: csv, measures: stored.measureIDs).map(\.value))
        }
    }
}
