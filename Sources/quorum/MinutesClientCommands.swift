import ArgumentParser
import Foundation
import QuorumWire

// quorum attendance, interest, minutes, resolution and decision: the record of a meeting.

struct AttendanceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attendance", abstract: "Who attended a meeting, and whether it was quorate.",
        subcommands: [Get.self, Record.self, Substitute.self])

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a meeting's attendance (members of the board, secretary, admin).")
        @OptionGroup var options: ClientOptions
        @Argument(help: "Meeting id, e.g. OSC-2017-11-14.") var meeting: String

        func run() async throws {
            try await options.show(["ATTENDANCE", "GET", meeting], as: AttendanceDocument.self, printAttendance)
        }
    }

    struct Record: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a member as present, apologies or absent (secretary).")
        @OptionGroup var options: ClientOptions
        @Argument(help: "Meeting id.") var meeting: String
        @Argument(help: "The member's email.") var member: String
        @Argument(help: "present, apologies or absent.") var status: String

        func run() async throws {
            try await options.show(["ATTENDANCE", "RECORD", meeting, member, status], as: AttendanceDocument.self, printAttendance)
        }
    }

    struct Substitute: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a substitute who sat for a member (secretary).")
        @OptionGroup var options: ClientOptions
        @Argument(help: "Meeting id.") var meeting: String
        @Argument(help: "The substitute's email.") var substitute: String
        @Argument(help: "The email of the member they sat for.") var member: String
        @Option(help: "The substitute's role.") var role: String?

        func run() async throws {
            let words = ["ATTENDANCE", "SUBSTITUTE", meeting, substitute, member] + optionWords(["role": role])
            try await options.show(words, as: AttendanceDocument.self, printAttendance)
        }
    }
}

func printAttendance(_ document: AttendanceDocument) {
    print("\(document.meeting): \(document.quorate ? "quorate" : "NOT quorate") — \(document.votingPresent) voting present, "
        + "\(document.required) needed (quorum \(document.quorum) of \(document.membership))")
    var table = Table("ATTENDANCE", "ROLE", "EMAIL")
    for person in document.present { table.append(["present", person.role, person.email]) }
    for substitute in document.substitutes { table.append(["substitute for \(substitute.forMember)", substitute.person.role, substitute.person.email]) }
    for person in document.apologies { table.append(["apologies", person.role, person.email]) }
    for person in document.absent { table.append(["absent", person.role, person.email]) }
    print(table.render())
    for declaration in document.declarations {
        print("Item \(declaration.item): \(declaration.member) declared a \(declaration.kind) interest (\(declaration.nature))"
            + (declaration.leftRoom ? " and left the room" : ""))
    }
    for warning in document.warnings { print("warning: \(warning)") }
}

struct InterestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interest", abstract: "Declarations of interest.", subcommands: [Declare.self])

    struct Declare: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a member's declaration of interest in an item (secretary).")
        @OptionGroup var options: ClientOptions
        @Argument(help: "Meeting id.") var meeting: String
        @Argument(help: "Agenda item number or key.") var item: String
        @Argument(help: "The member's email.") var member: String
        @Argument(help: "disclosable_pecuniary, other_registrable or non_registrable.") var kind: String
        @Argument(help: "What the interest is.") var nature: String
        @Flag(help: "The member left the room.") var left = false
        @Flag(help: "The member holds a dispensation.") var dispensation = false

        func run() async throws {
            let words = ["INTEREST", "DECLARE", meeting, item, member, kind, nature] 
                + optionWords(["left": left ? "yes" : nil, "dispensation": dispensation ? "yes" : nil])
            try await options.show(words, as: AttendanceDocument.self, printAttendance)
        }
    }
}

