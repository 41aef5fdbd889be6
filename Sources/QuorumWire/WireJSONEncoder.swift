import Foundation

/// Writes a wire document as the JSON that `WireCoding.makeEncoder()` writes (snake_case keys,
/// sorted, slashes unescaped), byte for byte, several times faster.
///
/// Foundation's encoder converts every key to snake_case again on every object and builds an
/// intermediate tree of boxed values; a reply of 35,000 actions spent most of its time there.
/// This one converts each key once per encoding and writes bytes straight into one buffer: an
/// object's entries go out in the order the value encodes them and, when that order is not
/// sorted, the object's bytes are put in order once it closes. The test suite checks its output
/// against Foundation's for every document type.
public struct WireJSONEncoder: Sendable {
    public init() {}

    public func encode(_ value: some Encodable) throws -> [UInt8] {
        let writer = JSONStreamWriter()
        try writer.write(value, codingPath: [])
        writer.close(downTo: 0)
        if writer.wroteToAClosedContainer {
            // A hand-written encode(to:) went back to a container after opening another beside
            // it: the stream cannot, so Foundation's encoder writes this one.
            return Array(try WireCoding.makeEncoder().encode(value))
        }
        return writer.output
    }
}

/// The buffer, the key conversions made so far, and the containers still open, innermost last.
final class JSONStreamWriter {
    var output: [UInt8] = []
    private(set) var wroteToAClosedContainer = false
    private var convertedKeys: [String: [UInt8]] = [:]
    private var open: [OpenContainer] = []
    private var dictionaryKeyTypes: [ObjectIdentifier: Bool] = [:]

    /// An object or array whose closing bracket is not yet written.
    final class OpenContainer {
        let isObject: Bool
        /// Where its contents begin (after the opening bracket).
        let contentStart: Int
        /// Whether its keys are written as they are (a `[String: V]`) rather than in snake_case.
        let keepsKeys: Bool
        var count = 0
        /// An object's entries: sort key and byte range (without the separating comma).
        var entries: [(key: [UInt8], start: Int)] = []
        var inOrder = true
        var depth = 0
        var isClosed = false

        init(isObject: Bool, contentStart: Int, keepsKeys: Bool) {
            self.isObject = isObject
            self.contentStart = contentStart
            self.keepsKeys = keepsKeys
        }
    }

    // MARK: Values

    func write<Value: Encodable>(_ value: Value, codingPath: @autoclosure () -> [any CodingKey]) throws {
        if Value.self == String.self {
            writeString(unsafeBitCast(value, to: String.self))
        } else if Value.self == Int.self {
            writeNumber(String(unsafeBitCast(value, to: Int.self)))
        } else if Value.self == Bool.self {
            writeLiteral(unsafeBitCast(value, to: Bool.self) ? "true" : "false")
        } else if Value.self == Double.self {
            writeNumber(try Self.format(unsafeBitCast(value, to: Double.self), codingPath: codingPath()))
        } else if let number = Self.otherNumber(value) {
            // The other standard number types: their encode(to:) asks a single-value container to
            // encode themselves, which would come back here.
            writeNumber(try number(codingPath()))
        } else if let writable = value as? any WireJSONWritable {
            var object = JSONObjectWriter(writer: self)
            try writable.writeJSON(to: &object)
            object.finish()
        } else {
            let depth = open.count
            let mark = output.count
            let encoder = StreamEncoder(writer: self, codingPath: codingPath())
            try value.encode(to: encoder)
            close(downTo: depth)
            // A value that encoded nothing is an empty object, as Foundation writes it.
            if output.count == mark { output.append(contentsOf: [UInt8(ascii: "{"), UInt8(ascii: "}")]) }
        }
    }

    /// The other standard number types, compared by type (cheap) rather than cast.
    private static func otherNumber<Value>(_ value: Value) -> (([any CodingKey]) throws -> String)? {
        func integer<Number: FixedWidthInteger>(_ type: Number.Type) -> (([any CodingKey]) throws -> String)? {
            Value.self == Number.self ? { _ in String(unsafeBitCast(value, to: Number.self)) } : nil
        }
        if Value.self == Float.self {
            let number = unsafeBitCast(value, to: Float.self)
            return { path in try format(number, codingPath: path) }
        }
        return integer(Int64.self) ?? integer(Int32.self) ?? integer(Int16.self) ?? integer(Int8.self) ?? integer(UInt.self)
            ?? integer(UInt64.self) ?? integer(UInt32.self) ?? integer(UInt16.self) ?? integer(UInt8.self)
    }

