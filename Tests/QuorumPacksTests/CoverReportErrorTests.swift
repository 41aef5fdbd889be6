import Testing

@testable import QuorumPacks

@Suite struct CoverReportErrorTests {
    private func problems(_ markdown: String) -> CoverReportError? {
        do {
            _ = try CoverReport.parse(markdown: markdown)
            return nil
        } catch {
            return error
        }
    }

    @Test func anEmptyFrontMatterNamesEveryMissingRequiredFieldInOneError() throws {
        let error = try #require(problems("---\n---\nBody"))
        #expect(error.missingFields == ["subject", "report_of", "summary", "recommendations", "reasons", "contact_officer"])
        #expect(error.description == "missing required fields: subject, report_of, summary, recommendations, reasons, contact_officer")
    }

    @Test func missingFieldsAreNamedAlongsideTheOtherProblems() throws {
        let error = try #require(
            problems(
                """
                ---
                subject: Performance
                sujbect: typo
                key_decision: maybe
                summary: [a, list]
                contact_officer: {email: head@example.org}
                ---
                """))
        #expect(error.missingFields == ["report_of", "recommendations", "reasons", "contact_officer.role"])
        let others = error.problems.filter { $0.code != .missingField }
        #expect(others.map(\.line) == [3, 4, 5])
        #expect(others.map(\.code) == [.unknownKey, .invalidValue, .wrongType])
        #expect(others[0].message == "unknown key 'sujbect' (did you mean 'subject'?)")
        #expect(others[1].message == "key_decision: expected yes or no, found 'maybe'")
        #expect(others[2].message == "summary: expected text, found a list")
        #expect(error.line == 3)
        #expect(error.description.hasPrefix("missing required fields: report_of, recommendations, reasons, contact_officer.role; line 3: unknown key 'sujbect'"))
    }

    @Test func aFieldOfTheWrongTypeIsNotAlsoReportedMissing() throws {
        let error = try #require(problems(CoverReportParsingTests.minimal.replacing("reasons: Because.", with: "reasons:\n  - one\n  - two")))
        #expect(error.missingFields.isEmpty)
        #expect(error.problems.map(\.field) == ["reasons"])
        #expect(error.problems[0].line == 7)
    }

    @Test func nestedMappingsNameTheirUnknownKeysAndWrongShapes() throws {
        let error = try #require(
            problems(
                CoverReportParsingTests.minimal.replacing(
                    "reasons: Because.",
                    with: "reasons: Because.\nimplications:\n  legal: none\n  leagl: typo\nconsultations: internal only\ncore_purpose:\n  protect the most vulnerable: yes\n  world peace: no")))
        #expect(error.problems.map(\.code) == [.unknownKey, .wrongType, .unknownKey])
        #expect(error.problems.map(\.field) == ["implications.leagl", "consultations", "core_purpose.world peace"])
        #expect(error.problems.map(\.line) == [9, 10, 13])
        #expect(error.problems[0].message == "unknown key 'implications.leagl' (did you mean 'implications.legal'?)")
    }

    @Test(arguments: [
        ("exempt: 9", "exempt"), ("exempt: yes", "exempt"), ("forward_plan_date: 10/10/2017", "forward_plan_date"),
        ("forward_plan: perhaps", "forward_plan"),
    ])
    func valuesOutsideWhatTheTemplateAllowsAreRefusedWithTheirLine(_ line: String, _ field: String) throws {
        let error = try #require(problems(CoverReportParsingTests.minimal.replacing("subject:", with: "\(line)\nsubject:")))
        #expect(error.problems.count == 1)
        #expect(error.problems[0].code == .invalidValue)
        #expect(error.problems[0].field == field)
        #expect(error.problems[0].line == 2)
    }

    @Test func aBadContactEmailIsAnInvalidValue() throws {
        let error = try #require(
            problems(CoverReportParsingTests.minimal.replacing("{role: Head of Service}", with: "{role: Head of Service, email: A Named Person}")))
        #expect(error.problems.map(\.field) == ["contact_officer.email"])
    }

    @Test func aForwardPlanDateWithoutAForwardPlanNoticeContradictsItself() throws {
        let error = try #require(
            problems(CoverReportParsingTests.minimal.replacing("subject:", with: "forward_plan: no\nforward_plan_date: 2017-10-10\nsubject:")))
        #expect(error.problems.map(\.field) == ["forward_plan_date"])
        #expect(error.problems[0].line == 3)
    }

    @Test func aKeyGivenTwiceIsNamedWithItsLine() throws {
        let error = try #require(problems(CoverReportParsingTests.minimal.replacing("summary: A summary.", with: "summary: A summary.\nsummary: Again.")))
        #expect(error.problems.map(\.code) == [.duplicateKey])
        #expect(error.problems[0].message.contains("'summary'"))
        #expect(error.problems[0].line == 4)
    }

    @Test func invalidYAMLIsReportedAtItsLineInTheSubmittedText() throws {
        let error = try #require(problems("\n\n---\nsubject: ok\nsummary: \"unclosed\n---\nbody"))
        #expect(error.problems.count == 1)
        #expect(error.problems[0].code == .malformedFrontMatter)
        #expect((5...6).contains(error.problems[0].line ?? 0))
    }

    @Test func aReportWithoutFrontMatterSaysHowToWriteItAndWhatIsRequired() throws {
        let error = try #require(problems("# Just a report\n\nNo fields."))
        #expect(error.problems.first?.code == .missingFrontMatter)
        #expect(error.problems.first?.line == 1)
        #expect(error.missingFields.count == 6)
    }

    @Test func frontMatterThatIsNeverClosedIsMalformed() throws {
        let error = try #require(problems("---\nsubject: x\n"))
        #expect(error.problems.first?.code == .malformedFrontMatter)
        #expect(error.problems.first?.line == 1)
    }

    @Test func frontMatterThatIsAListIsNotTheTemplatesFields() throws {
        let error = try #require(problems("---\n- subject\n- summary\n---\n"))
        #expect(error.problems.contains { $0.code == .malformedFrontMatter && $0.line == 2 })
        #expect(error.missingFields.count == 6)
    }
}
