import Foundation
import Testing

@testable import QuorumDomain

/// A rule, a start (DTSTART) and an end, and the dates python-dateutil gives for them.
struct RecurrenceVector: Sendable, CustomTestStringConvertible {
    let name: String
    let rule: String
    let start: LocalDate
    let end: LocalDate
    let expected: [LocalDate]

    init(_ name: String, _ rule: String, from start: String, through end: String, _ expected: [String]) {
        self.name = name
        self.rule = rule
        self.start = LocalDate(iso: start)!
        self.end = LocalDate(iso: end)!
        self.expected = expected.map { LocalDate(iso: $0)! }
    }

    var testDescription: String { "\(name): \(rule)" }
}

/// RFC 5545 section 3.8.5.3's examples that fit a date-only calendar, with the DTSTART of each
/// as a date. UNTIL date-times are written as the date of the last occurrence where the RFC's
/// 09:00 New York time would otherwise decide the last date; examples without COUNT or UNTIL
/// run to the end of the RFC's listing. Expected dates are the RFC's, checked against
/// python-dateutil.
let rfc5545Examples: [RecurrenceVector] = [
    RecurrenceVector("RFC: every day in January for three years", "FREQ=YEARLY;UNTIL=20000131T140000Z;BYMONTH=1;BYDAY=SU,MO,TU,WE,TH,FR,SA", from: "1998-01-01", through: "2001-12-31", [
        "1998-01-01", "1998-01-02", "1998-01-03", "1998-01-04", "1998-01-05", "1998-01-06",
        "1998-01-07", "1998-01-08", "1998-01-09", "1998-01-10", "1998-01-11", "1998-01-12",
        "1998-01-13", "1998-01-14", "1998-01-15", "1998-01-16", "1998-01-17", "1998-01-18",
        "1998-01-19", "1998-01-20", "1998-01-21", "1998-01-22", "1998-01-23", "1998-01-24",
        "1998-01-25", "1998-01-26", "1998-01-27", "1998-01-28", "1998-01-29", "1998-01-30",
        "1998-01-31", "1999-01-01", "1999-01-02", "1999-01-03", "1999-01-04", "1999-01-05",
        "1999-01-06", "1999-01-07", "1999-01-08", "1999-01-09", "1999-01-10", "1999-01-11",
        "1999-01-12", "1999-01-13", "1999-01-14", "1999-01-15", "1999-01-16", "1999-01-17",
        "1999-01-18", "1999-01-19", "1999-01-20", "1999-01-21", "1999-01-22", "1999-01-23",
        "1999-01-24", "1999-01-25", "1999-01-26", "1999-01-27", "1999-01-28", "1999-01-29",
        "1999-01-30", "1999-01-31", "2000-01-01", "2000-01-02", "2000-01-03", "2000-01-04",
        "2000-01-05", "2000-01-06", "2000-01-07", "2000-01-08", "2000-01-09", "2000-01-10",
        "2000-01-11", "2000-01-12", "2000-01-13", "2000-01-14", "2000-01-15", "2000-01-16",
        "2000-01-17", "2000-01-18", "2000-01-19", "2000-01-20", "2000-01-21", "2000-01-22",
        "2000-01-23", "2000-01-24", "2000-01-25", "2000-01-26", "2000-01-27", "2000-01-28",
        "2000-01-29", "2000-01-30", "2000-01-31",
    ]),
    RecurrenceVector("RFC: weekly for ten occurrences", "FREQ=WEEKLY;COUNT=10", from: "1997-09-02", through: "1999-12-31", [
        "1997-09-02", "1997-09-09", "1997-09-16", "1997-09-23", "1997-09-30", "1997-10-07",
        "1997-10-14", "1997-10-21", "1997-10-28", "1997-11-04",
    ]),
    RecurrenceVector("RFC: weekly until 24 December 1997", "FREQ=WEEKLY;UNTIL=19971224T000000Z", from: "1997-09-02", through: "1999-12-31", [
        "1997-09-02", "1997-09-09", "1997-09-16", "1997-09-23", "1997-09-30", "1997-10-07",
        "1997-10-14", "1997-10-21", "1997-10-28", "1997-11-04", "1997-11-11", "1997-11-18",
        "1997-11-25", "1997-12-02", "1997-12-09", "1997-12-16", "1997-12-23",
    ]),
    RecurrenceVector("RFC: every other week, forever", "FREQ=WEEKLY;INTERVAL=2;WKST=SU", from: "1997-09-02", through: "1998-02-17", [
        "1997-09-02", "1997-09-16", "1997-09-30", "1997-10-14", "1997-10-28", "1997-11-11",
        "1997-11-25", "1997-12-09", "1997-12-23", "1998-01-06", "1998-01-20", "1998-02-03",
        "1998-02-17",
    ]),
    RecurrenceVector("RFC: Tuesdays and Thursdays for five weeks, by UNTIL (19971007T000000Z in the RFC)", "FREQ=WEEKLY;UNTIL=19971006;WKST=SU;BYDAY=TU,TH", from: "1997-09-02", through: "1999-12-31", [
        "1997-09-02", "1997-09-04", "1997-09-09", "1997-09-11", "1997-09-16", "1997-09-18",
        "1997-09-23", "1997-09-25", "1997-09-30", "1997-10-02",
    ]),
    RecurrenceVector("RFC: Tuesdays and Thursdays for five weeks, by COUNT", "FREQ=WEEKLY;COUNT=10;WKST=SU;BYDAY=TU,TH", from: "1997-09-02", through: "1999-12-31", [
        "1997-09-02", "1997-09-04", "1997-09-09", "1997-09-11", "1997-09-16", "1997-09-18",
        "1997-09-23", "1997-09-25", "1997-09-30", "1997-10-02",
    ]),
    RecurrenceVector("RFC: every other week on Monday, Wednesday and Friday (UNTIL 19971224T000000Z in the RFC)", "FREQ=WEEKLY;INTERVAL=2;UNTIL=19971223;WKST=SU;BYDAY=MO,WE,FR", from: "1997-09-01", through: "1999-12-31", [
        "1997-09-01", "1997-09-03", "1997-09-05", "1997-09-15", "1997-09-17", "1997-09-19",
        "1997-09-29", "1997-10-01", "1997-10-03", "1997-10-13", "1997-10-15", "1997-10-17",
        "1997-10-27", "1997-10-29", "1997-10-31", "1997-11-10", "1997-11-12", "1997-11-14",
        "1997-11-24", "1997-11-26", "1997-11-28", "1997-12-08", "1997-12-10", "1997-12-12",
        "1997-12-22",
    ]),
    RecurrenceVector("RFC: every other week on Tuesday and Thursday, eight times", "FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH", from: "1997-09-02", through: "1999-12-31", [
        "1997-09-02", "1997-09-04", "1997-09-16", "1997-09-18", "1997-09-30", "1997-10-02",
        "1997-10-14", "1997-10-16",
    ]),
    RecurrenceVector("RFC: monthly on the first Friday, ten times", "FREQ=MONTHLY;COUNT=10;BYDAY=1FR", from: "1997-09-05", through: "1999-12-31", [
        "1997-09-05", "1997-10-03", "1997-11-07", "1997-12-05", "1998-01-02", "1998-02-06",
        "1998-03-06", "1998-04-03", "1998-05-01", "1998-06-05",
    ]),
    RecurrenceVector("RFC: monthly on the first Friday until 24 December 1997", "FREQ=MONTHLY;UNTIL=19971224T000000Z;BYDAY=1FR", from: "1997-09-05", through: "1999-12-31", [
        "1997-09-05", "1997-10-03", "1997-11-07", "1997-12-05",
    ]),
    RecurrenceVector("RFC: every other month on the first and last Sunday", "FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU", from: "1997-09-07", through: "1999-12-31", [
        "1997-09-07", "1997-09-28", "1997-11-02", "1997-11-30", "1998-01-04", "1998-01-25",
        "1998-03-01", "1998-03-29", "1998-05-03", "1998-05-31",
    ]),
    RecurrenceVector("RFC: monthly on the second-to-last Monday for six months", "FREQ=MONTHLY;COUNT=6;BYDAY=-2MO", from: "1997-09-22", through: "1999-12-31", [
        "1997-09-22", "1997-10-20", "1997-11-17", "1997-12-22", "1998-01-19", "1998-02-16",
    ]),
    RecurrenceVector("RFC: monthly on the third-to-last day", "FREQ=MONTHLY;BYMONTHDAY=-3", from: "1997-09-28", through: "1998-02-26", [
        "1997-09-28", "1997-10-29", "1997-11-28", "1997-12-29", "1998-01-29", "1998-02-26",
    ]),
    RecurrenceVector("RFC: monthly on the 2nd and 15th, ten times", "FREQ=MONTHLY;COUNT=10;BYMONTHDAY=2,15", from: "1997-09-02", through: "1999-12-31", [
        "1997-09-02", "1997-09-15", "1997-10-02", "1997-10-15", "1997-11-02", "1997-11-15",
        "1997-12-02", "1997-12-15", "1998-01-02", "1998-01-15",
    ]),
    RecurrenceVector("RFC: monthly on the first and last day, ten times", "FREQ=MONTHLY;COUNT=10;BYMONTHDAY=1,-1", from: "1997-09-30", through: "1999-12-31", [
        "1997-09-30", "1997-10-01", "1997-10-31", "1997-11-01", "1997-11-30", "1997-12-01",
        "1997-12-31", "1998-01-01", "1998-01-31", "1998-02-01",
    ]),
    RecurrenceVector("RFC: every 18 months on the 10th to 15th", "FREQ=MONTHLY;INTERVAL=18;COUNT=10;BYMONTHDAY=10,11,12,13,14,15", from: "1997-09-10", through: "2001-12-31", [
        "1997-09-10", "1997-09-11", "1997-09-12", "1997-09-13", "1997-09-14", "1997-09-15",
        "1999-03-10", "1999-03-11", "1999-03-12", "1999-03-13",
    ]),
    RecurrenceVector("RFC: every Tuesday, every other month", "FREQ=MONTHLY;INTERVAL=2;BYDAY=TU", from: "1997-09-02", through: "1998-03-31", [
        "1997-09-02", "1997-09-09", "1997-09-16", "1997-09-23", "1997-09-30", "1997-11-04",
        "1997-11-11", "1997-11-18", "1997-11-25", "1998-01-06", "1998-01-13", "1998-01-20",
        "1998-01-27", "1998-03-03", "1998-03-10", "1998-03-17", "1998-03-24", "1998-03-31",
    ]),
    RecurrenceVector("RFC: yearly in June and July, ten times", "FREQ=YEARLY;COUNT=10;BYMONTH=6,7", from: "1997-06-10", through: "2005-12-31", [
        "1997-06-10", "1997-07-10", "1998-06-10", "1998-07-10", "1999-06-10", "1999-07-10",
        "2000-06-10", "2000-07-10", "2001-06-10", "2001-07-10",
    ]),
    RecurrenceVector("RFC: every other year in January, February and March", "FREQ=YEARLY;INTERVAL=2;COUNT=10;BYMONTH=1,2,3", from: "1997-03-10", through: "2005-12-31", [
        "1997-03-10", "1999-01-10", "1999-02-10", "1999-03-10", "2001-01-10", "2001-02-10",
        "2001-03-10", "2003-01-10", "2003-02-10", "2003-03-10",
    ]),
    RecurrenceVector("RFC: the 20th Monday of the year", "FREQ=YEARLY;BYDAY=20MO", from: "1997-05-19", through: "1999-12-31", [
        "1997-05-19", "1998-05-18", "1999-05-17",
    ]),
    RecurrenceVector("RFC: every Thursday in March", "FREQ=YEARLY;BYMONTH=3;BYDAY=TH", from: "1997-03-13", through: "1999-12-31", [
        "1997-03-13", "1997-03-20", "1997-03-27", "1998-03-05", "1998-03-12", "1998-03-19",
        "1998-03-26", "1999-03-04", "1999-03-11", "1999-03-18", "1999-03-25",
    ]),
    RecurrenceVector("RFC: every Thursday in June, July and August", "FREQ=YEARLY;BYDAY=TH;BYMONTH=6,7,8", from: "1997-06-05", through: "1999-12-31", [
        "1997-06-05", "1997-06-12", "1997-06-19", "1997-06-26", "1997-07-03", "1997-07-10",
        "1997-07-17", "1997-07-24", "1997-07-31", "1997-08-07", "1997-08-14", "1997-08-21",
        "1997-08-28", "1998-06-04", "1998-06-11", "1998-06-18", "1998-06-25", "1998-07-02",
        "1998-07-09", "1998-07-16", "1998-07-23", "1998-07-30", "1998-08-06", "1998-08-13",
        "1998-08-20", "1998-08-27", "1999-06-03", "1999-06-10", "1999-06-17", "1999-06-24",
        "1999-07-01", "1999-07-08", "1999-07-15", "1999-07-22", "1999-07-29", "1999-08-05",
        "1999-08-12", "1999-08-19", "1999-08-26",
    ]),
    RecurrenceVector("RFC: every Friday the 13th", "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13", from: "1997-09-02", through: "2000-10-13", [
        "1998-02-13", "1998-03-13", "1998-11-13", "1999-08-13", "2000-10-13",
    ]),
    RecurrenceVector("RFC: the first Saturday after the first Sunday", "FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=7,8,9,10,11,12,13", from: "1997-09-13", through: "1998-06-13", [
        "1997-09-13", "1997-10-11", "1997-11-08", "1997-12-13", "1998-01-10", "1998-02-07",
        "1998-03-07", "1998-04-11", "1998-05-09", "1998-06-13",
    ]),
    RecurrenceVector("RFC: US presidential election day", "FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8", from: "1996-11-05", through: "2004-11-02", [
        "1996-11-05", "2000-11-07", "2004-11-02",
    ]),
    RecurrenceVector("RFC: the third Tuesday, Wednesday or Thursday, three times", "FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3", from: "1997-09-04", through: "1999-12-31", [
        "1997-09-04", "1997-10-07", "1997-11-06",
    ]),
    RecurrenceVector("RFC: the second-to-last weekday of the month", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2", from: "1997-09-29", through: "1998-03-30", [
        "1997-09-29", "1997-10-30", "1997-11-27", "1997-12-30", "1998-01-29", "1998-02-26",
        "1998-03-30",
    ]),
    RecurrenceVector("RFC: WKST=MO decides the weeks", "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO", from: "1997-08-05", through: "1999-12-31", [
        "1997-08-05", "1997-08-10", "1997-08-19", "1997-08-24",
    ]),
    RecurrenceVector("RFC: WKST=SU decides the weeks", "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU", from: "1997-08-05", through: "1999-12-31", [
        "1997-08-05", "1997-08-17", "1997-08-19", "1997-08-31",
    ]),
    RecurrenceVector("RFC: the 30th is skipped in February, not moved", "FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5", from: "2007-01-15", through: "2009-12-31", [
        "2007-01-15", "2007-01-30", "2007-02-15", "2007-03-15", "2007-03-30",
    ]),
]

