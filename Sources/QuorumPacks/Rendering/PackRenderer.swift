import QuorumDomain

/// Renders a meeting pack as HTML: one self-contained document per part, with its styles and
/// charts inline and nothing fetched from anywhere, that reads well on screen and prints (or
/// goes through ``PDFRenderer``) as an A4 document.
///
/// Accessibility (WCAG 2.1 AA, as far as a document can): `lang="en-GB"`, a title, one `h1`
/// and headings that never skip a level, a contents list, landmarks, table captions and
/// `scope`d header cells, text contrast of at least 4.5:1, bands and states shown by symbol
/// and words as well as colour, every chart an `img` with a text alternative and the same
/// figures in a table.
///
/// Part I (``PackPart/public``) has every item that is not exempt, in full; an exempt item
/// appears only as its number, its title and "Exempt information: Schedule 12A paragraph N".
/// Part II (``PackPart/exempt``) has only the exempt items. Every string that comes from the
/// content is escaped; report bodies go through ``ReportMarkdown``.
///
/// ```swift
/// let renderer = PackRenderer()
/// let publicHTML = renderer.renderHTML(content, part: .public)
/// let pdf = try await PDFRenderer().renderPDF(html: publicHTML)
/// ```
public struct PackRenderer: Sendable {
    /// What a council may set about its packs.
    public struct Configuration: Hashable, Sendable {
        /// The council's name, printed above the board's on the cover ("Example Council"); nil
        /// leaves it off.
        public var councilName: String?

        public init(councilName: String? = nil) {
            self.councilName = councilName
        }
    }

    public var configuration: Configuration

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// The HTML document of one part of the pack.
    ///
    /// The same content always gives the same bytes, so that versions can be compared and
    /// addressed by hash.
    public func renderHTML(_ content: MeetingPackContent, part: PackPart) -> String {
        let items = content.items(in: part)
        var body: [Markup] = [
            cover(content, part: part),
            contents(content, part: part),
            "<main id=\"main\">\n",
            agenda(content, part: part),
        ]
        for item in content.items {
            if item.isExempt && part == .public {
                body.append(exemptNotice(item))
            } else if items.contains(item), hasSection(item) {
                body.append(section(for: item, in: content))
            }
        }
        body.append("</main>\n")

        let title =
            "\(content.board.name): agenda and reports, \(PackFormat.longDate(content.meeting.date)), \(part.titleLabel), "
            + "version \(content.version)"
        return document(title: title, kind: .part(part), body: Markup.joined(body))
    }

    /// Each item of the pack with its key and the hash of its rendered content, for
    /// ``PackChangeList``: exempt items are hashed as Part II shows them.
    ///
    /// The hash covers the item's section and generated appendices, not the cover (version,
    /// build time, warnings), so an item counts as replaced only when what a reader sees of it
    /// changes.
    public func itemEntries(for content: MeetingPackContent) -> [PackChangeList.Entry] {
        content.items.map { item in
            var rendered = Markup(text: "\(item.number)\u{1F}\(item.title)\u{1F}\(item.kind.rawValue)\u{1F}")
            rendered += agendaRow(item, in: content, part: item.isExempt ? .exempt : .public)
            if hasSection(item) { rendered += section(for: item, in: content) }
            return PackChangeList.Entry(
                key: item.key, number: item.number, title: item.title,
                contentHash: ContentAddress(ofUTF8: rendered.html).hex, isExempt: item.isExempt)
        }
    }

    /// Whether the item has a section of its own after the agenda: a report item (submitted
    /// or not), or any item with a report or appendices.
    func hasSection(_ item: MeetingPackContent.Item) -> Bool {
        item.kind == .report || item.report != nil || !item.generatedAppendices.isEmpty || item.minutes != nil
    }

    /// The `id` of an item's section.
    static func anchor(_ item: MeetingPackContent.Item) -> String {
        "item-\(item.number)"
    }

    /// The `id` of an item's `index`th generated appendix.
    static func anchor(_ item: MeetingPackContent.Item, appendix index: Int) -> String {
        "item-\(item.number)-appendix-\(PackFormat.appendixLetter(index).lowercased())"
    }

    /// "Performance scorecard", "Improvement plan action tracker".
    static func title(of appendix: Appendix) -> String {
        switch appendix {
        case .scorecard: "Performance scorecard"
        case .actionTracker: "Improvement plan action tracker"
        }
    }
}
