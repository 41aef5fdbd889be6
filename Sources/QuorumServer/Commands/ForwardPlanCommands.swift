import QuorumApplication
import QuorumDomain

/// FORWARD ADD, SET, LINK, LIST, GET and DOCUMENT: the Forward Plan of key decisions.
enum ForwardPlanCommands {
    static let specs: [CommandSpec] = [
        .document(
            "FORWARD ADD",
            usage: "<reference> <decision-maker> <title> [meeting=<meeting-id>] [report=<title>] [owner=<email>] [owner_role=<role>] [published=<date>] [exempt=<1-7>]",
            summary: "put a key decision on the Forward Plan", .forwardAdd, arity: 3...9, argumentSize: .text
        ) { context, invocation in
            let options = try invocation.options(
                from: 3, allowed: ["meeting", "report", "owner", "owner_role", "published", "exempt"])
            let new = ForwardPlanService.NewEntry(
                reference: invocation.arguments[0], title: invocation.arguments[2], decisionMaker: invocation.arguments[1],
                meetingID: options["meeting"], reportTitle: options["report"], reportOwner: options["owner"],
                reportOwnerRole: options["owner_role"], firstPublished: try invocation.date(option: "published", in: options),
                exemptParagraph: try invocation.exemptParagraph(in: options))
            return try await context.application.forwardPlan.add(new, as: invocation.user)
        },
        .document(
            "FORWARD SET",
            usage: "<reference> [title=…] [meeting=<meeting-id>] [report=…] [owner=<email>] [owner_role=…] [published=<date>] [exempt=<1-7>] [chair_informed=<date>] [exception_notice=<date>] [exception_reasons=<date>] [urgency_by=<who>] [urgency_on=<date>] [urgency_reasons=<date>]",
            summary: "change an entry, or record its notices under the general exception or special urgency",
            .forwardSet, arity: 2...15, argumentSize: .text
        ) { context, invocation in
            let options = try invocation.options(
                from: 1,
                allowed: [
                    "title", "meeting", "report", "owner", "owner_role", "published", "exempt", "chair_informed", "exception_notice",
                    "exception_reasons", "urgency_by", "urgency_on", "urgency_reasons",
                ])
            var change = ForwardPlanService.Change()
            change.title = options["title"]
            change.meetingID = options["meeting"]
            change.reportTitle = options["report"]
            change.reportOwner = options["owner"]
            change.reportOwnerRole = options["owner_role"]
            change.firstPublished = try invocation.date(option: "published", in: options)
            change.exemptParagraph = try invocation.exemptParagraph(in: options)
            change.chairInformedOn = try invocation.date(option: "chair_informed", in: options)
            change.exceptionNoticeOn = try invocation.date(option: "exception_notice", in: options)
            change.exceptionReasonsOn = try invocation.date(option: "exception_reasons", in: options)
            change.urgencyAgreedBy = options["urgency_by"]
            change.urgencyAgreedOn = try invocation.date(option: "urgency_on", in: options)
            change.urgencyReasonsOn = try invocation.date(option: "urgency_reasons", in: options)
            return try await context.application.forwardPlan.update(invocation.arguments[0], change, as: invocation.user)
        },
        .document(
            "FORWARD LINK", usage: "<reference> <meeting-id> <item number or key>",
            summary: "name the agenda item that carries a key decision", .forwardLink, arity: 3...3
        ) { context, invocation in
            let arguments = invocation.arguments
            return try await context.application.forwardPlan.link(arguments[0], meeting: arguments[1], item: arguments[2], as: invocation.user)
        },
        .document(
            "FORWARD LIST", usage: "[decision-maker] [asof=YYYY-MM-DD]",
            summary: "the key decisions on the Forward Plan, each with whether its notice was given", .forwardList,
            arity: 0...2
        ) { context, invocation in
            let board = invocation.positional(0)
            return try await context.application.forwardPlan.entries(
                decisionMaker: board, asOf: try invocation.asOf(from: board == nil ? 0 : 1), as: invocation.user)
        },
        .document(
            "FORWARD GET", usage: "<reference> [asof=YYYY-MM-DD]",
            summary: "one key decision, the route of its notice and what that route still needs", .forwardGet,
            arity: 1...2
        ) { context, invocation in
            try await context.application.forwardPlan.entry(invocation.arguments[0], asOf: try invocation.asOf(from: 1), as: invocation.user)
        },
        .file(
            "FORWARD DOCUMENT", usage: "[html|pdf] [asof=YYYY-MM-DD]",
            summary: "the published Forward Plan as a document", .forwardDocument, arity: 0...2
        ) { context, invocation in
            let word = invocation.positional(0)
            var format = PackFormat.html
            if let word {
                guard let chosen = PackFormat(rawValue: word.lowercased()) else {
                    throw CommandError.badArgument(invocation.name, "'\(word)' is not html or pdf")
                }
                format = chosen
            }
            return try await context.application.forwardPlan.publishedDocument(
                format: format, asOf: try invocation.asOf(from: word == nil ? 0 : 1), as: invocation.user)
        },
    ]
}
