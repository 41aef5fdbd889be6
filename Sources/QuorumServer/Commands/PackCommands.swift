import QuorumApplication
import QuorumDomain

/// ITEM ADD, REPORT SUBMIT and PACK BUILD, LIST, GET and PUBLISH: the meeting pack.
enum PackCommands {
    static let specs: [CommandSpec] = [
        .document(
            "ITEM ADD", usage: "<meeting-id> <title> [owner=<email>] [key=yes|<forward-plan-ref>] [exempt=<1-7>] [notice=<date>]",
            summary: "add an item to a meeting's agenda", .itemAdd, arity: 2...6, argumentSize: .text
        ) { context, invocation in
            let options = try invocation.options(from: 2, allowed: ["owner", "key", "exempt", "notice"])
            let paragraph = try invocation.exemptParagraph(in: options)
            if let key = options["key"], !["yes", "no"].contains(key.lowercased()) {
                // key=<Forward Plan reference>: the item carries that key decision.
                guard options["notice"] == nil else {
                    throw CommandError.badArgument(invocation.name, "notice= is taken from the Forward Plan entry \(key)")
                }
                return try await context.application.forwardPlan.addItem(
                    title: invocation.arguments[1], ownerEmail: options["owner"], reference: key, exemptParagraph: paragraph,
                    to: invocation.arguments[0], as: invocation.user)
            }
            let item = PackService.NewItem(
                title: invocation.arguments[1], ownerEmail: options["owner"], isKeyDecision: options["key"]?.lowercased() == "yes",
                exemptParagraph: paragraph, noticeGiven: try invocation.date(option: "notice", in: options))
            return try await context.application.packs.addItem(item, to: invocation.arguments[0], as: invocation.user)
        },
        .document(
            "REPORT SUBMIT", usage: "<meeting-id> <item number or key> <markdown>",
            summary: "submit a report: Markdown with the cover-report fields as front matter", .reportSubmit, arity: 3...3, argumentSize: .document
        ) { context, invocation in
            let entry = try await context.application.packs.submitReport(
                invocation.arguments[2], item: invocation.arguments[1], meeting: invocation.arguments[0], as: invocation.user)
            context.logger.info("report submitted", metadata: ["meeting": "\(entry.meeting)", "item": "\(entry.key)"])
            return entry
        },
        .document(
            "PACK BUILD", usage: "<meeting-id>", summary: "build a new version of the meeting's pack", .packBuild, arity: 1...1
        ) { context, invocation in
            let pack = try await context.application.packs.build(invocation.arguments[0], as: invocation.user)
            context.logger.info("pack built", metadata: ["pack": "\(pack.id)", "warnings": "\(pack.warnings.count)"])
            return pack
        },
        .document(
            "PACK LIST", usage: "<meeting-id>", summary: "the pack's versions and what changed in each", .packList, arity: 1...1
        ) { context, invocation in
            try await context.application.packs.versions(of: invocation.arguments[0], as: invocation.user)
        },
        .file(
            "PACK GET", usage: "<pack-id or meeting-id> [html|pdf] [public|exempt]", summary: "download a pack part", .packGet,
            arity: 1...3
        ) { context, invocation in
            let (format, part) = try invocation.formatAndPart(from: 1)
            return try await context.application.packs.part(invocation.arguments[0], part, format, as: invocation.user)
        },
        .document(
            "PACK PUBLISH", usage: "<pack-id> [reason=<text>]",
            summary: "publish a pack version; after the statutory deadline it needs a reason", .packPublish, arity: 1...2, argumentSize: .text
        ) { context, invocation in
            let options = try invocation.options(from: 1, allowed: ["reason"])
            let pack = try await context.application.packs.publish(invocation.arguments[0], reason: options["reason"], as: invocation.user)
            context.logger.info("pack published", metadata: ["pack": "\(pack.id)", "late": "\(pack.late ?? false)"])
            return pack
        },
    ]
}
