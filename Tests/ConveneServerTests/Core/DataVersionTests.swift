import ConveneDomain
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import Testing
import VaporTesting

@testable import ConveneServer

/// The workspace's data version: every write moves it on and no read does; an analysis's page is kept against it and
/// served from there until a write moves it; pages and API reads carry an entity tag named from it and answer 304
/// while it holds.
@Suite struct DataVersionTests {
    static let register = """
        partnership_id,partnership_name,type,started_on,membership_id,member_person_id,member_person_name,member_organisation_id,member_organisation_name,member_organisation_sector,role
        cdp,Drugs Partnership,cdp,2024-01-01,cdp-dph,dph,Director of Public Health,council,County Council,local-government,sro
        """

    static func version(_ app: Application) async throws -> Int64 {
        try await (app.db as! any SQLDatabase).raw("SELECT version FROM workspaces WHERE key = 'default'").first()!
            .decode(column: "version", as: Int64.self)
    }

    static func kept(_ app: Application) async throws -> [(page: String, version: Int64)] {
        try await (app.db as! any SQLDatabase).raw("SELECT page, version FROM kept_pages").all().map {
            (try $0.decode(column: "page", as: String.self), try $0.decode(column: "version", as: Int64.self))
        }
    }

    @Test func aWriteMovesTheVersionOnAndAReadOrARefusedWriteDoesNot() async throws {
        try await withConveneApp { app in
            _ = try await app.importCSV(Self.register)
            let before = try await Self.version(app)
            for path in ["/", "/partnerships", "/partnerships/cdp", "/analysis/sros", "/api/v1/partnerships"] {
                #expect(try await app.send(.GET, path).status == .ok, "\(path)")
            }
            #expect(try await Self.version(app) == before)
            let refused = try await app.send(.PATCH, "/api/v1/partnerships/cdp", json: #"{"type":"no-such-type"}"#)
            #expect(refused.status == .unprocessableEntity)
            #expect(try await Self.version(app) == before)
            let renamed = try await app.send(.PATCH, "/api/v1/partnerships/cdp", json: #"{"name":"Drugs Board"}"#)
            #expect(renamed.status == .ok, "\(renamed.text)")
            #expect(try await Self.version(app) > before)
        }
    }

    @Test func anAnalysisPageIsKeptUntilAWriteAndCarriesEachReadersFormToken() async throws {
        try await withConveneApp { app in
            _ = try await app.importCSV(Self.register)
            let first = try await app.send(.GET, "/analysis/sros")
            #expect(first.text.contains(">Drugs Partnership<"))
            let version = try await Self.version(app)
            #expect(try await Self.kept(app).map(\.page) == ["analysis/sros"])
            #expect(try await Self.kept(app).map(\.version) == [version])
            let second = try await app.send(.GET, "/analysis/sros")
            #expect(second.text == first.text)
            // A kept page's forms (triage's plan) carry the token of the session reading it, never the stand-in.
            let csrf = try #require(TestIdentity.current(app)?.csrf)
            _ = try await app.send(.GET, "/analysis/triage?person=dph")
            let triage = try await app.send(.GET, "/analysis/triage?person=dph")
            #expect(triage.text.components(separatedBy: "name=\"csrf_token\" value=\"\(csrf)\"").count == 3)
            #expect(!triage.text.contains(KeptPages.tokenStandIn))
            #expect(try await Self.kept(app).map(\.page).sorted() == ["analysis/sros", "analysis/triage"])

            _ = try await app.send(.PATCH, "/api/v1/partnerships/cdp", json: #"{"name":"Drugs Board"}"#)
            let after = try await app.send(.GET, "/analysis/sros")
            #expect(after.text.contains(">Drugs Board<"))
            #expect(!after.text.contains(">Drugs Partnership<"))
            // Pages of older versions are dropped as a new one is kept.
            #expect(try await Self.kept(app).map(\.version) == [try await Self.version(app)])
            // A download is worked out afresh and not kept.
            let csv = try await app.send(.GET, "/analysis/sros?format=csv")
            #expect(csv.status == .ok)
            #expect(try await Self.kept(app).count == 1)
        }
    }

    @Test func keptRegisterPagesAreEachTheirPathsAndQuerys() async throws {
        try await withConveneApp { app in
            _ = try await app.importCSV(
                Self.register + "\nboard,Strategic Board,strategic-board,2024-01-01,,,,,,,")
            for _ in 0..<2 {
                let cdp = try await app.send(.GET, "/partnerships/cdp")
                #expect(cdp.text.contains("<h1 class=\"heading-xl\">Drugs Partnership</h1>"))
                let board = try await app.send(.GET, "/partnerships/board")
                #expect(board.text.contains("<h1 class=\"heading-xl\">Strategic Board</h1>"))
                let cdps = try await app.send(.GET, "/partnerships?type=cdp")
                #expect(cdps.text.contains("Drugs Partnership") && !cdps.text.contains("Strategic Board"))
            }
            #expect(try await Self.kept(app).map(\.page).sorted() == ["partnership", "partnership", "partnerships"])
        }
    }

    @Test func aMeetingsPageAndAnAPIListAreKeptUntilAWrite() async throws {
        try await withConveneApp { app in
            _ = try await app.importCSV(Self.register)
            let key = try await MeetingTests.schedule(app, "cdp", on: "2030-03-06", name: "Spring board")
            let path = MeetingPath.meeting("cdp", key).href
            for _ in 0..<2 {
                #expect(try await app.send(.GET, path).text.contains("Spring board"))
                let list = try await app.send(.GET, "/api/v1/partnerships?per_page=5")
                #expect(list.headers.contentType == .json)
                #expect(list.text.contains(#""name":"Drugs Partnership""#), "\(list.text)")
            }
            #expect(try await Self.kept(app).map(\.page).sorted() == ["api/partnerships", "meeting"])
            let edited = try await app.send(
                .POST, MeetingPath.meeting("cdp", key, .edit).href,
                form:
                    "name=Summer+board&date=2030-03-06&start=10:00&duration=120&format=in-person&place=Hall&status=scheduled"
            )
            #expect(edited.status == .seeOther, "\(edited.text.prefix(400))")
            _ = try await app.send(.PATCH, "/api/v1/partnerships/cdp", json: #"{"name":"Drugs Board"}"#)
            let meeting = try await app.send(.GET, path)
            #expect(meeting.text.contains("Summer board") && !meeting.text.contains("Spring board"))
            let list = try await app.send(.GET, "/api/v1/partnerships?per_page=5")
            #expect(list.text.contains(#""name":"Drugs Board""#), "\(list.text)")
            // A refused read (a filter naming no type) is not kept.
            let refused = try await app.send(.GET, "/api/v1/partnerships?type=no-such-type")
            #expect(refused.status == .unprocessableEntity)
            #expect(try await Self.kept(app).map(\.page).sorted() == ["api/partnerships", "meeting"])
        }
    }

    @Test func pagesOfWhatIsUpcomingAreKeptUntilTheNextMeetingStarts() async throws {
        let clock = NIOLockedValueBox(WallClock.instant(TestClock.today, minute: 10 * 60))
        try await withConveneApp(now: Now { clock.withLockedValue { $0 } }) { app in
            try await MeetingTests.setUp(app)
            let day = TestClock.today.description
            _ = try await MeetingTests.schedule(app, "cdp", on: day, name: "Afternoon board", start: "10:20")
            _ = try await app.send(.POST, "/account/person", form: "person_key=dph")
            for _ in 0..<2 {
                #expect(try await app.send(.GET, "/my/meetings").text.contains("Afternoon board"))
                #expect(try await app.send(.GET, "/partnerships/cdp/meetings").status == .ok)
            }
            let version = try await Self.version(app)
            #expect(try await Self.kept(app).map(\.page).sorted() == ["meetings", "my-meetings"])

            // Nothing written, but the meeting has begun: it is no longer to come.
            clock.withLockedValue { $0 = WallClock.instant(TestClock.today, minute: 10 * 60 + 21) }
            let later = try await app.send(.GET, "/my/meetings")
            #expect(later.status == .ok && later.text.contains("My meetings"))
            #expect(!later.text.contains("Afternoon board"))
            #expect(try await Self.version(app) == version)
        }
    }

    @Test func anInstancesRecentPagesServeOnlyTheirVersionAndHoldNoMoreThanTheirCapacity() throws {
        let recent = RecentPages(capacity: 100)
        func page(_ content: String) -> KeptPages.ServedPage {
            .init(.init(title: "", breadcrumbs: "[]", is_demo: false, has_forms: false, content: content))
        }
        func question(_ page: String, version: Int64) -> KeptPages.Question {
            .init(
                workspaceID: UUID(uuidString: "00000000-0000-0000-0000-000000000001")!, page: page, parameters: "",
                version: version)
        }
        recent.keep(page(String(repeating: "a", count: 40)), question("a", version: 1))
        #expect(recent.page(question("a", version: 1))?.parts == [String(repeating: "a", count: 40)])
        #expect(recent.page(question("a", version: 2)) == nil, "another version is another page")
        recent.keep(page(String(repeating: "b", count: 40)), question("b", version: 1))
        recent.keep(page(String(repeating: "c", count: 40)), question("c", version: 1))
        #expect(recent.held.bytes <= 100)
        #expect(recent.held.pages == 2)
        #expect(recent.page(question("c", version: 1)) != nil)
        recent.keep(page(String(repeating: "d", count: 101)), question("d", version: 1))
        #expect(recent.page(question("d", version: 1)) == nil, "a page larger than the whole is not held")
    }

    @Test func pagesAndAPIReadsAnswer304UntilTheDataChanges() async throws {
        try await withConveneApp { app in
            _ = try await app.importCSV(Self.register)
            for path in ["/partnerships/cdp", "/api/v1/partnerships"] {
                let first = try await app.send(.GET, path)
                let tag = try #require(first.headers.first(name: .eTag), "\(path)")
                #expect(first.headers.first(name: .cacheControl) == "private, no-cache")
                let again = try await app.send(.GET, path, headers: ["If-None-Match": tag])
                #expect(again.status == .notModified, "\(path)")
                #expect(again.body.readableBytes == 0)
                let other = try await app.send(.GET, path + "?page=1", headers: ["If-None-Match": tag])
                #expect(other.status == .ok, "another query is another response")
            }
            let page = try #require(try await app.send(.GET, "/partnerships/cdp").headers.first(name: .eTag))
            _ = try await app.send(.PATCH, "/api/v1/partnerships/cdp", json: #"{"name":"Drugs Board"}"#)
            let changed = try await app.send(.GET, "/partnerships/cdp", headers: ["If-None-Match": page])
            #expect(changed.status == .ok)
            #expect(changed.headers.first(name: .eTag) != page)
            #expect(changed.text.contains("Drugs Board"))
            // Signed out, nothing is tagged.
            #expect(try await app.send(.GET, "/sign-in", signedIn: false).headers.first(name: .eTag) == nil)
        }
    }

    @Test func theStylesheetIsLinkedByItsContentAndKeptForAYear() async throws {
        try await withConveneApp { app in
            let page = try await app.send(.GET, "/")
            #expect(page.text.contains("href=\"\(StaticAssets.stylesheet)\""))
            #expect(StaticAssets.stylesheet.wholeMatch(of: /\/assets\/convene-[0-9a-f]{12}\.css/) != nil)
            let versioned = try await app.send(.GET, StaticAssets.stylesheet, signedIn: false)
            #expect(versioned.status == .ok)
            #expect(versioned.headers.first(name: .cacheControl) == "public, max-age=31536000, immutable")
            #expect(versioned.text == Stylesheet.css)
            let plain = try await app.send(.GET, "/assets/convene.css", signedIn: false)
            #expect(plain.headers.first(name: .cacheControl) == "public, max-age=3600")
        }
    }
}
