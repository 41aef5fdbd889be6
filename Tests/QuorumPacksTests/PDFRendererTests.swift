import Foundation
import Testing

@testable import QuorumPacks

@Suite struct PDFRendererTests {
    static let weasyprintAvailable = PDFRenderer().isAvailable
    static let pdftotextAvailable = PDFRenderer.locateExecutable("pdftotext") != nil

    @Test(
        .enabled(if: weasyprintAvailable && pdftotextAvailable, "needs weasyprint and pdftotext (apt install weasyprint poppler-utils)"),
        .timeLimit(.minutes(3)))
    func theSamplePackBecomesAPDFWithTheReportTheScorecardAndTheTracker() async throws {
        let html = PackRenderer().renderHTML(try SamplePack.content(), part: .public)
        let pdf = try await PDFRenderer().renderPDF(html: html)
        #expect(pdf.starts(with: Array("%PDF-".utf8)))
        let text = try Self.pdftotext(pdf)
        #expect(text.contains("Bi-annual progress report, Children's Social Care performance"))
        #expect(text.contains("Scorecard") || text.contains("scorecard"))
        #expect(text.contains("Performance scorecard"))
        #expect(text.contains("1.1.4"))
        #expect(text.contains("Exempt information: Schedule 12A paragraph 3"))
        #expect(!text.contains("SECRET-PROVIDER-RATES"))
    }

    @Test func aMissingExecutableIsReportedAsSuch() async {
        let renderer = PDFRenderer(configuration: .init(executable: "quorum-no-such-weasyprint"))
        #expect(!renderer.isAvailable)
        await #expect(throws: PDFRenderError.self) {
            _ = try await renderer.renderPDF(html: "<p>x</p>")
        }
        do {
            _ = try await renderer.renderPDF(html: "<p>x</p>")
        } catch {
            #expect(error.code == .executableNotFound)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func aFailingRunReportsItsStatusAndWhatItWroteToStandardError() async throws {
        let script = try Self.script("echo 'weasyprint: cannot parse the document' >&2\nexit 3")
        defer { try? FileManager.default.removeItem(atPath: script) }
        do {
            _ = try await PDFRenderer(configuration: .init(executable: script)).renderPDF(html: "<p>x</p>")
            Issue.record("expected a failure")
        } catch {
            #expect(error.code == .failed)
            #expect(error.exitStatus == 3)
            #expect(error.standardError.contains("cannot parse the document"))
            #expect(error.description.contains("cannot parse the document"))
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func aRunThatHangsIsStoppedAtTheTimeout() async throws {
        let script = try Self.script("exec sleep 30")
        defer { try? FileManager.default.removeItem(atPath: script) }
        let start = ContinuousClock.now
        do {
            _ = try await PDFRenderer(configuration: .init(executable: script, timeout: .milliseconds(300), terminationGracePeriod: .seconds(1)))
                .renderPDF(html: "<p>x</p>")
            Issue.record("expected a timeout")
        } catch {
            #expect(error.code == .timedOut)
        }
        // Well short of the 30 s the script sleeps: it was stopped, not waited for (a loaded machine is slow to spawn).
        #expect(ContinuousClock.now - start < .seconds(25))
    }

    @Test(.timeLimit(.minutes(1)))
    func aRunThatWritesNoPDFIsAnError() async throws {
        let script = try Self.script("exit 0")
        defer { try? FileManager.default.removeItem(atPath: script) }
        do {
            _ = try await PDFRenderer(configuration: .init(executable: script)).renderPDF(html: "<p>x</p>")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .invalidOutput)
        }
    }

    @Test func scratchFoldersOfProcessesThatAreGoneAreRemovedAndALiveOnesKept() throws {
        let files = FileManager.default
        let directory = files.temporaryDirectory.appendingPathComponent("quorum-pdf-leftovers-\(UUID().uuidString)")
        try files.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? files.removeItem(at: directory) }
        // A process that has ended: its pid is no longer alive.
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let own = "quorum-pdf-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)"
        let gone = "quorum-pdf-\(ended.processIdentifier)-\(UUID().uuidString)"
        let older = "quorum-pdf-\(UUID().uuidString)"
        // An older name whose UUID's first group reads as this live process's pid.
        let olderLikeAPid = "quorum-pdf-" + String(format: "%08d", ProcessInfo.processInfo.processIdentifier) + "-1234-1234-1234-123456789012"
        let unrelated = "quorum-app-\(UUID().uuidString)"
        // The same prefix, not our pattern: another program's (a test's fake engine, say).
        let samePrefix = "quorum-pdf-engine-\(UUID().uuidString)"
        for name in [own, gone, older, olderLikeAPid, unrelated, samePrefix] {
            try files.createDirectory(at: directory.appendingPathComponent(name), withIntermediateDirectories: false)
        }
        #expect(PDFRenderer.removeLeftovers(in: directory) == 3)
        #expect(Set(try files.contentsOfDirectory(atPath: directory.path)) == [own, unrelated, samePrefix])
    }

    @Test func executablesAreFoundOnTheSearchPath() throws {
        let script = try Self.script("exit 0")
        defer { try? FileManager.default.removeItem(atPath: script) }
        let url = URL(fileURLWithPath: script)
        let found = PDFRenderer.locateExecutable(url.lastPathComponent, searchPath: "/nonexistent:" + url.deletingLastPathComponent().path)
        #expect(found == script)
        #expect(PDFRenderer.locateExecutable(url.lastPathComponent, searchPath: "/nonexistent") == nil)
    }

    /// An executable shell script in a temporary file.
    static func script(_ body: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-fake-weasyprint-\(UUID().uuidString)").path
        try Data("#!/bin/sh\n\(body)\n".utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    static func pdftotext(_ pdf: Data) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-pdftotext-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.pdf")
        let output = folder.appendingPathComponent("out.txt")
        try pdf.write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: PDFRenderer.locateExecutable("pdftotext")!)
        process.arguments = ["-enc", "UTF-8", input.path, output.path]
        try process.run()
        process.waitUntilExit()
        return String(decoding: try Data(contentsOf: output), as: UTF8.self)
    }
}