    func writeString(_ text: String) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for (index, byte) in bytes.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                start = index + 1
                output.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""): output.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): output.append(UInt8(ascii: "\\"))
                case 0x0A: output.append(UInt8(ascii: "n"))
                case 0x0D: output.append(UInt8(ascii: "r"))
                case 0x09: output.append(UInt8(ascii: "t"))
                case 0x08: output.append(UInt8(ascii: "b"))
                case 0x0C: output.append(UInt8(ascii: "f"))
                default:
                    output.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0xF)]])
                }
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        output.append(UInt8(ascii: "\""))
    }

    func writeNumber(_ text: String) {
        output.append(contentsOf: text.utf8)
    }

    func writeLiteral(_ text: StaticString) {
        output.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// A Double or Float as Foundation's JSON writer gives it: integral values without `.0`.
    static func format<Number: BinaryFloatingPoint & CustomStringConvertible>(_ number: Number, codingPath: [any CodingKey]) throws
        -> String
    {
        guard number.isFinite else {
            throw EncodingError.invalidValue(
                number, .init(codingPath: codingPath, debugDescription: "Unable to encode \(Number.self).\(number) directly in JSON."))
        }
        var text = number.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }

    // MARK: Containers

    func openContainer(isObject: Bool, keyType: Any.Type?) -> OpenContainer {
        output.append(UInt8(ascii: isObject ? "{" : "["))
        let container = OpenContainer(isObject: isObject, contentStart: output.count, keepsKeys: keyType.map(isDictionaryKey) ?? false)
        container.depth = open.count
        open.append(container)
        return container
    }

    /// Starts the next entry of `container` (closing what was opened inside its previous one).
    func beginEntry(in container: OpenContainer, key: (any CodingKey)?) {
        if container.isClosed { wroteToAClosedContainer = true }
        close(downTo: container.depth + 1)
        if container.count > 0 { output.append(UInt8(ascii: ",")) }
        container.count += 1
        guard container.isObject, let key else { return }
        let name = container.keepsKeys ? Array(key.stringValue.utf8) : convertedKey(key.stringValue)
        if container.inOrder, let previous = container.entries.last?.key, !previous.lexicographicallyPrecedes(name) {
            container.inOrder = false
        }
        container.entries.append((name, output.count))
        writeKey(name)
    }

    private func writeKey(_ name: [UInt8]) {
        output.append(UInt8(ascii: "\""))
        output.append(contentsOf: name)
        output.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
    }

    /// Closes every container at `depth` and deeper, sorting each object's entries as it closes.
    func close(downTo depth: Int) {
        while open.count > depth {
            let container = open.removeLast()
            container.isClosed = true
            if container.isObject, !container.inOrder {
                sortEntries(of: container)
            }
            output.append(UInt8(ascii: container.isObject ? "}" : "]"))
        }
    }

    private func sortEntries(of container: OpenContainer) {
        let end = output.count
        let entries = container.entries
        var ranges: [(key: [UInt8], range: Range<Int>)] = []
        ranges.reserveCapacity(entries.count)
        for (index, entry) in entries.enumerated() {
            // Each entry but the last ends at the comma before the next.
            let entryEnd = index + 1 < entries.count ? entries[index + 1].start - 1 : end
            ranges.append((entry.key, entry.start..<entryEnd))
        }
        ranges.sort { $0.key.lexicographicallyPrecedes($1.key) }
        let written = Array(output[container.contentStart..<end])
        output.removeSubrange(container.contentStart..<end)
        for (index, entry) in ranges.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            output.append(contentsOf: written[(entry.range.lowerBound - container.contentStart)..<(entry.range.upperBound - container.contentStart)])
        }
    }

    private func convertedKey(_ name: String) -> [UInt8] {
        if let known = convertedKeys[name] { return known }
        var converted: [UInt8] = []
        JSONStreamWriter.escapedKey(Self.snakeCase(name), into: &converted)
        convertedKeys[name] = converted
        return converted
    }

    /// A key's bytes between its quotes.
    private static func escapedKey(_ key: String, into output: inout [UInt8]) {
        let writer = JSONStreamWriter()
        writer.writeString(key)
        output.append(contentsOf: writer.output.dropFirst().dropLast())
    }

    /// Whether a coding key type is the standard library's key for a dictionary's entries:
    /// Foundation writes a `[String: V]`'s keys as they are, not in snake_case.
    private func isDictionaryKey(_ type: Any.Type) -> Bool {
        let id = ObjectIdentifier(type)
        if let known = dictionaryKeyTypes[id] { return known }
        let answer = String(reflecting: type).hasSuffix("_DictionaryCodingKey")
        dictionaryKeyTypes[id] = answer
        return answer
    }

    /// Foundation's `convertToSnakeCase`, step for step: a word ends before each capital; a run
    /// of capitals is a word of its own, but for its last capital when a lower-case letter follows.
    static func snakeCase(_ key: String) -> String {
        let characters = Array(key)
        guard !characters.isEmpty else { return key }
        var words: [Range<Int>] = []
        var wordStart = 0
        var searchStart = 1
        let end = characters.count
        while let upper = (searchStart..<end).first(where: { characters[$0].isUppercase }) {
            words.append(wordStart..<upper)
            guard let lower = (upper..<end).first(where: { characters[$0].isLowercase }) else {
                wordStart = upper
                searchStart = end
                break
            }
            if lower == upper + 1 {
                wordStart = upper
            } else {
                words.append(upper..<(lower - 1))
                wordStart = lower - 1
            }
            searchStart = lower + 1
        }
        words.append(wordStart..<end)
        return words.map { String(characters[$0]).lowercased() }.joined(separator: "_")
    }
}

