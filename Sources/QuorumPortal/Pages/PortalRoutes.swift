import Foundation
import Hummingbird
import QuorumApplication
import QuorumDomain
import QuorumWire

/// The portal's routes. Each handler maps a request to an operation of the application core,
/// run as the visitor (anonymous or signed in), and the document it returns to a page, a feed or
/// a file. None decides who may see what: the core's operations answer only with what the
/// visitor may have, and say what the visitor may do (read Part II, build, publish).
struct PortalRoutes: Sendable {
    let app: QuorumApplication.Application
    let renderer: PageRenderer
    let templates: PortalTemplates
    let sessions: PortalSessions
    let links: PortalLinks
    let maxBodyBytes: Int
    let metrics: PortalMetrics?
    var clock: @Sendable () -> Date = { Date() }

    func add(to router: Router<PortalRequestContext>) {
        router.get("/") { request, context in try await home(request, context) }
        router.get("/boards") { request, context in try await boards(request, context) }
        router.get("/boards/:code") { request, context in try await board(request, context) }
        router.get("/boards/:code/calendar.ics") { request, context in try await boardCalendarFeed(request, context) }
        router.get("/meetings/:id") { request, context in try await meeting(request, context) }
        router.post("/meetings/:id/build") { request, context in try await buildPack(request, context) }
        router.post("/meetings/:id/publish") { request, context in try await publishPack(request, context) }
        router.post("/meetings/:id/clearance") { request, context in try await clearanceStep(request, context) }
        router.post("/meetings/:id/notices") { request, context in try await giveNotice(request, context) }
        router.post("/meetings/:id/urgency") { request, context in try await recordUrgency(request, context) }
        router.post("/meetings/:id/attendance") { request, context in try await recordAttendance(request, context) }
        router.post("/meetings/:id/declarations") { request, context in try await declareInterest(request, context) }
        router.post("/meetings/:id/approve-minutes") { request, context in try await approveMinutes(request, context) }
        router.post("/meetings/:id/minutes") { request, context in try await recordMinute(request, context) }
        router.post("/meetings/:id/resolutions") { request, context in try await addResolution(request, context) }
        router.post("/meetings/:id/resolutions/amend") { request, context in try await amendResolution(request, context) }
        router.get("/meetings/:id/minutes/:file") { request, context in try await minutesFile(request, context) }
        router.get("/forward-plan") { request, context in try await forwardPlan(request, context) }
        router.post("/forward-plan/entries") { request, context in try await addForwardPlanEntry(request, context) }
        router.post("/forward-plan/entries/:reference") { request, context in try await setForwardPlanEntry(request, context) }
        router.get("/forward-plan.html") { request, context in try await forwardPlanDocument(request, context, format: .html) }
        router.get("/forward-plan.pdf") { request, context in try await forwardPlanDocument(request, context, format: .pdf) }
        router.get("/decisions") { request, context in try await decisions(request, context) }
        router.post("/decisions") { request, context in try await recordDecision(request, context) }
        router.get("/decisions/:reference") { request, context in try await decision(request, context) }
        router.post("/decisions/:reference/publish") { request, context in try await publishDecision(request, context) }
        router.post("/decisions/:reference/hearing") { request, context in try await hearCallIn(request, context) }
        router.post("/decisions/:reference/callin") { request, context in try await callInDecision(request, context) }
        router.get("/calendar") { request, context in try await calendar(request, context) }
        router.get("/calendar.ics") { request, context in try await calendarFeed(request, context) }
        router.get("/packs.atom") { request, context in try await packsFeed(request, context) }
        router.get("/packs/:file") { request, context in try await packFile(request, context) }
        router.get("/search") { request, context in try await search(request, context) }
        router.get("/signin") { request, context in try await signInPage(request, context) }
        router.post("/signin") { request, context in try await signIn(request, context) }
        if app.sessions.configuration.emailLinks {
            router.post("/signin/email") { request, context in try await requestSignInLink(request, context) }
            router.get("/signin/link") { request, context in try await signInLinkPage(request, context) }
            router.post("/signin/link") { request, context in try await signInWithLink(request, context) }
        }
        router.get("/signout") { request, context in try await signOutPage(request, context) }
        router.post("/signout") { request, context in try await signOut(request, context) }
        router.get("/assets/portal.css") { request, context in stylesheet(request) }
        if let metrics {
            router.get("/metrics") { request, context in try await metricsPage(request, context, metrics) }
        }
    }

