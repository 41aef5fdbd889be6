import NIOCore
import Testing

@testable import QuorumProtocol

/// The splitter's quick way for lines without quotes gives what `sdssplitargs`'s step-by-step
/// way gives (``InlineCommandTests`` holds both to Redis's own answers).
@Suite("Inline commands: lines without quotes split as slices, to the same words")
struct InlineCommandSplitterTests {
    @Test func everyQuoteFreeLineOfSpacesLettersAndBackslashesSplitsAsTheFullWayDoes() throws {
        // Every byte that matters outside quotes: the word enders, the other C spaces, a
        // backslash (literal outside quotes) and letters.
        let alphabet: [UInt8] = [0x20, 0x09, 0x0D, 0x0A, 0x0B, 0x0C, UInt8(ascii: "\\"), UInt8(ascii: "a"), UInt8(ascii: "b")]
        var generator = SystemRandomNumberGenerator()
        var compared = 0
        for _ in 0..<5_000 {
            let length = Int.random(in: 0...12, using: &generator)
            let line = ByteBuffer(bytes: (0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            let quick = try #require(InlineCommandSplitter.splitUnquoted(line))
            #expect(quick == (try InlineCommandSplitter.splitQuoted(line)), "\(Array(line.readableBytesView))")
            compared += 1
        }
        #expect(compared == 5_000)
    }

    @Test(arguments: [#"say "hi""#, "it's", "a\u{0}b"])
    func aLineWithAQuoteOrANulIsLeftToTheFullWay(_ line: String) {
        #expect(InlineCommandSplitter.splitUnquoted(ByteBuffer(string: line)) == nil)
    }

    @Test func theWordsOfAQuoteFreeLineAreSlicesOfItsBytes() throws {
        var buffer = ByteBuffer(string: "xx")
        buffer.moveReaderIndex(forwardBy: 2)
        buffer.writeString("  PING  hello\tworld ")
        let words = try #require(InlineCommandSplitter.splitUnquoted(buffer))
        #expect(words.map { String(buffer: $0) } == ["PING", "hello", "world"])
    }
}
