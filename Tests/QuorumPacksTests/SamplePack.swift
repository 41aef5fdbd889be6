import Foundation
import QuorumDomain
import QuorumPacks

/// A fixed meeting pack for tests and golden files: the Overview and Scrutiny Committee of
/// 14 November 2017, with the seed's six-monthly performance report, its scorecard and action
/// tracker, a report not yet submitted, and an exempt item.
enum SamplePack {
    static let meetingDate = LocalDate(year: 2017, month: 11, day: 14)!
    /// 6 November 2017, 09:15 GMT.
    static let builtAt = Date(timeIntervalSince1970: 1_509_959_700)
    /// Words that appear only in the exempt item: Part I must never contain any of them.
    static let exemptSecrets = [
        "SECRET-PROVIDER-RATES", "Head of Commissioning and Contracts", "Residential provider negotiation",
        "Agree the negotiating mandate", "commissioning.lead@example.org", "Provider Alpha",
    ]

    static let performanceReportMarkdown = """
        ---
        subject: Bi-annual progress report, Children's Social Care performance
        report_of: Director of Social Care and Health
        wards: All wards
        portfolio: Cabinet Member, Children, Schools and Safeguarding
        key_decision: no
        forward_plan: no
        exempt: no
        summary: |
          In April 2016 an inspection took place of services for children in need of help and
          protection, children looked after and care leavers. The report was published on 27 June 2016.

          This report considers the performance scorecard that underpins the current plan.
        recommendations:
          - Reports continue to be provided on a six-monthly basis.
          - The Committee notes the performance scorecard at Appendix A.
        reasons: >
          Overview and Scrutiny Committee have a key role in the governance of the plan and
          scrutiny of performance and progress, so that the service continues to improve.
        alternative_options: N/A
        revenue_costs: There are no direct revenue costs as a result of this report.
        capital_costs: N/A
        implications:
          resource: None arising from this report.
          legal: None arising from this report.
          equality: There are no equality implications.
        core_purpose:
          protect_the_most_vulnerable: Children's Social Care have a statutory duty to protect the most vulnerable.
          Facilitate confident and resilient communities: Children's social care work with children and their families.
          commission_broker_and_provide_core_services: Children's Social Care works in partnership with a range of organisations.
          place_leadership_and_influencer: Scrutiny of performance supports the aspiration for all services to be good or better.
          drivers_of_change_and_reform: Significant focus on driving up standards of practice.
          facilitate_sustainable_economic_prosperity: Better outcomes support children to obtain economic independence.
          greater_income_for_social_investment: N/A
          cleaner_greener: N/A
        consultations:
          internal: The Head of Corporate Resources (FD 4914/17) and Head of Regulation and Compliance (LD 4108/17) have been consulted.
          external: None.
        implementation_date: With immediate effect.
        contact_officer:
          role: Head of Children's Social Care
          email: head.childrens.social.care@example.org
          telephone: 01632 960 123
        appendices: [scorecard, action_tracker]
        background_papers: There are no background papers available for inspection.
        ---
        # 1. Introduction and background

        In April 2016 an inspection took place of services for children in need of help and protection,
        children looked after and care leavers. An action plan was developed that addressed the
        **11 recommendations** made in that report.

        This report and the performance scorecard give an overview of performance against the three
        priorities of the improvement plan:

        1. *Ensure frontline practice is consistently good, effective and focussed on timely, measurable outcomes for children.*
        2. *Improve management oversight at all levels.*
        3. *Ensure that frontline services are sufficiently resourced and the workforce appropriately skilled.*

        # 2. Progress against priorities

        ## 2.1 Frontline practice

        There is a renewed focus on the timeliness of assessments and on children being seen within
        5 and 10 days of the start of assessment; performance is expected to improve over quarters 3 and 4.

        | Measure | 2016/17 | 2017/18 |
        | --- | --- | --- |
        | Re-referrals within 12 months | 21.6 | 17.1 |
        | Assessments within 45 days | 72.4 | 76.4 |

        ## 2.2 Management oversight

        > "It's the best supervision I've had for a long time." (Supervisee)

        A recent supervision audit found that 85% of supervision met the standard of good quality.
        The audit framework is published on [the council's website](https://www.example.org/audit).

        # 3. Summary and conclusions

        Performance in a number of areas is not where we would want it to be, and this will be the
        focus of the coming months.
        """

