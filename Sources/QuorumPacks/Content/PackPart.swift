import QuorumDomain

extension PackPart {
    /// "Part I — public", "Part II — not for publication".
    public var marking: String {
        switch self {
        case .public: "Part I — public"
        case .exempt: "Part II — not for publication"
        }
    }

    /// "Part I (public)", "Part II (not for publication)": as a document's title names it.
    var titleLabel: String {
        switch self {
        case .public: "Part I (public)"
        case .exempt: "Part II (not for publication)"
        }
    }
}
