import ArgumentParser
import Foundation
import QuorumWire

/// `quorum forward …`: the Forward Plan of key decisions.
struct Forward: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Keep the Forward Plan of key decisions and publish it.",
        subcommands: [Add.self, Set.self, Link.self, List.self, Get.self, Document.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Put a key decision on the plan (the decision maker's secretary, admin).",
            discussion: "Options as key=value: meeting=<id> report=<title> owner=<email> owner_role=<role> published=<date> exempt=<1-7>.")
        @OptionGroup var options: ClientOptions
        @Argument(help: "The entry's reference, e.g. FP-2018-07.") var reference: String
        @Argument(help: "The decision maker's board code, e.g. CABINET.") var decisionMaker: String
        @Argument(help: "What will be decided.") var title: String
        @Argument(help: "key=value options.") var settings: [String] = []

        func run() async throws {
            try await options.show(
                ["FORWARD", "ADD", reference, decisionMaker, title] + settings, as: ForwardPlanEntryDocument.self, printEntry)
        }
    }

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change an entry, or record its general exception or special urgency steps.",
            discussion: """
                Options as key=value: title meeting report owner owner_role published exempt chair_informed \
                exception_notice exception_reasons urgency_by urgency_on urgency_reasons.
                """)
        @OptionGroup var options: ClientOptions
        @Argument(help: "The entry's reference.") var reference: String
        @Argument(help: "key=value changes.") var settings: [String]

        func run() async throws {
            try await options.show(["FORWARD", "SET", reference] + settings, as: ForwardPlanEntryDocument.self, printEntry)
        }
    }

    struct Link: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Name the agenda item that carries a key decision.")
        @OptionGroup var options: ClientOptions
        @Argument(help: "The entry's reference.") var reference: String
        @Argument(help: "Meeting id.") var meeting: String
        @Argument(help: "Item number or key.") var item: String

        func run() async throws {
            try await options.show(["FORWARD", "LINK", reference, meeting, item], as: ForwardPlanEntryDocument.self, printEntry)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the key decisions and whether each had its notice.")
        @OptionGroup var options: ClientOptions
        @Argument(help: "A decision maker's board code.") var board: String?
        @Option(help: "Judge the notices as of this date (YYYY-MM-DD).") var asOf: String?

        func run() async throws {
            let words = ["FORWARD", "LIST"] + (board.map { [$0] } ?? []) + optionWords(["asof": asOf])
            guard let entries = try await options.callDocument(words, as: [ForwardPlanEntryDocument].self) else { return }
            var table = Table("REFERENCE", "DECISION", "BY", "EXPECTED", "PUBLISHED", "ROUTE", "STATUS")
            for entry in entries {
                table.append([
                    entry.reference, entry.title, entry.decisionMaker, entry.meetingDate ?? "-", entry.firstPublished ?? "-",
                    entry.route ?? "-", entry.status,
                ])
            }
            print(table.render())
        }
    }

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one key decision and what its notice still needs.")
        @OptionGroup var options: ClientOptions
        @Argument(help: "The entry's reference.") var reference: String
        @Option(help: "Judge the notice as of this date (YYYY-MM-DD).") var asOf: String?

        func run() async throws {
            let words = ["FORWARD", "GET", reference] + optionWords(["asof": asOf])
            try await options.show(words, as: ForwardPlanEntryDocument.self, printEntry)
        }
    }

    struct Document: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Download the published plan: quorum forward document --format pdf -o plan.pdf")
        @OptionGroup var options: ClientOptions
        @Option(help: "html or pdf.") var format: String = "html"
        @Option(name: .shortAndLong, help: "File to write (default: standard output).") var output: String?

        func run() async throws {
            try await options.download(["FORWARD", "DOCUMENT", format], to: output)
        }
    }
}

