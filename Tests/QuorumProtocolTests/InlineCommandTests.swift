import NIOCore
import QuorumProtocol
import Testing

/// Inline lines split as Redis's `sdssplitargs` splits them: each vector is what Redis 7.0.15
/// made of the same line, sent as `RPUSH k <line>` and read back with `LRANGE`.
@Suite("Inline commands: words, quotes and escapes as Redis splits them")
struct InlineCommandTests {
    struct Vector: Sendable, CustomTestStringConvertible {
        let line: [UInt8]
        /// The words, or `nil` when Redis answers "unbalanced quotes in request".
        let words: [[UInt8]]?

        init(_ line: String, _ words: [String]?) {
            self.line = Array(line.utf8)
            self.words = words.map { $0.map { Array($0.utf8) } }
        }

        init(bytes line: [UInt8], _ words: [[UInt8]]?) {
            self.line = line
            self.words = words
        }

        var testDescription: String { escaped(self.line) }
    }

    static let vectors: [Vector] = [
        Vector("set foo bar", ["set", "foo", "bar"]),
        Vector("  set \t foo\tbar   ", ["set", "foo", "bar"]),
        Vector("ping", ["ping"]),
        Vector(#""hello world""#, ["hello world"]),
        Vector("'hello world'", ["hello world"]),
        Vector(#"echo "" ''"#, ["echo", "", ""]),
        Vector(#""a" "b"  'c'"#, ["a", "b", "c"]),
        // Double quotes: the C escapes, \xHH, and any other escaped byte as itself.
        Vector(#""a\"b""#, ["a\"b"]),
        Vector(#""a\\b""#, ["a\\b"]),
        Vector(#""\n\r\t\b\a""#, ["\n\r\t\u{08}\u{07}"]),
        Vector(#""\x41\x4a\x4B""#, ["AJK"]),
        Vector(#""\x4g""#, ["x4g"]),
        Vector(#""\q\'""#, ["q'"]),
        Vector(bytes: Array(#""\xff\x00\xC3""#.utf8), [[0xFF, 0x00, 0xC3]]),
        // Single quotes: only \' is an escape.
        Vector(#"'it\'s'"#, ["it's"]),
        Vector(#"'a\nb\\c\"'"#, [#"a\nb\\c\""#]),
        // A quote may open in the middle of a word.
        Vector(#"key a"b c""#, ["key", "ab c"]),
        Vector("key a'b c'", ["key", "ab c"]),
        // Only space, tab, CR and LF end a word; other C whitespace only separates words.
        Vector("a\rb", ["a", "b"]),
        Vector("\u{0B}\u{0C}a\u{0B}b", ["a\u{0B}b"]),
        Vector("   ", []),
        // Unbalanced: Redis's own "Unbalanced number of quotes" tests, then the other cases.
        Vector(#"set """test-key""" test-value"#, nil),
        Vector(#"ping """""""#, nil),
        Vector(#""foo"bar"#, nil),
        Vector("'foo'bar", nil),
        Vector(#""unterminated"#, nil),
        Vector("'unterminated", nil),
        Vector(#""ends in a backslash\"#, nil),
    ]

    @Test(
        "a NUL byte in an inline line is refused, where Redis would stall the connection",
        arguments: ["set a\u{00}b c", "\"a\u{00}b\"", "\u{00}"] as [Input]
    )
    func nulIsRefused(line: Input) throws {
        for feeding in Feeding.allCases {
            let decoded = try decode(line.bytes + Array("\r\n".utf8), with: RESPRequestDecoder(), feeding: feeding)
            #expect(decoded.messages.isEmpty)
            #expect(decoded.protocolError?.code == .unexpectedByte)
            #expect(decoded.protocolError?.description == "NUL byte in inline request")
        }
    }

    @Test("splits", arguments: vectors)
    func splits(_ vector: Vector) throws {
        for ending in ["\n", "\r\n"] {
            for feeding in Feeding.allCases {
                let input = vector.line + Array(ending.utf8) + Array("PING\r\n".utf8)
                let decoded = try decode(input, with: RESPRequestDecoder(), feeding: feeding)
                if let words = vector.words {
                    let expected =
                        (words.isEmpty ? [] : [RESPRequest(arguments: words.map { ByteBuffer($0) })])
                        + [RESPRequest("PING")]
                    #expect(decoded.error == nil)
                    #expect(decoded.messages == expected)
                } else {
                    #expect(decoded.messages.isEmpty)
                    #expect(decoded.protocolError?.code == .unbalancedQuotes)
                    #expect(decoded.protocolError?.description == "unbalanced quotes in request")
                }
            }
        }
    }
}
