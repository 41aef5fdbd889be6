import Foundation
import Testing

@testable import QuorumDelivery

@Suite("Email messages")
struct EmailMessageTests {
    static let date = Date(timeIntervalSince1970: 1_509_523_200)  // Wednesday 1 November 2017 08:00 UTC

    static func digest(
        subject: String = "Improvement plan actions for you: 2 overdue, 1 due soon", text: String = "Dear QA Manager,\n",
        html: String? = "<p>Dear QA Manager,</p>\n"
    ) -> EmailMessage {
        EmailMessage(
            from: EmailAddress(address: "quorum@example.org", displayName: "Quorum"),
            to: [EmailAddress(address: "quality.assurance.manager@example.org", displayName: "Quality Assurance Manager")],
            cc: [EmailAddress(address: "democratic.services@example.org", displayName: "Democratic Services (CYPCIB)")],
            subject: subject, textBody: text, htmlBody: html, date: date, messageID: "outbox-42@quorum.example.org")
    }

    /// Checks what every rendered message must be, and returns it parsed.
    static func parse(_ raw: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> MIMEEntity {
        let (lines, bare) = MIMECheck.lines(of: raw)
        #expect(!bare, "every line break is CRLF", sourceLocation: sourceLocation)
        #expect(raw.hasSuffix("\r\n"), sourceLocation: sourceLocation)
        for line in lines {
            #expect(line.utf8.count <= 78, "line too long: \(line)", sourceLocation: sourceLocation)
            #expect(!line.hasPrefix("."), "a line starts with a dot: \(line)", sourceLocation: sourceLocation)
            #expect(line.unicodeScalars.allSatisfy { $0.isASCII }, "non-ASCII on the wire: \(line)", sourceLocation: sourceLocation)
        }
        return try #require(MIMEEntity(raw), sourceLocation: sourceLocation)
    }

    @Test("A digest renders as RFC 5322 with the headers a mail server expects")
    func headersOfADigest() throws {
        let message = try Self.parse(Self.digest().rendered())
        #expect(message.header("Date") == "Wed, 01 Nov 2017 08:00:00 +0000")
        #expect(message.header("From") == "Quorum <quorum@example.org>")
        #expect(message.header("To") == "Quality Assurance Manager <quality.assurance.manager@example.org>")
        #expect(message.header("Cc") == "\"Democratic Services (CYPCIB)\" <democratic.services@example.org>")
        #expect(message.decodedHeader("Subject") == "Improvement plan actions for you: 2 overdue, 1 due soon")
        #expect(message.header("Message-ID") == "<outbox-42@quorum.example.org>")
        #expect(message.header("MIME-Version") == "1.0")
        #expect(message.header("Auto-Submitted") == "auto-generated")
        #expect(message.header("Content-Type")?.hasPrefix("multipart/alternative;") == true)
    }

    @Test("Both parts are UTF-8 quoted-printable and decode to exactly the text and HTML given")
    func bothPartsRoundTrip() throws {
        let text = """
            Dear Head of Service (Children’s Social Care),

            1.1.2: We assess impact of learning — through quality audit, supervision audit and a bi annual staff survey regarding training offer, with a line far longer than seventy-six characters so that it must be soft-wrapped.
            Caf\u{E9} = 100% · ✔︎ 🙂\t
            trailing spaces here   
            """
        let html = "<p lang=\"en-GB\">Caf\u{E9} &amp; “quotes” — ✔︎</p>\n<table><caption>Overdue</caption></table>\n"
        let message = try Self.parse(Self.digest(text: text, html: html).rendered())
        let parts = message.parts
        try #require(parts.count == 2)
        #expect(parts[0].header("Content-Type") == "text/plain; charset=utf-8")
        #expect(parts[1].header("Content-Type") == "text/html; charset=utf-8")
        #expect(parts.allSatisfy { $0.header("Content-Transfer-Encoding") == "quoted-printable" })
        #expect(parts[0].decodedBody == text.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(parts[1].decodedBody == html.replacingOccurrences(of: "\n", with: "\r\n"))
    }

    @Test("A non-ASCII subject and display names are RFC 2047 encoded-words that decode back")
    func encodedWordsRoundTrip() throws {
        let subject = "Rappel : rapport semestriel dû — Children’s Services Scrutiny, décembre 2017 ✔︎"
        var digest = Self.digest(subject: subject)
        digest.to = [EmailAddress(address: "lead@example.org", displayName: "Zoë Brontë-Ørsted, Service Manager")]
        let raw = digest.rendered()
        let message = try Self.parse(raw)
        #expect(message.header("Subject")?.contains("=?utf-8?B?") == true)
        #expect(message.decodedHeader("Subject") == subject)
        #expect(message.decodedHeader("To") == "Zoë Brontë-Ørsted, Service Manager <lead@example.org>")
        // Each encoded-word fits the 75-character limit of RFC 2047 §2.
        let words = raw.split(whereSeparator: { $0 == " " || $0 == "\r\n" }).filter { $0.hasPrefix("=?") }
        #expect(!words.isEmpty)
        #expect(words.allSatisfy { $0.count <= 75 })
    }

    @Test("A long ASCII subject is folded at spaces to 78 characters and unfolds to the original")
    func longSubjectIsFolded() throws {
        let subject = (1...30).map { "word\($0)" }.joined(separator: " ") + " about the Overview and Scrutiny Committee"
        let raw = Self.digest(subject: subject).rendered()
        let message = try Self.parse(raw)
        #expect(raw.contains("Subject: word1"))
        #expect(raw.components(separatedBy: "\r\n").filter { $0.hasPrefix(" word") }.count >= 2)
        #expect(message.decodedHeader("Subject") == subject)
    }

    @Test("Many recipients fold between addresses")
    func longAddressListsFold() throws {
        var digest = Self.digest()
        digest.to = (1...8).map { EmailAddress(address: "member\($0)@example.org", displayName: "Board Member \($0)") }
        let message = try Self.parse(digest.rendered())
        let to = try #require(message.header("To"))
        #expect(to.components(separatedBy: ", ").count == 8)
        #expect(digest.recipients.count == 9)  // eight To and one Cc
    }

    @Test(
        "Quoted-printable, byte for byte",
        arguments: [
            ("a=b caf\u{E9}\t", "a=3Db caf=C3=A9=09"),
            ("trailing space ", "trailing space=20"),
            ("inner\tspace kept", "inner\tspace kept"),
            (". dot\nFrom here\r\nFromage", "=2E dot\r\n=46rom here\r\nFromage"),
            (String(repeating: "x", count: 80), String(repeating: "x", count: 75) + "=\r\n" + "xxxxx"),
            (String(repeating: "x", count: 74) + "\u{E9}", String(repeating: "x", count: 74) + "=\r\n=C3=A9"),
            (String(repeating: "x", count: 75) + ".", String(repeating: "x", count: 75) + "=\r\n=2E"),
            ("\u{7F}\u{0}", "=7F=00"),
            ("", ""),
        ])
    func quotedPrintableBytes(text: String, expected: String) {
        let encoded = MIMEEncoding.quotedPrintable(text)
        #expect(encoded == expected)
        #expect(encoded.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= MIMEEncoding.maximumQuotedPrintableLineLength })
    }

    @Test(
        "Body lines that SMTP or mbox would mangle are encoded, and decode back unchanged",
        arguments: [".", ".hidden line", "..two dots", "From the Director", "x = y", "tab at end\t", "\r", ""]
    )
    func dangerousLinesAreSafe(line: String) throws {
        let text = "first\n\(line)\nlast\n"
        let message = try Self.parse(Self.digest(text: text, html: "<p>\(line)</p>\n\(line)\n").rendered())
        let parts = message.parts
        try #require(parts.count == 2)
        // Any line break (CRLF, LF or a lone CR) is one CRLF on the wire.
        let expected = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .replacingOccurrences(of: "\n", with: "\r\n")
        #expect(parts[0].decodedBody == expected)
        for part in parts {
            #expect(!part.body.components(separatedBy: "\r\n").contains { $0.hasPrefix(".") || $0.hasPrefix("From ") })
        }
    }

    @Test("A line break in a subject or an extra header cannot add a header")
    func headerInjectionIsDefused() throws {
        var digest = Self.digest(subject: "Reminder\r\nBcc: everyone@example.org")
        digest.headers = [EmailHeader(name: "X-Quorum-Notice", value: "report.due\nBcc: x@example.org"), EmailHeader(name: "To", value: "x@example.org")]
        let raw = digest.rendered()
        let message = try Self.parse(raw)
        #expect(message.header("Bcc") == nil)
        #expect(message.headers.filter { $0.name == "To" }.count == 1)
        #expect(message.decodedHeader("Subject") == "Reminder Bcc: everyone@example.org")
        #expect(message.header("X-Quorum-Notice") == "report.due Bcc: x@example.org")
    }

    @Test("Without HTML the message is a single text/plain part")
    func textOnly() throws {
        let message = try Self.parse(Self.digest(text: "Just text.\n", html: nil).rendered())
        #expect(message.header("Content-Type") == "text/plain; charset=utf-8")
        #expect(message.decodedBody == "Just text.\r\n")
    }

    @Test("Rendering is repeatable, so a retry sends the same bytes")
    func renderingIsRepeatable() {
        let digest = Self.digest(text: "Same text ✔︎\n")
        #expect(digest.rendered() == digest.rendered())
        var other = digest
        other.messageID = "<outbox-43@quorum.example.org>"
        #expect(other.boundary != digest.boundary)
    }

    @Test("Message-IDs get their angle brackets whether or not the caller wrote them")
    func messageIDIsNormalised() {
        var digest = Self.digest()
        digest.messageID = "<outbox-7@quorum.example.org>"
        #expect(digest.normalizedMessageID == "<outbox-7@quorum.example.org>")
        digest.messageID = " outbox-7@quorum.example.org\r\n"
        #expect(digest.normalizedMessageID == "<outbox-7@quorum.example.org>")
    }

    @Test(
        "Addresses in the configuration's forms are read",
        arguments: [
            ("quorum@example.org", "quorum@example.org", nil),
            ("Quorum <quorum@example.org>", "quorum@example.org", "Quorum"),
            ("\"Quorum, Children's Services\" <quorum@example.org>", "quorum@example.org", "Quorum, Children's Services"),
            ("  Zoë <zoe@example.org> ", "zoe@example.org", "Zoë"),
        ] as [(String, String, String?)]
    )
    func addressesParse(text: String, address: String, name: String?) throws {
        let parsed = try EmailAddress(parsing: text)
        #expect(parsed.address == address)
        #expect(parsed.displayName == name)
    }

    @Test("Unusable addresses are refused with the reason", arguments: ["no-at-sign", "a@b@c", "zoë@example.org", "a b@example.org", "<>", "x@"])
    func badAddressesAreRefused(text: String) {
        #expect(throws: EmailAddressError.self) { try EmailAddress(parsing: text) }
    }

    @Test("A display name with specials is quoted, and round-trips through the rendered header")
    func quotedDisplayNames() throws {
        var digest = Self.digest()
        digest.from = EmailAddress(address: "quorum@example.org", displayName: "Quorum \"Governance\", Children's Services")
        let message = try Self.parse(digest.rendered())
        #expect(message.header("From") == #""Quorum \"Governance\", Children's Services" <quorum@example.org>"#)
    }

    @Test("The date is written in English and UTC whatever the zone of the instant")
    func dates() {
        #expect(MIMEEncoding.rfc5322Date(Date(timeIntervalSince1970: 0)) == "Thu, 01 Jan 1970 00:00:00 +0000")
        #expect(MIMEEncoding.rfc5322Date(Date(timeIntervalSince1970: 1_544_616_000)) == "Wed, 12 Dec 2018 12:00:00 +0000")
    }
}
