import QuorumDomain

/// Reads a board file's YAML into a `Board`, checking every key, type and format.
enum BoardFileDecoder {
    static let boardKeys = [
        "code", "name", "chair", "secretary", "members", "reports_to", "public", "meetings", "cycles", "quorum",
        "scrutinises",
    ]
    static let personKeys = ["role", "email"]
    static let meetingKeys = ["time", "venue", "start", "rule", "dates", "cancelled"]
    static let cycleKeys = ["key", "title", "report_of", "owner", "every", "first", "until", "appendices"]

    static func decode(text: String, file: String) throws(FileProblem) -> DecodedBoardFile {
        guard let root = try YAMLDocument.parse(text, file: file) else {
            throw FileProblem(file: file, line: 0, column: 0, message: "the file is empty: a board file needs at least code, name, chair, secretary, public and meetings")
        }
        let top = try root.mapping(keys: boardKeys)

        let codeValue = try top.required("code")
        let code = try codeValue.text()
        guard Board.isValidCode(code) else {
            throw codeValue.problem("'\(code)' is not a board code: use up to 16 capital letters and digits, e.g. OSC")
        }
        let expectedName = "\(code).yaml"
        let actualName = file.split(separator: "/").last.map(String.init) ?? file
        guard actualName == expectedName else {
            throw codeValue.problem("the board \(code) must be in a file named \(expectedName), not \(actualName)")
        }

        let name = try top.required("name").text()
        let chair = try person(top.required("chair"))
        let secretary = try person(top.required("secretary"))
        let members = try (top.optional("members")?.list() ?? []).map { (item) throws(FileProblem) in try person(item) }

        let reportsTo = try boardCodes(top.optional("reports_to"), other: code, itself: "a board cannot report to itself")

        let scrutinises = try boardCodes(top.optional("scrutinises"), other: code, itself: "a board cannot scrutinise itself")

        let meetsInPublic = try top.required("public").bool()
        let calendar = try meetingCalendar(top.required("meetings"))
        let cycles = try reportingCycles(top.optional("cycles"))
        var quorum: QuorumRule?
        if let quorumValue = top.optional("quorum") {
            let text = try quorumValue.text()
            do {
                quorum = try QuorumRule(parsing: text)
            } catch {
                throw quorumValue.problem("'\(text)': \(error.reason)")
            }
        }

        let board = Board(
            code: code, name: name, chair: chair, secretary: secretary, members: members,
            reportsTo: reportsTo.map(\.code), meetsInPublic: meetsInPublic, calendar: calendar, cycles: cycles,
            quorum: quorum, scrutinises: scrutinises.map(\.code))
        return DecodedBoardFile(
            board: board, file: file, codeLocation: codeValue, reportsToEntries: reportsTo,
            reportsToKey: top.keyLocation("reports_to"), scrutinisesEntries: scrutinises)
    }

    /// A list of other boards' codes (`reports_to`, `scrutinises`), each with where it is
    /// written: every entry a board code, none twice, none `own` (refused with `itself`).
    static func boardCodes(_ value: YAMLValue?, other own: String, itself: String) throws(FileProblem)
        -> [(code: String, location: YAMLValue)]
    {
        var codes: [(code: String, location: YAMLValue)] = []
        for item in try value?.list() ?? [] {
            let target = try item.text()
            guard Board.isValidCode(target) else {
                throw item.problem("'\(target)' is not a board code: use capital letters and digits, e.g. CABINET")
            }
            guard target != own else { throw item.problem(itself) }
            guard !codes.contains(where: { $0.code == target }) else {
                throw item.problem("\(target) is listed twice")
            }
            codes.append((target, item))
        }
        return codes
    }

    /// `{ role: …, email: … }`: people are named by role, never by name.
    static func person(_ value: YAMLValue) throws(FileProblem) -> Person {
        let fields = try value.mapping(keys: personKeys)
        return Person(role: try fields.required("role").text(), email: try fields.required("email").email())
    }

