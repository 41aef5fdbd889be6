import ArgumentParser
import Foundation
import QuorumWire

struct Ping: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check that the server answers.")
    @OptionGroup var options: ClientOptions

    func run() async throws {
        print(render(try await options.call(["PING"])))
    }
}

struct Info: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show the server's facts.")
    @OptionGroup var options: ClientOptions

    func run() async throws {
        print(render(try await options.call(["INFO"])).replacingOccurrences(of: "\r\n", with: "\n"), terminator: "")
    }
}

struct WhoAmI: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "whoami", abstract: "Show who you are signed in as.")
    @OptionGroup var options: ClientOptions

    func run() async throws {
        guard let me = try await options.callDocument(["WHOAMI"], as: WhoAmIDocument.self) else { return }
        print("\(me.user ?? "-") (\(me.role))")
    }
}

struct Boards: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the boards.")
    @OptionGroup var options: ClientOptions

    func run() async throws {
        guard let boards = try await options.callDocument(["BOARD", "LIST"], as: [BoardSummaryDocument].self) else { return }
        var table = Table("CODE", "REPORTS TO", "PUBLIC", "CYCLES", "NAME")
        for board in boards {
            table.append([board.code, listText(board.reportsTo), board.meetsInPublic.word, "\(board.cycles)", board.name])
        }
        print(table.render())
    }
}

struct BoardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "board", abstract: "Show one board.")
    @OptionGroup var options: ClientOptions
    @Argument(help: "Board code, e.g. OSC.") var code: String

    func run() async throws {
        guard let board = try await options.callDocument(["BOARD", "GET", code], as: BoardDocument.self) else { return }
        let calendar = board.calendar
        print("\(board.name) (\(board.code))")
        print("Chair:      \(board.chair.role) <\(board.chair.email)>")
        print("Secretary:  \(board.secretary.role) <\(board.secretary.email)>")
        print("Reports to: \(listText(board.reportsTo))")
        print("Public:     \(board.meetsInPublic.word)")
        print("Meets:      \(calendar.rule ?? "-") at \(calendar.defaultTime), \(calendar.defaultVenue)")
        print("Next:       \(board.nextMeeting ?? "-")")
        if !board.members.isEmpty {
            print("\nMembers:")
            for member in board.members { print("  \(member.role) <\(member.email)>") }
        }
        if !board.cycles.isEmpty {
            var table = Table("CYCLE", "EVERY", "FIRST", "OWNER", "TITLE")
            for cycle in board.cycles {
                table.append([cycle.key, "\(cycle.cadenceMonths) months", cycle.firstMonth, cycle.owner.email, cycle.title])
            }
            print("\nReporting cycles:\n" + table.render())
        }
    }
}

struct Meetings: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List a board's meetings.")
    @OptionGroup var options: ClientOptions
    @Argument(help: "Board code, e.g. OSC.") var board: String
    @Option(help: "First date, YYYY-MM-DD.") var from: String?
    @Option(help: "Last date, YYYY-MM-DD.") var to: String?

    func run() async throws {
        var words = ["MEETING", "LIST", board]
        if let from { words.append(from) }
        if let to {
            if from == nil { words.append("0001-01-01") }
            words.append(to)
        }
        guard let meetings = try await options.callDocument(words, as: [MeetingDocument].self) else { return }
        print(meetingTable(meetings).render())
    }
}

func meetingTable(_ meetings: [MeetingDocument]) -> Table {
    var table = Table("ID", "DATE", "DAY", "TIME", "PUBLISH BY", "ORIGIN", "VENUE")
    for meeting in meetings {
        table.append([
            meeting.id, meeting.date, String(meeting.weekday.prefix(3)), meeting.time, meeting.publishBy, meeting.origin,
            meeting.venue,
        ])
    }
    return table
}

struct MeetingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meeting", abstract: "Show or add a meeting.", subcommands: [Get.self, Add.self])

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a meeting with its agenda.")
        @OptionGroup var options: ClientOptions
        @Argument(help: "Meeting id, e.g. OSC-2017-11-14.") var id: String

        func run() async throws {
            guard let meeting = try await options.callDocument(["MEETING", "GET", id], as: MeetingDocument.self) else { return }
            print(meetingTable([meeting]).render())
            print("\nAgenda:")
            for item in meeting.items ?? [] { print("  \(item.number). \(item.title)") }
            let reports = meeting.reports ?? []
            if !reports.isEmpty {
                var table = Table("REPORT", "OWNER", "DRAFT DUE", "PUBLISH BY", "SUBMITTED")
                for report in reports {
                    table.append([report.id, report.owner.email, report.draftDue ?? "-", report.publishBy ?? "-", report.submitted.word])
                }
                print("\nReports due:\n" + table.render())
            }
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a meeting (the board's secretary or an admin).")
        @OptionGroup var options: ClientOptions
        @Argument(help: "The new meeting's id, e.g. OSC-2018-12-12 (or a board code and a date).") var meeting: String
        /// The date, when the meeting is named as a board code and a date.
        @Argument(help: .hidden) var date: String?
        @Option(help: "Start time, HH:MM (default: the board's).") var time: String?
        @Option(help: "Venue (default: the board's).") var venue: String?

        func validate() throws {
            if let date {
                guard isISODate(date) else { throw ValidationError("'\(date)' is not a date of the form YYYY-MM-DD") }
            } else if splitMeetingID(meeting) == nil {
                throw ValidationError("'\(meeting)' is not a meeting id: give the board code and the date, e.g. OSC-2018-12-12")
            }
        }

        func run() async throws {
            guard let (board, date) = date.map({ (meeting, $0) }) ?? splitMeetingID(meeting) else {
                throw ValidationError("'\(meeting)' is not a meeting id")
            }
            var words = ["MEETING", "ADD", board, date]
            if let time { words.append(time) }
            if let venue {
                if time == nil { throw ValidationError("--venue needs --time too (the protocol takes them in order)") }
                words.append(venue)
            }
            guard let meeting = try await options.callDocument(words, as: MeetingDocument.self) else { return }
            print("Added \(meeting.id) on \(meeting.weekday) \(meeting.date) at \(meeting.time), \(meeting.venue).")
            print("Papers must be published by \(meeting.publishBy) (five clear working days).")
        }
    }
}

