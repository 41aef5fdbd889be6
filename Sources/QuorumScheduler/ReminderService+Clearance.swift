import Foundation
import QuorumDomain
import QuorumStorage

extension ReminderService {
    /// The clearance chases a sweep on `date` finds: each report not yet in a pack whose waiting
    /// step is past its due date, to that step's holder.
    func clearanceChases(on date: LocalDate, boards: [Board]) async throws -> [Notice] {
        let open = try await database.openClearances()
        guard !open.isEmpty else { return [] }
        let byCode = Dictionary(uniqueKeysWithValues: boards.map { ($0.code, $0) })
        var reports: [ClearanceChasePlanner.Report] = []
        for stored in open {
            guard let meeting = try await database.meeting(id: stored.meetingID), let board = byCode[meeting.boardCode] else { continue }
            reports.append(
                ClearanceChasePlanner.Report(
                    meetingID: meeting.id, itemKey: stored.itemKey,
                    title: stored.title, board: board, meetingDate: meeting.date,
                    publishBy: PackRules.publishBy(meeting, workingDays: schedule.workingDays), clearance: stored.clearance))
        }
        let officers = try await database.people(withRoles: [.finance, .legal])
        return ClearanceChasePlanner(schedule: configuration.clearance, workingDays: schedule.workingDays)
            .notices(on: date, reports: reports, officers: officers)
    }
}
