import Foundation
import QuorumDomain
import QuorumFiles
import Testing

/// One bad configuration text and the error it must produce.
struct BadConfiguration: CustomTestStringConvertible, Sendable {
    let scenario: String
    let text: String
    let error: String

    init(_ scenario: String, _ text: String, _ error: String) {
        self.scenario = scenario
        self.text = text
        self.error = error
    }

    var testDescription: String { scenario }
}

@Suite("The daemon's configuration file")
struct ConfigurationFileTests {
    @Test func textValuesAreTrimmedOfWhiteSpaceAndLineBreaksOfAnyKind() throws {
        // A no-break space, a tab and a line break, as a pasted value may carry them.
        let settings = try ConfigurationFile.parse(text: "data_dir: \"\\u00A0 /srv/quorum\\t\\n\"\n", file: "quorum.yaml")
        #expect(settings.dataDirectory == "/srv/quorum")
    }

    @Test func theRepositoryConfigurationLoadsWithTheDocumentedDefaults() throws {
        let path = repositoryRoot.appendingPathComponent("Config/quorum.yaml").path
        let settings = try ConfigurationFile.load(path: path)
        #expect(settings.listen == "127.0.0.1:7878")
        #expect(settings.listenAddress == ListenAddress(host: "127.0.0.1", port: 7878))
        #expect(settings.dataDirectory == "var")
        #expect(settings.boardsDirectory == "Boards")
        #expect(settings.templatesDirectory == "Notifications")
        #expect(settings.timezone == "Europe/London")
        #expect(settings.smtp == nil)
        #expect(settings.webhooks == nil)
        #expect(settings.reminders.sweepAt == .daily(LocalTime(hour: 8, minute: 0)!))
        #expect(settings.reminders.repeatDays == 7)
        #expect(settings.reminders.escalateDays == 14)
        #expect(settings.reminders.draftDaysBefore == 5)
        // Limits default in the protocol server's own configuration, so the file leaves them unset.
        #expect(settings.limits == DaemonSettings.Limits())
        #expect(settings.tls == nil)
        #expect(settings.horizonMonths == 24)
        #expect(settings.demoData == nil)
        #expect(settings.bankHolidays == [])
        #expect(settings.http.listen == .address(ListenAddress(host: "127.0.0.1", port: 7879)))
        #expect(settings.http.portalDirectory == "Portal")
        // The file states the built-in defaults, so applying it changes nothing.
        #expect(DaemonSettings.defaults.overriding(with: settings) == DaemonSettings.defaults)
    }

