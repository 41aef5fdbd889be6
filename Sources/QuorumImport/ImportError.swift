/// A bad input file: the line, the column when there is one, and what is wrong.
///
/// Renders as the protocol's `BADINPUT` text: `line 7: review_date: 'Octobre 2017' is not …`.
public struct ImportError: Error, Hashable, Sendable, CustomStringConvertible {
    public let line: Int
    public let column: String?
    public let message: String

    public init(line: Int, column: String? = nil, _ message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        if let column { return "line \(line): \(column): \(message)" }
        return "line \(line): \(message)"
    }
}
