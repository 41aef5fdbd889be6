/// The two parts of a meeting pack.
public enum PackPart: String, Hashable, Sendable, CaseIterable, Codable {
    /// Part I: open to the public; lists exempt items by title and paragraph only.
    case `public`
    /// Part II: the exempt items, for the board's members only.
    case exempt

    /// "Part I — public", "Part II — not for publication".
    public var marking: String {
        switch self {
        case .public: "Part I — public"
        case .exempt: "Part II — not for publication"
        }
    }
}
