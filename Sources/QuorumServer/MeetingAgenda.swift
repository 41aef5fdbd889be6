import QuorumDomain
import QuorumStorage

/// A meeting's whole agenda: the opening items, a report item for each cycle occurrence bound to
/// the meeting, then the items its secretary added, numbered in that order.
struct MeetingAgenda: Sendable {
    struct Entry: Sendable {
        /// `opening:1`, `report:OSC/performance/2017-11` or `item:7`: stable across versions.
        var key: String
        var number: Int
        var title: String
        var kind: AgendaItem.Kind
        var ownerEmail: String?
        var isKeyDecision: Bool
        var exemptParagraph: Int?
        var noticeGiven: LocalDate?
        var occurrence: CycleOccurrence?
        var cycle: ReportingCycle?

        /// Whether a report is expected for it (a cycle's report, or an added item).
        var takesReport: Bool { !key.hasPrefix("opening:") }
    }

    let meeting: Meeting
    let board: Board
    let entries: [Entry]

    /// Finds an entry by its number on the agenda or by its key.
    func entry(_ reference: String) -> Entry? {
        if let number = Int(reference) { return entries.first { $0.number == number } }
        return entries.first { $0.key == reference }
    }
}

extension ServerContext {
    func agenda(of meeting: Meeting) async throws -> MeetingAgenda {
        let board = try await board(meeting.boardCode, for: "agenda")
        let reports = try await occurrences(of: board).filter { $0.occurrence.meetingDate == meeting.date }
        let added = try await database.agendaItems(meetingID: meeting.id)
        var entries: [MeetingAgenda.Entry] = []
        for title in AgendaItem.openingTitles {
            entries.append(
                .init(
                    key: "opening:\(entries.count + 1)", number: entries.count + 1, title: title, kind: .standard,
                    ownerEmail: nil, isKeyDecision: false, exemptParagraph: nil, noticeGiven: nil, occurrence: nil, cycle: nil))
        }
        for report in reports {
            entries.append(
                .init(
                    key: "report:\(report.occurrence.id)", number: entries.count + 1, title: report.cycle.title, kind: .report,
                    ownerEmail: report.cycle.owner.email, isKeyDecision: false, exemptParagraph: nil, noticeGiven: nil,
                    occurrence: report.occurrence, cycle: report.cycle))
        }
        for item in added {
            entries.append(
                .init(
                    key: item.key, number: entries.count + 1, title: item.title, kind: .report, ownerEmail: item.ownerEmail,
                    isKeyDecision: item.isKeyDecision, exemptParagraph: item.exemptParagraph, noticeGiven: item.noticeGiven,
                    occurrence: nil, cycle: nil))
        }
        return MeetingAgenda(meeting: meeting, board: board, entries: entries)
    }

    /// The meeting with that id, or NOTFOUND naming the command.
    func meeting(_ id: String, for command: String) async throws -> Meeting {
        guard let meeting = try await database.meeting(id: id) else {
            throw CommandError(.notfound, "\(command): no meeting '\(id)' (ids look like OSC-2017-11-14)")
        }
        return meeting
    }
}