struct MinutesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "minutes", abstract: "A meeting's minutes.", subcommands: [Get.self, Render.self, Record.self, Approve.self])

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a meeting's minutes (members of the board, secretary, admin).")
        @OptionGroup var options: ClientOptions
        @Argument(help: "Meeting id.") var meeting: String

        func run() async throws {
            try await options.show(["MINUTES", "GET", meeting], as: MinutesDocument.self, printMinutes)
        }
    }

    struct Render: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Download the minutes as a document: quorum minutes render OSC-2017-11-14 --format pdf --part exempt -o minutes.pdf")
        @OptionGroup var options: ClientOptions
        @Argument(help: "Meeting id.") var meeting: String
        @Option(help: "html or pdf.") var format: String = "html"
        @Option(help: "public (Part I) or exempt (Part II, the exempt items).") var part: String = "public"
        @Option(name: .shortAndLong, help: "File to write (default: standard output).") var output: String?

        func run() async throws {
            try await options.download(["MINUTES", "RENDER", meeting, format, part], to: output)
        }
    }

    struct Record: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record an item's minute (secretary); its resolutions default to the report's recommendations.")
        @OptionGroup var options: ClientOptions
        @Argument(help: "Meeting id.") var meeting: String
        @Argument(help: "Agenda item number or key.") var item: String
        @Argument(help: "The minute.") var text: String
        @Flag(name: .customLong("no-default-resolutions"), help: "Do not take the report's recommendations as resolutions.")
        var noDefaults = false

        func run() async throws {
            let words = ["MINUTES", "RECORD", meeting, item, text] + optionWords(["resolutions": noDefaults ? "none" : nil])
            try await options.show(words, as: MinutesDocument.self, printMinutes)
        }
    }

    struct Approve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Approve, at this meeting, the minutes of the board's previous meeting (secretary).")
        @OptionGroup var options: ClientOptions
        @Argument(help: "The approving meeting's id.") var meeting: String
        @Option(help: "The minuted meeting's id, which must be the board's meeting just before (default: that one).")
        var minutes: String?

        func run() async throws {
            let words = ["MINUTES", "APPROVE", meeting] + optionWords(["minutes": minutes])
            try await options.show(words, as: MinutesDocument.self, printMinutes)
        }
    }
}

func printMinutes(_ document: MinutesDocument) {
    print("Minutes of \(document.meeting): \(document.status)"
        + (document.approvedAt.map { " at \($0)" } ?? document.nextMeeting.map { " (to be approved at \($0))" } ?? ""))
    for item in document.items {
        print("\n\(item.item). \(item.title)\(item.exemptParagraph.map { " (exempt, paragraph \($0))" } ?? "")")
        print("   \(item.text)")
        for resolution in item.resolutions {
            let vote = resolution.vote.map { " [\($0.inFavour) for, \($0.against) against, \($0.abstentions) abstaining]" } ?? ""
            print("   \(resolution.id) \(resolution.wording)\(vote)\(resolution.carried ? "" : " — NOT CARRIED")")
            for effect in resolution.effects {
                print("     → \(effect.kind) \(effect.action ?? effect.meeting ?? effect.warning ?? "")")
            }
        }
    }
}

/// The vote on a resolution, where one was taken: RESOLUTION ADD's and AMEND's options.
struct VoteOptions: ParsableArguments {
    @Option(name: .customLong("for"), help: "Votes for.") var inFavour: Int?
    @Option(help: "Votes against.") var against: Int?
    @Option(help: "Abstentions.") var abstain: Int?
    @Option(help: "The chair's casting vote on a tie: for or against.") var casting: String?

    var words: [String] {
        optionWords([
            "for": inFavour.map(String.init), "against": against.map(String.init), "abstain": abstain.map(String.init),
            "casting": casting,
        ])
    }
}

