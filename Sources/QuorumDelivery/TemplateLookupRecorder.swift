import Mustache

/// Watches which names a template looks up while it renders a sample context, so that a
/// name found nowhere (a misspelt key) is caught at load. Mustache looks a name up through
/// the context stack, innermost first, so a miss in an inner object followed by a hit further
/// out is fine: only names never found anywhere are unknown.
final class TemplateLookupRecorder {
    private(set) var found: Set<String> = []
    private(set) var missed: Set<String> = []

    var unknownNames: Set<String> { missed.subtracting(found) }

    /// `value` with every dictionary in it replaced by one that reports its lookups.
    func wrap(_ value: Any) -> Any {
        if let dictionary = value as? [String: Any] { return RecordingDictionary(values: dictionary, recorder: self) }
        if let list = value as? [Any] { return list.map { wrap($0) } }
        return value
    }

    fileprivate func record(_ name: String, found: Bool) {
        if found { self.found.insert(name) } else { missed.insert(name) }
    }
}

/// A dictionary as swift-mustache sees one (`MustacheParent`), that tells the recorder.
private struct RecordingDictionary: MustacheParent {
    let values: [String: Any]
    let recorder: TemplateLookupRecorder

    func child(named name: String) -> Any? {
        guard let value = values[name] else {
            recorder.record(name, found: false)
            return nil
        }
        recorder.record(name, found: true)
        return recorder.wrap(value)
    }
}