    var today: LocalDate { EuropeLondon.localDateTime(at: Int64(clock().timeIntervalSince1970)).date }

    // MARK: Pages

    func home(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        let meetings = try await Self.core { try await app.governance.calendar(from: today.adding(days: -366 * 8), to: nil, as: context.user) }
            .compactMap(CalendarRow.init)
        let coming = meetings.filter { $0.date >= today }.prefix(8)
        let recent = meetings.filter { $0.date < today }.suffix(6).reversed()
        let latest = try await Self.core { try await app.packs.latestPublished(limit: 6, as: context.user) }
        let names = try await Self.core { try await app.governance.boardNames(as: context.user) }
        let decisions = try await Self.core { try await app.decisions.register(as: context.user) }.filter { $0.publishedOn != nil }.prefix(5)
        return renderer.page(
            "home", title: "Meetings, agendas and reports", section: .home, context: context,
            [
                "coming": coming.map(meetingRow), "hasComing": !coming.isEmpty,
                "recent": recent.map(meetingRow), "hasRecent": !recent.isEmpty,
                "latest": latest.map(packRow), "hasLatest": !latest.isEmpty,
                "decisions": decisions.map { DecisionRows.values($0, names: names) }, "hasDecisions": !decisions.isEmpty,
            ])
    }

    func boards(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        let boards = try await Self.core { try await app.governance.visibleBoards(as: context.user) }.map(\.board)
        let visible = Set(boards.map(\.code))
        let names = try await Self.core { try await app.governance.boardNames(as: context.user) }
        return renderer.page(
            "boards", title: "Boards and committees", section: .boards, context: context,
            ["boards": boards.map { boardRow($0, names: names, visible: visible) }])
    }

    func board(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        let code = try context.parameters.require("code")
        let board = try await Self.core { try await app.governance.visibleBoard(code, as: context.user) }.board
        let visible = Set(try await Self.core { try await app.governance.visibleBoards(as: context.user) }.map(\.board.code))
        let names = try await Self.core { try await app.governance.boardNames(as: context.user) }
        let meetings = try await Self.core { try await app.governance.calendar(from: nil, to: nil, boards: [board.code], as: context.user) }
            .compactMap(CalendarRow.init)
        let coming = meetings.filter { $0.date >= today }
        let past = meetings.filter { $0.date < today }.reversed()
        var values = boardRow(board, names: names, visible: visible)
        values["chair"] = ["role": board.chair.role]
        values["secretary"] = ["role": board.secretary.role]
        values["members"] = board.members.map { ["role": $0.role] }
        values["icsURL"] = "/boards/\(board.code)/calendar.ics"
        values["webcalURL"] = webcal("/boards/\(board.code)/calendar.ics")
        let cancelled = board.calendar.cancelled.compactMap { LocalDate(iso: $0) }.sorted()
        values["cancelled"] = cancelled.map { ["dateLong": PortalFormat.longDate($0)] }
        values["hasCancelled"] = !cancelled.isEmpty
        return renderer.page(
            "board", title: board.name, section: .boards, context: context,
            [
                "board": values, "coming": coming.map(meetingRow), "hasComing": !coming.isEmpty,
                "past": past.map(meetingRow), "hasPast": !past.isEmpty,
            ])
    }

    func meeting(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        try await meetingPage(try context.parameters.require("id"), context: context)
    }

