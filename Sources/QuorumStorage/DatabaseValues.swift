import Foundation
import GRDB
import QuorumDomain

// Dates, times and instants are stored as their ISO text so that the file reads well in sqlite3
// and sorts correctly as text.

extension LocalDate: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { description.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> LocalDate? {
        String.fromDatabaseValue(dbValue).flatMap { LocalDate(iso: $0) }
    }
}

extension LocalTime: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { description.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> LocalTime? {
        String.fromDatabaseValue(dbValue).flatMap { LocalTime(iso: $0) }
    }
}

extension Role: DatabaseValueConvertible {}
extension ActionStatus: DatabaseValueConvertible {}
extension Polarity: DatabaseValueConvertible {}
extension PackPart: DatabaseValueConvertible {}
extension PackFormat: DatabaseValueConvertible {}
extension Meeting.Origin: DatabaseValueConvertible {}

extension Date {
    /// How an instant is stored (`2017-11-06T09:00:00Z`): ISO 8601 UTC text to the second, which
    /// reads well in sqlite3 and sorts as text in time order. Records write their `Date`
    /// properties in this form (``StoresInstantsAsText``); a statement argument or a column
    /// comparison passes this text, never the `Date`, whose own database value is GRDB's
    /// `yyyy-MM-dd HH:mm:ss.SSS` and would compare wrongly with the stored text.
    var storageText: String { utcISOText }

    /// The instant as it reads back from storage: to the whole second.
    var storedInstant: Date { Date(timeIntervalSince1970: TimeInterval(unixSeconds)) }

    /// The instant that a stored value names: the storage text, or any other ISO 8601 form with
    /// `Z` or an offset (`InstantText`), a fraction of a second dropped, or GRDB's own
    /// `yyyy-MM-dd HH:mm:ss.SSS` in UTC (what a `Date` passed straight as an argument would have
    /// written). Nil for anything else.
    static func fromStorage(_ dbValue: DatabaseValue) -> Date? {
        guard var text = String.fromDatabaseValue(dbValue) else { return nil }
        if text.contains(" ") { return Date.fromDatabaseValue(dbValue) }
        if let dot = text.firstIndex(of: ".") {
            text.removeSubrange(dot..<(text[dot...].dropFirst().firstIndex { !$0.isNumber } ?? text.endIndex))
        }
        // InstantText reads a form without an offset as London time; a stored instant always has one.
        let zone = text.dropLast(5).last
        guard text.hasSuffix("Z") || zone == "+" || zone == "-" else { return nil }
        return InstantText.parse(text)
    }
}

/// A record whose `Date` properties are instants, stored as ``Foundation/Date/storageText``:
/// every record with an instant column conforms, so that its `Date`s are written and read in
/// that form rather than in GRDB's default (`yyyy-MM-dd HH:mm:ss.SSS`), which existing files,
/// text comparisons (`nextAttemptAt <= ?`) and orderings by these columns do not use.
protocol StoresInstantsAsText: FetchableRecord, EncodableRecord {}

extension StoresInstantsAsText {
    static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy {
        .custom(Date.fromStorage)
    }

    static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy {
        .custom { $0.storageText }
    }
}
