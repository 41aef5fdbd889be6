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
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\u{0}": result += "\u{FFFD}"
            default:
                // Control characters other than tab and line breaks have no place in a
                // document and some are not allowed in HTML at all.
                if scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r" {
                    result += "\u{FFFD}"
                } else if (0x7F...0x9F).contains(scalar.value) {
                    result += "\u{FFFD}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}
