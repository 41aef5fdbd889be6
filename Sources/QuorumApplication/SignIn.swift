import Foundation
import QuorumDomain

/// A signed-in user as a front door keeps them between requests: who, and which token they
/// signed in with, by its digest (never the token), so that `USER REVOKE` and `USER ROTATE` end
/// the sign-in at once on connections already open.
public struct SignIn: Hashable, Sendable {
    public let user: User
    let tokenDigest: Data

    init(user: User, tokenDigest: Data) {
        self.user = user
        self.tokenDigest = tokenDigest
    }
}
