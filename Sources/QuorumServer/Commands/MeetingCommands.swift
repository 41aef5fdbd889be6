import QuorumApplication
import QuorumDomain

/// MEETING LIST, MEETING GET and MEETING ADD.
enum MeetingCommands {
    static let specs: [CommandSpec] = [
        CommandSpec(
            name: "MEETING LIST", usage: "<board> [from [to]]", summary: "a board's meetings, by date", operation: .meetingList,
            arity: 1...3
        ) { context, invocation in
            let meetings = try await context.application.governance.meetings(
                of: invocation.arguments[0], from: try invocation.date(1, "from"), to: try invocation.date(2, "to"), as: invocation.user)
            return invocation.reply(try JSONReply.encode(meetings))
        },
        CommandSpec(
            name: "MEETING GET", usage: "<id>", summary: "one meeting with its agenda and reports due", operation: .meetingGet,
            arity: 1...1
        ) { context, invocation in
            invocation.reply(try JSONReply.encode(try await context.application.governance.meeting(invocation.arguments[0], as: invocation.user)))
        },
        CommandSpec(
            name: "MEETING ADD", usage: "<board> <YYYY-MM-DD> [HH:MM] [venue]", summary: "add a meeting to a board's calendar",
            operation: .meetingAdd, arity: 2...4
        ) { context, invocation in
            guard let date = try invocation.date(1, "date") else { preconditionFailure("arity checked") }
            var time: LocalTime?
            if let text = invocation.argument(2) {
                guard let parsed = LocalTime(iso: text) else {
                    throw CommandError.badArgument(invocation.name, "time '\(text)' is not of the form HH:MM (24-hour)")
                }
                time = parsed
            }
            let meeting = try await context.application.governance.addMeeting(
                board: invocation.arguments[0], on: date, at: time, venue: invocation.argument(3), as: invocation.user)
            context.logger.info("meeting added", metadata: ["meeting": "\(meeting.id)", "by": "\(invocation.user?.name ?? "")"])
            return invocation.reply(try JSONReply.encode(meeting))
        },
    ]
}
