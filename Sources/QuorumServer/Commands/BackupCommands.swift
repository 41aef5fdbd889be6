import QuorumApplication

/// BACKUP: a consistent copy of the store, taken while the daemon runs.
enum BackupCommands {
    static let specs: [CommandSpec] = [
        .document(
            "BACKUP", usage: "<folder>",
            summary: "copy the database (one consistent snapshot) and its pack files into a new folder on the server",
            .dataBackup, arity: 1...1, argumentSize: .text
        ) { context, invocation in
            let backup = try await context.application.backups.backup(to: invocation.arguments[0], as: invocation.user)
            context.logger.info("backup written", metadata: ["path": "\(backup.path)", "pack_files": "\(backup.packFiles)"])
            return backup
        }
    ]
}
