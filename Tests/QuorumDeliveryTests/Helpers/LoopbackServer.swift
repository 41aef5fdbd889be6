import Foundation
import Synchronization
import Testing

/// The repository's root, found from this file's path (Tests/QuorumDeliveryTests/Helpers/).
let repositoryRoot: URL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
    .deletingLastPathComponent()  // Helpers
    .deletingLastPathComponent()  // QuorumDeliveryTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()

/// The folder of the Python helper scripts (no Swift in it, so that the package can exclude it).
let supportDirectory = repositoryRoot.appendingPathComponent("Tests/QuorumDeliveryTests/Support")

/// A real server on 127.0.0.1, run as a Python subprocess from `Support/`: it binds a free
/// port and prints a JSON line (`{"port": N, …}`) when it is ready. The test owns the process:
/// ``stop()`` ends it, and it also exits by itself when its standard input (a pipe held here)
/// closes, so a crashed test run leaves nothing behind.
final class LoopbackServer: @unchecked Sendable {
    // @unchecked: Process is not Sendable; this object is created, used and stopped by one test.
    private let process: Process
    private let input: Pipe
    /// What the script printed when it was ready.
    let ready: [String: Any]

    var port: Int { ready["port"] as! Int }

    private init(process: Process, input: Pipe, ready: [String: Any]) {
        self.process = process
        self.input = input
        self.ready = ready
    }

    /// Starts `script` with `arguments` and waits (up to 20 s) for its ready line.
    static func start(_ script: String, _ arguments: [String]) async throws -> LoopbackServer {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-u", supportDirectory.appendingPathComponent(script).path] + arguments
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let reader = output.fileHandleForReading
        // Reading blocks, so it happens on a thread of its own, not on the cooperative pool.
        let answered = ReadyFlag()
        let line: String? = await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                var bytes: [UInt8] = []
                while !bytes.contains(UInt8(ascii: "\n")) {
                    let chunk = reader.availableData
                    if chunk.isEmpty { break }
                    bytes += chunk
                }
                answered.set()
                continuation.resume(returning: bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self))
            }
            DispatchQueue.global().asyncAfter(deadline: .now() + 20) {
                // Still no ready line: give up, which ends the read with EOF.
                if !answered.isSet { process.terminate() }
            }
        }
        guard let line,
            let ready = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], ready["port"] is Int
        else {
            process.terminate()
            throw LoopbackServerError(script: script, reason: "it did not report a port (is python3 with aiosmtpd installed?)")
        }
        return LoopbackServer(process: process, input: input, ready: ready)
    }

    /// Ends the server and waits for it to exit: first by closing its standard input (the
    /// scripts exit on EOF), then SIGTERM, then SIGKILL.
    func stop() {
        try? input.fileHandleForWriting.close()
        for signal in [0, SIGTERM, SIGKILL] {
            if signal != 0, process.isRunning { kill(process.processIdentifier, signal) }
            let deadline = Date().addingTimeInterval(3)
            while process.isRunning, Date() < deadline { usleep(10_000) }
            if !process.isRunning { break }
        }
    }

    deinit { stop() }
}

/// Set once the ready line (or EOF) has been read.
private final class ReadyFlag: Sendable {
    private let value = Mutex(false)
    func set() { value.withLock { $0 = true } }
    var isSet: Bool { value.withLock { $0 } }
}

struct LoopbackServerError: Error, CustomStringConvertible {
    var script: String
    var reason: String
    var description: String { "\(script): \(reason)" }
}

/// Runs `body` with a server started from `script`, and stops the server afterwards.
func withLoopbackServer<T>(
    _ script: String, _ arguments: [String] = [], _ body: (LoopbackServer) async throws -> T
) async throws -> T {
    let server = try await LoopbackServer.start(script, arguments)
    defer { server.stop() }
    return try await body(server)
}

/// A fresh temporary folder, removed after `body`.
func withTemporaryDirectory<T>(_ body: (URL) async throws -> T) async throws -> T {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-delivery-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    return try await body(directory)
}
