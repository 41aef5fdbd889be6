import Foundation
import QuorumDomain
import QuorumFiles
import Testing

@Suite("Loading a folder of board files into a governance structure")
struct BoardFileLoaderTests {
    private func expectError(
        _ files: [(file: String, text: String)], _ expected: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        do {
            let governance = try BoardFileLoader.loadGovernance(texts: files)
            Issue.record("expected \(expected), loaded \(governance.boards.map(\.code))", sourceLocation: sourceLocation)
        } catch {
            #expect(error.description == expected, sourceLocation: sourceLocation)
        }
    }

    @Test func anUnknownBoardInAFlowListIsReportedAtItsEntry() {
        expectError(
            [
                ("Boards/CABINET.yaml", BoardFixture.board("CABINET", reportsTo: "reports_to: []")),
                ("Boards/OSC.yaml", BoardFixture.replacing(line: 7, with: "reports_to: [CABINET, LSCX]")),
            ],
            "Boards/OSC.yaml:7:23: reports_to: LSCX is not a known board")
    }

    @Test func theBoardThatMayCallInADecisionMakersDecisionsComesFromScrutinises() throws {
        let governance = try BoardFileLoader.loadGovernance(texts: [
            ("Boards/CABINET.yaml", BoardFixture.board("CABINET", reportsTo: "reports_to: []")),
            ("Boards/OSC.yaml", BoardFixture.replacing(line: 7, with: "reports_to: [CABINET]\nscrutinises: [CABINET]")),
        ])
        #expect(governance["OSC"]?.scrutinises == ["CABINET"])
        #expect(Board.scrutinising("CABINET", among: governance.boards)?.code == "OSC")
        #expect(Board.scrutinising("OSC", among: governance.boards) == nil)
    }

    @Test func aScrutinisedBoardThatIsNotKnownIsReportedAtItsEntry() {
        expectError(
            [
                ("Boards/CABINET.yaml", BoardFixture.board("CABINET", reportsTo: "reports_to: []")),
                ("Boards/OSC.yaml", BoardFixture.replacing(line: 7, with: "reports_to: [CABINET]\nscrutinises: [CABINET, LSCX]")),
            ],
            "Boards/OSC.yaml:8:24: scrutinises[2]: LSCX is not a known board")
    }

    @Test func aBoardScrutinisedByTwoBoardsIsReportedAtTheSecond() {
        expectError(
            [
                ("Boards/CABINET.yaml", BoardFixture.board("CABINET", reportsTo: "reports_to: []")),
                ("Boards/HWBB.yaml", BoardFixture.board("HWBB", reportsTo: "reports_to: []\nscrutinises: [CABINET]")),
                ("Boards/OSC.yaml", BoardFixture.replacing(line: 7, with: "reports_to: [CABINET]\nscrutinises: [CABINET]")),
            ],
            "Boards/OSC.yaml:8:15: scrutinises[1]: CABINET is already scrutinised by HWBB: only one board may call in its decisions")
    }

    @Test func aBoardCannotScrutiniseItself() {
        expectError(
            [("Boards/OSC.yaml", BoardFixture.replacing(line: 7, with: "scrutinises: [OSC]"))],
            "Boards/OSC.yaml:7:15: scrutinises[1]: a board cannot scrutinise itself")
    }

    @Test func anUnknownBoardInABlockListIsReportedAtItsEntry() {
        expectError(
            [("Boards/OSC.yaml", BoardFixture.replacing(line: 7, with: "reports_to:\n- LSCX"))],
            "Boards/OSC.yaml:8:3: reports_to: LSCX is not a known board")
    }

    @Test func aReportingCycleAcrossTwoFilesIsReportedAtTheReportsToThatClosesIt() {
        expectError(
            [
                ("Boards/OSC.yaml", BoardFixture.text),  // OSC reports to CABINET
                ("Boards/CABINET.yaml", BoardFixture.board("CABINET", reportsTo: "reports_to: [OSC]")),
            ],
            "Boards/CABINET.yaml:5:14: reports_to: OSC makes a reporting cycle: CABINET → OSC → CABINET")
    }

