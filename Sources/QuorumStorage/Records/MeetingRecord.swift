import Foundation
import GRDB
import QuorumDomain

/// A row of `meeting`.
struct MeetingRecord: Codable, Sendable {
    var id: String
    var boardCode: String
    var date: LocalDate
    var time: LocalTime
    var venue: String
    var origin: Meeting.Origin
    var addedBy: String?
    var createdAt: Date

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let boardCode = Column(CodingKeys.boardCode)
        static let date = Column(CodingKeys.date)
        static let time = Column(CodingKeys.time)
        static let venue = Column(CodingKeys.venue)
        static let origin = Column(CodingKeys.origin)
        static let addedBy = Column(CodingKeys.addedBy)
        static let createdAt = Column(CodingKeys.createdAt)
    }
}

extension MeetingRecord: StoresInstantsAsText, FetchableRecord, PersistableRecord {
    static let databaseTableName = "meeting"

    init(_ meeting: Meeting, addedBy: String?, createdAt: Date) {
        self.init(
            id: meeting.id, boardCode: meeting.boardCode, date: meeting.date, time: meeting.time,
            venue: meeting.venue, origin: meeting.origin, addedBy: addedBy, createdAt: createdAt)
    }

    var meeting: Meeting {
        Meeting(boardCode: boardCode, date: date, time: time, venue: venue, origin: origin)
    }
}

extension DerivableRequest<MeetingRecord> {
    func filter(board code: String) -> Self {
        filter(MeetingRecord.Columns.boardCode == code)
    }

    func orderedByDate() -> Self {
        order(MeetingRecord.Columns.date)
    }
}
