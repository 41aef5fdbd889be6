import Foundation
import QuorumApplication
import Testing

@Suite("The browsing operations' access in docs/access.md is the declared one")
struct BrowsingAccessTableTests {
    static let begin = "<!-- browsing table: generated from Operation.browsing; QUORUM_RECORD=1 swift test rewrites it -->"
    static let end = "<!-- end of browsing table -->"

    static func table() -> String {
        var lines = ["| operation | who |", "| --- | --- |"]
        for operation in Operation.browsing {
            lines.append("| `\(operation.name)` | \(operation.accessDescription) |")
        }
        return lines.joined(separator: "\n")
    }

    @Test func theDocumentedTableIsTheDeclaredOne() throws {
        let path = ApplicationFixture.repositoryRoot.appendingPathComponent("docs/access.md").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let start = try #require(text.range(of: Self.begin), "docs/access.md has no browsing table")
        let stop = try #require(text.range(of: Self.end))
        let documented = text[start.upperBound..<stop.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
        if ProcessInfo.processInfo.environment["QUORUM_RECORD"] == "1" {
            let rewritten = text.replacingCharacters(in: start.upperBound..<stop.lowerBound, with: "\n" + Self.table() + "\n")
            try rewritten.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        #expect(documented == Self.table(), "docs/access.md is stale: run QUORUM_RECORD=1 swift test --filter BrowsingAccessTableTests")
    }
}
