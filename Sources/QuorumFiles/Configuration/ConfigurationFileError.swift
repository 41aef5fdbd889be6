/// A problem with the daemon's configuration file, located at the line and column that caused it.
///
///     Config/quorum.yaml:7:11: timezone: 'Europe/Paris' is not supported: Quorum works in Europe/London only
///
/// `line` and `column` count from 1; both are 0 when the problem is with the file as a whole
/// (missing, unreadable), which renders as `Config/quorum.yaml: …`.
public struct ConfigurationFileError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    /// What is wrong, starting with the key path it concerns (`reminders.sweep_at: …`).
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    init(_ problem: FileProblem) {
        self.init(file: problem.file, line: problem.line, column: problem.column, message: problem.message)
    }

    /// `file:line:column: message`, or `file: message` when there is no line.
    public var description: String {
        FileProblem(file: file, line: line, column: column, message: message).rendered
    }
}
