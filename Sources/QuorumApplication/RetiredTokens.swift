import Foundation
import Synchronization

/// The digests of tokens revoked or replaced while the daemon runs: a sign-in made with one of
/// them has ended. Checked on every command, so it is a set in memory behind a lock, not a
/// database read.
///
/// Why a list of dead tokens rather than of live ones: a sign-in that read the old token just
/// before a rotation committed must still end, and it does, because the rotation adds the old
/// digest after its commit whatever the sign-in saw. The set grows only by admins' revocations
/// and rotations, and starts empty at start-up, when no connection is open yet. Tokens are 256
/// random bits, so a retired digest is never issued again.
final class RetiredTokens: Sendable {
    private let digests = Mutex<Set<Data>>([])

    func retire(_ digest: Data) {
        _ = digests.withLock { $0.insert(digest) }
    }

    func contains(_ digest: Data) -> Bool {
        digests.withLock { $0.contains(digest) }
    }
}
