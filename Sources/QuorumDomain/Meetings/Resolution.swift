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

        /// The vote as a secretary writes it down: the counts and the casting vote as text, each
        /// nil or empty when not given (`casting` is `for` or `against`). Nil when nothing was
        /// given: no vote was taken.
        /// - Throws: ``MeetingRecordError`` naming the field (`for`, `against`, `abstain`,
        ///   `casting`): a count that is not a whole number of votes, a vote without both counts,
        ///   a casting vote that is neither for nor against or is given without a tie.
        public init?(for inFavourText: String?, against againstText: String?, abstain abstainText: String?, casting castingText: String?)
            throws(MeetingRecordError)
        {
            func given(_ text: String?) -> String? {
                guard let text else { return nil }
                let trimmed = String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
                return trimmed.isEmpty ? nil : trimmed
            }
            func count(_ field: String, _ text: String?) throws(MeetingRecordError) -> Int? {
                guard let text = given(text) else { return nil }
                guard let value = Int(text), value >= 0, value < 10_000 else {
                    throw MeetingRecordError(field: field, value: text, reason: "is not a number of votes: a whole number, such as 7")
                }
                return value
            }
            let inFavour = try count("for", inFavourText)
            let against = try count("against", againstText)
            let abstentions = try count("abstain", abstainText)
            var casting: Bool?
            if let text = given(castingText)?.lowercased() {
                guard text == "for" || text == "against" else {
                    throw MeetingRecordError(field: "casting", value: text, reason: "a casting vote is for or against")
                }
                casting = text == "for"
            }
            guard inFavour != nil || against != nil || abstentions != nil || casting != nil else { return nil }
            guard let inFavour else {
                throw MeetingRecordError(field: "for", value: "", reason: "a vote gives the votes for and the votes against")
            }
            guard let against else {
                throw MeetingRecordError(field: "against", value: "", reason: "a vote gives the votes for and the votes against")
            }
            if casting != nil && inFavour != against {
                throw MeetingRecordError(
                    field: "casting", value: castingText ?? "",
                    reason: "a casting vote is given only on a tie (\(inFavour) for, \(against) against)")
            }
            self.init(inFavour: inFavour, against: against, abstentions: abstentions ?? 0, castingVoteInFavour: casting)
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
