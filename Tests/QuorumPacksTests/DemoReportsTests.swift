import Foundation
import QuorumPacks
import Testing

/// The demo cover reports: the two seed reports transcribed with roles for people.
@Suite("The demo cover reports")
struct DemoReportsTests {
    static let reports = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Demo/reports")

    static func text(_ name: String) throws -> String {
        try String(contentsOf: reports.appendingPathComponent(name), encoding: .utf8)
    }

    @Test("the 14 November 2017 Scrutiny report reads as a cover report in the template")
    func scrutiny() throws {
        let report = try CoverReport.parse(markdown: try Self.text("OSC-2017-11-14.md"))
        #expect(report.subject == "Bi -annual Progress report Children's Social Care Performance")
        #expect(report.reportOf == "Director of Social Care and Health")
        #expect(report.recommendations == ["Reports continue to be provided on a six monthly basis"])
        #expect(report.isKeyDecision == false)
        #expect(report.exemptParagraph == nil)
        #expect(report.contactOfficer.email == "head.childrens.social.care@example.org")
        #expect(report.body.contains("2.2 To improve management oversight"))
        #expect(report.body.contains("3. Summary and Conclusions"))
    }

    @Test("the 12 December 2018 Health and Wellbeing Board report reads as a cover report in the template")
    func healthAndWellbeing() throws {
        let report = try CoverReport.parse(markdown: try Self.text("HWBB-2018-12-12.md"))
        #expect(report.subject == "Children’s Social Care Annual Report and Review of Improvement Plan")
        #expect(report.recommendations.count == 2)
        #expect(report.implementationDate == "Immediately following the Committee.")
        #expect(report.body.contains("2.1.13 The LSCB commissioned"))
        #expect(report.body.contains("- Management Oversight and supervision needs to improve."))
        #expect(report.body.contains("5.3 Recommendations from audits"))
        #expect(
            report.consultations.internal
                == "The Head of Corporate Resources (FD.5470/18) and the Chief Legal and Democratic Officer (LD.4595/18) have been consulted and any comments have been incorporated into the report.")
    }

    @Test("no person, council or real address is named", arguments: ["OSC-2017-11-14.md", "HWBB-2018-12-12.md"])
    func anonymous(name: String) throws {
        let text = try Self.text(name)
        // Councils' domains and telephone numbers mark a real address; people appear by role only.
        for word in ["gov.uk", "0151", "Halton"] {
            #expect(!text.contains(word), "\(name) names \(word)")
        }
        let addresses = text.split(whereSeparator: { $0.isWhitespace || "<>(),;\"'".contains($0) }).filter { $0.contains("@") }
        #expect(addresses.allSatisfy { $0.hasSuffix("@example.org") || $0.hasSuffix("@example.org.") }, "\(name): \(addresses)")
    }
}
