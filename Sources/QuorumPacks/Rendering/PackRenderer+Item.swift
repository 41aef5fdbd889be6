import QuorumDomain

// An item's section: its cover report laid out as the council template, the report's body,
// and the generated appendices.
extension PackRenderer {
    func section(for item: MeetingPackContent.Item, in content: MeetingPackContent) -> Markup {
        let anchor = Self.anchor(item)
        var html: Markup = """
            <section class="item" id="\(anchor)" aria-labelledby="\(anchor)-heading">
            <h2 id="\(anchor)-heading"><span class="item-number">Item \(item.number):</span> \(item.title)</h2>

            """
        if let report = item.report {
            html += coverReport(report, item: item, in: content)
            let body = ReportMarkdown.html(from: report.body, topHeadingLevel: 4)
            if !body.isEmpty {
                html += """
                    <section class="report-body" id="\(anchor)-report" aria-labelledby="\(anchor)-report-heading">
                    <h3 id="\(anchor)-report-heading">Report</h3>
                    \(body)
                    </section>

                    """
            }
        } else if item.kind == .report {
            html += "<p class=\"not-submitted\">The report for this item has not been submitted.</p>\n"
        }
        if let minutes = item.minutes {
            html += minutesSection(minutes, item: item)
        }
        for (index, appendix) in item.generatedAppendices.enumerated() {
            html += generatedAppendix(appendix, index: index, item: item, in: content)
        }
        return html + "</section>\n"
    }

    // MARK: - The cover report

    /// The template: its table of fields, then its sections in order.
    func coverReport(_ report: CoverReport, item: MeetingPackContent.Item, in content: MeetingPackContent) -> Markup {
        let anchor = Self.anchor(item)
        let forwardPlan: String
        switch (report.isInForwardPlan, report.forwardPlanDate, report.forwardPlanReference) {
        case (_, let date?, let reference?): forwardPlan = "Yes: \(reference) (notice published \(PackFormat.date(date)))"
        case (_, let date?, nil): forwardPlan = "Yes (notice published \(PackFormat.date(date)))"
        case (_, nil, let reference?): forwardPlan = "Not yet: \(reference) is not yet published on the plan"
        case (let included?, nil, nil): forwardPlan = PackFormat.yesNo(included)
        case (nil, nil, nil): forwardPlan = "Not stated"
        }
        let exempt = item.effectiveExemptParagraph.map { "Yes: \(ScheduleTwelveA.marking(paragraph: $0))" } ?? "No"
        let fields: [(String, String)] = [
            ("Report to", content.board.name),
            ("Date of Meeting", PackFormat.longDate(content.meeting.date)),
            ("Subject", report.subject),
            ("Report of", report.reportOf),
            ("Wards Affected", report.wards.isEmpty ? "Not stated" : report.wards.joined(separator: ", ")),
            ("Portfolio", report.portfolio ?? "Not stated"),
            ("Is this a Key Decision", PackFormat.yesNo(item.effectiveKeyDecision)),
            ("Included in Forward Plan", forwardPlan),
            ("Exempt / Confidential Report", exempt),
        ]
        var html: Markup = """
            <div class="cover-report">
            <table class="template-fields">
            <caption>Cover report</caption>
            <tbody>

            """
        for (label, value) in fields {
            html += "<tr><th scope=\"row\">\(label)</th><td>\(value)</td></tr>\n"
        }
        html += "</tbody>\n</table>\n"

        html += templateSection("Summary", id: "\(anchor)-summary", paragraphs(report.summary))
        var recommendations: Markup = "<ol class=\"recommendations\">\n"
        for recommendation in report.recommendations {
            recommendations += "<li>\(recommendation)</li>\n"
        }
        recommendations += "</ol>\n"
        html += templateSection("Recommendation(s)", id: "\(anchor)-recommendations", recommendations)
        html += templateSection("Reasons for the Recommendation(s)", id: "\(anchor)-reasons", paragraphs(report.reasons))
        html += templateSection(
            "Alternative Options Considered and Rejected", id: "\(anchor)-alternatives",
            "<p class=\"section-note\">Including any risk implications.</p>\n" + paragraphs(report.alternativeOptions))
        html += templateSection(
            "What will it cost and how will it be financed?", id: "\(anchor)-costs",
            subsection("(A) Revenue Costs", report.revenueCosts) + subsection("(B) Capital Costs", report.capitalCosts))
        html += templateSection(
            "Implications of the Proposals", id: "\(anchor)-implications",
            subsection("Resource Implications (Financial, IT, Staffing and Assets)", report.implications.resource)
                + subsection("Legal Implications", report.implications.legal)
                + subsection("Equality Implications", report.implications.equality))
        html += templateSection(
            "Contribution to the Council’s Core Purpose", id: "\(anchor)-core-purpose", corePurpose(report))
        html += templateSection(
            "What consultations have taken place on the proposals and when?", id: "\(anchor)-consultations",
            subsection("(A) Internal Consultations", report.consultations.internal)
                + subsection("(B) External Consultations", report.consultations.external))
        html += templateSection(
            "Implementation Date for the Decision", id: "\(anchor)-implementation", paragraphs(report.implementationDate))
        html += templateSection("Contact Officer", id: "\(anchor)-contact", contactOfficer(report.contactOfficer))
        html += templateSection("Appendices", id: "\(anchor)-appendices", appendixList(report, item: item))
        html += templateSection(
            "Background Papers", id: "\(anchor)-background",
            report.backgroundPapers.isEmpty ? noneStated : list(report.backgroundPapers))
        return html + "</div>\n"
    }