/// Rules a council's boards meet by, and the edges of the rule semantics (checked against
/// python-dateutil).
let councilRules: [RecurrenceVector] = [
    RecurrenceVector("second tuesday monthly", "FREQ=MONTHLY;BYDAY=2TU", from: "2017-09-01", through: "2018-03-31", [
        "2017-09-12", "2017-10-10", "2017-11-14", "2017-12-12", "2018-01-09", "2018-02-13",
        "2018-03-13",
    ]),
    RecurrenceVector("last wednesday every other month", "FREQ=MONTHLY;INTERVAL=2;BYDAY=-1WE", from: "2017-05-01", through: "2018-07-31", [
        "2017-05-31", "2017-07-26", "2017-09-27", "2017-11-29", "2018-01-31", "2018-03-28",
        "2018-05-30", "2018-07-25",
    ]),
    RecurrenceVector("quarterly second wednesday", "FREQ=YEARLY;BYMONTH=3,6,9,12;BYDAY=2WE", from: "2017-04-01", through: "2019-03-31", [
        "2017-06-14", "2017-09-13", "2017-12-13", "2018-03-14", "2018-06-13", "2018-09-12",
        "2018-12-12", "2019-03-13",
    ]),
    RecurrenceVector("start not matching is not counted", "FREQ=MONTHLY;COUNT=3;BYDAY=2TU", from: "2017-11-15", through: "2019-12-31", [
        "2017-12-12", "2018-01-09", "2018-02-13",
    ]),
    RecurrenceVector("start matching counts as first", "FREQ=MONTHLY;COUNT=3;BYDAY=2TU", from: "2017-11-14", through: "2019-12-31", [
        "2017-11-14", "2017-12-12", "2018-01-09",
    ]),
    RecurrenceVector("weekly defaults to start weekday", "FREQ=WEEKLY;INTERVAL=2", from: "2017-11-14", through: "2018-01-31", [
        "2017-11-14", "2017-11-28", "2017-12-12", "2017-12-26", "2018-01-09", "2018-01-23",
    ]),
    RecurrenceVector("monthly defaults to start day, skipping short months", "FREQ=MONTHLY", from: "2018-01-31", through: "2018-12-31", [
        "2018-01-31", "2018-03-31", "2018-05-31", "2018-07-31", "2018-08-31", "2018-10-31",
        "2018-12-31",
    ]),
    RecurrenceVector("yearly defaults to start day and month", "FREQ=YEARLY", from: "2016-02-29", through: "2025-12-31", [
        "2016-02-29", "2020-02-29", "2024-02-29",
    ]),
    RecurrenceVector("yearly with bymonth defaults day", "FREQ=YEARLY;BYMONTH=1,7", from: "2017-03-15", through: "2019-12-31", [
        "2017-07-15", "2018-01-15", "2018-07-15", "2019-01-15", "2019-07-15",
    ]),
    RecurrenceVector("yearly ordinal in year", "FREQ=YEARLY;BYDAY=-1FR", from: "2017-01-01", through: "2020-12-31", [
        "2017-12-29", "2018-12-28", "2019-12-27", "2020-12-25",
    ]),
    RecurrenceVector("last working day of month", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=6", from: "2017-04-01", through: "2019-12-31", [
        "2017-04-28", "2017-05-31", "2017-06-30", "2017-07-31", "2017-08-31", "2017-09-29",
    ]),
    RecurrenceVector("fifth monday only when there is one", "FREQ=MONTHLY;BYDAY=5MO", from: "2018-01-01", through: "2018-12-31", [
        "2018-01-29", "2018-04-30", "2018-07-30", "2018-10-29", "2018-12-31",
    ]),
    RecurrenceVector("weekly with bymonth limits", "FREQ=WEEKLY;BYDAY=TH;BYMONTH=9", from: "2017-08-01", through: "2018-09-30", [
        "2017-09-07", "2017-09-14", "2017-09-21", "2017-09-28", "2018-09-06", "2018-09-13",
        "2018-09-20", "2018-09-27",
    ]),
    RecurrenceVector("monthly bymonth limits", "FREQ=MONTHLY;BYMONTH=1,4,7,10;BYDAY=1MO", from: "2017-02-01", through: "2018-12-31", [
        "2017-04-03", "2017-07-03", "2017-10-02", "2018-01-01", "2018-04-02", "2018-07-02",
        "2018-10-01",
    ]),
    RecurrenceVector("last day of february", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1", from: "2015-01-01", through: "2021-12-31", [
        "2015-02-28", "2016-02-29", "2017-02-28", "2018-02-28", "2019-02-28", "2020-02-29",
        "2021-02-28",
    ]),
    RecurrenceVector("29 february leap years only", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", from: "2015-01-01", through: "2025-12-31", [
        "2016-02-29", "2020-02-29", "2024-02-29",
    ]),
    RecurrenceVector("count beyond end is cut at end", "FREQ=MONTHLY;COUNT=12;BYDAY=1MO", from: "2018-01-01", through: "2018-04-30", [
        "2018-01-01", "2018-02-05", "2018-03-05", "2018-04-02",
    ]),
    RecurrenceVector("until as date is inclusive", "FREQ=MONTHLY;BYDAY=2TU;UNTIL=20180213", from: "2017-11-01", through: "2018-12-31", [
        "2017-11-14", "2017-12-12", "2018-01-09", "2018-02-13",
    ]),
]

