import QuorumDomain
import Testing

@testable import QuorumStorage

@Suite("Users and tokens")
struct UserStoreTests {
    @Test func theAdminIsCreatedOnceWithATokenThatSignsIn() async throws {
        let database = try AppDatabase.makeInMemory()
        let token = try #require(try await database.createAdminIfNeeded(now: testNow))
        #expect(token.count == 64)
        #expect(try await database.createAdminIfNeeded(now: testNow) == nil)
        #expect(try await database.authenticate(name: "admin", token: token)?.role == .admin)
        #expect(try await database.authenticate(name: "admin", token: token + "x") == nil)
        #expect(try await database.authenticate(name: "nobody", token: token) == nil)
    }

    @Test func tokensAreStoredOnlyAsTheirHash() async throws {
        let database = try AppDatabase.makeInMemory()
        let token = try #require(try await database.createAdminIfNeeded(now: testNow))
        let stored = try await database.writer.read { db in try UserRecord.fetchAll(db) }
        #expect(stored.count == 1)
        #expect(stored[0].tokenHash == AccessToken.hash(token))
        #expect(!String(decoding: stored[0].tokenHash, as: UTF8.self).contains(token))
    }

    @Test func usersAreAddedWithTheirBoardAndEmailsAreUniqueIgnoringCase() async throws {
        let database = try AppDatabase.makeInMemory()
        try await database.synchronise(try Fixtures.governance(Fixtures.board("OSC", dates: [])), through: Fixtures.horizon, now: testNow)
        let token = try await database.addUser(email: "clerk@example.org", role: .secretary, boardCode: "OSC", now: testNow)
        let user = try #require(try await database.authenticate(name: "Clerk@Example.org", token: token))
        #expect(user.role == .secretary && user.boardCode == "OSC")
        #expect(user.isSecretary(of: "OSC") && !user.isSecretary(of: "CPB"))
        await #expect(throws: UserStoreError.alreadyExists("CLERK@example.org")) {
            _ = try await database.addUser(email: "CLERK@example.org", role: .lead, boardCode: nil, now: testNow)
        }
        await #expect(throws: UserStoreError.unknownBoard("NOPE")) {
            _ = try await database.addUser(email: "m@example.org", role: .member, boardCode: "NOPE", now: testNow)
        }
    }

    @Test func twoTokensAreNeverTheSame() {
        let tokens = Set((0..<100).map { _ in AccessToken.generate() })
        #expect(tokens.count == 100)
        #expect(tokens.allSatisfy { $0.count == 64 && $0.allSatisfy(\.isHexDigit) })
    }
}
