import Foundation
import Testing

@testable import QuorumPortal

@Suite("Byte ranges, validators and search snippets")
struct PackFileResponseTests {
    @Test(arguments: [
        ("bytes=0-99", 1000, ByteRange.range(0..<100)),
        ("bytes=900-", 1000, .range(900..<1000)),
        ("bytes=-100", 1000, .range(900..<1000)),
        ("bytes=990-2000", 1000, .range(990..<1000)),
        ("bytes=-5000", 1000, .range(0..<1000)),
        ("bytes=1000-", 1000, .unsatisfiable),
        ("bytes=-0", 1000, .unsatisfiable),
        ("bytes=0-1,5-6", 1000, .ignored),
        ("bytes=9-3", 1000, .ignored),
        ("items=0-1", 1000, .ignored),
        ("bytes=a-b", 1000, .ignored),
    ])
    func aRangeHeaderIsReadAsRFC9110Says(_ header: String, _ size: Int, _ expected: ByteRange) {
        #expect(ByteRange.parse(header, size: size) == expected)
    }

    @Test func ifNoneMatchComparesWeaklyAndTakesAListOrAStar() {
        let etag = "\"abc\""
        #expect(PackFileResponse.matches("\"abc\"", etag: etag))
        #expect(PackFileResponse.matches("W/\"abc\"", etag: etag))
        #expect(PackFileResponse.matches("\"x\", \"abc\"", etag: etag))
        #expect(PackFileResponse.matches("*", etag: etag))
        #expect(!PackFileResponse.matches("\"abcd\"", etag: etag))
    }

    @Test func aPackPageMayUseOnlyItsOwnInlineStylesheet() {
        let html = Data("<html><head><style>\nbody{color:red}\n</style></head><body></body></html>".utf8)
        let policy = PackFileResponse.policy(forPackHTML: html)
        #expect(policy.contains("style-src 'sha256-\(ContentHash.sha256Base64(Data("\nbody{color:red}\n".utf8)))'"))
        #expect(policy.contains("default-src 'none'"))
        #expect(policy.contains("frame-ancestors 'none'"))
    }

    @Test func aSnippetIsEscapedAndItsMatchesMarked() {
        #expect(SearchSnippet.html("a <b> \u{E000}care\u{E001} & more") == "a &lt;b&gt; <mark>care</mark> &amp; more")
        #expect(SearchSnippet.html("\u{E000}open") == "<mark>open</mark>")
    }

    @Test func onlyALocalPathIsFollowedAfterSignIn() {
        #expect(PortalRoutes.localPath("/meetings/OSC-2017-11-14") == "/meetings/OSC-2017-11-14")
        #expect(PortalRoutes.localPath("//evil.example.org/") == "/")
        #expect(PortalRoutes.localPath("https://evil.example.org/") == "/")
        #expect(PortalRoutes.localPath("/\\evil.example.org") == "/")
        #expect(PortalRoutes.localPath(nil) == "/")
    }
}
