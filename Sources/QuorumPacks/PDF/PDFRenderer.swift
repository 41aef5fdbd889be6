import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns a pack's HTML into PDF with WeasyPrint (Debian's `weasyprint` package), run as a
/// subprocess.
///
/// The HTML goes to WeasyPrint through a private temporary folder (input file, output file and
/// its standard error as a file, so no pipe can fill and stall it). The wait never blocks a
/// thread of Swift's cooperative pool: the process's termination handler resumes the task. A
/// timeout stops a run that hangs (SIGTERM, then SIGKILL after a grace period), and so does
/// cancelling the task.
///
/// The packs it is given fetch nothing (``PackRenderer`` inlines every style and chart), so
/// WeasyPrint needs no network.
///
/// ```swift
/// let pdf = try await PDFRenderer().renderPDF(html: PackRenderer().renderHTML(content, part: .public))
/// ```
public struct PDFRenderer: Sendable {
    /// How to run WeasyPrint.
    public struct Configuration: Hashable, Sendable {
        /// The executable: a name looked up on the PATH, or a path.
        public var executable: String
        /// How long a run may take before it is stopped. Generous: the PDF is made off the request
        /// path (nobody waits on it but a publication), and on a busy machine one pack's PDF has
        /// taken more than two minutes; the limit only stops an engine that hangs.
        public var timeout: Duration
        /// How long a stopped run has to exit after SIGTERM before SIGKILL.
        public var terminationGracePeriod: Duration
        /// Arguments put before the input and output files.
        public var extraArguments: [String]

        public init(
            executable: String = "weasyprint", timeout: Duration = .seconds(900),
            terminationGracePeriod: Duration = .seconds(5), extraArguments: [String] = []
        ) {
            self.executable = executable
            self.timeout = timeout
            self.terminationGracePeriod = terminationGracePeriod
            self.extraArguments = extraArguments
        }
    }

    public var configuration: Configuration

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Each run's scratch folder is `quorum-pdf-<pid>-<uuid>` in the temporary directory.
    static let folderPrefix = "quorum-pdf-"

    /// Removes the scratch folders that processes no longer running left behind (a daemon killed,
    /// or stopped, while the engine ran); another running daemon's folders are left alone.
    /// - Returns: how many were removed.
    @discardableResult
    public static func removeLeftovers(in directory: URL = FileManager.default.temporaryDirectory) -> Int {
        let files = FileManager.default
        let names = (try? files.contentsOfDirectory(atPath: directory.path)) ?? []
        var removed = 0
        for name in names where name.hasPrefix(folderPrefix) {
            let rest = name.dropFirst(folderPrefix.count)
            // Ours are `<pid>-<uuid>`, kept while that process lives (kill(pid, 0) finds it), and
            // an older release's `<uuid>`, whose first group may be all digits. Any other name
            // with the same prefix belongs to someone else and is left alone.
            if UUID(uuidString: String(rest)) == nil {
                let pidText = rest.prefix { $0 != "-" }
                guard let pid = Int32(pidText), UUID(uuidString: String(rest.dropFirst(pidText.count + 1))) != nil else { continue }
                if kill(pid, 0) == 0 || errno == EPERM { continue }
            }
            if (try? files.removeItem(at: directory.appendingPathComponent(name))) != nil { removed += 1 }
        }
        return removed
    }

    /// Whether the configured executable can be found.
    public var isAvailable: Bool {
        Self.locateExecutable(configuration.executable) != nil
    }

