import Foundation
import QuorumDomain
import QuorumStorage

/// MEETING LIST, MEETING GET and MEETING ADD.
enum MeetingCommands {
    static let specs: [CommandSpec] = [
        CommandSpec(
            name: "MEETING LIST", usage: "<board> [from [to]]", summary: "a board's meetings, by date",
            access: "anyone", arity: 1...3
        ) { context, invocation in
            let board = try await context.board(invocation.arguments[0], for: invocation.name)
            let from = try invocation.date(1, "from")
            let to = try invocation.date(2, "to")
            if let from, let to, to < from {
                throw CommandError.badArgument(invocation.name, "to \(to) is before from \(from)")
            }
            let meetings = try await context.database.meetings(of: board.code, from: from, to: to)
            let documents = meetings.map {
                MeetingDocument($0, publishBy: context.workingDays.publicationDeadline(forMeetingOn: $0.date))
            }
            return CommandOutcome(reply: try JSONReply.encode(documents), session: invocation.session)
        },
        CommandSpec(
            name: "MEETING GET", usage: "<id>", summary: "one meeting with its agenda and reports due",
            access: "anyone", arity: 1...1
        ) { context, invocation in
            let id = invocation.arguments[0]
            guard let meeting = try await context.database.meeting(id: id) else {
                throw CommandError(.notfound, "MEETING GET: no meeting '\(id)' (ids look like OSC-2017-11-14)")
            }
            let agenda = try await context.agenda(of: meeting)
            let submitted = try await context.database.latestReports(meetingID: meeting.id)
            let document = MeetingDocument(
                meeting, publishBy: context.workingDays.publicationDeadline(forMeetingOn: meeting.date),
                items: agenda.entries.map {
                    AgendaItemDocument(
                        number: $0.number, key: $0.key, title: $0.title, kind: $0.kind.rawValue, owner: $0.ownerEmail,
                        keyDecision: $0.isKeyDecision, exemptParagraph: $0.exemptParagraph, occurrence: $0.occurrence?.id,
                        submitted: submitted[$0.key] != nil)
                },
                reports: agenda.entries.compactMap { entry in
                    guard let occurrence = entry.occurrence, let cycle = entry.cycle else { return nil }
                    return OccurrenceDocument(occurrence, cycle: cycle, submitted: submitted[entry.key] != nil)
                })
            return CommandOutcome(reply: try JSONReply.encode(document), session: invocation.session)
        },
        CommandSpec(
            name: "MEETING ADD", usage: "<board> <YYYY-MM-DD> [HH:MM] [venue]",
            summary: "add a meeting to a board's calendar", access: "secretary of the board, admin", arity: 2...4
        ) { context, invocation in
            let user = try invocation.requireUser()
            let board = try await context.board(invocation.arguments[0], for: invocation.name)
            guard user.isSecretary(of: board.code) else {
                throw CommandError.notPermitted(invocation.name, "only the secretary of \(board.code) or an admin may add its meetings")
            }
            guard let date = try invocation.date(1, "date") else { preconditionFailure("arity checked") }
            var time = board.calendar.defaultTime
            if let text = invocation.argument(2) {
                guard let parsed = LocalTime(iso: text) else {
                    throw CommandError.badArgument(invocation.name, "time '\(text)' is not of the form HH:MM (24-hour)")
                }
                time = parsed
            }
            let venue = invocation.argument(3) ?? board.calendar.defaultVenue
            guard !venue.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw CommandError.badArgument(invocation.name, "venue is empty")
            }
            let meeting = Meeting(boardCode: board.code, date: date, time: time, venue: venue, origin: .added)
            let added: Meeting
            do {
                added = try await context.database.addMeeting(meeting, addedBy: user.name, now: context.clock.now())
            } catch MeetingStoreError.alreadyExists(let id) {
                throw CommandError(.conflict, "MEETING ADD: \(board.code) already meets on \(date) (\(id))")
            } catch MeetingStoreError.unknownBoard(let code) {
                throw CommandError(.notfound, "MEETING ADD: no board '\(code)'")
            }
            context.logger.info("meeting added", metadata: ["meeting": "\(added.id)", "by": "\(user.name)"])
            let document = MeetingDocument(added, publishBy: context.workingDays.publicationDeadline(forMeetingOn: date))
            return CommandOutcome(reply: try JSONReply.encode(document), session: invocation.session)
        },
    ]
}
