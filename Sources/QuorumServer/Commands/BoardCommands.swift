import QuorumDomain

/// BOARD LIST and BOARD GET.
enum BoardCommands {
    static let specs: [CommandSpec] = [
        CommandSpec(name: "BOARD LIST", usage: "", summary: "the boards", access: "anyone", arity: 0...0) { context, invocation in
            let boards = try await context.database.boards()
            return CommandOutcome(reply: try JSONReply.encode(boards.map(BoardSummaryDocument.init)), session: invocation.session)
        },
        CommandSpec(name: "BOARD GET", usage: "<code>", summary: "one board in full", access: "anyone", arity: 1...1) { context, invocation in
            let code = invocation.arguments[0].uppercased()
            let boards = try await context.database.boards()
            guard let board = boards.first(where: { $0.code == code }) else {
                throw CommandError(.notfound, "BOARD GET: no board '\(invocation.arguments[0])'")
            }
            let next = try await context.database.meetings(of: code, from: context.today).first
            let document = BoardDocument(
                code: board.code, name: board.name, chair: PersonDocument(board.chair),
                secretary: PersonDocument(board.secretary), members: board.members.map(PersonDocument.init),
                reportsTo: board.reportsTo,
                receivesReportsFrom: boards.filter { $0.reportsTo.contains(code) }.map(\.code),
                meetsInPublic: board.meetsInPublic,
                calendar: .init(
                    rule: board.calendar.rule?.description, start: board.calendar.start?.description,
                    dates: board.calendar.dates.map(\.description),
                    cancelled: board.calendar.cancellations.map(\.description),
                    defaultTime: board.calendar.defaultTime.description, defaultVenue: board.calendar.defaultVenue),
                cycles: board.cycles.map(CycleSummaryDocument.init),
                nextMeeting: next?.id)
            return CommandOutcome(reply: try JSONReply.encode(document), session: invocation.session)
        },
    ]
}
