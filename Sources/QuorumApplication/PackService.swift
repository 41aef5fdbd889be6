import Foundation
import QuorumDomain
import QuorumPacks
import QuorumStorage
import QuorumWire

/// Agenda items, reports and meeting packs: building, versions, publication and reading.
public struct PackService: Sendable {
    let database: AppDatabase
    let governance: GovernanceService
    let files: PackFileStore
    let renderer: PackRenderer
    let pdf: PDFRenderer
    let webhooks: [WebhookSubscription]
    let clock: WallClock
    let authorizer: Authorizer
    /// Makes each version's PDF after the build's reply; the daemon runs it under its lifecycle.
    public let pdfMaker: PackPDFMaker
    /// Report clearance and the Forward Plan: the cover's Internal Consultations and Forward Plan
    /// line, the notice and clearance warnings, and the reason an unapproved report needs.
    let clearance: ClearanceService

    public init(
        database: AppDatabase, governance: GovernanceService, files: PackFileStore, renderer: PackRenderer = PackRenderer(),
        pdf: PDFRenderer = PDFRenderer(), webhooks: [WebhookSubscription], clock: WallClock, clearance: ClearanceService
    ) {
        self.clearance = clearance
        self.database = database
        self.governance = governance
        self.files = files
        self.renderer = renderer
        self.pdf = pdf
        self.webhooks = webhooks
        self.clock = clock
        self.authorizer = Authorizer(database: database)
        self.pdfMaker = PackPDFMaker(database: database, files: files, pdf: pdf)
    }

    var workingDays: WorkingDayCalendar { governance.workingDays }

    // MARK: Agenda items and reports

    /// What a secretary gives for a new agenda item.
    public struct NewItem: Sendable {
        public var title: String
        public var ownerEmail: String?
        public var isKeyDecision: Bool
        /// Schedule 12A paragraph (1 to 7) when exempt.
        public var exemptParagraph: Int?
        /// When the Forward Plan or private-meeting notice was given.
        public var noticeGiven: LocalDate?

        public init(title: String, ownerEmail: String? = nil, isKeyDecision: Bool = false, exemptParagraph: Int? = nil, noticeGiven: LocalDate? = nil) {
            self.title = title
            self.ownerEmail = ownerEmail
            self.isKeyDecision = isKeyDecision
            self.exemptParagraph = exemptParagraph
            self.noticeGiven = noticeGiven
        }
    }

