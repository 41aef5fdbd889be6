import QuorumDomain

/// One operation of the application core, with who may run it: the access table is this type's
/// static members, declared together so that HELP, `docs/access.md` and the permission tests all
/// read the same declarations.
public struct Operation: Hashable, Sendable {
    /// A dotted name: `meeting.add`.
    public let name: String
    public let access: AccessRule
    /// For operations whose rule also depends on what they touch (a pack part), the rule in
    /// words; otherwise nil and `access` says it all.
    public let refinement: String?
    /// Whether it changes the store: every such operation is audited (AUDIT shows it), and
    /// `COMMAND INFO` flags its command `write`.
    public let writes: Bool
    /// Whether its document depends only on what is stored, the acting user and today's date in
    /// London: then a front door may keep a reply and give it again until the next committed
    /// write (``Application/dataVersion``) or the next day.
    public let cacheable: Bool

    init(_ name: String, _ access: AccessRule, refinement: String? = nil, writes: Bool = false, cacheable: Bool = false) {
        precondition(!(writes && cacheable), "\(name): a write is never answered from a kept reply")
        self.name = name
        self.access = access
        self.refinement = refinement
        self.writes = writes
        self.cacheable = cacheable
    }

    /// Who may run it, in words.
    public var accessDescription: String {
        refinement ?? access.description
    }
}

extension Operation {
    private static let admin = AccessRule.role(.admin)
    private static let boardSecretary = AccessRule.anyOf([.role(.admin), .secretaryOfBoard])

    // Governance
    public static let boardList = Operation("board.list", .anyone, cacheable: true)
    public static let boardGet = Operation("board.get", .anyone, cacheable: true)
    public static let meetingList = Operation("meeting.list", .anyone, cacheable: true)
    public static let meetingGet = Operation("meeting.get", .anyone, cacheable: true)
    public static let meetingAdd = Operation("meeting.add", boardSecretary, writes: true)
    public static let cycleList = Operation("cycle.list", .anyone, cacheable: true)

    // Users
    public static let userAdd = Operation("user.add", admin, writes: true)
    public static let whoAmI = Operation("user.whoami", .anyone)
    public static let userRevoke = Operation("user.revoke", admin, writes: true)
    public static let userRotate = Operation("user.rotate", admin, writes: true)
    public static let audit = Operation("audit.list", admin)

    // Plan and scorecard
    public static let planImport = Operation("plan.import", .anyOf([admin, .role(.analyst)]), writes: true)
    public static let actionList = Operation("action.list", .signedIn, cacheable: true)
    public static let actionGet = Operation("action.get", .signedIn, cacheable: true)
    public static let actionUpdate = Operation("action.update", .anyOf([admin, .leadOfAction]), writes: true)
    public static let measureList = Operation("measure.list", .anyone, cacheable: true)
    public static let measureSet = Operation("measure.set", .anyOf([admin, .role(.analyst)]), writes: true)
    public static let scorecard = Operation("scorecard.get", .anyone, cacheable: true)

    // Reminders and the outbox
    public static let remindPreview = Operation("remind.preview", .anyOf([admin, .role(.secretary)]))
    public static let remindRun = Operation("remind.run", admin, writes: true)
    public static let outboxList = Operation("outbox.list", admin)
    public static let outboxRetry = Operation("outbox.retry", admin, writes: true)
    public static let notifyTest = Operation("notify.test", admin)

    // Agenda, reports and packs
    public static let itemAdd = Operation("item.add", boardSecretary, writes: true)
    public static let reportSubmit = Operation("report.submit", .anyOf([admin, .secretaryOfBoard, .ownerOfItem]), writes: true)
    public static let packBuild = Operation("pack.build", boardSecretary, writes: true)
    public static let packPublish = Operation("pack.publish", boardSecretary, writes: true)
    public static let packList = Operation(
        "pack.list", .anyone,
        refinement: "anyone for published versions of public boards; members of the board for a private board; secretary of the board, admin for all")
    public static let packGet = Operation(
        "pack.get", .anyone,
        refinement: "anyone for published public parts; members of the board for exempt parts and private boards; secretary of the board, admin for all")

