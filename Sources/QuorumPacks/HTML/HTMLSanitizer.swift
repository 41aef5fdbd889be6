/// Rebuilds HTML from an allow-list: the last line of defence between a report's Markdown and
/// the published pack.
///
/// It reads the HTML the way a browser would (tags, quoted attributes, character references)
/// and writes out only what it allows, escaping all text itself, so that whatever the input
/// holds the output is well-formed and inert:
/// - elements: paragraphs, line breaks, rules, emphasis, code, quotes, lists, tables,
///   headings (moved to start at ``topHeadingLevel`` and never skip a level) and links;
/// - attributes: none, except a link's `href` when it is an absolute http, https or mailto
///   address (otherwise the link's text stays and the link goes) and a list's numeric `start`;
///   a table's header cells get `scope="col"` and each table a numbered caption;
/// - images become a note that the image was left out, with its alt text: a pack fetches
///   nothing;
/// - any other tag is shown as text; comments are dropped; closing tags that close nothing
///   are dropped, and elements left open are closed at the end.
struct HTMLSanitizer {
    /// The level that an `h1` in the input becomes.
    var topHeadingLevel: Int

    init(topHeadingLevel: Int) {
        self.topHeadingLevel = min(max(topHeadingLevel, 1), 6)
    }

    private static let allowed: Set<String> = [
        "p", "br", "hr", "em", "strong", "del", "s", "code", "pre", "blockquote",
        "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td",
        "h1", "h2", "h3", "h4", "h5", "h6", "a", "img",
    ]
    private static let void: Set<String> = ["br", "hr", "img"]

    /// An element the output has open: its name in the input, and in the output (nil when its
    /// tags are being left out, as for a link with an unsafe address).
    private struct OpenElement {
        var inputName: String
        var outputName: String?
    }

    func sanitize(_ html: String) -> Markup {
        let scalars = Array(html.unicodeScalars)
        var output = ""
        var stack: [OpenElement] = []
        var lastHeadingLevel = topHeadingLevel - 1
        var tableCount = 0
        var index = 0
        var textStart = 0

        func flushText(upTo end: Int) {
            guard textStart < end else { return }
            output += Markup.escape(Self.decodeCharacterReferences(scalars[textStart..<end]))
        }

        while index < scalars.count {
            guard scalars[index] == "<" else {
                index += 1
                continue
            }
            if Self.matches(scalars, at: index, "<!--") {
                flushText(upTo: index)
                var end = index + 4
                while end < scalars.count, !Self.matches(scalars, at: end, "-->") { end += 1 }
                index = min(end + 3, scalars.count)
                textStart = index
                continue
            }
            guard let tag = Tag.read(scalars, at: index) else {
                index += 1  // a lone `<` is text, escaped with the rest
                continue
            }
            flushText(upTo: index)
            let raw = String(String.UnicodeScalarView(scalars[index..<tag.end]))
            index = tag.end
            textStart = index

            guard Self.allowed.contains(tag.name) else {
                output += Markup.escape(raw)
                continue
            }
            if tag.isClosing {
                guard let position = stack.lastIndex(where: { $0.inputName == tag.name }) else { continue }
                for element in stack[position...].reversed() {
                    if let name = element.outputName { output += "</\(name)>" }
                }
                stack.removeSubrange(position...)
                continue
            }
            switch tag.name {
            case "img":
                let alt = Self.decodeCharacterReferences(Self.strippingTags(tag.attributes["alt"] ?? ""))
                    .trimmed
                let note = alt.isEmpty ? "[Image not included]" : "[Image not included: \(alt)]"
                output += "<span class=\"omitted\">\(Markup.escape(note))</span>"
            case "br", "hr":
                output += "<\(tag.name)>"
            case "a":
                if let href = tag.attributes["href"].flatMap(Self.safeURL) {
                    output += "<a href=\"\(Markup.escape(href))\">"
                    stack.append(OpenElement(inputName: "a", outputName: "a"))
                } else {
                    stack.append(OpenElement(inputName: "a", outputName: nil))
                }
            case "ol":
                if let start = tag.attributes["start"], (1...6).contains(start.count),
                    start.allSatisfy({ $0.isASCII && $0.isNumber })
                {
                    output += "<ol start=\"\(start)\">"
                } else {
                    output += "<ol>"
                }
                stack.append(OpenElement(inputName: "ol", outputName: "ol"))
            case "table":
                // Markdown has no captions; a numbered one lets a reader refer to the table.
                tableCount += 1
                output += "<table class=\"report-table\">\n<caption>Table \(tableCount)</caption>"
                stack.append(OpenElement(inputName: "table", outputName: "table"))
            case "th":
                output += "<th scope=\"col\">"
                stack.append(OpenElement(inputName: "th", outputName: "th"))
            case "h1", "h2", "h3", "h4", "h5", "h6":
                let written = Int(String(tag.name.dropFirst()))!
                let level = min(6, min(topHeadingLevel + written - 1, lastHeadingLevel + 1))
                lastHeadingLevel = level
                output += "<h\(level)>"
                stack.append(OpenElement(inputName: tag.name, outputName: "h\(level)"))
            default:
                output += "<\(tag.name)>"
                if !Self.void.contains(tag.name) {
                    stack.append(OpenElement(inputName: tag.name, outputName: tag.name))
                }
            }
        }
        flushText(upTo: scalars.count)
        for element in stack.reversed() {
            if let name = element.outputName { output += "</\(name)>" }
        }
        return Markup(trusted: output)
    }

    // MARK: - Links