    static func meetingCalendar(_ value: YAMLValue) throws(FileProblem) -> MeetingCalendar {
        let fields = try value.mapping(keys: meetingKeys)
        let time = try fields.required("time").time()
        let venue = try fields.required("venue").text()

        var rule: RecurrenceRule?
        let ruleValue = fields.optional("rule")
        if let ruleValue {
            let text = try ruleValue.text()
            do {
                rule = try RecurrenceRule(parsing: text)
            } catch {
                throw ruleValue.problem("\(error.description)")
            }
        }
        let startValue = fields.optional("start")
        let start = try startValue?.date()
        if let ruleValue, start == nil {
            throw ruleValue.problem("a rule needs 'start:', the date of its first meeting (the rule's DTSTART)")
        }
        if let startValue, rule == nil {
            throw startValue.problem("start is the first meeting of a rule, but there is no rule")
        }

        let dates = try fields.optional("dates")?.dates() ?? []
        var cancellations: [LocalDate] = []
        if let cancelledValue = fields.optional("cancelled") {
            cancellations = try cancelledValue.dates()
            for (item, date) in zip(try cancelledValue.list(), cancellations) where dates.contains(date) {
                throw item.problem("\(date) is both an extra meeting (dates) and cancelled")
            }
        }
        return MeetingCalendar(
            start: start, rule: rule, dates: dates, cancellations: cancellations, defaultTime: time,
            defaultVenue: venue)
    }

    static func reportingCycles(_ value: YAMLValue?) throws(FileProblem) -> [ReportingCycle] {
        guard let value else { return [] }
        var cycles: [ReportingCycle] = []
        var keyLines: [String: Int] = [:]
        for item in try value.list() {
            let fields = try item.mapping(keys: cycleKeys)
            let keyValue = try fields.required("key")
            let key = try keyValue.text()
            guard isValidCycleKey(key) else {
                throw keyValue.problem(
                    "'\(key)' is not a cycle key: start with a lower-case letter, then lower-case letters, digits, _ or - (e.g. performance)")
            }
            if let earlier = keyLines[key] {
                throw keyValue.problem("the cycle key '\(key)' is already used at line \(earlier)")
            }
            keyLines[key] = keyValue.line

            let title = try fields.required("title").text()
            let reportOf = try fields.required("report_of").text()
            let owner = try person(fields.required("owner"))

            let everyValue = try fields.required("every")
            let everyText = try everyValue.text()
            guard let months = ReportingCadence.months(parsing: everyText) else {
                throw everyValue.problem("'\(everyText)' is not a cadence: write \(ReportingCadence.accepted)")
            }
            guard months <= ReportingCadence.maximumMonths else {
                throw everyValue.problem("'\(everyText)' is too long a cadence: at most \(ReportingCadence.maximumMonths) months")
            }

            let first = try fields.required("first").month()
            var last: YearMonth?
            if let untilValue = fields.optional("until") {
                let until = try untilValue.month()
                guard until >= first else {
                    throw untilValue.problem("\(until) is before the first occurrence (\(first))")
                }
                last = until
            }

            var appendices: [Appendix] = []
            for entry in try fields.optional("appendices")?.list() ?? [] {
                let name = try entry.text()
                guard let appendix = Appendix(rawValue: name) else {
                    let known = Appendix.allCases.map(\.rawValue).joined(separator: ", ")
                    throw entry.problem("'\(name)' is not an appendix the pack can generate (known: \(known))")
                }
                guard !appendices.contains(appendix) else { throw entry.problem("\(name) is listed twice") }
                appendices.append(appendix)
            }

            cycles.append(
                ReportingCycle(
                    key: key, title: title, reportOf: reportOf, owner: owner, cadenceMonths: months,
                    firstMonth: first, lastMonth: last, appendices: appendices))
        }
        return cycles
    }

    /// Cycle keys appear in ids (`OSC/performance/2017-11`) and reminder keys.
    static func isValidCycleKey(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, ("a"..."z").contains(first), key.count <= 40 else { return false }
        return key.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
        }
    }
}
