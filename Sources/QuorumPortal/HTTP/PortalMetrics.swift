import Foundation
import Metrics
import Prometheus

/// What `/metrics` shows, in the Prometheus text format: everything recorded through
/// swift-metrics into `registry` (the portal's requests and latency per route, and whatever
/// other parts of the daemon record), plus levels read when scraped.
///
/// Served only to a client on this machine or a signed-in admin: it tells how busy and how
/// backed-up the daemon is, which is an operator's business.
public struct PortalMetrics: Sendable {
    /// One level read at scrape time, e.g. the outbox's depth in one state.
    public struct Level: Sendable {
        /// `quorum_<subsystem>_<name>_<unit>`.
        public var subsystem: String
        public var name: String
        public var unit: String
        public var help: String
        public var labels: [(String, String)]
        public var value: Double

        public init(subsystem: String, name: String, unit: String, help: String, labels: [(String, String)] = [], value: Double) {
            self.subsystem = subsystem
            self.name = name
            self.unit = unit
            self.help = help
            self.labels = labels
            self.value = value
        }
    }

    let registry: PrometheusCollectorRegistry
    let levels: @Sendable () async throws -> [Level]

    public init(registry: PrometheusCollectorRegistry, levels: @escaping @Sendable () async throws -> [Level]) {
        self.registry = registry
        self.levels = levels
    }

    func render() async throws -> String {
        for level in try await levels() {
            let descriptor = MetricNameDescriptor(
                namespace: "quorum", subsystem: level.subsystem, metricName: level.name, unitName: level.unit, helpText: level.help)
            registry.makeGauge(descriptor: descriptor, labels: level.labels).set(level.value)
        }
        return registry.emitToString()
    }
}
