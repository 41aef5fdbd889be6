/// A piece of HTML that is safe to put in a document: its literal parts are trusted markup
/// written in this module, and everything interpolated into it is escaped unless it is itself
/// `Markup`.
///
/// Escaping is the default rather than something each call site remembers: a `String`
/// interpolated into markup can only come out as text.
///
/// ```swift
/// let title = "<script>alert(1)</script>"
/// let heading: Markup = "<h2>\(title)</h2>"
/// heading.html  // "<h2>&lt;script&gt;alert(1)&lt;/script&gt;</h2>"
/// ```
struct Markup: Hashable, Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The HTML text.
    private(set) var html: String

    /// Markup that is trusted as it stands: only for HTML this module has produced itself.
    init(trusted html: String) {
        self.html = html
    }

    /// Nothing.
    static let empty = Markup(trusted: "")

    /// A literal written in the source: trusted.
    init(stringLiteral value: String) {
        html = value
    }

    init(stringInterpolation: StringInterpolation) {
        html = stringInterpolation.html
    }

    var description: String { html }

    var isEmpty: Bool { html.isEmpty }

    /// `text` as escaped HTML text.
    init(text: some StringProtocol) {
        html = Markup.escape(text)
    }

    /// The pieces one after another, with `separator` between them.
    static func joined(_ pieces: some Sequence<Markup>, separator: Markup = .empty) -> Markup {
        var result = ""
        var first = true
        for piece in pieces {
            if !first { result += separator.html }
            result += piece.html
            first = false
        }
        return Markup(trusted: result)
    }

    static func + (lhs: Markup, rhs: Markup) -> Markup {
        Markup(trusted: lhs.html + rhs.html)
    }

    static func += (lhs: inout Markup, rhs: Markup) {
        lhs.html += rhs.html
    }

    struct StringInterpolation: StringInterpolationProtocol {
        fileprivate var html = ""

        init(literalCapacity: Int, interpolationCount: Int) {
            html.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        /// Source literals are markup.
        mutating func appendLiteral(_ literal: String) {
            html += literal
        }

        /// Text is escaped: the one way a `String` gets into a document.
        mutating func appendInterpolation(_ text: String) {
            html += Markup.escape(text)
        }

        /// Optional text: nothing when nil.
        mutating func appendInterpolation(_ text: String?) {
            if let text { html += Markup.escape(text) }
        }

        /// Markup is already safe.
        mutating func appendInterpolation(_ markup: Markup) {
            html += markup.html
        }

        /// Several pieces of markup, one after another.
        mutating func appendInterpolation(_ pieces: [Markup]) {
            for piece in pieces { html += piece.html }
        }

        /// Numbers as digits.
        mutating func appendInterpolation(_ number: Int) {
            html += String(number)
        }
    }

    /// Escapes the five characters that matter in HTML text and in quoted attribute values.
    ///
    /// `&` becomes `&amp;` whatever follows it, so `&amp;` written by a person reads as
    /// `&amp;` on the page, not as `&`.
    static func escape(_ text: some StringProtocol) -> String {
        // Walked as UTF-8 bytes, copying the runs between replacements at once: a pack escapes
        // every text it shows, and appending scalar by scalar was a sixth of a build.
        if let escaped = text.utf8.withContiguousStorageIfAvailable(escape(utf8:)) { return escaped }
        return Array(text.utf8).withUnsafeBufferPointer(escape(utf8:))
    }

    private static let replacementCharacter: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// What each byte of text becomes, or nil for itself, made once. C1 controls (U+0080 to
    /// U+009F, two bytes from 0xC2) are handled where 0xC2 is met.
    private static let replacements: [[UInt8]?] = (0..<256).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "&"): Array("&amp;".utf8)
        case UInt8(ascii: "<"): Array("&lt;".utf8)
        case UInt8(ascii: ">"): Array("&gt;".utf8)
        case UInt8(ascii: "\""): Array("&quot;".utf8)
        case UInt8(ascii: "'"): Array("&#39;".utf8)
        // Control characters other than tab and line breaks have no place in a document, and
        // some are not allowed in HTML at all; DEL neither.
        case UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): nil
        case 0..<0x20, 0x7F: replacementCharacter
        default: nil
        }
    }

    /// Which bytes are not simply copied.
    private static let special: [Bool] = (0..<256).map { replacements[$0] != nil || $0 == 0xC2 }

    private static func escape(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        // Filled only from the first replacement: most texts have none and are made strings as
        // they are, with no buffer of their own.
        var output: [UInt8] = []
        let special = Self.special
        var copied = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard special[Int(byte)] else {
                index += 1
                continue
            }
            let length: Int
            let replaced: [UInt8]?
            if byte == 0xC2 {
                // U+0080 to U+009F are C2 80 to C2 9F; other C2 sequences are ordinary letters.
                let isControl = index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1])
                (length, replaced) = (2, isControl ? replacementCharacter : nil)
            } else {
                (length, replaced) = (1, replacements[Int(byte)])
            }
            guard let replaced else {
                index += length
                continue
            }
            if output.isEmpty { output.reserveCapacity(bytes.count + bytes.count / 16) }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
            output.append(contentsOf: replaced)
            index += length
            copied = index
        }
        if copied == 0 { return String(decoding: bytes, as: UTF8.self) }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<bytes.count]))
        return String(decoding: output, as: UTF8.self)
    }
}
