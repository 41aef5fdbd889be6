import ArgumentParser
import Foundation
import QuorumWire

struct Backup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Back up the server's data into a new folder on its machine (admin).",
        discussion: """
            The folder holds quorum.sqlite and packs/, laid out as a data directory: to restore, stop \
            quorumd and start it with --data-dir on (a copy of) that folder.
            """)
    @OptionGroup var options: ClientOptions
    @Argument(help: "A folder that does not exist yet (a relative path is taken from here).") var folder: String

    func run() async throws {
        let path = URL(fileURLWithPath: folder).standardizedFileURL.path
        guard let backup = try await options.callDocument(["BACKUP", path], as: BackupDocument.self) else { return }
        print("Backed up to \(backup.path): \(backup.databaseBytes) bytes of database, \(backup.packFiles) pack files, integrity \(backup.integrity).")
    }
}
