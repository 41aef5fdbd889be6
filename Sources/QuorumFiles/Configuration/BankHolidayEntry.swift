import QuorumDomain

/// A council's change to the England and Wales bank holidays, from `bank_holidays:` in the
/// configuration file.
///
/// It has the same cases as the domain's `BankHolidayAdjustment`, which did not exist when
/// this module was written: once it does, this type can become a typealias of it.
public enum BankHolidayEntry: Hashable, Sendable {
    /// A one-off holiday (`{ date: 2022-06-03, name: Platinum Jubilee }`).
    case added(LocalDate, name: String)
    /// A holiday moved from its usual date (`{ moved_from: 2020-05-04, to: 2020-05-08, name: … }`):
    /// the usual date is a working day again.
    case moved(from: LocalDate, to: LocalDate, name: String)
}
