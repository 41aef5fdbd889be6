import Foundation
import Testing

@testable import QuorumDelivery

/// `CurlTransport.send` against a real SMTP server (aiosmtpd, `Support/smtp_server.py`) on
/// loopback. What arrives is checked twice: by Python's email parser in the server, and by
/// this suite's own MIME check on the raw bytes.
@Suite("SMTP delivery to a real server", .serialized)
struct SMTPTransportTests {
    static func message(id: String = "<outbox-42@quorum.example.org>", to: String = "quality.assurance.manager@example.org") -> EmailMessage {
        EmailMessage(
            from: EmailAddress(address: "quorum@example.org", displayName: "Quorum"),
            to: [EmailAddress(address: to, displayName: "Quality Assurance Manager")],
            cc: [EmailAddress(address: "democratic.services@example.org", displayName: "Démocratic Services")],
            subject: "Actions en retard : 2 — Children’s Services",
            textBody: "Dear Quality Assurance Manager,\n.\n.hidden\n..two\nFrom here\nCafé ✔︎\n",
            htmlBody: "<p lang=\"en-GB\">Café ✔︎</p>\n.\n",
            date: Date(timeIntervalSince1970: 1_509_523_200), messageID: id)
    }

    static func configuration(port: Int, helo: String? = "quorum.test.example") -> SMTPConfiguration {
        SMTPConfiguration(url: "smtp://127.0.0.1:\(port)", heloName: helo, tls: .none, connectTimeout: .seconds(5), timeout: .seconds(20))
    }

