import Foundation

/// The repository's root folder, found from this file's real path (the test folder may be
/// reached through a symbolic link).
let repositoryRoot: URL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
    .deletingLastPathComponent()  // QuorumFilesTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()

/// A minimal valid board file, its lines numbered so that tests can replace one line and
/// expect an error at a known line and column.
enum BoardFixture {
    static let lines = [
        "code: OSC",  // 1
        "name: Overview and Scrutiny",  // 2
        "chair: { role: Chair, email: chair@example.org }",  // 3
        "secretary: { role: Secretary, email: secretary@example.org }",  // 4
        "members:",  // 5
        "  - { role: Member, email: member@example.org }",  // 6
        "reports_to: [CABINET]",  // 7
        "public: true",  // 8
        "meetings:",  // 9
        "  time: \"18:30\"",  // 10
        "  venue: Committee Room 1",  // 11
        "  start: 2017-01-10",  // 12
        "  rule: \"FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU;UNTIL=20191231\"",  // 13
        "  dates: [2017-09-26]",  // 14
        "  cancelled: [2017-09-12]",  // 15
        "cycles:",  // 16
        "  - key: performance",  // 17
        "    title: Performance",  // 18
        "    report_of: Director",  // 19
        "    owner: { role: Head of Service, email: head@example.org }",  // 20
        "    every: 6 months",  // 21
        "    first: 2017-11",  // 22
        "    until: 2019-12",  // 23
        "    appendices: [scorecard, action_tracker]",  // 24
    ]

    static var text: String { lines.joined(separator: "\n") + "\n" }

    /// The fixture with 1-based `line` replaced by `replacement` (which may hold several lines,
    /// or be nil to remove the line).
    static func replacing(line: Int, with replacement: String?) -> String {
        var copy = lines
        if let replacement {
            copy[line - 1] = replacement
        } else {
            copy.remove(at: line - 1)
        }
        return copy.joined(separator: "\n") + "\n"
    }

    /// The fixture with `extra` lines added at the end.
    static func appending(_ extra: String) -> String {
        text + extra + "\n"
    }

    /// A small board file with the given code and `reports_to` line, for graph tests.
    static func board(_ code: String, reportsTo: String) -> String {
        """
        code: \(code)
        name: Board \(code)
        chair: { role: Chair, email: chair@example.org }
        secretary: { role: Secretary, email: secretary@example.org }
        \(reportsTo)
        public: false
        meetings:
          time: "10:00"
          venue: Room 1
          dates: [2018-01-10]

        """
    }
}

/// A fresh temporary folder, removed when `body` returns.
func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-files-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    return try body(url)
}
