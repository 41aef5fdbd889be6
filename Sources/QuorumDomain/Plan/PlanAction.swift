/// One action of the improvement plan: what will be done, by whom, by when, and the dated
/// updates that report on it.
///
/// Its ``state(on:)`` follows docs/plan.md; the rules it decides beyond the text are stated there
/// and tested in `PlanActionTests`.
///
/// ```swift
/// let action = PlanAction(
///     ref: "1.1.4", recommendationID: "1.1", text: "Pilot Focus on Practice Week…",
///     reviewDate: try ReviewDate(parsing: "Dec 2017"),
///     lead: Person(role: "Quality Assurance Manager", email: "qa.manager@example.org"),
///     status: .open)
/// action.state(on: LocalDate(year: 2018, month: 1, day: 2)!)  // .overdue
/// ```
public struct PlanAction: Hashable, Sendable, Codable {
    /// Its reference: the recommendation's number and the action's, `1.1.4` or `2.6`.
    public var ref: String
    /// The ``Recommendation/id`` it belongs to: `1.1` for `1.1.4`, `2` for `2.6`.
    public var recommendationID: String
    /// What will be done.
    public var text: String
    /// The review date the plan gives it. Updates may move it: see ``effectiveReviewDate``.
    public var reviewDate: ReviewDate
    /// Who leads it (a role, with the address reminders go to).
    public var lead: Person
    /// Open or complete, as recorded.
    public var status: ActionStatus
    /// Its updates, in the order they were recorded.
    public var updates: [ActionUpdate]
    /// The lead's own red/amber/green rating, or nil when none is set.
    public var rag: RAGRating?
    /// How often the lead must post an update, or nil when the plan sets no frequency.
    public var updateFrequency: UpdateFrequency?
    /// When the update frequency was set: with no update since, the chase counts from here.
    public var frequencySetOn: LocalDate? = nil

    /// An action with the given fields; `updates` defaults to none, `rag` and `updateFrequency` to nil.
    public init(
        ref: String, recommendationID: String, text: String, reviewDate: ReviewDate, lead: Person,
        status: ActionStatus, updates: [ActionUpdate] = [], rag: RAGRating? = nil, updateFrequency: UpdateFrequency? = nil
    ) {
        self.ref = ref
        self.recommendationID = recommendationID
        self.text = text
        self.reviewDate = reviewDate
        self.lead = lead
        self.status = status
        self.updates = updates
        self.rag = rag
        self.updateFrequency = updateFrequency
    }

    /// Orders refs number by number: 1.1.2 before 1.1.10 before 1.2.1 before 2.1.
    public static func refPrecedes(_ lhs: String, _ rhs: String) -> Bool {
        refOrder(lhs).lexicographicallyPrecedes(refOrder(rhs))
    }

    /// The numbers `refPrecedes` compares, for sorting many refs: compute each once, then
    /// compare with `lexicographicallyPrecedes` (a sort calls the comparison n log n times).
    public static func refOrder(_ ref: String) -> [Int] {
        ref.split(separator: ".").map { Int($0) ?? 0 }
    }

    /// Whether `ref` is an action reference: two or three dot-separated positive whole numbers of
    /// at most three digits, without leading zeros: `1.1.4`, `1.1.18`, `2.6`, `3.1`.
    ///
    /// The seed's `1.1.2017` (a mangled `1.1.17`) is refused, as are `1`, `1.1.`, `01.1`, `1.0`.
    @inlinable
    public static func isValidRef(_ ref: some StringProtocol) -> Bool {
        isNumbered(ref, parts: 2...3)
    }

    /// The recommendation an action reference belongs to: all but its last number
    /// (`1.1` for `1.1.4`, `2` for `2.6`), or nil when `ref` is not a valid reference.
    public static func recommendationID(ofRef ref: some StringProtocol) -> String? {
        guard isValidRef(ref), let dot = ref.lastIndex(of: ".") else { return nil }
        return String(ref[..<dot])
    }

    /// `count` dot-separated numbers 1 to 999 written without leading zeros. Inlinable, as the
    /// checks that call it are, so that an import's module compiles the byte loop for its
    /// `String`s instead of walking every byte through protocol witnesses.
    @inlinable
    static func isNumbered(_ text: some StringProtocol, parts count: ClosedRange<Int>) -> Bool {
        // One pass over the bytes, as an import checks every row's ref (and its recommendation's).
        var parts = 1
        var digits = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: ".") {
                guard digits > 0 else { return false }
                parts += 1
                digits = 0
            } else if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                // A leading zero, and so a part that is only 0, is refused.
                guard digits < 3, digits > 0 || byte != UInt8(ascii: "0") else { return false }
                digits += 1
            } else {
                return false
            }
        }
        return digits > 0 && count.contains(parts)
    }
}
