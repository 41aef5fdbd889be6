/// When an action is next to be reviewed: a date, `Ongoing` (no date) or `Completed`.
///
/// The plan's "Progress / Review Date" column writes months (`Oct 2017`, `Sept 2017`), which
/// mean the month's last day: an action due for review in October is late from 1 November.
///
/// ```swift
/// try ReviewDate(parsing: "Oct 2017")    // .date(2017-10-31)
/// try ReviewDate(parsing: "2017-10")     // .date(2017-10-31)
/// try ReviewDate(parsing: " ongoing ")   // .ongoing
/// ```
public enum ReviewDate: Hashable, Sendable {
    /// Review on or before this day.
    case date(LocalDate)
    /// Continuing work with no review date: never due, never overdue.
    case ongoing
    /// The plan records the action as done.
    case completed

    /// Parses a review date as plans and spreadsheets write it. Accepted, with surrounding
    /// spaces and any letter case:
    /// - a day: `2017-10-31`, `31 Oct 2017`, `31 October 2017`, or `31/10/2017` (day first, as
    ///   UK spreadsheets write it);
    /// - a month, meaning its last day: `2017-10`, `Oct 2017`, `October 2017`, `Sept 2017`,
    ///   `Oct, 2017` (any month name cut to three letters or more, an optional full stop, a comma
    ///   and extra spaces or line breaks between the words tolerated);
    /// - `Ongoing`; `Completed` (or `Complete`).
    ///
    /// Two-digit years (`Oct 17`) are refused rather than guessed.
    ///
    /// - Throws: ``ReviewDateError`` saying what is wrong with `text`.
    public init(parsing text: String) throws(ReviewDateError) {
        // The form nearly every row of an import has, read at once; anything else (a month, a
        // name, a date that does not exist) goes the long way, to its error if it has one.
        if let date = LocalDate(iso: text) ?? Self.monthAndYear(text) {
            self = .date(date)
            return
        }
        let trimmed = text.trimmingWhitespace()
        let forms = "write a date like 2017-10-31, a month like 2017-10 or Oct 2017, Ongoing or Completed"
        guard !trimmed.isEmpty else {
            throw ReviewDateError(text: text, reason: "it is empty; \(forms)")
        }
        switch trimmed.lowercased() {
        case "ongoing":
            self = .ongoing
            return
        case "completed", "complete":
            self = .completed
            return
        default:
            break
        }

        if trimmed.first!.isASCIIDigit, trimmed.allSatisfy({ $0.isASCIIDigit || $0 == "-" }) {
            self = .date(try Self.parseISO(trimmed, original: text, forms: forms))
            return
        }
        if trimmed.contains("/") {
            self = .date(try Self.parseSlashed(trimmed, original: text, forms: forms))
            return
        }

        let words = trimmed.split(whereSeparator: { $0.isWhitespace || $0 == "," })
        guard words.count == 2 || words.count == 3 else {
            throw ReviewDateError(text: text, reason: forms)
        }
        let yearWord = words[words.count - 1]
        let monthWord = words[words.count - 2]
        guard let month = Self.monthNumber(named: monthWord) else {
            throw ReviewDateError(text: text, reason: "'\(monthWord)' is not the name of a month; \(forms)")
        }
        let year = try Self.fourDigitYear(yearWord, original: text)
        let yearMonth = YearMonth(year: year, month: month)
        guard words.count == 3 else {
            self = .date(yearMonth.lastDay)
            return
        }
        let dayWord = words[0]
        guard dayWord.count <= 2, dayWord.allSatisfy(\.isASCIIDigit), let day = Int(dayWord),
            let date = LocalDate(year: year, month: month, day: day)
        else {
            throw ReviewDateError(
                text: text, reason: "'\(dayWord)' is not a day of \(Self.monthNames[month - 1].capitalisedFirst) \(year)")
        }
        self = .date(date)
    }

    /// The review date, or nil for ``ongoing`` and ``completed``.
    public var date: LocalDate? {
        if case .date(let date) = self { date } else { nil }
    }

