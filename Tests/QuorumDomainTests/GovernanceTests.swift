import Testing

@testable import QuorumDomain

@Suite("The reporting graph of the boards")
struct GovernanceTests {
    private func board(_ code: String, reportsTo: [String] = []) -> Board {
        Board(
            code: code, name: code, chair: Person(role: "Chair", email: "c@example.org"),
            secretary: Person(role: "Secretary", email: "s@example.org"), members: [], reportsTo: reportsTo,
            meetsInPublic: true,
            calendar: MeetingCalendar(defaultTime: LocalTime(hour: 10, minute: 0)!, defaultVenue: "Town Hall"),
            cycles: [])
    }

    @Test func theSeedStructureIsAcyclicAndAnswersWhoReportsToWhom() throws {
        let governance = try Governance(boards: [
            board("HWBB"), board("LSCB", reportsTo: ["HWBB"]), board("CPB", reportsTo: ["CABINET"]),
            board("CYPCIB", reportsTo: ["HWBB", "CABINET", "OSC"]), board("CABINET"), board("OSC"),
        ])
        #expect(governance.boards.map(\.code) == ["CABINET", "CPB", "CYPCIB", "HWBB", "LSCB", "OSC"])
        #expect(governance.boards(reportingTo: "HWBB").map(\.code) == ["CYPCIB", "LSCB"])
        #expect(governance["OSC"]?.code == "OSC")
        #expect(governance["NOPE"] == nil)
    }

    @Test func reportingToAnUnknownBoardIsRefused() {
        #expect(throws: GovernanceError.unknownBoard(board: "CPB", reportsTo: "CABINTE")) {
            try Governance(boards: [board("CPB", reportsTo: ["CABINTE"]), board("CABINET")])
        }
    }

    @Test func aCycleInTheReportingGraphIsRefusedWithItsPath() {
        #expect(throws: GovernanceError.reportingCycle(["A", "B", "C", "A"])) {
            try Governance(boards: [board("A", reportsTo: ["B"]), board("B", reportsTo: ["C"]), board("C", reportsTo: ["A"])])
        }
        #expect(throws: GovernanceError.reportingCycle(["OSC", "OSC"])) {
            try Governance(boards: [board("OSC", reportsTo: ["OSC"])])
        }
    }

    @Test func aCodeUsedTwiceIsRefused() {
        #expect(throws: GovernanceError.duplicateCode("OSC")) {
            try Governance(boards: [board("OSC"), board("OSC")])
        }
    }

    @Test func errorsNameTheBoardAtFault() {
        #expect(GovernanceError.unknownBoard(board: "CPB", reportsTo: "X").board == "CPB")
        #expect(GovernanceError.reportingCycle(["A", "B", "A"]).description.contains("A → B → A"))
    }

    @Test(arguments: [("OSC", true), ("CYPCIB", true), ("osc", false), ("", false), ("O-SC", false), ("ABCDEFGHIJKLMNOPQ", false)])
    func boardCodesAreUpperCaseLettersAndDigits(code: String, valid: Bool) {
        #expect(Board.isValidCode(code) == valid)
    }
}
