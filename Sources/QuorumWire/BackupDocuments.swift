/// What BACKUP wrote (a folder laid out as a data directory: `quorum.sqlite` and `packs/`).
public struct BackupDocument: Codable, Sendable, Hashable {
    public let path: String
    public let databaseBytes: Int
    public let packFiles: Int
    /// `ok` when SQLite's integrity check of the copy passed.
    public let integrity: String
    public let at: String

    public init(path: String, databaseBytes: Int, packFiles: Int, integrity: String, at: String) {
        self.path = path
        self.databaseBytes = databaseBytes
        self.packFiles = packFiles
        self.integrity = integrity
        self.at = at
    }
}