    private var noneStated: Markup { "<p class=\"none-stated\">None stated.</p>\n" }

    private func templateSection(_ heading: String, id: String, _ body: Markup) -> Markup {
        """
        <section class="template-section" aria-labelledby="\(id)">
        <h3 id="\(id)">\(heading)</h3>
        \(body)</section>

        """
    }

    private func subsection(_ heading: String, _ text: String?) -> Markup {
        "<h4>\(heading)</h4>\n" + paragraphs(text)
    }

    /// Plain text as paragraphs: a blank line starts a new one, other line breaks are spaces.
    func paragraphs(_ text: String?) -> Markup {
        guard let text, !text.isBlank else { return noneStated }
        return Markup.joined(text.paragraphs.map { "<p>\($0.joined(separator: " "))</p>\n" })
    }

    private func list(_ entries: [String]) -> Markup {
        "<ul>\n" + Markup.joined(entries.map { "<li>\($0)</li>\n" }) + "</ul>\n"
    }

    private func corePurpose(_ report: CoverReport) -> Markup {
        var html: Markup = """
            <table class="core-purpose">
            <caption>The report’s contribution under each heading of the core purpose</caption>
            <thead><tr><th scope="col">Core purpose</th><th scope="col">Contribution</th></tr></thead>
            <tbody>

            """
        for heading in CorePurposeHeading.allCases {
            let text = report.corePurpose[heading]
            let cell: Markup = text.map { "\($0)" } ?? "<span class=\"none-stated\">None stated</span>"
            html += "<tr><th scope=\"row\">\(heading.title)</th><td>\(cell)</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    private func contactOfficer(_ officer: CoverReport.ContactOfficer) -> Markup {
        var html: Markup = "<dl class=\"contact\">\n<dt>Role</dt><dd>\(officer.role)</dd>\n"
        if let email = officer.email {
            if let safe = HTMLSanitizer.safeURL("mailto:" + email) {
                html += "<dt>Email</dt><dd><a href=\"\(safe)\">\(email)</a></dd>\n"
            } else {
                html += "<dt>Email</dt><dd>\(email)</dd>\n"
            }
        }
        if let telephone = officer.telephone {
            html += "<dt>Telephone</dt><dd>\(telephone)</dd>\n"
        }
        return html + "</dl>\n"
    }

    private func appendixList(_ report: CoverReport, item: MeetingPackContent.Item) -> Markup {
        var entries: [Markup] = []
        for (index, appendix) in item.generatedAppendices.enumerated() {
            entries.append(
                "<a href=\"#\(Self.anchor(item, appendix: index))\">Appendix \(PackFormat.appendixLetter(index)): \(Self.title(of: appendix))</a> (in this pack)")
        }
        for title in report.ownAppendices {
            entries.append("\(title)")
        }
        guard !entries.isEmpty else { return noneStated }
        return "<ul>\n" + Markup.joined(entries.map { "<li>\($0)</li>\n" }) + "</ul>\n"
    }

    // MARK: - Generated appendices

    func generatedAppendix(
        _ appendix: Appendix, index: Int, item: MeetingPackContent.Item, in content: MeetingPackContent
    ) -> Markup {
        let anchor = Self.anchor(item, appendix: index)
        let heading: Markup = "Appendix \(PackFormat.appendixLetter(index)) to item \(item.number): \(Self.title(of: appendix))"
        var html: Markup = """
            <section class="appendix appendix-\(appendix.rawValue.replacing("_", with: "-"))" id="\(anchor)" aria-labelledby="\(anchor)-heading">

            """
        switch appendix {
        case .scorecard:
            if let scorecard = content.scorecard {
                html += scorecardAppendix(scorecard, heading: heading, anchor: anchor)
            } else {
                html += "<h3 id=\"\(anchor)-heading\">\(heading)</h3>\n<p class=\"none-stated\">No scorecard data was available when this version was built.</p>\n"
            }
        case .actionTracker:
            if let tracker = content.actionTracker {
                html += actionTrackerAppendix(tracker, heading: heading, anchor: anchor)
            } else {
                html += "<h3 id=\"\(anchor)-heading\">\(heading)</h3>\n<p class=\"none-stated\">No improvement plan actions were available when this version was built.</p>\n"
            }
        }
        return html + "</section>\n"
    }
}