    /// `text` as a link address when it is an absolute http, https or mailto address with no
    /// spaces, quotes or angle brackets once character references are decoded; else nil.
    static func safeURL(_ text: String) -> String? {
        let url = decodeCharacterReferences(Array(text.unicodeScalars))
        guard !url.isEmpty, url.unicodeScalars.count <= 2048 else { return nil }
        let forbidden: Set<Unicode.Scalar> = ["<", ">", "\"", "'", "\\", "`"]
        guard url.unicodeScalars.allSatisfy({ $0.value > 0x20 && !(0x7F...0x9F).contains($0.value) && !forbidden.contains($0) })
        else { return nil }
        guard let colon = url.firstIndex(of: ":") else { return nil }
        let scheme = url[..<colon].lowercased()
        let rest = url[url.index(after: colon)...]
        switch scheme {
        case "http", "https":
            guard rest.hasPrefix("//"), rest.count > 2, rest.dropFirst(2).first != "/" else { return nil }
        case "mailto":
            guard rest.contains("@") else { return nil }
        default:
            return nil
        }
        return url
    }

    // MARK: - Reading

    private static func matches(_ scalars: [Unicode.Scalar], at index: Int, _ literal: String) -> Bool {
        var position = index
        for scalar in literal.unicodeScalars {
            guard position < scalars.count, scalars[position] == scalar else { return false }
            position += 1
        }
        return true
    }

    /// `text` without anything between `<` and `>`.
    private static func strippingTags(_ text: String) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        var inTag = false
        for scalar in text.unicodeScalars {
            if scalar == "<" { inTag = true } else if scalar == ">" && inTag { inTag = false } else if !inTag { result.append(scalar) }
        }
        return result
    }

    /// A start or end tag as a browser reads it.
    private struct Tag {
        var name: String
        var isClosing: Bool
        var attributes: [String: String]
        /// The index just past the closing `>`.
        var end: Int

        static func read(_ s: [Unicode.Scalar], at start: Int) -> Tag? {
            var i = start + 1
            var closing = false
            if i < s.count, s[i] == "/" {
                closing = true
                i += 1
            }
            guard i < s.count, isASCIILetter(s[i]) else { return nil }
            var name = ""
            while i < s.count, isASCIILetter(s[i]) || ("0"..."9").contains(s[i]) {
                name.unicodeScalars.append(s[i])
                i += 1
            }
            var attributes: [String: String] = [:]
            while i < s.count {
                let c = s[i]
                if c == ">" {
                    return Tag(name: name.lowercased(), isClosing: closing, attributes: attributes, end: i + 1)
                }
                if c.properties.isWhitespace || c == "/" {
                    i += 1
                    continue
                }
                var attributeName = ""
                while i < s.count, !s[i].properties.isWhitespace, s[i] != "/", s[i] != ">", s[i] != "=" {
                    attributeName.unicodeScalars.append(s[i])
                    i += 1
                }
                while i < s.count, s[i].properties.isWhitespace { i += 1 }
                var value = ""
                if i < s.count, s[i] == "=" {
                    i += 1
                    while i < s.count, s[i].properties.isWhitespace { i += 1 }
                    if i < s.count, s[i] == "\"" || s[i] == "'" {
                        let quote = s[i]
                        i += 1
                        while i < s.count, s[i] != quote {
                            value.unicodeScalars.append(s[i])
                            i += 1
                        }
                        guard i < s.count else { return nil }
                        i += 1
                    } else {
                        while i < s.count, !s[i].properties.isWhitespace, s[i] != ">" {
                            value.unicodeScalars.append(s[i])
                            i += 1
                        }
                    }
                }
                let key = attributeName.lowercased()
                if !key.isEmpty, attributes[key] == nil { attributes[key] = value }
            }
            return nil
        }

        private static func isASCIILetter(_ c: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(c) || ("A"..."Z").contains(c)
        }
    }

    // MARK: - Character references

    private static let namedReferences: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
        "ndash": "–", "mdash": "—", "hellip": "…", "lsquo": "‘", "rsquo": "’", "ldquo": "“",
        "rdquo": "”", "pound": "£", "euro": "€", "copy": "©", "reg": "®", "trade": "™",
        "middot": "·", "bull": "•", "times": "×", "divide": "÷", "deg": "°", "frac12": "½",
        "frac14": "¼", "frac34": "¾", "le": "≤", "ge": "≥", "ne": "≠", "plusmn": "±",
        "sect": "§", "para": "¶", "larr": "←", "rarr": "→", "uarr": "↑", "darr": "↓",
    ]

    /// The text with `&amp;`, `&#60;`, `&#x3C;` and the common named references decoded; an
    /// `&` that starts no reference it knows stays an `&`.
    static func decodeCharacterReferences(_ scalars: some Collection<Unicode.Scalar>) -> String {
        let s = Array(scalars)
        var result = String.UnicodeScalarView()
        var i = 0
        while i < s.count {
            guard s[i] == "&", let semicolon = s[(i + 1)...].prefix(33).firstIndex(of: ";") else {
                result.append(s[i])
                i += 1
                continue
            }
            let body = String(String.UnicodeScalarView(s[(i + 1)..<semicolon]))
            var decoded: String?
            if body.hasPrefix("#x") || body.hasPrefix("#X") {
                decoded = UInt32(body.dropFirst(2), radix: 16).map(Self.scalarText)
            } else if body.hasPrefix("#") {
                decoded = body.dropFirst().allSatisfy(\.isASCII) ? UInt32(body.dropFirst(), radix: 10).map(Self.scalarText) : nil
            } else {
                decoded = namedReferences[body]
            }
            if let decoded, !body.isEmpty {
                result.append(contentsOf: decoded.unicodeScalars)
                i = semicolon + 1
            } else {
                result.append(s[i])
                i += 1
            }
        }
        return String(result)
    }

    private static func scalarText(_ value: UInt32) -> String {
        guard value != 0, let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
        return String(Character(scalar))
    }
}
