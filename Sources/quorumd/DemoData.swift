import Foundation
import Logging
import QuorumApplication
import QuorumImport
import QuorumStorage

/// Loads the demonstration plan (recommendations, actions, measures, values) into an empty plan.
enum DemoData {
    static func load(from directory: String, into database: AppDatabase, now: Date, logger: Logger) async throws {
        for kind in [ImportKind.recommendations, .actions, .measures, .values] {
            let path = directory + "/\(kind.rawValue).csv"
            guard let data = FileManager.default.contents(atPath: path) else {
                throw StartupError(message: "\(path): cannot read the demo file")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw StartupError(message: "\(path): not UTF-8 text")
            }
            do {
                let summary = try await database.importPlan(actor: "demo", now: now) {
                    try PlanImportRows(kind, csv: text, against: $0)
                }
                logger.info("demo data loaded", metadata: ["file": "\(path)", "rows": "\(summary.rows)"])
            } catch let error as ImportError {
                throw StartupError(message: "\(path): \(error)")
            }
        }
    }
}
