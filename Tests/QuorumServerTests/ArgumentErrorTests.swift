import Foundation
import QuorumDomain
import QuorumProtocol
import Testing

@testable import QuorumServer

/// Each command's bad arguments, sent by an admin (so access never hides them): the error code,
/// and a message that names the command and what was wrong.
@Suite("Each command names its bad argument")
struct ArgumentErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let words: [String]
        let code: String
        /// Text the message must contain.
        let names: String
        var testDescription: String { words.joined(separator: " ") }

        init(_ words: String..., code: String, names: String) {
            self.words = words
            self.code = code
            self.names = names
        }
    }

    static let cases: [Case] = [
        Case("BOARD", "GET", "NOPE", code: "NOTFOUND", names: "NOPE"),
        Case("MEETING", "LIST", "NOPE", code: "NOTFOUND", names: "NOPE"),
        Case("MEETING", "LIST", "OSC", "2017-13-01", code: "BADARG", names: "2017-13-01"),
        Case("MEETING", "LIST", "OSC", "2018-01-01", "2017-01-01", code: "BADARG", names: "2017-01-01"),
        Case("MEETING", "GET", "OSC-2017-11-15", code: "NOTFOUND", names: "OSC-2017-11-15"),
        Case("MEETING", "ADD", "OSC", "12/12/2018", code: "BADARG", names: "12/12/2018"),
        Case("MEETING", "ADD", "OSC", "2018-12-12", "25:00", code: "BADARG", names: "25:00"),
        Case("MEETING", "ADD", "NOPE", "2018-12-12", code: "NOTFOUND", names: "NOPE"),
        Case("CYCLE", "LIST", "NOPE", code: "NOTFOUND", names: "NOPE"),
        Case("CYCLE", "LIST", "OSC", "asof=tomorrow", code: "BADARG", names: "asof"),
        Case("IMPORT", "widgets", "a,b\n", code: "BADARG", names: "widgets"),
        Case("IMPORT", "values", "measure_id,period,value\nM9,2017/18,1\n", code: "BADINPUT", names: "line 2"),
        Case("ACTION", "LIST", "status=late", code: "BADARG", names: "late"),
        Case("ACTION", "LIST", "asof=2017-02-30", code: "BADARG", names: "asof"),
        Case("ACTION", "GET", "9.9.9", code: "NOTFOUND", names: "9.9.9"),
        Case("ACTION", "UPDATE", "9.9.9", "done", code: "NOTFOUND", names: "9.9.9"),
        Case("MEASURE", "SET", "M9", "2017/18", "1", code: "NOTFOUND", names: "M9"),
        Case("MEASURE", "SET", "M9", "2017-18", "1", code: "BADARG", names: "2017-18"),
        Case("MEASURE", "SET", "M9", "2017/18", "many", code: "BADARG", names: "many"),
        Case("SCORECARD", "2017/19", code: "BADARG", names: "2017/19"),
        Case("ITEM", "ADD", "OSC-2017-11-14", "Budget", "exempt=9", code: "BADARG", names: "exempt"),
        Case("ITEM", "ADD", "OSC-2017-11-14", "Budget", "owner=nobody", code: "BADARG", names: "nobody"),
        Case("ITEM", "ADD", "OSC-2017-11-14", "Budget", "key=maybe", code: "BADARG", names: "key"),
        Case("ITEM", "ADD", "NOPE-2017-11-14", "Budget", code: "NOTFOUND", names: "NOPE-2017-11-14"),
        Case("REPORT", "SUBMIT", "OSC-2017-11-14", "99", "# Report", code: "NOTFOUND", names: "99"),
        Case("PACK", "BUILD", "NOPE-2017-11-14", code: "NOTFOUND", names: "NOPE-2017-11-14"),
        Case("PACK", "LIST", "NOPE-2017-11-14", code: "NOTFOUND", names: "NOPE-2017-11-14"),
        Case("PACK", "GET", "OSC-2017-11-14-v9", code: "NOTFOUND", names: "OSC-2017-11-14-v9"),
        Case("PACK", "GET", "OSC-2017-11-14-v1", "docx", code: "BADARG", names: "docx"),
        Case("PACK", "PUBLISH", "OSC-2017-11-14-v9", code: "NOTFOUND", names: "OSC-2017-11-14-v9"),
        Case("REMIND", "PREVIEW", "yesterday", code: "BADARG", names: "yesterday"),
        Case("REMIND", "RUN", "2018-13-01T08:00", code: "BADARG", names: "2018-13-01T08:00"),
        Case("OUTBOX", "LIST", "lost", code: "BADARG", names: "lost"),
        Case("OUTBOX", "RETRY", "seven", code: "BADARG", names: "seven"),
        Case("OUTBOX", "RETRY", "7", code: "NOTFOUND", names: "7"),
        Case("USER", "ADD", "not-an-address", "member", "board=OSC", code: "BADARG", names: "not-an-address"),
        Case("USER", "ADD", "m@example.org", "mayor", code: "BADARG", names: "mayor"),
        Case("USER", "ADD", "m@example.org", "member", code: "BADARG", names: "board"),
        Case("USER", "ADD", "m@example.org", "member", "board=NOPE", code: "NOTFOUND", names: "NOPE"),
        Case("NOTIFY", "TEST", "pigeon", "x", code: "BADARG", names: "pigeon"),
        Case("USER", "REVOKE", "nobody@example.org", code: "NOTFOUND", names: "nobody@example.org"),
        Case("USER", "REVOKE", "admin", code: "BADARG", names: "admin"),
        Case("USER", "ROTATE", "nobody@example.org", code: "NOTFOUND", names: "nobody@example.org"),
        Case("AUDIT", "yesterday", code: "BADARG", names: "yesterday"),
        Case("AUDIT", "limit=0", code: "BADARG", names: "limit"),
        Case("AUDIT", "kind=user%", code: "BADARG", names: "user%"),
        Case("BACKUP", "relative/folder", code: "BADARG", names: "relative/folder"),
        Case("ITEM", "ADD", "OSC-2017-11-14", "Budget", "key=FP-NONE", code: "BADARG", names: "FP-NONE"),
        Case("FORWARD", "ADD", "FP-1", "NOPE", "Budget", code: "NOTFOUND", names: "NOPE"),
        Case("FORWARD", "ADD", "FP-1", "OSC", "Budget", "published=1/11/2018", code: "BADARG", names: "published"),
        Case("FORWARD", "ADD", "FP 1", "OSC", "Budget", code: "BADARG", names: "reference"),
        Case("FORWARD", "SET", "FP-NONE", "title=Budget", code: "NOTFOUND", names: "FP-NONE"),
        Case("FORWARD", "SET", "FP-NONE", "colour=red", code: "BADARG", names: "colour"),
        Case("FORWARD", "LINK", "FP-NONE", "OSC-2017-11-14", "4", code: "NOTFOUND", names: "FP-NONE"),
        Case("FORWARD", "LIST", "NOPE", code: "NOTFOUND", names: "NOPE"),
        Case("FORWARD", "GET", "FP-NONE", code: "NOTFOUND", names: "FP-NONE"),
        Case("FORWARD", "DOCUMENT", "docx", code: "BADARG", names: "docx"),
        Case("NOTICE", "GIVE", "OSC-2017-11-14", "third", "2017-10-01", "Paragraph 1", code: "BADARG", names: "third"),
        Case("NOTICE", "GIVE", "OSC-2017-11-14", "first", "2017-11-15", "Paragraph 1", code: "BADARG", names: "2017-11-15"),
        Case("NOTICE", "URGENCY", "OSC-2017-11-14", "Chair", "14/11/2017", code: "BADARG", names: "14/11/2017"),
        Case("NOTICE", "LIST", "NOPE-2017-11-14", code: "NOTFOUND", names: "NOPE-2017-11-14"),
        Case("MEETING", "READINESS", "OSC-2017-11-14", "asof=soon", code: "BADARG", names: "asof"),
        Case("CLEARANCE", "GET", "OSC-2017-11-14", "99", code: "NOTFOUND", names: "99"),
        Case("CLEARANCE", "SUBMIT", "NOPE-2017-11-14", "4", code: "NOTFOUND", names: "NOPE-2017-11-14"),
        Case("CLEARANCE", "APPROVE", "OSC-2017-11-14", "99", code: "NOTFOUND", names: "99"),
        Case("CLEARANCE", "RETURN", "OSC-2017-11-14", "1", "why", code: "BADARG", names: "takes no report"),
        // Finance and legal clear for themselves alone: an admin is refused before the arguments are read.
        Case("CLEARANCE", "FINANCE", "OSC-2017-11-14", "4", "4914/17", "Head of Corporate Resources", code: "NOPERM", names: "finance"),
        Case("CLEARANCE", "LEGAL", "OSC-2017-11-14", "4", "4108/17", "Head of Legal", code: "NOPERM", names: "legal"),
    ] + meetingRecordCases

    @Test(arguments: cases)
    func badArgumentIsNamed(_ testCase: Case) async throws {
        let (dispatcher, _, token) = try await CommandDispatcherTests.makeDispatcher()
        let session = await dispatcher.dispatch(RESPRequest("AUTH", "admin", token), session: Session()).session
        let reply = await dispatcher.dispatch(RESPRequest(testCase.words), session: session).reply
        guard case .error(let code, let message) = reply else {
            Issue.record("expected -\(testCase.code), got \(reply)")
            return
        }
        #expect(code == testCase.code, "\(message)")
        #expect(message.contains(testCase.names), "\(message)")
    }

    /// The command a case sends: the longest table name its first words spell.
    static func command(of testCase: Case) -> String? {
        let upper = testCase.words.map { $0.uppercased() }
        let names: [String] = CommandDispatcher.allCommands.map(\.name)
        for name in names {
            let words: [String] = name.split(separator: " ").map(String.init)
            if Array(upper.prefix(words.count)) == words { return name }
        }
        return nil
    }

    @Test func everyCommandWithArgumentsHasACase() {
        let covered = Set(Self.cases.compactMap(Self.command(of:)))
        let specs = CommandDispatcher.allCommands.filter { $0.arity.upperBound > 0 && $0.operation != nil }
        let missing = Set(specs.map(\.name)).subtracting(covered).subtracting(Self.uncovered)
        #expect(missing.isEmpty, "commands with no argument-error case: \(missing.sorted())")
    }

    /// Commands whose every argument is free text: nothing they are sent is wrong.
    static let uncovered: Set<String> = ["AUTH", "HELP"]
}