    @Test func theRepositoryConfigurationMentionsEveryKeyOfTheDesign() throws {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("Config/quorum.yaml"), encoding: .utf8)
        for key in [
            "listen:", "data_dir:", "boards_dir:", "templates_dir:", "timezone:", "smtp:", "url:", "from:",
            "webhooks:", "secret:", "events:", "reminders:", "sweep_at:", "repeat_days:", "escalate_days:",
        ] {
            #expect(text.contains(key), "Config/quorum.yaml has \(key)")
        }
    }

    @Test func anEmptyFileSetsNothingAndTheDefaultsFillIn() throws {
        let settings = try ConfigurationFile.parse(text: "# nothing set\n", file: "quorum.yaml")
        #expect(settings == DaemonSettings())
        let resolved = DaemonSettings.defaults.overriding(with: settings)
        #expect(resolved == DaemonSettings.defaults)
        #expect(resolved.listen == "127.0.0.1:7878")
        #expect(resolved.reminders.repeatDays == 7)
    }

    @Test func flagsOverrideTheFileWhichOverridesTheDefaults() throws {
        let file = try ConfigurationFile.parse(
            text: """
                listen: 0.0.0.0:7000
                data_dir: /srv/quorum
                reminders:
                  repeat_days: 3
                """,
            file: "quorum.yaml")
        let flags = DaemonSettings(listen: "127.0.0.1:0")
        let settings = DaemonSettings.defaults.overriding(with: file).overriding(with: flags)
        #expect(settings.listen == "127.0.0.1:0")
        #expect(settings.dataDirectory == "/srv/quorum")
        #expect(settings.boardsDirectory == "Boards")
        #expect(settings.reminders.repeatDays == 3)
        #expect(settings.reminders.escalateDays == 14)
        #expect(settings.reminders.sweepAt == .daily(LocalTime(hour: 8, minute: 0)!))
    }

    @Test func everySectionIsRead() throws {
        let settings = try ConfigurationFile.parse(
            text: """
                listen: "[::1]:7879"
                timezone: Europe/London
                smtp: { url: "smtp://127.0.0.1:2525", from: "Quorum <quorum@example.org>", helo: quorum.example.org, username: quorum, password: secret, starttls: true }
                webhooks:
                  - { url: "http://127.0.0.1:9000/hook", secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", events: [action.overdue, report.due, pack.published] }
                reminders: { sweep_at: "off", repeat_days: 5, escalate_days: 10, draft_days_before: 3 }
                limits: { max_connections: 10, idle_timeout_seconds: 60, max_line_bytes: 4096, max_bulk_bytes: 1048576 }
                horizon_months: 18
                demo_data: Demo
                bank_holidays:
                  - { date: 2022-06-03, name: Platinum Jubilee bank holiday }
                  - { moved_from: 2020-05-04, to: 2020-05-08, name: Early May bank holiday (VE Day) }
                """,
            file: "quorum.yaml")
        #expect(settings.listenAddress == ListenAddress(host: "::1", port: 7879))
        #expect(
            settings.smtp
                == DaemonSettings.SMTP(
                    url: "smtp://127.0.0.1:2525", from: "Quorum <quorum@example.org>", helo: "quorum.example.org",
                    username: "quorum", password: "secret", startTLS: true))
        #expect(
            settings.webhooks == [
                DaemonSettings.Webhook(
                    url: "http://127.0.0.1:9000/hook", secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                    events: ["action.overdue", "report.due", "pack.published"])
            ])
        #expect(settings.reminders == DaemonSettings.Reminders(sweepAt: .off, repeatDays: 5, escalateDays: 10, draftDaysBefore: 3))
        #expect(settings.limits == DaemonSettings.Limits(maxConnections: 10, idleTimeoutSeconds: 60, maxLineBytes: 4096, maxBulkBytes: 1_048_576))
        #expect(settings.horizonMonths == 18)
        #expect(settings.demoData == "Demo")
        #expect(
            settings.bankHolidays == [
                .added(LocalDate(iso: "2022-06-03")!, name: "Platinum Jubilee bank holiday"),
                .moved(from: LocalDate(iso: "2020-05-04")!, to: LocalDate(iso: "2020-05-08")!, name: "Early May bank holiday (VE Day)"),
            ])
    }

    static let badConfigurations: [BadConfiguration] = [
        BadConfiguration(
            "a time zone other than London", "listen: 127.0.0.1:7878\ntimezone: Europe/Paris\n",
            "Config/quorum.yaml:2:11: timezone: 'Europe/Paris' is not supported: Quorum works in Europe/London only"),
        BadConfiguration(
            "a misspelt key", "listne: 127.0.0.1:7878\n",
            "Config/quorum.yaml:1:1: unknown key 'listne'; did you mean 'listen'?"),
        BadConfiguration(
            "a misspelt reminders key", "reminders:\n  sweep_at: \"08:00\"\n  repeat_day: 7\n",
            "Config/quorum.yaml:3:3: reminders: unknown key 'repeat_day'; did you mean 'repeat_days'?"),
        BadConfiguration(
            "a listen address without a port", "listen: localhost\n",
            "Config/quorum.yaml:1:9: listen: 'localhost' is not HOST:PORT (e.g. 127.0.0.1:7878, [::1]:7878; port 0 to 65535)"),
        BadConfiguration(
            "a port out of range", "listen: 127.0.0.1:78780\n",
            "Config/quorum.yaml:1:9: listen: '127.0.0.1:78780' is not HOST:PORT (e.g. 127.0.0.1:7878, [::1]:7878; port 0 to 65535)"),
        BadConfiguration(
            "a sweep time in words", "reminders:\n  sweep_at: eight\n",
            "Config/quorum.yaml:2:13: reminders.sweep_at: 'eight' is not a time of the form HH:MM (24-hour clock) or off"),
        BadConfiguration(
            "no repeat", "reminders:\n  repeat_days: 0\n",
            "Config/quorum.yaml:2:16: reminders.repeat_days: 0 is out of range: expected from 1 to 365"),
        BadConfiguration(
            "escalation in words", "reminders:\n  escalate_days: a fortnight\n",
            "Config/quorum.yaml:2:18: reminders.escalate_days: expected a whole number, found 'a fortnight'"),
        BadConfiguration(
            "a limit given as a list", "limits:\n  max_connections: [10]\n",
            "Config/quorum.yaml:2:20: limits.max_connections: expected a whole number, found a list"),
        BadConfiguration(
            "a horizon of no months", "horizon_months: 0\n",
            "Config/quorum.yaml:1:17: horizon_months: 0 is out of range: expected from 1 to 120"),
        BadConfiguration(
            "an SMTP URL of another scheme", "smtp:\n  url: \"http://mail.example.org\"\n  from: quorum@example.org\n",
            "Config/quorum.yaml:2:8: smtp.url: 'http://mail.example.org' is not an SMTP URL: write smtp://HOST:PORT or smtps://HOST:PORT"),
        BadConfiguration(
            "SMTP without a sender", "smtp:\n  url: \"smtp://127.0.0.1:2525\"\n",
            "Config/quorum.yaml:2:3: smtp: missing key 'from'"),
        BadConfiguration(
            "a sender that is not a mailbox", "smtp: { url: \"smtp://127.0.0.1:2525\", from: Quorum }\n",
            "Config/quorum.yaml:1:45: smtp.from: 'Quorum' is not a mailbox: write Name <address@example.org> or an address"),
        BadConfiguration(
            "STARTTLS neither true nor false", "smtp: { url: \"smtp://127.0.0.1:2525\", from: quorum@example.org, starttls: maybe }\n",
            "Config/quorum.yaml:1:75: smtp.starttls: expected true or false, found 'maybe'"),
        BadConfiguration(
            "a webhook event that does not exist",
            "webhooks:\n  - url: \"http://127.0.0.1:9000/hook\"\n    secret: whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\n    events: [action.overdue, meeting.moved]\n",
            "Config/quorum.yaml:4:30: webhooks[1].events[2]: 'meeting.moved' is not an event (known: action.due, action.overdue, report.due, report.late, pack.published, clearance.late, report.returned, report.approved, forward_plan.published, minutes.approved, decision.published, decision.called_in)"),
        BadConfiguration(
            "a webhook secret not in the Standard Webhooks form",
            "webhooks:\n  - url: \"http://127.0.0.1:9000/hook\"\n    secret: hunter2\n    events: [pack.published]\n",
            "Config/quorum.yaml:3:13: webhooks[1].secret: expected whsec_ followed by a base64 key (the Standard Webhooks form)"),
        BadConfiguration(
            "a webhook to an FTP URL",
            "webhooks:\n  - url: \"ftp://127.0.0.1/hook\"\n    secret: whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\n    events: [pack.published]\n",
            "Config/quorum.yaml:2:10: webhooks[1].url: 'ftp://127.0.0.1/hook' is not an http:// or https:// URL"),
        BadConfiguration(
            "webhooks as a single mapping", "webhooks: { url: \"http://127.0.0.1:9000/hook\" }\n",
            "Config/quorum.yaml:1:11: webhooks: expected a list, found a mapping"),
        BadConfiguration(
            "a bank holiday on a day that does not exist", "bank_holidays:\n  - { date: 2022-02-30, name: Mistake }\n",
            "Config/quorum.yaml:2:13: bank_holidays[1].date: '2022-02-30' is not a date of the form YYYY-MM-DD"),
        BadConfiguration(
            "a moved bank holiday without its new date", "bank_holidays:\n  - { moved_from: 2020-05-04, name: VE Day }\n",
            "Config/quorum.yaml:2:19: bank_holidays[1].moved_from: a moved holiday needs 'to:', its new date"),
        BadConfiguration(
            "a bank holiday both added and moved", "bank_holidays:\n  - { date: 2020-05-08, moved_from: 2020-05-04, to: 2020-05-08, name: VE Day }\n",
            "Config/quorum.yaml:2:13: bank_holidays[1].date: give either date (an added holiday) or moved_from and to (a moved one), not both"),
        BadConfiguration(
            "a bank holiday without a name", "bank_holidays:\n  - { date: 2022-06-03 }\n",
            "Config/quorum.yaml:2:5: bank_holidays[1]: missing key 'name'"),
        BadConfiguration(
            "broken YAML", "limits:\n  max_connections: 10\n max_line_bytes: 4096\n",
            "Config/quorum.yaml:3:2: invalid YAML: did not find expected key (while parsing a block mapping at line 1, column 1)"),
        BadConfiguration(
            "a list at the top", "- listen: 127.0.0.1:7878\n",
            "Config/quorum.yaml:1:1: expected a mapping of listen, data_dir, boards_dir, templates_dir, timezone, smtp, webhooks, reminders, limits, horizon_months, demo_data, bank_holidays, delivery, http, tls, clearance, decisions, pdf, found a list"),
        BadConfiguration(
            "a portal address without a port", "http:\n  listen: localhost\n",
            "Config/quorum.yaml:2:11: http.listen: 'localhost' is not HOST:PORT (e.g. 127.0.0.1:7879; port 0 to 65535) or off"),
        BadConfiguration(
            "a public address that is not a web address", "http:\n  public_url: quorum.example.org\n",
            "Config/quorum.yaml:2:15: http.public_url: 'quorum.example.org' is not an http:// or https:// address (e.g. https://quorum.example.org)"),
    ]

    @Test(arguments: badConfigurations)
    func aBadConfigurationIsRefusedWithItsLineAndColumn(_ bad: BadConfiguration) {
        do {
            let settings = try ConfigurationFile.parse(text: bad.text, file: "Config/quorum.yaml")
            Issue.record("expected \(bad.error), read \(settings)")
        } catch {
            #expect(error.description == bad.error)
        }
    }

    @Test func thePortalIsSwitchedOffOrGivenAPublicAddress() throws {
        let off = try ConfigurationFile.parse(text: "http:\n  listen: off\n", file: "quorum.yaml")
        #expect(off.http.listen == .off)
        let set = try ConfigurationFile.parse(
            text: "http:\n  listen: 0.0.0.0:8080\n  public_url: https://quorum.example.org/\n", file: "quorum.yaml")
        #expect(set.http.listen == .address(ListenAddress(host: "0.0.0.0", port: 8080)))
        #expect(set.http.publicURL == "https://quorum.example.org")
        #expect(DaemonSettings.defaults.overriding(with: set).http.portalDirectory == "Portal")
    }

    @Test func aMissingFileIsAnErrorWithoutALine() throws {
        let error = try #require(throws: ConfigurationFileError.self) {
            try ConfigurationFile.load(path: "/nonexistent/quorum.yaml")
        }
        #expect(error.description == "/nonexistent/quorum.yaml: no such file")
        #expect(error.line == 0)
    }

    @Test func aFileOnDiskIsReadAndItsErrorsNameIt() throws {
        try withTemporaryDirectory { folder in
            let url = folder.appendingPathComponent("quorum.yaml")
            try "listen: 127.0.0.1:7878\nsweep_at: \"08:00\"\n".write(to: url, atomically: true, encoding: .utf8)
            let error = try #require(throws: ConfigurationFileError.self) { try ConfigurationFile.load(path: url.path) }
            #expect(error.description == "\(url.path):2:1: unknown key 'sweep_at' (expected one of: listen, data_dir, boards_dir, templates_dir, timezone, smtp, webhooks, reminders, limits, horizon_months, demo_data, bank_holidays, delivery, http, tls, clearance, decisions, pdf)")
        }
    }

    @Test func thePDFEngineIsReadAndChecked() throws {
        let settings = try ConfigurationFile.parse(
            text: "pdf:\n  executable: /opt/weasyprint/bin/weasyprint\n  arguments: [\"--pdf-variant\", \"pdf/ua-1\", \"--pdf-tags\"]\n  timeout_seconds: 120\n",
            file: "quorum.yaml")
        #expect(settings.pdf == DaemonSettings.PDF(executable: "/opt/weasyprint/bin/weasyprint", arguments: ["--pdf-variant", "pdf/ua-1", "--pdf-tags"], timeoutSeconds: 120))
        #expect(DaemonSettings.defaults.overriding(with: settings).pdf?.timeoutSeconds == 120)
        #expect(DaemonSettings.defaults.pdf == nil, "no section: the daemon's own default")
        do {
            _ = try ConfigurationFile.parse(text: "pdf:\n  engine: chromium\n", file: "quorum.yaml")
            Issue.record("an unknown key was accepted")
        } catch {
            #expect(error.description == "quorum.yaml:2:3: pdf: unknown key 'engine' (expected one of: executable, arguments, timeout_seconds)")
        }
        #expect(throws: ConfigurationFileError.self) {
            try ConfigurationFile.parse(text: "pdf:\n  timeout_seconds: 1\n", file: "quorum.yaml")
        }
    }

    @Test(arguments: [
        ("127.0.0.1:7878", ListenAddress(host: "127.0.0.1", port: 7878)),
        ("0.0.0.0:0", ListenAddress(host: "0.0.0.0", port: 0)),
        ("localhost:65535", ListenAddress(host: "localhost", port: 65535)),
        ("[::1]:7878", ListenAddress(host: "::1", port: 7878)),
    ])
    func listenAddressesParse(text: String, address: ListenAddress) {
        #expect(ListenAddress(parsing: text) == address)
        #expect(address.description == text)
    }

    @Test(arguments: ["7878", ":7878", "127.0.0.1:", "127.0.0.1:http", "::1:7878", "[::1]7878", "host:-1", "a b:1"])
    func malformedListenAddressesDoNotParse(text: String) {
        #expect(ListenAddress(parsing: text) == nil)
    }
}
