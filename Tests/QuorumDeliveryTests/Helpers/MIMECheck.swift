import Foundation

/// A small, strict reader of the messages that `EmailMessage.rendered()` writes, written
/// from the RFCs independently of the code under test: it unfolds headers, decodes RFC 2047
/// encoded-words (B and Q), splits a multipart body at its boundary and decodes
/// quoted-printable and base64 parts.
struct MIMEEntity {
    /// Header fields, unfolded (CRLF before white space removed), values still encoded.
    var headers: [(name: String, value: String)]
    /// The raw body, CRLF line ends.
    var body: String

    /// Splits a CRLF message into header fields and body; nil when a line break is not CRLF.
    init?(_ raw: String) {
        guard let split = raw.range(of: "\r\n\r\n") else { return nil }
        let head = String(raw[..<split.lowerBound])
        body = String(raw[split.upperBound...])
        headers = []
        for line in head.components(separatedBy: "\r\n") {
            if line.first == " " || line.first == "\t" {
                guard !headers.isEmpty else { return nil }
                headers[headers.count - 1].value += line
            } else {
                guard let colon = line.firstIndex(of: ":") else { return nil }
                headers.append((String(line[..<colon]), String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)))
            }
        }
    }

    /// The unfolded value of the first field `name`.
    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The decoded value of the first field `name`.
    func decodedHeader(_ name: String) -> String? {
        header(name).map(MIMECheck.decodeEncodedWords)
    }

    /// A parameter of a structured field, e.g. `boundary` of Content-Type.
    func parameter(_ parameter: String, of name: String) -> String? {
        guard let value = header(name) else { return nil }
        for piece in value.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == parameter.lowercased() {
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }

    /// The parts of a multipart body.
    var parts: [MIMEEntity] {
        guard let boundary = parameter("boundary", of: "Content-Type") else { return [] }
        var pieces = ("\r\n" + body).components(separatedBy: "\r\n--" + boundary)
        guard pieces.count >= 3, pieces.last!.hasPrefix("--") else { return [] }
        pieces.removeFirst()  // preamble
        pieces.removeLast()  // "--" and epilogue
        return pieces.compactMap { piece in
            // What follows the boundary line: the part's header and body.
            guard let newline = piece.range(of: "\r\n") else { return nil }
            return MIMEEntity(String(piece[newline.upperBound...]))
        }
    }

    /// The body decoded by its Content-Transfer-Encoding, as UTF-8 text.
    var decodedBody: String? {
        switch header("Content-Transfer-Encoding")?.lowercased() {
        case "quoted-printable": MIMECheck.decodeQuotedPrintable(body)
        case "base64": Data(base64Encoded: body.replacingOccurrences(of: "\r\n", with: "")).flatMap { String(data: $0, encoding: .utf8) }
        default: body
        }
    }
}

enum MIMECheck {
    /// RFC 2045 §6.7 decoding: `=XX` escapes and `=` soft line breaks.
    static func decodeQuotedPrintable(_ text: String) -> String? {
        var bytes: [UInt8] = []
        let lines = text.components(separatedBy: "\r\n")
        for (index, line) in lines.enumerated() {
            var utf8 = Array(line.utf8)
            var soft = false
            if utf8.last == UInt8(ascii: "=") {
                soft = true
                utf8.removeLast()
            }
            var i = 0
            while i < utf8.count {
                if utf8[i] == UInt8(ascii: "=") {
                    guard i + 2 < utf8.count,
                        let byte = UInt8(String(decoding: utf8[(i + 1)...(i + 2)], as: UTF8.self), radix: 16)
                    else { return nil }
                    bytes.append(byte)
                    i += 3
                } else {
                    bytes.append(utf8[i])
                    i += 1
                }
            }
            if !soft, index < lines.count - 1 { bytes += [0x0D, 0x0A] }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    /// RFC 2047 decoding of a header value: encoded-words decoded, white space between two
    /// adjacent encoded-words dropped (§6.2).
    static func decodeEncodedWords(_ value: String) -> String {
        let pattern = try! NSRegularExpression(pattern: #"=\?([^?]+)\?([BbQq])\?([^?]*)\?="#)
        let nsValue = value as NSString
        var result = ""
        var position = 0
        var lastWasEncoded = false
        for match in pattern.matches(in: value, range: NSRange(location: 0, length: nsValue.length)) {
            let between = nsValue.substring(with: NSRange(location: position, length: match.range.location - position))
            if !(lastWasEncoded && between.allSatisfy(\.isWhitespace)) { result += between }
            let encoding = nsValue.substring(with: match.range(at: 2)).uppercased()
            let text = nsValue.substring(with: match.range(at: 3))
            let bytes: [UInt8]
            if encoding == "B" {
                bytes = Array(Data(base64Encoded: text) ?? Data())
            } else {
                let qp = text.replacingOccurrences(of: "_", with: " ")
                bytes = Array((decodeQuotedPrintable(qp) ?? "").utf8)
            }
            result += String(decoding: bytes, as: UTF8.self)
            position = match.range.location + match.range.length
            lastWasEncoded = true
        }
        result += nsValue.substring(from: position)
        return result
    }

    /// Every line of `raw` (split at CRLF), and whether any LF or CR stands alone.
    static func lines(of raw: String) -> (lines: [String], bareLineBreaks: Bool) {
        let lines = raw.components(separatedBy: "\r\n")
        return (lines, lines.contains { $0.contains("\n") || $0.contains("\r") })
    }
}
