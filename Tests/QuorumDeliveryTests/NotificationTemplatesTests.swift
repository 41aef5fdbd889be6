import Foundation
import QuorumDomain
import Testing

@testable import QuorumDelivery

@Suite("Notification templates")
struct NotificationTemplatesTests {
    static let shipped = repositoryRoot.appendingPathComponent("Notifications").path

    /// A copy of the shipped templates with `file` changed by `edit`, for break-it tests.
    static func withEditedCopy<T>(
        of file: String, _ edit: (String) -> String, _ body: (String) throws -> T
    ) async throws -> T {
        try await withTemporaryDirectory { directory in
            for name in try FileManager.default.contentsOfDirectory(atPath: shipped) where name.hasSuffix(".mustache") {
                try FileManager.default.copyItem(
                    atPath: (shipped as NSString).appendingPathComponent(name), toPath: directory.appendingPathComponent(name).path)
            }
            let path = directory.appendingPathComponent(file).path
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try edit(text).write(toFile: path, atomically: true, encoding: .utf8)
            return try body(directory.path)
        }
    }

    @Test("The shipped templates load, and every kind renders its sample", arguments: Notice.Kind.allCases)
    func shippedTemplatesRender(kind: Notice.Kind) throws {
        let templates = try NotificationTemplates(directory: Self.shipped)
        let notice = try templates.render(kind: kind, context: NotificationTemplates.sampleContext(for: kind))
        #expect(!notice.subject.isEmpty)
        #expect(!notice.subject.contains("\n"))
        #expect(notice.subject.count < 140)
        // Text is not HTML-escaped; HTML is.
        #expect(!notice.text.contains("&#39;") && !notice.text.contains("&amp;") && !notice.text.contains("<"))
        #expect(!notice.subject.contains("&#39;"))
        #expect(notice.html.hasPrefix("<!DOCTYPE html>"))
        #expect(notice.html.contains("<html lang=\"en-GB\">"))
        #expect(notice.html.contains("<caption"))
        #expect(notice.html.contains("scope=\"row\"") || notice.html.contains("scope=\"col\""))
        #expect(!notice.html.contains("<style"), "inline CSS only")
        #expect(!notice.html.contains("{{") && !notice.text.contains("{{"))
    }

    @Test("The lead's digest lists each action and says how to post an update")
    func digestContent() throws {
        let templates = try NotificationTemplates(directory: Self.shipped)
        let notice = try templates.render(kind: .actionDigest, context: NotificationTemplates.sampleContext(for: .actionDigest))
        #expect(notice.subject == "Improvement plan actions for you: 2 overdue, 1 due soon")
        for needle in ["1.1.2", "1.2.3", "1.1.4", "31 October 2017", "overdue by 15 days", "Survey has been designed",
            "quorum action update 1.1.2 \"What has been done since the last update\"", "Democratic Services Officer (CYPCIB)"]
        {
            #expect(notice.text.contains(needle), "text lacks \(needle)")
        }
        #expect(notice.html.contains("<th scope=\"row\" style=\"text-align: left; vertical-align: top; padding: 8px; border-bottom: 1px solid #b1b4b6; white-space: nowrap;\">1.2.3</th>"))
        #expect(notice.html.contains("Overdue actions (2)</caption>"))
        #expect(notice.html.contains("<strong>15 days</strong>"), "overdue is said in words, not only shown by colour")
    }

    @Test("An action with no update says so, and a digest with nothing overdue leaves that table out")
    func optionalValues() throws {
        let templates = try NotificationTemplates(directory: Self.shipped)
        let context: [String: TemplateValue] = [
            "recipient_name": "Safeguarding Service Manager", "as_of": "1 November 2017", "overdue_count": 0, "due_count": 1,
            "has_overdue": false, "has_due": true, "escalated": false, "example_ref": "1.1.7", "overdue": [],
            "due": [["ref": "1.1.7", "action": "Implement a new assessment & plan", "review_date": "6 November 2017", "due_in": "in 5 days"]],
        ]
        let notice = try templates.render(kind: .actionDigest, context: context)
        #expect(notice.text.contains("none recorded"))
        #expect(!notice.text.contains("OVERDUE ACTIONS"))
        #expect(!notice.html.contains("Overdue actions"))
        #expect(notice.text.contains("Implement a new assessment & plan"))
        #expect(notice.html.contains("Implement a new assessment &amp; plan"))
        #expect(!notice.text.contains("copy of this message"))
    }

