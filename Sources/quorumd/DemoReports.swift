import Foundation
import Logging
import QuorumApplication
import QuorumDomain
import QuorumImport

/// The seed cover reports, submitted and taken through clearance the way their officers did it
/// (`Demo/reports/clearances.csv` gives each report's finance and legal references), so that the
/// demo packs of both seed meetings are complete. Loaded once, with the demo plan.
enum DemoReports {
    static let columns = ["meeting", "item", "finance_reference", "finance_title", "legal_reference", "legal_title"]
    static let finance = User(name: "finance.officer@example.org", role: .finance)
    static let legal = User(name: "legal.officer@example.org", role: .legal)

    /// - Returns: the meetings whose reports it cleared, in the file's order.
    @discardableResult
    static func load(from directory: String, into application: Application, logger: Logger) async throws -> [String] {
        let path = directory + "/reports/clearances.csv"
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw StartupError(message: "\(path): cannot read the demo clearances")
        }
        let table: CSVTable
        do {
            table = try CSVTable(text: text, columns: columns)
        } catch {
            throw StartupError(message: "\(path): \(error)")
        }
        var meetings: [String] = []
        for row in table.rows {
            let meeting = row["meeting"]
            if !meetings.contains(meeting) { meetings.append(meeting) }
            let item = row["item"]
            let reportPath = directory + "/reports/\(meeting).md"
            guard let markdown = FileManager.default.contents(atPath: reportPath).map({ String(decoding: $0, as: UTF8.self) }) else {
                throw StartupError(message: "\(reportPath): cannot read the demo report")
            }
            do {
                let record = try await application.clearance.record(meeting: meeting, item: item, as: finance)
                let owner = User(name: record.owner, role: .lead)
                _ = try await application.packs.submitReport(markdown, item: item, meeting: meeting, as: owner)
                let clearance = application.clearance
                let submitted = try await clearance.take(.submit(approver: nil), meeting: meeting, item: item, as: owner)
                _ = try await clearance.take(
                    .finance(reference: row["finance_reference"], title: row["finance_title"]), meeting: meeting, item: item, as: finance)
                _ = try await clearance.take(
                    .legal(reference: row["legal_reference"], title: row["legal_title"]), meeting: meeting, item: item, as: legal)
                _ = try await clearance.take(.approve, meeting: meeting, item: item, as: User(name: submitted.reportOf, role: .member))
                logger.info("demo report cleared", metadata: ["meeting": "\(meeting)", "item": "\(item)"])
            } catch let error as ApplicationError {
                throw StartupError(message: "\(path) line \(row.line): \(error.message)")
            }
        }
        return meetings
    }
}
