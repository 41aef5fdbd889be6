// Small text helpers for what people type into front matter and agendas.

extension StringProtocol {
    /// Without leading and trailing white space and line breaks.
    var trimmed: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = lastIndex(where: { !$0.isWhitespace })!
        return String(self[first...last])
    }

    /// Whether it holds nothing but white space.
    var isBlank: Bool { allSatisfy(\.isWhitespace) }
}

extension String {
    /// The text's paragraphs: runs of lines separated by blank lines, each with its lines.
    var paragraphs: [[String]] {
        var result: [[String]] = []
        var current: [String] = []
        for line in split(separator: "\n", omittingEmptySubsequences: false) {
            let line = line.trimmed
            if line.isEmpty {
                if !current.isEmpty { result.append(current) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }
}