    @Test("A context stored as JSON renders exactly as the one it came from")
    func storedContexts() throws {
        let templates = try NotificationTemplates(directory: Self.shipped)
        let context = NotificationTemplates.sampleContext(for: .packPublished)
        let stored = try JSONDecoder().decode([String: TemplateValue].self, from: JSONEncoder().encode(context))
        #expect(stored == context)
        let direct = try templates.render(kind: .packPublished, context: context)
        let fromAny = try templates.render(kind: .packPublished, context: context.compactMapValues(\.mustacheValue))
        #expect(direct.subject == fromAny.subject && direct.text == fromAny.text && direct.html == fromAny.html)
        #expect(direct.subject == "Meeting papers published: Children and Young People's Continuous Improvement Board, Wednesday 12 December 2018 (published late)")
        #expect(direct.text.contains("The reason given was:"))
    }

    @Test("A template that does not parse stops start-up with its file, line and the reason")
    func unparsableTemplate() async throws {
        let error = try await Self.withEditedCopy(of: "action_digest.html.mustache", { $0.replacingOccurrences(of: "{{/has_due}}\n", with: "") }) { directory in
            #expect(throws: NotificationTemplateError.self) { try NotificationTemplates(directory: directory) }
        }
        let failure = try #require(error)
        #expect(failure.file.hasSuffix("/action_digest.html.mustache"))
        #expect(failure.line != nil)
        #expect(failure.reason.contains("never closed"))
        #expect(failure.description.contains("action_digest.html.mustache:"))
    }

    @Test("A section closed under the wrong name is reported at the closing tag")
    func mismatchedSection() async throws {
        let error = try await Self.withEditedCopy(of: "action_digest.html.mustache", { $0.replacingOccurrences(of: "{{/overdue}}\n", with: "") }) { directory in
            #expect(throws: NotificationTemplateError.self) { try NotificationTemplates(directory: directory) }
        }
        let failure = try #require(error)
        #expect(failure.reason.contains("does not match"))
        #expect(failure.line == 39)  // {{/has_overdue}}, which now closes {{#overdue}}
    }

    @Test("A parse error in a text template is reported at the file's own line number")
    func lineNumbersOfTextTemplates() async throws {
        let error = try await Self.withEditedCopy(of: "report_due.text.mustache", { $0.replacingOccurrences(of: "  Board:            {{board_name}}", with: "  Board:            {{board_name}") }) { directory in
            #expect(throws: NotificationTemplateError.self) { try NotificationTemplates(directory: directory) }
        }
        let failure = try #require(error)
        #expect(failure.file.hasSuffix("/report_due.text.mustache"))
        #expect(failure.line == 6)
    }

    @Test("A misspelt value name stops start-up instead of rendering as nothing")
    func unknownValue() async throws {
        let error = try await Self.withEditedCopy(of: "action_digest.text.mustache", { $0.replacingOccurrences(of: "{{review_date}}, overdue", with: "{{reveiw_date}}, overdue") }) { directory in
            #expect(throws: NotificationTemplateError.self) { try NotificationTemplates(directory: directory) }
        }
        let failure = try #require(error)
        #expect(failure.file.hasSuffix("/action_digest.text.mustache"))
        #expect(failure.reason.contains("{{reveiw_date}}"))
        #expect(failure.line == 16)
    }

    @Test("A misspelt name on the false side of a flag is caught too")
    func unknownValueBehindAFlag() async throws {
        let error = try await Self.withEditedCopy(of: "report_due.subject.mustache", { $0.replacingOccurrences(of: "by {{draft_due}}", with: "by {{draft_date}}") }) { directory in
            #expect(throws: NotificationTemplateError.self) { try NotificationTemplates(directory: directory) }
        }
        #expect(error?.reason.contains("draft_date") == true)
    }

