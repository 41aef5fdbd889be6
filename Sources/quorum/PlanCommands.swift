import ArgumentParser
import Foundation
import QuorumWire

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
        guard let summary = try await options.callDocument(["IMPORT", kind, text], as: ImportSummaryDocument.self) else { return }
        let elapsed = ContinuousClock.now - started
        print(
            "\(summary.kind): \(summary.rows) rows checked and stored in \(elapsed.formatted(.units(allowed: [.seconds, .milliseconds], width: .narrow))): "
                + "\(summary.created) new, \(summary.updated) changed, \(summary.unchanged) unchanged"
                + (kind.lowercased() == "actions" ? ", \(summary.updatesAdded) updates added" : ""))
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
        let words = ["ACTION", "LIST"] + optionWords(["status": status, "lead": lead, "rec": recommendation, "asof": asOf])
        guard let actions = try await options.callDocument(words, as: [ActionDocument].self) else { return }
        var table = Table("REF", "STATUS", "REVIEW", "OVERDUE", "LEAD", "ACTION")
        for action in actions {
            table.append([
                action.ref, action.status, action.effectiveReviewDate ?? "-", action.daysOverdue.map { "\($0)d" } ?? "",
                action.lead.email, String(action.action.prefix(70)),
            ])
        }
        print(table.render())
        print("\(actions.count) action\(actions.count == 1 ? "" : "s") as of \(actions.first?.asOf ?? asOf ?? "today")")
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
            try await options.show(["ACTION", "GET", ref], as: ActionDocument.self, printAction)
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Post an update (the action's lead, admin).")
        @OptionGroup var options: ClientOptions
        @Argument(help: "Action reference, e.g. 1.1.4.") var ref: String
        @Argument(help: "What has happened.") var text: String
        @Option(help: "A new review date (2018-01-31, 2018-01 or Jan 2018).") var review: String?
        @Flag(help: "Mark the action complete.") var complete = false
        @Option(help: "Your RAG rating: red, amber or green.") var rag: String?
        @Option(help: "How often updates are due: weekly, fortnightly, monthly, quarterly, every N days|weeks|months.")
        var frequency: String?

        func run() async throws {
            let words = ["ACTION", "UPDATE", ref, text]
                + optionWords(["review": review, "status": complete ? "complete" : nil, "rag": rag, "frequency": frequency])
            try await options.show(words, as: ActionDocument.self, printAction)
        }
    }
}

func printAction(_ action: ActionDocument) {
    print("\(action.ref)  \(action.action)")
    print("Lead:    \(action.lead.role) <\(action.lead.email)>")
    print("Review:  \(action.reviewDate) (judged against \(action.effectiveReviewDate ?? "-"))")
    print("Status:  \(action.status) as of \(action.asOf)")
    if let rag = action.rag { print("RAG:     \(rag)") }
    if let frequency = action.updateFrequency {
        print("Updates: \(frequency), next due \(action.nextUpdateDue ?? "-")\(action.updateChased ? " (chased)" : "")")
    }
    if let resolution = action.resolution { print("Created by resolution \(resolution)") }
    let updates = action.updates ?? []
    if !updates.isEmpty {
        print("\nUpdates:")
        for update in updates {
            var line = "  \(update.date)  \(update.text)  (\(update.author))"
            if let review = update.reviewDate { line += " → review \(review)" }
            if update.completes { line += " → complete" }
            print(line)
        }
    }
    let history = action.history ?? []
    if !history.isEmpty {
        print("\nHistory:")
        for entry in history { print("  \(entry.at)  \(entry.by)  \(entry.change) (\(entry.via))") }
    }
}

