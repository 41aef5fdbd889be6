/// One threshold as the plan writes it: `65-74`, `85+`, `<14`, `>24`, `25-20`, `90-100`.
///
/// It keeps its text as written (``text``) and reads it as a range of values with a lower and an
/// upper bound, either of which may be open (`85+` has no upper bound, `<14` no lower one) and
/// each of which includes its value or not (`<14` excludes 14, `85+` includes 85).
///
/// Written forms, with spaces and percent signs anywhere ignored (`65% - 74%`, `< 15%`):
/// - `A-B`: A to B, both included, in either order: `25-20` is a descending range, written the
///   way lower-is-better measures are (``isDescending``). An en or em dash, or `to`, may stand
///   for the hyphen.
/// - `N+`, `>=N`, `≥N`: N or more. `>N`: more than N.
/// - `<=N`, `≤N`: N or less. `<N`: less than N.
/// - `N`: exactly N.
///
/// Numbers are non-negative decimals (`17.5`). Which end of the range counts as better is not
/// the range's business: ``Thresholds`` reads the three ranges in the measure's polarity.
public struct BandRange: Hashable, Sendable, CustomStringConvertible {
    /// One end of a range.
    public struct Bound: Hashable, Sendable {
        /// Where the range ends.
        public var value: Double
        /// Whether `value` itself is in the range.
        public var isInclusive: Bool

        /// An end at `value`, which the range includes or not.
        public init(_ value: Double, inclusive: Bool) {
            self.value = value
            self.isInclusive = inclusive
        }
    }

    /// The smallest values it holds, or nil when it runs down without end (`<14`).
    public let lower: Bound?
    /// The largest values it holds, or nil when it runs up without end (`85+`).
    public let upper: Bound?
    /// The text as written, spaces trimmed from its ends: what packs and the store show.
    public let text: String
    /// Whether it was written high to low, like `25-20`.
    public let isDescending: Bool

    /// Reads a written threshold; see the type's documentation for the forms.
    ///
    /// ```swift
    /// try BandRange(parsing: "25-20")  // 20...25, descending
    /// try BandRange(parsing: "<15%")   // below 15
    /// ```
    ///
    /// - Throws: ``ThresholdError`` with code `malformedRange` and no column.
    public init(parsing text: String) throws(ThresholdError) {
        let written = text.trimmingWhitespace()
        var form = ""
        for character in written.lowercased() where !character.isWhitespace && character != "%" {
            switch character {
            case "–", "—", "−": form.append("-")
            case "≤": form += "<="
            case "≥": form += ">="
            default: form.append(character)
            }
        }
        form = form.replacingAll("to", with: "-")

        func refuse(_ reason: String) -> ThresholdError {
            ThresholdError(.malformedRange, text: written, reason: reason)
        }
        let forms = "write it like 65-74, 85+, <14 or 25-20"
        guard !form.isEmpty else { throw refuse("it is empty; \(forms)") }
        if form == "increase" || form == "decrease" {
            throw refuse(
                "'\(written)' is a trend, not a range: a trend-only measure has polarity \(form) and no thresholds")
        }
        func number(_ part: Substring) throws(ThresholdError) -> Double {
            guard let value = BandRange.number(part) else {
                throw refuse("'\(written)' is not a range: '\(part)' is not a number; \(forms)")
            }
            return value
        }

        var lower: Bound?
        var upper: Bound?
        var descending = false
        if form.hasPrefix("<=") {
            upper = Bound(try number(form.dropFirst(2)), inclusive: true)
        } else if form.hasPrefix(">=") {
            lower = Bound(try number(form.dropFirst(2)), inclusive: true)
        } else if form.hasPrefix("<") {
            upper = Bound(try number(form.dropFirst()), inclusive: false)
        } else if form.hasPrefix(">") {
            lower = Bound(try number(form.dropFirst()), inclusive: false)
        } else if form.hasSuffix("+") {
            lower = Bound(try number(form.dropLast()), inclusive: true)
        } else if form.contains("-") {
            let ends = form.split(separator: "-", omittingEmptySubsequences: false)
            guard ends.count == 2, !ends[0].isEmpty, !ends[1].isEmpty else {
                throw refuse("'\(written)' is not a range: a range has two ends, like 65-74; \(forms)")
            }
            let first = try number(ends[0])
            let second = try number(ends[1])
            lower = Bound(Swift.min(first, second), inclusive: true)
            upper = Bound(Swift.max(first, second), inclusive: true)
            descending = first > second
        } else {
            let value = try number(Substring(form))
            lower = Bound(value, inclusive: true)
            upper = Bound(value, inclusive: true)
        }
        self.init(lower: lower, upper: upper, text: written, isDescending: descending)
    }

    /// A range with the given bounds, shown as `text`. Nil bounds are open.
    public init(lower: Bound?, upper: Bound?, text: String, isDescending: Bool = false) {
        self.lower = lower
        self.upper = upper
        self.text = text
        self.isDescending = isDescending
    }

    /// Whether `value` lies within the range, as written.
    public func contains(_ value: Double) -> Bool {
        if let lower, value < lower.value || (value == lower.value && !lower.isInclusive) { return false }
        if let upper, value > upper.value || (value == upper.value && !upper.isInclusive) { return false }
        return true
    }

    /// The text as written.
    public var description: String { text }

    /// A non-negative decimal: digits, optionally a point and more digits.
    private static func number(_ text: Substring) -> Double? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) })
        else { return nil }
        return Double(text)
    }
}