    @Test func aReportingCycleThroughThreeBoardsNamesEveryBoardOnIt() {
        expectError(
            [
                ("Boards/HWBB.yaml", BoardFixture.board("HWBB", reportsTo: "reports_to:\n  - LSCB")),
                ("Boards/LSCB.yaml", BoardFixture.board("LSCB", reportsTo: "reports_to: [CPB]")),
                ("Boards/CPB.yaml", BoardFixture.board("CPB", reportsTo: "reports_to: [HWBB]")),
            ],
            "Boards/CPB.yaml:5:14: reports_to: HWBB makes a reporting cycle: CPB → HWBB → LSCB → CPB")
    }

    @Test func theSameBoardInTwoTextsIsRefused() {
        expectError(
            [
                ("Boards/OSC.yaml", BoardFixture.text),
                ("Other/OSC.yaml", BoardFixture.text),
            ],
            "Other/OSC.yaml:1:7: code: the board OSC is already defined in Boards/OSC.yaml")
    }

    @Test func aProblemInOneFileStopsTheLoadAtThatFile() {
        expectError(
            [
                ("Boards/CABINET.yaml", BoardFixture.board("CABINET", reportsTo: "reports_to: []")),
                ("Boards/OSC.yaml", BoardFixture.replacing(line: 21, with: "    every: weekly")),
            ],
            "Boards/OSC.yaml:21:12: cycles[1].every: 'weekly' is not a cadence: write 'N months', 'monthly', 'quarterly', 'six-monthly' or 'annual'")
    }

    @Test func aValidSetOfFilesLoadsSortedByCode() throws {
        let governance = try BoardFileLoader.loadGovernance(texts: [
            ("Boards/OSC.yaml", BoardFixture.text),
            ("Boards/CABINET.yaml", BoardFixture.board("CABINET", reportsTo: "reports_to: []")),
        ])
        #expect(governance.boards.map(\.code) == ["CABINET", "OSC"])
        #expect(governance.boards(reportingTo: "CABINET").map(\.code) == ["OSC"])
    }

    // MARK: - Folders

    @Test func aFolderIsReadInNameOrderSkippingHiddenAndNonYAMLFiles() throws {
        try withTemporaryDirectory { folder in
            try BoardFixture.text.write(to: folder.appendingPathComponent("OSC.yaml"), atomically: true, encoding: .utf8)
            try BoardFixture.board("CABINET", reportsTo: "reports_to: []")
                .write(to: folder.appendingPathComponent("CABINET.yaml"), atomically: true, encoding: .utf8)
            try "Board files live here.\n".write(to: folder.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
            try "code: [broken\n".write(to: folder.appendingPathComponent(".#OSC.yaml"), atomically: true, encoding: .utf8)
            let governance = try BoardFileLoader.loadGovernance(from: folder.path)
            #expect(governance.boards.map(\.code) == ["CABINET", "OSC"])
        }
    }

    @Test func errorsNameTheFileByTheFolderAsGiven() throws {
        try withTemporaryDirectory { folder in
            try BoardFixture.replacing(line: 7, with: "reports_to: [LSCX]")
                .write(to: folder.appendingPathComponent("OSC.yaml"), atomically: true, encoding: .utf8)
            let error = try #require(throws: BoardFileError.self) { try BoardFileLoader.loadGovernance(from: folder.path + "/") }
            #expect(error.description == "\(folder.path)/OSC.yaml:7:14: reports_to: LSCX is not a known board")
        }
    }

    @Test func aMisnamedFileInAFolderIsReportedAtItsCode() throws {
        try withTemporaryDirectory { folder in
            try BoardFixture.text.write(to: folder.appendingPathComponent("Scrutiny.yaml"), atomically: true, encoding: .utf8)
            let error = try #require(throws: BoardFileError.self) { try BoardFileLoader.loadGovernance(from: folder) }
            #expect(error.description == "\(folder.path)/Scrutiny.yaml:1:7: code: the board OSC must be in a file named OSC.yaml, not Scrutiny.yaml")
        }
    }

    @Test func aYmlFileIsAnErrorRatherThanSilentlyLeftOut() throws {
        try withTemporaryDirectory { folder in
            try BoardFixture.text.write(to: folder.appendingPathComponent("OSC.yml"), atomically: true, encoding: .utf8)
            let error = try #require(throws: BoardFileError.self) { try BoardFileLoader.loadGovernance(from: folder.path) }
            #expect(error.description == "\(folder.path)/OSC.yml: board files end in .yaml: rename it OSC.yaml")
        }
    }

    @Test func aFolderWithNoBoardFilesIsAnError() throws {
        try withTemporaryDirectory { folder in
            let error = try #require(throws: BoardFileError.self) { try BoardFileLoader.loadGovernance(from: folder.path) }
            #expect(error.description == "\(folder.path): no board files (*.yaml) found")
            #expect(error.line == 0)
        }
    }

    @Test func aMissingFolderIsAnError() throws {
        let error = try #require(throws: BoardFileError.self) {
            try BoardFileLoader.loadGovernance(from: "/nonexistent/quorum/Boards")
        }
        #expect(error.file == "/nonexistent/quorum/Boards")
        #expect(error.description == "/nonexistent/quorum/Boards: no such folder of board files")
    }

