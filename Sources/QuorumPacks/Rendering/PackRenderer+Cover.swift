import QuorumDomain

// The front of the pack: the cover, the contents and the agenda.
extension PackRenderer {
    /// The cover page: council-style title, the part, when and where, version, publication
    /// deadline, and what the build found.
    func cover(_ content: MeetingPackContent, part: PackPart) -> Markup {
        var html: Markup = "<header class=\"cover\">\n"
        if let council = configuration.councilName {
            html += "<p class=\"council\">\(council)</p>\n"
        }
        html += "<p class=\"part-marking part-marking-\(part.rawValue)\">\(part.marking)</p>\n"
        html += """
            <h1><span class="board-name">\(content.board.name)</span></h1>
            <p class="document-kind">Agenda and reports</p>
            <dl class="meeting-facts">
            <dt>Date</dt><dd class="meeting-date">\(PackFormat.longDate(content.meeting.date))</dd>
            <dt>Time</dt><dd>\(PackFormat.time(content.meeting.time))</dd>
            <dt>Venue</dt><dd>\(content.meeting.venue)</dd>
            </dl>
            <dl class="pack-facts">
            <dt>Version</dt><dd>\(content.version), built \(PackFormat.instant(content.builtAt))</dd>
            <dt>Publish by</dt><dd>\(PackFormat.longDate(content.publishBy)) (five clear working days before the meeting)</dd>
            </dl>

            """
        switch part {
        case .public where !content.board.meetsInPublic:
            html += """
                <p class="notice">This board does not meet in public: its papers are for its members and officers.</p>

                """
        case .public:
            break
        case .exempt:
            html += """
                <p class="notice notice-exempt"><strong>Not for publication.</strong> This part of the pack contains \
                exempt information as described in Schedule 12A to the Local Government Act 1972. It is for the \
                members of the board and the officers supporting it only, and must not be shared.</p>

                """
        }
        html += "</header>\n"
        html += warnings(content.warnings)
        if let changes = content.changes {
            html += changeList(changes, since: content.version - 1)
        }
        return html
    }

    private func warnings(_ warnings: [String]) -> Markup {
        var html: Markup = """
            <section class="warnings" aria-labelledby="warnings-heading">
            <h2 id="warnings-heading">Build warnings</h2>

            """
        if warnings.isEmpty {
            html += "<p>None: every check passed when this version was built.</p>\n"
        } else {
            html += "<ul>\n"
            for warning in warnings {
                html += "<li><span class=\"warning-symbol\" aria-hidden=\"true\">⚠</span> \(warning)</li>\n"
            }
            html += "</ul>\n"
        }
        return html + "</section>\n"
    }

    private func changeList(_ changes: PackChangeList, since version: Int) -> Markup {
        var html: Markup = """
            <section class="changes" aria-labelledby="changes-heading">
            <h2 id="changes-heading">Changes since version \(version)</h2>

            """
        if changes.isEmpty {
            return html + "<p>No item has changed.</p>\n</section>\n"
        }
        html += "<ul>\n"
        let groups: [(String, [PackChangeList.Entry])] = [
            ("Added", changes.added), ("Replaced", changes.replaced), ("Withdrawn", changes.removed),
        ]
        for (label, entries) in groups {
            for entry in entries {
                html += "<li><strong>\(label):</strong> item \(entry.number), \(entry.title)\(entry.isExempt ? " (Part II)" : "")</li>\n"
            }
        }
        return html + "</ul>\n</section>\n"
    }

