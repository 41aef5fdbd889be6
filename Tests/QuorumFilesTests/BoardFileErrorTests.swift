import QuorumDomain
import QuorumFiles
import Testing

/// One bad board file and the error it must produce.
struct BadBoardFile: CustomTestStringConvertible, Sendable {
    let scenario: String
    let text: String
    let file: String
    let error: String

    init(_ scenario: String, _ text: String, file: String = "Boards/OSC.yaml", _ error: String) {
        self.scenario = scenario
        self.text = text
        self.file = file
        self.error = error
    }

    var testDescription: String { scenario }
}

@Suite("Board file errors name the file, line and column")
struct BoardFileErrorTests {
    static let badFiles: [BadBoardFile] = [
        // YAML syntax
        BadBoardFile(
            "a colon inside an unquoted value",
            BoardFixture.replacing(line: 11, with: "  venue: Committee Room 1: Town Hall"),
            "Boards/OSC.yaml:11:26: invalid YAML: mapping values are not allowed in this context"),
        BadBoardFile(
            "an unterminated quote, which runs on to the next quote",
            BoardFixture.replacing(line: 10, with: "  time: \"18:30"),
            "Boards/OSC.yaml:13:10: invalid YAML: did not find expected key (while parsing a block mapping at line 10, column 3)"),
        BadBoardFile(
            "a tab used for indentation",
            BoardFixture.replacing(line: 11, with: "\tvenue: Committee Room 1"),
            "Boards/OSC.yaml:11:1: invalid YAML: found character that cannot start any token (while scanning for the next token at line 11, column 1)"),
        BadBoardFile(
            "a key given twice",
            BoardFixture.appending("name: Scrutiny again"),
            "Boards/OSC.yaml:2:1: key 'name' given more than once in the same mapping"),
        BadBoardFile("an empty file", "# nothing yet\n", "Boards/OSC.yaml: the file is empty: a board file needs at least code, name, chair, secretary, public and meetings"),
        BadBoardFile(
            "a list where the board's mapping belongs", "- code: OSC\n",
            "Boards/OSC.yaml:1:1: expected a mapping of code, name, chair, secretary, members, reports_to, public, meetings, cycles, quorum, scrutinises, found a list"),

        // Required and unknown keys
        BadBoardFile("no name", BoardFixture.replacing(line: 2, with: nil), "Boards/OSC.yaml:1:1: missing key 'name'"),
        BadBoardFile("a name with no value", BoardFixture.replacing(line: 2, with: "name:"), "Boards/OSC.yaml:2:6: name: a value is required"),
        BadBoardFile(
            "no venue", BoardFixture.replacing(line: 11, with: nil), "Boards/OSC.yaml:10:3: meetings: missing key 'venue'"),
        BadBoardFile(
            "a misspelt top-level key", BoardFixture.replacing(line: 8, with: "pubic: true"),
            "Boards/OSC.yaml:8:1: unknown key 'pubic'; did you mean 'public'?"),
        BadBoardFile(
            "a misspelt meetings key", BoardFixture.replacing(line: 11, with: "  venu: Committee Room 1"),
            "Boards/OSC.yaml:11:3: meetings: unknown key 'venu'; did you mean 'venue'?"),
        BadBoardFile(
            "a misspelt cycle key", BoardFixture.replacing(line: 21, with: "    evry: 6 months"),
            "Boards/OSC.yaml:21:5: cycles[1]: unknown key 'evry'; did you mean 'every'?"),
        BadBoardFile(
            "a person given by name", BoardFixture.replacing(line: 3, with: "chair: { name: A Person, email: chair@example.org }"),
            "Boards/OSC.yaml:3:10: chair: unknown key 'name' (expected one of: role, email)"),

        // Types
        BadBoardFile(
            "public neither true nor false", BoardFixture.replacing(line: 8, with: "public: sometimes"),
            "Boards/OSC.yaml:8:9: public: expected true or false, found 'sometimes'"),
        BadBoardFile(
            "reports_to as a single code", BoardFixture.replacing(line: 7, with: "reports_to: CABINET"),
            "Boards/OSC.yaml:7:13: reports_to: expected a list, found 'CABINET'"),
        BadBoardFile(
            "a chair given as text", BoardFixture.replacing(line: 3, with: "chair: Chair of the Committee"),
            "Boards/OSC.yaml:3:8: chair: expected a mapping of role, email, found 'Chair of the Committee'"),

        // Codes and file names
        BadBoardFile(
            "a lower-case code", BoardFixture.replacing(line: 1, with: "code: osc"),
            "Boards/OSC.yaml:1:7: code: 'osc' is not a board code: use up to 16 capital letters and digits, e.g. OSC"),
        BadBoardFile(
            "a file not named after its code", BoardFixture.text, file: "Boards/SCRUTINY.yaml",
            "Boards/SCRUTINY.yaml:1:7: code: the board OSC must be in a file named OSC.yaml, not SCRUTINY.yaml"),
        BadBoardFile(
            "a board reporting to itself", BoardFixture.replacing(line: 7, with: "reports_to: [CABINET, OSC]"),
            "Boards/OSC.yaml:7:23: reports_to[2]: a board cannot report to itself"),
        BadBoardFile(
            "a board reporting twice to the same board", BoardFixture.replacing(line: 7, with: "reports_to: [CABINET, CABINET]"),
            "Boards/OSC.yaml:7:23: reports_to[2]: CABINET is listed twice"),
        BadBoardFile(
            "a reports_to entry that is not a code", BoardFixture.replacing(line: 7, with: "reports_to: [the Cabinet]"),
            "Boards/OSC.yaml:7:14: reports_to[1]: 'the Cabinet' is not a board code: use capital letters and digits, e.g. CABINET"),

        // Emails
        BadBoardFile(
            "a chair's email that is a name", BoardFixture.replacing(line: 3, with: "chair: { role: Chair, email: Chair of OSC }"),
            "Boards/OSC.yaml:3:30: chair.email: 'Chair of OSC' is not an email address"),
        BadBoardFile(
            "a member's email without a domain", BoardFixture.replacing(line: 6, with: "  - { role: Member, email: member@ }"),
            "Boards/OSC.yaml:6:28: members[1].email: 'member@' is not an email address"),
        BadBoardFile(
            "an owner's email without an @", BoardFixture.replacing(line: 20, with: "    owner: { role: Head of Service, email: head.example.org }"),
            "Boards/OSC.yaml:20:44: cycles[1].owner.email: 'head.example.org' is not an email address"),

        // Dates, months, times
        BadBoardFile(
            "a start date without leading zeros", BoardFixture.replacing(line: 12, with: "  start: 2017-1-10"),
            "Boards/OSC.yaml:12:10: meetings.start: '2017-1-10' is not a date of the form YYYY-MM-DD"),
        BadBoardFile(
            "an extra meeting on a day that does not exist", BoardFixture.replacing(line: 14, with: "  dates: [2017-09-31]"),
            "Boards/OSC.yaml:14:11: meetings.dates[1]: '2017-09-31' is not a date of the form YYYY-MM-DD"),
        BadBoardFile(
            "a cancellation written in words", BoardFixture.replacing(line: 15, with: "  cancelled: [2017-09-12, 12 Sept 2017]"),
            "Boards/OSC.yaml:15:27: meetings.cancelled[2]: '12 Sept 2017' is not a date of the form YYYY-MM-DD"),
        BadBoardFile(
            "an extra meeting listed twice", BoardFixture.replacing(line: 14, with: "  dates: [2017-09-26, 2017-09-26]"),
            "Boards/OSC.yaml:14:23: meetings.dates[2]: 2017-09-26 is listed twice"),
        BadBoardFile(
            "a meeting both added and cancelled", BoardFixture.replacing(line: 15, with: "  cancelled: [2017-09-26]"),
            "Boards/OSC.yaml:15:15: meetings.cancelled[1]: 2017-09-26 is both an extra meeting (dates) and cancelled"),
        BadBoardFile(
            "a time in words", BoardFixture.replacing(line: 10, with: "  time: 6.30pm"),
            "Boards/OSC.yaml:10:9: meetings.time: '6.30pm' is not a time of the form HH:MM (24-hour clock)"),
        BadBoardFile(
            "a time past midnight", BoardFixture.replacing(line: 10, with: "  time: \"24:30\""),
            "Boards/OSC.yaml:10:9: meetings.time: '24:30' is not a time of the form HH:MM (24-hour clock)"),
        BadBoardFile(
            "a first month given as a date", BoardFixture.replacing(line: 22, with: "    first: 2017-11-14"),
            "Boards/OSC.yaml:22:12: cycles[1].first: '2017-11-14' is not a month of the form YYYY-MM"),
        BadBoardFile(
            "an until month before the first", BoardFixture.replacing(line: 23, with: "    until: 2017-10"),
            "Boards/OSC.yaml:23:12: cycles[1].until: 2017-10 is before the first occurrence (2017-11)"),

        // The rule and its start
        BadBoardFile(
            "a rule without a start", BoardFixture.replacing(line: 12, with: nil),
            "Boards/OSC.yaml:12:9: meetings.rule: a rule needs 'start:', the date of its first meeting (the rule's DTSTART)"),
        BadBoardFile(
            "a start without a rule", BoardFixture.replacing(line: 13, with: nil),
            "Boards/OSC.yaml:12:10: meetings.start: start is the first meeting of a rule, but there is no rule"),

        // Cycles
        BadBoardFile(
            "a cadence that is not one", BoardFixture.replacing(line: 21, with: "    every: fortnightly"),
            "Boards/OSC.yaml:21:12: cycles[1].every: 'fortnightly' is not a cadence: write 'N months', 'monthly', 'quarterly', 'six-monthly' or 'annual'"),
        BadBoardFile(
            "a cadence without its unit", BoardFixture.replacing(line: 21, with: "    every: 6"),
            "Boards/OSC.yaml:21:12: cycles[1].every: '6' is not a cadence: write 'N months', 'monthly', 'quarterly', 'six-monthly' or 'annual'"),
        BadBoardFile(
            "an ambiguous bi-annual cadence", BoardFixture.replacing(line: 21, with: "    every: bi-annual"),
            "Boards/OSC.yaml:21:12: cycles[1].every: 'bi-annual' is not a cadence: write 'N months', 'monthly', 'quarterly', 'six-monthly' or 'annual'"),
        BadBoardFile(
            "a cadence longer than three years", BoardFixture.replacing(line: 21, with: "    every: 4 years"),
            "Boards/OSC.yaml:21:12: cycles[1].every: '4 years' is too long a cadence: at most 36 months"),
        BadBoardFile(
            "an appendix the pack cannot generate", BoardFixture.replacing(line: 24, with: "    appendices: [scorecards]"),
            "Boards/OSC.yaml:24:18: cycles[1].appendices[1]: 'scorecards' is not an appendix the pack can generate (known: scorecard, action_tracker)"),
        BadBoardFile(
            "an appendix listed twice", BoardFixture.replacing(line: 24, with: "    appendices: [scorecard, scorecard]"),
            "Boards/OSC.yaml:24:29: cycles[1].appendices[2]: scorecard is listed twice"),
        BadBoardFile(
            "a cycle key with spaces", BoardFixture.replacing(line: 17, with: "  - key: Performance Report"),
            "Boards/OSC.yaml:17:10: cycles[1].key: 'Performance Report' is not a cycle key: start with a lower-case letter, then lower-case letters, digits, _ or - (e.g. performance)"),
        BadBoardFile(
            "two cycles with the same key",
            BoardFixture.appending(
                """
                  - key: performance
                    title: Performance again
                    report_of: Director
                    owner: { role: Head of Service, email: head@example.org }
                    every: annual
                    first: 2018-06
                """),
            "Boards/OSC.yaml:25:10: cycles[2].key: the cycle key 'performance' is already used at line 17"),
        BadBoardFile(
            "a cycle without an owner", BoardFixture.replacing(line: 20, with: nil),
            "Boards/OSC.yaml:17:5: cycles[1]: missing key 'owner'"),
    ]

