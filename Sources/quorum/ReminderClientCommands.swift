import ArgumentParser
import Foundation
import QuorumWire

struct Remind: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview or run a reminder sweep.", subcommands: [Preview.self, Run.self])

    struct Preview: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "What a sweep then would send; changes nothing (admin, secretary).")
        @OptionGroup var options: ClientOptions
        @Argument(help: "ISO date-time, e.g. 2017-11-01T08:00:00Z (default: now).") var at: String?

        func run() async throws {
            guard let sweep = try await options.callDocument(["REMIND", "PREVIEW"] + (at.map { [$0] } ?? []), as: SweepDocument.self)
            else { return }
            printSweep(sweep)
        }
    }

    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Run a sweep as of an instant (admin).")
        @OptionGroup var options: ClientOptions
        @Argument(help: "ISO date-time, e.g. 2017-11-01T08:00:00Z (default: now).") var at: String?

        func run() async throws {
            guard let sweep = try await options.callDocument(["REMIND", "RUN"] + (at.map { [$0] } ?? []), as: SweepDocument.self)
            else { return }
            printSweep(sweep)
            print("\(sweep.enqueued.map(String.init) ?? "-") outbox rows enqueued")
        }
    }
}

func printSweep(_ sweep: SweepDocument) {
    let notices = sweep.notices
    var table = Table("KIND", "TO", "CC", "DUE", "ABOUT")
    for notice in notices {
        let about = notice.report.map { "\($0.occurrence) for \($0.meetingDate ?? "-")" }
            ?? notice.actions.map { "\($0.ref)\($0.state == "overdue" ? " (\($0.daysOverdue)d)" : " (due)")" }.joined(separator: ", ")
        table.append([notice.kind, notice.to.email, listText(notice.cc.map(\.email)), notice.dueDate ?? "-", about])
    }
    print(table.render())
    print("\(notices.count) notice\(notices.count == 1 ? "" : "s") as of \(sweep.asOf)")
}

struct Outbox: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show or retry queued notices (admin).", subcommands: [List.self, Retry.self], defaultSubcommand: List.self)

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the outbox, newest first.")
        @OptionGroup var options: ClientOptions
        @Argument(help: "pending, sending, sent or dead.") var status: String?

        func run() async throws {
            guard let rows = try await options.callDocument(["OUTBOX", "LIST"] + (status.map { [$0] } ?? []), as: [OutboxDocument].self)
            else { return }
            var table = Table("ID", "STATUS", "CHANNEL", "KIND", "ATTEMPTS", "NEXT", "TO", "LAST ERROR")
            for row in rows {
                table.append([
                    "\(row.id)", row.status, row.channel, row.kind, "\(row.attempts)",
                    row.status == "pending" ? row.nextAttemptAt : "-", row.to, row.lastError.map { String($0.prefix(60)) } ?? "",
                ])
            }
            print(table.render())
        }
    }

    struct Retry: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Send a dead notice again.")
        @OptionGroup var options: ClientOptions
        @Argument(help: "Outbox id.") var id: String

        func run() async throws {
            print(render(try await options.call(["OUTBOX", "RETRY", id])))
        }
    }
}

struct Notify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check the mail and webhook settings.", subcommands: [Test.self])

    struct Test: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send a test message through the real path (admin): quorum notify test --email clerk@example.org")
        @OptionGroup var options: ClientOptions
        @Option(help: "Send a test email to this address.") var email: String?
        @Option(help: "Post a signed test event to this configured webhook URL.") var webhook: String?

        func validate() throws {
            guard (email == nil) != (webhook == nil) else { throw ValidationError("give --email or --webhook") }
        }

        func run() async throws {
            let words = email.map { ["NOTIFY", "TEST", "email", $0] } ?? ["NOTIFY", "TEST", "webhook", webhook!]
            print(render(try await options.call(words)))
        }
    }
}