    /// The server's record of message `number` (1-based): its JSON summary and raw bytes.
    static func received(_ number: Int, in maildir: URL) throws -> (summary: [String: Any], raw: String) {
        let stem = maildir.appendingPathComponent(String(format: "%04d", number))
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: stem.appendingPathExtension("json"))) as! [String: Any]
        let raw = try String(contentsOf: stem.appendingPathExtension("eml"), encoding: .utf8)
        return (summary, raw)
    }

    static func messages(in maildir: URL) -> Int {
        ((try? FileManager.default.contentsOfDirectory(atPath: maildir.path)) ?? []).filter { $0.hasSuffix(".eml") }.count
    }

    @Test("A message sent through libcurl arrives intact: envelope, HELO name, headers, both parts, dot lines")
    func messageArrivesIntact() async throws {
        try await withTemporaryDirectory { maildir in
            try await withLoopbackServer("smtp_server.py", ["--maildir", maildir.path]) { server in
                let transport = CurlTransport()
                let message = Self.message()
                let result = try await transport.send(message, configuration: Self.configuration(port: server.port))
                #expect(result.responseCode == 250)
                #expect(result.reply.contains("queued as quorum-test-0001"))
                #expect(result.recipients == ["quality.assurance.manager@example.org", "democratic.services@example.org"])

                let (summary, raw) = try Self.received(1, in: maildir)
                #expect(summary["helo"] as? String == "quorum.test.example")
                #expect(summary["mail_from"] as? String == "quorum@example.org")
                #expect(summary["rcpt_tos"] as? [String] == ["quality.assurance.manager@example.org", "democratic.services@example.org"])
                #expect((summary["mail_options"] as? [String])?.contains { $0.hasPrefix("SIZE=") } == true)

                // What Python's email parser (policy.default) made of it.
                let parsed = try #require(summary["message"] as? [String: Any])
                #expect(parsed["defects"] as? [String] == [])
                #expect(parsed["subject"] as? String == message.subject)
                #expect(parsed["content_type"] as? String == "multipart/alternative")
                let cc = (parsed["addresses"] as? [String: Any])?["cc"] as? [[String: String]]
                #expect(cc?.first?["display_name"] == "Démocratic Services")
                let parts = try #require(parsed["parts"] as? [[String: Any]])
                try #require(parts.count == 2)
                #expect(parts.map { $0["content_type"] as? String } == ["text/plain", "text/html"])
                #expect(parts.allSatisfy { $0["charset"] as? String == "utf-8" })
                func normalised(_ value: Any?) -> String? { (value as? String)?.replacingOccurrences(of: "\r\n", with: "\n") }
                #expect(normalised(parts[0]["content"]) == message.textBody)
                #expect(normalised(parts[1]["content"]) == message.htmlBody)
                #expect((parsed["longest_line"] as? Int ?? 999) <= 78)

                // And what our own check makes of the raw bytes: exactly what was rendered.
                #expect(raw == message.rendered())
                let entity = try EmailMessageTests.parse(raw)
                #expect(entity.decodedHeader("Subject") == message.subject)
                #expect(entity.parts.first?.decodedBody == message.textBody.replacingOccurrences(of: "\n", with: "\r\n"))
            }
        }
    }

    @Test("Consecutive sends to one server reuse one connection")
    func connectionReuse() async throws {
        try await withTemporaryDirectory { maildir in
            try await withLoopbackServer("smtp_server.py", ["--maildir", maildir.path]) { server in
                let transport = CurlTransport()
                let first = try await transport.send(Self.message(id: "<outbox-1@q.example>"), configuration: Self.configuration(port: server.port))
                let second = try await transport.send(Self.message(id: "<outbox-2@q.example>"), configuration: Self.configuration(port: server.port))
                let third = try await transport.send(Self.message(id: "<outbox-3@q.example>"), configuration: Self.configuration(port: server.port))
                #expect(!first.reusedConnection)
                #expect(second.reusedConnection && third.reusedConnection)
                let ports = try (1...3).map { try Self.received($0, in: maildir).summary["peer_port"] as? Int }
                #expect(Set(ports).count == 1, "all three messages came over one TCP connection")
                #expect(transport.idleConnections == 1)
                await transport.closeIdleConnections()
                #expect(transport.idleConnections == 0)
            }
        }
    }

    @Test("A recipient refused with 550 is a permanent failure carrying the SMTP code, and nobody gets the message")
    func refusedRecipientIsPermanent() async throws {
        try await withTemporaryDirectory { maildir in
            try await withLoopbackServer("smtp_server.py", ["--maildir", maildir.path, "--reject", "gone@example.org"]) { server in
                let transport = CurlTransport()
                let error = await #expect(throws: DeliveryError.self) {
                    try await transport.send(Self.message(to: "gone@example.org"), configuration: Self.configuration(port: server.port))
                }
                #expect(error?.kind == .permanent)
                #expect(error?.smtpCode == 550)
                #expect(error?.detail.contains("no such user here") == true, "\(String(describing: error))")
                #expect(error?.description.contains("smtp://127.0.0.1:\(server.port)") == true)
                #expect(Self.messages(in: maildir) == 0)
                // The same transport carries on for the next message.
                _ = try await transport.send(Self.message(), configuration: Self.configuration(port: server.port))
                #expect(Self.messages(in: maildir) == 1)
            }
        }
    }

    @Test("A recipient deferred with 451 is a temporary failure")
    func deferredRecipientIsTemporary() async throws {
        try await withTemporaryDirectory { maildir in
            try await withLoopbackServer("smtp_server.py", ["--maildir", maildir.path, "--defer", "busy@example.org"]) { server in
                let error = await #expect(throws: DeliveryError.self) {
                    try await CurlTransport().send(Self.message(to: "busy@example.org"), configuration: Self.configuration(port: server.port))
                }
                #expect(error?.kind == .temporary)
                #expect(error?.smtpCode == 451)
            }
        }
    }

    @Test("No server listening is a temporary failure")
    func connectionRefusedIsTemporary() async throws {
        // Start a server to learn a free port, then stop it: nothing listens there now.
        let port = try await withTemporaryDirectory { maildir in
            try await withLoopbackServer("smtp_server.py", ["--maildir", maildir.path]) { $0.port }
        }
        let error = await #expect(throws: DeliveryError.self) {
            try await CurlTransport().send(Self.message(), configuration: Self.configuration(port: port))
        }
        #expect(error?.kind == .temporary)
        #expect(error?.smtpCode == nil)
        #expect(error?.curlCode == 7)  // CURLE_COULDNT_CONNECT
    }

    @Test("A server that never answers times out as a temporary failure")
    func silentServerTimesOut() async throws {
        try await withLoopbackServer("smtp_server.py", ["--stall"]) { server in
            var configuration = Self.configuration(port: server.port)
            configuration.timeout = .milliseconds(800)
            let started = ContinuousClock.now
            let error = await #expect(throws: DeliveryError.self) {
                try await CurlTransport().send(Self.message(), configuration: configuration)
            }
            #expect(error?.kind == .temporary)
            #expect(error?.timedOut == true)
            #expect(ContinuousClock.now - started < .seconds(10))
        }
    }

    @Test("Cancelling the task aborts a send that is waiting on the server")
    func cancellationAbortsTheTransfer() async throws {
        try await withLoopbackServer("smtp_server.py", ["--stall"]) { server in
            var configuration = Self.configuration(port: server.port)
            configuration.timeout = .seconds(60)
            let transport = CurlTransport()
            let task = Task { try await transport.send(Self.message(), configuration: configuration) }
            try await Task.sleep(for: .milliseconds(400))
            let started = ContinuousClock.now
            task.cancel()
            let result = await task.result
            #expect(ContinuousClock.now - started < .seconds(5))
            #expect(throws: CancellationError.self) { try result.get() }
        }
    }

    @Test("With STARTTLS required and AUTH configured, the message goes over TLS as the configured user")
    func startTLSAndAuth() async throws {
        try await withTemporaryDirectory { directory in
            let maildir = directory.appendingPathComponent("mail")
            try FileManager.default.createDirectory(at: maildir, withIntermediateDirectories: true)
            let arguments = ["--maildir", maildir.path, "--tls", directory.appendingPathComponent("tls").path, "--auth", "quorum:s3cret pass"]
            try await withLoopbackServer("smtp_server.py", arguments) { server in
                var configuration = Self.configuration(port: server.port)
                configuration.tls = .required
                configuration.caFile = server.ready["ca"] as? String
                configuration.username = "quorum"
                configuration.password = "s3cret pass"
                let transport = CurlTransport()
                _ = try await transport.send(Self.message(), configuration: configuration)
                let (summary, _) = try Self.received(1, in: maildir)
                #expect(summary["tls"] as? Bool == true)
                #expect(summary["login"] as? String == "quorum")
                #expect(summary["helo"] as? String == "quorum.test.example")

                // A wrong password is the configuration's fault, not the message's: temporary.
                configuration.password = "wrong"
                let error = await #expect(throws: DeliveryError.self) {
                    try await transport.send(Self.message(), configuration: configuration)
                }
                #expect(error?.kind == .temporary)
                #expect(error?.smtpCode == 535)
            }
        }
    }

    @Test("STARTTLS required of a server that does not offer it fails, temporarily, before anything is sent")
    func startTLSRequiredButMissing() async throws {
        try await withTemporaryDirectory { maildir in
            try await withLoopbackServer("smtp_server.py", ["--maildir", maildir.path]) { server in
                var configuration = Self.configuration(port: server.port)
                configuration.tls = .required
                let error = await #expect(throws: DeliveryError.self) {
                    try await CurlTransport().send(Self.message(), configuration: configuration)
                }
                #expect(error?.kind == .temporary)
                #expect(error?.curlCode == 64)  // CURLE_USE_SSL_FAILED
                #expect(Self.messages(in: maildir) == 0)
            }
        }
    }

    @Test("An unusable URL or address is refused as permanent without connecting")
    func badInputIsPermanent() async throws {
        let transport = CurlTransport()
        var configuration = Self.configuration(port: 25)
        configuration.url = "http://127.0.0.1:25"
        let badURL = await #expect(throws: DeliveryError.self) { try await transport.send(Self.message(), configuration: configuration) }
        #expect(badURL?.kind == .permanent)
        let badAddress = await #expect(throws: DeliveryError.self) {
            try await transport.send(Self.message(to: "zoë@example.org"), configuration: Self.configuration(port: 25))
        }
        #expect(badAddress?.kind == .permanent)
        #expect(badAddress?.detail.contains("ASCII") == true)
    }
}
