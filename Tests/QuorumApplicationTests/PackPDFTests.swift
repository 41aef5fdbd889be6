import Foundation
import QuorumApplication
import QuorumDomain
import QuorumPacks
import Testing

/// A stand-in PDF engine whose runs finish only when the test opens a gate: each run waits for
/// the gate file, then writes a small PDF. With no gate it never finishes (until stopped).
struct GatedPDFEngine {
    let folder: URL
    var gate: URL { folder.appendingPathComponent("open") }
    var renderer: PDFRenderer {
        PDFRenderer(configuration: .init(executable: folder.appendingPathComponent("engine").path, extraArguments: [gate.path]))
    }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-pdf-engine-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Arguments: the gate, then what PDFRenderer passes: --encoding utf-8 <input> <output>.
        let script = """
            #!/bin/sh
            while [ ! -e "$1" ]; do sleep 0.02; done
            printf '%%PDF-1.7\\n%% made from %s\\n%%%%EOF\\n' "$(wc -c < "$4")" > "$5"
            """
        let engine = folder.appendingPathComponent("engine")
        try Data(script.utf8).write(to: engine)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: engine.path)
    }

    func open() throws { try Data().write(to: gate) }
}

@Suite("Pack PDFs made after the build's reply", .serialized)
struct PackPDFTests {
    @Test func aBuildRepliesBeforeThePDFAndPublishingWaitsForIt() async throws {
        let engine = try GatedPDFEngine()
        let fixture = try await ApplicationFixture(pdf: engine.renderer)
        let packs = fixture.application.packs
        let built = try await packs.build("OSC-2017-11-14", as: fixture.admin)
        // The engine cannot have finished: its gate is shut.
        #expect(built.pdf == .pending)
        #expect(built.parts.map(\.format) == [.html])
        let early = await #expect(throws: ApplicationError.self) { try await packs.part(built.id, .public, .pdf, as: fixture.admin) }
        #expect(early?.code == .conflict)
        #expect(early?.message.contains("still being made") == true)
        #expect(try await packs.part(built.id, .public, .html, as: fixture.admin).count == built.parts[0].size)

        let publishing = Task { try await packs.publish(built.id, reason: "a test of waiting", as: fixture.admin) }
        try await Task.sleep(for: .milliseconds(300))
        let meanwhile = try #require(try await packs.versions(of: built.meeting, as: fixture.admin).first)
        #expect(meanwhile.publishedAt == nil, "nothing is published while its PDF is being made")
        #expect(meanwhile.pdf == .pending)
        try engine.open()
        let published = try await publishing.value
        #expect(published.publishedAt != nil)
        #expect(published.pdf == .ready)
        let pdf = try #require(published.file(.public, .pdf))
        let bytes = try await packs.part(built.id, .public, .pdf, as: nil)
        #expect(bytes.starts(with: Array("%PDF".utf8)))
        #expect(bytes.count == pdf.size)
        // Made from the stored HTML of this version.
        #expect(String(decoding: bytes, as: UTF8.self).contains("made from \(built.parts[0].size)"))
    }

    @Test func aFailedPDFIsRecordedWithItsReasonAndItsVersionIsNotPublished() async throws {
        let missing = PDFRenderer(configuration: .init(executable: "/nonexistent/weasyprint"))
        let fixture = try await ApplicationFixture(pdf: missing)
        let packs = fixture.application.packs
        let built = try await packs.build("OSC-2017-11-14", as: fixture.admin)
        await packs.pdfMaker.settled(built.id)
        let listed = try #require(try await packs.versions(of: built.meeting, as: fixture.admin).first)
        #expect(listed.pdf == .failed)
        #expect(listed.pdfError?.contains("/nonexistent/weasyprint") == true)
        let refused = await #expect(throws: ApplicationError.self) { try await packs.publish(built.id, reason: "x", as: fixture.admin) }
        #expect(refused?.code == .unavailable)
        #expect(refused?.message.contains("build the pack again") == true)
        #expect(try await packs.versions(of: built.meeting, as: nil).isEmpty, "not published")
        #expect(try await fixture.application.notifications.outbox(status: nil, as: fixture.admin).isEmpty)
    }

    @Test func aPDFStoppedByAShutdownIsMadeAgainAtTheNextStart() async throws {
        let engine = try GatedPDFEngine()
        let fixture = try await ApplicationFixture(pdf: engine.renderer)
        let built = try await fixture.application.packs.build("OSC-2017-11-14", as: fixture.admin)
        // The daemon stops while the engine runs: the version stays pending, and no PDF is kept.
        await fixture.application.packs.pdfMaker.stop()
        let stopped = try #require(try await fixture.application.packs.versions(of: built.meeting, as: fixture.admin).first)
        #expect(stopped.pdf == .pending)
        #expect(stopped.parts.map(\.format) == [.html])

        try engine.open()
        let restarted = fixture.restarted(pdf: engine.renderer)
        #expect(try await restarted.packs.pdfMaker.resumePending() == 1)
        await restarted.packs.pdfMaker.settled(built.id)
        let made = try #require(try await restarted.packs.versions(of: built.meeting, as: fixture.admin).first)
        #expect(made.pdf == .ready)
        #expect(Set(made.parts.map(\.format)) == [.html, .pdf])
        #expect(try await restarted.packs.part(built.id, .public, .pdf, as: fixture.admin).starts(with: Array("%PDF".utf8)))
        #expect(try await restarted.packs.pdfMaker.resumePending() == 0, "nothing is left to make")
    }
}
