import ConveneDomain
import Fluent
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOEmbedded
import NIOPosix
import Testing
import VaporTesting

@testable import ConveneServer

/// The weekly digest over a real SMTP server on 127.0.0.1 (aiosmtpd, which `scripts/test` starts and names in
/// CONVENE_TEST_SMTP_URL, delivering into the Maildir CONVENE_TEST_MAILDIR): an agreement past its review date is an
/// alert on the responsible user's page, in their calendar feed and in their digest, and a second run that week
/// sends nothing.
@Suite struct DigestTests {
    static let environment = ProcessInfo.processInfo.environment
    static var available: Bool {
        environment["CONVENE_TEST_SMTP_URL"] != nil && environment["CONVENE_TEST_MAILDIR"] != nil
    }

    static let register = """
        partnership_id,partnership_name,type,membership_id,member_person_id,member_person_name,member_organisation_id,member_organisation_name,member_organisation_sector,role
        cdp,Combating Drugs Partnership,cdp,m1,lead,Partnership Lead,council,County Council,local-government,member
        cdp,Combating Drugs Partnership,cdp,m2,,,police,Police Force,police,member
        """

    static var tlsAvailable: Bool {
        environment["CONVENE_TEST_SMTP_STARTTLS_URL"] != nil && environment["CONVENE_TEST_SMTPS_URL"] != nil
    }

    /// The messages a server has delivered to `address`, from the Maildir the environment variable names.
    static func delivered(to address: String, maildir: String = "CONVENE_TEST_MAILDIR") throws -> [String] {
        let folder = URL(fileURLWithPath: environment[maildir]!).appendingPathComponent("new")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return try names.map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
            .filter { $0.contains("To: \(address)") }
    }

    @Test(.enabled(if: available, "needs the test SMTP server scripts/test starts"))
    func anAgreementPastItsReviewIsAnAlertOnThePageInTheFeedAndInOneDigestAWeek() async throws {
        try await withConveneApp { app in
            // Setup: the test's user is the partnership lead, chooses the digest, and records an agreement whose
            // review fell due on 1 June (the suite's day is 16 June 2026).
            _ = try await app.importCSV(Self.register)
            #expect(try await app.send(.POST, "/account/person", form: "person_key=lead").status == .seeOther)
            #expect(try await app.send(.POST, "/alerts/digest", form: "weekly=yes").status == .seeOther)
            let made = try await app.send(
                .POST, "/sharing/agreements/new",
                form: "title=Drug+harm+data&party_keys%5B%5D=council&party_keys%5B%5D=police"
                    + "&partnership_keys%5B%5D=cdp&purpose=Needs&data_categories%5B%5D=aggregate&lawful_basis=public-task"
                    + "&legal_gateway=Consent&signed_on=2025-06-01&review_on=2026-06-01&status=active")
            #expect(made.status == .seeOther)
            let feed = try await app.send(.POST, "/calendar/feeds", form: "kind=person&include_actions=yes")
            let address = feed.text.components(separatedBy: "/feeds/").dropFirst().first.map {
                String($0.prefix { $0 != "\"" && $0 != "<" })
            }
            let settings = try SMTPSettings.parse(
                url: Self.environment["CONVENE_TEST_SMTP_URL"]!, from: "convene@example.org"
            ).get()
            let email = TestIdentity.email

            // Act
            let page = try await app.send(.GET, "/alerts")
            let calendar = try await app.send(.GET, "/feeds/\(address ?? "")", signedIn: false)
            let first = try await Digests.send(
                on: TestClock.today, settings: settings, site: "https://convene.example", db: app.db,
                group: MultiThreadedEventLoopGroup.singleton, now: TestClock.now())
            let second = try await Digests.send(
                on: TestClock.today.adding(days: 2), settings: settings, site: "https://convene.example", db: app.db,
                group: MultiThreadedEventLoopGroup.singleton, now: TestClock.now())
            let nextWeek = try await Digests.send(
                on: TestClock.today.adding(days: 7), settings: settings, site: "https://convene.example", db: app.db,
                group: MultiThreadedEventLoopGroup.singleton, now: TestClock.now())

            // Check
            let title = "Agreement past its review date: Drug harm data"
            #expect(page.status == .ok && page.text.contains(title))
            #expect(calendar.status == .ok && calendar.text.contains("SUMMARY:\(title)"))
            #expect(calendar.text.contains("DUE;VALUE=DATE:20260601"))
            #expect(first == 1 && second == 0 && nextWeek == 1)
            let messages = try Self.delivered(to: email).filter { $0.contains("Drug harm data") }
            #expect(messages.count >= 2)
            let message = try #require(messages.first)
            #expect(message.contains("Subject: Convene: "))
            #expect(message.contains("- \(title), was due 1 June 2026"))
            #expect(message.contains("https://convene.example/sharing/agreements/drug-harm-data"))
        }
    }

