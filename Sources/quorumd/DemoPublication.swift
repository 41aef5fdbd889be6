import Logging
import QuorumApplication
import QuorumDomain
import ServiceLifecycle

/// The demo's seed packs built and published once the daemon runs, as their secretaries did in
/// 2017 and 2018, so that a fresh `make run` has papers to find, read and download. A service and
/// not a start-up step: publication waits for each version's PDF, which the PDF maker makes only
/// once the services run. It finishes when both are published; the daemon carries on.
struct DemoPublication: Service {
    static let admin = User(name: "admin", role: .admin)
    static let reason = "the demo's papers, published late because the demo was loaded after the meeting"

    let meetings: [String]
    let application: Application
    let logger: Logger

    func run() async throws {
        for meeting in meetings {
            do {
                let built = try await application.packs.build(meeting, as: Self.admin)
                let published = try await application.packs.publish(built.id, reason: Self.reason, as: Self.admin)
                logger.info("demo pack published", metadata: ["pack": "\(published.id)"])
            } catch {
                // The demo carries on without it; the secretary can build and publish by hand.
                logger.warning("demo pack not published", metadata: ["meeting": "\(meeting)", "error": "\(error)"])
            }
        }
    }
}
