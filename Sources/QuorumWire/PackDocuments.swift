import QuorumDomain

// The JSON shapes of agenda item, report and pack replies.

/// An agenda item with its report's submission (ITEM ADD, REPORT SUBMIT).
public struct AgendaEntryDocument: Codable, Sendable, Hashable {
    public let meeting: String
    public let key: String
    public let number: Int
    public let title: String
    @EncodedAsNull public var owner: String?
    public let keyDecision: Bool
    @EncodedAsNull public var exemptParagraph: Int?
    @EncodedAsNull public var submittedAt: String?
    @EncodedAsNull public var submittedBy: String?
    @EncodedAsNull public var subject: String?
    @EncodedAsNull public var occurrence: String?

    public init(
        _ entry: Agenda.Entry, meeting: String, submittedAt: String? = nil, submittedBy: String? = nil, subject: String? = nil
    ) {
        self.meeting = meeting
        key = entry.key
        number = entry.number
        title = entry.title
        owner = entry.ownerEmail
        keyDecision = entry.isKeyDecision
        exemptParagraph = entry.exemptParagraph
        self.submittedAt = submittedAt
        self.submittedBy = submittedBy
        self.subject = subject
        occurrence = entry.occurrence?.id
    }
}

/// One rendered file of a pack version, named by its content.
public struct PackPartDocument: Codable, Sendable, Hashable {
    public let part: PackPart
    public let format: PackFormat
    /// The file's content address: the SHA-256 of its bytes, lower-case hex.
    public let sha256: String
    public let size: Int

    public init(part: PackPart, format: PackFormat, sha256: String, size: Int) {
        self.part = part
        self.format = format
        self.sha256 = sha256
        self.size = size
    }
}

/// One version of a meeting's pack (PACK BUILD, LIST, PUBLISH).
public struct PackDocument: Codable, Sendable, Hashable {
    public let id: String
    public let meeting: String
    public let version: Int
    public let builtAt: String
    public let builtBy: String
    public let publishBy: String
    public let warnings: [String]
    public let parts: [PackPartDocument]
    public let changes: Changes
    @EncodedAsNull public var publishedAt: String?
    @EncodedAsNull public var late: Bool?
    /// Why it was published after the statutory deadline; null unless `late`.
    @EncodedAsNull public var lateReason: String?
    /// The secretary's reason for publishing it with reports not yet approved, and those
    /// reports ("3. Title"); null and empty when every report was approved.
    @EncodedAsNull public var unapprovedReason: String? = nil
    public var unapprovedReports: [String] = []
    /// How many people the publication told (PACK PUBLISH only).
    @EncodedAsNull public var notified: Int?
    /// `pending` while the PDF is being made after the build's reply, then `ready` (the PDF
    /// parts are in `parts`) or `failed` (`pdf_error` says why; build again).
    public var pdf: PackPDFState
    @EncodedAsNull public var pdfError: String?

    /// What changed since the previous version, as "number. title" (exempt items by number only).
    public struct Changes: Codable, Sendable, Hashable {
        public let added: [String]
        public let replaced: [String]
        public let removed: [String]

        public init(added: [String], replaced: [String], removed: [String]) {
            self.added = added
            self.replaced = replaced
            self.removed = removed
        }
    }

    public init(
        id: String, meeting: String, version: Int, builtAt: String, builtBy: String, publishBy: String, warnings: [String],
        parts: [PackPartDocument], changes: Changes, publishedAt: String?, late: Bool?, lateReason: String?, notified: Int? = nil,
        pdf: PackPDFState = .ready, pdfError: String? = nil, unapprovedReason: String? = nil, unapprovedReports: [String] = []
    ) {
        self.unapprovedReason = unapprovedReason
        self.unapprovedReports = unapprovedReports
        self.id = id
        self.meeting = meeting
        self.version = version
        self.builtAt = builtAt
        self.builtBy = builtBy
        self.publishBy = publishBy
        self.warnings = warnings
        self.parts = parts
        self.changes = changes
        self.publishedAt = publishedAt
        self.late = late
        self.lateReason = lateReason
        self.notified = notified
        self.pdf = pdf
        self.pdfError = pdfError
    }

    /// The part's file in that format, if the version has it.
    public func file(_ part: PackPart, _ format: PackFormat) -> PackPartDocument? {
        parts.first { $0.part == part && $0.format == format }
    }
}
