import QuorumDomain
import Testing

@testable import QuorumPacks

@Suite struct CoverReportParsingTests {
    @Test func theSeedsPerformanceReportReadsEveryTemplateField() throws {
        let report = try CoverReport.parse(markdown: SamplePack.performanceReportMarkdown)
        #expect(report.subject == "Bi-annual progress report, Children's Social Care performance")
        #expect(report.reportOf == "Director of Social Care and Health")
        #expect(report.wards == ["All wards"])
        #expect(report.portfolio == "Cabinet Member, Children, Schools and Safeguarding")
        #expect(report.isKeyDecision == false)
        #expect(report.isInForwardPlan == false)
        #expect(report.forwardPlanDate == nil)
        #expect(report.exemptParagraph == nil)
        #expect(report.summary.hasPrefix("In April 2016 an inspection"))
        #expect(report.summary.contains("\n\nThis report considers"))
        #expect(report.recommendations.count == 2)
        #expect(report.recommendations[0] == "Reports continue to be provided on a six-monthly basis.")
        #expect(report.reasons.hasPrefix("Overview and Scrutiny Committee have a key role"))
        #expect(report.alternativeOptions == "N/A")
        #expect(report.revenueCosts == "There are no direct revenue costs as a result of this report.")
        #expect(report.capitalCosts == "N/A")
        #expect(report.implications.resource == "None arising from this report.")
        #expect(report.implications.legal == "None arising from this report.")
        #expect(report.implications.equality == "There are no equality implications.")
        #expect(report.corePurpose.count == 8)
        #expect(report.corePurpose[.facilitateConfidentAndResilientCommunities]?.hasPrefix("Children's social care work") == true)
        #expect(report.consultations.internal?.contains("FD 4914/17") == true)
        #expect(report.consultations.external == "None.")
        #expect(report.implementationDate == "With immediate effect.")
        #expect(report.contactOfficer == .init(role: "Head of Children's Social Care", email: "head.childrens.social.care@example.org", telephone: "01632 960 123"))
        #expect(report.generatedAppendices == [.scorecard, .actionTracker])
        #expect(report.ownAppendices.isEmpty)
        #expect(report.backgroundPapers == ["There are no background papers available for inspection."])
        #expect(report.body.hasPrefix("# 1. Introduction and background"))
    }

    @Test func anExemptReportWithAForwardPlanNoticeReadsItsParagraphAndDate() throws {
        let report = try CoverReport.parse(markdown: SamplePack.exemptReportMarkdown)
        #expect(report.exemptParagraph == 3)
        #expect(report.isKeyDecision == true)
        #expect(report.isInForwardPlan == true)
        #expect(report.forwardPlanDate == LocalDate(year: 2017, month: 10, day: 10))
    }

    @Test func aReportWithOnlyTheRequiredFieldsLeavesTheRestEmpty() throws {
        let report = try CoverReport.parse(markdown: Self.minimal)
        #expect(report.wards.isEmpty)
        #expect(report.portfolio == nil)
        #expect(report.isKeyDecision == nil)
        #expect(report.corePurpose.isEmpty)
        #expect(report.consultations == .init())
        #expect(report.contactOfficer.email == nil)
        #expect(report.body == "Body.")
    }

    @Test(arguments: ["2", "paragraph 2", "Para 2", "'2'"])
    func exemptTakesAParagraphNumberHoweverItIsWritten(_ written: String) throws {
        let report = try CoverReport.parse(markdown: Self.minimal.replacing("subject:", with: "exempt: \(written)\nsubject:"))
        #expect(report.exemptParagraph == 2)
    }

    @Test(arguments: ["yes", "Yes", "y", "true"])
    func yesNoFieldsTakeTheUsualSpellings(_ written: String) throws {
        let report = try CoverReport.parse(markdown: Self.minimal.replacing("subject:", with: "key_decision: \(written)\nsubject:"))
        #expect(report.isKeyDecision == true)
    }

    @Test func windowsLineEndsAndAByteOrderMarkAreAccepted() throws {
        let text = "\u{FEFF}" + Self.minimal.replacing("\n", with: "\r\n")
        let report = try CoverReport.parse(markdown: text)
        #expect(report.subject == "A subject")
        #expect(report.body == "Body.")
    }

    @Test func aSingleTextStandsForAListOfOne() throws {
        let report = try CoverReport.parse(markdown: Self.minimal.replacing("recommendations: [Note it]", with: "recommendations: Note it"))
        #expect(report.recommendations == ["Note it"])
    }

    @Test func ownAppendicesAreKeptApartFromGeneratedOnes() throws {
        let report = try CoverReport.parse(
            markdown: Self.minimal.replacing("subject:", with: "appendices: [Children's Social Care Annual Report, scorecard]\nsubject:"))
        #expect(report.ownAppendices == ["Children's Social Care Annual Report"])
        #expect(report.generatedAppendices == [.scorecard])
    }

    static let minimal = """
        ---
        subject: A subject
        report_of: Director of Social Care and Health
        summary: A summary.
        recommendations: [Note it]
        reasons: Because.
        contact_officer: {role: Head of Service}
        ---
        Body.
        """
}