    @Test("A missing template file stops start-up, naming the file")
    func missingFile() async throws {
        try await withTemporaryDirectory { directory in
            let error = #expect(throws: NotificationTemplateError.self) { try NotificationTemplates(directory: directory.path) }
            // The first kind's subject, in the order of ``Notice/Kind``.
            #expect(error?.file.hasSuffix("report_due.subject.mustache") == true)
            #expect(error?.reason.contains("missing") == true)
        }
    }

    @Test("A subject that renders empty stops start-up")
    func emptySubject() async throws {
        let error = try await Self.withEditedCopy(of: "test.subject.mustache", { _ in "{{! nothing }}\n" }) { directory in
            #expect(throws: NotificationTemplateError.self) { try NotificationTemplates(directory: directory) }
        }
        #expect(error?.file.hasSuffix("test.subject.mustache") == true)
    }
}

@Suite("The clearance chase when nobody holds the role")
struct ClearanceChaseTemplateTests {
    @Test("the secretary chased for a step nobody can take is told why, in both parts")
    func nobodyHoldsTheRole() throws {
        let templates = try NotificationTemplates(directory: NotificationTemplatesTests.shipped)
        var context = NotificationTemplates.sampleContext(for: .clearanceLate)
        let held = try templates.render(kind: .clearanceLate, context: context)
        #expect(!held.text.contains("Nobody in Quorum holds") && !held.html.contains("Nobody in Quorum holds"))
        context["nobody_holds"] = true
        let unheld = try templates.render(kind: .clearanceLate, context: context)
        #expect(unheld.text.contains("Nobody in Quorum holds the finance role, so it comes to you as the\nboard's secretary"))
        #expect(unheld.html.contains("Nobody in Quorum holds the finance role, so it comes to you as the board&#39;s secretary")
            || unheld.html.contains("Nobody in Quorum holds the finance role, so it comes to you as the board's secretary"))
    }
}

/// The shipped templates rendered with each kind's sample, compared with the files in
/// `Golden/`, so that a change to a template or to rendering shows up in review as a diff a
/// person reads. After an intended change, re-record with
/// `QUORUM_RECORD_GOLDEN=1 swift test --filter NotificationGoldenTests`.
@Suite("Notification golden files")
struct NotificationGoldenTests {
    static let golden = repositoryRoot.appendingPathComponent("Tests/QuorumDeliveryTests/Golden")

    @Test("Each kind renders its sample exactly as recorded", arguments: Notice.Kind.allCases)
    func renderedAsRecorded(kind: Notice.Kind) throws {
        let templates = try NotificationTemplates(directory: NotificationTemplatesTests.shipped)
        let notice = try templates.render(kind: kind, context: NotificationTemplates.sampleContext(for: kind))
        let record = ProcessInfo.processInfo.environment["QUORUM_RECORD_GOLDEN"] == "1"
        // And the whole email as it goes on the wire, for the digest.
        let email = EmailMessage(
            from: EmailAddress(address: "quorum@example.org", displayName: "Quorum"),
            to: [EmailAddress(address: "quality.assurance.manager@example.org", displayName: "Quality Assurance Manager")],
            subject: notice.subject, textBody: notice.text, htmlBody: notice.html,
            date: Date(timeIntervalSince1970: 1_509_523_200), messageID: "<outbox-1@quorum.example.org>")
        var files = [("subject.txt", notice.subject + "\n"), ("text.txt", notice.text), ("html", notice.html)]
        if kind == .actionDigest { files.append(("eml", email.rendered())) }
        for (part, rendered) in files {
            let file = Self.golden.appendingPathComponent("\(kind.templateStem).\(part)")
            if record {
                try FileManager.default.createDirectory(at: Self.golden, withIntermediateDirectories: true)
                try rendered.write(to: file, atomically: true, encoding: .utf8)
                continue
            }
            let recorded = try? String(contentsOf: file, encoding: .utf8)
            #expect(recorded == rendered, "\(file.lastPathComponent) differs from the rendering; re-record with QUORUM_RECORD_GOLDEN=1 if intended")
        }
    }
}
