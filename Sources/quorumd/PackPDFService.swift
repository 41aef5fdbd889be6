import Logging
import QuorumApplication
import ServiceLifecycle

/// Runs the pack PDF maker under the daemon's lifecycle: at start it queues every version whose
/// PDF a kill or a shutdown interrupted; at shutdown it stops the engine run in hand (that
/// version stays pending and is made at the next start).
struct PackPDFService: Service {
    let maker: PackPDFMaker
    let logger: Logger

    func run() async throws {
        let resumed = try await maker.resumePending()
        if resumed > 0 {
            logger.info("making the PDFs a restart interrupted", metadata: ["versions": "\(resumed)"])
        }
        try? await gracefulShutdown()
        await maker.stop()
    }
}
