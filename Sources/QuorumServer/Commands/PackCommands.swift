import Foundation
import NIOCore
import QuorumDomain
import QuorumPacks
import QuorumProtocol
import QuorumStorage

/// ITEM ADD, REPORT SUBMIT and PACK BUILD, LIST, GET and PUBLISH: the meeting pack.
enum PackCommands {
    static let specs: [CommandSpec] = [
        CommandSpec(
            name: "ITEM ADD", usage: "<meeting-id> <title> [owner=<email>] [key=yes] [exempt=<1-7>] [notice=<date>]",
            summary: "add an item to a meeting's agenda", access: "secretary of the board, admin", arity: 2...6
        ) { context, invocation in
            let user = try invocation.requireUser()
            let meeting = try await context.meeting(invocation.arguments[0], for: invocation.name)
            guard user.isSecretary(of: meeting.boardCode) else {
                throw CommandError.notPermitted(invocation.name, "only the secretary of \(meeting.boardCode) or an admin may add items")
            }
            let title = invocation.arguments[1].trimmingCharacters(in: .whitespacesAndNewlines)
            guard !title.isEmpty else { throw CommandError.badArgument(invocation.name, "the title is empty") }
            let options = try invocation.options(from: 2, allowed: ["owner", "key", "exempt", "notice"])
            if let owner = options["owner"], !UserCommands.isPlausibleEmail(owner) {
                throw CommandError.badArgument(invocation.name, "owner '\(owner)' is not an email address")
            }
            var isKey = false
            if let key = options["key"]?.lowercased() {
                guard ["yes", "no"].contains(key) else { throw CommandError.badArgument(invocation.name, "key must be yes or no") }
                isKey = key == "yes"
            }
            var paragraph: Int?
            if let text = options["exempt"] {
                guard let number = Int(text), ScheduleTwelveA.description(ofParagraph: number) != nil else {
                    throw CommandError.badArgument(invocation.name, "exempt '\(text)' is not a Schedule 12A paragraph (1 to 7)")
                }
                paragraph = number
            }
            let notice = try invocation.date(option: "notice", in: options)
            let item = try await context.database.addAgendaItem(
                meetingID: meeting.id, title: title, ownerEmail: options["owner"], isKeyDecision: isKey,
                exemptParagraph: paragraph, noticeGiven: notice, addedBy: user.name, now: context.clock.now())
            let agenda = try await context.agenda(of: meeting)
            let entry = agenda.entry(item.key)!
            return CommandOutcome(reply: try JSONReply.encode(AgendaEntryDocument(entry, submitted: nil)), session: invocation.session)
        },
        CommandSpec(
            name: "REPORT SUBMIT", usage: "<meeting-id> <item number or key> <markdown>",
            summary: "submit a report: Markdown with the cover-report fields as front matter",
            access: "the item's owner, secretary of the board, admin", arity: 3...3
        ) { context, invocation in
            let user = try invocation.requireUser()
            let meeting = try await context.meeting(invocation.arguments[0], for: invocation.name)
            let agenda = try await context.agenda(of: meeting)
            guard let entry = agenda.entry(invocation.arguments[1]) else {
                throw CommandError(.notfound, "REPORT SUBMIT: no item '\(invocation.arguments[1])' on the agenda of \(meeting.id)")
            }
            guard entry.takesReport else {
                throw CommandError.badArgument(invocation.name, "item \(entry.number) (\(entry.title)) takes no report")
            }
            let isOwner = entry.ownerEmail.map { $0.lowercased() == user.name.lowercased() } ?? false
            guard user.isSecretary(of: meeting.boardCode) || isOwner else {
                throw CommandError.notPermitted(
                    invocation.name, "only the item's owner (\(entry.ownerEmail ?? "none")), the secretary of \(meeting.boardCode) or an admin may submit it")
            }
            let markdown = invocation.arguments[2]
            let report: CoverReport
            do {
                report = try CoverReport.parse(markdown: markdown)
            } catch {
                throw CommandError(.badinput, "\(error)")
            }
            let stored = try await context.database.submitReport(
                meetingID: meeting.id, itemKey: entry.key, occurrenceID: entry.occurrence?.id, markdown: markdown,
                subject: report.subject, by: user.name, now: context.clock.now())
            context.logger.info("report submitted", metadata: ["meeting": "\(meeting.id)", "item": "\(entry.key)", "by": "\(user.name)"])
            return CommandOutcome(reply: try JSONReply.encode(AgendaEntryDocument(entry, submitted: stored)), session: invocation.session)
        },
        CommandSpec(
            name: "PACK BUILD", usage: "<meeting-id>", summary: "build a new version of the meeting's pack",
            access: "secretary of the board, admin", arity: 1...1
        ) { context, invocation in
            let user = try invocation.requireUser()
            let meeting = try await context.meeting(invocation.arguments[0], for: invocation.name)
            guard user.isSecretary(of: meeting.boardCode) else {
                throw CommandError.notPermitted(invocation.name, "only the secretary of \(meeting.boardCode) or an admin may build its pack")
            }
            let builder = try packs(context)
            let pack: StoredPack
            do {
                pack = try await builder.build(meeting, by: user, context: context)
            } catch PackStoreError.versionTaken(_, let version) {
                throw CommandError(.conflict, "PACK BUILD: another build saved version \(version) first; build again")
            } catch let error as PDFRenderError {
                throw CommandError(.internal, "PACK BUILD: the PDF could not be made: \(error)")
            }
            context.logger.info("pack built", metadata: ["pack": "\(pack.id)", "warnings": "\(pack.warnings.count)"])
            return CommandOutcome(reply: try JSONReply.encode(PackDocument(pack, context: context, meeting: meeting)), session: invocation.session)
        },
        CommandSpec(
            name: "PACK LIST", usage: "<meeting-id>", summary: "the pack's versions and what changed in each",
            access: "anyone (published); secretary (all)", arity: 1...1
        ) { context, invocation in
            let meeting = try await context.meeting(invocation.arguments[0], for: invocation.name)
            let isSecretary = invocation.session.user?.isSecretary(of: meeting.boardCode) ?? false
            let packs = try await context.database.packs(meetingID: meeting.id).filter { isSecretary || $0.publishedAt != nil }
            return CommandOutcome(
                reply: try JSONReply.encode(packs.map { PackDocument($0, context: context, meeting: meeting) }), session: invocation.session)
        },
        CommandSpec(
            name: "PACK GET", usage: "<pack-id or meeting-id> [html|pdf] [public|exempt]",
            summary: "download a pack part", access: "anyone for published public parts; board members for exempt", arity: 1...3
        ) { context, invocation in
            var format = "html"
            var part = PackPart.public
            for word in invocation.arguments.dropFirst().map({ $0.lowercased() }) {
                switch word {
                case "html", "pdf": format = word
                case "public": part = .public
                case "exempt": part = .exempt
                default: throw CommandError.badArgument(invocation.name, "'\(word)' is not html, pdf, public or exempt")
                }
            }
            let (pack, meeting) = try await resolve(invocation.arguments[0], context: context, user: invocation.session.user)
            let user = invocation.session.user
            let isSecretary = user?.isSecretary(of: meeting.boardCode) ?? false
            guard pack.publishedAt != nil || isSecretary else {
                throw CommandError(.notfound, "PACK GET: \(pack.id) is not published")
            }
            if part == .exempt {
                guard let user else { throw CommandError.authenticationRequired(invocation.name) }
                guard try await canSeeExempt(user, board: meeting.boardCode, context: context) else {
                    throw CommandError.notPermitted(invocation.name, "the exempt part is for members of \(meeting.boardCode), its secretary and admins")
                }
            }
            guard let stored = pack.parts.first(where: { $0.part == part.rawValue && $0.format == format }) else {
                throw CommandError(.notfound, "PACK GET: \(pack.id) has no \(part.rawValue) part")
            }
            let data = try packs(context).load(stored)
            return CommandOutcome(reply: .bulkString(ByteBuffer(bytes: data)), session: invocation.session)
        },
        CommandSpec(
            name: "PACK PUBLISH", usage: "<pack-id> [reason=<text>]",
            summary: "publish a pack version; after the statutory deadline it needs a reason", access: "secretary of the board, admin",
            arity: 1...2
        ) { context, invocation in
            let user = try invocation.requireUser()
            guard let pack = try await context.database.pack(id: invocation.arguments[0]) else {
                throw CommandError(.notfound, "PACK PUBLISH: no pack '\(invocation.arguments[0])' (ids look like OSC-2017-11-14-v1)")
            }
            let meeting = try await context.meeting(pack.meetingID, for: invocation.name)
            guard user.isSecretary(of: meeting.boardCode) else {
                throw CommandError.notPermitted(invocation.name, "only the secretary of \(meeting.boardCode) or an admin may publish its pack")
            }
            let options = try invocation.options(from: 1, allowed: ["reason"])
            let publishBy = context.workingDays.publicationDeadline(forMeetingOn: meeting.date)
            let late = context.today > publishBy
            let reason = options["reason"]?.trimmingCharacters(in: .whitespacesAndNewlines)
            if late && (reason ?? "").isEmpty {
                throw CommandError.badArgument(
                    invocation.name,
                    "the statutory deadline was \(publishBy) (five clear working days before \(meeting.date)): publishing late needs reason=<the special circumstances>")
            }
            let published: StoredPack
            do {
                published = try await context.database.publishPack(id: pack.id, by: user.name, late: late, reason: late ? reason : nil, now: context.clock.now())
            } catch PackStoreError.alreadyPublished(let id) {
                throw CommandError(.conflict, "PACK PUBLISH: \(id) is already published")
            }
            let board = try await context.board(meeting.boardCode, for: invocation.name)
            let notified = try await notifyMembers(board: board, meeting: meeting, pack: published, publishBy: publishBy, context: context)
            context.logger.info("pack published", metadata: ["pack": "\(pack.id)", "late": "\(late)", "by": "\(user.name)"])
            var document = PackDocument(published, context: context, meeting: meeting)
            document.notified = notified
            return CommandOutcome(reply: try JSONReply.encode(document), session: invocation.session)
        },
    ]

