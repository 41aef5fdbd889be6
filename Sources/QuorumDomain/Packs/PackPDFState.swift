/// Where a pack version's PDF stands. A build stores the HTML parts and replies at once; the
/// PDF is made afterwards, off the request path, from the stored HTML.
public enum PackPDFState: String, Hashable, Sendable, CaseIterable, Codable {
    /// Being made (or waiting its turn). A restart makes it again from the stored HTML.
    case pending
    /// Every part's PDF is stored; the version can be published.
    case ready
    /// The PDF engine failed or timed out; a new build is needed before publishing.
    case failed
}
