/// A Redis glob (`*`, `?`, `[abc]`, `[^a]`, `\x`), matched without case as COMMAND LIST does.
struct GlobPattern {
    private let pattern: [Character]

    init(_ pattern: String) {
        self.pattern = Array(pattern.lowercased())
    }

    func matches(_ text: String) -> Bool {
        Self.match(pattern[...], Array(text.lowercased())[...])
    }

    private static func match(_ pattern: ArraySlice<Character>, _ text: ArraySlice<Character>) -> Bool {
        var pattern = pattern
        var text = text
        while let head = pattern.first {
            switch head {
            case "*":
                let rest = pattern.dropFirst()
                if rest.isEmpty { return true }
                var candidate = text
                while true {
                    if match(rest, candidate) { return true }
                    guard !candidate.isEmpty else { return false }
                    candidate = candidate.dropFirst()
                }
            case "?":
                guard !text.isEmpty else { return false }
                pattern = pattern.dropFirst()
                text = text.dropFirst()
            case "[":
                guard let character = text.first, let close = pattern.dropFirst().firstIndex(of: "]") else { return false }
                var set = pattern[pattern.index(after: pattern.startIndex)..<close]
                let negated = set.first == "^"
                if negated { set = set.dropFirst() }
                guard set.contains(character) != negated else { return false }
                pattern = pattern[pattern.index(after: close)...]
                text = text.dropFirst()
            default:
                var literal = head
                if head == "\\", pattern.count > 1 {
                    pattern = pattern.dropFirst()
                    literal = pattern.first!
                }
                guard text.first == literal else { return false }
                pattern = pattern.dropFirst()
                text = text.dropFirst()
            }
        }
        return text.isEmpty
    }
}
