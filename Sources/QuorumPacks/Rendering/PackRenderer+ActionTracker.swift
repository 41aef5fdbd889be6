import QuorumDomain

// The action tracker appendix: a table of actions per recommendation, with states shown as
// symbol and words as well as colour.
extension PackRenderer {
    func actionTrackerAppendix(_ tracker: ActionTrackerAppendix, heading: Markup, anchor: String) -> Markup {
        let all = tracker.groups.flatMap(\.actions)
        let counts = ActionState.allCases.map { state in (state, all.filter { $0.state == state }.count) }
        let tally = counts.filter { $0.1 > 0 }.map { "\($0.1) \(Self.stateLabel($0.0).lowercased())" }
        var html: Markup = """
            <h3 id="\(anchor)-heading">\(heading), as at \(PackFormat.date(tracker.asOf))</h3>
            <p class="key">\(all.count) action\(all.count == 1 ? "" : "s")\(tally.isEmpty ? "" : ": " + tally.joined(separator: ", ")). \
            <strong>States</strong> on \(PackFormat.date(tracker.asOf)): \(stateBadge(.overdue)) review date passed \
            with no update since; \(stateBadge(.due)) review date within the next 7 days; \(stateBadge(.open)); \
            \(stateBadge(.complete)).</p>

            """
        if tracker.groups.isEmpty {
            return html + "<p class=\"none-stated\">The plan has no actions yet.</p>\n"
        }
        for (groupIndex, group) in tracker.groups.enumerated() {
            let groupAnchor = "\(anchor)-r\(groupIndex + 1)"
            let title: Markup = group.title.isEmpty ? "" : ": \(group.title)"
            html += """
                <section class="tracker-group" aria-labelledby="\(groupAnchor)-heading">
                <h4 id="\(groupAnchor)-heading">Recommendation \(group.recommendationID)\(title)</h4>
                <table class="actions">
                <caption>Actions of recommendation \(group.recommendationID), as at \(PackFormat.date(tracker.asOf))</caption>
                <thead><tr><th scope="col">Ref</th><th scope="col">Action</th><th scope="col">Lead</th>\
                <th scope="col">Review date</th><th scope="col">State</th><th scope="col">RAG</th><th scope="col">Latest update</th></tr></thead>
                <tbody>

                """
            for action in group.actions {
                var state = stateBadge(action.state)
                if action.daysOverdue > 0 {
                    state += "<span class=\"overdue-days\">by \(action.daysOverdue) day\(action.daysOverdue == 1 ? "" : "s")</span>"
                }
                let update: Markup =
                    action.latestUpdate.map {
                        "<span class=\"update-date\">\(PackFormat.shortDate($0.date))</span> \($0.text)"
                    } ?? "<span class=\"none-stated\">No update</span>"
                let rag: Markup =
                    action.rag.map { "<span class=\"rag rag-\($0.rawValue)\">\(Self.ragLabel($0))</span>" }
                    ?? "<span class=\"none-stated\">Not rated</span>"
                let origin: Markup =
                    action.resolution.map { "<span class=\"created-by\">Created by resolution \($0)</span>" } ?? ""
                html += """
                    <tr class="state-row-\(action.state.rawValue)"><th scope="row">\(action.ref)</th><td>\(action.text)\(origin)</td>\
                    <td>\(action.leadRole)</td><td class="review-date">\(PackFormat.reviewDate(action.reviewDate))</td>\
                    <td>\(state)</td><td class="rag-rating">\(rag)</td><td class="update">\(update)</td></tr>

                    """
            }
            html += "</tbody>\n</table>\n</section>\n"
        }
        return html
    }

    func stateBadge(_ state: ActionState) -> Markup {
        "<span class=\"state state-\(state.rawValue)\"><span class=\"symbol\" aria-hidden=\"true\">\(Self.stateSymbol(state))</span> \(Self.stateLabel(state))</span>"
    }

    static func stateLabel(_ state: ActionState) -> String {
        switch state {
        case .complete: "Complete"
        case .overdue: "Overdue"
        case .due: "Due"
        case .open: "Open"
        }
    }

    /// The rating in words as well as colour.
    static func ragLabel(_ rating: RAGRating) -> String {
        switch rating {
        case .red: "Red"
        case .amber: "Amber"
        case .green: "Green"
        }
    }

    static func stateSymbol(_ state: ActionState) -> String {
        switch state {
        case .complete: "✓"
        case .overdue: "!"
        case .due: "◷"
        case .open: "○"
        }
    }
}
