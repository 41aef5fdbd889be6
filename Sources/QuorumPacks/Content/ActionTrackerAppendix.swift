import QuorumDomain

/// The data of the generated action tracker appendix: by recommendation, each action of the
/// improvement plan with its lead, review date, state on the day, RAG rating, latest update and
/// the resolution that created it.
public struct ActionTrackerAppendix: Hashable, Sendable {
    /// The day the states are worked out for: the meeting's date.
    public var asOf: LocalDate
    /// The actions, by recommendation, in the plan's order.
    public var groups: [Group]

    public init(asOf: LocalDate, groups: [Group]) {
        self.asOf = asOf
        self.groups = groups
    }

    /// The tracker as of `date` (updates after it do not count), with actions grouped under
    /// `recommendations` in their order and sorted by reference within each; actions of a
    /// recommendation not listed go in groups of their own at the end. `resolutions` gives, by
    /// action ref, the resolution that created an action (`OSC-2017-11-14/4.1`).
    public init(recommendations: [Recommendation], actions: [PlanAction], asOf date: LocalDate, resolutions: [String: String] = [:]) {
        var groups = recommendations.map { Group(recommendationID: $0.id, title: $0.title, actions: []) }
        for action in actions.sorted(by: { Self.refOrder($0.ref, $1.ref) }) {
            var row = Action(action, asOf: date)
            row.resolution = resolutions[action.ref]
            if let index = groups.firstIndex(where: { $0.recommendationID == action.recommendationID }) {
                groups[index].actions.append(row)
            } else {
                groups.append(Group(recommendationID: action.recommendationID, title: "", actions: [row]))
            }
        }
        self.init(asOf: date, groups: groups.filter { !$0.actions.isEmpty })
    }

    /// `1.1.2` before `1.1.10`: references compare number by number.
    static func refOrder(_ a: String, _ b: String) -> Bool {
        let x = a.split(separator: ".").map { Int($0) ?? Int.max }
        let y = b.split(separator: ".").map { Int($0) ?? Int.max }
        return x.lexicographicallyPrecedes(y) || (x == y && a < b)
    }
}

extension ActionTrackerAppendix {
    /// The actions of one recommendation.
    public struct Group: Hashable, Sendable {
        public var recommendationID: String
        /// May be empty.
        public var title: String
        public var actions: [Action]

        public init(recommendationID: String, title: String, actions: [Action]) {
            self.recommendationID = recommendationID
            self.title = title
            self.actions = actions
        }
    }

    /// One action's line of the tracker.
    public struct Action: Hashable, Sendable {
        /// `1.1.4`.
        public var ref: String
        /// What will be done.
        public var text: String
        /// The lead's role ("Quality Assurance Manager"): packs name roles, not people.
        public var leadRole: String
        /// The review date in force on the day: a date moved by an update, `Ongoing` or `Completed`.
        public var reviewDate: ReviewDate
        public var state: ActionState
        /// Days past its review date when overdue, else 0.
        public var daysOverdue: Int
        /// The most recent update on or before the day.
        public var latestUpdate: Update?
        /// The lead's RAG rating, when they have set one.
        public var rag: RAGRating?
        /// The resolution that created the action (`OSC-2017-11-14/4.1`), when one did.
        public var resolution: String?

        public init(
            ref: String, text: String, leadRole: String, reviewDate: ReviewDate, state: ActionState,
            daysOverdue: Int = 0, latestUpdate: Update? = nil, rag: RAGRating? = nil, resolution: String? = nil
        ) {
            self.ref = ref
            self.text = text
            self.leadRole = leadRole
            self.reviewDate = reviewDate
            self.state = state
            self.daysOverdue = daysOverdue
            self.latestUpdate = latestUpdate
            self.rag = rag
            self.resolution = resolution
        }

        /// `action` as it stands on `date`.
        public init(_ action: PlanAction, asOf date: LocalDate) {
            let review: ReviewDate
            if action.isComplete(on: date) {
                review = .completed
            } else if let effective = action.effectiveReviewDate(on: date) {
                review = .date(effective)
            } else {
                review = action.reviewDate
            }
            self.init(
                ref: action.ref, text: action.text, leadRole: action.lead.role, reviewDate: review,
                state: action.state(on: date), daysOverdue: action.daysOverdue(on: date),
                latestUpdate: action.latestUpdate(on: date).map { Update(date: $0.date, text: $0.text) }, rag: action.rag)
        }
    }

    /// A dated progress update.
    public struct Update: Hashable, Sendable {
        public var date: LocalDate
        public var text: String

        public init(date: LocalDate, text: String) {
            self.date = date
            self.text = text
        }
    }
}
