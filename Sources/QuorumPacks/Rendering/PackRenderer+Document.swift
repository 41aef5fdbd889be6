import QuorumDomain

// The one document shell every rendering shares: the pack's parts, the minutes and the Forward
// Plan are each a whole HTML document with the same head, so they read, print and convert to PDF
// alike.
extension PackRenderer {
    /// What a document is, as its `body` element's class tells the stylesheet.
    enum DocumentKind: Hashable, Sendable {
        /// A part of a pack or of the minutes: `part-public` or `part-exempt`; Part II adds the
        /// styles of its "not for publication" marking.
        case part(PackPart)
        /// The published Forward Plan: `forward-plan`.
        case forwardPlan
    }

    /// A self-contained HTML document: `lang="en-GB"`, the title, the stylesheet inline and
    /// `body` inside a `body` element of `kind`'s class.
    ///
    /// - Parameters:
    ///   - title: The document's title, escaped.
    ///   - kind: Which document it is: its `body` class, and whether Part II's styles are added.
    ///   - body: Everything inside `body`, ending with a line break.
    /// - Returns: The document's HTML, the same bytes for the same arguments.
    func document(title: String, kind: DocumentKind, body: Markup) -> String {
        let bodyClass: String
        let stylesheet: Markup
        switch kind {
        case .part(let part):
            bodyClass = "part-\(part.rawValue)"
            stylesheet = PackStylesheet.css + (part == .exempt ? PackStylesheet.exemptCSS : .empty)
        case .forwardPlan:
            bodyClass = "forward-plan"
            stylesheet = PackStylesheet.css
        }
        let document: Markup = """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title)</title>
            <style>
            \(stylesheet)
            </style>
            </head>
            <body class="\(bodyClass)">
            \(body)</body>
            </html>

            """
        return document.html
    }
}
