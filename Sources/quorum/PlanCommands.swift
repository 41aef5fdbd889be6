import ArgumentParser
import Foundation

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import a CSV file of the plan or scorecard (analyst, admin).",
        discussion: "Every row is checked before anything is stored; a bad row stores nothing and names its line.")
    @OptionGroup var options: ClientOptions
    @Argument(help: "recommendations, actions, measures or values.") var kind: String
    @Argument(help: "The CSV file.") var file: String

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ClientError(message: "cannot read \(file)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ClientError(message: "\(file) is not UTF-8 text (save it from the spreadsheet as CSV UTF-8)")
        }
        let lines = text.reduce(into: 0) { count, character in if character == "\n" || character == "\r\n" { count += 1 } }
        // A progress line on stderr, so that --json output stays clean for scripts.
        FileHandle.standardError.write(Data("importing \(file): \(lines) lines, \(data.count.formatted(.byteCount(style: .file)))…\n".utf8))
        let started = ContinuousClock.now
        guard let summary = try await options.callJSON(["IMPORT", kind, text]) as? [String: Any] else { return }
        let elapsed = ContinuousClock.now - started
        print(
            "\(summary.text("kind")): \(summary.text("rows")) rows checked and stored in \(elapsed.formatted(.units(allowed: [.seconds, .milliseconds], width: .narrow))): "
                + "\(summary.text("created")) new, \(summary.text("updated")) changed, \(summary.text("unchanged")) unchanged"
                + (kind.lowercased() == "actions" ? ", \(summary.text("updates_added")) updates added" : ""))
    }
}

struct Actions: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the plan's actions and their state.")
    @OptionGroup var options: ClientOptions
    @Option(help: "complete, overdue, due or open.") var status: String?
    @Option(help: "The lead's email.") var lead: String?
    @Option(name: .customLong("rec"), help: "Recommendation, e.g. 1.1.") var recommendation: String?
    @Option(name: .customLong("as-of"), help: "Judge the actions as of this date, YYYY-MM-DD (default: today).") var asOf: String?

    func run() async throws {
        var words = ["ACTION", "LIST"]
        if let status { words.append("status=\(status)") }
        if let lead { words.append("lead=\(lead)") }
        if let recommendation { words.append("rec=\(recommendation)") }
        if let asOf { words.append("asof=\(asOf)") }
        guard let actions = try await options.callJSON(words) as? [[String: Any]] else { return }
        var table = Table("REF", "STATUS", "REVIEW", "OVERDUE", "LEAD", "ACTION")
        for action in actions {
            table.append([
                action.text("ref"), action.text("status"), action.text("effective_review_date"),
                action["days_overdue"] is NSNull ? "" : "\(action.text("days_overdue"))d",
                action.object("lead").text("email"), String(action.text("action").prefix(70)),
            ])
        }
        print(table.render())
        print("\(actions.count) action\(actions.count == 1 ? "" : "s") as of \(actions.first?.text("as_of") ?? asOf ?? "today")")
    }
}

struct ActionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "action", abstract: "Show or update an action.", subcommands: [Get.self, Update.self])

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show an action with its updates and history.")
        @OptionGroup var options: ClientOptions
        @Argument(help: "Action reference, e.g. 1.1.4.") var ref: String

        func run() async throws {
            guard let action = try await options.callJSON(["ACTION", "GET", ref]) as? [String: Any] else { return }
            printAction(action)
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Post an update (the action's lead, admin).")
        @OptionGroup var options: ClientOptions
        @Argument(help: "Action reference, e.g. 1.1.4.") var ref: String
        @Argument(help: "What has happened.") var text: String
        @Option(help: "A new review date (2018-01-31, 2018-01 or Jan 2018).") var review: String?
        @Flag(help: "Mark the action complete.") var complete = false

        func run() async throws {
            var words = ["ACTION", "UPDATE", ref, text]
            if let review { words.append("review=\(review)") }
            if complete { words.append("status=complete") }
            guard let action = try await options.callJSON(words) as? [String: Any] else { return }
            printAction(action)
        }
    }
}

