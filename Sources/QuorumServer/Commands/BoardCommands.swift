import QuorumApplication

/// BOARD LIST and BOARD GET.
enum BoardCommands {
    static let specs: [CommandSpec] = [
        CommandSpec(name: "BOARD LIST", usage: "", summary: "the boards", operation: .boardList, arity: 0...0) { context, invocation in
            invocation.reply(try JSONReply.encode(try await context.application.governance.boards(as: invocation.user)))
        },
        CommandSpec(name: "BOARD GET", usage: "<code>", summary: "one board in full", operation: .boardGet, arity: 1...1) { context, invocation in
            invocation.reply(
                try JSONReply.encode(try await context.application.governance.board(invocation.arguments[0], as: invocation.user)))
        },
    ]
}
