/// Why a text is not a ``RecurrenceRule`` that Quorum can use, naming the rule part at fault.
public struct RecurrenceRuleError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of fault, to match on: `error.code == .unsupportedFrequency`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case emptyRule, malformedPart, unknownPart, unsupportedPart, duplicatePart
            case missingFrequency, unsupportedFrequency, invalidValue
            case countWithUntil, ordinalNotAllowed, partNotAllowed, setPositionAlone
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The text holds no rule parts.
        public static let emptyRule = Code(.emptyRule)
        /// A part is not of the form `NAME=VALUE`.
        public static let malformedPart = Code(.malformedPart)
        /// A part's name is not one RFC 5545 defines.
        public static let unknownPart = Code(.unknownPart)
        /// A part RFC 5545 defines but a date-only calendar cannot use (`BYHOUR`, `BYWEEKNO`…).
        public static let unsupportedPart = Code(.unsupportedPart)
        /// A part appears twice.
        public static let duplicatePart = Code(.duplicatePart)
        /// There is no `FREQ`.
        public static let missingFrequency = Code(.missingFrequency)
        /// `FREQ` is `DAILY` or finer.
        public static let unsupportedFrequency = Code(.unsupportedFrequency)
        /// A part's value is malformed or out of range.
        public static let invalidValue = Code(.invalidValue)
        /// `COUNT` and `UNTIL` are both given.
        public static let countWithUntil = Code(.countWithUntil)
        /// A `BYDAY` ordinal (`2TU`) in a rule that is not monthly or yearly.
        public static let ordinalNotAllowed = Code(.ordinalNotAllowed)
        /// A part the frequency rules out (`BYMONTHDAY` in a weekly rule).
        public static let partNotAllowed = Code(.partNotAllowed)
        /// `BYSETPOS` with no other `BY…` part to select from.
        public static let setPositionAlone = Code(.setPositionAlone)

        public var description: String { base.rawValue }
    }

    /// The kind of fault.
    public let code: Code
    /// The rule part at fault, upper-cased (`BYDAY`), or nil when the fault is the rule as a whole.
    public let part: String?
    /// The value at fault as written (`2XX`), or nil.
    public let value: String?
    /// What is wrong, naming the part and value, in words a secretary can act on.
    public let description: String

    init(_ code: Code, part: String? = nil, value: String? = nil, _ message: String) {
        self.code = code
        self.part = part
        self.value = value
        self.description = message
    }
}
