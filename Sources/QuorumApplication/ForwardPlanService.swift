import Foundation
import QuorumDomain
import QuorumPacks
import QuorumStorage
import QuorumWire

/// The Forward Plan: the register of key decisions, whether each had its notice (SI 2012/2089
/// regs 9 to 11), the agenda items that carry them, and the plan published as a document.
///
/// An entry is public once published: on the plan, or by a general exception or special
/// urgency notice, on or before today. Until then only the decision maker's secretary and
/// admins see it, and for anyone else it is not there at all.
public struct ForwardPlanService: Sendable {
    let database: AppDatabase
    let governance: GovernanceService
    let renderer: PackRenderer
    let pdf: PDFRenderer
    let clock: WallClock
    let authorizer: Authorizer
    /// The portal's public address, when it has one: the published plan links each agenda item
    /// that carries a decision to its meeting's page there.
    let portalURL: String?

    public init(
        database: AppDatabase, governance: GovernanceService, renderer: PackRenderer = PackRenderer(), pdf: PDFRenderer = PDFRenderer(),
        clock: WallClock, portalURL: String? = nil
    ) {
        self.portalURL = portalURL
        self.database = database
        self.governance = governance
        self.renderer = renderer
        self.pdf = pdf
        self.clock = clock
        self.authorizer = Authorizer(database: database)
    }

    var workingDays: WorkingDayCalendar { governance.workingDays }

    /// What a secretary gives for a new entry.
    public struct NewEntry: Sendable {
        public var reference: String
        public var title: String
        public var decisionMaker: String
        /// The meeting at which the decision is expected (of the decision maker), if fixed.
        public var meetingID: String?
        public var reportTitle: String?
        public var reportOwner: String?
        public var reportOwnerRole: String?
        public var firstPublished: LocalDate?
        public var exemptParagraph: Int?

        public init(
            reference: String, title: String, decisionMaker: String, meetingID: String? = nil, reportTitle: String? = nil,
            reportOwner: String? = nil, reportOwnerRole: String? = nil, firstPublished: LocalDate? = nil, exemptParagraph: Int? = nil
        ) {
            self.reference = reference
            self.title = title
            self.decisionMaker = decisionMaker
            self.meetingID = meetingID
            self.reportTitle = reportTitle
            self.reportOwner = reportOwner
            self.reportOwnerRole = reportOwnerRole
            self.firstPublished = firstPublished
            self.exemptParagraph = exemptParagraph
        }
    }

    /// What FORWARD SET changes; a nil field is left as it is.
    public struct Change: Sendable {
        public var title: String?
        public var meetingID: String?
        public var reportTitle: String?
        public var reportOwner: String?
        public var reportOwnerRole: String?
        public var firstPublished: LocalDate?
        public var exemptParagraph: Int?
        /// Reg 10: the scrutiny chair told, the notice published, the reasons published.
        public var chairInformedOn: LocalDate?
        public var exceptionNoticeOn: LocalDate?
        public var exceptionReasonsOn: LocalDate?
        /// Reg 11: who agreed, when, and when the notice of reasons went up.
        public var urgencyAgreedBy: String?
        public var urgencyAgreedOn: LocalDate?
        public var urgencyReasonsOn: LocalDate?

        public init() {}

        /// What the audit log keeps of it.
        var details: [String: String?] {
            [
                "title": title, "meeting": meetingID, "report": reportTitle, "owner": reportOwner, "owner_role": reportOwnerRole,
                "published": firstPublished?.description, "exempt": exemptParagraph.map(String.init),
                "chair_informed": chairInformedOn?.description, "exception_notice": exceptionNoticeOn?.description,
                "exception_reasons": exceptionReasonsOn?.description, "urgency_by": urgencyAgreedBy,
                "urgency_on": urgencyAgreedOn?.description, "urgency_reasons": urgencyReasonsOn?.description,
            ]
        }

