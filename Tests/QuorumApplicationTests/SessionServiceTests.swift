import Foundation
import GRDB
import QuorumApplication
import QuorumDomain
import Testing

@testable import QuorumStorage

@Suite("Web sessions through the core: opened with a checked token, asked after on every request")
struct SessionServiceTests {
    @Test func aSessionIsTheUsersUntilSignOutAndEndsWhenTheTokenChanges() async throws {
        let fixture = try await ApplicationFixture()
        let token = try await fixture.application.users.addUser(
            email: "osc.member.1@example.org", role: "member", board: "OSC", as: fixture.admin)
        let sessions = fixture.application.sessions
        let wrong = await #expect(throws: ApplicationError.self) { try await sessions.open(name: "osc.member.1@example.org", token: "nope") }
        #expect(wrong?.code == .wrongCredentials)
        #expect(wrong?.message.contains("nope") == false)
        let session = try await sessions.open(name: "osc.member.1@example.org", token: token)
        #expect(try await sessions.user(ofSession: session.id)?.name == "osc.member.1@example.org")
        // One character changed: never the same id, whatever the id begins with.
        let tampered = (session.id.first == "0" ? "1" : "0") + session.id.dropFirst()
        #expect(try await sessions.user(ofSession: tampered) == nil)
        try await sessions.close(session.id)
        #expect(try await sessions.user(ofSession: session.id) == nil, "signed out")

        let second = try await sessions.open(name: "osc.member.1@example.org", token: token)
        // A new token for the user (as a rotation or revocation writes): the session no longer matches.
        try await fixture.database.writer.write { db in
            try db.execute(sql: "UPDATE user SET tokenHash = randomblob(32) WHERE email = 'osc.member.1@example.org'")
        }
        #expect(try await sessions.user(ofSession: second.id) == nil, "a changed token ends the session on its next request")
    }

    @Test func aSessionEndsWhenItsLifetimeIsOver() async throws {
        let fixture = try await ApplicationFixture()
        let token = try await fixture.application.users.addUser(email: "qa.lead@example.org", role: "lead", board: nil, as: fixture.admin)
        let session = try await fixture.application.sessions.open(name: "qa.lead@example.org", token: token)
        #expect(session.expiresAt == fixture.application.clock.now().addingTimeInterval(8 * 3600))
        let later = SessionService(
            database: fixture.database, users: fixture.application.users, clock: .fixed(session.expiresAt))
        #expect(try await later.user(ofSession: session.id) == nil)
    }
}