    /// The meeting page; with `problem`, the publication form of that version shows the error.
    func meetingPage(
        _ id: String, context: PortalRequestContext, problem: (packID: String, message: String, reason: String)? = nil,
        form: FormProblem? = nil
    ) async throws -> Response {
        let view = try await Self.core { try await app.packs.meetingView(id, as: context.user) }
        let board = view.board
        guard let row = CalendarRow(meeting: view.meeting, boardName: board.board.name) else { throw PortalError.notFound() }
        var values = meetingRow(row)
        values["publishBy"] = LocalDate(iso: view.meeting.publishBy).map(PortalFormat.longDate) ?? view.meeting.publishBy
        values["isPast"] = row.date < today
        let keyDecisions = try await keyDecisionsByItem(meetingID: view.meeting.id, context: context)
        let agenda: [[String: Any]] = (view.meeting.items ?? []).map { line in
            var item: [String: Any] = ["number": line.number, "title": line.title, "keyDecision": line.keyDecision]
            if let reference = keyDecisions[line.key] { item["forwardPlan"] = ["reference": reference, "url": "/forward-plan#\(reference)"] }
            if let resolution = line.resolution { item["resolution"] = ["id": resolution, "url": MinutesRows.link(resolution: resolution)] }
            item["owner"] = line.ownerTitle ?? ""
            item["hasOwner"] = line.ownerTitle != nil
            item["exempt"] = line.exemptParagraph != nil
            if let paragraph = line.exemptParagraph { item["paragraph"] = "Schedule 12A, paragraph \(paragraph)" }
            return item
        }
        let versions: [[String: Any]] = view.packs.reversed().map { pack in
            var parts: [[String: Any]] = []
            var withheld = false
            for part in PackPart.allCases {
                guard let html = pack.file(part, .html), let pdf = pack.file(part, .pdf) else { continue }
                if part == .exempt && !board.readsExempt {
                    withheld = true
                    continue
                }
                parts.append([
                    "label": part == .public ? "Part I (public)" : "Part II (exempt, not for publication)",
                    "htmlURL": "/packs/\(html.sha256).html", "pdfURL": "/packs/\(pdf.sha256).pdf",
                    "pdfName": "\(pack.id)-\(part.rawValue).pdf", "pdfSize": PortalFormat.size(pdf.size), "exempt": part == .exempt,
                ])
            }
            let text = { (line: String) in ["text": line] }
            let changed = pack.changes.added.count + pack.changes.replaced.count + pack.changes.removed.count
            var version: [String: Any] = [
                "id": pack.id, "version": pack.version, "published": pack.publishedAt != nil,
                "publishedOn": PortalFormat.londonDate(ofInstant: pack.publishedAt).map(PortalFormat.date) ?? "",
                "builtOn": PortalFormat.londonDate(ofInstant: pack.builtAt).map(PortalFormat.date) ?? "",
                "late": pack.late ?? false, "lateReason": pack.lateReason ?? "",
                "warnings": board.seesDrafts ? pack.warnings.map(text) : [],
                "hasWarnings": board.seesDrafts && !pack.warnings.isEmpty,
                "added": pack.changes.added.map(text), "replaced": pack.changes.replaced.map(text),
                "removed": pack.changes.removed.map(text), "hasChanges": changed > 0 && pack.version > 1,
                "parts": parts, "exemptWithheld": withheld,
                "canPublish": board.publishes && pack.publishedAt == nil, "reason": "",
            ]
            // Only the version at fault gets the key: Mustache takes even an empty string as true.
            if let problem, problem.packID == pack.id {
                version["publishError"] = problem.message
                version["reason"] = problem.reason
            }
            return version
        }
        var page: [String: Any] = [
            "meeting": values, "agenda": agenda, "versions": versions, "hasVersions": !versions.isEmpty,
            "isSecretary": board.seesDrafts, "canBuild": board.builds, "canSeeExempt": board.readsExempt,
            "board": ["code": board.board.code, "name": board.board.name, "url": "/boards/\(board.board.code)"],
        ]
        for (key, value) in try await meetingLife(view, context: context, problem: form) { page[key] = value }
        if let problem {
            page["errors"] = [["field": "reason-\(problem.packID)", "message": problem.message]]
            page["hasErrors"] = true
        }
        if let form {
            page["errors"] = [form.summary]
            page["hasErrors"] = true
        }
        let failed = problem != nil || form != nil
        return renderer.page(
            "meeting", title: "\(failed ? "Error: " : "")\(board.board.name), \(PortalFormat.longDate(row.date))",
            section: .boards, context: context, status: form?.status ?? (problem == nil ? .ok : .badRequest), page)
    }