struct WireCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int?

    init(_ string: String) {
        stringValue = string
    }

    init?(stringValue: String) {
        self.stringValue = stringValue
    }

    init?(intValue: Int) {
        stringValue = String(intValue)
        self.intValue = intValue
    }
}

/// The `Encoder` a value's `encode(to:)` sees.
final class StreamEncoder: Encoder {
    let writer: JSONStreamWriter
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    private var object: JSONStreamWriter.OpenContainer?
    private var array: JSONStreamWriter.OpenContainer?

    init(writer: JSONStreamWriter, codingPath: [any CodingKey]) {
        self.writer = writer
        self.codingPath = codingPath
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let container = object ?? writer.openContainer(isObject: true, keyType: Key.self)
        object = container
        return KeyedEncodingContainer(StreamKeyedContainer<Key>(writer: writer, container: container, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let container = array ?? writer.openContainer(isObject: false, keyType: nil)
        array = container
        return StreamUnkeyedContainer(writer: writer, container: container, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        StreamSingleValueContainer(writer: writer, codingPath: codingPath)
    }
}

struct StreamKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let writer: JSONStreamWriter
    let container: JSONStreamWriter.OpenContainer
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws {
        writer.beginEntry(in: container, key: key)
        writer.writeLiteral("null")
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws {
        writer.beginEntry(in: container, key: key)
        writer.writeLiteral(value ? "true" : "false")
    }

    mutating func encode(_ value: String, forKey key: Key) throws {
        writer.beginEntry(in: container, key: key)
        writer.writeString(value)
    }

    mutating func encode(_ value: Double, forKey key: Key) throws {
        writer.beginEntry(in: container, key: key)
        writer.writeNumber(try JSONStreamWriter.format(value, codingPath: codingPath + [key]))
    }

    mutating func encode(_ value: Int, forKey key: Key) throws {
        writer.beginEntry(in: container, key: key)
        writer.writeNumber(String(value))
    }

    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
        writer.beginEntry(in: container, key: key)
        try writer.write(value, codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        writer.beginEntry(in: container, key: key)
        let nested = writer.openContainer(isObject: true, keyType: NestedKey.self)
        return KeyedEncodingContainer(StreamKeyedContainer<NestedKey>(writer: writer, container: nested, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        writer.beginEntry(in: container, key: key)
        let nested = writer.openContainer(isObject: false, keyType: nil)
        return StreamUnkeyedContainer(writer: writer, container: nested, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        writer.beginEntry(in: container, key: key)
        return StreamEncoder(writer: writer, codingPath: codingPath + [key])
    }
}

struct StreamUnkeyedContainer: UnkeyedEncodingContainer {
    let writer: JSONStreamWriter
    let container: JSONStreamWriter.OpenContainer
    let codingPath: [any CodingKey]
    var count: Int { container.count }

    private var nextKey: any CodingKey { WireCodingKey(intValue: container.count)! }

    mutating func encodeNil() throws {
        writer.beginEntry(in: container, key: nil)
        writer.writeLiteral("null")
    }

    mutating func encode(_ value: Bool) throws {
        writer.beginEntry(in: container, key: nil)
        writer.writeLiteral(value ? "true" : "false")
    }

    mutating func encode(_ value: String) throws {
        writer.beginEntry(in: container, key: nil)
        writer.writeString(value)
    }

    mutating func encode(_ value: Double) throws {
        let key = nextKey
        writer.beginEntry(in: container, key: nil)
        writer.writeNumber(try JSONStreamWriter.format(value, codingPath: codingPath + [key]))
    }

    mutating func encode(_ value: Int) throws {
        writer.beginEntry(in: container, key: nil)
        writer.writeNumber(String(value))
    }

    mutating func encode(_ value: some Encodable) throws {
        let path = codingPath
        let key = nextKey
        writer.beginEntry(in: container, key: nil)
        try writer.write(value, codingPath: path + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let path = codingPath + [nextKey]
        writer.beginEntry(in: container, key: nil)
        let nested = writer.openContainer(isObject: true, keyType: NestedKey.self)
        return KeyedEncodingContainer(StreamKeyedContainer<NestedKey>(writer: writer, container: nested, codingPath: path))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let path = codingPath + [nextKey]
        writer.beginEntry(in: container, key: nil)
        let nested = writer.openContainer(isObject: false, keyType: nil)
        return StreamUnkeyedContainer(writer: writer, container: nested, codingPath: path)
    }

    mutating func superEncoder() -> any Encoder {
        let path = codingPath + [nextKey]
        writer.beginEntry(in: container, key: nil)
        return StreamEncoder(writer: writer, codingPath: path)
    }
}

struct StreamSingleValueContainer: SingleValueEncodingContainer {
    let writer: JSONStreamWriter
    let codingPath: [any CodingKey]

    func encodeNil() throws { writer.writeLiteral("null") }
    func encode(_ value: Bool) throws { writer.writeLiteral(value ? "true" : "false") }
    func encode(_ value: String) throws { writer.writeString(value) }
    func encode(_ value: Double) throws { writer.writeNumber(try JSONStreamWriter.format(value, codingPath: codingPath)) }
    func encode(_ value: Int) throws { writer.writeNumber(String(value)) }
    func encode(_ value: some Encodable) throws { try writer.write(value, codingPath: codingPath) }
}

/// A document that writes itself, for the few that replies carry by the tens of thousands (an
/// action list): its keys given in sorted order, as the generic path would sort them. The test
/// suite checks each against Foundation's encoding, so a field added to the type and not here
/// fails there.
protocol WireJSONWritable {
    func writeJSON(to object: inout JSONObjectWriter) throws
}

/// Writes one object's entries, in the order given, which must be sorted.
struct JSONObjectWriter {
    let writer: JSONStreamWriter
    private var count = 0

    init(writer: JSONStreamWriter) {
        self.writer = writer
    }

    private mutating func key(_ name: StaticString) {
        writer.output.append(UInt8(ascii: count == 0 ? "{" : ","))
        count += 1
        writer.output.append(UInt8(ascii: "\""))
        writer.writeLiteral(name)
        writer.output.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
    }

    mutating func string(_ name: StaticString, _ value: String) {
        key(name)
        writer.writeString(value)
    }

    /// A nil value as `null` (what `@EncodedAsNull` writes).
    mutating func string(_ name: StaticString, orNull value: String?) {
        key(name)
        if let value { writer.writeString(value) } else { writer.writeLiteral("null") }
    }

    mutating func int(_ name: StaticString, orNull value: Int?) {
        key(name)
        if let value { writer.writeNumber(String(value)) } else { writer.writeLiteral("null") }
    }

    mutating func bool(_ name: StaticString, _ value: Bool) {
        key(name)
        writer.writeLiteral(value ? "true" : "false")
    }

    /// Any other value, by the generic path; a nil is left out (what a synthesized optional does).
    mutating func value(_ name: StaticString, ifPresent value: (some Encodable)?) throws {
        guard let value else { return }
        key(name)
        try writer.write(value, codingPath: [WireCodingKey("\(name)")])
    }

    /// Any other value, a nil written as `null`.
    mutating func value(_ name: StaticString, orNull value: (some Encodable)?) throws {
        key(name)
        if let value { try writer.write(value, codingPath: [WireCodingKey("\(name)")]) } else { writer.writeLiteral("null") }
    }

    func finish() {
        writer.output.append(contentsOf: count == 0 ? [UInt8(ascii: "{"), UInt8(ascii: "}")] : [UInt8(ascii: "}")])
    }
}

extension ActionDocument: WireJSONWritable {
    func writeJSON(to object: inout JSONObjectWriter) throws {
        object.string("action", action)
        object.string("as_of", asOf)
        object.int("days_overdue", orNull: daysOverdue)
        object.string("effective_review_date", orNull: effectiveReviewDate)
        try object.value("history", ifPresent: history)
        try object.value("latest_update", orNull: latestUpdate)
        try object.value("lead", orNull: lead)
        object.string("next_update_due", orNull: nextUpdateDue)
        object.string("rag", orNull: rag)
        object.string("recommendation", recommendation)
        object.string("ref", ref)
        object.string("resolution", orNull: resolution)
        object.string("review_date", reviewDate)
        object.string("status", status)
        object.bool("update_chased", updateChased)
        object.string("update_frequency", orNull: updateFrequency)
        try object.value("updated_by_resolutions", ifPresent: updatedByResolutions)
        try object.value("updates", ifPresent: updates)
    }
}

extension ActionUpdateDocument: WireJSONWritable {
    func writeJSON(to object: inout JSONObjectWriter) throws {
        object.string("author", author)
        object.bool("completes", completes)
        object.string("date", date)
        object.string("review_date", orNull: reviewDate)
        object.string("text", text)
    }
}

extension PersonDocument: WireJSONWritable {
    func writeJSON(to object: inout JSONObjectWriter) throws {
        object.string("email", email)
        object.string("role", role)
    }
}
