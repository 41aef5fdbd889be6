import Foundation
import QuorumDomain
import Testing

@testable import QuorumStorage

@Suite("Web sessions, sign-in links, search and calendar sequence")
struct PortalStoreTests {
    static let now = Date(timeIntervalSince1970: 1_509_958_800)

    @Test func aSessionLastsUntilItExpiresIsClosedOrTheTokenChanges() async throws {
        let database = try AppDatabase.makeInMemory()
        let token = try #require(try await database.createAdminIfNeeded(now: Self.now))
        let later = Self.now.addingTimeInterval(3600)
        let admin = try #require(try await database.authenticate(name: "admin", token: token))
        #expect(try await database.openPortalSession(for: admin, token: "wrong", sessionID: "s0", expiresAt: later, now: Self.now) == false)
        #expect(try await database.openPortalSession(for: admin, token: token, sessionID: "s1", expiresAt: later, now: Self.now))
        #expect(try await database.portalSessionUser(sessionID: "s1", now: Self.now)?.name == "admin")
        #expect(try await database.portalSessionUser(sessionID: "s0", now: Self.now) == nil)
        #expect(try await database.portalSessionUser(sessionID: "s1", now: later) == nil, "expired")
        try await database.closePortalSession(sessionID: "s1", now: Self.now)
        #expect(try await database.portalSessionUser(sessionID: "s1", now: Self.now) == nil, "signed out")
        _ = try await database.openPortalSession(for: admin, token: token, sessionID: "s2", expiresAt: later, now: Self.now)
        try await database.writer.write { db in try db.execute(sql: "UPDATE user SET tokenHash = x'00'") }
        #expect(try await database.portalSessionUser(sessionID: "s2", now: Self.now) == nil, "a new token ends old sessions")
    }

    @Test func aSignInLinkWorksOnceAndOnlyBeforeItExpiresAndIsStoredWithItsMessage() async throws {
        let database = try AppDatabase.makeInMemory()
        _ = try await database.createAdminIfNeeded(now: Self.now)
        let later = Self.now.addingTimeInterval(900)
        let message: @Sendable (User) -> Notice = { user in
            Notice(kind: .signInLink, key: "signin.link|\(user.name)|\(UUID())", recipient: Person(role: "admin", email: user.name),
                dueDate: nil, webhookEvent: nil, signIn: SignInLinkMessage(url: "https://x/l", minutes: 15))
        }
        #expect(try await database.createSignInLink(email: "nobody@example.org", linkToken: "l0", expiresAt: later, now: Self.now, message: message) == false)
        #expect(try await database.outbox().isEmpty, "no message for an unknown address")
        #expect(try await database.createSignInLink(email: "admin", linkToken: "l1", expiresAt: later, now: Self.now, message: message))
        #expect(try await database.outbox().map(\.kind) == ["signin.link"])
        #expect(try await database.redeemSignInLink(linkToken: "l1", sessionID: "s", sessionExpiresAt: later, now: Self.now) == .signedIn(User(name: "admin", role: .admin)))
        #expect(try await database.redeemSignInLink(linkToken: "l1", sessionID: "t", sessionExpiresAt: later, now: Self.now) == .used)
        #expect(try await database.portalSessionUser(sessionID: "s", now: Self.now)?.name == "admin")
        #expect(try await database.portalSessionUser(sessionID: "t", now: Self.now) == nil)
        #expect(try await database.createSignInLink(email: "admin", linkToken: "l2", expiresAt: later, now: Self.now, message: message))
        #expect(try await database.redeemSignInLink(linkToken: "l2", sessionID: "u", sessionExpiresAt: later, now: later) == .expired)
        #expect(try await database.redeemSignInLink(linkToken: "l3", sessionID: "v", sessionExpiresAt: later, now: Self.now) == .unknown)
    }