    func calendar(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        var month = today.yearMonth
        if let text = request.uri.queryParameters["month"].map(String.init), !text.isEmpty {
            guard let parsed = YearMonth(iso: text), (1990...2100).contains(parsed.year) else {
                throw PortalError.badRequest("'\(text)' is not a month: write it as YYYY-MM, for example 2017-11.")
            }
            month = parsed
        }
        let meetings = try await Self.core { try await app.governance.calendar(from: month.firstDay, to: month.lastDay, as: context.user) }
            .compactMap(CalendarRow.init)
        let byDay = Dictionary(grouping: meetings, by: \.date)
        var weeks: [[String: Any]] = []
        var week: [[String: Any]] = []
        // Weeks start on Monday, as British calendars do.
        let leading = month.firstDay.weekday.rawValue - Weekday.monday.rawValue
        let padding = (leading + 7) % 7
        for _ in 0..<padding { week.append(["empty": true]) }
        var date = month.firstDay
        while date <= month.lastDay {
            let items = (byDay[date] ?? []).map(meetingRow)
            week.append([
                "empty": false, "day": date.day, "dateLong": PortalFormat.longDate(date), "meetings": items, "hasMeetings": !items.isEmpty,
                "isToday": date == today,
            ])
            if week.count == 7 {
                weeks.append(["days": week])
                week = []
            }
            date = date.adding(days: 1)
        }
        if !week.isEmpty {
            while week.count < 7 { week.append(["empty": true]) }
            weeks.append(["days": week])
        }
        return renderer.page(
            "calendar", title: "Calendar, \(PortalFormat.month(month))", section: .calendar, context: context,
            [
                "month": PortalFormat.month(month), "weeks": weeks,
                "previous": ["url": "/calendar?month=\(month.adding(months: -1))", "label": PortalFormat.month(month.adding(months: -1))],
                "next": ["url": "/calendar?month=\(month.adding(months: 1))", "label": PortalFormat.month(month.adding(months: 1))],
                "list": meetings.map(meetingRow), "hasMeetings": !meetings.isEmpty,
                "icsURL": "/calendar.ics", "webcalURL": webcal("/calendar.ics"),
            ])
    }

