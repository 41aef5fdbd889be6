import Crypto
import Foundation
import QuorumDomain

extension EmailMessage {
    /// Header fields that the message writes itself; ``headers`` cannot repeat or replace them.
    static let reservedHeaderNames: Set<String> = [
        "date", "from", "to", "cc", "bcc", "subject", "message-id", "mime-version", "content-type",
        "content-transfer-encoding",
    ]

    /// The message as RFC 5322 text: CRLF line ends, header lines folded to 78 characters,
    /// non-ASCII in `Subject` and display names as RFC 2047 encoded-words, bodies
    /// quoted-printable in lines of at most 76 characters.
    ///
    /// Dot-safety: no line of the result starts with "." (the bodies encode a leading dot as
    /// `=2E`, header continuation lines start with a space, boundaries with `--`). libcurl
    /// also dot-stuffs what it uploads over SMTP (lib/smtp.c `Curl_smtp_escape_eob` doubles a
    /// "." after every CRLF and at the very start, then sends the terminating `CRLF.CRLF`
    /// itself), so the transport passes this text through untouched and either safeguard alone
    /// would do.
    public func rendered() -> String {
        var lines: [String] = []
        lines.append("Date: " + MIMEEncoding.rfc5322Date(date))
        lines.append(MIMEEncoding.header("From", tokens: MIMEEncoding.mailboxTokens(from)))
        if !to.isEmpty { lines.append(MIMEEncoding.header("To", tokens: MIMEEncoding.addressListTokens(to))) }
        if !cc.isEmpty { lines.append(MIMEEncoding.header("Cc", tokens: MIMEEncoding.addressListTokens(cc))) }
        lines.append(MIMEEncoding.header("Subject", tokens: MIMEEncoding.unstructuredTokens(subject)))
        lines.append("Message-ID: " + normalizedMessageID)
        lines.append("MIME-Version: 1.0")
        if !headers.contains(where: { $0.name.lowercased() == "auto-submitted" }) {
            // RFC 3834: tells auto-responders (out-of-office) not to answer a machine.
            lines.append("Auto-Submitted: auto-generated")
        }
        for header in headers {
            let name = header.name.filter { $0.isASCII && !$0.isWhitespace && $0 != ":" && !$0.isNewline }
            guard !name.isEmpty, !Self.reservedHeaderNames.contains(name.lowercased()) else { continue }
            lines.append(MIMEEncoding.header(name, tokens: MIMEEncoding.unstructuredTokens(header.value)))
        }

        let text = MIMEEncoding.quotedPrintable(textBody)
        guard let htmlBody else {
            lines.append("Content-Type: text/plain; charset=utf-8")
            lines.append("Content-Transfer-Encoding: quoted-printable")
            lines.append("")
            lines.append(text)
            // The body's own final line break ends the message; add one only if it has none.
            let joined = lines.joined(separator: "\r\n")
            return joined.hasSuffix("\r\n") ? joined : joined + "\r\n"
        }

        let boundary = self.boundary
        lines.append("Content-Type: multipart/alternative;")
        lines.append(" boundary=\"\(boundary)\"")
        lines.append("")
        lines.append("This is a message in MIME format: the text and HTML parts say the same thing.")
        for (type, body) in [("text/plain", text), ("text/html", MIMEEncoding.quotedPrintable(htmlBody))] {
            lines.append("--" + boundary)
            lines.append("Content-Type: \(type); charset=utf-8")
            lines.append("Content-Transfer-Encoding: quoted-printable")
            lines.append("")
            lines.append(body)
        }
        lines.append("--" + boundary + "--")
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// A boundary derived from the Message-ID, so that rendering is repeatable. It contains
    /// "=_", which quoted-printable output can never contain ("=" is always followed by two hex
    /// digits or a line break there), so it cannot occur inside a part.
    var boundary: String {
        let digest = SHA256.hash(data: Data(normalizedMessageID.utf8))
        return "=_quorum_" + Hex.lowercase(digest.prefix(12))
    }
}
