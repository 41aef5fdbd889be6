/// A search passage as HTML: the text escaped, each match (between U+E000 and U+E001, as the
/// index marks them) in `<mark>`.
enum SearchSnippet {
    static func html(_ snippet: String) -> String {
        var out = ""
        var open = false
        for scalar in snippet.unicodeScalars {
            switch scalar {
            case "\u{E000}":
                if !open { out += "<mark>" }
                open = true
            case "\u{E001}":
                if open { out += "</mark>" }
                open = false
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        if open { out += "</mark>" }
        return out
    }
}