        var isEmpty: Bool {
            title == nil && meetingID == nil && reportTitle == nil && reportOwner == nil && reportOwnerRole == nil
                && firstPublished == nil && exemptParagraph == nil && chairInformedOn == nil && exceptionNoticeOn == nil
                && exceptionReasonsOn == nil && urgencyAgreedBy == nil && urgencyAgreedOn == nil && urgencyReasonsOn == nil
        }
    }

    // MARK: Operations

    public func add(_ new: NewEntry, as user: User?) async throws -> ForwardPlanEntryDocument {
        let board = try await governance.board(new.decisionMaker)
        try await authorizer.authorize(.forwardAdd, user, scope: AccessScope(boardCode: board.code))
        var meetingDate: LocalDate?
        if let id = new.meetingID {
            meetingDate = try await meeting(id, of: board.code).date
        }
        let owner = try person(email: new.reportOwner, role: new.reportOwnerRole)
        let entry: ForwardPlanEntry
        do {
            entry = try ForwardPlanEntry(
                reference: new.reference, title: new.title, decisionMaker: board.code, meetingDate: meetingDate,
                reportTitle: new.reportTitle?.trimmingCharacters(in: .whitespaces).nilIfEmpty, reportOwner: owner,
                firstPublished: new.firstPublished, exemptParagraph: new.exemptParagraph)
        } catch {
            throw ApplicationError(.badArgument, "\(error.field) '\(error.value)': \(error.reason)")
        }
        do {
            let details = ["decision_maker": board.code, "meeting": new.meetingID, "published": new.firstPublished?.description]
            let event = GovernanceEvent.forwardPlan(entry, publicOn: clock.today, by: user?.name ?? "")
            let stored = try await audited(
                .forwardAdd, by: user, target: entry.reference, details, raising: event.map { [$0] } ?? [], webhooks: governance.webhooks
            ) {
                try await database.addForwardPlanEntry(entry, meetingID: new.meetingID, by: user?.name ?? "", now: clock.now())
            }
            return try await document(stored, for: user)
        } catch ForwardPlanStoreError.alreadyExists(let reference) {
            throw ApplicationError(.conflict, "the Forward Plan already has an entry \(reference)")
        }
    }