private func printEntry(_ entry: ForwardPlanEntryDocument) {
    print("\(entry.reference): \(entry.title) (\(entry.decisionMaker), expected \(entry.meetingDate ?? "not yet fixed"))")
    print("Notice as of \(entry.asOf): \(entry.route ?? "-"), \(entry.status)")
    for check in entry.checks { print("  \(check.description)") }
    if !entry.items.isEmpty { print("Carried by: \(listText(entry.items))") }
}

/// `quorum clearance …`: a report's way through finance, legal and approval into the pack.
struct Clearance: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Take a report through clearance, and see what a meeting waits on.",
        subcommands: [Get.self, Submit.self, Finance.self, Legal.self, Approve.self, Return.self, Dashboard.self])

    struct Item: ParsableArguments {
        @Argument(help: "Meeting id, e.g. OSC-2017-11-14.") var meeting: String
        @Argument(help: "Item number or key.") var item: String
    }

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a report's clearance record.")
        @OptionGroup var options: ClientOptions
        @OptionGroup var report: Item
        func run() async throws { try await step(options, ["CLEARANCE", "GET", report.meeting, report.item]) }
    }

    struct Submit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Submit the report for clearance (its owner).")
        @OptionGroup var options: ClientOptions
        @OptionGroup var report: Item
        @Option(help: "The email of the officer the report is of, when the board files do not name them.") var of: String?
        func run() async throws {
            try await step(options, ["CLEARANCE", "SUBMIT", report.meeting, report.item] + optionWords(["of": of]))
        }
    }

    struct Finance: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Clear the report for finance (a finance officer).")
        @OptionGroup var options: ClientOptions
        @OptionGroup var report: Item
        @Argument(help: "The finance reference, e.g. FD.5470/18.") var reference: String
        @Argument(help: "Your title as the cover names you, e.g. \"Head of Corporate Resources\".") var title: String
        func run() async throws { try await step(options, ["CLEARANCE", "FINANCE", report.meeting, report.item, reference, title]) }
    }

    struct Legal: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Clear the report for legal (a legal officer).")
        @OptionGroup var options: ClientOptions
        @OptionGroup var report: Item
        @Argument(help: "The legal reference, e.g. LD.4595/18.") var reference: String
        @Argument(help: "Your title as the cover names you.") var title: String
        func run() async throws { try await step(options, ["CLEARANCE", "LEGAL", report.meeting, report.item, reference, title]) }
    }

    struct Approve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Approve the report (the officer it is of).")
        @OptionGroup var options: ClientOptions
        @OptionGroup var report: Item
        func run() async throws { try await step(options, ["CLEARANCE", "APPROVE", report.meeting, report.item]) }
    }

    struct Return: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Send the report back to draft, saying why.")
        @OptionGroup var options: ClientOptions
        @OptionGroup var report: Item
        @Argument(help: "Why it goes back.") var comment: String
        func run() async throws { try await step(options, ["CLEARANCE", "RETURN", report.meeting, report.item, comment]) }
    }

    struct Dashboard: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "What a meeting waits on: key decisions, private-meeting notices, reports and their holders (secretary).")
        @OptionGroup var options: ClientOptions
        @Argument(help: "Meeting id.") var meeting: String
        @Option(help: "As of this date (YYYY-MM-DD).") var asOf: String?

        func run() async throws {
            let words = ["MEETING", "READINESS", meeting] + optionWords(["asof": asOf])
            guard let readiness = try await options.callDocument(words, as: ReadinessDocument.self) else { return }
            print("\(readiness.meeting), publish by \(readiness.publishBy), as of \(readiness.asOf)")
            print("Due: draft \(readiness.deadlines.draft), clearance \(readiness.deadlines.clearance), approval \(readiness.deadlines.approval)")
            var table = Table("ITEM", "REPORT", "STAGE", "WAITING FOR", "DUE", "HOLDER", "LATE")
            for report in readiness.reports {
                table.append([
                    report.item, report.title, report.stage, report.waitingFor ?? "-", report.due ?? "-", report.holder ?? "-",
                    report.late.word,
                ])
            }
            print(table.render())
            for decision in readiness.keyDecisions {
                print("Key decision \(decision.reference): \(decision.route ?? "no route yet"), \(decision.status)")
            }
            // What is still in time: the notices and key-decision steps due but not yet late.
            let due = readiness.keyDecisions.flatMap { decision in
                decision.checks.filter { $0.status == "due" }.map { "key decision \(decision.reference): \($0.description)" }
            } + readiness.privateNotices.filter { $0.status == "due" }.map(\.description)
            for line in due { print("Due: \(line)") }
            for warning in readiness.warnings { print("! \(warning)") }
        }
    }
}

