/// A problem found at a place in a file: what the YAML readers throw, and what the public
/// error types (`BoardFileError`, `ConfigurationFileError`) are made from.
struct FileProblem: Error, Hashable, Sendable {
    var file: String
    /// 1-based; 0 when the problem is with the file as a whole (unreadable, empty, misnamed).
    var line: Int
    /// 1-based, counted in Unicode scalars as libyaml counts them; 0 with `line` 0.
    var column: Int
    var message: String

    /// `file:line:column: message`, or `file: message` when there is no line.
    var rendered: String {
        line > 0 ? "\(file):\(line):\(column): \(message)" : "\(file): \(message)"
    }
}