    public func update(_ reference: String, _ change: Change, as user: User?) async throws -> ForwardPlanEntryDocument {
        let stored = try await stored(reference, as: user, hideUnpublished: false)
        try await authorizer.authorize(.forwardSet, user, scope: AccessScope(boardCode: stored.entry.decisionMaker))
        guard !change.isEmpty else { throw ApplicationError(.badArgument, "nothing to change") }
        var newDate: LocalDate?
        if let id = change.meetingID {
            newDate = try await meeting(id, of: stored.entry.decisionMaker).date
        }
        let meetingDate = newDate
        let owner = try person(email: change.reportOwner ?? stored.entry.reportOwner?.email, role: change.reportOwnerRole ?? stored.entry.reportOwner?.role)
        if let paragraph = change.exemptParagraph, ScheduleTwelveA.description(ofParagraph: paragraph) == nil {
            throw ApplicationError(.badArgument, "exempt '\(paragraph)' is not a Schedule 12A paragraph (1 to 7)")
        }
        if change.urgencyAgreedOn != nil, (change.urgencyAgreedBy ?? stored.entry.specialUrgency?.agreedBy ?? "").isEmpty {
            throw ApplicationError(.badArgument, "urgency_on needs urgency_by=<who agreed> (the scrutiny chair, or the council's chair or vice-chair)")
        }
        do {
            let apply: @Sendable (inout ForwardPlanEntry, inout String?) throws -> Void = { entry, meeting in
                if let title = change.title { entry.title = title }
                if let id = change.meetingID {
                    meeting = id
                    entry.meetingDate = meetingDate
                }
                if let title = change.reportTitle { entry.reportTitle = title.nilIfEmpty }
                entry.reportOwner = owner
                if let day = change.firstPublished { entry.firstPublished = day }
                if let paragraph = change.exemptParagraph { entry.exemptParagraph = paragraph }
                if change.chairInformedOn != nil || change.exceptionNoticeOn != nil || change.exceptionReasonsOn != nil {
                    var exception = entry.generalException ?? ForwardPlanEntry.GeneralException()
                    if let day = change.chairInformedOn { exception.chairInformedOn = day }
                    if let day = change.exceptionNoticeOn { exception.noticePublishedOn = day }
                    if let day = change.exceptionReasonsOn { exception.reasonsPublishedOn = day }
                    entry.generalException = exception
                }
                if change.urgencyAgreedBy != nil || change.urgencyAgreedOn != nil || change.urgencyReasonsOn != nil {
                    var urgency = entry.specialUrgency ?? ForwardPlanEntry.SpecialUrgency()
                    if let who = change.urgencyAgreedBy { urgency.agreedBy = who }
                    if let day = change.urgencyAgreedOn { urgency.agreedOn = day }
                    if let day = change.urgencyReasonsOn { urgency.reasonsPublishedOn = day }
                    entry.specialUrgency = urgency
                }
            }
            // The entry as the change leaves it, for the event the published plan raises.
            var expected = stored.entry
            var expectedMeeting = stored.meetingID
            try apply(&expected, &expectedMeeting)
            let event = GovernanceEvent.forwardPlan(expected, publicOn: clock.today, by: user?.name ?? "")
            let updated = try await audited(
                .forwardSet, by: user, target: stored.entry.reference, change.details, raising: event.map { [$0] } ?? [],
                webhooks: governance.webhooks
            ) {
                try await database.updateForwardPlanEntry(reference: stored.entry.reference, now: clock.now(), change: apply)
            }
            return try await document(updated, for: user)
        } catch let error as MeetingRecordError {
            throw ApplicationError(.badArgument, "\(error.field) '\(error.value)': \(error.reason)")
        }
    }

    /// The entries `user` may see (of one decision maker, or all), as of `asOf` (default today).
    public func entries(decisionMaker: String?, asOf: LocalDate?, as user: User?) async throws -> [ForwardPlanEntryDocument] {
        try await authorizer.authorize(.forwardList, user)
        var code: String?
        if let decisionMaker { code = try await governance.board(decisionMaker).code }
        var visible: [ForwardPlanEntryDocument] = []
        for stored in try await database.forwardPlanEntries(decisionMaker: code) where try await maySee(stored, user) {
            visible.append(try await document(stored, asOf: asOf, for: user))
        }
        return visible
    }

    public func entry(_ reference: String, asOf: LocalDate?, as user: User?) async throws -> ForwardPlanEntryDocument {
        try await authorizer.authorize(.forwardGet, user)
        return try await document(try await stored(reference, as: user, hideUnpublished: true), asOf: asOf, for: user)
    }

    /// Links an agenda item (by number or key) to the key decision it carries.
    public func link(_ reference: String, meeting meetingID: String, item: String, as user: User?) async throws -> ForwardPlanEntryDocument {
        let meeting = try await governance.meeting(meetingID)
        try await authorizer.authorize(.forwardLink, user, scope: AccessScope(boardCode: meeting.boardCode))
        let stored = try await stored(reference, as: user, hideUnpublished: false)
        let agenda = try await governance.agenda(of: meeting)
        guard let entry = agenda.entry(item) else {
            throw ApplicationError(.notFound, "no item '\(item)' on the agenda of \(meeting.id)")
        }
        try check(stored, isTakenAt: meeting)
        do {
            let linked = try await audited(.forwardLink, by: user, target: stored.entry.reference, ["meeting": meeting.id, "item": entry.key]) {
                try await database.linkForwardPlan(reference: stored.entry.reference, meetingID: meeting.id, itemKey: entry.key)
            }
            return try await document(linked, for: user)
        } catch ForwardPlanStoreError.itemTaken(_, let other) {
            throw ApplicationError(.conflict, "item \(entry.number) of \(meeting.id) already carries key decision \(other)")
        }
    }

