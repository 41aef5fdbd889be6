import Metrics

/// Protocol commands by name for `/metrics`: how many, how many failed, and how long they took.
/// The names are the command table's (and `unknown`), so the series stay bounded whatever
/// clients send. Every name's metrics are made at start-up, so recording takes no lock of ours.
final class CommandMetrics: Sendable {
    private struct Series {
        let answered: Counter
        let failed: Counter
        let duration: Timer

        init(_ name: String) {
            answered = Counter(label: "quorum_protocol_commands", dimensions: [("command", name)])
            failed = Counter(label: "quorum_protocol_command_errors", dimensions: [("command", name)])
            duration = Timer(label: "quorum_protocol_command_duration_seconds", dimensions: [("command", name)])
        }
    }

    private let series: [String: Series]
    private let unknown: Series

    /// - Parameter names: every command's name (``CommandDispatcher/commandNames``).
    init(names: [String]) {
        let unknown = Series("unknown")
        var series = Dictionary(names.map { ($0, Series($0)) }, uniquingKeysWith: { first, _ in first })
        series["unknown"] = unknown
        self.series = series
        self.unknown = unknown
    }

    func record(_ name: String, _ duration: Duration, failed: Bool) {
        let metrics = series[name] ?? unknown
        metrics.answered.increment()
        if failed { metrics.failed.increment() }
        let (seconds, attoseconds) = duration.components
        metrics.duration.recordNanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }

    /// Counts requests answered from memory (bare PINGs, kept replies), which are not timed.
    func recordUntimed(_ name: String, count: Int) {
        (series[name] ?? unknown).answered.increment(by: Int64(count))
    }
}
