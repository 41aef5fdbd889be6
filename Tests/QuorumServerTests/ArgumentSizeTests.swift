import Foundation
import QuorumProtocol
import Testing

@testable import QuorumServer

@Suite("Each command's argument size, declared next to it and checked in one place")
struct ArgumentSizeTests {
    static func error(_ reply: RESPValue) -> (code: String, message: String)? {
        if case .error(let code, let message) = reply { return (code, message) }
        return nil
    }

    @Test func anArgumentOverTheCommandsSizeIsTooBigNamingCommandPositionAndBound() async throws {
        let (dispatcher, _, _) = try await CommandDispatcherTests.makeDispatcher()
        let code = String(repeating: "C", count: 1025)
        let reply = await dispatcher.dispatch(RESPRequest("BOARD", "GET", code), session: Session()).reply
        #expect(Self.error(reply)?.code == "TOOBIG")
        #expect(Self.error(reply)?.message == "BOARD GET: argument 3 is 1025 bytes; at most 1024")
        // At the bound the command runs (and finds no such board).
        let atBound = await dispatcher.dispatch(RESPRequest("BOARD", "GET", String(code.dropLast())), session: Session()).reply
        #expect(Self.error(atBound)?.code == "NOTFOUND")
    }

    @Test func theBoundCountsBytesNotCharacters() async throws {
        let (dispatcher, _, _) = try await CommandDispatcherTests.makeDispatcher()
        // 513 two-byte characters: 1026 bytes.
        let reply = await dispatcher.dispatch(RESPRequest("USER", "REVOKE", String(repeating: "é", count: 513)), session: Session()).reply
        #expect(Self.error(reply)?.message == "USER REVOKE: argument 3 is 1026 bytes; at most 1024")
    }

    @Test func documentsAreBoundOnlyByTheDecodersLimits() async throws {
        let (dispatcher, _, _) = try await CommandDispatcherTests.makeDispatcher()
        let long = String(repeating: "x", count: 200_000)
        let reply = await dispatcher.dispatch(RESPRequest("PING", long), session: Session()).reply
        #expect(reply == .bulkString(.init(string: long)))
        // IMPORT's CSV passes the size check and reaches the sign-in check.
        let imported = await dispatcher.dispatch(RESPRequest("IMPORT", "actions", long), session: Session()).reply
        #expect(Self.error(imported)?.code == "NOAUTH")
    }

    @Test func everyCommandDeclaresItsSizeAndThoseCarryingFilesAreDocuments() {
        let sizes = Dictionary(uniqueKeysWithValues: CommandDispatcher.allCommands.map { ($0.name, $0.argumentSize) })
        #expect(sizes.filter { $0.value == .document }.keys.sorted() == ["IMPORT", "MINUTES RECORD", "PING", "REPORT SUBMIT"])
        #expect(sizes["MEETING ADD"] == .text)
        #expect(sizes["AUTH"] == .short)
        #expect(ArgumentSize.short.maxBytes == 1024 && ArgumentSize.text.maxBytes == 65536 && ArgumentSize.document.maxBytes == nil)
    }

    @Test func freeTextUpToItsBoundIsTakenAndOverItRefused() async throws {
        let (dispatcher, _, _) = try await CommandDispatcherTests.makeDispatcher()
        let venue = String(repeating: "v", count: 65_537)
        let reply = await dispatcher.dispatch(RESPRequest("MEETING", "ADD", "OSC", "2017-12-12", "18:30", venue), session: Session()).reply
        #expect(Self.error(reply)?.message == "MEETING ADD: argument 6 is 65537 bytes; at most 65536")
        let fits = await dispatcher.dispatch(RESPRequest("MEETING", "ADD", "OSC", "2017-12-12", "18:30", String(venue.dropFirst())), session: Session()).reply
        #expect(Self.error(fits)?.code == "NOAUTH")
    }
}