    /// The full path of `name`: itself when it contains a `/` and is executable, else the first
    /// executable of that name in the directories of `searchPath` (the PATH by default).
    public static func locateExecutable(
        _ name: String, searchPath: String? = ProcessInfo.processInfo.environment["PATH"]
    ) -> String? {
        let files = FileManager.default
        if name.contains("/") {
            return files.isExecutableFile(atPath: name) ? name : nil
        }
        let directories = (searchPath ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        for directory in directories where !directory.isEmpty {
            let candidate = "\(directory)/\(name)"
            var isDirectory: ObjCBool = false
            if files.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
                files.isExecutableFile(atPath: candidate)
            {
                return candidate
            }
        }
        return nil
    }

    /// The PDF of `html`.
    ///
    /// - Throws: ``PDFRenderError``: WeasyPrint missing, failing (with its standard error),
    ///   timing out, or the task cancelled.
    public func renderPDF(html: String) async throws(PDFRenderError) -> Data {
        guard let executable = Self.locateExecutable(configuration.executable) else {
            throw PDFRenderError(
                code: .executableNotFound,
                message: "cannot find '\(configuration.executable)' on the PATH; install Debian's weasyprint package")
        }
        let files = FileManager.default
        let folder = files.temporaryDirectory.appendingPathComponent(
            "\(Self.folderPrefix)\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)", isDirectory: true)
        let input = folder.appendingPathComponent("pack.html")
        let output = folder.appendingPathComponent("pack.pdf")
        let errors = folder.appendingPathComponent("stderr.txt")
        do {
            try files.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try Data(html.utf8).write(to: input)
            guard files.createFile(atPath: errors.path, contents: nil) else {
                throw CocoaError(.fileWriteUnknown)
            }
        } catch {
            try? files.removeItem(at: folder)
            throw PDFRenderError(code: .io, message: "cannot write the HTML for weasyprint: \(error)")
        }
        defer { try? files.removeItem(at: folder) }

        let errorHandle: FileHandle
        do {
            errorHandle = try FileHandle(forWritingTo: errors)
        } catch {
            throw PDFRenderError(code: .io, message: "cannot open weasyprint's error file: \(error)")
        }
        defer { try? errorHandle.close() }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = configuration.extraArguments + ["--encoding", "utf-8", input.path, output.path]
        process.currentDirectoryURL = folder
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errorHandle

        let outcome = try await run(process)
        let standardError = Self.tail(of: errors)
        switch outcome {
        case .timedOut:
            throw PDFRenderError(
                code: .timedOut, message: "weasyprint took longer than \(configuration.timeout) and was stopped",
                standardError: standardError)
        case .cancelled:
            throw PDFRenderError(code: .cancelled, message: "the PDF was no longer wanted; weasyprint was stopped")
        case .exited(let status, let reason):
            guard reason == .exit, status == 0 else {
                let how = reason == .exit ? "failed" : "was killed by signal \(status)"
                throw PDFRenderError(
                    code: .failed, message: "weasyprint \(how)", exitStatus: reason == .exit ? status : nil,
                    standardError: standardError)
            }
        }
        guard let pdf = try? Data(contentsOf: output), pdf.starts(with: Array("%PDF-".utf8)) else {
            throw PDFRenderError(
                code: .invalidOutput, message: "weasyprint exited successfully but wrote no PDF",
                standardError: standardError)
        }
        return pdf
    }

    private enum Outcome: Sendable {
        case exited(Int32, Process.TerminationReason)
        case timedOut
        case cancelled
    }

    /// Runs `process` to its end, stopping it on timeout or cancellation. The waiting is done by
    /// the termination handler (a Foundation thread), not by a thread of the cooperative pool.
    private func run(_ process: Process) async throws(PDFRenderError) -> Outcome {
        enum Stop: Sendable { case none, timedOut, cancelled }
        // Why the run was stopped, if it was, and whether the process has been started: a stop
        // asked for before the start is carried out as soon as it starts.
        struct State: Sendable {
            var stop = Stop.none
            var started = false
        }
        let state = Mutex(State())
        let grace = configuration.terminationGracePeriod

        @Sendable func stop(because reason: Stop) {
            let started = state.withLock { state -> Bool? in
                guard state.stop == .none else { return nil }
                state.stop = reason
                return state.started
            }
            if started == true { Self.terminate(process, grace: grace) }
        }

        // The timer runs on a Dispatch queue, not the cooperative pool, so that it fires on
        // time even when every task thread is busy.
        let watchdog = DispatchWorkItem { stop(because: .timedOut) }
        DispatchQueue.global().asyncAfter(
            deadline: .now() + .nanoseconds(Int(min(Self.nanoseconds(configuration.timeout), UInt64(Int.max)))),
            execute: watchdog)
        defer { watchdog.cancel() }

        let result: Result<(Int32, Process.TerminationReason), PDFRenderError> = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                process.terminationHandler = { finished in
                    continuation.resume(returning: .success((finished.terminationStatus, finished.terminationReason)))
                }
                do {
                    try process.run()
                } catch {
                    process.terminationHandler = nil
                    continuation.resume(
                        returning: .failure(
                            PDFRenderError(code: .launchFailed, message: "cannot start weasyprint: \(error)")))
                    return
                }
                let stoppedEarly = state.withLock { state -> Bool in
                    state.started = true
                    return state.stop != .none
                }
                if stoppedEarly { Self.terminate(process, grace: grace) }
            }
        } onCancel: {
            stop(because: .cancelled)
        }
        let (status, reason) = try result.get()
        switch state.withLock({ $0.stop }) {
        case .timedOut: return .timedOut
        case .cancelled: return .cancelled
        case .none: return .exited(status, reason)
        }
    }

    /// SIGTERM now, SIGKILL after `grace` if it is still running.
    private static func terminate(_ process: Process, grace: Duration) {
        guard process.isRunning else { return }
        let pid = process.processIdentifier
        process.terminate()
        DispatchQueue.global().asyncAfter(deadline: .now() + .nanoseconds(Int(nanoseconds(grace)))) {
            if process.isRunning { kill(pid, SIGKILL) }
        }
    }

    private static func nanoseconds(_ duration: Duration) -> UInt64 {
        let (seconds, attoseconds) = duration.components
        return UInt64(max(seconds, 0)) * 1_000_000_000 + UInt64(max(attoseconds, 0) / 1_000_000_000)
    }

    /// The last 8 KiB of a file, as text.
    private static func tail(of file: URL) -> String {
        guard let data = try? Data(contentsOf: file) else { return "" }
        return String(decoding: data.suffix(8192), as: UTF8.self)
    }
}