    @Test func aFileGivenInsteadOfTheFolderIsAnError() throws {
        try withTemporaryDirectory { folder in
            let file = folder.appendingPathComponent("OSC.yaml")
            try BoardFixture.text.write(to: file, atomically: true, encoding: .utf8)
            let error = try #require(throws: BoardFileError.self) { try BoardFileLoader.loadGovernance(from: file.path) }
            #expect(error.description == "\(file.path): is a file, not the folder of board files")
        }
    }

    @Test func aFileThatIsNotUTF8IsReportedAtTheBadByte() throws {
        try withTemporaryDirectory { folder in
            var bytes = Array(BoardFixture.text.utf8)
            // "name: Overview and Scrutiny": corrupt the 'O' of Overview, line 2 column 7.
            let index = Array(BoardFixture.text.utf8).firstIndex(of: UInt8(ascii: "v"))! - 1
            bytes[index] = 0xFF
            try Data(bytes).write(to: folder.appendingPathComponent("OSC.yaml"))
            let error = try #require(throws: BoardFileError.self) { try BoardFileLoader.loadGovernance(from: folder.path) }
            #expect(error.description == "\(folder.path)/OSC.yaml:2:7: the file is not valid UTF-8 text")
        }
    }

    @Test func theRepositoryBoardsWithABrokenReportsToAreRefusedAtThatLine() throws {
        let boards = repositoryRoot.appendingPathComponent("Boards")
        try withTemporaryDirectory { folder in
            for name in try FileManager.default.contentsOfDirectory(atPath: boards.path) where name.hasSuffix(".yaml") {
                var text = try String(contentsOf: boards.appendingPathComponent(name), encoding: .utf8)
                if name == "CABINET.yaml" {
                    // Cabinet reporting to Scrutiny closes CABINET → OSC → CABINET.
                    text = text.replacingOccurrences(of: "reports_to: []", with: "reports_to: [OSC]")
                }
                try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
            }
            let cabinet = try String(contentsOf: folder.appendingPathComponent("CABINET.yaml"), encoding: .utf8)
            let line = try #require(cabinet.split(separator: "\n", omittingEmptySubsequences: false)
                .firstIndex { $0.hasPrefix("reports_to:") }) + 1
            let error = try #require(throws: BoardFileError.self) { try BoardFileLoader.loadGovernance(from: folder.path) }
            #expect(error.description == "\(folder.path)/CABINET.yaml:\(line):14: reports_to: OSC makes a reporting cycle: CABINET → OSC → CABINET")
        }
    }
}
