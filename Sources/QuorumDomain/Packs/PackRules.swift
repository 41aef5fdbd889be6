/// The statutory rules around a meeting's pack: when it must be published, who may read which
/// part, what a build must warn of, and whom a publication tells.
public enum PackRules {
    /// The last day the papers may be published: five clear working days before the meeting
    /// (Local Government Act 1972 s100B).
    public static func publishBy(_ meeting: Meeting, workingDays: WorkingDayCalendar) -> LocalDate {
        workingDays.publicationDeadline(forMeetingOn: meeting.date)
    }

    /// Whether publishing on `today` is late; a late publication needs the special circumstances
    /// stated as its reason.
    public static func isLate(publishingOn today: LocalDate, _ meeting: Meeting, workingDays: WorkingDayCalendar) -> Bool {
        today > publishBy(meeting, workingDays: workingDays)
    }

    /// Who may read a part of a pack version.
    ///
    /// - An unpublished version: the board's secretary and admins.
    /// - Part II (exempt, Schedule 12A), or any part of a board that does not meet in public:
    ///   the board's members, its secretary and admins. A private board has no public part.
    /// - Part I of a published version of a public board: anyone (it is public by law).
    public static func readers(of part: PackPart, published: Bool, boardMeetsInPublic: Bool) -> AccessRule {
        let secretary = AccessRule.anyOf([.role(.admin), .secretaryOfBoard])
        guard published else { return secretary }
        if part == .exempt || !boardMeetsInPublic {
            return .anyOf([.role(.admin), .secretaryOfBoard, .memberOfBoard])
        }
        return .anyone
    }

    /// Whether a version is listed to someone at all: unpublished versions only to the secretary,
    /// a private board's versions only to its members.
    public static func listers(published: Bool, boardMeetsInPublic: Bool) -> AccessRule {
        readers(of: .public, published: published, boardMeetsInPublic: boardMeetsInPublic)
    }

    /// The notice warnings of one agenda item: key decisions need Forward Plan notice, and exempt
    /// items notice of a private meeting, 28 clear days before the meeting (2012 Executive
    /// Arrangements regulations, regs 9 and 5).
    public static func noticeWarnings(
        number: Int, title: String, isKeyDecision: Bool, isExempt: Bool, noticeGiven: LocalDate?, meetingDate: LocalDate,
        workingDays: WorkingDayCalendar
    ) -> [String] {
        let deadline = workingDays.noticeDeadline(before: meetingDate)
        let late = noticeGiven.map { $0 > deadline } ?? true
        guard late else { return [] }
        let given = "(needed by \(deadline)\(noticeGiven.map { "; given \($0)" } ?? ""))"
        var warnings: [String] = []
        if isKeyDecision {
            warnings.append("Item \(number), \(title): a key decision without notice in the Forward Plan 28 clear days before \(given)")
        }
        if isExempt {
            warnings.append("Item \(number), \(title): exempt, without notice of a private meeting 28 clear days before \(given)")
        }
        return warnings
    }

    /// The warning for an item whose report has not been submitted.
    public static func missingReportWarning(number: Int, title: String) -> String {
        "Item \(number), \(title): the report has not been submitted"
    }

    /// The notices a publication sends: one to the chair and each member (each address once),
    /// the first also raising the `pack.published` webhook. Their keys make a repeated
    /// publication enqueue nothing new.
    public static func publicationNotices(board: Board, meeting: Meeting, publication: PackPublication) -> [Notice] {
        var seen = Set<String>()
        let people = ([board.chair] + board.members).filter { seen.insert($0.email.lowercased()).inserted }
        return people.enumerated().map { index, person in
            Notice(
                kind: .packPublished, key: "pack.published|\(person.email.lowercased())|\(publication.packID)", recipient: person,
                dueDate: meeting.date, pack: publication, webhookEvent: index == 0 ? "pack.published" : nil)
        }
    }

    /// The warning for measures that have no figure to show: none of their periods in the
    /// meeting's financial year had ended, with a value, by the day of the meeting. Nil when
    /// every measure has one.
    public static func unreportedMeasuresWarning(_ ids: [String], year: Period?, meetingDate: LocalDate) -> String? {
        guard !ids.isEmpty else { return nil }
        let subject = ids.count == 1 ? "1 measure has" : "\(ids.count) measures have"
        let periods = year.map { "a period of \($0) that had ended" } ?? "any period ended"
        return "Scorecard: \(subject) no figure for \(periods) by the meeting on \(meetingDate): \(ids.joined(separator: ", "))"
    }

    /// The periods a pack's scorecard may show: those that had ended by the meeting, so that a
    /// year's outturn never appears in a pack for a meeting held within that year.
    public static func hasEnded(_ period: Period, by meetingDate: LocalDate) -> Bool {
        period.lastDay < meetingDate
    }
}
