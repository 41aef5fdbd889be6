#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Fits the connection limit to the process's open-file limit, as Redis does with `maxclients`:
/// first raise the soft limit towards the connections wanted plus a reserve, as far as the hard
/// limit allows; then, if it is still short, lower the connection limit to what fits.
public enum OpenFileLimit {
    /// Descriptors kept for everything but client connections: the database and its WAL, log
    /// files, pack files, listening sockets, libcurl (Redis keeps 32; SQLite's pool needs more).
    public static let reserve = 64

    /// `RLIM_INFINITY`, all bits set (the C macro does not import).
    private static let infinity = rlim_t.max

    /// What ``fit(connections:)`` decided.
    public struct Fitted: Sendable, Hashable {
        /// The connection limit to enforce.
        public var connections: Int
        /// The soft open-file limit after raising it.
        public var openFiles: Int
        /// Whether `connections` is below what was asked.
        public var lowered: Bool
    }

    /// The connection limit that fits the open-file limit, raising the soft limit if it can.
    public static func fit(connections wanted: Int) -> Fitted {
        #if canImport(Glibc)
        let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
        #else
        let resource = RLIMIT_NOFILE
        #endif
        var limit = rlimit()
        guard getrlimit(resource, &limit) == 0 else {
            return Fitted(connections: wanted, openFiles: -1, lowered: false)
        }
        let needed = rlim_t(wanted + reserve)
        if limit.rlim_cur != Self.infinity, limit.rlim_cur < needed {
            var raised = limit
            raised.rlim_cur = limit.rlim_max == Self.infinity ? needed : min(needed, limit.rlim_max)
            if setrlimit(resource, &raised) == 0 {
                limit = raised
            }
        }
        let openFiles = limit.rlim_cur == Self.infinity ? Int.max : Int(limit.rlim_cur)
        let fitting = max(1, min(wanted, openFiles - reserve))
        return Fitted(connections: fitting, openFiles: openFiles, lowered: fitting < wanted)
    }
}