    @Test(.enabled(if: tlsAvailable, "needs the test SMTP servers scripts/test starts"))
    func theDigestGoesOverSTARTTLSOrTLSFromTheStartWithCredentialsAndNowhereElse() async throws {
        try await withConveneApp { app in
            // Setup: an agreement past its review, and the test's user choosing the digest.
            _ = try await app.importCSV(Self.register)
            _ = try await app.send(.POST, "/alerts/digest", form: "weekly=yes")
            _ = try await app.send(
                .POST, "/sharing/agreements/new",
                form: "title=Secure+data&party_keys%5B%5D=council&party_keys%5B%5D=police&purpose=Needs"
                    + "&data_categories%5B%5D=aggregate&lawful_basis=public-task&legal_gateway=Consent"
                    + "&signed_on=2025-06-01&review_on=2026-06-01&status=active")
            func settings(_ variable: String, _ change: (String) -> String = { $0 }) throws -> SMTPSettings {
                try SMTPSettings.parse(url: change(Self.environment[variable]!), from: "convene@example.org").get()
            }
            func send(_ settings: SMTPSettings, week: Int) async throws -> Int {
                try await Digests.send(
                    on: TestClock.today.adding(days: 7 * week), settings: settings, site: "https://convene.example",
                    db: app.db, group: MultiThreadedEventLoopGroup.singleton, now: TestClock.now())
            }
            let starttls = "CONVENE_TEST_SMTP_STARTTLS_URL"
            let smtps = "CONVENE_TEST_SMTPS_URL"
            // The servers serve the whole run (SQLite's tests, then PostgreSQL's): what this test delivers is what
            // the Maildirs gain.
            let email = TestIdentity.email
            func delivered(_ maildir: String) throws -> Int {
                try Self.delivered(to: email, maildir: maildir).filter { $0.contains("Secure data") }.count
            }
            let before = (try delivered("CONVENE_TEST_MAILDIR_STARTTLS"), try delivered("CONVENE_TEST_MAILDIR_SMTPS"))

            // Act and check, a week at a time: each refusal sends nothing and leaves the week's digest unsent.
            // Without STARTTLS the server refuses the credentials in the clear.
            await #expect(throws: SMTPError.self) {
                _ = try await send(
                    try settings(starttls) { $0.replacingOccurrences(of: "starttls=1&", with: "") }, week: 0)
            }
            #expect(try await send(try settings(starttls), week: 0) == 1)
            // Without the run's certificate authority the server's certificate is not trusted.
            await #expect(throws: (any Error).self) {
                _ = try await send(
                    try settings(smtps) { String($0.prefix { $0 != "?" }) }, week: 1)
            }
            // With the wrong password the server refuses.
            await #expect(throws: SMTPError.self) {
                _ = try await send(
                    try settings(smtps) { $0.replacingOccurrences(of: ":s3cret@", with: ":wrong@") }, week: 1)
            }
            #expect(try await send(try settings(smtps), week: 1) == 1)
            #expect(try delivered("CONVENE_TEST_MAILDIR_STARTTLS") == before.0 + 1)
            #expect(try delivered("CONVENE_TEST_MAILDIR_SMTPS") == before.1 + 1)
        }
    }

    @Test func aServerThatSaysNothingIsGivenUpOnAfterTheReplyTimeout() throws {
        let handler = SMTPReplyHandler()
        let channel = EmbeddedChannel(handler: handler)
        let reply = handler.next(on: channel.embeddedEventLoop)
        let answered = NIOLockedValueBox(false)
        reply.whenComplete { _ in answered.withLockedValue { $0 = true } }
        channel.embeddedEventLoop.advanceTime(by: SMTPReplyHandler.replyTimeout - .seconds(1))
        #expect(!answered.withLockedValue { $0 })
        channel.embeddedEventLoop.advanceTime(by: .seconds(1))
        #expect(answered.withLockedValue { $0 })
        #expect(throws: SMTPError.self) { try reply.wait() }
    }

    @Test func theMailServerIsNamedByAURL() throws {
        #expect(
            try SMTPSettings.parse(url: "smtp://user:p%40ss@mail.example.org:587?starttls=1", from: "a@b.c").get()
                == SMTPSettings(
                    host: "mail.example.org", port: 587, user: "user", password: "p@ss", security: .startTLS,
                    from: "a@b.c"))
        #expect(try SMTPSettings.parse(url: "smtps://mail.example.org", from: "a@b.c").get().port == 465)
        #expect(throws: SMTPError.self) { try SMTPSettings.parse(url: "http://x", from: "a@b.c").get() }
        #expect(throws: SMTPError.self) { try SMTPSettings.parse(url: "smtp://x", from: "nobody").get() }
        let message = Mail(to: "a@b.c", subject: "Réunion", body: ".hidden\nline").message(
            from: "c@d.e", date: Date(timeIntervalSince1970: 0), id: "x")
        #expect(message.contains("Subject: =?UTF-8?B?") && message.contains("\r\n..hidden\r\nline"))
    }
}
