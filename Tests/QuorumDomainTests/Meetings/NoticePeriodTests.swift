import Testing

@testable import QuorumDomain

private func d(_ text: String) -> LocalDate { LocalDate(iso: text)! }

@Suite("Notice periods in clear calendar days and clear working days")
struct NoticePeriodTests {
    let calendar = WorkingDayCalendar(bankHolidays: BankHolidays())

    @Test("calendar-day periods agree with the calendar's notice deadline; working-day ones with publication")
    func reusesTheCalendar() {
        #expect(NoticePeriod.keyDecision.deadline(before: d("2017-11-14"), calendar: calendar) == d("2017-10-16"))
        #expect(NoticePeriod.publication.deadline(before: d("2018-12-12"), calendar: calendar) == d("2018-12-04"))
        #expect(NoticePeriod.generalException.deadline(before: d("2018-12-27"), calendar: calendar) == d("2018-12-21"))
    }

    @Test("clear days leave out both ends; a notice on or after the day leaves none")
    func clearDays() {
        #expect(NoticePeriod.keyDecision.clearDays(from: d("2017-10-16"), to: d("2017-11-14"), calendar: calendar) == 28)
        #expect(NoticePeriod.generalException.clearDays(from: d("2018-12-13"), to: d("2018-12-14"), calendar: calendar) == 0)
        #expect(NoticePeriod.generalException.clearDays(from: d("2018-12-15"), to: d("2018-12-14"), calendar: calendar) == 0)
        // 22-26 December 2018: five calendar days, one working day.
        #expect(NoticePeriod.generalException.clearDays(from: d("2018-12-21"), to: d("2018-12-27"), calendar: calendar) == 5)
        #expect(NoticePeriod.publication.clearDays(from: d("2018-12-21"), to: d("2018-12-27"), calendar: calendar) == 1)
        #expect(NoticePeriod.generalException.isMet(givenOn: d("2018-12-21"), before: d("2018-12-27"), calendar: calendar))
        #expect(!NoticePeriod.publication.isMet(givenOn: d("2018-12-21"), before: d("2018-12-27"), calendar: calendar))
    }
}
