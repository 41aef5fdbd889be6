/// What changed between two versions of a meeting's pack, item by item: the supplementary pack.
///
/// Items are matched by their stable key and compared by the hash of their rendered content
/// (``PackRenderer/itemEntries(for:)`` gives both):
/// - **added**: a key only the newer version has;
/// - **replaced**: a key both have, with different content (a report resubmitted, new data
///   in a generated appendix, a changed title or exempt status);
/// - **removed**: a key only the older version has.
///
/// ```swift
/// let changes = PackChangeList(previous: lastVersionEntries, current: renderer.itemEntries(for: content))
/// changes.replaced.map(\.title)  // ["Children's Social Care performance"]
/// ```
public struct PackChangeList: Hashable, Sendable {
    /// One agenda item of a version, as the change list compares it.
    public struct Entry: Hashable, Sendable, Codable {
        /// The item's stable key (``MeetingPackContent/Item/key``).
        public var key: String
        /// Its number on that version's agenda.
        public var number: Int
        public var title: String
        /// SHA-256 hex of its rendered content.
        public var contentHash: String
        /// Whether it is in Part II.
        public var isExempt: Bool

        public init(key: String, number: Int, title: String, contentHash: String, isExempt: Bool) {
            self.key = key
            self.number = number
            self.title = title
            self.contentHash = contentHash
            self.isExempt = isExempt
        }
    }

    /// Items only the newer version has, in its agenda order.
    public var added: [Entry]
    /// Items whose content changed, as the newer version has them, in its agenda order.
    public var replaced: [Entry]
    /// Items only the older version had, in its agenda order.
    public var removed: [Entry]

    public init(added: [Entry] = [], replaced: [Entry] = [], removed: [Entry] = []) {
        self.added = added
        self.replaced = replaced
        self.removed = removed
    }

    /// The changes from `previous` to `current`.
    ///
    /// Keys are expected to be unique within a version; of two entries with one key, the first counts.
    public init(previous: [Entry], current: [Entry]) {
        var before: [String: Entry] = [:]
        for entry in previous where before[entry.key] == nil { before[entry.key] = entry }
        var seen = Set<String>()
        var added: [Entry] = []
        var replaced: [Entry] = []
        for entry in current where seen.insert(entry.key).inserted {
            if let old = before[entry.key] {
                if old.contentHash != entry.contentHash { replaced.append(entry) }
            } else {
                added.append(entry)
            }
        }
        var removedKeys = Set<String>()
        let removed = previous.filter { !seen.contains($0.key) && removedKeys.insert($0.key).inserted }
        self.init(added: added, replaced: replaced, removed: removed)
    }

    /// Whether nothing changed.
    public var isEmpty: Bool { added.isEmpty && replaced.isEmpty && removed.isEmpty }
}
