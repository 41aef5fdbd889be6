import Foundation

/// The encodings an RFC 5322 / MIME message needs: quoted-printable bodies (RFC 2045 §6.7),
/// encoded-words in headers (RFC 2047), header folding (RFC 5322 §2.2.3) and the date form
/// (RFC 5322 §3.3). Pure functions over strings, so that the tests can check each rule.
enum MIMEEncoding {
    /// The longest header line we write, not counting CRLF (RFC 5322 §2.1.1 "SHOULD").
    static let maximumHeaderLineLength = 78
    /// The longest quoted-printable line, counting the `=` of a soft break (RFC 2045 §6.7 rule 5).
    static let maximumQuotedPrintableLineLength = 76
    /// UTF-8 bytes per encoded-word: 30 bytes are 40 base64 characters, 52 with `=?utf-8?B?…?=`,
    /// which leaves room for any header name we use on the first line (RFC 2047 §2: at most 75).
    static let encodedWordBytes = 30

    // MARK: Bodies

    /// Encodes text as quoted-printable with CRLF line ends.
    ///
    /// Any line break in `text` (CRLF, LF or CR) becomes a CRLF hard break. Besides what RFC
    /// 2045 requires (`=`, non-ASCII, controls, and spaces or tabs at the end of a line), a `.`
    /// at the start of an output line and the `F` of a line starting `From ` are encoded too, so
    /// that no encoded line starts with a dot (SMTP's end-of-data marker, RFC 5321 §4.5.2) or
    /// with an mbox separator, whatever the transport does.
    static func quotedPrintable(_ text: String) -> String {
        // Written as bytes: one String per byte, and counting its characters, was a fifth of
        // the deliverer's time on a run of digests.
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + text.utf8.count / 8)
        let lines = hardLines(of: Array(text.utf8))
        for (index, line) in lines.enumerated() {
            if index > 0 { output += [0x0D, 0x0A] }
            encodeLine(line, into: &output)
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static let fromSpace = Array("From ".utf8)
    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    private static func encodeLine(_ bytes: [UInt8], into output: inout [UInt8]) {
        var column = 0
        for (index, byte) in bytes.enumerated() {
            var encoded: Bool
            switch byte {
            case 0x20, 0x09:
                // Trailing white space would be stripped by some relays: encode it.
                encoded = index == bytes.count - 1
            case 0x3D, 0x00..<0x20, 0x7F...:
                encoded = true
            default:
                encoded = false
            }
            // A soft break must leave room for its own "=".
            if column + (encoded ? 3 : 1) > maximumQuotedPrintableLineLength - 1 {
                output += [UInt8(ascii: "="), 0x0D, 0x0A]
                column = 0
            }
            if column == 0, byte == UInt8(ascii: ".") || (byte == UInt8(ascii: "F") && bytes[index...].starts(with: fromSpace)) {
                encoded = true
            }
            if encoded {
                output += [UInt8(ascii: "="), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
                column += 3
            } else {
                output.append(byte)
                column += 1
            }
        }
    }

    /// Splits bytes at CRLF, LF or CR.
    private static func hardLines(of bytes: [UInt8]) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0D || byte == 0x0A {
                lines.append(current)
                current = []
                if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
            } else {
                current.append(byte)
            }
            index += 1
        }
        lines.append(current)
        return lines
    }

    // MARK: Headers

    /// True when `text` cannot go into a header as it is: non-ASCII, control characters, a
    /// sequence that a reader would take for an encoded-word, or a word too long to fold.
    static func needsEncoding(_ text: String) -> Bool {
        if text.contains("=?") { return true }
        if text.unicodeScalars.contains(where: { !$0.isASCII || $0.value < 0x20 || $0.value == 0x7F }) { return true }
        return text.split(separator: " ").contains { $0.count > 900 }
    }

    /// RFC 2047 "B" encoded-words, each holding whole characters (§5: an encoded-word must not
    /// split a character) of at most ``encodedWordBytes`` UTF-8 bytes.
    static func encodedWords(_ text: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        func flush() {
            guard !chunk.isEmpty else { return }
            words.append("=?utf-8?B?" + Data(chunk).base64EncodedString() + "?=")
            chunk = []
        }
        for character in text {
            let bytes = Array(String(character).utf8)
            if !chunk.isEmpty, chunk.count + bytes.count > encodedWordBytes { flush() }
            chunk += bytes
        }
        flush()
        return words
    }

    /// Collapses runs of white space (including line breaks, which would otherwise inject
    /// headers) to one space and trims the ends.
    static func singleLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
    }

    /// The tokens of an unstructured header value (`Subject`): its words, or encoded-words.
    static func unstructuredTokens(_ value: String) -> [String] {
        let line = singleLine(value)
        if needsEncoding(line) { return encodedWords(line) }
        return line.split(separator: " ").map(String.init)
    }

    /// The tokens of one mailbox: its display name as a phrase, then `<address>`.
    static func mailboxTokens(_ mailbox: EmailAddress) -> [String] {
        let address = singleLine(mailbox.address)
        guard let name = mailbox.displayName.map(singleLine), !name.isEmpty else { return [address] }
        let phrase: [String]
        if needsEncoding(name) {
            phrase = encodedWords(name)
        } else if name.unicodeScalars.allSatisfy({ isAtext($0) || $0 == " " }) {
            phrase = name.split(separator: " ").map(String.init)
        } else {
            let escaped = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            phrase = ["\"" + escaped + "\""]
        }
        return phrase + ["<" + address + ">"]
    }

    /// The tokens of an address list, with the separating commas attached.
    static func addressListTokens(_ mailboxes: [EmailAddress]) -> [String] {
        var tokens: [String] = []
        for (index, mailbox) in mailboxes.enumerated() {
            var these = mailboxTokens(mailbox)
            if index < mailboxes.count - 1 { these[these.count - 1] += "," }
            tokens += these
        }
        return tokens
    }

    /// `atext` of RFC 5322 §3.2.3: what a display name may hold without quotes.
    private static func isAtext(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.isASCII else { return false }
        if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) { return true }
        return "!#$%&'*+-/=?^_`{|}~".unicodeScalars.contains(scalar)
    }

    /// `Name: token token…`, folded with CRLF SP before a token that would take the line past
    /// 78 characters. Tokens are never split, so a line is longer only when one token is
    /// (an ASCII word, never more than 998 characters since ``needsEncoding(_:)`` encodes those).
    static func header(_ name: String, tokens: [String]) -> String {
        var output = name + ":"
        var column = output.count
        var lineHasToken = false
        for token in tokens {
            let exceeds = column + 1 + token.count > maximumHeaderLineLength
            // Folding right after "Name:" is allowed (FWS), but only worth it when the token then fits.
            if exceeds, lineHasToken || 1 + token.count <= maximumHeaderLineLength {
                output += "\r\n " + token
                column = 1 + token.count
            } else {
                output += " " + token
                column += 1 + token.count
            }
            lineHasToken = true
        }
        return output
    }

    // MARK: Dates

    /// `Wed, 01 Nov 2017 08:00:00 +0000` (RFC 5322 §3.3), in UTC, with English names whatever
    /// the process locale.
    static func rfc5322Date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        return "\(days[(parts.weekday ?? 1) - 1]), \(two(parts.day)) \(months[(parts.month ?? 1) - 1]) \(parts.year ?? 1970) "
            + "\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second)) +0000"
    }
}
