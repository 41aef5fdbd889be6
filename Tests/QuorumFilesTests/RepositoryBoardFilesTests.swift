import Foundation
import QuorumDomain
import QuorumFiles
import Testing

private func date(_ text: String) -> LocalDate { LocalDate(iso: text)! }

@Suite("The repository's Boards folder")
struct RepositoryBoardFilesTests {
    let boardsDirectory = repositoryRoot.appendingPathComponent("Boards")
    let governance: Governance
    let endOfDemo = LocalDate(iso: "2019-12-31")!

    init() throws {
        governance = try BoardFileLoader.loadGovernance(from: boardsDirectory)
    }

    @Test func loadsTheSixBoardsOfTheSeedsGovernanceStructure() {
        #expect(governance.boards.map(\.code) == ["CABINET", "CPB", "CYPCIB", "HWBB", "LSCB", "OSC"])
        #expect(governance["HWBB"]?.name == "Health and Wellbeing Board")
        #expect(governance["LSCB"]?.name == "Local Safeguarding Children Board")
        #expect(governance["CPB"]?.name == "Corporate Parenting Board")
        #expect(governance["CYPCIB"]?.name == "Children and Young People's Continuous Improvement Board")
        #expect(governance["CABINET"]?.name == "Cabinet")
        #expect(governance["OSC"]?.name == "Overview and Scrutiny Committee (Children's Services and Safeguarding)")
    }

    @Test func theImprovementBoardReportsUpToHealthCabinetAndScrutiny() {
        #expect(governance["CYPCIB"]?.reportsTo == ["HWBB", "CABINET", "OSC"])
        #expect(governance["LSCB"]?.reportsTo == ["HWBB"])
        #expect(governance["CPB"]?.reportsTo == ["CABINET"])
        #expect(governance["OSC"]?.reportsTo == ["CABINET"])
        #expect(governance["HWBB"]?.reportsTo == [])
        #expect(governance["CABINET"]?.reportsTo == [])
        #expect(governance.boards(reportingTo: "HWBB").map(\.code) == ["CYPCIB", "LSCB"])
    }

    @Test func publicBoardsAreTheCouncilsCommitteesAndPartnershipBoardsMeetInPrivate() {
        let publicCodes = governance.boards.filter(\.meetsInPublic).map(\.code)
        #expect(publicCodes == ["CABINET", "HWBB", "OSC"])
    }

    @Test func eachBoardFileIsNamedAfterItsCodeAndOpensWithAnExplanatoryComment() throws {
        for board in governance.boards {
            let url = boardsDirectory.appendingPathComponent("\(board.code).yaml")
            let text = try String(contentsOf: url, encoding: .utf8)
            let header = text.split(separator: "\n").prefix { $0.hasPrefix("#") }.joined(separator: "\n")
            #expect(header.count > 200, "\(board.code).yaml should open with its comment header")
            for key in ["code", "name", "chair", "reports_to", "public", "meetings", "rule", "cycles", "every", "appendices"] {
                #expect(header.contains(key), "the header of \(board.code).yaml explains \(key)")
            }
        }
    }

    @Test func peopleAreRolesAtExampleOrgAndNoSeedContactDetailsAppear() throws {
        for board in governance.boards {
            let people = [board.chair, board.secretary] + board.members + board.cycles.map(\.owner)
            for person in people {
                #expect(person.email.hasSuffix("@example.org"), "\(board.code): \(person.email)")
                #expect(!person.role.isEmpty)
            }
            let text = try String(contentsOf: boardsDirectory.appendingPathComponent("\(board.code).yaml"), encoding: .utf8)
            // The council's name and its telephone area code; people are checked by role above.
            for forbidden in ["sefton", "0151"] {
                #expect(!text.localizedCaseInsensitiveContains(forbidden), "\(board.code).yaml mentions \(forbidden)")
            }
        }
    }

    @Test(arguments: [
        ("OSC", "2017-09-26", Weekday.tuesday),
        ("OSC", "2017-11-14", Weekday.tuesday),
        ("HWBB", "2018-12-12", Weekday.wednesday),
    ])
    func theSeedsMeetingsAreOnTheirBoardsCalendars(code: String, seed: String, weekday: Weekday) throws {
        let calendar = try #require(governance[code]?.calendar)
        let meeting = date(seed)
        #expect(meeting.weekday == weekday)
        #expect(!calendar.cancellations.contains(meeting))
        let fromRule = calendar.rule != nil && calendar.start.map { $0 <= meeting } == true
        // Either listed explicitly or left to a rule that starts on or before it.
        #expect(calendar.dates.contains(meeting) || fromRule)
        #expect(calendar.meetingDates(through: endOfDemo).contains(meeting))
    }

