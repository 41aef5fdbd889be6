import QuorumDomain
import Testing

@testable import QuorumImport

@Suite("Checking plan and scorecard rows before anything is stored")
struct PlanImportTests {
    private let actionHeader = "ref,recommendation,action,review_date,lead_name,lead_email,status,update,updated_on\n"
    private let measureHeader = "id,recommendation,name,shows,polarity,requires_improvement,good,outstanding,audit\n"

    @Test func anActionRowBecomesAnActionWithItsUpdate() throws {
        let csv = actionHeader
            + "1.1.4,1.1,\"Audit plans, quarterly\",Oct 2017,QA Manager,qa.manager@example.org,open,\"Audit booked, \"\"on track\"\"\",2017-09-15\n"
        let rows = try PlanImport.actions(csv: csv)
        #expect(rows.count == 1)
        let action = rows[0].action
        #expect(action.ref == "1.1.4" && action.recommendationID == "1.1")
        #expect(action.text == "Audit plans, quarterly")
        #expect(action.reviewDate == .date(LocalDate(iso: "2017-10-31")!))
        #expect(action.lead == Person(role: "QA Manager", email: "qa.manager@example.org"))
        #expect(rows[0].update == .init(text: "Audit booked, \"on track\"", date: LocalDate(iso: "2017-09-15")))
    }

    @Test func aCompletedReviewDateMakesABlankStatusComplete() throws {
        let rows = try PlanImport.actions(
            csv: actionHeader + "2.5,2,Do it,Completed,Head of Service,head@example.org,,,\n")
        #expect(rows[0].action.status == .complete)
        #expect(rows[0].update == nil)
    }

    @Test(arguments: [
        ("1.1.4,1.1,x,Octobre 2017,L,l@example.org,open,,", "line 2: review_date:"),
        ("1.1.4,one,x,Oct 2017,L,l@example.org,open,,", "line 2: recommendation: 'one' is not a recommendation number like 1.1 or 2"),
        ("1.2.4,1.1,x,Oct 2017,L,l@example.org,open,,", "line 2: ref: 1.2.4 does not belong to recommendation 1.1"),
        ("1.1.x,1.1,x,Oct 2017,L,l@example.org,open,,", "line 2: ref: '1.1.x' is not an action reference like 1.1.4"),
        ("1.1.4,1.1,,Oct 2017,L,l@example.org,open,,", "line 2: action: is empty"),
        ("1.1.4,1.1,x,Oct 2017,L,not-an-email,open,,", "line 2: lead_email: 'not-an-email' is not an email address"),
        ("1.1.4,1.1,x,Oct 2017,L,l@example.org,stalled,,", "line 2: status: 'stalled' is not open or complete"),
        ("1.1.4,1.1,x,Completed,L,l@example.org,open,,", "line 2: status: open, but the review date says Completed"),
        ("1.1.4,1.1,x,Oct 2017,L,l@example.org,open,,2017-09-15", "line 2: updated_on: a date with no update text"),
        ("1.1.4,1.1,x,Oct 2017,L,l@example.org,open,note,15/09/2017", "line 2: updated_on: '15/09/2017' is not a date of the form YYYY-MM-DD"),
    ])
    func everyBadActionFieldIsNamedWithItsLine(row: String, expected: String) {
        do {
            _ = try PlanImport.actions(csv: actionHeader + row + "\n")
            Issue.record("accepted a bad row: \(row)")
        } catch {
            #expect(error.description.hasPrefix(expected), "\(error.description)")
        }
    }