    /// ITEM ADD with `key=<reference>`: a new agenda item carrying a key decision, and its link.
    public func addItem(
        title: String, ownerEmail: String?, reference: String, exemptParagraph: Int?, to meetingID: String, as user: User?
    ) async throws -> AgendaEntryDocument {
        let meeting = try await governance.meeting(meetingID)
        try await authorizer.authorize(.itemAdd, user, scope: AccessScope(boardCode: meeting.boardCode))
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw ApplicationError(.badArgument, "the title is empty") }
        if let owner = ownerEmail, !EmailAddressRule.isPlausible(owner) {
            throw ApplicationError(.badArgument, "owner '\(owner)' is not an email address")
        }
        if let paragraph = exemptParagraph, ScheduleTwelveA.description(ofParagraph: paragraph) == nil {
            throw ApplicationError(.badArgument, "exempt '\(paragraph)' is not a Schedule 12A paragraph (1 to 7)")
        }
        guard let stored = try await database.forwardPlanEntry(reference: reference) else {
            throw ApplicationError(.badArgument, "key '\(reference)' is neither yes, no nor the reference of a Forward Plan entry")
        }
        try check(stored, isTakenAt: meeting)
        let details = ["title": title, "owner": ownerEmail, "key": stored.entry.reference, "exempt": exemptParagraph.map(String.init)]
        let item = try await audited(.itemAdd, by: user, target: meeting.id, details) {
            try await database.addKeyDecisionItem(
                meetingID: meeting.id, title: title, ownerEmail: ownerEmail, reference: stored.entry.reference,
                exemptParagraph: exemptParagraph, addedBy: user?.name ?? "", now: clock.now())
        }
        guard let entry = try await governance.agenda(of: meeting).entry(item.key) else {
            throw ApplicationError(.unavailable, "the item was stored but is not on the agenda")
        }
        return AgendaEntryDocument(entry, meeting: meeting.id)
    }

    /// The published plan as a document: HTML or PDF, of the entries the public may see.
    public func publishedDocument(format: PackFormat, asOf: LocalDate?, as user: User?) async throws -> Data {
        try await authorizer.authorize(.forwardDocument, user)
        let today = asOf ?? clock.today
        let boards = try await database.boards()
        let entries = try await database.forwardPlanEntries().filter { $0.entry.isPublic(on: today) }
        var published: [ForwardPlanContent.Entry] = []
        for stored in entries {
            published.append(
                .published(stored.entry, notice: stored.entry.notice(asOf: today, calendar: workingDays), items: try await linkedItems(stored)))
        }
        let content = ForwardPlanContent(
            asOf: today, boardNames: Dictionary(uniqueKeysWithValues: boards.map { ($0.code, $0.name) }), entries: published,
            portalURL: portalURL)
        let html = renderer.renderForwardPlanHTML(content)
        guard format == .pdf else { return Data(html.utf8) }
        return try await renderPDF(html)
    }

    /// The agenda items that carry an entry, by meeting and number (an item no longer on its
    /// agenda is left out).
    private func linkedItems(_ stored: StoredForwardPlanEntry) async throws -> [ForwardPlanContent.LinkedItem] {
        var items: [ForwardPlanContent.LinkedItem] = []
        for link in stored.items {
            let meeting = try await governance.meeting(link.meetingID)
            guard let entry = try await governance.agenda(of: meeting).entry(link.itemKey) else { continue }
            items.append(.init(meetingID: meeting.id, meetingDate: meeting.date, number: entry.number, title: entry.title))
        }
        return items.sorted { ($0.meetingDate, $0.number) < ($1.meetingDate, $1.number) }
    }

    private func renderPDF(_ html: String) async throws -> Data {
        let data: Data
        do {
            data = try await pdf.renderPDF(html: html)
        } catch let error as PDFRenderError {
            throw ApplicationError(.unavailable, "the PDF could not be made: \(error)")
        }
        return data
    }

    // MARK: For the other services

    /// Whether the public may see an entry on `day`: it is on the plan, or a notice under
    /// reg 10 or 11 is published.

    private func maySee(_ stored: StoredForwardPlanEntry, _ user: User?) async throws -> Bool {
        if stored.entry.isPublic(on: clock.today) { return true }
        return try await authorizer.allows(Operation.forwardSet.access, user, scope: AccessScope(boardCode: stored.entry.decisionMaker))
    }

    private func stored(_ reference: String, as user: User?, hideUnpublished: Bool) async throws -> StoredForwardPlanEntry {
        let missing = ApplicationError(.notFound, "no Forward Plan entry '\(reference)'")
        guard let stored = try await database.forwardPlanEntry(reference: reference) else { throw missing }
        if hideUnpublished, !(try await maySee(stored, user)) { throw missing }
        return stored
    }

    private func meeting(_ id: String, of board: String) async throws -> Meeting {
        let meeting = try await governance.meeting(id)
        guard meeting.boardCode == board else {
            throw ApplicationError(.badArgument, "meeting \(id) is of \(meeting.boardCode), not of the decision maker \(board)")
        }
        return meeting
    }

    private func check(_ stored: StoredForwardPlanEntry, isTakenAt meeting: Meeting) throws {
        guard stored.entry.decisionMaker == meeting.boardCode else {
            throw ApplicationError(
                .badArgument,
                "\(stored.entry.reference) is a decision of \(stored.entry.decisionMaker); \(meeting.id) is a meeting of \(meeting.boardCode)")
        }
        if let expected = stored.meetingID, expected != meeting.id {
            throw ApplicationError(
                .conflict, "\(stored.entry.reference) is expected at \(expected); FORWARD SET \(stored.entry.reference) meeting=\(meeting.id) first")
        }
    }

    private func person(email: String?, role: String?) throws -> Person? {
        guard let email = email?.trimmingCharacters(in: .whitespaces).nilIfEmpty else { return nil }
        guard EmailAddressRule.isPlausible(email) else {
            throw ApplicationError(.badArgument, "owner '\(email)' is not an email address")
        }
        return Person(role: role?.trimmingCharacters(in: .whitespaces).nilIfEmpty ?? "Report owner", email: email)
    }

    /// Whether `user` reads the exempt papers of `decisionMaker`'s meetings (its members, its
    /// secretary, admins), and so an exempt entry's report particulars.
    func readsExemptPapers(of decisionMaker: String, _ user: User?) async throws -> Bool {
        let board = try await database.boards().first { $0.code == decisionMaker }
        let rule = PackRules.readers(of: .exempt, published: true, boardMeetsInPublic: board?.meetsInPublic ?? false)
        return try await authorizer.allows(rule, user, scope: AccessScope(boardCode: decisionMaker))
    }

    /// The entry as `user` sees it: an exempt entry's report particulars withheld from anyone
    /// who does not read its decision maker's exempt papers.
    func document(_ stored: StoredForwardPlanEntry, asOf: LocalDate? = nil, for user: User?) async throws -> ForwardPlanEntryDocument {
        var reads = true
        if stored.entry.isExempt { reads = try await readsExemptPapers(of: stored.entry.decisionMaker, user) }
        let day = asOf ?? clock.today
        return ForwardPlanEntryDocument(
            stored.entry.particulars(readsExemptPapers: reads), meeting: stored.meetingID,
            items: stored.items.map { "\($0.meetingID) \($0.itemKey)" }, asOf: day,
            notice: stored.entry.notice(asOf: day, calendar: workingDays), reportWithheld: stored.entry.withholdsReport(from: reads))
    }
}

extension String {
    /// Nil for an empty string.
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

extension ForwardPlanService: AuditedService {}
