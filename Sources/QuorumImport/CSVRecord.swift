/// One record of a CSV file, with the line it starts on (a quoted field may span lines).
public struct CSVRecord: Hashable, Sendable {
    /// 1-based physical line on which the record starts, as a spreadsheet user counts.
    public let line: Int
    public let fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}
