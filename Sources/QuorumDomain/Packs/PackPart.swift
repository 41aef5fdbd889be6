/// The two parts of a meeting pack.
public enum PackPart: String, Hashable, Sendable, CaseIterable, Codable {
    /// Part I: open to the public; lists exempt items by title and paragraph only.
    case `public`
    /// Part II: the exempt items (Schedule 12A), for the board's members only.
    case exempt
}

/// The two files of each part.
public enum PackFormat: String, Hashable, Sendable, CaseIterable, Codable {
    case html
    case pdf
}