    // Backups
    public static let dataBackup = Operation("data.backup", admin)
    // Before the meeting: the Forward Plan, private-meeting notices, report clearance
    public static let forwardAdd = Operation("forward.add", boardSecretary, writes: true)
    public static let forwardSet = Operation("forward.set", boardSecretary, writes: true)
    public static let forwardLink = Operation("forward.link", boardSecretary, writes: true)
    public static let forwardList = Operation(
        "forward.list", .anyone, refinement: "anyone for published entries; secretary of the decision maker, admin for all")
    public static let forwardGet = Operation(
        "forward.get", .anyone, refinement: "anyone for published entries; secretary of the decision maker, admin for all")
    public static let forwardDocument = Operation("forward.document", .anyone)
    public static let noticeGive = Operation("notice.give", boardSecretary, writes: true)
    /// Reg 5(6): the agreement that a private meeting is urgent, a write of its own in the audit.
    public static let noticeUrgency = Operation("notice.urgency", boardSecretary, writes: true)
    public static let noticeList = Operation("notice.list", boardSecretary)
    public static let meetingReadiness = Operation("meeting.readiness", boardSecretary)
    public static let clearanceGet = Operation("clearance.get", .signedIn)
    // Clearance steps belong to their holders alone, admins included (docs/meetings.md).
    public static let clearanceSubmit = Operation("clearance.submit", .ownerOfItem, writes: true)
    public static let clearanceFinance = Operation("clearance.finance", .role(.finance), writes: true)
    public static let clearanceLegal = Operation("clearance.legal", .role(.legal), writes: true)
    public static let clearanceApprove = Operation("clearance.approve", .signedIn, refinement: "the officer the report is of", writes: true)
    public static let clearanceReturn = Operation(
        "clearance.return", .signedIn, refinement: "whoever holds the report's next step", writes: true)

    /// Every operation, for the access table's docs and tests.
    public static let all: [Operation] = [
        boardList, boardGet, meetingList, meetingGet, meetingAdd, cycleList, userAdd, whoAmI, planImport, actionList, actionGet,
        actionUpdate, measureList, measureSet, scorecard, remindPreview, remindRun, outboxList, outboxRetry, notifyTest, itemAdd,
        reportSubmit, packBuild, packPublish, packList, packGet,
        userRevoke, userRotate, audit,
        dataBackup,
        forwardAdd, forwardSet, forwardLink, forwardList, forwardGet, forwardDocument, noticeGive, noticeUrgency, noticeList,
        meetingReadiness,
        clearanceGet, clearanceSubmit, clearanceFinance, clearanceLegal, clearanceApprove, clearanceReturn,
    ] + afterTheMeeting
}

// After the meeting: attendance, minutes, resolutions, executive decisions, measure targets.
extension Operation {
    private static let boardRecordReaders = AccessRule.anyOf([admin, .secretaryOfBoard, .memberOfBoard])

