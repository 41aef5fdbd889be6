/// The readable text of a pack's HTML, for the search index: no tags, no style, entities decoded.
enum HTMLText {
    static func title(of html: String) -> String? {
        guard let start = html.range(of: "<title>"), let end = html.range(of: "</title>", range: start.upperBound..<html.endIndex)
        else { return nil }
        return decodeEntities(String(html[start.upperBound..<end.lowerBound]))
    }

    static func plainText(of html: String) -> String {
        var text = ""
        text.reserveCapacity(html.utf8.count / 2)
        var index = html.startIndex
        // Skip the head (title and stylesheet): the body is what a reader searches.
        if let body = html.range(of: "<body") { index = body.lowerBound }
        while index < html.endIndex {
            let character = html[index]
            if character == "<" {
                let rest = html[index...]
                if rest.hasPrefix("<style") || rest.hasPrefix("<script") {
                    let close = rest.hasPrefix("<style") ? "</style>" : "</script>"
                    index = html.range(of: close, range: index..<html.endIndex)?.upperBound ?? html.endIndex
                } else {
                    index = html[index...].firstIndex(of: ">").map { html.index(after: $0) } ?? html.endIndex
                }
                text.append(" ")
                continue
            }
            text.append(character)
            index = html.index(after: index)
        }
        return decodeEntities(text).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "&", let semicolon = text[index...].prefix(12).firstIndex(of: ";") {
                let name = text[text.index(after: index)..<semicolon]
                if let decoded = entity(name) {
                    out.append(decoded)
                    index = text.index(after: semicolon)
                    continue
                }
            }
            out.append(text[index])
            index = text.index(after: index)
        }
        return out
    }

    private static func entity(_ name: Substring) -> Character? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos", "#39": return "'"
        case "nbsp": return " "
        default:
            if name.hasPrefix("#x"), let value = UInt32(name.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(value) {
                return Character(scalar)
            }
            if name.hasPrefix("#"), let value = UInt32(name.dropFirst()), let scalar = Unicode.Scalar(value) { return Character(scalar) }
            return nil
        }
    }
}
