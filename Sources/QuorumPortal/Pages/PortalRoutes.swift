import Foundation
import Hummingbird
import QuorumDomain
import QuorumStorage

/// The portal's routes. Each handler maps a request to a catalogue read and the answer to a
/// page, a feed or a file; none decides who may see what.
struct PortalRoutes: Sendable {
    let catalogue: PortalCatalogue
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
        router.get("/calendar") { request, context in try await calendar(request, context) }
        router.get("/calendar.ics") { request, context in try await calendarFeed(request, context) }
        router.get("/packs.atom") { request, context in try await packsFeed(request, context) }
        router.get("/packs/:file") { request, context in try await packFile(request, context) }
        router.get("/search") { request, context in try await search(request, context) }
        router.get("/signin") { request, context in try await signInPage(request, context) }
        router.post("/signin") { request, context in try await signIn(request, context) }
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
        let coming = try await catalogue.meetings(for: context.user, from: today, to: nil).prefix(8)
        let recent = try await catalogue.meetings(for: context.user, from: today.adding(days: -400 * 8), to: today.adding(days: -1))
            .suffix(6).reversed()
        let latest = try await catalogue.latestPublished(limit: 6)
        return renderer.page(
            "home", title: "Meetings, agendas and reports", section: .home, context: context,
            [
                "coming": coming.map { meetingRow($0.meeting, board: $0.board) }, "hasComing": !coming.isEmpty,
                "recent": recent.map { meetingRow($0.meeting, board: $0.board) }, "hasRecent": !recent.isEmpty,
                "latest": latest.map { packRow($0.pack, meeting: $0.meeting, board: $0.board) }, "hasLatest": !latest.isEmpty,
            ])
    }

    func boards(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        let boards = try await catalogue.boards(for: context.user)
        let visible = Set(boards.map(\.code))
        let names = try await catalogue.allBoardNames()
        return renderer.page(
            "boards", title: "Boards and committees", section: .boards, context: context,
            ["boards": boards.map { boardRow($0, names: names, visible: visible, all: boards) }])
    }

    func board(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        let code = try context.parameters.require("code")
        guard let (board, _) = try await catalogue.board(code, for: context.user) else { throw PortalError.notFound() }
        let visible = try await catalogue.boards(for: context.user)
        let names = try await catalogue.allBoardNames()
        let meetings = try await catalogue.meetings(for: context.user, boards: [board.code], from: nil, to: nil)
        let coming = meetings.filter { $0.meeting.date >= today }
        let past = meetings.filter { $0.meeting.date < today }.reversed()
        var values = boardRow(board, names: names, visible: Set(visible.map(\.code)), all: visible)
        values["chair"] = ["role": board.chair.role]
        values["secretary"] = ["role": board.secretary.role]
        values["members"] = board.members.map { ["role": $0.role] }
        values["icsURL"] = "/boards/\(board.code)/calendar.ics"
        values["webcalURL"] = webcal("/boards/\(board.code)/calendar.ics")
        values["cancelled"] = board.calendar.cancellations.sorted().map { ["dateLong": PortalFormat.longDate($0)] }
        values["hasCancelled"] = !board.calendar.cancellations.isEmpty
        return renderer.page(
            "board", title: board.name, section: .boards, context: context,
            [
                "board": values, "coming": coming.map { meetingRow($0.meeting, board: board) }, "hasComing": !coming.isEmpty,
                "past": past.map { meetingRow($0.meeting, board: board) }, "hasPast": !past.isEmpty,
            ])
    }

    func meeting(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        guard let details = try await catalogue.meeting(id, for: context.user) else { throw PortalError.notFound() }
        let meeting = details.meeting
        var row = meetingRow(meeting, board: details.board)
        row["publishBy"] = PortalFormat.longDate(details.publishBy)
        row["isPast"] = meeting.date < today
        let agenda: [[String: Any]] = details.agenda.map { line in
            var item: [String: Any] = ["number": line.number, "title": line.title, "keyDecision": line.isKeyDecision]
            item["owner"] = line.owner ?? ""
            item["hasOwner"] = line.owner != nil
            if let paragraph = line.exemptParagraph {
                item["exempt"] = true
                item["paragraph"] = paragraph > 0 ? "Schedule 12A, paragraph \(paragraph)" : "Schedule 12A"
            } else {
                item["exempt"] = false
            }
            return item
        }
        let versions: [[String: Any]] = details.packs.reversed().map { pack in
            var parts: [[String: Any]] = []
            var withheld = false
            for part in ["public", "exempt"] {
                guard let html = pack.parts.first(where: { $0.part.rawValue == part && $0.format == .html }),
                    let pdf = pack.parts.first(where: { $0.part.rawValue == part && $0.format == .pdf })
                else { continue }
                if part == "exempt" && !details.access.canSeeExempt {
                    withheld = true
                    continue
                }
                parts.append([
                    "label": part == "public" ? "Part I (public)" : "Part II (exempt, not for publication)",
                    "htmlURL": "/packs/\(html.sha256).html", "pdfURL": "/packs/\(pdf.sha256).pdf",
                    "pdfName": "\(pack.id)-\(part).pdf", "pdfSize": PortalFormat.size(pdf.size), "exempt": part == "exempt",
                ])
            }
            let describe = { (entry: PackManifestEntry) in ["text": "\(entry.number). \(entry.isExempt ? "Exempt item" : entry.title)"] }
            let changes = pack.changes.added.map(describe) + pack.changes.replaced.map(describe) + pack.changes.removed.map(describe)
            return [
                "id": pack.id, "version": pack.version, "published": pack.publishedAt != nil,
                "publishedOn": PortalFormat.londonDate(ofInstant: pack.publishedAt).map(PortalFormat.date) ?? "",
                "builtOn": PortalFormat.londonDate(ofInstant: pack.builtAt).map(PortalFormat.date) ?? "",
                "late": pack.isLate ?? false, "lateReason": pack.lateReason ?? "",
                "warnings": details.access.canSeeUnpublished ? pack.warnings.map { ["text": $0] } : [],
                "hasWarnings": details.access.canSeeUnpublished && !pack.warnings.isEmpty,
                "added": pack.changes.added.map(describe), "replaced": pack.changes.replaced.map(describe),
                "removed": pack.changes.removed.map(describe), "hasChanges": !changes.isEmpty && pack.version > 1,
                "parts": parts, "exemptWithheld": withheld,
            ]
        }
        return renderer.page(
            "meeting", title: "\(details.board.name), \(PortalFormat.longDate(meeting.date))", section: .boards, context: context,
            [
                "meeting": row, "agenda": agenda, "versions": versions, "hasVersions": !versions.isEmpty,
                "isSecretary": details.access.canSeeUnpublished, "canSeeExempt": details.access.canSeeExempt,
                "board": ["code": details.board.code, "name": details.board.name, "url": "/boards/\(details.board.code)"],
            ])
    }

    func calendar(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        var month = today.yearMonth
        if let text = request.uri.queryParameters["month"].map(String.init), !text.isEmpty {
            guard let parsed = YearMonth(iso: text), (1990...2100).contains(parsed.year) else {
                throw PortalError.badRequest("'\(text)' is not a month: write it as YYYY-MM, for example 2017-11.")
            }
            month = parsed
        }
        let meetings = try await catalogue.meetings(for: context.user, from: month.firstDay, to: month.lastDay)
        let byDay = Dictionary(grouping: meetings, by: \.meeting.date)
        var weeks: [[String: Any]] = []
        var week: [[String: Any]] = []
        // Weeks start on Monday, as British calendars do.
        let leading = month.firstDay.weekday.rawValue - Weekday.monday.rawValue
        let padding = (leading + 7) % 7
        for _ in 0..<padding { week.append(["empty": true]) }
        var date = month.firstDay
        while date <= month.lastDay {
            let items = (byDay[date] ?? []).map { meetingRow($0.meeting, board: $0.board) }
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
                "list": meetings.map { meetingRow($0.meeting, board: $0.board) }, "hasMeetings": !meetings.isEmpty,
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
        let publicBoards = try await catalogue.boards(for: nil)
        if let boardCode, !publicBoards.contains(where: { $0.code == boardCode }) {
            errors.append(["field": "board", "message": "Choose a board from the list."])
        }
        var results: [[String: Any]] = []
        let searched = !query.isEmpty && errors.isEmpty
        if searched {
            let names = Dictionary(uniqueKeysWithValues: publicBoards.map { ($0.code, $0.name) })
            for hit in try await catalogue.search(query, board: boardCode, from: from.value, to: to.value) {
                results.append([
                    "title": hit.title, "meetingURL": "/meetings/\(hit.meetingID)", "boardName": names[hit.boardCode] ?? hit.boardCode,
                    "dateLong": PortalFormat.longDate(hit.meetingDate), "snippet": SearchSnippet.html(hit.snippet), "packID": hit.packID,
                ])
            }
        }
        var values: [String: Any] = [
            "q": query, "from": from.text, "to": to.text, "searched": searched, "results": results,
            "resultsLabel": "\(results.count) result\(results.count == 1 ? "" : "s")",
            "hasResults": !results.isEmpty, "errors": errors, "hasErrors": !errors.isEmpty,
            "boards": publicBoards.map { ["code": $0.code, "name": $0.name, "selected": $0.code == boardCode] },
        ]
        // Only a field at fault gets its key: Mustache takes even an empty string as true.
        for error in errors {
            if let field = error["field"] as? String, values["\(field)Error"] == nil { values["\(field)Error"] = error["message"] }
        }
        return renderer.page(
            "search", title: !errors.isEmpty ? "Error: search published papers" : query.isEmpty ? "Search published papers" : "Search: \(query)", section: .search, context: context,
            status: errors.isEmpty ? .ok : .badRequest, values)
    }

    // MARK: Feeds

    func calendarFeed(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        // Feeds are fetched by calendar apps with no cookies: they show the public boards.
        let meetings = try await catalogue.meetings(for: nil, from: nil, to: nil)
        let boards = try await catalogue.boards(for: nil)
        return icsResponse(name: "Council meetings", meetings: meetings, cancellations: boards, file: "meetings.ics")
    }

    func boardCalendarFeed(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        let code = try context.parameters.require("code")
        guard let (board, _) = try await catalogue.board(code, for: nil) else { throw PortalError.notFound() }
        let meetings = try await catalogue.meetings(for: nil, boards: [board.code], from: nil, to: nil)
        return icsResponse(name: board.name, meetings: meetings, cancellations: [board], file: "\(board.code).ics")
    }

    private func icsResponse(
        name: String, meetings: [(meeting: Meeting, sequence: Int, board: Board)], cancellations: [Board], file: String
    ) -> Response {
        var events = meetings.map { row in
            ICalendarEvent(
                uid: "\(row.meeting.id)@\(links.uidDomain)", summary: row.board.name, start: LocalDateTime(date: row.meeting.date, time: row.meeting.time),
                location: row.meeting.venue,
                description: "Agenda and reports: \(links.absolute("/meetings/\(row.meeting.id)"))", url: links.absolute("/meetings/\(row.meeting.id)"),
                sequence: row.sequence, status: .confirmed)
        }
        // A cancelled date of a board's rule stays in the feed as CANCELLED, so subscribers' copies go.
        for board in cancellations {
            for date in board.calendar.cancellations {
                let id = Meeting.id(board: board.code, date: date)
                events.append(
                    ICalendarEvent(
                        uid: "\(id)@\(links.uidDomain)", summary: "Cancelled: \(board.name)", start: LocalDateTime(date: date, time: board.calendar.defaultTime),
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
        let latest = try await catalogue.latestPublished(limit: 50)
        let entries = latest.map { row -> AtomFeedWriter.Entry in
            let published = row.pack.publishedAt.flatMap(PortalFormat.instant) ?? Date(timeIntervalSince1970: 0)
            let pdfs = row.pack.parts.filter { $0.part == .public && $0.format == .pdf }.map {
                AtomFeedWriter.Enclosure(
                    url: links.absolute("/packs/\($0.sha256).pdf"), type: "application/pdf", length: $0.size, title: "\(row.pack.id)-public.pdf")
            }
            return AtomFeedWriter.Entry(
                id: links.absolute("/meetings/\(row.meeting.id)#\(row.pack.id)"),
                title: "\(row.board.name), \(PortalFormat.longDate(row.meeting.date)): agenda and reports, version \(row.pack.version)",
                updated: PortalFormat.rfc3339(published), link: links.absolute("/meetings/\(row.meeting.id)"),
                summary: "Published \(PortalFormat.londonDate(ofInstant: row.pack.publishedAt).map(PortalFormat.date) ?? ""). "
                    + "The meeting is at \(PortalFormat.time(row.meeting.time)), \(row.meeting.venue).",
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
        guard parts.count == 2, ContentHash.isAddress(parts[0]), parts[1] == "html" || parts[1] == "pdf" else {
            throw PortalError.notFound()
        }
        let sha = String(parts[0])
        let format = String(parts[1])
        switch try await catalogue.packFile(sha256: sha, format: format, for: context.user) {
        case .notFound:
            throw PortalError.notFound("There is no published paper at this address.")
        case .forbidden(let signedIn):
            throw PortalError.forbidden(
                signedIn
                    ? "This is the exempt part of a pack (Part II). It is open only to the board's members, its secretary and administrators."
                    : "This is the exempt part of a pack (Part II). Members of the board can read it after signing in.",
                offerSignIn: !signedIn)
        case .file(let data, let location, _, let pack):
            return PackFileResponse.make(
                data: data, sha256: sha, format: format, fileName: "\(pack.id)-\(location.part).\(format)",
                isExempt: location.part == "exempt", request: request)
        }
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

    func meetingRow(_ meeting: Meeting, board: Board) -> [String: Any] {
        [
            "id": meeting.id, "url": "/meetings/\(meeting.id)", "boardName": board.name, "boardCode": board.code,
            "boardURL": "/boards/\(board.code)", "dateLong": PortalFormat.longDate(meeting.date), "isoDate": meeting.date.description,
            "time": PortalFormat.time(meeting.time), "isoTime": meeting.time.description, "venue": meeting.venue,
        ]
    }

    func packRow(_ pack: StoredPack, meeting: Meeting, board: Board) -> [String: Any] {
        let pdf = pack.parts.first { $0.part == .public && $0.format == .pdf }
        return [
            "meetingURL": "/meetings/\(meeting.id)", "boardName": board.name, "dateLong": PortalFormat.longDate(meeting.date),
            "version": pack.version, "publishedOn": PortalFormat.londonDate(ofInstant: pack.publishedAt).map(PortalFormat.date) ?? "",
            "pdfURL": pdf.map { "/packs/\($0.sha256).pdf" } ?? "", "hasPDF": pdf != nil, "pdfSize": pdf.map { PortalFormat.size($0.size) } ?? "",
            "pdfName": "\(pack.id)-public.pdf",
        ]
    }

    func boardRow(_ board: Board, names: [String: String], visible: Set<String>, all: [Board]) -> [String: Any] {
        let link = { (code: String) -> [String: Any] in
            ["code": code, "name": names[code] ?? code, "url": visible.contains(code) ? "/boards/\(code)" : "", "linked": visible.contains(code)]
        }
        let receives = all.filter { $0.reportsTo.contains(board.code) }.map(\.code)
        return [
            "code": board.code, "name": board.name, "url": "/boards/\(board.code)", "meetsInPublic": board.meetsInPublic,
            "reportsTo": board.reportsTo.map(link), "hasReportsTo": !board.reportsTo.isEmpty,
            "receivesFrom": receives.map(link), "hasReceivesFrom": !receives.isEmpty,
            "meetingTime": PortalFormat.time(board.calendar.defaultTime), "venue": board.calendar.defaultVenue,
        ]
    }

    func webcal(_ path: String) -> String {
        let url = links.absolute(path)
        if url.hasPrefix("https://") { return "webcal://" + url.dropFirst("https://".count) }
        return "webcal://" + url.dropFirst("http://".count)
    }
}
