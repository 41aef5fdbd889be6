import Testing

@testable import QuorumPacks

@Suite("Text escaped for HTML")
struct MarkupEscapeTests {
    /// The rule, one scalar at a time: what the byte-level escaper must give for any text.
    private static func expected(_ text: some StringProtocol) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value): result += "\u{FFFD}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    @Test(
        "the five characters, controls and everything else",
        arguments: [
            "", "plain text", "Fish & Chips", "&amp; stays visible", "<script>alert('x')</script>",
            "\"quoted\" and 'single'", "a\tb\nc\r\nd", "nul\u{0}here", "bell\u{7}", "del\u{7F}", "\u{80}c1\u{9F}",
            "\u{A0}non-breaking\u{A0}", "£250,000 — 17½%", "café naïve", "Ç¢ (C2 A2) is a letter",
            "emoji 👩🏽‍⚕️ & flags 🇬🇧", "e\u{301} combining", "ends with &", "<", "&&&&", "\u{1F}\u{20}",
            String(repeating: "long run without specials ", count: 200) + "<end>",
        ])
    func escapesAsTheRuleSays(text: String) {
        #expect(Markup.escape(text) == Self.expected(text))
        // A substring of a larger string takes the same path as a string of its own.
        let padded = "«" + text + "»"
        let inner = padded.dropFirst().dropLast()
        #expect(Markup.escape(inner) == Self.expected(text))
    }

    @Test("every scalar below U+0100 alone and between letters")
    func everyLowScalar() {
        for value in 0..<0x100 {
            let scalar = Unicode.Scalar(UInt8(value))
            let text = "a" + String(Character(scalar)) + "b"
            #expect(Markup.escape(text) == Self.expected(text), "U+\(String(value, radix: 16))")
        }
    }
}
