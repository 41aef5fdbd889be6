import ArgumentParser
import Foundation
import NIOCore
import QuorumWire

struct Pack: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build, list, publish and download meeting packs.", subcommands: [Build.self, List.self, Publish.self, Get.self])

    struct Build: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Build a new version of a meeting's pack (secretary, admin).")
        @OptionGroup var options: ClientOptions
        @Argument(help: "Meeting id, e.g. OSC-2017-11-14.") var meeting: String
        @Flag(help: "Wait until the PDF is made (the reply comes when the HTML is stored).") var wait = false

        func run() async throws {
            guard var pack = try await options.callDocument(["PACK", "BUILD", meeting], as: PackDocument.self) else { return }
            // The server answers before the PDF; waiting is asking again, one short request at a
            // time, so no connection is held while the PDF engine runs.
            let deadline = ContinuousClock.now + .seconds(900)
            while wait, pack.pdf == .pending, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(500))
                let versions = try await options.callDocument(["PACK", "LIST", meeting], as: [PackDocument].self) ?? []
                pack = versions.first { $0.id == pack.id } ?? pack
            }
            printPack(pack)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List a meeting's pack versions.")
        @OptionGroup var options: ClientOptions
        @Argument(help: "Meeting id, e.g. OSC-2017-11-14.") var meeting: String

        func run() async throws {
            guard let packs = try await options.callDocument(["PACK", "LIST", meeting], as: [PackDocument].self) else { return }
            var table = Table("ID", "BUILT", "BY", "PUBLISHED", "LATE", "PDF", "WARNINGS", "CHANGES")
            for pack in packs {
                let changes = pack.changes
                table.append([
                    pack.id, pack.builtAt, pack.builtBy, pack.publishedAt ?? "-", pack.late?.word ?? "-", pack.pdf.rawValue,
                    "\(pack.warnings.count)",
                    "+\(changes.added.count) ~\(changes.replaced.count) -\(changes.removed.count)",
                ])
            }
            print(table.render())
        }
    }

    struct Publish: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Publish a pack version (secretary, admin).")
        @OptionGroup var options: ClientOptions
        @Argument(help: "Pack id, e.g. OSC-2017-11-14-v2.") var pack: String
        @Option(help: "The special circumstances, when publishing after the statutory deadline or with reports not yet approved.") var reason: String?

        func run() async throws {
            let words = ["PACK", "PUBLISH", pack] + optionWords(["reason": reason])
            guard let published = try await options.callDocument(words, as: PackDocument.self) else { return }
            let deadline = published.late == true
                ? " — LATE (deadline \(published.publishBy)): \(published.lateReason ?? "-")" : " (deadline \(published.publishBy))"
            print("Published \(published.id) at \(published.publishedAt ?? "-")\(deadline).")
            if let reason = published.unapprovedReason {
                print("With reports not yet approved (\(published.unapprovedReports.joined(separator: "; "))): \(reason)")
            }
            print("\(published.notified.map(String.init) ?? "-") notices queued for the board's members.")
        }
    }

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Download a pack: quorum pack get OSC-2017-11-14 --format pdf -o pack.pdf")
        @OptionGroup var options: ClientOptions
        @Argument(help: "A meeting id (OSC-2017-11-14: its latest version you may read) or a pack id (OSC-2017-11-14-v2).")
        var meeting: String
        /// The date, when the meeting is named the older way, as a board code and a date.
        @Argument(help: .hidden) var date: String?
        @Option(help: "html or pdf.") var format: String = "html"
        @Option(help: "public or exempt.") var part: String = "public"
        @Option(name: .shortAndLong, help: "File to write (default: standard output).") var output: String?

        func validate() throws {
            if let date, !isISODate(date) {
                throw ValidationError("'\(date)' is not a date: give a meeting id such as OSC-2017-11-14, or a pack id")
            }
        }

        func run() async throws {
            let id = date.map { "\(meeting)-\($0)" } ?? meeting
            try await options.download(["PACK", "GET", id, format, part], to: output)
        }
    }
}

func printPack(_ pack: PackDocument) {
    print("\(pack.id): version \(pack.version), publish by \(pack.publishBy), pdf \(pack.pdf.rawValue)")
    if let reason = pack.pdfError { print("pdf failed: \(reason)") }
    for part in pack.parts {
        print("  \(part.part.rawValue) \(part.format.rawValue): \(part.size) bytes, sha256 \(part.sha256)")
    }
    let changes = pack.changes
    for (kind, entries) in [("added", changes.added), ("replaced", changes.replaced), ("removed", changes.removed)] {
        for entry in entries { print("  \(kind): \(entry)") }
    }
    for warning in pack.warnings { print("warning: \(warning)") }
}

struct Item: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Add agenda items.", subcommands: [Add.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an item to a meeting's agenda (secretary, admin).")
        @OptionGroup var options: ClientOptions
        @Argument(help: "Meeting id.") var meeting: String
        @Argument(help: "Title.") var title: String
        @Option(help: "The owner's email (who submits the report).") var owner: String?
        @Flag(name: .customLong("key-decision"), help: "A key decision.") var keyDecision = false
        @Option(help: "Exempt under Schedule 12A paragraph 1-7.") var exempt: Int?
        @Option(help: "Date the Forward Plan or private-meeting notice was given, YYYY-MM-DD.") var notice: String?

        func run() async throws {
            let words = ["ITEM", "ADD", meeting, title]
                + optionWords(["owner": owner, "key": keyDecision ? "yes" : nil, "exempt": exempt.map(String.init), "notice": notice])
            guard let item = try await options.callDocument(words, as: AgendaEntryDocument.self) else { return }
            print("Added item \(item.number) (\(item.key)): \(item.title)")
        }
    }
}

struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Submit reports.", subcommands: [Submit.self])

    struct Submit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Submit a report: Markdown with the cover-report fields as front matter.")
        @OptionGroup var options: ClientOptions
        @Argument(help: "Meeting id.") var meeting: String
        @Argument(help: "Item number or key.") var item: String
        @Argument(help: "The Markdown file.") var file: String

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: file) else { throw ClientError(message: "cannot read \(file)") }
            guard
                let entry = try await options.callDocument(
                    ["REPORT", "SUBMIT", meeting, item, String(decoding: data, as: UTF8.self)], as: AgendaEntryDocument.self)
            else { return }
            print("Submitted \"\(entry.subject ?? "-")\" for item \(entry.number) of \(entry.meeting).")
        }
    }
}
