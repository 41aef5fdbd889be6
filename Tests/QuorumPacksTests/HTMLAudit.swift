import Foundation

/// Reads rendered HTML the way the tests need: its tags, its headings, the text of a section.
struct HTMLAudit {
    struct Tag {
        var name: String
        var isClosing: Bool
        var attributes: [String: String]
    }

    let html: String

    init(_ html: String) {
        self.html = html
    }

    /// Every tag outside the `<style>` element, in order.
    var tags: [Tag] {
        var result: [Tag] = []
        let scalars = Array(html.unicodeScalars)
        var i = 0
        var inStyle = false
        while i < scalars.count {
            guard scalars[i] == "<" else {
                i += 1
                continue
            }
            var j = i + 1
            var quote: Unicode.Scalar?
            while j < scalars.count {
                if let q = quote {
                    if scalars[j] == q { quote = nil }
                } else if scalars[j] == "\"" || scalars[j] == "'" {
                    quote = scalars[j]
                } else if scalars[j] == ">" {
                    break
                }
                j += 1
            }
            let inner = String(String.UnicodeScalarView(scalars[(i + 1)..<min(j, scalars.count)]))
            i = j + 1
            if inner.hasPrefix("!") { continue }
            let closing = inner.hasPrefix("/")
            let body = closing ? String(inner.dropFirst()) : inner
            let name = String(body.prefix { !$0.isWhitespace && $0 != "/" }).lowercased()
            if inStyle && !(closing && name == "style") { continue }
            let attributes = Self.attributes(Array(body.dropFirst(name.count).unicodeScalars))
            result.append(Tag(name: name, isClosing: closing, attributes: attributes))
            if name == "style" { inStyle = !closing }
        }
        return result
    }

    /// Attributes as a browser reads them: names, `=`, quoted or bare values.
    private static func attributes(_ s: [Unicode.Scalar]) -> [String: String] {
        var result: [String: String] = [:]
        var i = 0
        func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\n" || c == "\t" || c == "\r" || c == "/" }
        while i < s.count {
            while i < s.count, isSpace(s[i]) { i += 1 }
            var name = ""
            while i < s.count, !isSpace(s[i]), s[i] != "=" {
                name.unicodeScalars.append(s[i])
                i += 1
            }
            while i < s.count, s[i] == " " { i += 1 }
            var value = ""
            if i < s.count, s[i] == "=" {
                i += 1
                while i < s.count, s[i] == " " { i += 1 }
                if i < s.count, s[i] == "\"" || s[i] == "'" {
                    let quote = s[i]
                    i += 1
                    while i < s.count, s[i] != quote {
                        value.unicodeScalars.append(s[i])
                        i += 1
                    }
                    i += 1
                } else {
                    while i < s.count, !isSpace(s[i]) {
                        value.unicodeScalars.append(s[i])
                        i += 1
                    }
                }
            }
            if !name.isEmpty { result[name.lowercased()] = value }
        }
        return result
    }

    /// The levels of the headings, in order.
    var headingLevels: [Int] {
        tags.filter { !$0.isClosing && $0.name.count == 2 && $0.name.hasPrefix("h") }.compactMap { Int(String($0.name.last!)) }
    }

    /// The HTML of the element whose `id` is `id`, up to its end (elements of the same name nest).
    func element(id: String) -> String? {
        guard let start = html.range(of: "id=\"\(id)\"") else { return nil }
        guard let open = html[..<start.lowerBound].lastIndex(of: "<") else { return nil }
        let name = String(html[html.index(after: open)...].prefix { $0.isLetter || $0.isNumber })
        var depth = 0
        var index = open
        while index < html.endIndex {
            let rest = html[index...]
            if rest.hasPrefix("<\(name)") && !rest.dropFirst(name.count + 1).first!.isLetter {
                depth += 1
            } else if rest.hasPrefix("</\(name)>") {
                depth -= 1
                if depth == 0 { return String(html[open..<html.index(index, offsetBy: name.count + 3)]) }
            }
            index = html.index(after: index)
        }
        return nil
    }

    /// The template section of an item labelled by `item-N-suffix` (`summary`, `costs`…).
    func templateSection(item: Int, _ suffix: String) -> String? {
        guard let label = html.range(of: "aria-labelledby=\"item-\(item)-\(suffix)\"") else { return nil }
        let open = html[..<label.lowerBound].lastIndex(of: "<")!
        guard let end = html[open...].range(of: "</section>") else { return nil }
        return String(html[open..<end.upperBound])
    }

    /// Elements and attributes that the renderer writes; anything else in a pack is a leak.
    static let allowedTags: Set<String> = [
        "!doctype", "html", "head", "meta", "title", "style", "body", "header", "main", "nav", "section", "div",
        "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "a", "span", "strong", "em", "del", "s", "code", "pre",
        "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "table", "caption", "thead", "tbody", "tr", "th", "td",
        "figure", "figcaption", "svg", "desc", "line", "polyline", "circle", "text",
    ]
    static let allowedAttributes: Set<String> = [
        "lang", "charset", "name", "content", "class", "id", "href", "scope", "colspan", "start", "role",
        "aria-labelledby", "aria-label", "aria-hidden", "xmlns", "width", "height", "viewbox", "x", "y", "x1", "y1",
        "x2", "y2", "cx", "cy", "r", "points", "fill", "stroke", "stroke-width", "stroke-linejoin", "text-anchor",
        "font-size", "font-family", "font-weight",
    ]

    /// Everything about the markup that would let content run, fetch or break out: tags and
    /// attributes beyond the renderer's own, links other than http, https, mailto and
    /// in-document, and unbalanced tables.
    var leaks: [String] {
        var found: [String] = []
        let tags = self.tags
        for tag in tags {
            if !Self.allowedTags.contains(tag.name) { found.append("tag <\(tag.name)>") }
            for (name, value) in tag.attributes {
                if !Self.allowedAttributes.contains(name) { found.append("attribute \(name) on <\(tag.name)>") }
                if name == "href" {
                    let lower = value.lowercased()
                    if !(lower.hasPrefix("#") || lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:")) {
                        found.append("href \(value)")
                    }
                }
            }
        }
        for name in ["table", "section", "div", "ul", "ol", "p", "a", "span", "td", "tr", "main", "header", "nav"] {
            let opened = tags.filter { $0.name == name && !$0.isClosing }.count
            let closed = tags.filter { $0.name == name && $0.isClosing }.count
            if opened != closed { found.append("\(opened) <\(name)> against \(closed) </\(name)>") }
        }
        return found
    }
}
