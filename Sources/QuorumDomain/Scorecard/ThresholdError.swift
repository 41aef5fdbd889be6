/// Why a measure's thresholds were refused, naming the column at fault in the words of the
/// measures file (`requires_improvement`, `good`, `outstanding`).
///
/// ```swift
/// // "outstanding: '75-80' must lie above good '85+' for a measure where higher is better; …"
/// try Thresholds(requiresImprovement: "65-74", good: "85+", outstanding: "75-80", polarity: .higher)
/// ```
public struct ThresholdError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A threshold column of the measures file.
    public enum Column: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
        case requiresImprovement = "requires_improvement"
        case good
        case outstanding

        /// `requires_improvement`, `good` or `outstanding`, as the CSV header writes it.
        public var description: String { rawValue }

        /// The band the column sets the threshold of.
        public var band: Band {
            switch self {
            case .requiresImprovement: .requiresImprovement
            case .good: .good
            case .outstanding: .outstanding
            }
        }
    }

    /// The kind of fault, to match on: `error.code == .contradictsPolarity`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case malformedRange, missingRange, contradictsPolarity, trendOnly
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The text is not a range Quorum can read (`85x`, `Increase`, `74-`).
        public static let malformedRange = Code(.malformedRange)
        /// A higher- or lower-is-better measure lacks a column.
        public static let missingRange = Code(.missingRange)
        /// The columns do not rise (higher is better) or fall (lower is better) as they must.
        public static let contradictsPolarity = Code(.contradictsPolarity)
        /// Thresholds were given for a trend-only (increase, decrease) measure.
        public static let trendOnly = Code(.trendOnly)

        public var description: String { base.rawValue }
    }

    /// The kind of fault.
    public let code: Code
    /// The column at fault, or nil when the fault is not one column's (a trend-only polarity, or a
    /// range parsed on its own).
    public let column: Column?
    /// The column's text as written, or nil.
    public let text: String?
    /// What is wrong, quoting the ranges as written, in words a performance analyst can act on.
    public let reason: String

    /// An error of kind `code` in `column`, whose text was `text`.
    public init(_ code: Code, column: Column? = nil, text: String? = nil, reason: String) {
        self.code = code
        self.column = column
        self.text = text
        self.reason = reason
    }

    /// The same error, blamed on `column`.
    func inColumn(_ column: Column) -> ThresholdError {
        ThresholdError(code, column: column, text: text, reason: reason)
    }

    /// `outstanding: '75-80' must lie above good '85+' …`: the column, then the reason.
    public var description: String {
        if let column { "\(column): \(reason)" } else { reason }
    }
}