    func search(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        let query = request.uri.queryParameters["q"].map(String.init)?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let boardCode = request.uri.queryParameters["board"].map(String.init).flatMap { $0.isEmpty ? nil : $0.uppercased() }
        var errors: [[String: Any]] = []
        func date(_ name: String, _ label: String) -> (text: String, value: LocalDate?) {
            let text = request.uri.queryParameters[Substring(name)].map(String.init)?.trimmingCharacters(in: .whitespaces) ?? ""
            guard !text.isEmpty else { return ("", nil) }
            guard let value = LocalDate(iso: text) else {
                errors.append(["field": name, "message": "\(label) must be a date written YYYY-MM-DD, for example 2017-11-14."])
                return (text, nil)
            }
            return (text, value)
        }
        let from = date("from", "From")
        let to = date("to", "To")
        if query.count > 200 { errors.append(["field": "q", "message": "Search for at most 200 characters."]) }
        let searchable = try await Self.core { try await app.packs.searchableBoards(as: context.user) }
        if let boardCode, !searchable.contains(where: { $0.code == boardCode }) {
            errors.append(["field": "board", "message": "Choose a board from the list."])
        }
        var results: [[String: Any]] = []
        let searched = !query.isEmpty && errors.isEmpty
        if searched {
            let names = Dictionary(uniqueKeysWithValues: searchable.map { ($0.code, $0.name) })
            let hits: [SearchHitDocument]
            do {
                hits = try await app.packs.search(query, board: boardCode, from: from.value, to: to.value, as: context.user)
            } catch let error as ApplicationError where error.code == .badArgument {
                throw PortalError.badRequest(Self.sentence(error.message))
            }
            for hit in hits {
                results.append([
                    "title": hit.title, "meetingURL": "/meetings/\(hit.meeting)", "boardName": names[hit.board] ?? hit.board,
                    "dateLong": LocalDate(iso: hit.meetingDate).map(PortalFormat.longDate) ?? hit.meetingDate,
                    "snippet": SearchSnippet.html(hit.snippet), "packID": hit.pack,
                ])
            }
        }
        var values: [String: Any] = [
            "q": query, "from": from.text, "to": to.text, "searched": searched, "results": results,
            "resultsLabel": "\(results.count) result\(results.count == 1 ? "" : "s")",
            "hasResults": !results.isEmpty, "errors": errors, "hasErrors": !errors.isEmpty,
            "boards": searchable.map { ["code": $0.code, "name": $0.name, "selected": $0.code == boardCode] },
        ]
        // Only a field at fault gets its key: Mustache takes even an empty string as true.
        for error in errors {
            if let field = error["field"] as? String, values["\(field)Error"] == nil { values["\(field)Error"] = error["message"] }
        }
        return renderer.page(
            "search", title: !errors.isEmpty ? "Error: search published papers" : query.isEmpty ? "Search published papers" : "Search: \(query)",
            section: .search, context: context, status: errors.isEmpty ? .ok : .badRequest, values)
    }

    // MARK: Feeds

    func calendarFeed(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        // Feeds are fetched by calendar apps with no cookies: they show what the public sees.
        let boards = try await Self.core { try await app.governance.visibleBoards(as: nil) }.map(\.board)
        let meetings = try await Self.core { try await app.governance.calendar(from: nil, to: nil, as: nil) }
        return icsResponse(name: "Council meetings", meetings: meetings, cancellations: boards, file: "meetings.ics")
    }

    func boardCalendarFeed(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        let code = try context.parameters.require("code")
        let board = try await Self.core { try await app.governance.visibleBoard(code, as: nil) }.board
        let meetings = try await Self.core { try await app.governance.calendar(from: nil, to: nil, boards: [board.code], as: nil) }
        return icsResponse(name: board.name, meetings: meetings, cancellations: [board], file: "\(board.code).ics")
    }