    @Test func aSignInLinksTokenLeavesTheOutboxOnceItsMessageIsSentOrDead() async throws {
        let database = try AppDatabase.makeInMemory()
        _ = try await database.createAdminIfNeeded(now: Self.now)
        let later = Self.now.addingTimeInterval(900)
        for (row, token) in ["sent-token", "retried-token", "dead-token"].enumerated() {
            #expect(
                try await database.createSignInLink(email: "admin", linkToken: token, expiresAt: later, now: Self.now) { user in
                    Notice(kind: .signInLink, key: "signin.link|admin|\(row)", recipient: Person(role: "Admin", email: user.name),
                        dueDate: nil, webhookEvent: nil, signIn: SignInLinkMessage(url: "https://portal/signin/link?token=\(token)", minutes: 15))
                })
        }
        func stored() async throws -> String {
            try await database.writer.read { db in try String.fetchAll(db, sql: "SELECT notice || key || destination || IFNULL(lastError, '') FROM outbox").joined() }
        }
        let claimed = try await database.claimDueOutbox(channels: [.email], now: Self.now).sorted { $0.key < $1.key }.map(\.id)
        try #require(claimed.count == 3)
        let (sent, retried, dead) = (claimed[0], claimed[1], claimed[2])
        try await database.markSent(id: sent, now: Self.now)
        try await database.markFailed(id: retried, error: "451 try later", retryAt: later)
        try await database.markFailed(id: dead, error: "550 no such user", retryAt: nil)
        let text = try await stored()
        #expect(!text.contains("sent-token") && !text.contains("dead-token"), "sent and dead: the link is gone")
        #expect(text.contains("retried-token"), "a message still to be sent keeps its link")
        let entries = try await database.outbox()
        #expect(entries.filter { $0.status != .pending }.allSatisfy { $0.notice?.kind == .signInLink && $0.notice?.signIn == nil })
        #expect(try await database.retryOutbox(id: dead, now: Self.now) == false, "a forgotten link cannot be sent")
        #expect(try await database.retryOutbox(id: retried, now: Self.now))
    }

    @Test func searchFindsWordsAndPhrasesWithinBoardsAndDates() async throws {
        let database = try AppDatabase.makeInMemory()
        try await database.synchronise(
            try Fixtures.governance(Fixtures.board("OSC", dates: ["2017-11-14"]), Fixtures.board("HWBB", dates: ["2018-12-12"])),
            through: Fixtures.horizon, now: testNow)
        let osc = Meeting(boardCode: "OSC", date: Fixtures.date("2017-11-14"), time: LocalTime(hour: 18, minute: 30)!, venue: "x", origin: .calendar)
        let hwbb = Meeting(boardCode: "HWBB", date: Fixtures.date("2018-12-12"), time: LocalTime(hour: 14, minute: 0)!, venue: "x", origin: .calendar)
        try await database.indexPack(packID: "OSC-2017-11-14-v1", meeting: osc, title: "OSC", body: "The plan was refreshed in September 2017 after the inspection.")
        try await database.indexPack(packID: "HWBB-2018-12-12-v1", meeting: hwbb, title: "HWBB", body: "Inspection findings and the refreshed strategy.")
        let both = try await database.searchPacks("refreshed inspection", boards: ["OSC", "HWBB"], from: nil, to: nil)
        #expect(Set(both.map(\.packID)) == ["OSC-2017-11-14-v1", "HWBB-2018-12-12-v1"])
        let phrase = try await database.searchPacks("\"plan was refreshed\"", boards: ["OSC", "HWBB"], from: nil, to: nil)
        #expect(phrase.map(\.packID) == ["OSC-2017-11-14-v1"])
        #expect(phrase[0].snippet.contains("\u{E000}"))
        #expect(try await database.searchPacks("refreshed", boards: ["HWBB"], from: nil, to: nil).map(\.packID) == ["HWBB-2018-12-12-v1"])
        #expect(try await database.searchPacks("refreshed", boards: ["OSC", "HWBB"], from: Fixtures.date("2018-01-01"), to: nil).map(\.packID) == ["HWBB-2018-12-12-v1"])
        #expect(try await database.searchPacks("refresh", boards: ["OSC"], from: nil, to: nil).count == 1, "stemmed")
        #expect(try await database.searchPacks("NEAR( * OR", boards: ["OSC"], from: nil, to: nil).isEmpty, "operators in the input mean nothing")
    }

    @Test(arguments: [
        ("care leavers", "\"care\" AND \"leavers\""),
        ("\"care leavers\" homes", "\"care leavers\" AND \"homes\""),
        ("NEAR(a OR b)*", "\"NEAR\" AND \"a\" AND \"OR\" AND \"b\""),
        ("  ", ""),
    ])
    func aUsersWordsBecomeQuotedTerms(_ input: String, _ expected: String) {
        #expect(AppDatabase.ftsQuery(input) == expected)
    }

    @Test func aMeetingsSequenceRisesWhenItsTimeOrVenueChanges() async throws {
        let database = try AppDatabase.makeInMemory()
        try await database.synchronise(try Fixtures.governance(Fixtures.board("OSC", dates: ["2017-11-14"])), through: Fixtures.horizon, now: testNow)
        #expect(try await database.meetingsWithSequence().map(\.sequence) == [0])
        try await database.synchronise(
            try Fixtures.governance(Fixtures.board("OSC", dates: ["2017-11-14"], time: "19:00")), through: Fixtures.horizon, now: testNow)
        #expect(try await database.meetingsWithSequence().map(\.sequence) == [1])
        try await database.synchronise(
            try Fixtures.governance(Fixtures.board("OSC", dates: ["2017-11-14"], time: "19:00")), through: Fixtures.horizon, now: testNow)
        #expect(try await database.meetingsWithSequence().map(\.sequence) == [1], "an unchanged meeting keeps its sequence")
    }
}
