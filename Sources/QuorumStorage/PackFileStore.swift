import Crypto
import Foundation
import QuorumDomain

/// Immutable, content-addressed files: `<directory>/<sha256>.<extension>`.
///
/// Written to a temporary file in the same directory, flushed to disk, then renamed into place,
/// so a crash never leaves a partial file under a final name: rename is atomic on one file system.
public struct PackFileStore: Sendable {
    public let directory: String

    public init(directory: String) throws {
        self.directory = directory
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    /// The SHA-256 of `data`, in lower-case hex.
    public static func address(of data: Data) -> String {
        Hex.lowercase(SHA256.hash(data: data))
    }

    /// Stores `data` once; a second store of the same bytes finds it already there.
    /// - Returns: its address.
    @discardableResult
    public func store(_ data: Data, extension fileExtension: String) throws -> String {
        let address = PackFileStore.address(of: data)
        let path = self.path(address, fileExtension)
        if FileManager.default.fileExists(atPath: path) { return address }
        let temporary = "\(directory)/.\(address).\(UUID().uuidString).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: nil) else {
            throw PackFileError(path: temporary, reason: "cannot create")
        }
        do {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
            try handle.write(contentsOf: data)
            try handle.synchronize()
            try handle.close()
            guard rename(temporary, path) == 0 else {
                throw PackFileError(path: path, reason: String(cString: strerror(errno)))
            }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
        return address
    }

    public func load(_ address: String, extension fileExtension: String) throws -> Data {
        guard address.count == 64, address.allSatisfy(\.isHexDigit),
            let data = FileManager.default.contents(atPath: path(address, fileExtension))
        else {
            throw PackFileError(path: path(address, fileExtension), reason: "missing")
        }
        // Content addressing also detects a file damaged on disk.
        guard PackFileStore.address(of: data) == address else {
            throw PackFileError(path: path(address, fileExtension), reason: "its content does not match its address")
        }
        return data
    }

    /// Temporary files a crash left behind: removed at start-up.
    public func removeLeftovers() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") {
            try? FileManager.default.removeItem(atPath: "\(directory)/\(name)")
        }
    }

    private func path(_ address: String, _ fileExtension: String) -> String {
        "\(directory)/\(address).\(fileExtension)"
    }
}

public struct PackFileError: Error, CustomStringConvertible {
    public let path: String
    public let reason: String
    public var description: String { "\(path): \(reason)" }
}
