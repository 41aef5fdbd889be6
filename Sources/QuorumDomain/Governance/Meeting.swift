/// A dated meeting of a board, in Europe/London local time.
public struct Meeting: Hashable, Sendable {
    /// `<board>-<date>`, e.g. `OSC-2017-11-14`: readable, stable, one meeting a board a day.
    public var id: String { Meeting.id(board: boardCode, date: date) }
    public var boardCode: String
    public var date: LocalDate
    public var time: LocalTime
    public var venue: String
    public var origin: Origin

    public enum Origin: String, Sendable, Hashable, Codable {
        /// From the board's calendar in its file; follows the file.
        case calendar
        /// Added by a secretary over the wire; kept when the files change.
        case added
    }

    public init(boardCode: String, date: LocalDate, time: LocalTime, venue: String, origin: Origin) {
        self.boardCode = boardCode
        self.date = date
        self.time = time
        self.venue = venue
        self.origin = origin
    }

    public static func id(board: String, date: LocalDate) -> String { "\(board)-\(date)" }

    /// Splits an id into its board code and date, or nil when it is not of that form.
    public static func parseID(_ id: String) -> (board: String, date: LocalDate)? {
        guard id.count > 11 else { return nil }
        let dateStart = id.index(id.endIndex, offsetBy: -10)
        let separator = id.index(before: dateStart)
        guard id[separator] == "-", let date = LocalDate(iso: id[dateStart...]) else { return nil }
        let board = String(id[..<separator])
        guard Board.isValidCode(board) else { return nil }
        return (board, date)
    }
}