    /// The contents list, with page numbers in print.
    func contents(_ content: MeetingPackContent, part: PackPart) -> Markup {
        var html: Markup = """
            <nav class="contents" id="contents" aria-labelledby="contents-heading">
            <h2 id="contents-heading">Contents</h2>
            <ol>
            <li><a href="#agenda">Agenda</a></li>

            """
        for item in content.items {
            if item.isExempt && part == .public {
                html += """
                    <li><a href="#\(Self.anchor(item))">Item \(item.number): \(item.title)</a> \
                    <span class="exempt-marking">\(ScheduleTwelveA.marking(paragraph: item.effectiveExemptParagraph!))</span></li>

                    """
                continue
            }
            guard item.isExempt == (part == .exempt), hasSection(item) else { continue }
            html += "<li><a href=\"#\(Self.anchor(item))\">Item \(item.number): \(item.title)</a>"
            let appendices = item.generatedAppendices
            if !appendices.isEmpty {
                html += "\n<ol>\n"
                for (index, appendix) in appendices.enumerated() {
                    html += """
                        <li><a href="#\(Self.anchor(item, appendix: index))">Appendix \(PackFormat.appendixLetter(index)): \
                        \(Self.title(of: appendix))</a></li>

                        """
                }
                html += "</ol>\n"
            }
            html += "</li>\n"
        }
        html += "</ol>\n"
        if part == .exempt && content.items(in: .exempt).isEmpty {
            html += "<p>There are no exempt items at this meeting.</p>\n"
        }
        return html + "</nav>\n"
    }

    /// The agenda: every item in Part I (exempt ones by number, title and paragraph only),
    /// only the exempt items in Part II.
    func agenda(_ content: MeetingPackContent, part: PackPart) -> Markup {
        var html: Markup = """
            <section class="agenda" id="agenda" aria-labelledby="agenda-heading">
            <h2 id="agenda-heading">Agenda</h2>

            """
        let listed = part == .public ? content.items : content.items(in: .exempt)
        if part == .exempt {
            html += "<p>The items below are exempt and are taken in private. The other items of the meeting are in Part I, the public pack.</p>\n"
        }
        guard !listed.isEmpty else {
            return html + "<p>There are no items on this part of the agenda.</p>\n</section>\n"
        }
        html += """
            <table class="agenda-table">
            <caption>Agenda for \(PackFormat.longDate(content.meeting.date))</caption>
            <thead><tr><th scope="col">Item</th><th scope="col">Subject</th><th scope="col">Report of</th><th scope="col">Notes</th></tr></thead>
            <tbody>

            """
        for item in listed {
            html += agendaRow(item, in: content, part: part)
        }
        return html + "</tbody>\n</table>\n</section>\n"
    }

    /// One line of the agenda. An exempt item in Part I shows its number, title and paragraph,
    /// and nothing else.
    func agendaRow(_ item: MeetingPackContent.Item, in content: MeetingPackContent, part: PackPart) -> Markup {
        if item.isExempt && part == .public {
            return """
                <tr class="agenda-exempt"><th scope="row">\(item.number)</th><td>\(item.title)</td><td></td>\
                <td>\(ScheduleTwelveA.marking(paragraph: item.effectiveExemptParagraph!))</td></tr>

                """
        }
        let subject: Markup = hasSection(item) ? "<a href=\"#\(Self.anchor(item))\">\(item.title)</a>" : "\(item.title)"
        var notes: [String] = []
        if item.effectiveKeyDecision { notes.append("Key decision") }
        if let paragraph = item.effectiveExemptParagraph { notes.append(ScheduleTwelveA.marking(paragraph: paragraph)) }
        if item.kind == .report && item.report == nil { notes.append("Report not yet submitted") }
        let reportOf = item.report?.reportOf ?? item.owner
        return """
            <tr><th scope="row">\(item.number)</th><td>\(subject)</td><td>\(reportOf)</td>\
            <td>\(notes.joined(separator: "; "))</td></tr>

            """
    }

    /// What Part I shows of an exempt item: its number, its title and the paragraph.
    func exemptNotice(_ item: MeetingPackContent.Item) -> Markup {
        let paragraph = item.effectiveExemptParagraph!
        return """
            <section class="item item-exempt-notice" id="\(Self.anchor(item))" aria-labelledby="\(Self.anchor(item))-heading">
            <h2 id="\(Self.anchor(item))-heading">Item \(item.number): \(item.title)</h2>
            <p class="exempt-marking">\(ScheduleTwelveA.marking(paragraph: paragraph))</p>
            <p>\(ScheduleTwelveA.description(ofParagraph: paragraph) ?? "")</p>
            <p>This item is in Part II of the pack, which is not for publication. The public may be excluded from \
            the meeting while it is considered.</p>
            </section>

            """
    }
}
