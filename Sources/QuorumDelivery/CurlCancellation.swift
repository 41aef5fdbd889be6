import Synchronization

/// Set when the task awaiting a transfer is cancelled; the transfer's progress callback reads
/// it and makes libcurl stop (`CURLE_ABORTED_BY_CALLBACK`), so that a shutdown does not wait
/// out a slow server's time-out.
final class CurlCancellation: Sendable {
    private let flag = Atomic<Bool>(false)

    func cancel() {
        flag.store(true, ordering: .relaxed)
    }

    var isCancelled: Bool {
        flag.load(ordering: .relaxed)
    }
}
