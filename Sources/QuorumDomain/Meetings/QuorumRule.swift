/// How many voting members a board needs present to do business: a fixed number, or a fraction
/// of its membership rounded up, optionally with a floor ("one quarter, but not less than three",
/// as many council procedure rules put it).
///
/// Board files write it `quorum: 3`, `quorum: 1/3` or `quorum: 1/4 min 3`.
///
/// ```swift
/// try QuorumRule(parsing: "1/3").required(membership: 8)  // 3: a third of 8 is 2⅔, rounded up
/// ```
public enum QuorumRule: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Exactly this many.
    case count(Int)
    /// `numerator/denominator` of the membership, rounded up, and at least `minimum`.
    case fraction(numerator: Int, denominator: Int, minimum: Int)

    /// A third of the membership rounded up: the common default of council procedure rules for
    /// committees, used when a board file gives none.
    public static let `default` = QuorumRule.fraction(numerator: 1, denominator: 3, minimum: 0)

    /// - Throws: ``MeetingRecordError`` for the `quorum` field, saying which forms are accepted.
    public init(parsing text: String) throws(MeetingRecordError) {
        let forms = "write a number like 3, a fraction of the membership like 1/3, or 1/4 min 3"
        let words = text.trimmingWhitespace().split(whereSeparator: \.isWhitespace)
        func number(_ word: Substring) -> Int? {
            word.count <= 4 && word.allSatisfy(\.isASCIIDigit) ? Int(word) : nil
        }
        guard let first = words.first else { throw MeetingRecordError(field: "quorum", value: text, reason: forms) }
        var minimum = 0
        if words.count == 3, words[1].lowercased() == "min", let floor = number(words[2]) {
            minimum = floor
        } else if words.count != 1 {
            throw MeetingRecordError(field: "quorum", value: text, reason: forms)
        }
        let parts = first.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 1, let count = number(parts[0]), words.count == 1 {
            guard count >= 1 else { throw MeetingRecordError(field: "quorum", value: text, reason: "a quorum is at least 1") }
            self = .count(count)
        } else if parts.count == 2, let numerator = number(parts[0]), let denominator = number(parts[1]) {
            guard numerator >= 1, denominator >= 1, numerator <= denominator else {
                throw MeetingRecordError(
                    field: "quorum", value: text, reason: "a fraction of the membership is between 1/\(max(denominator, 1)) and 1")
            }
            self = .fraction(numerator: numerator, denominator: denominator, minimum: minimum)
        } else {
            throw MeetingRecordError(field: "quorum", value: text, reason: forms)
        }
    }

    /// Voting members needed for a board of `membership` members.
    public func required(membership: Int) -> Int {
        switch self {
        case .count(let count):
            return count
        case .fraction(let numerator, let denominator, let minimum):
            let share = (membership * numerator + denominator - 1) / denominator
            return max(share, minimum, 1)
        }
    }

    /// `3`, `1/3`, `1/4 min 3`: the form the board file writes.
    public var description: String {
        switch self {
        case .count(let count): "\(count)"
        case .fraction(let n, let d, let minimum): minimum > 0 ? "\(n)/\(d) min \(minimum)" : "\(n)/\(d)"
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try QuorumRule(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