struct ResolutionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolution", abstract: "Resolutions and what they set in motion (secretary).",
        subcommands: [Add.self, Amend.self, Action.self, Update.self, Report.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an item's next resolution, with its vote if one was taken.")
        @OptionGroup var options: ClientOptions
        @Argument(help: "Meeting id.") var meeting: String
        @Argument(help: "Agenda item number or key.") var item: String
        @Argument(help: "The resolution's wording.") var wording: String
        @OptionGroup var vote: VoteOptions

        func run() async throws {
            let words = ["RESOLUTION", "ADD", meeting, item, wording] + vote.words
            guard let document = try await options.callDocument(words, as: ResolutionDocument.self) else { return }
            print("\(document.id) \(document.wording)\(document.carried ? "" : " — NOT CARRIED")")
        }
    }

    struct Amend: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Amend a draft resolution's wording and give it the vote taken on it (without a vote, it keeps the one it has).")
        @OptionGroup var options: ClientOptions
        @Argument(help: "Resolution id, e.g. OSC-2017-11-14/4.1.") var resolution: String
        @Argument(help: "The resolution's wording, as amended.") var wording: String
        @OptionGroup var vote: VoteOptions

        func run() async throws {
            let words = ["RESOLUTION", "AMEND", resolution, wording] + vote.words
            guard let document = try await options.callDocument(words, as: ResolutionDocument.self) else { return }
            let vote = document.vote.map { " [\($0.inFavour) for, \($0.against) against, \($0.abstentions) abstaining]" } ?? ""
            print("\(document.id) \(document.wording)\(vote)\(document.carried ? "" : " — NOT CARRIED")")
        }
    }

    struct Action: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create the plan action a resolution asks for.")
        @OptionGroup var options: ClientOptions
        @Argument(help: "Resolution id, e.g. OSC-2017-11-14/4.1.") var resolution: String
        @Argument(help: "The new action's reference, e.g. 1.1.19.") var ref: String
        @Argument(help: "The lead's email.") var lead: String
        @Argument(help: "Review date: 2018-01-31, 2018-01, Jan 2018 or Ongoing.") var review: String
        @Argument(help: "What will be done.") var text: String
        @Option(help: "The lead's role.") var role: String?
        @Option(help: "Update frequency: weekly, monthly, every 2 weeks…") var frequency: String?

        func run() async throws {
            let words = ["RESOLUTION", "ACTION", resolution, ref, lead, review, text] + optionWords(["role": role, "frequency": frequency])
            try await options.show(words, as: ActionDocument.self, printAction)
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Post the update to an action a resolution asks for.")
        @OptionGroup var options: ClientOptions
        @Argument(help: "Resolution id.") var resolution: String
        @Argument(help: "Action reference.") var ref: String
        @Argument(help: "The update.") var text: String
        @Option(help: "A new review date.") var review: String?

        func run() async throws {
            let words = ["RESOLUTION", "UPDATE", resolution, ref, text] + optionWords(["review": review])
            try await options.show(words, as: ActionDocument.self, printAction)
        }
    }

    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Request a report for the first meeting of a board in a month (\"January 2018\").")
        @OptionGroup var options: ClientOptions
        @Argument(help: "Resolution id.") var resolution: String
        @Argument(help: "The board to report to, e.g. OSC.") var board: String
        @Argument(help: "The month: January 2018, Jan 2018 or 2018-01.") var month: String
        @Argument(help: "The report owner's email.") var owner: String
        @Argument(help: "The report's title.") var title: String
        @Option(help: "The owner's role.") var role: String?

        func run() async throws {
            let words = ["RESOLUTION", "REPORT", resolution, board, month, owner, title] + optionWords(["role": role])
            guard let effect = try await options.callDocument(words, as: ResolutionEffectDocument.self) else { return }
            if let meeting = effect.meeting {
                print("'\(effect.title ?? title)' is item \(effect.item.map(String.init) ?? "?") of \(meeting), owner \(effect.owner ?? owner)")
            }
            if let warning = effect.warning { print("warning: \(warning)") }
        }
    }
}