/// A text the parser must refuse, with the fault it must report.
struct RefusedRule: Sendable, CustomTestStringConvertible {
    let text: String
    let code: RecurrenceRuleError.Code
    /// The part the error must name, in its `part` and in its description.
    let part: String?

    init(_ text: String, _ code: RecurrenceRuleError.Code, part: String?) {
        self.text = text
        self.code = code
        self.part = part
    }

    var testDescription: String { "'\(text)' (\(code))" }
}

let refusedRules: [RefusedRule] = [
    RefusedRule("", .emptyRule, part: nil),
    RefusedRule("  ", .emptyRule, part: nil),
    RefusedRule("RRULE:", .emptyRule, part: nil),
    RefusedRule("FREQ=MONTHLY;BYDAY", .malformedPart, part: nil),
    RefusedRule("FREQ=MONTHLY;=2TU", .malformedPart, part: nil),
    RefusedRule("FREQ=MONTHLY;;BYDAY=2TU", .malformedPart, part: nil),
    RefusedRule("FREQ=MONTHLY;BYDAYS=2TU", .unknownPart, part: "BYDAYS"),
    RefusedRule("FREQ=MONTHLY;DTSTART=20170901", .unknownPart, part: "DTSTART"),
    RefusedRule("FREQ=WEEKLY;BYHOUR=18", .unsupportedPart, part: "BYHOUR"),
    RefusedRule("FREQ=WEEKLY;BYMINUTE=30", .unsupportedPart, part: "BYMINUTE"),
    RefusedRule("FREQ=WEEKLY;BYSECOND=0", .unsupportedPart, part: "BYSECOND"),
    RefusedRule("FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO", .unsupportedPart, part: "BYWEEKNO"),
    RefusedRule("FREQ=YEARLY;INTERVAL=3;COUNT=10;BYYEARDAY=1,100,200", .unsupportedPart, part: "BYYEARDAY"),
    RefusedRule("FREQ=MONTHLY;BYDAY=2TU;FREQ=WEEKLY", .duplicatePart, part: "FREQ"),
    RefusedRule("FREQ=MONTHLY;BYDAY=2TU;BYDAY=4TU", .duplicatePart, part: "BYDAY"),
    RefusedRule("BYDAY=2TU", .missingFrequency, part: "FREQ"),
    RefusedRule("FREQ=DAILY;COUNT=10", .unsupportedFrequency, part: "FREQ"),
    RefusedRule("FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T170000Z", .unsupportedFrequency, part: "FREQ"),
    RefusedRule("FREQ=MINUTELY;INTERVAL=15;COUNT=6", .unsupportedFrequency, part: "FREQ"),
    RefusedRule("FREQ=SECONDLY", .unsupportedFrequency, part: "FREQ"),
    RefusedRule("FREQ=FORTNIGHTLY", .invalidValue, part: "FREQ"),
    RefusedRule("FREQ=", .invalidValue, part: "FREQ"),
    RefusedRule("FREQ=MONTHLY;INTERVAL=0", .invalidValue, part: "INTERVAL"),
    RefusedRule("FREQ=MONTHLY;INTERVAL=-1", .invalidValue, part: "INTERVAL"),
    RefusedRule("FREQ=MONTHLY;INTERVAL=two", .invalidValue, part: "INTERVAL"),
    RefusedRule("FREQ=MONTHLY;INTERVAL=1001", .invalidValue, part: "INTERVAL"),
    RefusedRule("FREQ=MONTHLY;INTERVAL=99999999999999999999", .invalidValue, part: "INTERVAL"),
    RefusedRule("FREQ=MONTHLY;COUNT=0", .invalidValue, part: "COUNT"),
    RefusedRule("FREQ=MONTHLY;COUNT=ten", .invalidValue, part: "COUNT"),
    RefusedRule("FREQ=MONTHLY;UNTIL=2017-12-31", .invalidValue, part: "UNTIL"),
    RefusedRule("FREQ=MONTHLY;UNTIL=20170231", .invalidValue, part: "UNTIL"),
    RefusedRule("FREQ=MONTHLY;UNTIL=20171231T240000Z", .invalidValue, part: "UNTIL"),
    RefusedRule("FREQ=MONTHLY;UNTIL=20171231T180000", .invalidValue, part: "UNTIL"),
    RefusedRule("FREQ=MONTHLY;COUNT=5;UNTIL=20171231", .countWithUntil, part: "COUNT"),
    RefusedRule("FREQ=MONTHLY;BYDAY=2XX", .invalidValue, part: "BYDAY"),
    RefusedRule("FREQ=MONTHLY;BYDAY=TUESDAY", .invalidValue, part: "BYDAY"),
    RefusedRule("FREQ=MONTHLY;BYDAY=0TU", .invalidValue, part: "BYDAY"),
    RefusedRule("FREQ=MONTHLY;BYDAY=6TU", .invalidValue, part: "BYDAY"),
    RefusedRule("FREQ=MONTHLY;BYDAY=-6TU", .invalidValue, part: "BYDAY"),
    RefusedRule("FREQ=YEARLY;BYDAY=54MO", .invalidValue, part: "BYDAY"),
    RefusedRule("FREQ=MONTHLY;BYDAY=TU,,TH", .invalidValue, part: "BYDAY"),
    RefusedRule("FREQ=WEEKLY;BYDAY=2TU", .ordinalNotAllowed, part: "BYDAY"),
    RefusedRule("FREQ=MONTHLY;BYMONTH=13", .invalidValue, part: "BYMONTH"),
    RefusedRule("FREQ=MONTHLY;BYMONTH=0", .invalidValue, part: "BYMONTH"),
    RefusedRule("FREQ=MONTHLY;BYMONTH=-1", .invalidValue, part: "BYMONTH"),
    RefusedRule("FREQ=MONTHLY;BYMONTHDAY=0", .invalidValue, part: "BYMONTHDAY"),
    RefusedRule("FREQ=MONTHLY;BYMONTHDAY=32", .invalidValue, part: "BYMONTHDAY"),
    RefusedRule("FREQ=MONTHLY;BYMONTHDAY=-32", .invalidValue, part: "BYMONTHDAY"),
    RefusedRule("FREQ=MONTHLY;BYMONTHDAY=1st", .invalidValue, part: "BYMONTHDAY"),
    RefusedRule("FREQ=WEEKLY;BYMONTHDAY=1", .partNotAllowed, part: "BYMONTHDAY"),
    RefusedRule("FREQ=MONTHLY;BYSETPOS=1", .setPositionAlone, part: "BYSETPOS"),
    RefusedRule("FREQ=MONTHLY;BYDAY=MO;BYSETPOS=0", .invalidValue, part: "BYSETPOS"),
    RefusedRule("FREQ=MONTHLY;BYDAY=MO;BYSETPOS=367", .invalidValue, part: "BYSETPOS"),
    RefusedRule("FREQ=WEEKLY;WKST=XX", .invalidValue, part: "WKST"),
]

