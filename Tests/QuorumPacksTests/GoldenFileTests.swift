import Foundation
import QuorumDomain
import Testing

@testable import QuorumPacks

/// The sample pack's, minutes' and Forward Plan's HTML, byte for byte, against files a person
/// has looked at. After a deliberate change, re-record with
/// `QUORUM_RECORD_GOLDEN=1 swift test --filter GoldenFileTests`, render the new files to PDF and
/// look at them before committing.
@Suite struct GoldenFileTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let recording = ProcessInfo.processInfo.environment["QUORUM_RECORD_GOLDEN"] == "1"

    static let renderer = PackRenderer(configuration: .init(councilName: "Sefton Council"))

    @Test(arguments: [(PackPart.public, "sample-pack-part1.html"), (PackPart.exempt, "sample-pack-part2.html")])
    func theSamplePackRendersAsRecorded(_ part: PackPart, _ name: String) throws {
        try expectRecorded(Self.renderer.renderHTML(try SamplePack.content(), part: part), in: name)
    }

    @Test(arguments: [
        (PackPart.public, false, "sample-minutes-part1.html"), (PackPart.exempt, false, "sample-minutes-part2.html"),
        (PackPart.public, true, "sample-minutes-draft-part1.html"),
    ])
    func theSampleMinutesRenderAsRecorded(_ part: PackPart, _ draft: Bool, _ name: String) throws {
        let minutes = draft ? SampleMinutes.draft : SampleMinutes.content
        try expectRecorded(Self.renderer.renderMinutesHTML(minutes, part: part), in: name)
    }

    @Test func theSampleForwardPlanRendersAsRecorded() throws {
        try expectRecorded(Self.renderer.renderForwardPlanHTML(try SampleForwardPlan.content()), in: "sample-forward-plan.html")
    }

    @Test func aForwardPlanWithoutAPortalNamesTheCarryingItemByMeetingAndNumber() throws {
        let html = Self.renderer.renderForwardPlanHTML(try SampleForwardPlan.content(portalURL: nil))
        #expect(html.contains("<li>CABINET-2018-07-26, item 4: Residential care framework</li>"))
        #expect(!html.contains("<a href=\"https://democracy.example.org/meetings/"))
        let linked = Self.renderer.renderForwardPlanHTML(try SampleForwardPlan.content())
        #expect(linked.contains("<a href=\"https://democracy.example.org/meetings/CABINET-2018-07-26\">CABINET-2018-07-26, item 4: Residential care framework</a>"))
        #expect(linked.contains("Withheld: Exempt information: Schedule 12A paragraph 3"))
    }

    /// Passes when `rendered` is byte for byte the golden file `name`; records it instead when
    /// `QUORUM_RECORD_GOLDEN=1`.
    private func expectRecorded(_ rendered: String, in name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = Self.folder.appendingPathComponent(name)
        if Self.recording {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try Data(rendered.utf8).write(to: file)
            return
        }
        let recorded = try #require(
            FileManager.default.contents(atPath: file.path),
            "no golden file \(name): record it with QUORUM_RECORD_GOLDEN=1", sourceLocation: sourceLocation)
        guard recorded != Data(rendered.utf8) else { return }
        let old = String(decoding: recorded, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let new = rendered.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(old.count, new.count)
        let actual = FileManager.default.temporaryDirectory.appendingPathComponent(name)
        try? Data(rendered.utf8).write(to: actual)
        Issue.record(
            """
            \(name) differs from the recording at line \(line + 1):
              recorded: \(line < old.count ? String(old[line]) : "<end>")
              rendered: \(line < new.count ? String(new[line]) : "<end>")
            The rendering is in \(actual.path); if the change is meant, re-record with QUORUM_RECORD_GOLDEN=1.
            """, sourceLocation: sourceLocation)
    }

    @Test func renderingIsDeterministic() throws {
        let content = try SamplePack.content()
        #expect(PackRenderer().renderHTML(content, part: .public) == PackRenderer().renderHTML(content, part: .public))
    }
}