    static let exemptReportMarkdown = """
        ---
        subject: Residential provider negotiation
        report_of: Head of Commissioning and Contracts
        wards: All wards
        key_decision: yes
        forward_plan: yes
        forward_plan_date: 2017-10-10
        exempt: 3
        summary: The council is negotiating block rates with Provider Alpha for residential placements.
        recommendations:
          - Agree the negotiating mandate set out in the report.
        reasons: Placement sufficiency is a national pressure; block rates reduce spot-purchase costs.
        contact_officer:
          role: Head of Commissioning and Contracts
          email: commissioning.lead@example.org
        ---
        The proposed rates (SECRET-PROVIDER-RATES) are set out below.
        """

    static func recommendations() -> [Recommendation] {
        [
            Recommendation(id: "1.1", priority: 1, title: "Assessment and Planning", ambition: "Assessments are timely."),
            Recommendation(id: "2", priority: 2, title: "Management Oversight", ambition: "Supervision is reflective."),
            Recommendation(id: "3", priority: 3, title: "Workforce", ambition: "Caseloads are manageable."),
        ]
    }

    static func measures() throws -> [Measure] {
        [
            try Measure(
                id: "M1.1.04", recommendationID: "1.1", name: "Percentage of assessments completed within 45 days",
                shows: "The amount of assessments that are completed within the national standard for timeliness.",
                polarity: .higher, requiresImprovement: "75-80", good: "81-89", outstanding: "90+", isAudit: false),
            try Measure(
                id: "M1.1.12", recommendationID: "1.1",
                name: "Percentage of children subject to a child protection plan for a second or subsequent time",
                shows: "How well families are able to maintain the changes they have made.",
                polarity: .lower, requiresImprovement: "25-20", good: "19-15", outstanding: "<14", isAudit: false),
            try Measure(
                id: "M1.1.13", recommendationID: "1.1", name: "Percentage of children seen within 5 and 10 days of the referral",
                shows: "That children are being visited in line with statutory timescales.",
                polarity: .higher, requiresImprovement: "70-84", good: "85-94", outstanding: "95-100", isAudit: false),
            try Measure(
                id: "M1.1.15", recommendationID: "1.1", name: "Number of 16/17 year olds who present as homeless who are progressed to referral",
                shows: "That the Joint Homeless Protocol is embedded in practice.",
                polarity: .increase, requiresImprovement: nil, good: nil, outstanding: nil, isAudit: false),
            try Measure(
                id: "M2.02", recommendationID: "2", name: "Percentage of supervision audited that meets or exceeds good",
                shows: "The quality of supervision.", polarity: .higher, requiresImprovement: "50-60", good: "61-80",
                outstanding: "81+", isAudit: true),
            try Measure(
                id: "M3.03", recommendationID: "3", name: "Average social worker caseload",
                shows: "That caseloads allow good quality work.", polarity: .lower, requiresImprovement: "25-22",
                good: "21-18", outstanding: "<17", isAudit: false),
        ]
    }

    static func values() throws -> [MeasureValue] {
        let rows: [(String, String, Double)] = [
            ("M1.1.04", "2014/15", 68), ("M1.1.04", "2015/16", 70.2), ("M1.1.04", "2016/17", 72.4),
            ("M1.1.04", "2017/18", 76.4),
            ("M1.1.12", "2016/17", 21.6), ("M1.1.12", "2017/18", 17.1),
            ("M1.1.13", "2017/18", 46),
            ("M1.1.15", "2016/17", 12), ("M1.1.15", "2017/18", 15),
            ("M2.02", "2017/18 Q1", 50), ("M2.02", "2017/18 Q2", 85),
            ("M3.03", "2017-08", 24), ("M3.03", "2017-09", 22), ("M3.03", "2017-10", 20),
        ]
        return try rows.map { MeasureValue(measureID: $0.0, period: try Period(parsing: $0.1), value: $0.2) }
    }

    /// The actions with their leads' RAG ratings: 1.1.4 amber, 2.1 green, the rest not rated.
    static func ratedActions() throws -> [PlanAction] {
        let ratings: [String: RAGRating] = ["1.1.4": .amber, "2.1": .green]
        return try actions().map { action in
            var action = action
            action.rag = ratings[action.ref]
            return action
        }
    }

