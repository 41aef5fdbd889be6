import Foundation
import Yams

/// A YAML node with the file it came from and its path in the document, so that every
/// problem with it can be reported as `file:line:column: path: message`.
struct YAMLValue {
    let node: Node
    /// Where the value sits, for messages: `meetings.rule`, `cycles[2].every` (list positions
    /// count from 1, as a person reading the file counts them); empty for the root.
    let path: String
    let file: String

    /// Plain scalars that YAML reads as "no value".
    static let nullSpellings: Set<String> = ["", "~", "null", "Null", "NULL"]

    var line: Int { node.mark?.line ?? 0 }
    var column: Int { node.mark?.column ?? 0 }

    /// A problem located at this value, its message prefixed with the value's path.
    func problem(_ message: String) -> FileProblem {
        FileProblem(file: file, line: line, column: column, message: path.isEmpty ? message : "\(path): \(message)")
    }

    /// True for an empty value (`key:` with nothing after it, `~`, `null`).
    var isNull: Bool {
        guard case .scalar(let scalar) = node else { return false }
        return scalar.style == .plain && YAMLValue.nullSpellings.contains(scalar.string)
    }

    /// How a person would call what was found: for "expected X, found Y" messages.
    var kindDescription: String {
        switch node {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        case .scalar: isNull ? "no value" : "'\(node.string ?? "")'"
        }
    }

    func child(_ node: Node, key: String) -> YAMLValue {
        YAMLValue(node: node, path: path.isEmpty ? key : "\(path).\(key)", file: file)
    }

    func child(_ node: Node, position: Int) -> YAMLValue {
        YAMLValue(node: node, path: "\(path)[\(position)]", file: file)
    }

    // MARK: - Typed readers

    /// The scalar's text, trimmed of surrounding white space.
    func text() throws(FileProblem) -> String {
        guard case .scalar(let scalar) = node, !isNull else {
            throw problem("expected text, found \(kindDescription)")
        }
        let text = Self.trimmed(scalar.string) { $0.isWhitespace }
        guard !text.isEmpty else { throw problem("expected text, found an empty string") }
        return text
    }

    /// The items of a list; an empty value reads as an empty list.
    func list() throws(FileProblem) -> [YAMLValue] {
        if isNull { return [] }
        guard case .sequence(let sequence) = node else {
            throw problem("expected a list, found \(kindDescription)")
        }
        return sequence.enumerated().map { child($0.element, position: $0.offset + 1) }
    }

    /// This value as a mapping whose keys are all among `keys`.
    func mapping(keys: [String]) throws(FileProblem) -> YAMLMapping {
        try YAMLMapping(self, allowedKeys: keys)
    }

    /// `true`/`false` (also `yes`/`no`, as YAML 1.1 and council staff write them).
    func bool() throws(FileProblem) -> Bool {
        let text = try scalarText(expecting: "true or false")
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw problem("expected true or false, found '\(text)'")
        }
    }

    /// A whole number within `range`.
    func int(in range: ClosedRange<Int>) throws(FileProblem) -> Int {
        let text = try scalarText(expecting: "a whole number")
        guard let value = Int(text.replacingOccurrences(of: "_", with: "")) else {
            throw problem("expected a whole number, found '\(text)'")
        }
        guard range.contains(value) else {
            let bound = range.upperBound == Int.max ? "at least \(range.lowerBound)" : "from \(range.lowerBound) to \(range.upperBound)"
            throw problem("\(value) is out of range: expected \(bound)")
        }
        return value
    }

    /// The text of a non-null scalar, for the typed readers' messages.
    func scalarText(expecting expected: String) throws(FileProblem) -> String {
        guard case .scalar(let scalar) = node, !isNull else {
            throw problem("expected \(expected), found \(kindDescription)")
        }
        return Self.trimmed(scalar.string) { $0.isWhitespace && !$0.isNewline }
    }

    /// `text` without the leading and trailing characters that `isSpace` picks. The standard
    /// library's character properties, not Foundation's character sets: those load
    /// CoreFoundation's Unicode tables, and start-up reads every board file through here.
    private static func trimmed(_ text: String, where isSpace: (Character) -> Bool) -> String {
        guard let first = text.firstIndex(where: { !isSpace($0) }), let last = text.lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(text[first...last])
    }
}
