/// What a board resolved on an item: its wording, the vote if one was taken, and what it sets in
/// motion.
public struct Resolution: Hashable, Sendable, Codable {
    /// Its place in the order the item's resolutions were taken, from 1.
    public var number: Int
    /// "That reports continue to be provided on a six monthly basis."
    public var wording: String
    public var vote: Vote?
    /// What it sets in motion: actions to create or update, reports to request.
    public var consequences: [Consequence]

    public init(number: Int, wording: String, vote: Vote? = nil, consequences: [Consequence] = []) {
        self.number = number
        self.wording = wording
        self.vote = vote
        self.consequences = consequences
    }

    /// Whether it was carried: always without a vote (resolved by consent), else by the vote.
    public var isCarried: Bool { vote?.isCarried ?? true }

    /// The default resolutions of an item: the report's recommendations, in order, as moved.
    /// Blank recommendations (the template's empty "(2)", "(3)") are left out, and the rest
    /// are numbered again from 1.
    public static func fromRecommendations(_ recommendations: [String]) -> [Resolution] {
        recommendations.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }.enumerated().map {
            Resolution(number: $0.offset + 1, wording: $0.element)
        }
    }

    /// A recorded vote.
    public struct Vote: Hashable, Sendable, Codable {
        public var inFavour: Int
        public var against: Int
        public var abstentions: Int
        /// The chair's casting vote on a tie: true for, false against, nil when none was given.
        public var castingVoteInFavour: Bool?

        public init(inFavour: Int, against: Int, abstentions: Int, castingVoteInFavour: Bool? = nil) {
            self.inFavour = inFavour
            self.against = against
            self.abstentions = abstentions
            self.castingVoteInFavour = castingVoteInFavour
        }

        /// More for than against, or a tie the chair's casting vote carried. A tie without a
        /// casting vote is lost: nothing was resolved.
        public var isCarried: Bool {
            inFavour != against ? inFavour > against : castingVoteInFavour == true
        }
    }

    /// Something a resolution asks to happen.
    public enum Consequence: Hashable, Sendable, Codable {
        /// A new action for the improvement plan.
        case newAction(text: String, lead: Person, reviewDate: ReviewDate, recommendationID: String)
        /// An update to an action already in the plan.
        case updateAction(ref: String, text: String, newReviewDate: LocalDate?)
        /// A report to a later meeting of this or another board.
        case report(ReportRequest)
    }
}
