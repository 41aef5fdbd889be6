import ArgumentParser
import Foundation

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
        guard let me = try await options.callJSON(["WHOAMI"]) as? [String: Any] else { return }
        print("\(me.text("user")) (\(me.text("role")))")
    }
}

struct Boards: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the boards.")
    @OptionGroup var options: ClientOptions

    func run() async throws {
        guard let boards = try await options.callJSON(["BOARD", "LIST"]) as? [[String: Any]] else { return }
        var table = Table("CODE", "REPORTS TO", "PUBLIC", "CYCLES", "NAME")
        for board in boards {
            table.append([
                board.text("code"), board.text("reports_to").isEmpty ? "-" : board.text("reports_to"),
                board.flag("meets_in_public"), board.text("cycles"), board.text("name"),
            ])
        }
        print(table.render())
    }
}

struct BoardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "board", abstract: "Show one board.")
    @OptionGroup var options: ClientOptions
    @Argument(help: "Board code, e.g. OSC.") var code: String

    func run() async throws {
        guard let board = try await options.callJSON(["BOARD", "GET", code]) as? [String: Any] else { return }
        let calendar = board.object("calendar")
        print("\(board.text("name")) (\(board.text("code")))")
        print("Chair:      \(board.object("chair").text("role")) <\(board.object("chair").text("email"))>")
        print("Secretary:  \(board.object("secretary").text("role")) <\(board.object("secretary").text("email"))>")
        print("Reports to: \(board.text("reports_to").isEmpty ? "-" : board.text("reports_to"))")
        print("Public:     \(board.flag("meets_in_public"))")
        print("Meets:      \(calendar.text("rule")) at \(calendar.text("default_time")), \(calendar.text("default_venue"))")
        print("Next:       \(board.text("next_meeting"))")
        let members = board["members"] as? [[String: Any]] ?? []
        if !members.isEmpty {
            print("\nMembers:")
            for member in members { print("  \(member.text("role")) <\(member.text("email"))>") }
        }
        let cycles = board["cycles"] as? [[String: Any]] ?? []
        if !cycles.isEmpty {
            var table = Table("CYCLE", "EVERY", "FIRST", "OWNER", "TITLE")
            for cycle in cycles {
                table.append([
                    cycle.text("key"), "\(cycle.text("cadence_months")) months", cycle.text("first_month"),
                    cycle.object("owner").text("email"), cycle.text("title"),
                ])
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
        guard let meetings = try await options.callJSON(words) as? [[String: Any]] else { return }
        print(meetingTable(meetings).render())
    }
}

func meetingTable(_ meetings: [[String: Any]]) -> Table {
    var table = Table("ID", "DATE", "DAY", "TIME", "PUBLISH BY", "ORIGIN", "VENUE")
    for meeting in meetings {
        table.append([
            meeting.text("id"), meeting.text("date"), String(meeting.text("weekday").prefix(3)), meeting.text("time"),
            meeting.text("publish_by"), meeting.text("origin"), meeting.text("venue"),
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
            guard let meeting = try await options.callJSON(["MEETING", "GET", id]) as? [String: Any] else { return }
            print(meetingTable([meeting]).render())
            let items = meeting["items"] as? [[String: Any]] ?? []
            print("\nAgenda:")
            for item in items { print("  \(item.text("number")). \(item.text("title"))") }
            let reports = meeting["reports"] as? [[String: Any]] ?? []
            if !reports.isEmpty {
                var table = Table("REPORT", "OWNER", "DRAFT DUE", "PUBLISH BY", "SUBMITTED")
                for report in reports {
                    table.append([
                        report.text("id"), report.object("owner").text("email"), report.text("draft_due"),
                        report.text("publish_by"), report.flag("submitted"),
                    ])
                }
                print("\nReports due:\n" + table.render())
            }
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a meeting (the board's secretary or an admin).")
        @OptionGroup var options: ClientOptions
        @Argument(help: "Board code, e.g. OSC.") var board: String
        @Argument(help: "Date, YYYY-MM-DD.") var date: String
        @Option(help: "Start time, HH:MM (default: the board's).") var time: String?
        @Option(help: "Venue (default: the board's).") var venue: String?

        func run() async throws {
            var words = ["MEETING", "ADD", board, date]
            if let time { words.append(time) }
            if let venue {
                if time == nil { throw ValidationError("--venue needs --time too (the protocol takes them in order)") }
                words.append(venue)
            }
            guard let meeting = try await options.callJSON(words) as? [String: Any] else { return }
            print("Added \(meeting.text("id")) on \(meeting.text("weekday")) \(meeting.text("date")) at \(meeting.text("time")), \(meeting.text("venue")).")
            print("Papers must be published by \(meeting.text("publish_by")) (five clear working days).")
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
        guard let cycles = try await options.callJSON(words) as? [[String: Any]] else { return }
        var table = Table("BOARD", "CYCLE", "EVERY", "NEXT", "MEETING", "DRAFT DUE", "PUBLISH BY", "OWNER")
        for entry in cycles {
            let cycle = entry.object("cycle")
            let next = entry.object("next")
            table.append([
                entry.text("board"), cycle.text("key"), "\(cycle.text("cadence_months"))m",
                next.isEmpty ? "-" : next.text("month"), next.isEmpty ? "-" : next.text("meeting_id"),
                next.isEmpty ? "-" : next.text("draft_due"), next.isEmpty ? "-" : next.text("publish_by"),
                cycle.object("owner").text("email"),
            ])
        }
        print(table.render())
        for entry in cycles {
            for occurrence in entry["occurrences"] as? [[String: Any]] ?? [] {
                if let warning = occurrence["warning"] as? String { print("warning: \(warning)") }
            }
        }
    }
}

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "user", abstract: "Manage users.", subcommands: [Add.self])

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
}

struct Call: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Send any command and print the reply.")
    @OptionGroup var options: ClientOptions
    @Argument(parsing: .captureForPassthrough, help: "The command and its arguments.") var words: [String]

    func run() async throws {
        print(render(try await options.call(words)))
    }
}
