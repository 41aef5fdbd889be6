import Foundation
import QuorumApplication
import Testing

@testable import QuorumServer

@Suite("The access table: HELP and docs/access.md read the operations' declarations")
struct AccessTableTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized
    /// The files that show the table: the access article and the README.
    static let documents = ["docs/access.md", "README.md"]
    static let begin = "<!-- access table: generated from the command table; QUORUM_RECORD=1 swift test rewrites it -->"
    static let end = "<!-- end of access table -->"

    /// The table as the command table declares it, one row per command in name order.
    static func table() -> String {
        var lines = ["| command | operation | who |", "| --- | --- | --- |"]
        for spec in CommandDispatcher.allCommands.sorted(by: { $0.name < $1.name }) {
            let usage = spec.usage.isEmpty ? "" : " " + spec.usage.replacingOccurrences(of: "|", with: "\\|")
            lines.append("| `\(spec.name)\(usage)` | \(spec.operation.map { "`\($0.name)`" } ?? "–") | \(spec.access) |")
        }
        return lines.joined(separator: "\n")
    }

    @Test(arguments: documents)
    func theDocumentedTableIsTheDeclaredOne(document: String) throws {
        let path = Self.root.appendingPathComponent(document).path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        guard let start = text.range(of: Self.begin), let stop = text.range(of: Self.end) else {
            Issue.record("\(document) has no generated table between its markers")
            return
        }
        let documented = text[start.upperBound..<stop.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
        if ProcessInfo.processInfo.environment["QUORUM_RECORD"] == "1" {
            let rewritten = text.replacingCharacters(in: start.upperBound..<stop.lowerBound, with: "\n" + Self.table() + "\n")
            try rewritten.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        #expect(documented == Self.table(), "\(document) is stale: run QUORUM_RECORD=1 swift test --filter AccessTableTests")
    }

    @Test func everyOperationIsReachedByACommand() {
        let reached = Set(CommandDispatcher.allCommands.compactMap(\.operation?.name))
        let missing = Operation.all.map(\.name).filter { !reached.contains($0) }
        #expect(missing.isEmpty, "operations no command maps to: \(missing)")
    }

    @Test func helpShowsTheDeclaredAccess() {
        let spec = CommandDispatcher.allCommands.first { $0.name == "MEETING ADD" }
        #expect(spec?.helpLine.hasSuffix("(admin, secretary of the board)") == true, "\(spec?.helpLine ?? "")")
    }
}
