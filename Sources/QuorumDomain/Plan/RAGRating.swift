/// An action lead's own red/amber/green rating of how the action is going, as improvement plan
/// trackers carry it alongside the review date.
public enum RAGRating: String, Hashable, Sendable, Codable, CaseIterable {
    /// Off track: the action will not deliver by its review date without help.
    case red
    /// At risk: slipping, with a plan to recover.
    case amber
    /// On track.
    case green

    /// Reads `red`, `Amber`, `G`… ignoring case and spaces; nil otherwise.
    public init?(parsing text: String) {
        switch text.trimmingWhitespace().lowercased() {
        case "red", "r": self = .red
        case "amber", "a": self = .amber
        case "green", "g": self = .green
        default: return nil
        }
    }

    /// "Red", "Amber", "Green".
    public var label: String { rawValue.capitalisedFirst }
}