    @Test(arguments: badFiles)
    func aBadBoardFileIsRefusedWithItsFileLineAndColumn(_ bad: BadBoardFile) {
        #expect(throws: BoardFileError.self) { try BoardFileLoader.loadBoard(text: bad.text, file: bad.file) }
        do {
            _ = try BoardFileLoader.loadBoard(text: bad.text, file: bad.file)
        } catch {
            #expect(error.description == bad.error)
            #expect(error.file == bad.file)
        }
    }

    @Test func theFixtureItselfIsAValidBoard() throws {
        let board = try BoardFileLoader.loadBoard(text: BoardFixture.text, file: "Boards/OSC.yaml")
        #expect(board.code == "OSC")
        #expect(board.reportsTo == ["CABINET"])
        #expect(board.calendar.start == LocalDate(iso: "2017-01-10"))
        #expect(board.calendar.dates == [LocalDate(iso: "2017-09-26")!])
        #expect(board.calendar.cancellations == [LocalDate(iso: "2017-09-12")!])
        #expect(board.calendar.defaultVenue == "Committee Room 1")
        #expect(board.cycles.map(\.key) == ["performance"])
        #expect(board.cycles.first?.lastMonth == YearMonth(year: 2019, month: 12))
    }

    @Test func theErrorFieldsCarryTheLocation() throws {
        let text = BoardFixture.replacing(line: 8, with: "pubic: true")
        let error = try #require(throws: BoardFileError.self) {
            try BoardFileLoader.loadBoard(text: text, file: "Boards/OSC.yaml")
        }
        #expect(error.file == "Boards/OSC.yaml")
        #expect(error.line == 8)
        #expect(error.column == 1)
        #expect(error.message == "unknown key 'pubic'; did you mean 'public'?")
    }

    @Test
    func aRuleTheRecurrenceParserRefusesIsReportedAtTheRulesLine() throws {
        let ruleText = "FREQ=FORTNIGHTLY;BYDAY=2TU"
        let parserError = try #require(throws: RecurrenceRuleError.self) { try RecurrenceRule(parsing: ruleText) }
        let text = BoardFixture.replacing(line: 13, with: "  rule: \"\(ruleText)\"")
        let error = try #require(throws: BoardFileError.self) {
            try BoardFileLoader.loadBoard(text: text, file: "Boards/OSC.yaml")
        }
        #expect(error.description == "Boards/OSC.yaml:13:9: meetings.rule: \(parserError.description)")
    }

    @Test(arguments: [
        ("every: 1 month", 1), ("every: 2 months", 2), ("every: monthly", 1), ("every: Quarterly", 3),
        ("every: six-monthly", 6), ("every: half-yearly", 6), ("every: 6 months", 6), ("every: annual", 12),
        ("every: annually", 12), ("every: 1 year", 12), ("every: 2 years", 24),
    ])
    func cadencesAreReadAsMonthsBetweenReports(line: String, months: Int) throws {
        let board = try BoardFileLoader.loadBoard(
            text: BoardFixture.replacing(line: 21, with: "    \(line)"), file: "OSC.yaml")
        #expect(board.cycles.first?.cadenceMonths == months)
    }

    @Test func optionalKeysMayBeLeftOut() throws {
        let text = """
            code: CPB
            name: Corporate Parenting Board
            chair: { role: Chair, email: chair@example.org }
            secretary: { role: Secretary, email: secretary@example.org }
            public: false
            meetings:
              time: "16:00"
              venue: Committee Room 2
            """
        let board = try BoardFileLoader.loadBoard(text: text, file: "CPB.yaml")
        #expect(board.members.isEmpty)
        #expect(board.reportsTo.isEmpty)
        #expect(board.cycles.isEmpty)
        #expect(board.calendar.rule == nil)
        #expect(board.calendar.dates.isEmpty)
    }
}
