import Foundation
import Testing

@testable import QuorumServer

/// docs/protocol.md documents every command the server runs, as HELP and COMMAND DOCS describe
/// it, and nothing else.
@Suite("docs/protocol.md matches the command table")
struct ProtocolDocumentTests {
    static let path = AccessTableTests.root.appendingPathComponent("docs/protocol.md").path
    static let specs = CommandDispatcher.allCommands.sorted { $0.name < $1.name }

    /// The first line of a command's section: its usage as HELP shows it, and who may call it.
    static func signature(_ spec: CommandSpec) -> String {
        "`\(spec.usage.isEmpty ? spec.name : "\(spec.name) \(spec.usage)")` · \(spec.access)"
    }

    /// The `### NAME` sections of the "## Commands" part, in order: name and lines.
    static func sections(_ text: String) -> [(name: String, lines: [String])] {
        var sections: [(name: String, lines: [String])] = []
        var inCommands = false
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix("## ") {
                inCommands = line == "## Commands"
                continue
            }
            guard inCommands else { continue }
            if line.hasPrefix("### ") {
                sections.append((String(line.dropFirst(4)), []))
            } else if !sections.isEmpty {
                sections[sections.count - 1].lines.append(line)
            }
        }
        return sections
    }

    @Test func everyCommandHasASectionAndEverySectionACommand() throws {
        let text = try String(contentsOfFile: Self.path, encoding: .utf8)
        if ProcessInfo.processInfo.environment["QUORUM_RECORD"] == "1" {
            try Self.record(text)
            return
        }
        let documented = Self.sections(text).map(\.name)
        let served = Self.specs.map(\.name)
        #expect(Set(served).subtracting(documented).sorted() == [], "commands docs/protocol.md lacks")
        #expect(Set(documented).subtracting(served).sorted() == [], "sections for commands the server does not run")
        #expect(documented == documented.sorted(), "sections in name order")
    }

    @Test(arguments: specs.map(\.name))
    func eachSectionShowsTheUsageWhoMayCallTheReplyAndTheErrors(name: String) throws {
        let text = try String(contentsOfFile: Self.path, encoding: .utf8)
        let spec = try #require(Self.specs.first { $0.name == name })
        let section = try #require(Self.sections(text).first { $0.name == name }, "no section '### \(name)'")
        let lines = section.lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        #expect(lines.first == Self.signature(spec), "run QUORUM_RECORD=1 swift test --filter ProtocolDocumentTests")
        #expect(lines.contains { $0.hasPrefix("Reply: ") }, "\(name) documents no reply")
        #expect(lines.contains { $0.hasPrefix("Errors: ") }, "\(name) documents no errors")
        #expect(lines.count >= 4, "\(name) says nothing of what it does")
        #expect(!lines.contains { $0.contains("(to be written") }, "\(name)'s section is a stub")
    }

    /// Rewrites each section's first line from the table and adds a section, to be written, for
    /// each command that has none.
    static func record(_ text: String) throws {
        var lines = text.components(separatedBy: "\n")
        var index = 0
        var inCommands = false
        while index < lines.count {
            let line = lines[index]
            if line.hasPrefix("## ") {
                inCommands = line == "## Commands"
            } else if inCommands, line.hasPrefix("### "), let spec = specs.first(where: { $0.name == line.dropFirst(4) }) {
                var next = index + 1
                while next < lines.count, lines[next].isEmpty { next += 1 }
                if next < lines.count, lines[next].hasPrefix("`") { lines[next] = signature(spec) }
            }
            index += 1
        }
        let documented = Set(sections(text).map(\.name))
        // Each stub goes where name order puts it: before the first section named after it.
        for spec in specs.reversed() where !documented.contains(spec.name) {
            let stub = [
                "### \(spec.name)", signature(spec), "", "\(spec.summary) (to be written: what it does).", "Reply: (to be written)",
                "Errors: (to be written)", "",
            ]
            guard let start = lines.firstIndex(of: "## Commands") else {
                lines += ["## Commands", ""] + stub
                continue
            }
            let stop = lines[(start + 1)...].firstIndex { $0.hasPrefix("## ") } ?? lines.count
            let next = lines[start..<stop].firstIndex { $0.hasPrefix("### ") && String($0.dropFirst(4)) > spec.name } ?? stop
            lines.insert(contentsOf: stub, at: next)
        }
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }
}