    @Test func theMovedScrutinyMeetingOfSeptember2017IsListedExplicitly() throws {
        let calendar = try #require(governance["OSC"]?.calendar)
        #expect(calendar.dates == [date("2017-09-26")])
        #expect(calendar.cancellations == [date("2017-09-12")])
        #expect(calendar.defaultTime == LocalTime(hour: 18, minute: 30))
    }

    @Test
    func everyCalendarCoversTheDemoYearsWithRealisticMeetings() throws {
        let expected: [String: (weekday: Weekday, perYear: ClosedRange<Int>)] = [
            "OSC": (.tuesday, 5...7), "HWBB": (.wednesday, 4...4), "CYPCIB": (.tuesday, 11...12),
            "LSCB": (.thursday, 6...6), "CPB": (.wednesday, 6...6), "CABINET": (.thursday, 11...12),
        ]
        for board in governance.boards {
            let rule = try #require(board.calendar.rule)
            let start = try #require(board.calendar.start)
            let ruleDates = rule.occurrences(startingOn: start, through: endOfDemo)
            let dates = board.calendar.meetingDates(through: endOfDemo)
            let expectation = try #require(expected[board.code])
            for year in 2017...2019 {
                let count = dates.filter { $0.year == year }.count
                #expect(expectation.perYear.contains(count), "\(board.code) meets \(count) times in \(year)")
            }
            #expect(ruleDates.allSatisfy { $0.weekday == expectation.weekday }, "\(board.code) rule weekday")
            // A cancellation must cancel a meeting of the rule, and an extra date must be extra.
            for cancelled in board.calendar.cancellations {
                #expect(ruleDates.contains(cancelled), "\(board.code) cancels \(cancelled), which the rule does not make")
            }
            for extra in board.calendar.dates {
                #expect(!ruleDates.contains(extra), "\(board.code) lists \(extra), which the rule already makes")
            }
            #expect(dates.allSatisfy { $0.weekday != .saturday && $0.weekday != .sunday })
            #expect(dates.first.map { $0.year } == 2017)
            #expect(dates.last.map { $0.year } == 2019)
        }
    }

    @Test func theSeedsReportingCyclesAreThere() throws {
        let performance = try #require(governance["OSC"]?.cycles.first { $0.key == "performance" })
        #expect(performance.cadenceMonths == 6)
        #expect(performance.firstMonth == YearMonth(year: 2017, month: 11))
        #expect(performance.appendices == [.scorecard, .actionTracker])
        #expect(performance.reportOf == "Director of Social Care and Health")

        let annual = try #require(governance["HWBB"]?.cycles.first { $0.key == "annual_report" })
        #expect(annual.cadenceMonths == 12)
        #expect(annual.firstMonth == YearMonth(year: 2018, month: 12))
        #expect(annual.appendices == [.scorecard])

        let progress = try #require(governance["CYPCIB"]?.cycles.first { $0.appendices.contains(.actionTracker) })
        #expect([1, 3].contains(progress.cadenceMonths))
        #expect(governance["CPB"]?.cycles.isEmpty == false)
        #expect(governance["LSCB"]?.cycles.isEmpty == false)
    }

    @Test
    func theSeedReportsBindToTheSeedMeetingsAndSomeOccurrenceHasNoMeeting() throws {
        var unbound: [String] = []
        var bound: [String: LocalDate] = [:]
        for board in governance.boards {
            let meetings = board.calendar.meetingDates(through: LocalDate(iso: "2021-12-31")!)
            for cycle in board.cycles {
                for month in cycle.occurrenceMonths(through: YearMonth(year: 2021, month: 12)) {
                    let windowEnd = month.adding(months: cycle.cadenceMonths).firstDay
                    let id = "\(board.code)/\(cycle.key)/\(month)"
                    if let meeting = meetings.first(where: { $0 >= month.firstDay && $0 < windowEnd }) {
                        bound[id] = meeting
                    } else {
                        unbound.append(id)
                    }
                }
            }
        }
        #expect(bound["OSC/performance/2017-11"] == date("2017-11-14"))
        #expect(bound["HWBB/annual_report/2018-12"] == date("2018-12-12"))
        // The "no meeting to bind to" warning has something to warn about: a cycle that runs
        // past the end of its board's calendar, and monthly reports in a month with no meeting.
        #expect(unbound.contains("LSCB/safeguarding_performance/2020-01"))
        #expect(unbound.contains("CYPCIB/improvement_plan_progress/2018-08"))
    }
}
