/// The kinds of notice Quorum sends, each with three templates in `Notifications/`:
/// `<kind>.subject.mustache`, `<kind>.text.mustache` and `<kind>.html.mustache`.
///
/// The raw values are the file names' stems; the reminder kinds match `Notice.Kind`'s raw
/// values with `.` read as `_` (`action.digest` → `action_digest`).
public enum NotificationKind: String, Hashable, Sendable, CaseIterable, Codable {
    /// An action lead's digest of their due and overdue actions.
    case actionDigest = "action_digest"
    /// A report owner's reminder before the draft deadline.
    case reportDue = "report_due"
    /// A report owner's late notice, copied to the board secretary.
    case reportLate = "report_late"
    /// A secretary's warning: a report falls due but the board has no meeting to take it.
    case reportUnscheduled = "report_unscheduled"
    /// Board members' notice that a meeting pack is published.
    case packPublished = "pack_published"
    /// A single-use sign-in link that a user asked the portal for.
    case signInLink = "signin_link"
    /// Whoever holds a report's clearance step after its due date.
    case clearanceLate = "clearance_late"
    /// `quorum notify test`: proves the mail settings work.
    case test = "test"

    /// The template files of this kind, in the order subject, text, HTML.
    public var fileNames: [String] {
        TemplatePart.allCases.map { fileName(of: $0) }
    }

    func fileName(of part: TemplatePart) -> String {
        "\(rawValue).\(part.rawValue).mustache"
    }
}
