extension PrivateMeetingNotices {
    /// Which of the two notices: the first (28 clear days, reg 5(2)) or the second (5 clear days,
    /// with representations and the response, reg 5(4) and (5)).
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case first
        case second
    }
}
