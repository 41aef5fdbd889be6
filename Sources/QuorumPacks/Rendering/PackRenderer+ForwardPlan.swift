import QuorumDomain

// The Forward Plan as a document of its own: one table row per key decision, in the order of
// the decision dates, with the same stylesheet and accessibility as the packs.
extension PackRenderer {
    /// The published Forward Plan as one self-contained HTML document (the same content gives
    /// the same bytes). An exempt decision is listed, as the regulations require, with its
    /// Schedule 12A paragraph: its papers, not its existence, are private, and the report's
    /// particulars of an entry given as ``ForwardPlanContent/Entry/reportWithheld`` are not printed.
    public func renderForwardPlanHTML(_ content: ForwardPlanContent) -> String {
        let title = "Forward Plan of key decisions, as at \(PackFormat.longDate(content.asOf))"
        var rows: Markup = .empty
        for item in content.entries {
            let entry = item.entry
            let maker = content.boardNames[entry.decisionMaker].map { "\($0) (\(entry.decisionMaker))" } ?? entry.decisionMaker
            let date = entry.meetingDate.map { PackFormat.longDate($0) } ?? "Not yet fixed"
            let report: String =
                if item.reportWithheld, let paragraph = entry.exemptParagraph {
                    "Withheld: \(ScheduleTwelveA.marking(paragraph: paragraph))"
                } else {
                    switch (entry.reportTitle, entry.reportOwner) {
                    case (let title?, let owner?): "\(title), from the \(owner.role)"
                    case (let title?, nil): title
                    case (nil, let owner?): "From the \(owner.role)"
                    case (nil, nil): "Not yet stated"
                    }
                }
            let exempt = entry.exemptParagraph.map { "Yes: \(ScheduleTwelveA.marking(paragraph: $0))" } ?? "No"
            let published = entry.firstPublished.map { PackFormat.longDate($0) } ?? "Not on the plan"
            let route: String =
                switch item.notice.route {
                case .forwardPlan?: "Forward Plan (28 clear days)"
                case .generalException?: "General exception (regulation 10)"
                case .specialUrgency?: "Special urgency (regulation 11)"
                case nil: "Not yet counted"
                }
            var carried: Markup = .empty
            for linked in item.items {
                let name = "\(linked.meetingID), item \(linked.number): \(linked.title)"
                if let base = content.portalURL {
                    carried += "<li><a href=\"\(base)/meetings/\(linked.meetingID)\">\(name)</a></li>"
                } else {
                    carried += "<li>\(name)</li>"
                }
            }
            let agenda: Markup = item.items.isEmpty ? "Not yet on an agenda" : "<ul class=\"agenda-items\">\(carried)</ul>"
            rows += """
                <tr>
                <th scope="row">\(entry.reference)</th>
                <td>\(entry.title)</td>
                <td>\(maker)</td>
                <td>\(date)</td>
                <td>\(report)</td>
                <td>\(exempt)</td>
                <td>\(published)</td>
                <td>\(route)</td>
                <td>\(agenda)</td>
                </tr>

                """
        }
        let table: Markup =
            content.entries.isEmpty
            ? "<p>No key decisions are on the plan.</p>\n"
            : """
            <table class="forward-plan">
            <caption>Key decisions, by the date they are expected</caption>
            <thead>
            <tr><th scope="col">Reference</th><th scope="col">Decision</th><th scope="col">Decision maker</th><th scope="col">Expected</th><th scope="col">Report</th><th scope="col">Exempt</th><th scope="col">First published</th><th scope="col">Notice</th><th scope="col">Agenda item</th></tr>
            </thead>
            <tbody>
            \(rows)</tbody>
            </table>

            """
        let council: Markup = configuration.councilName.map { "<p class=\"council\">\($0)</p>\n" } ?? .empty
        let body: Markup = """
            <header>
            \(council)<h1>\(title)</h1>
            <p>Notice under regulation 9 of the Local Authorities (Executive Arrangements) (Meetings and Access to Information) (England) Regulations 2012 of the key decisions to be taken, published at least 28 clear days before each decision. A decision that could not be given this notice is listed with the route taken instead.</p>
            </header>
            <main id="main">
            \(table)</main>

            """
        return document(title: title, kind: .forwardPlan, body: body)
    }
}