struct Measures: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the scorecard's measures and thresholds.")
    @OptionGroup var options: ClientOptions

    func run() async throws {
        guard let measures = try await options.callDocument(["MEASURE", "LIST"], as: [MeasureDocument].self) else { return }
        var table = Table("ID", "POLARITY", "RI", "GOOD", "OUTST.", "LATEST", "NAME")
        for measure in measures {
            let thresholds = measure.thresholds
            table.append([
                measure.id, measure.polarity, thresholds?.requiresImprovement ?? "-", thresholds?.good ?? "-",
                thresholds?.outstanding ?? "-",
                measure.latest.map { "\($0.value.map(numberText) ?? "-") (\($0.period))" } ?? "-",
                String(measure.name.prefix(60)),
            ])
        }
        print(table.render())
    }
}

struct MeasureCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measure", abstract: "Record values, targets and comparators.", subcommands: [Set.self, Target.self, Compare.self])

    struct Target: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set a measure's target and unit (analyst, admin).")
        @OptionGroup var options: ClientOptions
        @Argument(help: "Measure id.") var id: String
        @Argument(help: "The target, or none.") var target: String
        @Option(help: "percent, count, per_10000 or days.") var unit: String?

        func run() async throws {
            guard let measure = try await options.callDocument(
                ["MEASURE", "TARGET", id, target] + optionWords(["unit": unit]), as: MeasureDocument.self)
            else { return }
            print("\(measure.id): target \(measure.target.map(numberText) ?? "none")\(measure.unit.map { " (\($0))" } ?? "")")
        }
    }

    struct Compare: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "comparator", abstract: "Set a figure the measure is compared with (analyst, admin).")
        @OptionGroup var options: ClientOptions
        @Argument(help: "Measure id.") var id: String
        @Argument(help: "national, statistical_neighbours or regional.") var kind: String
        @Argument(help: "The figure.") var value: String
        @Argument(help: "Its period: 2016/17, 2017/18 Q2…") var period: String
        @Argument(help: "Where it comes from.") var source: String

        func run() async throws {
            guard let measure = try await options.callDocument(
                ["MEASURE", "COMPARATOR", id, kind, value, period, source], as: MeasureDocument.self)
            else { return }
            for comparator in measure.comparators {
                print("\(measure.id): \(comparator.kind) \(numberText(comparator.value)) (\(comparator.period), \(comparator.source))")
            }
        }
    }

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a measure's value for a period (analyst, admin).")
        @OptionGroup var options: ClientOptions
        @Argument(help: "Measure id.") var id: String
        @Argument(help: "Period: 2017/18, 2017/18 Q2 or 2017-10.") var period: String
        @Argument(help: "The value.") var value: String

        func run() async throws {
            guard let row = try await options.callDocument(["MEASURE", "SET", id, period, value], as: ScorecardRowDocument.self)
            else { return }
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
        guard let rows = try await options.callDocument(words, as: [ScorecardRowDocument].self) else { return }
        print(scorecardTable(rows).render())
        let reported = rows.filter { $0.value != nil }.count
        print("\(reported) of \(rows.count) measures reported")
    }
}

/// Band and direction in words and symbols, never colour alone.
func scorecardTable(_ rows: [ScorecardRowDocument]) -> Table {
    let bands = [
        "outstanding": "★ Outstanding", "good": "✓ Good", "requires_improvement": "! Requires improvement",
        "inadequate": "✗ Inadequate", "none": "– No band",
    ]
    let directions = ["improving": "↑ improving", "declining": "↓ declining", "stable": "→ stable", "new": "• new"]
    var table = Table("ID", "PERIOD", "VALUE", "PREVIOUS", "BAND", "DIRECTION", "MEASURE")
    for row in rows {
        let previous = row.previous.map { "\(numberText($0)) (\(row.previousPeriod ?? "-"))" } ?? "-"
        guard let value = row.value else {
            table.append([row.id, row.period, "-", previous, "not reported", "", String(row.name.prefix(60))])
            continue
        }
        table.append([
            row.id, row.period, numberText(value), previous, bands[row.band] ?? row.band,
            directions[row.direction] ?? row.direction, String(row.name.prefix(60)),
        ])
    }
    return table
}