    public static let attendanceGet = Operation("attendance.get", boardRecordReaders)
    public static let attendanceRecord = Operation("attendance.record", boardSecretary, writes: true)
    public static let attendanceSubstitute = Operation("attendance.substitute", boardSecretary, writes: true)
    public static let interestDeclare = Operation("interest.declare", boardSecretary, writes: true)
    public static let minutesGet = Operation("minutes.get", boardRecordReaders)
    public static let minuteRecord = Operation("minutes.record", boardSecretary, writes: true)
    public static let minutesApprove = Operation("minutes.approve", boardSecretary, writes: true)
    public static let resolutionAdd = Operation("resolution.add", boardSecretary, writes: true)
    public static let resolutionAmend = Operation("resolution.amend", boardSecretary, writes: true)
    /// A resolution's consequences: a new action, an update of one, a requested report.
    public static let resolutionAction = Operation("resolution.action", boardSecretary, writes: true)
    public static let resolutionUpdate = Operation("resolution.update", boardSecretary, writes: true)
    public static let resolutionReport = Operation("resolution.report", boardSecretary, writes: true)
    public static let decisionList = Operation("decision.list", .anyone)
    public static let decisionGet = Operation("decision.get", .anyone)
    /// Recording and publishing belong to the decision maker's secretary.
    public static let decisionRecord = Operation(
        "decision.record", boardSecretary, refinement: "admin, secretary of the decision maker's board", writes: true)
    public static let decisionPublish = Operation(
        "decision.publish", boardSecretary, refinement: "admin, secretary of the decision maker's board", writes: true)
    /// A call-in and its hearing belong to the scrutiny committee's secretary: the board whose file names
    /// the decision maker under `scrutinises:`.
    public static let decisionCallIn = Operation(
        "decision.callin", boardSecretary, refinement: "admin, secretary of the scrutiny committee", writes: true)
    public static let decisionHear = Operation("decision.hear", boardSecretary, refinement: "admin, secretary of the scrutiny committee", writes: true)
    public static let measureTarget = Operation("measure.target", .anyOf([admin, .role(.analyst)]), writes: true)
    public static let measureComparator = Operation("measure.comparator", .anyOf([admin, .role(.analyst)]), writes: true)

    static let afterTheMeeting: [Operation] = [
        attendanceGet, attendanceRecord, attendanceSubstitute, interestDeclare, minutesGet, minuteRecord, minutesApprove, resolutionAdd, resolutionAmend,
        resolutionAction, resolutionUpdate, resolutionReport, decisionList, decisionGet, decisionRecord, decisionPublish, decisionCallIn,
        decisionHear, measureTarget, measureComparator,
    ]
}

// Browsing: the portal's pages and feeds. No command reaches these (the protocol has BOARD GET,
// MEETING GET, PACK LIST and PACK GET); a pack file by its content address is `packGet`.
extension Operation {
    public static let boardView = Operation(
        "board.view", .anyone,
        refinement: "anyone for a board that meets in public; members of the board, secretary of the board, admin for a private board")
    public static let calendarList = Operation(
        "calendar.list", .anyone, refinement: "anyone: the meetings of the boards the user may view (board.view)")
    public static let meetingView = Operation(
        "meeting.view", .anyone,
        refinement: "as its board (board.view); its pack versions as pack.list; unpublished versions: secretary of the board, admin")
    public static let packLatest = Operation(
        "pack.latest", .anyone, refinement: "anyone: the published versions of the boards that meet in public")
    public static let packSearch = Operation(
        "pack.search", .anyone, refinement: "anyone: the published Part I of the boards that meet in public")

    /// The browsing operations, for the access article and its test.
    public static let browsing: [Operation] = [boardView, calendarList, meetingView, packLatest, packSearch] + meetingLife
}

// MARK: Browsing the meeting's life: the Forward Plan, notice of private meetings, the minutes and
// the decisions register, as the portal's pages show them. No command reaches these either.
extension Operation {
    public static let forwardPlanView = Operation(
        "forward.view", .anyone,
        refinement: "anyone for published entries, an exempt one by its title and paragraph only unless the user reads the decision maker's exempt papers (pack.get); unpublished entries: secretary of the decision maker, admin")
    public static let noticeView = Operation(
        "notice.view", .anyone, refinement: "as its meeting (meeting.view): the notices of intention to meet in private and whether each was given in time")
    public static let minutesView = Operation(
        "minutes.view", .anyone,
        refinement: "approved minutes, their attendance and declarations: as their meeting (meeting.view); drafts: members of the board, secretary of the board, admin; the minutes of exempt items and the declarations on them as the exempt part of a pack (pack.get)")
    public static let decisionView = Operation(
        "decision.view", .anyone,
        refinement: "anyone for published decisions of the boards the user may view (board.view); unpublished ones: secretary of the decision maker's board, admin")

    static let meetingLife: [Operation] = [forwardPlanView, noticeView, minutesView, decisionView]
}
