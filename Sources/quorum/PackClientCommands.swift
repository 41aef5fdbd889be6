import ArgumentParser
import Foundation
import NIOCore

struct Pack: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build, list, publish and download meeting packs.", subcommands: [Build.self, List.self, Publish.self, Get.self])

    struct Build: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Build a new version of a meeting's pack (secretary, admin).")
        @OptionGroup var options: ClientOptions
        @Argument(help: "Meeting id, e.g. OSC-2017-11-14.") var meeting: String

        func run() async throws {
            guard let pack = try await options.callJSON(["PACK", "BUILD", meeting]) as? [String: Any] else { return }
            printPack(pack)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List a meeting's pack versions.")
        @OptionGroup var options: ClientOptions
        @Argument(help: "Meeting id, e.g. OSC-2017-11-14.") var meeting: String

        func run() async throws {
            guard let packs = try await options.callJSON(["PACK", "LIST", meeting]) as? [[String: Any]] else { return }
            var table = Table("ID", "BUILT", "BY", "PUBLISHED", "LATE", "WARNINGS", "CHANGES")
            for pack in packs {
                let changes = pack.object("changes")
                let count = ["added", "replaced", "removed"].map { (changes[$0] as? [Any])?.count ?? 0 }
                table.append([
                    pack.text("id"), pack.text("built_at"), pack.text("built_by"),
                    pack["published_at"] is NSNull ? "-" : pack.text("published_at"),
                    pack["late"] is NSNull ? "-" : pack.flag("late"), "\((pack["warnings"] as? [Any])?.count ?? 0)",
                    "+\(count[0]) ~\(count[1]) -\(count[2])",
                ])
            }
            print(table.render())
        }
    }

    struct Publish: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Publish a pack version (secretary, admin).")
        @OptionGroup var options: ClientOptions
        @Argument(help: "Pack id, e.g. OSC-2017-11-14-v2.") var pack: String
        @Option(help: "The special circumstances, when publishing after the statutory deadline.") var reason: String?

        func run() async throws {
            var words = ["PACK", "PUBLISH", pack]
            if let reason { words.append("reason=\(reason)") }
            guard let published = try await options.callJSON(words) as? [String: Any] else { return }
            print("Published \(published.text("id")) at \(published.text("published_at"))\(published.flag("late") == "yes" ? " — LATE (deadline \(published.text("publish_by"))): \(published.text("late_reason"))" : " (deadline \(published.text("publish_by")))").")
            print("\(published.text("notified")) notices queued for the board's members.")
        }
    }

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Download a pack: quorum pack get OSC 2017-11-14 --format pdf -o pack.pdf")
        @OptionGroup var options: ClientOptions
        @Argument(help: "A pack id (OSC-2017-11-14-v2), a meeting id, or a board code followed by the date.") var what: [String]
        @Option(help: "html or pdf.") var format: String = "html"
        @Option(help: "public or exempt.") var part: String = "public"
        @Option(name: .shortAndLong, help: "File to write (default: standard output).") var output: String?

        func run() async throws {
            guard (1...2).contains(what.count) else { throw ValidationError("give a pack id, a meeting id, or a board and a date") }
            let id = what.joined(separator: "-")
            let reply = try await options.call(["PACK", "GET", id, format, part])
            guard case .bulkString(let buffer) = reply else { throw ClientError(message: "unexpected reply \(reply)") }
            let data = Data(buffer.readableBytesView)
            if let output {
                guard FileManager.default.createFile(atPath: output, contents: data) else {
                    throw ClientError(message: "cannot write \(output)")
                }
                FileHandle.standardError.write(Data("wrote \(output) (\(data.count) bytes)\n".utf8))
            } else {
                FileHandle.standardOutput.write(data)
            }
        }
    }
}

func printPack(_ pack: [String: Any]) {
    print("\(pack.text("id")): version \(pack.text("version")), publish by \(pack.text("publish_by"))")
    for part in pack["parts"] as? [[String: Any]] ?? [] {
        print("  \(part.text("part")) \(part.text("format")): \(part.text("size")) bytes, sha256 \(part.text("sha256"))")
    }
    let changes = pack.object("changes")
    for kind in ["added", "replaced", "removed"] {
        for entry in changes[kind] as? [String] ?? [] { print("  \(kind): \(entry)") }
    }
    for warning in pack["warnings"] as? [String] ?? [] { print("warning: \(warning)") }
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
            var words = ["ITEM", "ADD", meeting, title]
            if let owner { words.append("owner=\(owner)") }
            if keyDecision { words.append("key=yes") }
            if let exempt { words.append("exempt=\(exempt)") }
            if let notice { words.append("notice=\(notice)") }
            guard let item = try await options.callJSON(words) as? [String: Any] else { return }
            print("Added item \(item.text("number")) (\(item.text("key"))): \(item.text("title"))")
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
            guard let item = try await options.callJSON(["REPORT", "SUBMIT", meeting, item, String(decoding: data, as: UTF8.self)])
                as? [String: Any]
            else { return }
            print("Submitted \"\(item.text("subject"))\" for item \(item.text("number")) of \(item.text("meeting")).")
        }
    }
}
