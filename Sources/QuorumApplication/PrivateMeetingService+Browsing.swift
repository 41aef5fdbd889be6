import Foundation
import QuorumDomain
import QuorumWire

extension PrivateMeetingService {
    /// The notices of intention to hold `meetingID` in private, as published (reg 5): who may see
    /// the meeting may read them, with whether each was given in time. Nil for a meeting with no
    /// exempt item, which needs none.
    /// - Throws: `notFound` for an unknown meeting and for one of a board the user may not see alike.
    public func publishedNotices(meeting meetingID: String, as user: User?) async throws -> PrivateNoticesDocument? {
        try await authorizer.authorize(.noticeView, user)
        let meeting = try await governance.meeting(meetingID)
        guard try await governance.sees(try await governance.board(meeting.boardCode), user) else {
            throw ApplicationError(.notFound, "no meeting '\(meetingID)'")
        }
        let notices = try await document(meeting, asOf: nil)
        return notices.required ? notices : nil
    }
}