    static func packs(_ context: ServerContext) throws(CommandError) -> PackBuilder {
        guard let packs = context.packs else { throw CommandError(.internal, "meeting packs are not configured") }
        return packs
    }

    /// A pack id, or a meeting id meaning its latest published version (the latest of all for
    /// its secretary).
    static func resolve(_ id: String, context: ServerContext, user: User?) async throws -> (StoredPack, Meeting) {
        if let pack = try await context.database.pack(id: id) {
            return (pack, try await context.meeting(pack.meetingID, for: "PACK GET"))
        }
        guard let meeting = try await context.database.meeting(id: id) else {
            throw CommandError(.notfound, "PACK GET: no pack or meeting '\(id)'")
        }
        let isSecretary = user?.isSecretary(of: meeting.boardCode) ?? false
        let versions = try await context.database.packs(meetingID: meeting.id)
        guard let pack = versions.last(where: { isSecretary || $0.publishedAt != nil }) else {
            throw CommandError(.notfound, "PACK GET: \(meeting.id) has no \(isSecretary ? "" : "published ")pack")
        }
        return (pack, meeting)
    }

    /// Exempt parts reach only the board's members, its secretary and admins.
    static func canSeeExempt(_ user: User, board: String, context: ServerContext) async throws -> Bool {
        if user.isSecretary(of: board) { return true }
        if user.role == .member && user.boardCode == board { return true }
        return try await context.database.boardCodes(seating: user.name).contains(board)
    }

