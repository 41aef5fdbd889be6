import Yams

/// A YAML mapping checked against the keys it may have: an unknown key (a typo, most often)
/// is a problem at that key's line, with the nearest known key suggested.
struct YAMLMapping {
    /// The mapping itself.
    let value: YAMLValue
    private var keyValues: [String: YAMLValue] = [:]
    private var values: [String: YAMLValue] = [:]

    init(_ value: YAMLValue, allowedKeys: [String]) throws(FileProblem) {
        guard case .mapping(let mapping) = value.node else {
            throw value.problem("expected a mapping of \(allowedKeys.joined(separator: ", ")), found \(value.kindDescription)")
        }
        self.value = value
        for (keyNode, valueNode) in mapping {
            guard case .scalar(let scalar) = keyNode else {
                throw value.child(keyNode, key: "?").problem("a key must be plain text")
            }
            let key = scalar.string
            let keyValue = value.child(keyNode, key: key)
            guard allowedKeys.contains(key) else {
                throw FileProblem(
                    file: value.file, line: keyValue.line, column: keyValue.column,
                    message: YAMLMapping.unknownKeyMessage(key, path: value.path, allowed: allowedKeys))
            }
            keyValues[key] = keyValue
            values[key] = value.child(valueNode, key: key)
        }
    }

    /// The value of `key`, which must be present and not empty.
    func required(_ key: String) throws(FileProblem) -> YAMLValue {
        guard let found = values[key] else {
            throw value.problem("missing key '\(key)'")
        }
        guard !found.isNull else {
            throw found.problem("a value is required")
        }
        return found
    }

    /// The value of `key`, or nil when it is absent or empty.
    func optional(_ key: String) -> YAMLValue? {
        guard let found = values[key], !found.isNull else { return nil }
        return found
    }

    /// The key node itself (for pointing at `reports_to:`), when present.
    func keyLocation(_ key: String) -> YAMLValue? {
        keyValues[key]
    }

    func contains(_ key: String) -> Bool {
        values[key] != nil
    }

    private static func unknownKeyMessage(_ key: String, path: String, allowed: [String]) -> String {
        let prefix = path.isEmpty ? "" : "\(path): "
        var message = "\(prefix)unknown key '\(key)'"
        let nearest = allowed.map { (candidate: $0, distance: editDistance(key.lowercased(), $0)) }
            .min { $0.distance < $1.distance }
        if let nearest, nearest.distance <= max(2, key.count / 3) {
            message += "; did you mean '\(nearest.candidate)'?"
        } else {
            message += " (expected one of: \(allowed.joined(separator: ", ")))"
        }
        return message
    }

    /// Levenshtein distance, for "did you mean" suggestions.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
