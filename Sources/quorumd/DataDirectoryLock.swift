import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive lock on the data directory, held for the life of the process, so that a second
/// `quorumd` on the same directory refuses to start instead of sharing the database and the
/// outbox with the first (two deliverers would send every notice twice).
///
/// It is an `flock` on `<data_dir>/quorumd.lock`, which the kernel releases when the process
/// ends however it ends, so a crash leaves no stale lock. The file holds the holder's pid, for
/// the message.
final class DataDirectoryLock: Sendable {
    static let fileName = "quorumd.lock"

    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Creates `directory` and its missing parents, or throws a `StartupError` naming the
    /// directory and the system's reason (`Not a directory`, `Permission denied`): Foundation's
    /// own error here is a bare "could not be completed".
    static func create(directory: String) throws(StartupError) {
        var path = directory.hasPrefix("/") ? "" : "."
        for component in directory.split(separator: "/") {
            path += "/" + component
            var status = stat()
            if stat(path, &status) == 0 {
                guard status.st_mode & S_IFMT == S_IFDIR else {
                    throw StartupError(message: "cannot create the data directory \(directory) (data_dir): \(path) is a file, not a directory")
                }
                continue
            }
            guard mkdir(path, 0o755) == 0 || errno == EEXIST else {
                throw StartupError(
                    message: "cannot create the data directory \(directory) (data_dir): \(path): \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Takes the lock, or throws a `StartupError` saying who holds it.
    static func acquire(directory: String) throws(StartupError) -> DataDirectoryLock {
        let path = directory + "/" + fileName
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw StartupError(message: "\(path): cannot open the lock file (\(String(cString: strerror(errno))))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let reason = errno
            var holder = ""
            if let text = try? String(contentsOfFile: path, encoding: .utf8),
                let pid = Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
            {
                holder = " (pid \(pid))"
            }
            close(descriptor)
            guard reason == EWOULDBLOCK else {
                throw StartupError(message: "\(path): cannot lock the data directory (\(String(cString: strerror(reason))))")
            }
            throw StartupError(
                message: "the data directory \(directory) is in use by another quorumd\(holder); "
                    + "stop it first, or give this one another --data-dir")
        }
        let pid = "\(getpid())\n"
        _ = ftruncate(descriptor, 0)
        _ = pid.withCString { pwrite(descriptor, $0, strlen($0), 0) }
        return DataDirectoryLock(descriptor: descriptor)
    }
}
