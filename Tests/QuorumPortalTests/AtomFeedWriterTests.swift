import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

@testable import QuorumPortal

@Suite("The Atom feed writer")
struct AtomFeedWriterTests {
    @Test func aFeedIsWellFormedXMLWithItsEntriesAndEnclosures() throws {
        let writer = AtomFeedWriter(
            id: "https://q.example.org/packs.atom", title: "Papers & reports", selfURL: "https://q.example.org/packs.atom",
            alternateURL: "https://q.example.org/", updated: "2017-11-06T09:00:00Z")
        let xml = writer.write([
            .init(
                id: "https://q.example.org/meetings/OSC-2017-11-14#OSC-2017-11-14-v1", title: "Scrutiny <14 November>",
                updated: "2017-11-06T09:00:00Z", link: "https://q.example.org/meetings/OSC-2017-11-14", summary: "Children's \"services\"",
                enclosures: [.init(url: "https://q.example.org/packs/ab.pdf", type: "application/pdf", length: 1234, title: "OSC.pdf")])
        ])
        let document = try XMLDocument(xmlString: xml)
        let root = try #require(document.rootElement())
        #expect(root.name == "feed")
        #expect(root.uri == "http://www.w3.org/2005/Atom")
        let entries = root.elements(forName: "entry")
        #expect(entries.count == 1)
        #expect(entries[0].elements(forName: "title").first?.stringValue == "Scrutiny <14 November>")
        #expect(entries[0].elements(forName: "link").count == 2, "the page and the PDF")
        #expect(xml.contains(#"<link rel="enclosure" type="application/pdf" length="1234" title="OSC.pdf" href="https://q.example.org/packs/ab.pdf"/>"#))
        #expect(root.elements(forName: "title").first?.stringValue == "Papers & reports")
    }

    @Test func controlCharactersThatXMLForbidsAreDropped() {
        #expect(AtomFeedWriter.escape("a\u{01}b\u{0B}c") == "abc")
        #expect(AtomFeedWriter.escape("<&>\"'") == "&lt;&amp;&gt;&quot;&apos;")
    }
}
