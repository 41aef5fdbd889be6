import NIOCore
import QuorumApplication
import QuorumDomain
import QuorumProtocol

/// ITEM ADD, REPORT SUBMIT and PACK BUILD, LIST, GET and PUBLISH: the meeting pack.
enum PackCommands {
    static let specs: [CommandSpec] = [
        CommandSpec(
            name: "ITEM ADD", usage: "<meeting-id> <title> [owner=<email>] [key=yes|<forward-plan-ref>] [exempt=<1-7>] [notice=<date>]",
            summary: "add an item to a meeting's agenda", operation: .itemAdd, arity: 2...6
        ) { context, invocation in
            let options = try invocation.options(from: 2, allowed: ["owner", "key", "exempt", "notice"])
            var isKey = false
            var paragraph: Int?
            if let text = options["exempt"] {
                guard let number = Int(text) else {
                    throw CommandError.badArgument(invocation.name, "exempt '\(text)' is not a Schedule 12A paragraph (1 to 7)")
                }
                paragraph = number
            }
            if let key = options["key"], !["yes", "no"].contains(key.lowercased()) {
                // key=<Forward Plan reference>: the item carries that key decision.
                guard options["notice"] == nil else {
                    throw CommandError.badArgument(invocation.name, "notice= is taken from the Forward Plan entry \(key)")
                }
                return invocation.reply(
                    try JSONReply.encode(
                        try await context.application.forwardPlan.addItem(
                            title: invocation.arguments[1], ownerEmail: options["owner"], reference: key, exemptParagraph: paragraph,
                            to: invocation.arguments[0], as: invocation.user)))
            }
            if let key = options["key"]?.lowercased() { isKey = key == "yes" }
            let item = PackService.NewItem(
                title: invocation.arguments[1], ownerEmail: options["owner"], isKeyDecision: isKey, exemptParagraph: paragraph,
                noticeGiven: try invocation.date(option: "notice", in: options))
            return invocation.reply(
                try JSONReply.encode(try await context.application.packs.addItem(item, to: invocation.arguments[0], as: invocation.user)))
        },
        CommandSpec(
            name: "REPORT SUBMIT", usage: "<meeting-id> <item number or key> <markdown>",
            summary: "submit a report: Markdown with the cover-report fields as front matter", operation: .reportSubmit, arity: 3...3
        ) { context, invocation in
            let entry = try await context.application.packs.submitReport(
                invocation.arguments[2], item: invocation.arguments[1], meeting: invocation.arguments[0], as: invocation.user)
            context.logger.info("report submitted", metadata: ["meeting": "\(entry.meeting)", "item": "\(entry.key)"])
            return invocation.reply(try JSONReply.encode(entry))
        },
        CommandSpec(
            name: "PACK BUILD", usage: "<meeting-id>", summary: "build a new version of the meeting's pack", operation: .packBuild,
            arity: 1...1
        ) { context, invocation in
            let pack = try await context.application.packs.build(invocation.arguments[0], as: invocation.user)
            context.logger.info("pack built", metadata: ["pack": "\(pack.id)", "warnings": "\(pack.warnings.count)"])
            return invocation.reply(try JSONReply.encode(pack))
        },
        CommandSpec(
            name: "PACK LIST", usage: "<meeting-id>", summary: "the pack's versions and what changed in each", operation: .packList,
            arity: 1...1
        ) { context, invocation in
            invocation.reply(try JSONReply.encode(try await context.application.packs.versions(of: invocation.arguments[0], as: invocation.user)))
        },
        CommandSpec(
            name: "PACK GET", usage: "<pack-id or meeting-id> [html|pdf] [public|exempt]", summary: "download a pack part",
            operation: .packGet, arity: 1...3
        ) { context, invocation in
            var format = PackFormat.html
            var part = PackPart.public
            for word in invocation.arguments.dropFirst().map({ $0.lowercased() }) {
                if let chosen = PackFormat(rawValue: word) {
                    format = chosen
                } else if let chosen = PackPart(rawValue: word) {
                    part = chosen
                } else {
                    throw CommandError.badArgument(invocation.name, "'\(word)' is not html, pdf, public or exempt")
                }
            }
            let data = try await context.application.packs.part(invocation.arguments[0], part, format, as: invocation.user)
            return invocation.reply(.bulkString(ByteBuffer(bytes: data)))
        },
        CommandSpec(
            name: "PACK PUBLISH", usage: "<pack-id> [reason=<text>]",
            summary: "publish a pack version; after the statutory deadline it needs a reason", operation: .packPublish, arity: 1...2
        ) { context, invocation in
            let options = try invocation.options(from: 1, allowed: ["reason"])
            let pack = try await context.application.packs.publish(invocation.arguments[0], reason: options["reason"], as: invocation.user)
            context.logger.info("pack published", metadata: ["pack": "\(pack.id)", "late": "\(pack.late ?? false)"])
            return invocation.reply(try JSONReply.encode(pack))
        },
    ]
}
