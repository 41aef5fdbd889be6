import QuorumApplication

/// BOARD LIST and BOARD GET.
enum BoardCommands {
    static let specs: [CommandSpec] = [
        .document("BOARD LIST", usage: "", summary: "the boards", .boardList, arity: 0...0) { context, invocation in
            try await context.application.governance.boards(as: invocation.user)
        },
        .document("BOARD GET", usage: "<code>", summary: "one board in full", .boardGet, arity: 1...1) { context, invocation in
            try await context.application.governance.board(invocation.arguments[0], as: invocation.user)
        },
    ]
}