struct DecisionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decision", abstract: "Executive decisions, their publication and call-in.",
        subcommands: [List.self, Get.self, Record.self, Publish.self, CallIn.self, Hear.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List decisions with their call-in and implementation.")
        @OptionGroup var options: ClientOptions
        @Argument(help: "A board code, e.g. CABINET.") var board: String?

        func run() async throws {
            guard let decisions = try await options.callDocument(["DECISION", "LIST"] + (board.map { [$0] } ?? []), as: [DecisionDocument].self)
            else { return }
            var table = Table("REF", "DECIDED", "PUBLISHED", "CALL-IN ENDS", "IMPLEMENTATION", "TITLE")
            for decision in decisions {
                table.append([
                    decision.reference, decision.decidedOn, decision.publishedOn ?? "-", decision.callInEnds ?? "-",
                    implementationText(decision.implementation), String(decision.title.prefix(50)),
                ])
            }
            print(table.render())
        }
    }

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one decision.")
        @OptionGroup var options: ClientOptions
        @Argument(help: "The decision's reference.") var reference: String

        func run() async throws {
            try await options.show(["DECISION", "GET", reference], as: DecisionDocument.self, printDecision)
        }
    }

    struct Record: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a decision (the decision maker's secretary).")
        @OptionGroup var options: ClientOptions
        @Argument(help: "A reference, e.g. CAB-2018-05-02-1.") var reference: String
        @Argument(help: "The decision maker, e.g. CABINET.") var board: String
        @Argument(help: "The day it was made, YYYY-MM-DD.") var date: String
        @Argument(help: "What was decided.") var title: String
        @Option(help: "Why it takes effect at once; the call-in is then waived.") var urgent: String?

        func run() async throws {
            let words = ["DECISION", "RECORD", reference, board, date, title] + optionWords(["urgent": urgent])
            try await options.show(words, as: DecisionDocument.self, printDecision)
        }
    }

    struct Publish: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a decision's publication.")
        @OptionGroup var options: ClientOptions
        @Argument(help: "The decision's reference.") var reference: String
        @Option(help: "The day it was published (default today).") var on: String?

        func run() async throws {
            let words = ["DECISION", "PUBLISH", reference] + optionWords(["on": on])
            try await options.show(words, as: DecisionDocument.self, printDecision)
        }
    }

    struct CallIn: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "callin", abstract: "Record a call-in by the scrutiny committee (its secretary).")
        @OptionGroup var options: ClientOptions
        @Argument(help: "The decision's reference.") var reference: String
        @Argument(help: "Why it is called in.") var reason: String
        @Option(help: "Who called it in, comma-separated.") var by: String?
        @Option(help: "The day it was called in (default today).") var on: String?

        func run() async throws {
            let words = ["DECISION", "CALLIN", reference, reason] + optionWords(["by": by, "on": on])
            try await options.show(words, as: DecisionDocument.self, printDecision)
        }
    }

    struct Hear: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record the hearing of a call-in and its outcome.")
        @OptionGroup var options: ClientOptions
        @Argument(help: "The decision's reference.") var reference: String
        @Argument(help: "The hearing's date.") var date: String
        @Option(help: "no_further_action or referred_back.") var outcome: String?

        func run() async throws {
            let words = ["DECISION", "HEAR", reference, date] + optionWords(["outcome": outcome])
            try await options.show(words, as: DecisionDocument.self, printDecision)
        }
    }
}

func implementationText(_ implementation: DecisionDocument.ImplementationDocument) -> String {
    switch implementation.state {
    case "implementable": implementation.immediately ? "immediately" : "from \(implementation.from ?? "?")"
    case "in_call_in_period": "call-in to \(implementation.until ?? "?"), then from \(implementation.from ?? "?")"
    case "suspended": implementation.referredBack ? "referred back" : "suspended (called in)"
    default: "awaiting publication"
    }
}

func printDecision(_ decision: DecisionDocument) {
    print("\(decision.reference)  \(decision.title)")
    print("Decided:    \(decision.decidedOn) by \(decision.decisionMaker)")
    print("Published:  \(decision.publishedOn ?? "not yet") (due by \(decision.publicationDue): \(decision.publication))")
    if let reason = decision.urgencyReason { print("Urgent:     \(reason); call-in waived") }
    if let ends = decision.callInEnds { print("Call-in:    ends \(ends)") }
    if let callIn = decision.callIn {
        print("Called in:  \(callIn.requestedOn): \(callIn.reason) (\(callIn.outcome)\(callIn.hearingDate.map { ", heard \($0)" } ?? ""))")
    }
    print("Implement:  \(implementationText(decision.implementation))")
}