private func step(_ options: ClientOptions, _ words: [String]) async throws {
    guard let record = try await options.callDocument(words, as: ClearanceDocument.self) else { return }
    print("\(record.meeting) \(record.item): \(record.title)")
    print("Stage: \(record.stageLabel)\(record.waitingFor.map { "; waiting for \($0) by \(record.holder ?? "-"), due \(record.due ?? "-")" } ?? "")\(record.late ? " (LATE)" : "")")
    if let comment = record.returnComment { print("Returned: \(comment)") }
    if let consultations = record.internalConsultations { print("Internal Consultations: \(consultations)") }
    for event in record.history {
        print("  \(event.at)  \(event.step)  \(event.by)\(event.reference.map { " \($0)" } ?? "")\(event.comment.map { ": \($0)" } ?? "")")
    }
}

/// `quorum notice …`: notice of a meeting held in private.
struct NoticeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notice", abstract: "Record and check the notices of a private meeting.",
        subcommands: [Give.self, Urgency.self, List.self])

    struct Give: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a notice as given (secretary).")
        @OptionGroup var options: ClientOptions
        @Argument(help: "Meeting id.") var meeting: String
        @Argument(help: "first or second.") var which: String
        @Argument(help: "The day it was given (YYYY-MM-DD).") var date: String
        @Argument(help: "The reasons for meeting in private.") var reasons: String
        @Option(help: "A representation received (repeat for more).") var representation: [String] = []
        @Option(help: "The response to the representations.") var response: String?

        func run() async throws {
            let words = ["NOTICE", "GIVE", meeting, which, date, reasons] + representation.map { "representation=\($0)" }
                + optionWords(["response": response])
            try await options.show(words, as: PrivateNoticesDocument.self, printNotices)
        }
    }

    struct Urgency: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record the agreement that a private meeting is urgent (reg 5(6)), excusing a late notice (secretary).")
        @OptionGroup var options: ClientOptions
        @Argument(help: "Meeting id.") var meeting: String
        @Argument(help: "Who agreed, e.g. \"Chair of Overview and Scrutiny\".") var agreedBy: String
        @Argument(help: "The day they agreed (YYYY-MM-DD).") var date: String
        @Option(help: "The day the notice of the reasons was published (YYYY-MM-DD).") var reasons: String?

        func run() async throws {
            let words = ["NOTICE", "URGENCY", meeting, agreedBy, date] + optionWords(["reasons": reasons])
            try await options.show(words, as: PrivateNoticesDocument.self, printNotices)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a meeting's private-meeting notices (secretary).")
        @OptionGroup var options: ClientOptions
        @Argument(help: "Meeting id.") var meeting: String
        @Option(help: "Check the notices as of this date (YYYY-MM-DD).") var asOf: String?

        func run() async throws {
            try await options.show(["NOTICE", "LIST", meeting] + optionWords(["asof": asOf]), as: PrivateNoticesDocument.self, printNotices)
        }
    }
}

private func printNotices(_ notices: PrivateNoticesDocument) {
    print("\(notices.meeting) (\(notices.meetingDate)): exempt items \(listText(notices.exemptItems))")
    for check in notices.checks { print("  \(check.description)") }
}
