import Foundation
import Logging
import QuorumApplication
import QuorumDomain
import QuorumImport

/// The demo meetings' reports, submitted and taken through clearance the way their officers did
/// it, so that the demo packs are complete. Loaded once, with the demo plan, from `reports/`:
/// - `clearances.csv`: the seed cover reports of the cycles' agenda items (`<meeting>.md`) with
///   their finance and legal references;
/// - `items.csv`: agenda items added to a meeting (an exempt item among them), each with its
///   report file and references;
/// - `notices.csv`: the private-meeting notices given for a meeting with an exempt item.
enum DemoReports {
    static let clearanceColumns = ["meeting", "item", "finance_reference", "finance_title", "legal_reference", "legal_title"]
    static let itemColumns = [
        "meeting", "title", "owner", "exempt", "report", "finance_reference", "finance_title", "legal_reference", "legal_title",
    ]
    static let noticeColumns = ["meeting", "kind", "given_on", "reasons"]
    static let finance = User(name: "finance.officer@example.org", role: .finance)
    static let legal = User(name: "legal.officer@example.org", role: .legal)
    static let admin = User(name: "admin", role: .admin)

    /// - Returns: the meetings whose reports it cleared, in the files' order.
    @discardableResult
    static func load(from directory: String, into application: Application, logger: Logger) async throws -> [String] {
        var meetings: [String] = []
        func note(_ meeting: String) {
            if !meetings.contains(meeting) { meetings.append(meeting) }
        }
        let clearances = directory + "/reports/clearances.csv"
        for row in try table(clearances, columns: clearanceColumns).rows {
            note(row["meeting"])
            try await failing(at: clearances, line: row.line) {
                try await clear(
                    item: row["item"], meeting: row["meeting"], report: directory + "/reports/\(row["meeting"]).md", references: row,
                    application: application)
            }
            logger.info("demo report cleared", metadata: ["meeting": "\(row["meeting"])", "item": "\(row["item"])"])
        }
        let items = directory + "/reports/items.csv"
        for row in try table(items, columns: itemColumns).rows {
            note(row["meeting"])
            try await failing(at: items, line: row.line) {
                guard row["exempt"].isEmpty || Int(row["exempt"]) != nil else {
                    throw ApplicationError(.badArgument, "exempt '\(row["exempt"])' is not a paragraph number")
                }
                let added = try await application.packs.addItem(
                    .init(title: row["title"], ownerEmail: row["owner"], exemptParagraph: Int(row["exempt"])), to: row["meeting"], as: admin)
                try await clear(
                    item: added.key, meeting: row["meeting"], report: directory + "/reports/" + row["report"], references: row,
                    application: application)
            }
            logger.info("demo item added and cleared", metadata: ["meeting": "\(row["meeting"])", "title": "\(row["title"])"])
        }
        let notices = directory + "/reports/notices.csv"
        for row in try table(notices, columns: noticeColumns).rows {
            try await failing(at: notices, line: row.line) {
                guard let kind = PrivateMeetingNotices.Kind(rawValue: row["kind"]) else {
                    throw ApplicationError(.badArgument, "kind '\(row["kind"])' is not first or second")
                }
                guard let day = LocalDate(iso: row["given_on"]) else {
                    throw ApplicationError(.badArgument, "given_on '\(row["given_on"])' is not a date YYYY-MM-DD")
                }
                _ = try await application.privateMeetings.give(
                    .init(kind: kind, givenOn: day, reasons: row["reasons"]), meeting: row["meeting"], as: admin)
            }
        }
        return meetings
    }

    /// Submits `report` for an agenda item as its owner, then takes it through finance, legal and
    /// the approval of the officer the report is "of".
    private static func clear(
        item: String, meeting: String, report path: String, references row: CSVTable.Row, application: Application
    ) async throws {
        guard let markdown = FileManager.default.contents(atPath: path).map({ String(decoding: $0, as: UTF8.self) }) else {
            throw StartupError(message: "\(path): cannot read the demo report")
        }
        let clearance = application.clearance
        let record = try await clearance.record(meeting: meeting, item: item, as: finance)
        let owner = User(name: record.owner, role: .lead)
        _ = try await application.packs.submitReport(markdown, item: item, meeting: meeting, as: owner)
        let submitted = try await clearance.take(.submit(approver: nil), meeting: meeting, item: item, as: owner)
        _ = try await clearance.take(
            .finance(reference: row["finance_reference"], title: row["finance_title"]), meeting: meeting, item: item, as: finance)
        _ = try await clearance.take(
            .legal(reference: row["legal_reference"], title: row["legal_title"]), meeting: meeting, item: item, as: legal)
        _ = try await clearance.take(.approve, meeting: meeting, item: item, as: User(name: submitted.reportOf, role: .member))
    }

    private static func table(_ path: String, columns: [String]) throws -> CSVTable {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw StartupError(message: "\(path): cannot read the demo file")
        }
        do {
            return try CSVTable(text: text, columns: columns)
        } catch {
            throw StartupError(message: "\(path): \(error)")
        }
    }

    /// Names the file and line of a row that the application refused.
    private static func failing(at path: String, line: Int, _ work: () async throws -> Void) async throws {
        do {
            try await work()
        } catch let error as ApplicationError {
            throw StartupError(message: "\(path) line \(line): \(error.message)")
        }
    }
}
