import Foundation
import GRDB
import QuorumDomain

// Dates and times are stored as their ISO text so that the file reads well in sqlite3 and
// sorts correctly as text.

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
    /// ISO 8601 with offset, UTC, to the second: how instants are stored.
    var storageText: String {
        formatted(.iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: false).timeSeparator(.colon).timeZone(separator: .omitted))
    }
}