    public func addItem(_ item: NewItem, to meetingID: String, as user: User?) async throws -> AgendaEntryDocument {
        let meeting = try await governance.meeting(meetingID)
        try await authorizer.authorize(.itemAdd, user, scope: AccessScope(boardCode: meeting.boardCode))
        let title = item.title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw ApplicationError(.badArgument, "the title is empty") }
        if let owner = item.ownerEmail, !EmailAddressRule.isPlausible(owner) {
            throw ApplicationError(.badArgument, "owner '\(owner)' is not an email address")
        }
        if let paragraph = item.exemptParagraph, ScheduleTwelveA.description(ofParagraph: paragraph) == nil {
            throw ApplicationError(.badArgument, "exempt '\(paragraph)' is not a Schedule 12A paragraph (1 to 7)")
        }
        let details = [
            "title": title, "owner": item.ownerEmail, "key": item.isKeyDecision ? "yes" : nil, "exempt": item.exemptParagraph.map(String.init),
            "notice": item.noticeGiven?.description,
        ]
        let stored = try await audited(.itemAdd, by: user, target: meeting.id, details) {
            try await database.addAgendaItem(
                meetingID: meeting.id, title: title, ownerEmail: item.ownerEmail, isKeyDecision: item.isKeyDecision,
                exemptParagraph: item.exemptParagraph, noticeGiven: item.noticeGiven, addedBy: user?.name ?? "", now: clock.now())
        }
        let agenda = try await governance.agenda(of: meeting)
        guard let entry = agenda.entry(stored.key) else {
            throw ApplicationError(.unavailable, "the item was stored but is not on the agenda")
        }
        return AgendaEntryDocument(entry, meeting: meeting.id)
    }

    /// Submits a report for an agenda item (by number or key): Markdown with the cover-report
    /// fields as front matter. Submitting a cycle's report stops its reminders.
    public func submitReport(_ markdown: String, item reference: String, meeting meetingID: String, as user: User?) async throws
        -> AgendaEntryDocument
    {
        let meeting = try await governance.meeting(meetingID)
        let agenda = try await governance.agenda(of: meeting)
        guard let entry = agenda.entry(reference) else {
            throw ApplicationError(.notFound, "no item '\(reference)' on the agenda of \(meeting.id)")
        }
        try await authorizer.authorize(
            .reportSubmit, user, scope: AccessScope(boardCode: meeting.boardCode, itemOwner: entry.ownerEmail))
        guard entry.takesReport else {
            throw ApplicationError(.badArgument, "item \(entry.number) (\(entry.title)) takes no report")
        }
        if let stage = try await database.clearances(meetingID: meeting.id)[entry.key]?.clearance.stage, stage > .draft {
            throw ApplicationError(
                .conflict,
                "item \(entry.number)'s report is \(stage.label): a new text goes through clearance again, so it must be returned to draft first (CLEARANCE RETURN)")
        }
        let report: CoverReport
        do {
            report = try CoverReport.parse(markdown: markdown)
        } catch {
            throw ApplicationError(.badInput, "\(error)")
        }
        // The report itself may be exempt: the entry names it, it does not copy it.
        let details = ["item": entry.key, "subject": report.subject, "markdown_bytes": String(markdown.utf8.count)]
        let stored = try await audited(.reportSubmit, by: user, target: meeting.id, details) {
            try await database.submitReport(
                meetingID: meeting.id, itemKey: entry.key, occurrenceID: entry.occurrence?.id, markdown: markdown,
                subject: report.subject, by: user?.name ?? "", now: clock.now())
        }
        return AgendaEntryDocument(
            entry, meeting: meeting.id, submittedAt: stored.submittedAt.utcISOText, submittedBy: stored.submittedBy, subject: stored.subject)
    }

    // MARK: Packs

    /// Builds a new immutable version of the meeting's pack: its HTML parts are stored when this
    /// returns (`pdf: pending`); the PDF is made afterwards by ``pdfMaker``.
    public func build(_ meetingID: String, as user: User?) async throws -> PackDocument {
        let meeting = try await governance.meeting(meetingID)
        try await authorizer.authorize(.packBuild, user, scope: AccessScope(boardCode: meeting.boardCode))
        do {
            let pack = try await audited(.packBuild, by: user, target: meeting.id) {
                try await assemble(meeting, by: user?.name ?? "")
            }
            await pdfMaker.submit(pack.id)
            return document(pack, meeting)
        } catch PackStoreError.versionTaken(_, let version) {
            throw ApplicationError(.conflict, "another build saved version \(version) first; build again")
        }
    }

    /// The versions of a meeting's pack that `user` may see, oldest first.
    public func versions(of meetingID: String, as user: User?) async throws -> [PackDocument] {
        try await authorizer.authorize(.packList, user)
        let meeting = try await governance.meeting(meetingID)
        let board = try await governance.board(meeting.boardCode)
        var visible: [PackDocument] = []
        for pack in try await database.packs(meetingID: meeting.id) {
            let rule = PackRules.listers(published: pack.publishedAt != nil, boardMeetsInPublic: board.meetsInPublic)
            if try await authorizer.allows(rule, user, scope: AccessScope(boardCode: board.code)) {
                visible.append(document(pack, meeting))
            }
        }
        return visible
    }

    /// A part of a pack version as bytes. `reference` is a pack id (`OSC-2017-11-14-v2`) or a
    /// meeting id, meaning its latest version that `user` may read.
    public func part(_ reference: String, _ part: PackPart, _ format: PackFormat, as user: User?) async throws -> Data {
        try await authorizer.authorize(.packGet, user)
        let (pack, meeting) = try await resolve(reference, as: user)
        let board = try await governance.board(meeting.boardCode)
        let scope = AccessScope(boardCode: board.code)
        let published = pack.publishedAt != nil
        // An unpublished version is not there for those who may not see it.
        let listers = PackRules.listers(published: published, boardMeetsInPublic: board.meetsInPublic)
        if !published, !(try await authorizer.allows(listers, user, scope: scope)) {
            throw ApplicationError(.notFound, "\(pack.id) is not published")
        }
        try await authorizer.check(
            PackRules.readers(of: part, published: published, boardMeetsInPublic: board.meetsInPublic), for: .packGet, user,
            scope: scope)
        guard let stored = pack.parts.first(where: { $0.part == part && $0.format == format }) else {
            if format == .pdf, pack.parts.contains(where: { $0.part == part }) {
                try Self.checkPDF(of: pack)
            }
            throw ApplicationError(.notFound, "\(pack.id) has no \(part.rawValue) part")
        }
        return try files.load(stored.sha256, extension: stored.format.rawValue)
    }

    /// Publishes a version. After the statutory deadline a reason is required. The publication
    /// and the notices it sends are written in one transaction. A version whose PDF is still
    /// being made is published when it is ready (this waits for it); one whose PDF failed is not
    /// published: the papers a council makes open to inspection are whole.
    public func publish(_ packID: String, reason: String?, as user: User?) async throws -> PackDocument {
        guard var pack = try await database.pack(id: packID) else {
            throw ApplicationError(.notFound, "no pack '\(packID)' (ids look like OSC-2017-11-14-v1)")
        }
        let meeting = try await governance.meeting(pack.meetingID)
        try await authorizer.authorize(.packPublish, user, scope: AccessScope(boardCode: meeting.boardCode))
        if pack.pdfState == .pending {
            await pdfMaker.settled(pack.id)
            pack = try await database.pack(id: packID) ?? pack
        }
        try Self.checkPDF(of: pack)
        let board = try await governance.board(meeting.boardCode)
        let publishBy = PackRules.publishBy(meeting, workingDays: workingDays)
        let late = PackRules.isLate(publishingOn: clock.today, meeting, workingDays: workingDays)
        let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
        let unapproved = try await clearance.unapproved(meeting: meeting, itemKeys: pack.manifest.map(\.key))
        if (reason ?? "").isEmpty {
            // Each cause that needs a reason is named, both when both apply.
            var causes: [String] = []
            if late {
                causes.append("the statutory deadline was \(publishBy) (five clear working days before \(meeting.date))")
            }
            if !unapproved.isEmpty {
                causes.append("the pack includes reports not yet approved (\(unapproved.joined(separator: "; ")))")
            }
            if !causes.isEmpty {
                let needs =
                    switch (late, unapproved.isEmpty) {
                    case (true, true): "publishing late needs reason=<the special circumstances>"
                    case (true, false): "publishing needs reason=<why>"
                    case (false, _): "publishing it needs reason=<why>"
                    }
                throw ApplicationError(.badArgument, causes.joined(separator: ", and ") + ": " + needs)
            }
        }
        do {
            let text = searchText(of: pack, board: board)
            // One reason may answer both: it is kept as the late reason only when the pack is
            // late, and as the reason for the unapproved reports only when it holds some.
            let lateReason = late ? reason : nil
            let unapprovedReason = unapproved.isEmpty ? nil : reason.map { (reason: $0, reports: unapproved) }
            let details: [String: String?] = [
                "reason": lateReason ?? unapprovedReason?.reason, "late": late ? "yes" : nil,
                "unapproved": unapproved.isEmpty ? nil : unapproved.joined(separator: "; "),
            ]
            let (published, enqueued) = try await audited(.packPublish, by: user, target: pack.id, details) {
                try await database.publishPack(
                    id: pack.id, by: user?.name ?? "", late: late, reason: lateReason, unapproved: unapprovedReason, webhooks: webhooks,
                    now: clock.now(), searchText: text
                ) { published in
                    PackRules.publicationNotices(
                        board: board, meeting: meeting,
                        publication: PackPublication(
                            packID: published.id, boardCode: board.code, boardName: board.name, meetingDate: meeting.date,
                            meetingTime: meeting.time, venue: meeting.venue, publishBy: publishBy, isLate: published.isLate ?? false,
                            lateReason: published.lateReason, hasExemptPart: published.parts.contains { $0.part == .exempt }))
                }
            }
            // Only a published pack holds a report for good: a trial build leaves it where it
            // was, so an approved report can still be corrected and go through clearance again.
            try await clearance.markInPack(meeting: meeting, itemKeys: published.manifest.map(\.key), by: user)
            var document = document(published, meeting)
            document.notified = enqueued
            return document
        } catch PackStoreError.alreadyPublished(let id) {
            throw ApplicationError(.conflict, "\(id) is already published")
        } catch PackStoreError.pdfNotReady {
            try Self.checkPDF(of: try await database.pack(id: packID) ?? pack)
            throw ApplicationError(.conflict, "\(packID)'s PDF is not ready")
        }
    }

    /// Throws unless the version's PDF is ready: pending (being made) or failed, with what to do.
    private static func checkPDF(of pack: StoredPack) throws {
        switch pack.pdfState {
        case .ready:
            return
        case .pending:
            throw ApplicationError(
                .conflict, "\(pack.id)'s PDF is still being made; PACK LIST \(pack.meetingID) shows pdf: ready when it is (the HTML is there now)")
        case .failed:
            throw ApplicationError(
                .unavailable, "\(pack.id)'s PDF could not be made (\(pack.pdfError ?? "no reason recorded")); build the pack again")
        }
    }

    // MARK: Assembly

    private func resolve(_ reference: String, as user: User?) async throws -> (StoredPack, Meeting) {
        if let pack = try await database.pack(id: reference) {
            return (pack, try await governance.meeting(pack.meetingID))
        }
        guard let meeting = try await database.meeting(id: reference) else {
            throw ApplicationError(.notFound, "no pack or meeting '\(reference)'")
        }
        let board = try await governance.board(meeting.boardCode)
        let scope = AccessScope(boardCode: board.code)
        let seesUnpublished = try await authorizer.allows(
            PackRules.listers(published: false, boardMeetsInPublic: board.meetsInPublic), user, scope: scope)
        let versions = try await database.packs(meetingID: meeting.id)
        guard let pack = versions.last(where: { seesUnpublished || $0.publishedAt != nil }) else {
            throw ApplicationError(.notFound, "\(meeting.id) has no \(seesUnpublished ? "" : "published ")pack")
        }
        return (pack, meeting)
    }

    /// Assembles the pack from the agenda, the submitted reports and the live plan and
    /// scorecard; renders Part I (and Part II when there are exempt items) as HTML; stores each
    /// file content-addressed and the version (PDF pending) in one transaction.
    private func assemble(_ meeting: Meeting, by builder: String) async throws -> StoredPack {
        let agenda = try await governance.agenda(of: meeting)
        let reports = try await database.latestReports(meetingID: meeting.id)
        let publishBy = PackRules.publishBy(meeting, workingDays: workingDays)
        let view = try await clearance.packView(of: meeting, asOf: clock.today)
        var warnings: [String] = []
        var items: [MeetingPackContent.Item] = []
        for entry in agenda.entries {
            var report: CoverReport?
            if let submitted = reports[entry.key] {
                report = try? CoverReport.parse(markdown: submitted.markdown)
                if var parsed = report {
                    view.applyRecord(to: &parsed, key: entry.key)
                    report = parsed
                }
            } else if entry.takesReport {
                warnings.append(PackRules.missingReportWarning(number: entry.number, title: entry.title))
            }
            var item = MeetingPackContent.Item(
                key: entry.key, number: entry.number, title: entry.title, kind: entry.kind, owner: entry.ownerEmail,
                isKeyDecision: entry.isKeyDecision, exemptParagraph: entry.exemptParagraph, report: report,
                appendices: entry.cycle?.appendices ?? [])
            // "Minutes of the previous meeting" carries them, draft until approved there.
            if entry.kind == .standard, entry.title == AgendaItem.openingTitles[2] {
                item.minutes = try await previousMinutes(for: meeting)
            }
            // A key decision's notice and a private meeting's notices come from their records
            // (the view's warnings); only a key decision that names no Forward Plan entry is
            // judged here, by the date the item or its report gives.
            warnings += PackRules.noticeWarnings(
                number: item.number, title: item.title,
                isKeyDecision: item.effectiveKeyDecision && view.keyDecisions[entry.key] == nil, isExempt: false,
                noticeGiven: entry.noticeGiven ?? report?.forwardPlanDate, meetingDate: meeting.date, workingDays: workingDays)
            items.append(item)
        }
        warnings += view.readiness.warnings
        let recommendations = try await database.recommendations().map(\.recommendation)
        var scorecard: ScorecardAppendix?
        if items.contains(where: { $0.generatedAppendices.contains(.scorecard) }) {
            let measures = try await database.measures()
            let values = try await database.measureValues().filter { PackRules.hasEnded($0.period, by: meeting.date) }
            // The financial year of the meeting, to date: a measure reported quarterly or monthly
            // shows its latest figure of a period that had ended by the meeting.
            let period: Period? = Period.containing(meeting.date, kind: .year)
            scorecard = ScorecardAppendix(recommendations: recommendations, measures: measures, values: values, period: period)
            let unreported = (scorecard?.groups ?? []).flatMap(\.measures).filter { $0.value == nil }.map(\.id)
            if let warning = PackRules.unreportedMeasuresWarning(unreported, year: period, meetingDate: meeting.date) {
                warnings.append(warning)
            }
        }
        var tracker: ActionTrackerAppendix?
        if items.contains(where: { $0.generatedAppendices.contains(.actionTracker) }) {
            let origins = try await database.resolutionsOfActions().compactMapValues { $0.created }
            tracker = ActionTrackerAppendix(
                recommendations: recommendations, actions: try await database.planActions(), asOf: meeting.date, resolutions: origins)
        }
        let previous = try await database.latestPack(meetingID: meeting.id)
        let version = (previous?.version ?? 0) + 1
        var content = MeetingPackContent(
            board: .init(code: agenda.board.code, name: agenda.board.name, meetsInPublic: agenda.board.meetsInPublic),
            meeting: .init(meeting), publishBy: publishBy, items: items, warnings: warnings, version: version,
            builtAt: clock.now(), scorecard: scorecard, actionTracker: tracker)
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
            let address = try files.store(html, extension: PackFormat.html.rawValue)
            parts.append(StoredPackPart(part: part, format: .html, sha256: address, size: html.count))
        }
        func manifest(_ entry: PackChangeList.Entry) -> PackManifestEntry {
            PackManifestEntry(key: entry.key, number: entry.number, title: entry.title, contentHash: entry.contentHash, isExempt: entry.isExempt)
        }
        return try await database.savePack(
            meetingID: meeting.id, version: version, builtBy: builder, warnings: warnings, manifest: entries.map(manifest),
            changes: PackChanges(added: changes.added.map(manifest), replaced: changes.replaced.map(manifest), removed: changes.removed.map(manifest)),
            parts: parts, pdfState: .pending, now: clock.now())
    }

    func document(_ pack: StoredPack, _ meeting: Meeting) -> PackDocument {
        let describe = { (entry: PackManifestEntry) in "\(entry.number). \(entry.isExempt ? "Exempt item" : entry.title)" }
        return PackDocument(
            id: pack.id, meeting: pack.meetingID, version: pack.version, builtAt: pack.builtAt.utcISOText, builtBy: pack.builtBy,
            publishBy: PackRules.publishBy(meeting, workingDays: workingDays).description, warnings: pack.warnings,
            parts: pack.parts.map { PackPartDocument(part: $0.part, format: $0.format, sha256: $0.sha256, size: $0.size) },
            changes: .init(
                added: pack.changes.added.map(describe), replaced: pack.changes.replaced.map(describe),
                removed: pack.changes.removed.map(describe)),
            publishedAt: pack.publishedAt?.utcISOText, late: pack.isLate, lateReason: pack.lateReason, pdf: pack.pdfState,
            pdfError: pack.pdfError, unapprovedReason: pack.unapprovedReason, unapprovedReports: pack.unapprovedReports)
    }
}
