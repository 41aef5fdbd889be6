/// A problem with a board file, located at the line and column that caused it.
///
/// Its description is the form editors and CI logs link to:
///
///     Boards/OSC.yaml:12:3: reports_to: LSCX is not a known board
///
/// `line` and `column` count from 1; both are 0 for a problem with the file or folder as a
/// whole (missing, unreadable, misnamed, no board files), which renders as `Boards/OSC.yaml: …`.
public struct BoardFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file as the loader was given it (`Boards/OSC.yaml`), or the folder for folder-wide problems.
    public var file: String
    public var line: Int
    public var column: Int
    /// What is wrong, starting with the key path it concerns (`meetings.rule: …`).
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
