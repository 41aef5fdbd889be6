/// Why a submitted report cannot be read: every problem found, not just the first, so that an
/// owner can fix the report in one go.
///
/// Problems with a place in the report carry the line of the submitted Markdown (the opening
/// `---` is line 1). Problems with the front matter as a whole come first, then missing required
/// fields in template order, then the rest by line:
///
///     missing required fields: summary, reasons, contact_officer;
///     line 3: unknown key 'sujbect' (did you mean 'subject'?);
///     line 7: key_decision: expected yes or no, found 'maybe'
public struct CoverReportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// One thing wrong with the report.
    public struct Problem: Error, Hashable, Sendable, CustomStringConvertible {
        /// What kind of problem it is.
        public let code: Code
        /// The field it concerns, as a key path in the front matter (`contact_officer.role`),
        /// or nil for the report as a whole.
        public let field: String?
        /// The line of the submitted Markdown it is on, or nil (a missing field has no line).
        public let line: Int?
        /// What is wrong, in words, for a report owner.
        public let message: String

        public init(code: Code, field: String?, line: Int?, message: String) {
            self.code = code
            self.field = field
            self.line = line
            self.message = message
        }

        /// `line 7: key_decision: expected yes or no, found 'maybe'`.
        public var description: String {
            line.map { "line \($0): \(message)" } ?? message
        }
    }

    /// The kinds of problem; more may come.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case missingFrontMatter = "missing_front_matter"
            case malformedFrontMatter = "malformed_front_matter"
            case missingField = "missing_field"
            case unknownKey = "unknown_key"
            case duplicateKey = "duplicate_key"
            case wrongType = "wrong_type"
            case invalidValue = "invalid_value"
        }

        private let base: Base

        private init(_ base: Base) { self.base = base }

        /// The report does not start with front matter between `---` lines.
        public static let missingFrontMatter = Code(.missingFrontMatter)
        /// The front matter is not valid YAML, is not a mapping, or is never closed.
        public static let malformedFrontMatter = Code(.malformedFrontMatter)
        /// A required field is absent or empty.
        public static let missingField = Code(.missingField)
        /// A key the template does not have.
        public static let unknownKey = Code(.unknownKey)
        /// A key given twice.
        public static let duplicateKey = Code(.duplicateKey)
        /// A list where text belongs, text where a mapping belongs, and so on.
        public static let wrongType = Code(.wrongType)
        /// The right type with a value that is not allowed (`key_decision: maybe`).
        public static let invalidValue = Code(.invalidValue)

        /// `missing_field`, `unknown_key`, …
        public var description: String { base.rawValue }
    }

    /// Every problem found: a missing or broken front matter first (it is the cause of the
    /// rest), then missing fields in template order, then the others by line.
    public let problems: [Problem]

    /// The problems, ordered as ``problems`` describes.
    public init(problems: [Problem]) {
        let structural = problems.filter { $0.code == .missingFrontMatter || $0.code == .malformedFrontMatter }
        let missing = problems.filter { $0.code == .missingField }
        let others = problems.enumerated()
            .filter { $0.element.code != .missingField && !structural.contains($0.element) }
            .sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }
            .map(\.element)
        self.problems = structural + missing + others
    }

    /// The required fields that are missing, by name (`summary`, `contact_officer.role`).
    public var missingFields: [String] {
        problems.filter { $0.code == .missingField }.compactMap(\.field)
    }

    /// The line of the first problem that has one: what `-BADINPUT line N` reports.
    public var line: Int? {
        problems.lazy.compactMap(\.line).first
    }

    /// All the problems, `; `-separated, missing fields gathered into one clause.
    public var description: String {
        var parts = problems.filter { $0.code == .missingFrontMatter || $0.code == .malformedFrontMatter }.map(\.description)
        let missing = missingFields
        if !missing.isEmpty {
            parts.append("missing required field\(missing.count == 1 ? "" : "s"): \(missing.joined(separator: ", "))")
        }
        parts += problems.filter { ![.missingField, .missingFrontMatter, .malformedFrontMatter].contains($0.code) }
            .map(\.description)
        return parts.joined(separator: "; ")
    }
}
