// Small text helpers for reading what plans and spreadsheets write, shared by the plan and the
// scorecard parsers. This module does without Foundation, so they are written out here.

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension StringProtocol {
    /// Without leading and trailing spaces, tabs and line breaks (no Foundation in this module).
    func trimmingWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = lastIndex(where: { !$0.isWhitespace })!
        return String(self[first...last])
    }

    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}

extension String {
    /// Every occurrence of `target` replaced by `replacement` (no Foundation in this module).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}

extension Double {
    /// `24` for 24.0, `17.5` for 17.5: a threshold as a person writes it.
    var plain: String {
        if self == rounded(), abs(self) < 1e15 { String(Int(self)) } else { String(self) }
    }
}