    /// Tells the chair and members that the pack is out (and webhooks `pack.published`).
    static func notifyMembers(board: Board, meeting: Meeting, pack: StoredPack, publishBy: LocalDate, context: ServerContext) async throws -> Int {
        let details = PackPublication(
            packID: pack.id, boardCode: board.code, boardName: board.name, meetingDate: meeting.date, meetingTime: meeting.time,
            venue: meeting.venue, publishBy: publishBy, isLate: pack.isLate ?? false, lateReason: pack.lateReason,
            hasExemptPart: pack.parts.contains { $0.part == PackPart.exempt.rawValue })
        var seen = Set<String>()
        let people = ([board.chair] + board.members).filter { seen.insert($0.email.lowercased()).inserted }
        let notices = people.enumerated().map { index, person in
            Notice(
                kind: .packPublished, key: "pack.published|\(person.email.lowercased())|\(pack.id)", recipient: person,
                dueDate: meeting.date, pack: details, webhookEvent: index == 0 ? "pack.published" : nil)
        }
        return try await context.database.enqueue(notices, webhooks: context.reminders?.configuration.webhooks ?? [], now: context.clock.now())
    }
}

struct AgendaEntryDocument: Encodable {
    let meeting: String
    let key: String
    let number: Int
    let title: String
    @EncodedAsNull var owner: String?
    let keyDecision: Bool
    @EncodedAsNull var exemptParagraph: Int?
    @EncodedAsNull var submittedAt: String?
    @EncodedAsNull var submittedBy: String?
    @EncodedAsNull var subject: String?
    @EncodedAsNull var occurrence: String?

    init(_ entry: MeetingAgenda.Entry, submitted: SubmittedReport?, meeting: String? = nil) {
        self.meeting = submitted?.meetingID ?? meeting ?? ""
        key = entry.key
        number = entry.number
        title = entry.title
        owner = entry.ownerEmail
        keyDecision = entry.isKeyDecision
        exemptParagraph = entry.exemptParagraph
        submittedAt = submitted?.submittedAt
        submittedBy = submitted?.submittedBy
        subject = submitted?.subject
        occurrence = entry.occurrence?.id
    }
}

struct PackDocument: Encodable {
    let id: String
    let meeting: String
    let version: Int
    let builtAt: String
    let builtBy: String
    let publishBy: String
    let warnings: [String]
    let parts: [StoredPackPart]
    let changes: Changes
    @EncodedAsNull var publishedAt: String?
    @EncodedAsNull var late: Bool?
    @EncodedAsNull var lateReason: String?
    @EncodedAsNull var notified: Int?

    struct Changes: Encodable {
        let added: [String]
        let replaced: [String]
        let removed: [String]
    }

    init(_ pack: StoredPack, context: ServerContext, meeting: Meeting) {
        id = pack.id
        self.meeting = pack.meetingID
        version = pack.version
        builtAt = pack.builtAt
        builtBy = pack.builtBy
        publishBy = context.workingDays.publicationDeadline(forMeetingOn: meeting.date).description
        warnings = pack.warnings
        parts = pack.parts
        let describe = { (entry: PackManifestEntry) in "\(entry.number). \(entry.isExempt ? "Exempt item" : entry.title)" }
        changes = Changes(
            added: pack.changes.added.map(describe), replaced: pack.changes.replaced.map(describe),
            removed: pack.changes.removed.map(describe))
        publishedAt = pack.publishedAt
        late = pack.isLate
        lateReason = pack.lateReason
    }
}