struct Cycles: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List reporting cycles and the next report due.")
    @OptionGroup var options: ClientOptions
    @Argument(help: "Board code (all boards when omitted).") var board: String?
    @Option(name: .customLong("as-of"), help: "Date to judge 'next' from, YYYY-MM-DD (default: today).") var asOf: String?

    func run() async throws {
        var words = ["CYCLE", "LIST"]
        if let board { words.append(board) }
        if let asOf { words.append("asof=\(asOf)") }
        guard let cycles = try await options.callDocument(words, as: [CycleDocument].self) else { return }
        var table = Table("BOARD", "CYCLE", "EVERY", "NEXT", "MEETING", "DRAFT DUE", "PUBLISH BY", "OWNER")
        for entry in cycles {
            let cycle = entry.cycle
            let next = entry.next
            table.append([
                entry.board, cycle.key, "\(cycle.cadenceMonths)m", next?.month ?? "-", next?.meetingId ?? "-",
                next?.draftDue ?? "-", next?.publishBy ?? "-", cycle.owner.email,
            ])
        }
        print(table.render())
        for entry in cycles {
            for occurrence in entry.occurrences {
                if let warning = occurrence.warning { print("warning: \(warning)") }
            }
        }
    }
}

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage users.", subcommands: [Add.self, Revoke.self, Rotate.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a user and print their token (admin).")
        @OptionGroup var options: ClientOptions
        @Argument(help: "Email address.") var email: String
        @Argument(help: "Role: secretary, analyst, lead or member.") var role: String
        @Option(help: "Board code, for secretaries and members.") var board: String?

        func run() async throws {
            var words = ["USER", "ADD", email, role]
            if let board { words.append("board=\(board)") }
            print(render(try await options.call(words)))
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove a user: their token stops working at once, on open connections too (admin).")
        @OptionGroup var options: ClientOptions
        @Argument(help: "Email address.") var email: String

        func run() async throws {
            _ = try await options.call(["USER", "REVOKE", email])
            print("\(email) revoked")
        }
    }

    struct Rotate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Give a user a new token and print it, once; the old one stops working at once (admin).")
        @OptionGroup var options: ClientOptions
        @Argument(help: "Email address.") var email: String

        func run() async throws {
            print(render(try await options.call(["USER", "ROTATE", email])))
        }
    }
}

struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the writes, newest first: when, who, what and on what (admin).")
    @OptionGroup var options: ClientOptions
    @Argument(help: "From this date (2017-11-01) or instant (2017-11-01T08:00:00Z).") var since: String?
    // `--user` is the user who signs in (ClientOptions); the writer filtered on is `--by`.
    @Option(help: "Only the writes of this user (an email, or admin).") var by: String?
    @Option(help: "Only this operation (meeting.add) or area (meeting).") var kind: String?
    @Option(help: "At most this many entries (default 100).") var limit: Int?

    func run() async throws {
        var words = ["AUDIT"]
        if let since { words.append(since) }
        if let by { words.append("user=\(by)") }
        if let kind { words.append("kind=\(kind)") }
        if let limit { words.append("limit=\(limit)") }
        guard let entries = try await options.callDocument(words, as: [AuditEntryDocument].self) else { return }
        var table = Table("AT", "USER", "KIND", "TARGET", "DETAILS")
        for entry in entries {
            let details = entry.details.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            table.append([entry.at, entry.user, entry.kind, entry.target, details.isEmpty ? "-" : details])
        }
        print(table.render())
    }
}

struct Call: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Send any command and print the reply.")
    @OptionGroup var options: ClientOptions
    @Argument(parsing: .captureForPassthrough, help: "The command and its arguments.") var words: [String]

    func run() async throws {
        print(render(try await options.call(words)))
    }
}

/// A date written YYYY-MM-DD (the server checks that it is a real day).
func isISODate(_ text: String) -> Bool {
    text.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) != nil
}

/// A meeting id, `OSC-2018-12-12`, as its board code and date.
func splitMeetingID(_ id: String) -> (board: String, date: String)? {
    guard let match = id.wholeMatch(of: /(.+)-(\d{4}-\d{2}-\d{2})/) else { return nil }
    return (String(match.1), String(match.2))
}
