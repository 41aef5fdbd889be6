import QuorumDomain
import Testing

@Suite("Review dates as plans write them")
struct ReviewDateTests {
    private static func day(_ iso: String) -> ReviewDate { .date(LocalDate(iso: iso)!) }

    @Test(
        "accepted forms",
        arguments: [
            ("2017-10-31", day("2017-10-31")),
            ("2017-10", day("2017-10-31")),
            ("Oct 2017", day("2017-10-31")),
            ("October 2017", day("2017-10-31")),
            ("oct 2017", day("2017-10-31")),
            ("OCTOBER 2017", day("2017-10-31")),
            ("oCt 2017", day("2017-10-31")),
            ("Octo 2017", day("2017-10-31")),
            ("Dece 2017", day("2017-12-31")),
            ("Novembe 2017", day("2017-11-30")),
            ("Mar 2018", day("2018-03-31")),
            ("May 2018", day("2018-05-31")),
            ("Jul 2018", day("2018-07-31")),
            ("Aug 2018", day("2018-08-31")),
            ("Apr 2020", day("2020-04-30")),
            ("Oct. 2017", day("2017-10-31")),
            ("Oct, 2017", day("2017-10-31")),
            ("Oct   2017", day("2017-10-31")),
            ("Oct \n2017", day("2017-10-31")),
            ("  Oct 2017\t", day("2017-10-31")),
            ("Sept 2017", day("2017-09-30")),
            ("Sep 2017", day("2017-09-30")),
            ("September 2017", day("2017-09-30")),
            ("Nov 2017", day("2017-11-30")),
            ("Dec, 2017", day("2017-12-31")),
            ("Jan 2018", day("2018-01-31")),
            ("March 2018", day("2018-03-31")),
            ("June 2018", day("2018-06-30")),
            ("Feb 2017", day("2017-02-28")),
            ("Feb 2016", day("2016-02-29")),
            ("2016-02", day("2016-02-29")),
            ("2017-02-28", day("2017-02-28")),
            ("31 Oct 2017", day("2017-10-31")),
            ("1 November 2017", day("2017-11-01")),
            ("31/10/2017", day("2017-10-31")),
            ("5/1/2018", day("2018-01-05")),
            ("Ongoing", ReviewDate.ongoing),
            ("ongoing", .ongoing),
            (" ONGOING ", .ongoing),
            ("Completed", .completed),
            ("completed", .completed),
            ("Complete", .completed),
        ])
    func accepts(text: String, expected: ReviewDate) throws {
        #expect(try ReviewDate(parsing: text) == expected)
    }

    @Test(
        "refused forms say why",
        arguments: [
            ("", "empty"),
            ("   ", "empty"),
            ("Dec 202017", "'202017' is not four digits"),
            ("Oct, 202017", "'202017' is not four digits"),
            ("Oct 17", "'17' is not four digits"),
            ("Smarch 2018", "'Smarch' is not the name of a month"),
            ("Ma 2018", "'Ma' is not the name of a month"),
            ("Octx 2017", "'Octx' is not the name of a month"),
            ("Octoberr 2017", "'Octoberr' is not the name of a month"),
            ("Septembers 2017", "'Septembers' is not the name of a month"),
            ("Oct 20170", "'20170' is not four digits"),
            ("Oct 201", "'201' is not four digits"),
            ("Oct 2017x", "'2017x' is not four digits"),
            ("Oct2017", "write a date like 2017-10-31"),
            ("TBC", "write a date like 2017-10-31"),
            ("next year some time", "write a date like 2017-10-31"),
            ("2017", "write a date like 2017-10-31"),
            ("2017-1-5", "write a date like 2017-10-31"),
            ("2017-13", "month 13 is not 01 to 12"),
            ("2017-00-10", "month 00 is not 01 to 12"),
            ("2017-02-30", "February 2017 has no day 30"),
            ("2017/18", "DD/MM/YYYY"),
            ("31/13/2017", "month 13 is not 1 to 12"),
            ("31/11/2017", "November 2017 has no day 31"),
            ("32 Oct 2017", "'32' is not a day of October 2017"),
        ])
    func refuses(text: String, fragment: String) {
        #expect {
            try ReviewDate(parsing: text)
        } throws: { error in
            guard let error = error as? ReviewDateError else { return false }
            return error.text == text && error.description.hasPrefix("'\(text)' is not a review date: ")
                && error.description.contains(fragment)
        }
    }

    /// The "Progress / Review Date" column of the council's 2017 improvement plan, spelt as the seed spells it.
    @Test(
        "every review date the seed writes, except its mangled years",
        arguments: [
            "Oct 2017", "Ongoing", "Dec 2017", "Oct, 2017", "Dec, 2017", "Sept 2017", "Oct   2017", "Completed",
            "Nov 2017", "Oct \n2017", "March 2018", "Jan 2018", " Oct 2017",
        ])
    func seedSpellings(text: String) throws {
        let date = try ReviewDate(parsing: text)
        if let day = date.date { #expect(day == day.yearMonth.lastDay) }
    }

    @Test("the seed's mangled years (Dec 202017, Oct, 202017) are refused", arguments: ["Dec 202017", "Oct, 202017"])
    func seedMangled(text: String) {
        #expect(throws: ReviewDateError.self) { try ReviewDate(parsing: text) }
    }

    @Test("description reads back as the same review date", arguments: ["2017-10-31", "Oct 2017", "Ongoing", "completed"])
    func roundTrip(text: String) throws {
        let date = try ReviewDate(parsing: text)
        #expect(try ReviewDate(parsing: date.description) == date)
        #expect(ReviewDate(date.description) == date)
    }

    @Test("descriptions are ISO dates, Ongoing and Completed")
    func descriptions() throws {
        #expect(try ReviewDate(parsing: "Sept 2017").description == "2017-09-30")
        #expect(ReviewDate.ongoing.description == "Ongoing")
        #expect(ReviewDate.completed.description == "Completed")
        #expect(try ReviewDate(parsing: "Oct 2017").date == LocalDate(year: 2017, month: 10, day: 31))
        #expect(ReviewDate.ongoing.date == nil)
        #expect(ReviewDate.completed.date == nil)
    }
}
