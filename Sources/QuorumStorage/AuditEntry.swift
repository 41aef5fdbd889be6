import Foundation

/// One recorded change: who changed what, when, and through which path.
public struct AuditEntry: Hashable, Sendable {
    public var at: Date
    public var actor: String
    /// `action`, `value`, `measure` or `recommendation`.
    public var subject: String
    public var subjectKey: String
    /// `created`, `updated`, `update added`, `value set`, …
    public var change: String
    /// What changed, field by field (`{"review_date": ["2017-10-31", "2017-12-31"]}`).
    public var details: [String: String]
    /// `import`, `command`.
    public var via: String
}

extension AuditEntryRecord {
    init(at: Date, actor: String, subject: String, key: String, change: String, details: [String: String], via: String) {
        self.init(
            id: nil, at: at, actor: actor, subject: subject, subjectKey: key, change: change, details: AuditDetails.json(details), via: via)
    }

    var entry: AuditEntry {
        let details = (try? JSONDecoder().decode([String: String].self, from: Data(self.details.utf8))) ?? [:]
        return AuditEntry(at: at, actor: actor, subject: subject, subjectKey: subjectKey, change: change, details: details, via: via)
    }
}

/// The JSON text of an audit entry's details: an object of strings, keys sorted, as
/// `JSONEncoder` with `.sortedKeys` writes it.
enum AuditDetails {
    static func json(_ details: [String: String]) -> String {
        // Most entries of a large import have no details, and the rest have a key or two of
        // lowercase letters, whose order needs no collation: written directly, no encoder.
        guard !details.isEmpty else { return "{}" }
        guard details.keys.allSatisfy(isPlainKey) else { return encoded(details) }
        var json = "{"
        for (position, key) in details.keys.sorted().enumerated() {
            if position > 0 { json += "," }
            json += "\"\(key)\":"
            appendQuoted(details[key]!, to: &json)
        }
        json += "}"
        return json
    }

    /// What `JSONEncoder` writes, for keys the direct writer does not handle.
    static func encoded(_ details: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(details)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    private static func isPlainKey(_ key: String) -> Bool {
        !key.isEmpty && key.utf8.allSatisfy { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) }
    }

    /// `text` as a JSON string, escaped as `JSONEncoder` escapes it (the solidus too).
    private static func appendQuoted(_ text: String, to json: inout String) {
        json += "\""
        var plainStart = text.utf8.startIndex
        var index = plainStart
        let utf8 = text.utf8
        while index < utf8.endIndex {
            let byte = utf8[index]
            let escape: String? =
                switch byte {
                case UInt8(ascii: "\""): "\\\""
                case UInt8(ascii: "\\"): "\\\\"
                case UInt8(ascii: "/"): "\\/"
                case 0x08: "\\b"
                case 0x0C: "\\f"
                case 0x0A: "\\n"
                case 0x0D: "\\r"
                case 0x09: "\\t"
                case 0x00..<0x20: "\\u00" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16)
                default: nil
                }
            if let escape {
                json.append(contentsOf: Substring(utf8[plainStart..<index]))
                json += escape
                plainStart = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        json.append(contentsOf: Substring(utf8[plainStart..<utf8.endIndex]))
        json += "\""
    }
}