    private func icsResponse(name: String, meetings: [CalendarEntryDocument], cancellations: [BoardDocument], file: String) -> Response {
        var events = meetings.compactMap(CalendarRow.init).map { row in
            ICalendarEvent(
                uid: "\(row.id)@\(links.uidDomain)", summary: row.boardName, start: LocalDateTime(date: row.date, time: row.time),
                location: row.meeting.venue,
                description: "Agenda and reports: \(links.absolute("/meetings/\(row.id)"))", url: links.absolute("/meetings/\(row.id)"),
                sequence: row.sequence, status: .confirmed)
        }
        // A cancelled date of a board's rule stays in the feed as CANCELLED, so subscribers' copies go.
        for board in cancellations {
            let time = LocalTime(iso: board.calendar.defaultTime) ?? LocalTime(hour: 0, minute: 0)!
            for date in board.calendar.cancelled.compactMap({ LocalDate(iso: $0) }) {
                let id = Meeting.id(board: board.code, date: date)
                events.append(
                    ICalendarEvent(
                        uid: "\(id)@\(links.uidDomain)", summary: "Cancelled: \(board.name)", start: LocalDateTime(date: date, time: time),
                        location: board.calendar.defaultVenue, description: "This meeting will not take place.",
                        url: links.absolute("/boards/\(board.code)"), sequence: 1, status: .cancelled))
            }
        }
        events.sort { ($0.start, $0.uid) < ($1.start, $1.uid) }
        let text = ICalendarWriter(name: name, generatedAt: Int64(clock().timeIntervalSince1970)).write(events)
        var response = Response(
            status: .ok, headers: [.contentType: "text/calendar; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
        response.headers[.contentDisposition] = "inline; filename=\"\(file)\""
        response.headers[.cacheControl] = "public, max-age=300"
        return response
    }

    func packsFeed(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        let latest = try await Self.core { try await app.packs.latestPublished(limit: 50, as: nil) }
        let entries = latest.compactMap { row -> AtomFeedWriter.Entry? in
            guard let meeting = CalendarRow(meeting: row.meeting, boardName: row.boardName) else { return nil }
            let published = row.pack.publishedAt.flatMap(PortalFormat.instant) ?? Date(timeIntervalSince1970: 0)
            let pdfs = row.pack.parts.filter { $0.part == .public && $0.format == .pdf }.map {
                AtomFeedWriter.Enclosure(
                    url: links.absolute("/packs/\($0.sha256).pdf"), type: "application/pdf", length: $0.size, title: "\(row.pack.id)-public.pdf")
            }
            return AtomFeedWriter.Entry(
                id: links.absolute("/meetings/\(meeting.id)#\(row.pack.id)"),
                title: "\(row.boardName), \(PortalFormat.longDate(meeting.date)): agenda and reports, version \(row.pack.version)",
                updated: PortalFormat.rfc3339(published), link: links.absolute("/meetings/\(meeting.id)"),
                summary: "Published \(PortalFormat.londonDate(ofInstant: row.pack.publishedAt).map(PortalFormat.date) ?? ""). "
                    + "The meeting is at \(PortalFormat.time(meeting.time)), \(meeting.meeting.venue).",
                enclosures: pdfs)
        }
        let updated = entries.first?.updated ?? PortalFormat.rfc3339(Date(timeIntervalSince1970: 0))
        let xml = AtomFeedWriter(
            id: links.absolute("/packs.atom"), title: "Published meeting papers", selfURL: links.absolute("/packs.atom"),
            alternateURL: links.absolute("/"), updated: updated
        ).write(entries)
        var response = Response(
            status: .ok, headers: [.contentType: "application/atom+xml; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: xml)))
        response.headers[.cacheControl] = "public, max-age=300"
        return response
    }

    // MARK: Files

    func packFile(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        let file = try context.parameters.require("file")
        let parts = file.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, ContentHash.isAddress(parts[0]), let format = PackFormat(rawValue: String(parts[1])) else {
            throw PortalError.notFound()
        }
        let sha = String(parts[0])
        let found: PackFile
        do {
            found = try await app.packs.file(sha256: sha, format: format, as: context.user)
        } catch let error as ApplicationError {
            switch error.code {
            case .notFound:
                throw PortalError.notFound("There is no published paper at this address.")
            case .authenticationRequired:
                throw PortalError.forbidden(
                    "This is the exempt part of a pack (Part II). Members of the board can read it after signing in.", offerSignIn: true)
            case .notPermitted:
                throw PortalError.forbidden(
                    "This is the exempt part of a pack (Part II). It is open only to the board's members, its secretary and administrators.",
                    offerSignIn: false)
            default:
                throw Self.portalError(error)
            }
        }
        return PackFileResponse.make(
            data: found.data, sha256: sha, format: format.rawValue, fileName: "\(found.packID)-\(found.part.rawValue).\(format.rawValue)",
            isExempt: found.part == .exempt, request: request)
    }

    /// The Prometheus text format, to this machine or an admin only.
    func metricsPage(_ request: Request, _ context: PortalRequestContext, _ metrics: PortalMetrics) async throws -> Response {
        guard context.isLoopback || context.user?.role == .admin else {
            throw PortalError.forbidden("The metrics are for the operators of this server.", offerSignIn: context.user == nil)
        }
        return Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: try await metrics.render())))
    }

    func stylesheet(_ request: Request) -> Response {
        if let match = request.headers[.ifNoneMatch], match.contains(templates.stylesheetETag) {
            return Response(status: .notModified, headers: [.eTag: templates.stylesheetETag, .cacheControl: "public, max-age=3600"])
        }
        return Response(
            status: .ok,
            headers: [.contentType: "text/css; charset=utf-8", .eTag: templates.stylesheetETag, .cacheControl: "public, max-age=3600"],
            body: .init(byteBuffer: ByteBuffer(bytes: templates.stylesheet)))
    }

    // MARK: Rows

    func meetingRow(_ row: CalendarRow) -> [String: Any] {
        [
            "id": row.id, "url": "/meetings/\(row.id)", "boardName": row.boardName, "boardCode": row.meeting.board,
            "boardURL": "/boards/\(row.meeting.board)", "dateLong": PortalFormat.longDate(row.date), "isoDate": row.meeting.date,
            "time": PortalFormat.time(row.time), "isoTime": row.meeting.time, "venue": row.meeting.venue,
        ]
    }

    func packRow(_ row: PublishedPackDocument) -> [String: Any] {
        let pdf = row.pack.file(.public, .pdf)
        return [
            "meetingURL": "/meetings/\(row.meeting.id)", "boardName": row.boardName,
            "dateLong": LocalDate(iso: row.meeting.date).map(PortalFormat.longDate) ?? row.meeting.date,
            "version": row.pack.version, "publishedOn": PortalFormat.londonDate(ofInstant: row.pack.publishedAt).map(PortalFormat.date) ?? "",
            "pdfURL": pdf.map { "/packs/\($0.sha256).pdf" } ?? "", "hasPDF": pdf != nil, "pdfSize": pdf.map { PortalFormat.size($0.size) } ?? "",
            "pdfName": "\(row.pack.id)-public.pdf",
        ]
    }

    func boardRow(_ board: BoardDocument, names: [String: String], visible: Set<String>) -> [String: Any] {
        let link = { (code: String) -> [String: Any] in
            ["code": code, "name": names[code] ?? code, "url": visible.contains(code) ? "/boards/\(code)" : "", "linked": visible.contains(code)]
        }
        let receives = board.receivesReportsFrom.filter { visible.contains($0) }
        return [
            "code": board.code, "name": board.name, "url": "/boards/\(board.code)", "meetsInPublic": board.meetsInPublic,
            "reportsTo": board.reportsTo.map(link), "hasReportsTo": !board.reportsTo.isEmpty,
            "receivesFrom": receives.map(link), "hasReceivesFrom": !receives.isEmpty,
            "meetingTime": LocalTime(iso: board.calendar.defaultTime).map(PortalFormat.time) ?? board.calendar.defaultTime,
            "venue": board.calendar.defaultVenue,
        ]
    }

    func webcal(_ path: String) -> String {
        let url = links.absolute(path)
        if url.hasPrefix("https://") { return "webcal://" + url.dropFirst("https://".count) }
        return "webcal://" + url.dropFirst("http://".count)
    }
}

/// A meeting as the pages lay it out: the core's document with its date and time read back.
struct CalendarRow: Sendable {
    let meeting: MeetingDocument
    let boardName: String
    let date: LocalDate
    let time: LocalTime
    let sequence: Int
    var id: String { meeting.id }

    init?(meeting: MeetingDocument, boardName: String, sequence: Int = 0) {
        guard let date = LocalDate(iso: meeting.date), let time = LocalTime(iso: meeting.time) else { return nil }
        self.meeting = meeting
        self.boardName = boardName
        self.date = date
        self.time = time
        self.sequence = sequence
    }

    init?(_ entry: CalendarEntryDocument) {
        self.init(meeting: entry.meeting, boardName: entry.boardName, sequence: entry.sequence)
    }
}