    static func actions() throws -> [PlanAction] {
        let qa = Person(role: "Quality Assurance Manager", email: "quality.assurance.manager@example.org")
        let head = Person(role: "Head of Service (Children's Social Care)", email: "head.childrens.social.care@example.org")
        let september = LocalDate(year: 2017, month: 9, day: 15)!
        return [
            PlanAction(
                ref: "1.1.1", recommendationID: "1.1",
                text: "Ensure all training to front line workers and managers covers analysis, planning and recording.",
                reviewDate: try ReviewDate(parsing: "Oct 2017"), lead: head, status: .open,
                updates: [ActionUpdate(date: september, text: "This work is ongoing.", author: "import")]),
            PlanAction(
                ref: "1.1.3", recommendationID: "1.1",
                text: "Continue to ensure Practice and Performance workshops address key themes that emerge through audit.",
                reviewDate: .ongoing, lead: head, status: .open,
                updates: [ActionUpdate(date: september, text: "Held quarterly with positive feedback from staff.", author: "import")]),
            PlanAction(
                ref: "1.1.4", recommendationID: "1.1",
                text: "Pilot Focus on Practice Week, evaluate effectiveness and outcomes and implement learning.",
                reviewDate: try ReviewDate(parsing: "Dec 2017"), lead: qa, status: .open,
                updates: [
                    ActionUpdate(date: september, text: "Focus on Practice week completed; learning shared at the September workshop.", author: "import"),
                    ActionUpdate(date: LocalDate(year: 2017, month: 12, day: 1)!, text: "Written after the meeting: must not show.", author: "import"),
                ]),
            PlanAction(
                ref: "1.1.10", recommendationID: "1.1",
                text: "Ensure that policies and procedures are adhered to in every day practice.",
                reviewDate: try ReviewDate(parsing: "2017-11-17"), lead: qa, status: .open),
            PlanAction(
                ref: "2.1", recommendationID: "2", text: "Audit supervision quarterly and report the findings to managers.",
                reviewDate: try ReviewDate(parsing: "Sept 2017"), lead: qa, status: .open,
                updates: [ActionUpdate(date: LocalDate(year: 2017, month: 10, day: 2)!, text: "Audit completed: 85% good.", author: "import")]),
            PlanAction(
                ref: "3.1", recommendationID: "3", text: "Restructure the service to reduce caseloads.",
                reviewDate: .completed, lead: head, status: .complete),
        ]
    }

    static func content() throws -> MeetingPackContent {
        let performance = try CoverReport.parse(markdown: performanceReportMarkdown)
        let exempt = try CoverReport.parse(markdown: exemptReportMarkdown)
        let items: [MeetingPackContent.Item] = [
            .init(key: "apologies", number: 1, title: "Apologies for absence", kind: .standard),
            .init(key: "declarations", number: 2, title: "Declarations of interest", kind: .standard),
            .init(key: "minutes", number: 3, title: "Minutes of the previous meeting", kind: .standard),
            .init(
                key: "OSC/performance/2017-11", number: 4, title: "Children's Social Care performance",
                owner: "Head of Children's Social Care", report: performance, appendices: [.scorecard, .actionTracker]),
            .init(
                key: "OSC/lscb-annual/2017-11", number: 5, title: "Local Safeguarding Children Board annual report",
                owner: "Independent Chair of the LSCB"),
            .init(
                key: "item-6", number: 6, title: "Placement sufficiency: residential provision",
                owner: "Head of Commissioning and Contracts", isKeyDecision: true, exemptParagraph: 3, report: exempt),
        ]
        return MeetingPackContent(
            board: .init(
                code: "OSC", name: "Overview and Scrutiny Committee (Children's Services and Safeguarding)",
                meetsInPublic: true),
            meeting: .init(date: meetingDate, time: LocalTime(hour: 18, minute: 30)!, venue: "Committee Room 1, Bootle Town Hall"),
            publishBy: WorkingDayCalendar().publicationDeadline(forMeetingOn: meetingDate),
            items: items,
            warnings: [
                "Item 5: the report has not been submitted (due from the Independent Chair of the LSCB).",
                "Item 6: notice of the intention to meet in private was given 20 clear days before the meeting; 28 are required.",
            ],
            version: 2, builtAt: builtAt,
            scorecard: ScorecardAppendix(
                recommendations: recommendations(), measures: try measures(), values: try values(),
                period: try Period(parsing: "2017/18"), historyLength: 4),
            actionTracker: ActionTrackerAppendix(
                recommendations: recommendations(), actions: try ratedActions(), asOf: meetingDate,
                resolutions: ["1.1.10": "OSC-2017-09-12/4.1"]),
            changes: PackChangeList(
                added: [], replaced: [.init(key: "OSC/performance/2017-11", number: 4, title: "Children's Social Care performance", contentHash: "x", isExempt: false)],
                removed: []))
    }
}
