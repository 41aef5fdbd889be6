import Foundation
import Logging
import QuorumApplication
import QuorumDomain
import QuorumProtocol
import QuorumStorage
import Synchronization
import Testing

@testable import QuorumServer

@Suite("Kept replies: given again only while nothing is written and the day is the same")
struct ReplyCacheTests {
    /// A clock the test moves.
    final class TestClock: Sendable {
        let instant: Mutex<Date>
        init(_ iso: String) { instant = Mutex(ISO8601DateFormatter().date(from: iso)!) }
        func set(_ iso: String) { instant.withLock { $0 = ISO8601DateFormatter().date(from: iso)! } }
        var wallClock: WallClock { WallClock { self.instant.withLock { $0 } } }
    }

    static func makeDispatcher(
        clock: TestClock, onUntimed: (@Sendable (String, Int) -> Void)? = nil
    ) async throws -> (CommandDispatcher, AppDatabase, Session) {
        let database = try AppDatabase.makeInMemory()
        let board = Board(
            code: "OSC", name: "Scrutiny", chair: Person(role: "Chair", email: "chair@example.org"),
            secretary: Person(role: "Secretary", email: "clerk@example.org"), members: [], reportsTo: [], meetsInPublic: true,
            calendar: MeetingCalendar(
                dates: [LocalDate(iso: "2017-11-14")!, LocalDate(iso: "2018-01-09")!], defaultTime: LocalTime(hour: 18, minute: 30)!,
                defaultVenue: "Town Hall"),
            cycles: [])
        try await database.synchronise(try Governance(boards: [board]), through: LocalDate(iso: "2030-01-01")!, now: testNow)
        let token = try await database.createAdminIfNeeded(now: testNow)!
        let application = try makeTestApplication(database: database, clock: clock.wallClock)
        var context = ServerContext(application: application, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        context.onUntimed = onUntimed
        let dispatcher = CommandDispatcher(context: context)
        let admin = await dispatcher.dispatch(RESPRequest("AUTH", "admin", token), session: Session()).session
        return (dispatcher, database, admin)
    }

    static func meetingIDs(_ reply: RESPValue) throws -> [String] {
        let list = try #require(try CommandDispatcherTests.json(reply) as? [[String: Any]])
        return list.compactMap { $0["id"] as? String }
    }

    static func nextMeeting(_ reply: RESPValue) throws -> String? {
        try #require(try CommandDispatcherTests.json(reply) as? [String: Any])["next_meeting"] as? String
    }

    @Test func aWriteThroughTheCoreIsSeenByTheNextRead() async throws {
        let clock = TestClock("2017-11-01T09:00:00Z")
        let (dispatcher, _, admin) = try await Self.makeDispatcher(clock: clock)
        let list = RESPRequest("MEETING", "LIST", "OSC", "2017-01-01", "2030-01-01")
        let first = await dispatcher.dispatch(list, session: Session()).reply
        #expect(try Self.meetingIDs(first) == ["OSC-2017-11-14", "OSC-2018-01-09"])
        #expect(await dispatcher.dispatch(list, session: Session()).reply == first)
        #expect(dispatcher.context.replies.usage.entries == 1, "the read was kept")
        let added = await dispatcher.dispatch(RESPRequest("MEETING", "ADD", "OSC", "2017-12-12"), session: admin).reply
        #expect(CommandDispatcherTests.errorCode(added) == nil)
        let after = await dispatcher.dispatch(list, session: Session()).reply
        #expect(try Self.meetingIDs(after) == ["OSC-2017-11-14", "OSC-2017-12-12", "OSC-2018-01-09"])
    }

    @Test func aWriteThatBypassesTheCoreIsSeenToo() async throws {
        let clock = TestClock("2017-11-01T09:00:00Z")
        let (dispatcher, database, _) = try await Self.makeDispatcher(clock: clock)
        let list = RESPRequest("MEETING", "LIST", "OSC", "2017-01-01", "2030-01-01")
        #expect(try Self.meetingIDs(await dispatcher.dispatch(list, session: Session()).reply).count == 2)
        let meeting = Meeting(
            boardCode: "OSC", date: LocalDate(iso: "2018-03-06")!, time: LocalTime(hour: 18, minute: 30)!, venue: "Town Hall",
            origin: .added)
        _ = try await database.addMeeting(meeting, addedBy: "test", now: testNow)
        #expect(try Self.meetingIDs(await dispatcher.dispatch(list, session: Session()).reply).contains("OSC-2018-03-06"))
    }

    @Test func aReplyThatDependsOnTodayIsMadeAgainTheNextDay() async throws {
        let clock = TestClock("2017-11-14T09:00:00Z")
        let (dispatcher, _, _) = try await Self.makeDispatcher(clock: clock)
        let board = RESPRequest("BOARD", "GET", "OSC")
        #expect(try Self.nextMeeting(await dispatcher.dispatch(board, session: Session()).reply) == "OSC-2017-11-14")
        clock.set("2017-11-15T09:00:00Z")
        #expect(try Self.nextMeeting(await dispatcher.dispatch(board, session: Session()).reply) == "OSC-2018-01-09")
    }

    @Test func errorsAndWritesAreNotKept() async throws {
        let clock = TestClock("2017-11-01T09:00:00Z")
        let (dispatcher, _, admin) = try await Self.makeDispatcher(clock: clock)
        #expect(CommandDispatcherTests.errorCode(await dispatcher.dispatch(RESPRequest("MEETING", "GET", "OSC-1999-01-01"), session: Session()).reply) == "NOTFOUND")
        _ = await dispatcher.dispatch(RESPRequest("MEETING", "ADD", "OSC", "2017-12-12"), session: admin)
        #expect(dispatcher.context.replies.usage.entries == 0)
    }

    @Test func eachUserHasTheirOwnReplies() {
        let cache = ReplyCache()
        let date = LocalDate(iso: "2017-11-01")!
        let member = User(name: "member@example.org", role: .member, boardCode: "OSC")
        let key = ReplyCache.Key(command: "PACK LIST", arguments: ["OSC-2017-11-14"], user: member)
        cache.keep(.bulk("[\"exempt\"]"), for: key, version: 1, date: date)
        #expect(cache.reply(for: key, version: 1, date: date) == .bulk("[\"exempt\"]"))
        var someoneElse = key
        someoneElse.user = nil
        #expect(cache.reply(for: someoneElse, version: 1, date: date) == nil)
        #expect(cache.reply(for: key, version: 2, date: date) == nil, "a later version is a miss")
    }

    @Test func theCacheStaysWithinItsBoundsWhateverClientsAsk() {
        let cache = ReplyCache(maxEntries: 3, maxBytes: 200, maxEntryBytes: 100)
        let date = LocalDate(iso: "2017-11-01")!
        func key(_ n: Int) -> ReplyCache.Key { ReplyCache.Key(command: "MEETING GET", arguments: ["M\(n)"], user: nil) }
        for n in 0..<10 {
            cache.keep(.bulk(String(repeating: "x", count: 40)), for: key(n), version: 1, date: date)
        }
        #expect(cache.usage.entries <= 3)
        #expect(cache.usage.bytes <= 200)
        #expect(cache.reply(for: key(9), version: 1, date: date) != nil, "the newest stays")
        #expect(cache.reply(for: key(0), version: 1, date: date) == nil, "the oldest went")
        cache.keep(.bulk(String(repeating: "x", count: 150)), for: key(99), version: 1, date: date)
        #expect(cache.reply(for: key(99), version: 1, date: date) == nil, "a reply larger than one entry may be is not kept")
        cache.keep(.bulk("new"), for: key(50), version: 2, date: date)
        #expect(cache.usage.entries == 1, "replies of an older version go first")
    }

    @Test func pingAndKeptRepliesAreAnsweredWithoutWaitingAndEverythingElseIsDispatched() async throws {
        let clock = TestClock("2017-11-01T09:00:00Z")
        let (dispatcher, _, admin) = try await Self.makeDispatcher(clock: clock)
        var tally = ImmediateTally()
        #expect(dispatcher.dispatchImmediately(RESPRequest("PING"), session: Session(), tally: &tally)?.reply == .simpleString("PONG"))
        let list = RESPRequest("MEETING", "LIST", "OSC", "2017-01-01", "2030-01-01")
        #expect(dispatcher.dispatchImmediately(list, session: Session(), tally: &tally) == nil, "nothing kept yet")
        let first = await dispatcher.dispatch(list, session: Session()).reply
        #expect(dispatcher.dispatchImmediately(list, session: Session(), tally: &tally)?.reply == first)
        _ = await dispatcher.dispatch(RESPRequest("MEETING", "ADD", "OSC", "2017-12-12"), session: admin)
        #expect(dispatcher.dispatchImmediately(list, session: Session(), tally: &tally) == nil, "a write leaves the kept reply behind")
        #expect(dispatcher.dispatchImmediately(RESPRequest("FROB"), session: Session(), tally: &tally) == nil, "errors come from dispatch")
        #expect(dispatcher.dispatchImmediately(RESPRequest("ACTION", "LIST"), session: Session(), tally: &tally) == nil, "nor does access")
    }

    @Test func keptRepliesAreCountedOncePerRunOfOneCommandAndPingsOncePerBatch() async throws {
        let counted = Mutex<[String]>([])
        let (dispatcher, _, _) = try await Self.makeDispatcher(
            clock: TestClock("2017-11-01T09:00:00Z"), onUntimed: { name, count in counted.withLock { $0.append("\(name) \(count)") } })
        let boards = RESPRequest("BOARD", "LIST")
        let meetings = RESPRequest("MEETING", "LIST", "OSC")
        _ = await dispatcher.dispatch(boards, session: Session())
        _ = await dispatcher.dispatch(meetings, session: Session())
        var tally = ImmediateTally()
        for request in [boards, boards, RESPRequest("PING"), boards, meetings, meetings, RESPRequest("PING"), boards] {
            #expect(dispatcher.dispatchImmediately(request, session: Session(), tally: &tally) != nil)
        }
        #expect(counted.withLock { $0 } == ["BOARD LIST 3", "MEETING LIST 2"], "a run ends when another kept command comes")
        dispatcher.report(tally)
        #expect(counted.withLock { $0 } == ["BOARD LIST 3", "MEETING LIST 2", "PING 2", "BOARD LIST 1"])
    }

    @Test func aBarePingInAnyCaseIsKnownByItsBytesAndCountedAndAnythingLikeItGoesTheLongWay() async throws {
        let (dispatcher, _, _) = try await Self.makeDispatcher(clock: TestClock("2017-11-01T09:00:00Z"))
        var tally = ImmediateTally()
        for name in ["PING", "ping", "PiNg"] {
            #expect(dispatcher.dispatchImmediately(RESPRequest(name), session: Session(), tally: &tally)?.reply == .simpleString("PONG"))
        }
        #expect(tally.pings == 3)
        #expect(dispatcher.dispatchImmediately(RESPRequest("PING", "hi"), session: Session(), tally: &tally)?.reply == .bulk("hi"))
        #expect(dispatcher.dispatchImmediately(RESPRequest("PINGS"), session: Session(), tally: &tally) == nil)
        #expect(dispatcher.dispatchImmediately(RESPRequest("P\u{0}NG"), session: Session(), tally: &tally) == nil)
        #expect(dispatcher.dispatchImmediately(RESPRequest("PIN"), session: Session(), tally: &tally) == nil)
        #expect(tally.pings == 3, "a PING with a message, and names like it, are not bare PINGs")
        #expect(CommandDispatcher.isBarePing(RESPRequest("p\u{09}ng")) == false, "only letters fold: 0x09 | 0x20 is not 'i'")
        #expect(CommandDispatcher.isBarePing(RESPRequest("PONG")) == false)
    }
}
