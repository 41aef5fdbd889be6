import Foundation
import QuorumDomain
import QuorumFiles
import Testing

@Suite("A board file's quorum")
struct BoardQuorumTests {
    @Test("no quorum key: the default, a third of the membership")
    func defaultQuorum() throws {
        let board = try BoardFileLoader.loadBoard(text: BoardFixture.text, file: "Boards/OSC.yaml")
        #expect(board.quorum == nil)
        #expect(board.quorumRule == .default)
        // The chair and the one member: a third of 2 rounded up.
        #expect(board.votingMembers.count == 2)
        #expect(board.quorumRule.required(membership: board.votingMembers.count) == 1)
    }

    @Test("a number, a fraction and a fraction with a floor are read", arguments: [
        ("quorum: 3", QuorumRule.count(3)), ("quorum: 1/3", .fraction(numerator: 1, denominator: 3, minimum: 0)),
        ("quorum: 1/4 min 3", .fraction(numerator: 1, denominator: 4, minimum: 3)),
    ])
    func read(line: String, expected: QuorumRule) throws {
        let board = try BoardFileLoader.loadBoard(text: BoardFixture.appending(line), file: "Boards/OSC.yaml")
        #expect(board.quorum == expected)
    }

    @Test("a bad quorum stops the file at its line, saying the forms")
    func bad() {
        do {
            _ = try BoardFileLoader.loadBoard(text: BoardFixture.appending("quorum: a few"), file: "Boards/OSC.yaml")
            Issue.record("a quorum of 'a few' was accepted")
        } catch {
            let text = "\(error)"
            #expect(text.contains("Boards/OSC.yaml:25"), "\(text)")
            #expect(text.contains("quorum"), "\(text)")
            #expect(text.contains("1/4 min 3"), "\(text)")
        }
    }

    @Test("the repository's boards: Scrutiny a quarter but at least 3, Cabinet 3, the others a third but at least 3")
    func repositoryBoards() throws {
        let governance = try BoardFileLoader.loadGovernance(from: repositoryRoot.appendingPathComponent("Boards"))
        #expect(governance["OSC"]?.quorum == .fraction(numerator: 1, denominator: 4, minimum: 3))
        #expect(governance["CABINET"]?.quorum == .count(3))
        for code in ["CPB", "CYPCIB", "HWBB", "LSCB"] {
            #expect(governance[code]?.quorum == .fraction(numerator: 1, denominator: 3, minimum: 3), "\(code)")
        }
        // The Health and Wellbeing Board: the chair and seven members, a third of 8 rounded up is 3.
        let hwbb = try #require(governance["HWBB"])
        #expect(hwbb.quorumRule.required(membership: hwbb.votingMembers.count) == 3)
    }

    @Test("every shipped board file states its quorum rather than falling back to the default")
    func everyShippedBoardStatesOne() throws {
        let folder = repositoryRoot.appendingPathComponent("Boards")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files == ["CABINET.yaml", "CPB.yaml", "CYPCIB.yaml", "HWBB.yaml", "LSCB.yaml", "OSC.yaml"])
        for file in files {
            let path = folder.appendingPathComponent(file).path
            let board = try BoardFileLoader.loadBoard(text: try String(contentsOfFile: path, encoding: .utf8), file: "Boards/\(file)")
            #expect(board.quorum != nil, "Boards/\(file) states no quorum")
        }
    }
}

@Suite("The configuration's clearance and decisions sections")
struct MeetingSettingsTests {
    @Test("the repository's file states the defaults")
    func repositoryDefaults() throws {
        let settings = try ConfigurationFile.load(path: repositoryRoot.appendingPathComponent("Config/quorum.yaml").path)
        #expect(settings.clearance == ClearanceSchedule())
        #expect(settings.decisions == DecisionPolicy())
    }

    @Test("a council's own days are read, and the rest keep their defaults")
    func own() throws {
        let settings = try ConfigurationFile.parse(
            text: "clearance:\n  draft_due: 10\n  clearance_due: 6\ndecisions:\n  call_in_days: 3\n", file: "quorum.yaml")
        #expect(settings.clearance == ClearanceSchedule(draftDueWorkingDays: 10, clearanceDueWorkingDays: 6, approvalDueWorkingDays: 1))
        #expect(settings.decisions == DecisionPolicy(publicationWorkingDays: 2, callInWorkingDays: 3))
        let merged = DaemonSettings.defaults.overriding(with: settings)
        #expect(merged.decisions?.callInWorkingDays == 3)
        #expect(DaemonSettings.defaults.overriding(with: try ConfigurationFile.parse(text: "# none\n", file: "q.yaml")).clearance == ClearanceSchedule())
    }

    @Test("steps out of order, or an unknown key, are refused with the key path")
    func refused() {
        do {
            _ = try ConfigurationFile.parse(text: "clearance:\n  draft_due: 2\n  clearance_due: 3\n", file: "quorum.yaml")
            Issue.record("a draft due after clearance was accepted")
        } catch {
            #expect("\(error)".contains("clearance"), "\(error)")
            #expect("\(error)".contains("order"), "\(error)")
        }
        #expect(throws: ConfigurationFileError.self) {
            try ConfigurationFile.parse(text: "decisions:\n  call_in: 5\n", file: "quorum.yaml")
        }
    }
}
