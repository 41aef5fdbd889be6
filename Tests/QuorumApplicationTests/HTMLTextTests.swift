import Testing

@testable import QuorumApplication

@Suite("The text of a pack, for the search index")
struct HTMLTextTests {
    @Test func theTextOfAPackSkipsItsStyleAndDecodesEntities() {
        let html = "<html><head><title>OSC &amp; papers</title><style>p{}</style></head><body><p>Care&nbsp;leavers&#39; <b>homes</b></p></body></html>"
        #expect(HTMLText.title(of: html) == "OSC & papers")
        #expect(HTMLText.plainText(of: html) == "Care leavers' homes")
    }
}
