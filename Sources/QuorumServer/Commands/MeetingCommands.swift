import QuorumApplication
import QuorumDomain

/// MEETING LIST, MEETING GET and MEETING ADD.
enum MeetingCommands {
    static let specs: [CommandSpec] = [
        .document(
            "MEETING LIST", usage: "<board> [from [to]]", summary: "a board's meetings, by date", .meetingList,
            arity: 1...3
        ) { context, invocation in
            return try await context.application.governance.meetings(
                of: invocation.arguments[0], from: try invocation.date(1, "from"), to: try invocation.date(2, "to"), as: invocation.user)
        },
        .document(
            "MEETING GET", usage: "<id>", summary: "one meeting with its agenda and reports due", .meetingGet,
            arity: 1...1
        ) { context, invocation in
            try await context.application.governance.meeting(invocation.arguments[0], as: invocation.user)
        },
        .document(
            "MEETING ADD", usage: "<board> <YYYY-MM-DD> [HH:MM] [venue]", summary: "add a meeting to a board's calendar",
            .meetingAdd, arity: 2...4, argumentSize: .text
        ) { context, invocation in
            let date = try invocation.requiredDate(1, "date")
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
            return meeting
        },
    ]
}
