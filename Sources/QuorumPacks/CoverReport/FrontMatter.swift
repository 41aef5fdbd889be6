/// A submitted report split into its YAML front matter and its Markdown body, keeping track of
/// where the front matter sits so that problems can name lines of the submitted text.
struct FrontMatter {
    /// The YAML between the `---` lines.
    var yaml: String
    /// The line of the submitted text that the YAML's first line is.
    var firstLine: Int
    /// Everything after the closing line.
    var body: String

    /// Splits `markdown`: optional blank lines, `---`, the YAML, then `---` (or `...`).
    ///
    /// - Throws: a ``CoverReportError/Problem`` when there is no front matter or it is never closed.
    static func split(_ markdown: String) throws(CoverReportError.Problem) -> FrontMatter {
        var text = markdown
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        text = text.replacing("\r\n", with: "\n").replacing("\r", with: "\n")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)

        guard let opening = lines.firstIndex(where: { !$0.isBlank }), lines[opening].trimmed == "---" else {
            throw CoverReportError.Problem(
                code: .missingFrontMatter, field: nil, line: 1,
                message: "a report starts with its front matter: a line '---', the template's fields "
                    + "(subject: …, report_of: …), and another line '---'")
        }
        let rest = lines[(opening + 1)...]
        guard let closing = rest.firstIndex(where: { $0.trimmed == "---" || $0.trimmed == "..." }) else {
            throw CoverReportError.Problem(
                code: .malformedFrontMatter, field: nil, line: opening + 1,
                message: "the front matter that starts here is never closed: end it with a line '---'")
        }
        return FrontMatter(
            yaml: lines[(opening + 1)..<closing].joined(separator: "\n"),
            firstLine: opening + 2,
            body: lines[(closing + 1)...].joined(separator: "\n"))
    }
}