private func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }

@Suite("RecurrenceRule")
struct RecurrenceRuleTests {
    @Test("the RFC 5545 examples give the RFC's dates", arguments: rfc5545Examples)
    func rfcExample(_ vector: RecurrenceVector) throws {
        let rule = try RecurrenceRule(parsing: vector.rule)
        #expect(rule.occurrences(startingOn: vector.start, through: vector.end) == vector.expected)
    }

    @Test("council meeting rules give the dates dateutil gives", arguments: councilRules)
    func councilRule(_ vector: RecurrenceVector) throws {
        let rule = try RecurrenceRule(parsing: vector.rule)
        #expect(rule.occurrences(startingOn: vector.start, through: vector.end) == vector.expected)
    }

    @Test("the Overview and Scrutiny Committee's second Tuesdays of 2017/18")
    func scrutinySecondTuesdays() throws {
        let rule = try RecurrenceRule(parsing: "FREQ=MONTHLY;BYDAY=2TU")
        let dates = rule.occurrences(startingOn: day("2017-04-01"), through: day("2018-03-31"))
        #expect(dates.count == 12)
        #expect(dates.contains(day("2017-11-14")))
        #expect(dates.allSatisfy { $0.weekday == .tuesday && (8...14).contains($0.day) })
    }

    @Test(
        "a rule is written back in its canonical text",
        arguments: [
            ("freq=monthly;byday=2tu", "FREQ=MONTHLY;BYDAY=2TU"),
            ("RRULE:BYDAY=-1WE;INTERVAL=2;FREQ=MONTHLY", "FREQ=MONTHLY;INTERVAL=2;BYDAY=-1WE"),
            ("FREQ=YEARLY;BYDAY=2WE;BYMONTH=12,3,9,6,3", "FREQ=YEARLY;BYMONTH=3,6,9,12;BYDAY=2WE"),
            ("FREQ=WEEKLY;INTERVAL=1;WKST=MO;BYDAY=TH,TU", "FREQ=WEEKLY;BYDAY=TU,TH"),
            ("FREQ=MONTHLY;COUNT=10;BYMONTHDAY=-1,1", "FREQ=MONTHLY;BYMONTHDAY=1,-1;COUNT=10"),
            ("FREQ=MONTHLY;BYDAY=-1SU,1SU,SU", "FREQ=MONTHLY;BYDAY=SU,1SU,-1SU"),
            ("FREQ=WEEKLY;UNTIL=19971224T000000Z;WKST=SU", "FREQ=WEEKLY;WKST=SU;UNTIL=19971224T000000Z"),
            ("FREQ=MONTHLY;BYSETPOS=-1;BYDAY=MO,TU,WE,TH,FR", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1"),
            (" FREQ=MONTHLY ; BYDAY=+2TU ; ", "FREQ=MONTHLY;BYDAY=2TU"),
            ("FREQ=YEARLY;UNTIL=20190331", "FREQ=YEARLY;UNTIL=20190331"),
        ])
    func canonicalText(input: String, canonical: String) throws {
        let rule = try RecurrenceRule(parsing: input)
        #expect(rule.description == canonical)
        #expect(try RecurrenceRule(parsing: canonical) == rule)
    }

    @Test("the same rule written two ways is one value")
    func equalRules() throws {
        let a = try RecurrenceRule(parsing: "FREQ=YEARLY;BYMONTH=3,6,9,12;BYDAY=2WE")
        let b = try RecurrenceRule(parsing: "byday=2we;bymonth=12,9,6,3;freq=yearly;interval=1")
        #expect(a == b)
        #expect(Set([a, b]).count == 1)
    }

    @Test("a rule encodes as its canonical text and decodes from any valid text")
    func codable() throws {
        let rule = try RecurrenceRule(parsing: "BYDAY=-1WE;FREQ=MONTHLY;INTERVAL=2")
        let json = try JSONEncoder().encode([rule])
        #expect(String(decoding: json, as: UTF8.self) == #"["FREQ=MONTHLY;INTERVAL=2;BYDAY=-1WE"]"#)
        #expect(try JSONDecoder().decode([RecurrenceRule].self, from: json) == [rule])
        let written = Data(#"["freq=monthly;byday=2tu"]"#.utf8)
        #expect(try JSONDecoder().decode([RecurrenceRule].self, from: written).first?.description == "FREQ=MONTHLY;BYDAY=2TU")
    }

    @Test("decoding a bad rule fails with the rule's own error message")
    func decodingBadRule() {
        let json = Data(#"["FREQ=DAILY"]"#.utf8)
        #expect {
            try JSONDecoder().decode([RecurrenceRule].self, from: json)
        } throws: { error in
            guard case DecodingError.dataCorrupted(let context) = error else { return false }
            return context.debugDescription.contains("FREQ=DAILY is not supported")
        }
    }

    @Test("a rule built from its parts equals the parsed one")
    func memberwise() throws {
        let built = try RecurrenceRule(
            frequency: .yearly, byMonth: [12, 3, 6, 9], byDay: [.init(.wednesday, ordinal: 2)])
        #expect(built == (try RecurrenceRule(parsing: "FREQ=YEARLY;BYMONTH=3,6,9,12;BYDAY=2WE")))
        #expect(throws: RecurrenceRuleError.self) {
            try RecurrenceRule(frequency: .weekly, byDay: [.init(.tuesday, ordinal: 2)])
        }
    }

    @Test("an unbounded rule stops at the end it is given")
    func unboundedStopsAtEnd() throws {
        let rule = try RecurrenceRule(parsing: "FREQ=WEEKLY;BYDAY=MO")
        let dates = rule.occurrences(startingOn: day("2017-01-01"), through: day("2017-03-31"))
        #expect(dates.count == 13)
        #expect(dates.last == day("2017-03-27"))
    }

    @Test("an end before the start gives no dates")
    func endBeforeStart() throws {
        let rule = try RecurrenceRule(parsing: "FREQ=MONTHLY;BYDAY=2TU")
        #expect(rule.occurrences(startingOn: day("2018-01-01"), through: day("2017-12-31")).isEmpty)
    }

    @Test("COUNT counts from the start even when the end cuts the list short")
    func countFromStart() throws {
        let rule = try RecurrenceRule(parsing: "FREQ=MONTHLY;BYDAY=2TU;COUNT=3")
        let start = day("2017-09-01")
        #expect(rule.occurrences(startingOn: start, through: day("2017-10-31")) == [day("2017-09-12"), day("2017-10-10")])
        #expect(rule.occurrences(startingOn: start, through: day("2030-12-31")).last == day("2017-11-14"))
    }

    @Test(
        "a UTC UNTIL bounds the dates by its date in London",
        arguments: [
            // 23:00 UTC on 30 June is midnight on 1 July in summer time: 1 July still occurs.
            ("20170630T230000Z", "2017-07-01"),
            ("20170630T225959Z", "2017-06-01"),
            // In winter London is on UTC: 23:00 UTC on 31 December is still 31 December.
            ("20171231T230000Z", "2017-12-01"),
            ("20180101T000000Z", "2018-01-01"),
        ])
    func untilInstant(until: String, lastExpected: String) throws {
        let rule = try RecurrenceRule(parsing: "FREQ=MONTHLY;BYMONTHDAY=1;UNTIL=\(until)")
        let dates = rule.occurrences(startingOn: day("2017-01-01"), through: day("2019-12-31"))
        #expect(dates.last == day(lastExpected))
    }

    @Test(
        "a rule that can never match gives no dates, even with no end in sight",
        .timeLimit(.minutes(1)),
        arguments: [
            "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=31",
            "FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=30;COUNT=5",
            "FREQ=YEARLY;BYMONTH=4,6,9,11;BYMONTHDAY=-31",
            "FREQ=YEARLY;BYMONTH=6;BYDAY=6MO",
            // From 2017 every fourth year is never a leap year.
            "FREQ=YEARLY;INTERVAL=4;BYMONTH=2;BYMONTHDAY=29;COUNT=1",
            "FREQ=WEEKLY;BYDAY=MO;BYMONTH=2;BYSETPOS=5;INTERVAL=4",
        ])
    func neverMatches(text: String) throws {
        let rule = try RecurrenceRule(parsing: text)
        #expect(rule.occurrences(startingOn: day("2017-01-01"), through: day("9999-12-31")).isEmpty)
    }

    @Test("a refused rule says which part is wrong", arguments: refusedRules)
    func refused(_ refused: RefusedRule) {
        #expect {
            try RecurrenceRule(parsing: refused.text)
        } throws: { error in
            guard let error = error as? RecurrenceRuleError else { return false }
            let namesPart = refused.part.map { error.description.contains($0) } ?? true
            return error.code == refused.code && error.part == refused.part && namesPart && !error.description.isEmpty
        }
    }

    @Test("error messages read as advice")
    func errorMessages() {
        func message(_ text: String) -> String {
            do {
                _ = try RecurrenceRule(parsing: text)
                return ""
            } catch {
                return error.description
            }
        }
        #expect(message("FREQ=DAILY") == "FREQ=DAILY is not supported: meeting calendars recur WEEKLY, MONTHLY or YEARLY")
        #expect(message("FREQ=MONTHLY;BYDAY=2XX").hasPrefix("BYDAY value '2XX' is not valid: expected a weekday code"))
        #expect(message("FREQ=WEEKLY;BYDAY=2TU").contains("in a WEEKLY rule write TU"))
        #expect(message("FREQ=MONTHLY;COUNT=5;UNTIL=20171231").hasPrefix("COUNT and UNTIL cannot both be given"))
    }
}