    @Test func aRepeatedRefNamesTheLineItFirstAppearedOn() {
        let csv = actionHeader + "1.1.4,1.1,a,Oct 2017,L,l@example.org,open,,\n1.1.4,1.1,b,Oct 2017,L,l@example.org,open,,\n"
        #expect(throws: ImportError(line: 3, column: "ref", "'1.1.4' already appears on line 2")) {
            try PlanImport.actions(csv: csv)
        }
    }

    @Test func measuresWithThresholdsAndTrendOnlyMeasures() throws {
        let csv = measureHeader
            + "M1,1.1,Assessments within 35 days,Timeliness,higher,65-74,75-80,85+,no\n"
            + "M2,2,Re-referrals,Sustained change,lower,25-20,19-15,<14,yes\n"
            + "M3,3,Practice alerts,Policy applied,increase,Increase,,,\n"
        let rows = try PlanImport.measures(csv: csv)
        #expect(rows.map(\.measure.id) == ["M1", "M2", "M3"])
        #expect(rows[0].measure.band(for: 82) == .good)
        #expect(rows[1].measure.band(for: 17.1) == .good && rows[1].measure.isAudit)
        #expect(rows[2].measure.thresholds == nil && rows[2].measure.band(for: 3) == .none)
    }

    @Test(arguments: [
        ("M1,1.1,n,s,higher,85+,75-80,65-74,no", "line 2: "),
        ("M1,1.1,n,s,higher,65-74,,85+,no", "line 2: good: "),
        ("M1,1.1,n,s,sideways,65-74,75-80,85+,no", "line 2: polarity: 'sideways' is not higher, lower, increase or decrease"),
        ("M1,1.1,n,s,increase,65-74,,,no", "line 2: requires_improvement: "),
        ("M1,1.1,n,s,higher,65-74,75-80,85+,maybe", "line 2: audit: 'maybe' is not yes or no"),
        ("M 1,1.1,n,s,higher,65-74,75-80,85+,no", "line 2: id: 'M 1' is not a measure id"),
    ])
    func everyBadMeasureFieldIsNamedWithItsLine(row: String, expected: String) {
        do {
            _ = try PlanImport.measures(csv: measureHeader + row + "\n")
            Issue.record("accepted a bad row: \(row)")
        } catch {
            #expect(error.description.hasPrefix(expected), "\(error.description)")
        }
    }

    @Test func thresholdsThatContradictThePolarityAreRefusedWithTheReason() {
        do {
            _ = try PlanImport.measures(
                csv: measureHeader + "M2,2,Re-referrals,s,higher,25-20,19-15,<14,no\n")
            Issue.record("accepted lower-is-better bands on a higher-is-better measure")
        } catch {
            #expect(error.line == 2)
            #expect(["requires_improvement", "good", "outstanding"].contains(error.column ?? ""))
            #expect(error.message.contains("polarity"))
        }
    }

    @Test func valuesNeedAKnownMeasureAPeriodAndANumber() throws {
        let header = "measure_id,period,value\n"
        let rows = try PlanImport.values(csv: header + "M1,2017/18,76.4%\nM1,2016/17,72\nM1,2017/18 Q2,80\n", measures: ["M1"])
        #expect(rows.map(\.value.value) == [76.4, 72, 80])
        #expect(rows[2].value.period.description == "2017/18 Q2")
        #expect(throws: ImportError(line: 2, column: "measure_id", "no measure 'M9' (import measures first)")) {
            try PlanImport.values(csv: header + "M9,2017/18,1\n", measures: ["M1"])
        }
        #expect(throws: ImportError(line: 2, column: "value", "'n/a' is not a number")) {
            try PlanImport.values(csv: header + "M1,2017/18,n/a\n", measures: ["M1"])
        }
        #expect(throws: ImportError(line: 3, column: "period", "'M1 2017/18' already appears on line 2")) {
            try PlanImport.values(csv: header + "M1,2017/18,1\nM1,2017/18,2\n", measures: ["M1"])
        }
        #expect(throws: ImportError.self) { try PlanImport.values(csv: header + "M1,2017/19,1\n", measures: ["M1"]) }
    }

    @Test func recommendationsCarryTheirPriorityAndAmbition() throws {
        let csv = "id,priority,priority_title,title,ambition\n1.1,1,Frontline practice,Assessment and Planning,\"Timely assessments\nSMART plans\"\n"
        let rows = try PlanImport.recommendations(csv: csv)
        #expect(rows[0].recommendation.ambition == "Timely assessments\nSMART plans")
        #expect(throws: ImportError(line: 2, column: "priority", "recommendation 2 cannot belong to priority 1")) {
            try PlanImport.recommendations(csv: "id,priority,priority_title,title,ambition\n2,1,P,T,A\n")
        }
    }
}
