import Foundation

/// One recorded change: who changed what, when, and through which path.
public struct AuditEntry: Hashable, Sendable {
    public var at: String
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
    init(at: String, actor: String, subject: String, key: String, change: String, details: [String: String], via: String) {
        // Most entries of a large import have no details: no encoder for those.
        guard !details.isEmpty else {
            self.init(id: nil, at: at, actor: actor, subject: subject, subjectKey: key, change: change, details: "{}", via: via)
            return
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = (try? encoder.encode(details)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        self.init(id: nil, at: at, actor: actor, subject: subject, subjectKey: key, change: change, details: json, via: via)
    }

    var entry: AuditEntry {
        let details = (try? JSONDecoder().decode([String: String].self, from: Data(self.details.utf8))) ?? [:]
        return AuditEntry(at: at, actor: actor, subject: subject, subjectKey: subjectKey, change: change, details: details, via: via)
    }
}
