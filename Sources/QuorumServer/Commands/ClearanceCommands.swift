import QuorumApplication
import QuorumDomain
import QuorumProtocol

/// CLEARANCE GET, SUBMIT, FINANCE, LEGAL, APPROVE and RETURN: a report's way into the pack;
/// NOTICE GIVE, URGENCY and LIST: notice of a private meeting; MEETING READINESS: the
/// secretary's dashboard.
enum ClearanceCommands {
    static let specs: [CommandSpec] = [
        .document(
            "CLEARANCE GET", usage: "<meeting-id> <item number or key>",
            summary: "a report's clearance: its stage, who cleared it and when, what it waits for", .clearanceGet,
            arity: 2...2
        ) { context, invocation in
            try await context.application.clearance.record(meeting: invocation.arguments[0], item: invocation.arguments[1], as: invocation.user)
        },
        step(
            "CLEARANCE SUBMIT", usage: "<meeting-id> <item number or key> [of=<email>]",
            summary: "submit the report for clearance (its owner); of= names the officer it is of", .clearanceSubmit, arity: 2...3
        ) { invocation in
            let options = try invocation.options(from: 2, allowed: ["of"])
            return .submit(approver: options["of"])
        },
        step(
            "CLEARANCE FINANCE", usage: "<meeting-id> <item number or key> <FD.reference> <officer's title>",
            summary: "clear the report for finance (a finance officer)", .clearanceFinance, arity: 4...4, argumentSize: .text
        ) { invocation in .finance(reference: invocation.arguments[2], title: invocation.arguments[3]) },
        step(
            "CLEARANCE LEGAL", usage: "<meeting-id> <item number or key> <LD.reference> <officer's title>",
            summary: "clear the report for legal (a legal officer)", .clearanceLegal, arity: 4...4, argumentSize: .text
        ) { invocation in .legal(reference: invocation.arguments[2], title: invocation.arguments[3]) },
        step(
            "CLEARANCE APPROVE", usage: "<meeting-id> <item number or key>",
            summary: "approve the report (the officer it is of)", .clearanceApprove, arity: 2...2
        ) { _ in .approve },
        step(
            "CLEARANCE RETURN", usage: "<meeting-id> <item number or key> <comment>",
            summary: "send the report back to draft, saying why (whoever holds its next step)", .clearanceReturn, arity: 3...3, argumentSize: .text
        ) { invocation in .returnToDraft(comment: invocation.arguments[2]) },
        .document(
            "MEETING READINESS", usage: "<meeting-id> [asof=YYYY-MM-DD]",
            summary: "what stands between a meeting and its pack: key decisions, private-meeting notices, reports waiting",
            .meetingReadiness, arity: 1...2
        ) { context, invocation in
            try await context.application.clearance.readiness(
                meeting: invocation.arguments[0], asOf: try invocation.asOf(from: 1), as: invocation.user)
        },
        .document(
            "NOTICE GIVE",
            usage: "<meeting-id> first|second <YYYY-MM-DD> <reasons> [representation=<text> …] [response=<text>]",
            summary: "record a notice of intention to meet in private as given", .noticeGive, arity: 4...64, argumentSize: .text
        ) { context, invocation in
            let arguments = invocation.arguments
            guard let kind = PrivateMeetingNotices.Kind(rawValue: arguments[1].lowercased()) else {
                throw CommandError.badArgument(invocation.name, "'\(arguments[1])' is not first or second")
            }
            let day = try invocation.requiredDate(2, "the day given")
            var representations: [String] = []
            var response: String?
            for argument in arguments.dropFirst(4) {
                let pair = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                switch pair.count == 2 ? pair[0].lowercased() : "" {
                case "representation": representations.append(String(pair[1]))
                case "response":
                    guard response == nil else { throw CommandError.badArgument(invocation.name, "option 'response' given twice") }
                    response = String(pair[1])
                default:
                    throw CommandError.badArgument(
                        invocation.name, "expected representation=<text> or response=<text>, got '\(argument)'")
                }
            }
            let notice = PrivateMeetingService.GivenNotice(
                kind: kind, givenOn: day, reasons: arguments[3], representations: representations, response: response)
            return try await context.application.privateMeetings.give(notice, meeting: arguments[0], as: invocation.user)
        },
        .document(
            "NOTICE URGENCY", usage: "<meeting-id> <agreed-by> <YYYY-MM-DD> [reasons=<date>]",
            summary: "record the agreement that a private meeting is urgent (reg 5(6)) and its notice of reasons",
            .noticeUrgency, arity: 3...4, argumentSize: .text
        ) { context, invocation in
            let arguments = invocation.arguments
            let day = try invocation.requiredDate(2, "the day agreed")
            let options = try invocation.options(from: 3, allowed: ["reasons"])
            return try await context.application.privateMeetings.recordUrgency(
                meeting: arguments[0], agreedBy: arguments[1], agreedOn: day,
                reasonsPublishedOn: try invocation.date(option: "reasons", in: options), as: invocation.user)
        },
        .document(
            "NOTICE LIST", usage: "<meeting-id> [asof=YYYY-MM-DD]",
            summary: "a meeting's private-meeting notices: due dates, as given, and where each stands", .noticeList,
            arity: 1...2
        ) { context, invocation in
            try await context.application.privateMeetings.notices(
                meeting: invocation.arguments[0], asOf: try invocation.asOf(from: 1), as: invocation.user)
        },
    ]

    /// A clearance step's command: the arguments to a step, then the step taken.
    private static func step(
        _ name: String, usage: String, summary: String, _ operation: Operation, arity: ClosedRange<Int>,
        argumentSize: ArgumentSize = .short,
        _ makeStep: @escaping @Sendable (CommandInvocation) throws -> ClearanceService.Step
    ) -> CommandSpec {
        .document(name, usage: usage, summary: summary, operation, arity: arity, argumentSize: argumentSize) { context, invocation in
            let step = try makeStep(invocation)
            let record = try await context.application.clearance.take(
                step, meeting: invocation.arguments[0], item: invocation.arguments[1], as: invocation.user)
            context.logger.info(
                "clearance step", metadata: ["meeting": "\(record.meeting)", "item": "\(record.item)", "stage": "\(record.stage)"])
            return record
        }
    }
}
