import Ink

/// Turns the Markdown body of a submitted report into HTML that is safe to publish.
///
/// Reports come from users, so the body is treated as hostile:
/// - no raw HTML: every `<` is taken as text before Ink sees it, so `<script>` reads as
///   `<script>` on the page and Ink's HTML pass-through never runs (it also cannot then
///   swallow the rest of a report after a stray `<5 days`);
/// - Ink's output is then rebuilt by ``HTMLSanitizer`` from an allow-list of elements with
///   no attributes but a checked `href` (http, https and mailto only) and an `ol start`;
/// - images are not fetched: each becomes a note that it was left out, with its alt text;
/// - headings start at `topHeadingLevel` and never skip a level, so a report's `#` fits
///   under the pack's own headings.
enum ReportMarkdown {
    /// A private-use character that stands for `<` while Ink parses.
    private static let lessThanStandIn: Unicode.Scalar = "\u{E000}"

    /// The body as safe HTML.
    ///
    /// - Parameters:
    ///   - markdown: the report body, as submitted.
    ///   - topHeadingLevel: the level a `#` heading becomes (2 to 6).
    static func html(from markdown: String, topHeadingLevel: Int) -> Markup {
        var prepared = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in markdown.unicodeScalars {
            switch scalar {
            case "\r":
                prepared.append("\n")
                previousWasCR = true
                continue
            case "\n" where previousWasCR:
                break
            case "<":
                prepared.append(lessThanStandIn)
            case lessThanStandIn, "\u{0}":
                prepared.append("\u{FFFD}")
            default:
                prepared.append(scalar)
            }
            previousWasCR = false
        }
        // Ink 0.5 crashed on trailing blank lines after some blocks; nothing is lost by
        // trimming them.
        var text = String(prepared)
        while let last = text.unicodeScalars.last, last.properties.isWhitespace {
            text.unicodeScalars.removeLast()
        }
        guard !text.isEmpty else { return .empty }

        let inkHTML = MarkdownParser().html(from: text)
        var restored = ""
        restored.reserveCapacity(inkHTML.utf8.count)
        for scalar in inkHTML.unicodeScalars {
            if scalar == lessThanStandIn {
                restored += "&lt;"
            } else {
                restored.unicodeScalars.append(scalar)
            }
        }
        return HTMLSanitizer(topHeadingLevel: topHeadingLevel).sanitize(restored)
    }
}