    /// The last day of the month of `Oct 2017` or `October 2017`, read from its bytes: an
    /// ASCII month name of three letters or more, one space, four digits. Nil for anything else,
    /// which the long way reads (or refuses) instead; the result is the long way's for the same text.
    private static func monthAndYear(_ text: String) -> LocalDate? {
        var letters: (UInt64, count: Int) = (0, 0)
        var year = 0
        var digits = 0
        var inYear = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                // Up to eight letters kept, lowercased, as one word to compare; a longer name
                // (September) goes the long way.
                guard !inYear, letters.count < 8 else { return nil }
                letters.0 = letters.0 << 8 | UInt64(byte | 0x20)
                letters.count += 1
            case UInt8(ascii: " "):
                guard !inYear, letters.count >= 3 else { return nil }
                inYear = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard inYear, digits < 4 else { return nil }
                year = year * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            default:
                return nil
            }
        }
        guard digits == 4 else { return nil }
        for (index, name) in monthNames.enumerated() where name.utf8.count >= letters.count {
            var prefix: UInt64 = 0
            for byte in name.utf8.prefix(letters.count) { prefix = prefix << 8 | UInt64(byte) }
            if prefix == letters.0 { return YearMonth(year: year, month: index + 1).lastDay }
        }
        return nil
    }

    private static let monthNames = [
        "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december",
    ]

    /// 1 to 12 for a month name or its first three or more letters (`Sept`, `Oct.`), else nil.
    static func monthNumber(named word: some StringProtocol) -> Int? {
        var name = word.lowercased()
        if name.hasSuffix(".") { name.removeLast() }
        guard name.count >= 3, name.allSatisfy(\.isLetter) else { return nil }
        return monthNames.firstIndex { $0.hasPrefix(name) }.map { $0 + 1 }
    }

    private static func fourDigitYear(_ word: some StringProtocol, original: String) throws(ReviewDateError) -> Int {
        guard word.count == 4, word.allSatisfy(\.isASCIIDigit), let year = Int(word) else {
            throw ReviewDateError(text: original, reason: "the year '\(word)' is not four digits, like 2017")
        }
        return year
    }

    /// `YYYY-MM-DD` or `YYYY-MM`.
    private static func parseISO(_ text: String, original: String, forms: String) throws(ReviewDateError) -> LocalDate {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), parts[0].count == 4, parts[1].count == 2,
            parts.count == 2 || parts[2].count == 2, parts.allSatisfy({ !$0.isEmpty })
        else {
            throw ReviewDateError(text: original, reason: forms)
        }
        let year = Int(parts[0])!
        let month = Int(parts[1])!
        guard (1...12).contains(month) else {
            throw ReviewDateError(text: original, reason: "month \(parts[1]) is not 01 to 12")
        }
        guard parts.count == 3 else { return YearMonth(year: year, month: month).lastDay }
        guard let date = LocalDate(year: year, month: month, day: Int(parts[2])!) else {
            throw ReviewDateError(
                text: original, reason: "\(monthNames[month - 1].capitalisedFirst) \(year) has no day \(parts[2])")
        }
        return date
    }

    /// `DD/MM/YYYY`, day first.
    private static func parseSlashed(_ text: String, original: String, forms: String) throws(ReviewDateError) -> LocalDate {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
            parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) })
        else {
            throw ReviewDateError(text: original, reason: "\(forms), or a day as DD/MM/YYYY")
        }
        let year = try fourDigitYear(parts[2], original: original)
        let month = Int(parts[1])!
        guard (1...12).contains(month) else {
            throw ReviewDateError(text: original, reason: "month \(parts[1]) is not 1 to 12 (the day comes first: DD/MM/YYYY)")
        }
        guard let date = LocalDate(year: year, month: month, day: Int(parts[0])!) else {
            throw ReviewDateError(
                text: original, reason: "\(monthNames[month - 1].capitalisedFirst) \(year) has no day \(parts[0])")
        }
        return date
    }
}

extension ReviewDate: CustomStringConvertible, LosslessStringConvertible {
    /// `2017-10-31`, `Ongoing` or `Completed`: the form that ``init(parsing:)`` reads back.
    public var description: String {
        switch self {
        case .date(let date): date.description
        case .ongoing: "Ongoing"
        case .completed: "Completed"
        }
    }

    /// Parses the forms ``init(parsing:)`` accepts, or gives nil.
    public init?(_ description: String) {
        try? self.init(parsing: description)
    }
}

extension ReviewDate: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try ReviewDate(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
