import QuorumDomain

extension MeetingPackContent {
    /// One item of the agenda, with its report and the appendices generated for it.
    public struct Item: Hashable, Sendable {
        /// A key that stays the same across the pack's versions (the item's id in the store),
        /// so that ``PackChangeList`` can tell a replaced item from a new one.
        public var key: String
        /// Its number on the agenda, from 1.
        public var number: Int
        public var title: String
        /// An opening item (apologies, declarations, minutes: no report expected) or a report.
        public var kind: AgendaItem.Kind
        /// Whom the report is expected from, as the agenda shows it (a role).
        public var owner: String?
        /// Whether the secretary marked it a key decision.
        public var isKeyDecision: Bool
        /// The paragraph of Schedule 12A (1 to 7) the secretary gave it, or nil.
        public var exemptParagraph: Int?
        /// The cover report, once submitted.
        public var report: CoverReport?
        /// The appendices to generate from data, as its reporting cycle names them.
        public var appendices: [Appendix]
        /// The minutes it carries: the previous meeting's, under "Minutes of the previous meeting".
        public var minutes: MinutesContent? = nil

        public init(
            key: String, number: Int, title: String, kind: AgendaItem.Kind = .report, owner: String? = nil,
            isKeyDecision: Bool = false, exemptParagraph: Int? = nil, report: CoverReport? = nil,
            appendices: [Appendix] = []
        ) {
            self.key = key
            self.number = number
            self.title = title
            self.kind = kind
            self.owner = owner
            self.isKeyDecision = isKeyDecision
            self.exemptParagraph = exemptParagraph
            self.report = report
            self.appendices = appendices
        }

        /// The paragraph it is exempt under: the secretary's, else the one its report claims.
        ///
        /// Either one is enough to keep an item out of Part I: a report that calls itself exempt
        /// is never published because the agenda forgot to say so.
        public var effectiveExemptParagraph: Int? {
            exemptParagraph ?? report?.exemptParagraph
        }

        /// Whether it belongs to Part II.
        public var isExempt: Bool { effectiveExemptParagraph != nil }

        /// Whether it is a key decision: the secretary or the report says so.
        public var effectiveKeyDecision: Bool {
            isKeyDecision || report?.isKeyDecision == true
        }

        /// The generated appendices: those of its cycle, then any more that its report names.
        public var generatedAppendices: [Appendix] {
            var result = appendices.reduce(into: [Appendix]()) { if !$0.contains($1) { $0.append($1) } }
            for appendix in report?.generatedAppendices ?? [] where !result.contains(appendix) {
                result.append(appendix)
            }
            return result
        }
    }
}
