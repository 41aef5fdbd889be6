import Metrics
import Synchronization

/// Protocol commands by name for `/metrics`: how many, how many failed, and how long they took.
/// The names are the command table's (and `unknown`), so the series stay bounded whatever
/// clients send; each name's metrics are made once.
final class CommandMetrics: Sendable {
    private struct Series {
        let answered: Counter
        let failed: Counter
        let duration: Timer
    }

    private let series = Mutex<[String: Series]>([:])

    func record(_ name: String, _ duration: Duration, failed: Bool) {
        let metrics = series.withLock { table in
            if let known = table[name] { return known }
            let made = Series(
                answered: Counter(label: "quorum_protocol_commands", dimensions: [("command", name)]),
                failed: Counter(label: "quorum_protocol_command_errors", dimensions: [("command", name)]),
                duration: Timer(label: "quorum_protocol_command_duration_seconds", dimensions: [("command", name)]))
            table[name] = made
            return made
        }
        metrics.answered.increment()
        if failed { metrics.failed.increment() }
        let (seconds, attoseconds) = duration.components
        metrics.duration.recordNanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