func printAction(_ action: [String: Any]) {
    print("\(action.text("ref"))  \(action.text("action"))")
    print("Lead:    \(action.object("lead").text("role")) <\(action.object("lead").text("email"))>")
    print("Review:  \(action.text("review_date")) (judged against \(action.text("effective_review_date")))")
    print("Status:  \(action.text("status")) as of \(action.text("as_of"))")
    let updates = action["updates"] as? [[String: Any]] ?? []
    if !updates.isEmpty {
        print("\nUpdates:")
        for update in updates {
            var line = "  \(update.text("date"))  \(update.text("text"))  (\(update.text("author")))"
            if !(update["review_date"] is NSNull) { line += " → review \(update.text("review_date"))" }
            if update.flag("completes") == "yes" { line += " → complete" }
            print(line)
        }
    }
    let history = action["history"] as? [[String: Any]] ?? []
    if !history.isEmpty {
        print("\nHistory:")
        for entry in history { print("  \(entry.text("at"))  \(entry.text("by"))  \(entry.text("change")) (\(entry.text("via")))") }
    }
}

struct Measures: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the scorecard's measures and thresholds.")
    @OptionGroup var options: ClientOptions

    func run() async throws {
        guard let measures = try await options.callJSON(["MEASURE", "LIST"]) as? [[String: Any]] else { return }
        var table = Table("ID", "POLARITY", "RI", "GOOD", "OUTST.", "LATEST", "NAME")
        for measure in measures {
            let thresholds = measure.object("thresholds")
            let latest = measure.object("latest")
            table.append([
                measure.text("id"), measure.text("polarity"), thresholds.isEmpty ? "-" : thresholds.text("requires_improvement"),
                thresholds.isEmpty ? "-" : thresholds.text("good"), thresholds.isEmpty ? "-" : thresholds.text("outstanding"),
                latest.isEmpty ? "-" : "\(latest.text("value")) (\(latest.text("period")))",
                String(measure.text("name").prefix(60)),
            ])
        }
        print(table.render())
    }
}

struct MeasureCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "measure", abstract: "Record values.", subcommands: [Set.self])

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a measure's value for a period (analyst, admin).")
        @OptionGroup var options: ClientOptions
        @Argument(help: "Measure id.") var id: String
        @Argument(help: "Period: 2017/18, 2017/18 Q2 or 2017-10.") var period: String
        @Argument(help: "The value.") var value: String

        func run() async throws {
            guard let row = try await options.callJSON(["MEASURE", "SET", id, period, value]) as? [String: Any] else { return }
            print(scorecardTable([row]).render())
        }
    }
}

struct ScorecardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scorecard", abstract: "Show the scorecard judged by its thresholds.")
    @OptionGroup var options: ClientOptions
    @Argument(help: "Period: 2017/18, 2017/18 Q2 or 2017-10 (default: the latest).") var period: String?

    func run() async throws {
        var words = ["SCORECARD"]
        if let period { words.append(period) }
        guard let rows = try await options.callJSON(words) as? [[String: Any]] else { return }
        print(scorecardTable(rows).render())
        let reported = rows.filter { !($0["value"] is NSNull) }.count
        print("\(reported) of \(rows.count) measures reported")
    }
}

/// Band and direction in words and symbols, never colour alone.
func scorecardTable(_ rows: [[String: Any]]) -> Table {
    let bands = [
        "outstanding": "★ Outstanding", "good": "✓ Good", "requires_improvement": "! Requires improvement",
        "inadequate": "✗ Inadequate", "none": "– No band",
    ]
    let directions = ["improving": "↑ improving", "declining": "↓ declining", "stable": "→ stable", "new": "• new"]
    var table = Table("ID", "PERIOD", "VALUE", "PREVIOUS", "BAND", "DIRECTION", "MEASURE")
    for row in rows {
        let hasValue = !(row["value"] is NSNull)
        let previous = row["previous"] is NSNull ? "-" : "\(row.text("previous")) (\(row.text("previous_period")))"
        table.append([
            row.text("id"), row.text("period"), hasValue ? row.text("value") : "-", previous,
            hasValue ? bands[row.text("band")] ?? row.text("band") : "not reported",
            hasValue ? directions[row.text("direction")] ?? row.text("direction") : "",
            String(row.text("name").prefix(60)),
        ])
    }
    return table
}
