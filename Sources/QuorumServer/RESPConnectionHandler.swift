import Logging
import NIOCore
import QuorumProtocol

/// One client connection: bytes in, requests decoded, commands run in order, replies out.
///
/// The hot path: a read's bytes are decoded at once into a queue of requests; the queue is
/// handed, as one batch, to one task that runs the commands one after another, writing every
/// reply into one buffer, and comes back to the event loop once to write and flush that buffer.
/// So pipelined requests cost one task, one hop back and one `write` between them, not one each.
/// Requests that need no I/O are answered on the event loop with no task at all, and a bare
/// PING with nothing before it still to answer is answered as it is decoded, with no request
/// made for it.
///
/// Every limit is held here, on the event loop:
/// - backpressure: the handler stops asking the channel for reads while
///   ``ServerConfiguration/maxPipelinedRequests`` requests wait, or while the replies not yet
///   taken by the client pass ``ServerConfiguration/maxPendingReplyBytes`` (the channel's
///   write-buffer high-water mark), so a client that never reads its replies fills its own
///   socket buffers, not the server's memory;
/// - the idle timeout, and the request timeout (a request begun and not finished in time);
/// - the connection limit, through the ``ConnectionRegistry``;
/// - failed sign-ins: after a few `-WRONGPASS` answers on one connection each further one is
///   delayed, and after ``ServerConfiguration/maxAuthFailures`` the connection is closed;
/// - the decoder's size limits: a well-framed request too large gets `-TOOBIG` and the
///   connection carries on; lost framing gets `-ERR Protocol error` and the connection closes.
final class RESPConnectionHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// One entry of the queue, answered in order.
    enum Work: Sendable {
        case request(RESPRequest)
        case tooLarge(RESPRequestTooLarge)
        /// A last reply, after which the connection closes.
        case closing(RESPValue)
    }

    private let configuration: ServerConfiguration
    private let dispatcher: CommandDispatcher
    private let registry: ConnectionRegistry
    private let logger: Logger

    private var decoder: RESPRequestDecoder
    /// Bytes read and not yet decoded.
    private var inbound = ByteBuffer()
    private var queue = CircularBuffer<Work>(initialCapacity: 16)
    /// Replies to bare PINGs answered as they were decoded, not yet written; they come before
    /// anything in ``queue``.
    private var earlyReplies: ByteBuffer?
    private var session = Session()
    /// Failed sign-ins on this connection: they slow, then end, a guessing client.
    private var authFailures = 0
    private var connectionID: Int?
    /// A batch is running; its replies have not been written yet.
    private var isProcessing = false
    /// A read the channel asked for and that backpressure holds back.
    private var isReadHeld = false
    /// No more input will be decoded: the framing was lost, or the connection is closing.
    private var isInputStopped = false
    /// The last reply is out and the output side shut: input is read and dropped until the
    /// client closes or ``lingerTime`` passes, so that closing with unread input (which makes
    /// the kernel send a reset) cannot destroy that reply before the client reads it.
    private var isDraining = false
    static let lingerTime = TimeAmount.seconds(2)
    private var lastReadAt = NIODeadline.now()
    /// When the first byte of the request still unfinished arrived.
    private var requestStartedAt: NIODeadline?
    private var idleTimer: Scheduled<Void>?
    private var requestTimer: Scheduled<Void>?
    /// How large the last batch's replies were: the next batch's buffer starts that size, so a
    /// run of pipelined replies is not copied again each time the buffer doubles.
    private var replyCapacity = RESPConnectionHandler.replyCapacityRange.lowerBound
    static let replyCapacityRange = 256...(1 << 20)

    init(configuration: ServerConfiguration, dispatcher: CommandDispatcher, registry: ConnectionRegistry, logger: Logger) {
        self.configuration = configuration
        self.dispatcher = dispatcher
        self.registry = registry
        self.logger = logger
        self.decoder = RESPRequestDecoder(configuration: configuration.decoder)
    }

    // MARK: Lifecycle

    func channelActive(context: ChannelHandlerContext) {
        switch registry.open(context.channel) {
        case .admitted(let id):
            connectionID = id
            session = Session(connectionID: id)
            lastReadAt = .now()
            scheduleIdleCheck(context: context, at: lastReadAt + .seconds(configuration.idleTimeoutSeconds))
        case .full:
            refuse(
                context: context,
                message: "max number of clients reached (\(registry.maxConnections), limits.max_connections); try again later")
        case .shuttingDown:
            refuse(context: context, message: "the server is shutting down")
        }
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        if let id = connectionID { registry.close(id) }
        connectionID = nil
        isInputStopped = true
        idleTimer?.cancel()
        requestTimer?.cancel()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        let peer = context.channel.remoteAddress.map { "\($0)" } ?? "?"
        logger.debug("connection ended with an error", metadata: ["peer": "\(peer)", "error": "\(error)"])
        context.close(promise: nil)
    }

    private func refuse(context: ChannelHandlerContext, message: String) {
        isInputStopped = true
        var buffer = context.channel.allocator.buffer(capacity: message.utf8.count + 8)
        buffer.writeRESPValue(.error(code: "ERR", message: message))
        context.writeAndFlush(wrapOutboundOut(buffer), promise: nil)
        lingeringClose(context: context)
    }

    /// Shuts the output side once what is written has gone, drops input for a while, then closes.
    private func lingeringClose(context: ChannelHandlerContext) {
        isInputStopped = true
        isDraining = true
        queue.removeAll()
        earlyReplies = nil
        inbound = ByteBuffer()
        let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
        context.close(mode: .output).assumeIsolated().whenFailure { _ in
            loopBound.value.close(promise: nil)
        }
        context.eventLoop.scheduleTask(in: Self.lingerTime) {
            loopBound.value.close(promise: nil)
        }
        releaseHeldRead(context: context)
    }

    // MARK: Reading

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !isInputStopped else { return }  // dropped, when draining
        var bytes = unwrapInboundIn(data)
        lastReadAt = .now()
        if inbound.readableBytes == 0 {
            inbound = bytes
        } else {
            inbound.writeBuffer(&bytes)
        }
        decodeAvailable(context: context)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        startBatch(context: context)
        context.fireChannelReadComplete()
    }

    /// Decodes what the buffer holds into the queue, up to the queue's bound; answers bare PINGs
    /// at once while nothing waits to be answered before them.
    private func decodeAvailable(context: ChannelHandlerContext) {
        // Not while a batch runs: reads go on then, and a client sending PINGs in reads too small
        // to fill the queue would pile up answers without bound; queued, they stop the reading
        // at the queue's bound as any request does. Nor while the client leaves replies unread.
        let pong =
            !isProcessing && queue.isEmpty && !isInputStopped && context.channel.isWritable && !registry.isShuttingDown
            ? dispatcher.barePingReply(for: session) : nil
        var tally = ImmediateTally()
        let completed = Self.decode(
            from: &inbound, with: &decoder, into: &queue, upTo: configuration.maxPipelinedRequests, isInputStopped: &isInputStopped,
            answeringBarePingsWith: pong, into: &earlyReplies, tally: &tally, allocator: context.channel.allocator,
            capacity: replyCapacity)
        if tally.pings > 0 { dispatcher.report(tally) }
        if inbound.readableBytes == 0 {
            // Requests hold slices of the old storage; the next read brings its own.
            inbound = ByteBuffer()
        } else if inbound.readerIndex >= 1 << 16 {
            inbound.discardReadBytes()
        }
        trackRequestStart(context: context, completedOne: completed)
    }

    /// The decoding loop, apart from the handler so that each piece of state it changes is
    /// one access for the whole loop, not one checked access per request.
    /// - Parameter pong: the reply to a bare PING decoded while the queue is empty, written to
    ///   `replies`; nil to queue bare PINGs as other requests. At most `bound` are answered in
    ///   one call, as at most `bound` requests are queued.
    /// - Returns: whether a request was completed.
    private static func decode(
        from inbound: inout ByteBuffer, with decoder: inout RESPRequestDecoder, into queue: inout CircularBuffer<Work>,
        upTo bound: Int, isInputStopped: inout Bool, answeringBarePingsWith pong: ByteBuffer?, into replies: inout ByteBuffer?,
        tally: inout ImmediateTally, allocator: ByteBufferAllocator, capacity: Int
    ) -> Bool {
        var completed = false
        while !isInputStopped, queue.count < bound {
            if let pong, queue.isEmpty, tally.pings < bound {
                let taken = decoder.takeBarePings(from: &inbound, atMost: bound - tally.pings)
                if taken > 0 {
                    if replies == nil { replies = allocator.buffer(capacity: capacity) }
                    replies!.writeCopies(of: pong, count: taken)
                    tally.pings += taken
                    completed = true
                    continue
                }
            }
            do {
                guard let next = try decoder.next(from: &inbound) else { break }
                completed = true
                switch consume next {
                case .request(let request): queue.append(.request(request))
                case .tooLarge(let refusal): queue.append(.tooLarge(refusal))
                }
            } catch {
                // The framing is lost, so the connection cannot go on: say why, then close.
                queue.append(.closing(error.reply))
                isInputStopped = true
                inbound = ByteBuffer()
            }
        }
        return completed
    }

    /// Starts, keeps or stops the clock of the request that has begun but not finished.
    private func trackRequestStart(context: ChannelHandlerContext, completedOne: Bool) {
        let unfinished = inbound.readableBytes > 0 || decoder.isInsideRequest
        // Bytes the server has not decoded because the queue is full are not the client's delay.
        let pausedByServer = queue.count >= configuration.maxPipelinedRequests
        guard unfinished, !pausedByServer, !isInputStopped else {
            requestStartedAt = nil
            return
        }
        if completedOne || requestStartedAt == nil {
            requestStartedAt = .now()
        }
        if requestTimer == nil, let started = requestStartedAt {
            scheduleRequestCheck(context: context, at: started + .seconds(configuration.requestTimeoutSeconds))
        }
    }

    // MARK: Backpressure

    private var holdsReads: Bool {
        guard !isDraining else { return false }
        return isInputStopped || queue.count >= configuration.maxPipelinedRequests
    }

    func read(context: ChannelHandlerContext) {
        if holdsReads || (!context.channel.isWritable && !isDraining) {
            isReadHeld = true
        } else {
            context.read()
        }
    }

    private func releaseHeldRead(context: ChannelHandlerContext) {
        guard isReadHeld, !holdsReads, context.channel.isWritable || isDraining else { return }
        isReadHeld = false
        context.read()
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable {
            startBatch(context: context)
            releaseHeldRead(context: context)
        }
        context.fireChannelWritabilityChanged()
    }

    // MARK: Running commands

    /// Hands the waiting requests, as one batch, to a task that runs them in order; those at the
    /// head that need no I/O are answered first, here.
    private func startBatch(context: ChannelHandlerContext) {
        guard !isProcessing, !queue.isEmpty || earlyReplies != nil, context.channel.isWritable, let id = connectionID else {
            return
        }
        var answered = earlyReplies
        earlyReplies = nil
        while true {
            guard answerImmediately(context: context, into: &answered) else { return }
            guard queue.isEmpty else { break }
            // All answered here: write them, and take what the bounded queue held back.
            if let replies = answered, replies.readableBytes > 0 { context.writeAndFlush(wrapOutboundOut(replies), promise: nil) }
            answered = nil
            decodeAvailable(context: context)
            guard !queue.isEmpty || earlyReplies != nil, context.channel.isWritable else {
                releaseHeldRead(context: context)
                return
            }
            answered = earlyReplies
            earlyReplies = nil
        }
        isProcessing = true
        var batch: [Work] = []
        batch.reserveCapacity(min(queue.count, ServerConfiguration.maxBatch))
        while batch.count < ServerConfiguration.maxBatch, let work = queue.popFirst() {
            batch.append(work)
        }
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        let eventLoop = context.eventLoop
        let (dispatcher, registry, session, authFailures) = (self.dispatcher, self.registry, self.session, self.authFailures)
        let allocator = context.channel.allocator
        let replyCapacity = self.replyCapacity
        Task { [answered] in
            var session = session
            var authFailures = authFailures
            // After the replies answered on the event loop, so that the batch leaves in one write.
            var replies = answered ?? allocator.buffer(capacity: replyCapacity)
            var closes = false
            work: for work in batch {
                switch work {
                case .request(let request):
                    guard registry.beginRequest(id) else {
                        closes = true
                        break work
                    }
                    let outcome = await dispatcher.dispatch(request, session: session)
                    session = outcome.session
                    if case .error("WRONGPASS", _) = outcome.reply {
                        authFailures += 1
                        if authFailures >= ServerConfiguration.maxAuthFailures {
                            _ = registry.endRequest(id)
                            replies.writeRESPValue(
                                .error(
                                    code: "ERR",
                                    message: "\(authFailures) failed sign-ins on this connection; closing it"),
                                version: session.protocolVersion)
                            closes = true
                            break work
                        }
                        if authFailures > ServerConfiguration.authFailuresBeforeDelay {
                            let doublings = min(authFailures - ServerConfiguration.authFailuresBeforeDelay - 1, 3)
                            try? await Task.sleep(for: ServerConfiguration.authFailureDelay * (1 << doublings))
                        }
                    }
                    replies.writeRESPValue(outcome.reply, version: session.protocolVersion)
                    if !registry.endRequest(id) || outcome.close {
                        closes = true
                        break work
                    }
                case .tooLarge(let refusal):
                    replies.writeRESPValue(refusal.reply, version: session.protocolVersion)
                case .closing(let reply):
                    replies.writeRESPValue(reply, version: session.protocolVersion)
                    closes = true
                    break work
                }
            }
            eventLoop.execute { [replies, session, closes, authFailures] in
                let (handler, context) = loopBound.value
                handler.authFailures = authFailures
                handler.finishBatch(context: context, replies: replies, session: session, closes: closes)
            }
        }
        // The queue has room again: decode what waits in the buffer, and read again.
        decodeAvailable(context: context)
        releaseHeldRead(context: context)
    }

    /// Answers the requests at the head of the queue that need no I/O (PING, a kept reply) on the
    /// event loop: no task, no hop. What follows them goes to a task, after them in the same
    /// write, so replies keep the order of their requests and a batch still leaves in one write.
    /// - Parameter replies: the replies due so far, to which these are added (nil for none).
    /// - Returns: false when the connection is closing (`replies` written).
    private func answerImmediately(context: ChannelHandlerContext, into replies: inout ByteBuffer?) -> Bool {
        // Answered here, in one go on the event loop, these need no mark of being busy: a
        // shutdown's close of an idle connection runs on this loop after them. A shutdown
        // already begun is seen as beginRequest would see it.
        guard !registry.isShuttingDown else {
            if case .request? = queue.first {
                closeAfter(replies, context: context)
                return false
            }
            return true
        }
        var tally = ImmediateTally()
        let (answered, closes) = Self.answer(
            &queue, session: &session, into: &replies, dispatcher: dispatcher, tally: &tally, allocator: context.channel.allocator,
            capacity: replyCapacity)
        dispatcher.report(tally)
        if let replies { noteReplySize(replies) }
        if closes || (answered > 0 && registry.isShuttingDown) {
            closeAfter(replies, context: context)
            return false
        }
        return true
    }

    /// The loop of ``answerImmediately(context:into:)``, apart from the handler as ``decode`` is.
    /// - Returns: how many were answered, and whether the last answer closes the connection.
    private static func answer(
        _ queue: inout CircularBuffer<Work>, session: inout Session, into replies: inout ByteBuffer?,
        dispatcher: CommandDispatcher, tally: inout ImmediateTally, allocator: ByteBufferAllocator, capacity: Int
    ) -> (answered: Int, closes: Bool) {
        var answered = 0
        while answered < ServerConfiguration.maxBatch, case .request(let request)? = queue.first,
            let outcome = dispatcher.dispatchImmediately(request, session: session, tally: &tally)
        {
            _ = queue.popFirst()
            answered += 1
            session = outcome.session
            if replies == nil { replies = allocator.buffer(capacity: capacity) }
            replies!.writeRESPValue(outcome.reply, version: session.protocolVersion)
            if outcome.close { return (answered, true) }
        }
        return (answered, false)
    }

    private func noteReplySize(_ replies: ByteBuffer) {
        replyCapacity = min(max(replies.readableBytes, Self.replyCapacityRange.lowerBound), Self.replyCapacityRange.upperBound)
    }

    /// Writes `replies`, if any, then closes as ``lingeringClose(context:)`` does.
    private func closeAfter(_ replies: ByteBuffer?, context: ChannelHandlerContext) {
        if let replies { context.writeAndFlush(wrapOutboundOut(replies), promise: nil) }
        lingeringClose(context: context)
    }

    /// Writes a batch's replies in one write and one flush, then starts the next batch.
    private func finishBatch(context: ChannelHandlerContext, replies: ByteBuffer, session: Session, closes: Bool) {
        isProcessing = false
        self.session = session
        noteReplySize(replies)
        if closes {
            context.writeAndFlush(wrapOutboundOut(replies), promise: nil)
            lingeringClose(context: context)
            return
        }
        if replies.readableBytes > 0 {
            context.writeAndFlush(wrapOutboundOut(replies), promise: nil)
        }
        decodeAvailable(context: context)
        startBatch(context: context)
        releaseHeldRead(context: context)
    }

    /// Answers `message` after the replies already due, then closes.
    private func close(context: ChannelHandlerContext, saying message: String) {
        isInputStopped = true
        inbound = ByteBuffer()
        guard context.channel.isWritable else {
            // A client that reads nothing would never see the message.
            context.close(promise: nil)
            return
        }
        queue.append(.closing(.error(code: "ERR", message: message)))
        startBatch(context: context)
    }

    // MARK: Timers

    private func scheduleIdleCheck(context: ChannelHandlerContext, at deadline: NIODeadline) {
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        idleTimer = context.eventLoop.scheduleTask(deadline: deadline) {
            let (handler, context) = loopBound.value
            handler.checkIdle(context: context)
        }
    }

    private func checkIdle(context: ChannelHandlerContext) {
        idleTimer = nil
        guard connectionID != nil, !isInputStopped else { return }
        let timeout = TimeAmount.seconds(configuration.idleTimeoutSeconds)
        let due = lastReadAt + timeout
        // A command still running, or replies the client has yet to take, is not idleness of
        // the client's making, unless the client has read nothing for the whole timeout.
        let waitingForServer = isProcessing || ((!queue.isEmpty || earlyReplies != nil) && context.channel.isWritable)
        if NIODeadline.now() < due || waitingForServer {
            scheduleIdleCheck(context: context, at: max(due, .now() + .seconds(1)))
            return
        }
        close(context: context, saying: "idle timeout: nothing received for \(configuration.idleTimeoutSeconds) s (limits.idle_timeout_seconds); closing the connection")
    }

    private func scheduleRequestCheck(context: ChannelHandlerContext, at deadline: NIODeadline) {
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        requestTimer = context.eventLoop.scheduleTask(deadline: deadline) {
            let (handler, context) = loopBound.value
            handler.checkRequest(context: context)
        }
    }

    private func checkRequest(context: ChannelHandlerContext) {
        requestTimer = nil
        guard connectionID != nil, !isInputStopped, let started = requestStartedAt else { return }
        let due = started + .seconds(configuration.requestTimeoutSeconds)
        if NIODeadline.now() < due {
            scheduleRequestCheck(context: context, at: due)
            return
        }
        close(context: context, saying: "request timeout: a request begun \(configuration.requestTimeoutSeconds) s ago is still incomplete (limits.request_timeout_seconds); closing the connection")
    }
}

@available(*, unavailable)
extension RESPConnectionHandler: Sendable {}

extension ByteBuffer {
    /// Writes `count` copies of `bytes`' readable bytes, in one piece.
    fileprivate mutating func writeCopies(of bytes: ByteBuffer, count: Int) {
        bytes.withUnsafeReadableBytes { source in
            let size = source.count
            _ = self.writeWithUnsafeMutableBytes(minimumWritableBytes: size * count) { out in
                for copy in 0..<count {
                    UnsafeMutableRawBufferPointer(rebasing: out[(copy * size)..<((copy + 1) * size)]).copyMemory(from: source)
                }
                return size * count
            }
        }
    }
}
