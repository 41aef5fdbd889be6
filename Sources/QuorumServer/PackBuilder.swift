import Foundation
import QuorumDomain
import QuorumPacks
import QuorumStorage

/// Assembles a meeting's pack from its agenda, the submitted reports and the live plan and
/// scorecard; renders Part I (and Part II when there are exempt items) as HTML and PDF; stores
/// each file content-addressed and the version in one transaction.
public struct PackBuilder: Sendable {
    let files: PackFileStore
    let renderer: PackRenderer
    let pdf: PDFRenderer

    public init(files: PackFileStore, renderer: PackRenderer = PackRenderer(), pdf: PDFRenderer = PDFRenderer()) {
        self.files = files
        self.renderer = renderer
        self.pdf = pdf
    }

    func build(_ meeting: Meeting, by user: User, context: ServerContext) async throws -> StoredPack {
        let agenda = try await context.agenda(of: meeting)
        let reports = try await context.database.latestReports(meetingID: meeting.id)
        let publishBy = context.workingDays.publicationDeadline(forMeetingOn: meeting.date)
        var warnings: [String] = []
        var items: [MeetingPackContent.Item] = []
        for entry in agenda.entries {
            var report: CoverReport?
            if let submitted = reports[entry.key] {
                report = try? CoverReport.parse(markdown: submitted.markdown)
            } else if entry.takesReport {
                warnings.append("Item \(entry.number), \(entry.title): the report has not been submitted")
            }
            var item = MeetingPackContent.Item(
                key: entry.key, number: entry.number, title: entry.title, kind: entry.kind, owner: entry.ownerEmail,
                isKeyDecision: entry.isKeyDecision, exemptParagraph: entry.exemptParagraph, report: report,
                appendices: entry.cycle?.appendices ?? [])
            if item.effectiveKeyDecision || item.isExempt {
                warnings += noticeWarnings(for: item, entry: entry, report: report, meeting: meeting, context: context)
            }
            items.append(item)
        }
        let needsScorecard = items.contains { $0.generatedAppendices.contains(.scorecard) }
        let needsTracker = items.contains { $0.generatedAppendices.contains(.actionTracker) }
        let recommendations = try await context.database.recommendations().map(\.recommendation)
        var scorecard: ScorecardAppendix?
        if needsScorecard {
            let measures = try await context.database.measures()
            // The financial year of the meeting, to date: periods that had begun by the meeting (a
            // measure reported quarterly or monthly shows its latest figure within the year).
            let values = try await context.database.measureValues().filter { $0.period.firstDay <= meeting.date }
            let period: Period? = Period.containing(meeting.date, kind: .year)
            scorecard = ScorecardAppendix(recommendations: recommendations, measures: measures, values: values, period: period)
            let unreported = (scorecard?.groups ?? []).flatMap(\.measures).filter { $0.value == nil }.map(\.id)
            if !unreported.isEmpty {
                warnings.append(
                    "Scorecard: \(unreported.count) measure\(unreported.count == 1 ? " has" : "s have") no value for "
                        + "\(period?.description ?? "any period"): \(unreported.joined(separator: ", "))")
            }
        }
        var tracker: ActionTrackerAppendix?
        if needsTracker {
            tracker = ActionTrackerAppendix(
                recommendations: recommendations, actions: try await context.database.planActions(), asOf: meeting.date)
        }
        let previous = try await context.database.latestPack(meetingID: meeting.id)
        let version = (previous?.version ?? 0) + 1
        var content = MeetingPackContent(
            board: .init(code: agenda.board.code, name: agenda.board.name, meetsInPublic: agenda.board.meetsInPublic),
            meeting: .init(meeting), publishBy: publishBy, items: items, warnings: warnings, version: version,
            builtAt: context.clock.now(), scorecard: scorecard, actionTracker: tracker)
        let entries = renderer.itemEntries(for: content)
        let previousEntries = (previous?.manifest ?? []).map {
            PackChangeList.Entry(key: $0.key, number: $0.number, title: $0.title, contentHash: $0.contentHash, isExempt: $0.isExempt)
        }
        let changes = PackChangeList(previous: previousEntries, current: entries)
        if previous != nil { content.changes = changes }

        var parts: [StoredPackPart] = []
        let hasExempt = !content.items(in: .exempt).isEmpty
        for part in hasExempt ? [PackPart.public, .exempt] : [.public] {
            let html = Data(renderer.renderHTML(content, part: part).utf8)
            let pdfData = try await pdf.renderPDF(html: String(decoding: html, as: UTF8.self))
            for (format, data) in [("html", html), ("pdf", pdfData)] {
                let address = try files.store(data, extension: format)
                parts.append(StoredPackPart(part: part.rawValue, format: format, sha256: address, size: data.count))
            }
        }
        func manifest(_ entry: PackChangeList.Entry) -> PackManifestEntry {
            PackManifestEntry(key: entry.key, number: entry.number, title: entry.title, contentHash: entry.contentHash, isExempt: entry.isExempt)
        }
        return try await context.database.savePack(
            meetingID: meeting.id, version: version, builtBy: user.name, warnings: warnings, manifest: entries.map(manifest),
            changes: PackChanges(
                added: changes.added.map(manifest), replaced: changes.replaced.map(manifest), removed: changes.removed.map(manifest)),
            parts: parts, now: context.clock.now())
    }

    /// Key decisions need Forward Plan notice, and exempt items notice of a private meeting, 28
    /// clear days before the meeting (2012 regulations, regs 9 and 5).
    private func noticeWarnings(
        for item: MeetingPackContent.Item, entry: MeetingAgenda.Entry, report: CoverReport?, meeting: Meeting, context: ServerContext
    ) -> [String] {
        let deadline = context.workingDays.noticeDeadline(before: meeting.date)
        let given = entry.noticeGiven ?? report?.forwardPlanDate
        var warnings: [String] = []
        let late = given.map { $0 > deadline } ?? true
        if item.effectiveKeyDecision && late {
            warnings.append(
                "Item \(item.number), \(item.title): a key decision without notice in the Forward Plan 28 clear days before "
                    + "(needed by \(deadline)\(given.map { "; given \($0)" } ?? ""))")
        }
        if item.isExempt && late {
            warnings.append(
                "Item \(item.number), \(item.title): exempt, without notice of a private meeting 28 clear days before "
                    + "(needed by \(deadline)\(given.map { "; given \($0)" } ?? ""))")
        }
        return warnings
    }

    func load(_ part: StoredPackPart) throws -> Data {
        try files.load(part.sha256, extension: part.format)
    }
}
