/// Why a PDF could not be made, with what WeasyPrint said about it.
public struct PDFRenderError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kinds of failure; more may come.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case executableNotFound = "executable_not_found"
            case launchFailed = "launch_failed"
            case timedOut = "timed_out"
            case failed
            case invalidOutput = "invalid_output"
            case cancelled
            case io
        }

        private let base: Base

        private init(_ base: Base) { self.base = base }

        /// The `weasyprint` executable is not on the PATH (install Debian's `weasyprint`).
        public static let executableNotFound = Code(.executableNotFound)
        /// The process could not be started.
        public static let launchFailed = Code(.launchFailed)
        /// It ran longer than the configured timeout and was stopped.
        public static let timedOut = Code(.timedOut)
        /// It exited with a failure status.
        public static let failed = Code(.failed)
        /// It exited successfully but what it wrote is not a PDF.
        public static let invalidOutput = Code(.invalidOutput)
        /// The task asking for the PDF was cancelled, and the process stopped.
        public static let cancelled = Code(.cancelled)
        /// The temporary files could not be written or read.
        public static let io = Code(.io)

        public var description: String { base.rawValue }
    }

    public let code: Code
    /// What went wrong, in words.
    public let message: String
    /// The process's exit status, when it ran to an end.
    public let exitStatus: Int32?
    /// What WeasyPrint wrote to its standard error (at most its last 8 KiB).
    public let standardError: String

    public init(code: Code, message: String, exitStatus: Int32? = nil, standardError: String = "") {
        self.code = code
        self.message = message
        self.exitStatus = exitStatus
        self.standardError = standardError
    }

    /// `weasyprint failed (exit status 1): <its stderr>`.
    public var description: String {
        var text = message
        if let exitStatus { text += " (exit status \(exitStatus))" }
        let detail = standardError.trimmed
        if !detail.isEmpty { text += ": \(detail)" }
        return text
    }
}
