import Foundation
import QuorumDomain
import QuorumStorage
import QuorumWire

/// Backups of the whole store, taken while the daemon runs: the database as one consistent
/// snapshot (SQLite's online backup) and every pack file it names, into a new folder laid out as
/// a data directory. Restoring is starting a stopped daemon on that folder (docs/reliability.md).
public struct BackupService: Sendable {
    let database: AppDatabase
    let files: PackFileStore
    let clock: WallClock
    let authorizer: Authorizer

    public init(database: AppDatabase, files: PackFileStore, clock: WallClock) {
        self.database = database
        self.files = files
        self.clock = clock
        self.authorizer = Authorizer(database: database)
    }

    /// Writes a backup into `directory` (an absolute path on the server's machine that does not
    /// exist yet, or is an empty folder).
    /// - Throws: `badArgument` for a relative or non-empty path; `unavailable` when the copy
    ///   cannot be written (a full disk, a read-only folder), naming the cause; a partial copy
    ///   is removed.
    public func backup(to directory: String, as user: User?) async throws -> BackupDocument {
        try await authorizer.authorize(.dataBackup, user)
        let folder = URL(fileURLWithPath: directory).standardizedFileURL.path
        guard directory.hasPrefix("/") else {
            throw ApplicationError(.badArgument, "'\(directory)' is not an absolute path (the folder is on the server's machine)")
        }
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: folder, isDirectory: &isDirectory) {
            guard isDirectory.boolValue, (try? manager.contentsOfDirectory(atPath: folder))?.isEmpty == true else {
                throw ApplicationError(.badArgument, "\(folder) already exists and is not an empty folder: a backup never overwrites")
            }
        }
        do {
            try manager.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let copy = try await database.backup(toFile: folder + "/quorum.sqlite")
            guard copy.integrity == "ok" else {
                throw ApplicationError(.unavailable, "the copy failed SQLite's integrity check: \(copy.integrity)")
            }
            // Pack files never change once stored, so copying them after the snapshot is safe:
            // every file the snapshot names was stored before its row was committed.
            let packs = try PackFileStore(directory: folder + "/packs")
            for file in copy.packFiles {
                try packs.store(try files.load(file.sha256, extension: file.format), extension: file.format)
            }
            let size = (try manager.attributesOfItem(atPath: folder + "/quorum.sqlite")[.size] as? Int) ?? 0
            return BackupDocument(
                path: folder, databaseBytes: size, packFiles: copy.packFiles.count, integrity: copy.integrity,
                at: clock.now().londonISOText)
        } catch let error as ApplicationError {
            try? manager.removeItem(atPath: folder)
            throw error
        } catch {
            try? manager.removeItem(atPath: folder)
            throw ApplicationError(.unavailable, "the backup to \(folder) failed and was removed: \(error)")
        }
    }
}
