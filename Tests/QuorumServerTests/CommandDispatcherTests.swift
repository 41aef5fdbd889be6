import Foundation
import Logging
import QuorumApplication
import QuorumDomain
import QuorumProtocol
import QuorumScheduler
import QuorumStorage
import Testing

@testable import QuorumServer

@Suite("The command table: arity, subcommands, sign-in and permissions")
struct CommandDispatcherTests {
    static func makeDispatcher() async throws -> (CommandDispatcher, AppDatabase, String) {
        let database = try AppDatabase.makeInMemory()
        let board = Board(
            code: "OSC", name: "Scrutiny", chair: Person(role: "Chair", email: "chair@example.org"),
            secretary: Person(role: "Secretary", email: "clerk@example.org"), members: [], reportsTo: [], meetsInPublic: true,
            calendar: MeetingCalendar(dates: [LocalDate(iso: "2017-11-14")!], defaultTime: LocalTime(hour: 18, minute: 30)!, defaultVenue: "Town Hall"),
            cycles: [])
        try await database.synchronise(try Governance(boards: [board]), through: LocalDate(iso: "2030-01-01")!, now: testNow)
        let token = try await database.createAdminIfNeeded(now: testNow)!
        let application = try makeTestApplication(database: database)
        let context = ServerContext(application: application, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        return (CommandDispatcher(context: context), database, token)
    }

    static func errorCode(_ reply: RESPValue) -> String? {
        if case .error(let code, _) = reply { return code }
        return nil
    }

    static func json(_ reply: RESPValue) throws -> Any {
        guard case .bulkString(let buffer) = reply else { throw CommandError(.internal, "not a bulk reply: \(reply)") }
        return try JSONSerialization.jsonObject(with: Data(buffer.readableBytesView))
    }

    @Test func commandNamesAreCaseInsensitiveAndSubcommandsResolve() async throws {
        let (dispatcher, _, _) = try await Self.makeDispatcher()
        let boards = await dispatcher.dispatch(RESPRequest("board", "list"), session: Session())
        #expect((try Self.json(boards.reply) as? [[String: Any]])?.first?["code"] as? String == "OSC")
        #expect(Self.errorCode(await dispatcher.dispatch(RESPRequest("BOARD"), session: Session()).reply) == "ERR")
        #expect(Self.errorCode(await dispatcher.dispatch(RESPRequest("BOARD", "FROB"), session: Session()).reply) == "ERR")
        #expect(Self.errorCode(await dispatcher.dispatch(RESPRequest("FROB"), session: Session()).reply) == "ERR")
    }

    @Test func arityIsCheckedBeforeTheHandlerRuns() async throws {
        let (dispatcher, _, _) = try await Self.makeDispatcher()
        let reply = await dispatcher.dispatch(RESPRequest("MEETING", "GET"), session: Session()).reply
        guard case .error(let code, let message) = reply else { Issue.record("expected an error"); return }
        #expect(code == "ERR")
        #expect(message.contains("usage: MEETING GET <id>"))
    }

    @Test func authChangesTheSessionAndAWrongTokenDoesNot() async throws {
        let (dispatcher, _, token) = try await Self.makeDispatcher()
        let wrong = await dispatcher.dispatch(RESPRequest("AUTH", "admin", "nope"), session: Session())
        #expect(Self.errorCode(wrong.reply) == "WRONGPASS")
        #expect(wrong.session.user == nil)
        let right = await dispatcher.dispatch(RESPRequest("AUTH", "admin", token), session: Session())
        #expect(right.reply == .ok)
        #expect(right.session.user?.role == .admin)
        let added = await dispatcher.dispatch(RESPRequest("MEETING", "ADD", "OSC", "2018-12-12"), session: right.session)
        #expect((try Self.json(added.reply) as? [String: Any])?["publish_by"] as? String == "2018-12-04")
    }

    @Test func optionsAreKeyValueAndUnknownKeysAreRefused() async throws {
        let (dispatcher, _, token) = try await Self.makeDispatcher()
        let session = await dispatcher.dispatch(RESPRequest("AUTH", "admin", token), session: Session()).session
        #expect(Self.errorCode(await dispatcher.dispatch(RESPRequest("ACTION", "LIST", "colour=red"), session: session).reply) == "BADARG")
        #expect(Self.errorCode(await dispatcher.dispatch(RESPRequest("ACTION", "LIST", "status"), session: session).reply) == "BADARG")
        #expect(Self.errorCode(await dispatcher.dispatch(RESPRequest("ACTION", "LIST", "asof=2017-02-30"), session: session).reply) == "BADARG")
        let empty = await dispatcher.dispatch(RESPRequest("ACTION", "LIST", "STATUS=overdue", "asof=2017-11-01"), session: session)
        #expect((try Self.json(empty.reply) as? [Any])?.isEmpty == true)
    }

    @Test func quitClosesAndHelloSwitchesTheProtocol() async throws {
        let (dispatcher, _, _) = try await Self.makeDispatcher()
        #expect(await dispatcher.dispatch(RESPRequest("QUIT"), session: Session()).close)
        let hello = await dispatcher.dispatch(RESPRequest("HELLO", "3"), session: Session())
        #expect(hello.session.protocolVersion == .resp3)
        guard case .map(let entries) = hello.reply else { Issue.record("HELLO answers a map"); return }
        #expect(entries.contains { $0.key == .bulk("proto") && $0.value == .integer(3) })
        #expect(Self.errorCode(await dispatcher.dispatch(RESPRequest("HELLO", "4"), session: Session()).reply) == "NOPROTO")
    }
}
