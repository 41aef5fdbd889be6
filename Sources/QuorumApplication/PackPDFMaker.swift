import Foundation
import QuorumDomain
import QuorumPacks
import QuorumStorage

/// Makes pack versions' PDFs off the request path, one version at a time.
///
/// `PACK BUILD` stores the HTML parts and the version (`pdf: pending`), hands the version here
/// and replies; the PDF engine takes seconds of CPU per part, and a client should not wait on it
/// (nor retry it on a new connection, as some clients do after a few seconds). The PDF is made
/// from the stored HTML, so it is the same whenever it is made: after a restart,
/// ``resumePending()`` makes every version's PDF that a kill or a shutdown interrupted. Files
/// are stored as every pack file is (temporary file, flush, rename), and the parts and the
/// `ready` state are written in one transaction, so a kill leaves no half file and no version
/// that claims a PDF it lacks.
///
/// One version at a time: the PDF engine is CPU-bound, and two at once on a small machine only
/// make both slower. A version whose engine fails or times out is marked `failed`, with the
/// reason; a stop (shutdown) leaves it `pending`, to be made at the next start.
///
/// ```swift
/// await maker.submit("OSC-2017-11-14-v2")
/// await maker.settled("OSC-2017-11-14-v2")   // PACK PUBLISH waits so
/// ```
public actor PackPDFMaker {
    let database: AppDatabase
    let files: PackFileStore
    let pdf: PDFRenderer
    /// Versions waiting, the first being made now.
    private var queue: [String] = []
    private var worker: Task<Void, Never>?
    private var stopped = false

    public init(database: AppDatabase, files: PackFileStore, pdf: PDFRenderer) {
        self.database = database
        self.files = files
        self.pdf = pdf
    }

    /// Queues a version's PDF (once, however often it is submitted).
    public func submit(_ packID: String) {
        guard !stopped, !queue.contains(packID) else { return }
        queue.append(packID)
        if worker == nil {
            worker = Task { await self.drain() }
        }
    }

    /// Queues every version whose PDF is pending in the store: at start-up, the ones a kill or a
    /// shutdown interrupted.
    /// - Returns: how many were queued.
    @discardableResult
    public func resumePending() async throws -> Int {
        let pending = try await database.packsAwaitingPDF()
        for pack in pending { submit(pack.id) }
        return pending.count
    }

    /// Returns when `packID` is no longer queued or being made (at once if it is not).
    public func settled(_ packID: String) async {
        while queue.contains(packID), let worker {
            await worker.value
        }
    }

    /// Whether `packID` is queued or being made.
    public func isQueued(_ packID: String) -> Bool { queue.contains(packID) }

    /// Stops the engine run in hand (its version stays pending, for the next start) and takes no
    /// more work. Called when the daemon shuts down.
    public func stop() async {
        stopped = true
        queue.removeAll()
        worker?.cancel()
        await worker?.value
    }

    private func drain() async {
        while let packID = queue.first {
            await make(packID)
            if !queue.isEmpty { queue.removeFirst() }
        }
        worker = nil
    }

    /// Renders and stores each HTML part's PDF, then records them. Runs on the actor only
    /// between awaits; the engine itself runs as a subprocess.
    private func make(_ packID: String) async {
        do {
            guard let pack = try await database.pack(id: packID), pack.pdfState == .pending else { return }
            var parts: [StoredPackPart] = []
            for html in pack.parts where html.format == .html {
                let text = String(decoding: try files.load(html.sha256, extension: html.format.rawValue), as: UTF8.self)
                let data = try await pdf.renderPDF(html: text)
                let address = try files.store(data, extension: PackFormat.pdf.rawValue)
                parts.append(StoredPackPart(part: html.part, format: .pdf, sha256: address, size: data.count))
            }
            try await database.completePackPDF(id: packID, parts: parts)
        } catch let error as PDFRenderError where error.code == .cancelled {
            // Shutting down: the version stays pending and is made at the next start.
        } catch {
            if Task.isCancelled { return }
            _ = try? await database.failPackPDF(id: packID, reason: "\(error)")
        }
    }
}
