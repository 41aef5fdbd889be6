import QuorumDomain

extension YAMLValue {
    /// A date written `YYYY-MM-DD`.
    func date() throws(FileProblem) -> LocalDate {
        let text = try scalarText(expecting: "a date YYYY-MM-DD")
        guard let date = LocalDate(iso: text) else {
            throw problem("'\(text)' is not a date of the form YYYY-MM-DD")
        }
        return date
    }

    /// A month written `YYYY-MM`.
    func month() throws(FileProblem) -> YearMonth {
        let text = try scalarText(expecting: "a month YYYY-MM")
        guard let month = YearMonth(iso: text) else {
            throw problem("'\(text)' is not a month of the form YYYY-MM")
        }
        return month
    }

    /// A time of day written `HH:MM` (24-hour clock).
    func time() throws(FileProblem) -> LocalTime {
        let text = try scalarText(expecting: "a time HH:MM")
        guard let time = LocalTime(iso: text) else {
            throw problem("'\(text)' is not a time of the form HH:MM (24-hour clock)")
        }
        return time
    }

    /// A plausible email address.
    func email() throws(FileProblem) -> String {
        let text = try text()
        guard EmailAddress.isPlausible(text) else {
            throw problem("'\(text)' is not an email address")
        }
        return text
    }

    /// A list of dates, each `YYYY-MM-DD`, none repeated.
    func dates() throws(FileProblem) -> [LocalDate] {
        var seen: Set<LocalDate> = []
        var dates: [LocalDate] = []
        for item in try list() {
            let date = try item.date()
            guard seen.insert(date).inserted else { throw item.problem("\(date) is listed twice") }
            dates.append(date)
        }
        return dates
    }
}
