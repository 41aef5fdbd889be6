import QuorumDomain

/// A cover report in the council's template: the fields at the top of every report to a board
/// (subject, report of, key decision, exempt status…), the template's sections (summary,
/// recommendations, reasons, costs, implications, contribution to the core purpose,
/// consultations, contact officer, appendices, background papers) and the report's body.
///
/// Report owners submit it as Markdown whose YAML front matter carries the template's fields in
/// snake_case, and whose body is the report itself:
///
/// ```markdown
/// ---
/// subject: Bi-annual progress report, Children's Social Care performance
/// report_of: Director of Social Care and Health
/// wards: All wards
/// key_decision: no
/// forward_plan: no
/// exempt: no
/// summary: This report considers the performance scorecard that underpins the plan.
/// recommendations:
///   - Reports continue to be provided on a six-monthly basis.
/// reasons: Scrutiny has a key role in the governance of the plan.
/// contact_officer:
///   role: Head of Children's Social Care
///   email: head.childrens.social.care@example.org
/// appendices: [scorecard, action_tracker]
/// ---
/// ## 1. Introduction
/// …
/// ```
///
/// Read it with ``parse(markdown:)``; ``PackRenderer`` lays it out as the template does.
public struct CoverReport: Hashable, Sendable {
    /// "Subject": what the report is about. Required.
    public var subject: String
    /// "Report of": the officer (a role) the report comes from. Required.
    public var reportOf: String
    /// "Wards Affected": "All wards", or the wards by name.
    public var wards: [String]
    /// "Portfolio": the cabinet portfolio (a role).
    public var portfolio: String?
    /// "Is this a Key Decision": nil when the report does not say.
    public var isKeyDecision: Bool?
    /// "Included in Forward Plan": nil when the report does not say.
    public var isInForwardPlan: Bool?
    /// The day the Forward Plan gave notice of the decision, if the report says.
    public var forwardPlanDate: LocalDate?
    /// The reference of the Forward Plan entry the item carries (`FP-2018-07`), when the item is
    /// linked to one: the record's, never the report's own claim.
    public var forwardPlanReference: String?
    /// "Exempt / Confidential Report": the paragraph (1 to 7) of Schedule 12A to the Local
    /// Government Act 1972 under which it is exempt, or nil when it is not exempt.
    public var exemptParagraph: Int?
    /// "Summary". Required.
    public var summary: String
    /// "Recommendation(s)", in order. Required: at least one.
    public var recommendations: [String]
    /// "Reasons for the Recommendation(s)". Required.
    public var reasons: String
    /// "Alternative Options Considered and Rejected (including any Risk Implications)".
    public var alternativeOptions: String?
    /// "What will it cost and how will it be financed? (A) Revenue Costs".
    public var revenueCosts: String?
    /// "(B) Capital Costs".
    public var capitalCosts: String?
    /// "Implications of the Proposals": resource, legal, equality.
    public var implications: Implications
    /// "Contribution to the Council's Core Purpose", by heading.
    public var corePurpose: [CorePurposeHeading: String]
    /// "What consultations have taken place on the proposals and when?"
    public var consultations: Consultations
    /// "Implementation Date for the Decision": as written ("Immediately following the Committee").
    public var implementationDate: String?
    /// "Contact Officer": a role and how to reach it. Required.
    public var contactOfficer: ContactOfficer
    /// "Appendices": the report's own appendices by title. The words `scorecard` and
    /// `action_tracker` name the appendices the pack generates from data instead: see
    /// ``generatedAppendices``.
    public var appendices: [String]
    /// "Background Papers".
    public var backgroundPapers: [String]
    /// The report itself: Markdown, rendered safely (no raw HTML, no images, links only to
    /// http, https and mailto addresses).
    public var body: String

    /// A report with the required fields; the others start empty.
    public init(
        subject: String, reportOf: String, summary: String, recommendations: [String], reasons: String,
        contactOfficer: ContactOfficer, body: String = ""
    ) {
        self.subject = subject
        self.reportOf = reportOf
        self.wards = []
        self.summary = summary
        self.recommendations = recommendations
        self.reasons = reasons
        self.implications = Implications()
        self.corePurpose = [:]
        self.consultations = Consultations()
        self.contactOfficer = contactOfficer
        self.appendices = []
        self.backgroundPapers = []
        self.body = body
    }

    /// The generated appendices that the report names in its `appendices` list
    /// (`scorecard`, `action_tracker`), in the order it names them.
    public var generatedAppendices: [Appendix] {
        var found: [Appendix] = []
        for title in appendices {
            if let appendix = Appendix(rawValue: title.trimmed.lowercased()), !found.contains(appendix) {
                found.append(appendix)
            }
        }
        return found
    }

    /// The report's own appendices: its `appendices` less the words that name generated ones.
    public var ownAppendices: [String] {
        appendices.filter { Appendix(rawValue: $0.trimmed.lowercased()) == nil }
    }
}
