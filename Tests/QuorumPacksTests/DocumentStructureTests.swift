import Foundation
import QuorumDomain
import Testing

@testable import QuorumPacks

/// What WCAG 2.1 AA asks of a document, checked on both parts of the sample pack.
@Suite struct DocumentStructureTests {
    static func render(_ part: PackPart) throws -> String {
        PackRenderer().renderHTML(try SamplePack.content(), part: part)
    }

    @Test(arguments: PackPart.allCases)
    func theDocumentHasALanguageATitleAndOneTopHeading(_ part: PackPart) throws {
        let html = try Self.render(part)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en-GB\">"))
        #expect(html.contains("<title>Overview and Scrutiny Committee (Children&#39;s Services and Safeguarding): agenda and reports, Tuesday 14 November 2017, "))
        #expect(HTMLAudit(html).headingLevels.filter { $0 == 1 }.count == 1)
        #expect(HTMLAudit(html).headingLevels.first == 1)
    }

    @Test(arguments: PackPart.allCases)
    func headingsNeverSkipALevel(_ part: PackPart) throws {
        let levels = HTMLAudit(try Self.render(part)).headingLevels
        for (previous, next) in zip(levels, levels.dropFirst()) {
            #expect(next <= previous + 1, "h\(previous) then h\(next)")
        }
    }

    @Test(arguments: PackPart.allCases)
    func everyTableHasACaptionAndEveryHeaderCellAScope(_ part: PackPart) throws {
        let audit = HTMLAudit(try Self.render(part))
        let tables = audit.tags.filter { $0.name == "table" && !$0.isClosing }.count
        let captions = audit.tags.filter { $0.name == "caption" && !$0.isClosing }.count
        #expect(tables > 0)
        #expect(tables == captions)
        for cell in audit.tags where cell.name == "th" && !cell.isClosing {
            #expect(cell.attributes["scope"] == "col" || cell.attributes["scope"] == "row")
        }
    }

    @Test(arguments: PackPart.allCases)
    func theDocumentFetchesNothing(_ part: PackPart) throws {
        let html = try Self.render(part)
        #expect(!html.contains("src="))
        #expect(!html.contains("url("))
        #expect(!html.contains("@import"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("<script"))
        #expect(HTMLAudit(html).leaks == [])
    }

    @Test func theContentsListLinksEveryItemAndAppendix() throws {
        let html = try Self.render(.public)
        let contents = try #require(HTMLAudit(html).element(id: "contents"))
        for anchor in ["#agenda", "#item-4", "#item-4-appendix-a", "#item-4-appendix-b", "#item-5", "#item-6"] {
            #expect(contents.contains("href=\"\(anchor)\""), "\(anchor)")
            #expect(html.contains("id=\"\(anchor.dropFirst())\""), "no target \(anchor)")
        }
    }

    @Test func thePrintStylesheetSetsA4PageNumbersBreaksAndRepeatedHeaders() {
        let css = PackStylesheet.css.html
        #expect(css.contains("size: A4;"))
        #expect(css.contains("counter(page)"))
        #expect(css.contains(".item, .appendix { break-before: page; }"))
        #expect(css.contains("thead { display: table-header-group; }"))
        #expect(css.contains("tr, figure"))
        #expect(css.contains("break-inside: avoid"))
    }

    @Test(arguments: [
        ("#0b0c0c", "#ffffff"), ("#1d4f91", "#ffffff"), ("#505a5f", "#ffffff"), ("#505a5f", "#f3f2f1"),
        ("#0b2e59", "#dbe7f6"), ("#0f4d22", "#d8eedd"), ("#5a3a00", "#fcebc5"), ("#7a1010", "#f8d7d7"),
        ("#383f43", "#eeeeee"), ("#8a1a1a", "#ffffff"), ("#1d3f6e", "#ffffff"), ("#0b0c0c", "#dfe6ee"),
        ("#5a3a00", "#fdf3dc"), ("#1d4f91", "#f3f2f1"),
    ])
    func textColoursMeetTheContrastMinimum(_ text: String, _ background: String) {
        #expect(Self.contrast(text, background) >= 4.5, "\(text) on \(background): \(Self.contrast(text, background))")
    }

    /// WCAG 2.1's contrast ratio of two `#rrggbb` colours.
    static func contrast(_ a: String, _ b: String) -> Double {
        func luminance(_ hex: String) -> Double {
            let value = Int(hex.dropFirst(), radix: 16)!
            let channels = [(value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF].map { Double($0) / 255 }
            let linear = channels.map { $0 <= 0.03928 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
            return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
        }
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    @Test(arguments: [(18, 30, "6:30pm"), (10, 0, "10am"), (12, 0, "midday"), (0, 0, "midnight"), (12, 15, "12:15pm"), (9, 5, "9:05am")])
    func timesAreWrittenTheGovUKWay(_ hour: Int, _ minute: Int, _ written: String) {
        #expect(PackFormat.time(.init(hour: hour, minute: minute)!) == written)
    }
}
