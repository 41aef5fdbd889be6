import Foundation
import NIOCore
import QuorumApplication
import QuorumProtocol

extension CommandSpec {
    /// A command that replies with the wire document its core operation returns, as JSON.
    ///
    /// The handler only maps the arguments to the operation; the reply is written here, once.
    ///
    /// ```swift
    /// .document("ACTION GET", usage: "<ref> [asof=YYYY-MM-DD]", summary: "one action", .actionGet, arity: 1...2) { context, invocation in
    ///     try await context.application.plan.action(invocation.arguments[0], asOf: try invocation.asOf(from: 1), as: invocation.user)
    /// }
    /// ```
    static func document<Document: Encodable & Sendable>(
        _ name: String, usage: String, summary: String, _ operation: QuorumApplication.Operation, arity: ClosedRange<Int>,
        argumentSize: ArgumentSize = .short,
        _ handler: @escaping @Sendable (ServerContext, CommandInvocation) async throws -> Document
    ) -> CommandSpec {
        CommandSpec(name: name, usage: usage, summary: summary, operation: operation, arity: arity, argumentSize: argumentSize) { context, invocation in
            invocation.reply(try JSONReply.encode(try await handler(context, invocation)))
        }
    }

    /// A command that replies with the bytes of a rendered document (HTML or PDF) as a bulk string.
    static func file(
        _ name: String, usage: String, summary: String, _ operation: QuorumApplication.Operation, arity: ClosedRange<Int>,
        argumentSize: ArgumentSize = .short,
        _ handler: @escaping @Sendable (ServerContext, CommandInvocation) async throws -> Data
    ) -> CommandSpec {
        CommandSpec(name: name, usage: usage, summary: summary, operation: operation, arity: arity, argumentSize: argumentSize) { context, invocation in
            invocation.reply(.bulkString(ByteBuffer(bytes: try await handler(context, invocation))))
        }
    }
}
