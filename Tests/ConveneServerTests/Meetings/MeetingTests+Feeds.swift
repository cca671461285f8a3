import ConveneDomain
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import ConveneServer

/// Calendar feeds, private and public, and a person's own meetings and actions.
extension MeetingTests {
    // MARK: 6. Feeds

    @Test func aPrivateFeedNamesWhoAttendedUntilRevokedAndThePublicFeedNamesNobody() async throws {
        try await withConveneApp { app in
            // Setup
            try await Self.setUp(app)
            let past = try await Self.schedule(app, "cdp", on: Self.day(-7), name: "CDP board held")
            _ = try await Self.schedule(app, "cdp", on: Self.day(21), name: "CDP board to come")
            _ = try await Self.schedule(app, "board", on: Self.day(21), name: "Strategic board meeting")
            let attendance = try await app.send(
                .POST, "/partnerships/cdp/meetings/\(past)/attendance",
                form: "status-dph=present&status-acc=apologies")
            #expect(attendance.status == .seeOther)

            // Act
            let unpublished = try await app.send(.GET, "/public/partnerships/cdp/meetings.ics", signedIn: false)
            let made = try await app.send(.POST, "/calendar/feeds", form: "kind=partnership&partnership_key=cdp")
            let url =
                made.text.components(separatedBy: "id=\"feed-url\">").dropFirst().first?.components(separatedBy: "<")
                .first ?? ""
            let path = url.range(of: "/feeds/").map { String(url[$0.lowerBound...]) } ?? "/feeds/missing"
            let feed = try await app.send(.GET, path, signedIn: false)
            let tag = feed.headers.first(name: .eTag) ?? ""
            let calendar = try await app.send(.GET, "/calendar")
            let revokePath =
                calendar.text.components(separatedBy: "action=\"/calendar/feeds/").dropFirst().first?
                .components(separatedBy: "\"").first.map { "/calendar/feeds/" + $0 } ?? ""
            let revoked = try await app.send(.POST, revokePath)
            let afterRevoke = try await app.send(.GET, path, signedIn: false)
            let published = try await app.send(.POST, "/api/v1/partnerships/cdp/publish", json: "{}")
            let publicFeed = try await app.send(.GET, "/public/partnerships/cdp/meetings.ics", signedIn: false)
            let nobody = try await app.send(.GET, "/feeds/not-a-token.ics", signedIn: false)

            // Check: the private feed
            #expect(made.status == .ok, "\(made.status): \(made.text.prefix(400))")
            #expect(url.hasSuffix(".ics") && url.contains("/feeds/"), "the feed's address is on the page: '\(url)'")
            #expect(feed.status == .ok)
            #expect(
                feed.headers.contentType?.description.hasPrefix("text/calendar") == true,
                "\(feed.headers.contentType?.description ?? "none")")
            let lines = Self.unfolded(feed.text)
            #expect(lines.first == "BEGIN:VCALENDAR")
            #expect(lines.contains("SUMMARY:CDP board held") && lines.contains("SUMMARY:CDP board to come"))
            #expect(!lines.contains("SUMMARY:Strategic board meeting"), "only the partnership's meetings")
            #expect(
                lines.contains {
                    $0.hasPrefix("ATTENDEE") && $0.contains("Director of Public Health") && $0.contains("ACCEPTED")
                },
                "who attended is named in a private feed")
            #expect(
                lines.contains {
                    $0.hasPrefix("ATTENDEE") && $0.contains("Assistant Chief Constable") && $0.contains("DECLINED")
                },
                "apologies are declined")
            #expect(!tag.isEmpty)
            #expect(revoked.status == .seeOther, "revoking '\(revokePath)': \(revoked.status)")
            #expect(afterRevoke.status == .notFound)
            #expect(nobody.status == .notFound)

            // Check: the public feed
            #expect(unpublished.status == .notFound)
            #expect(published.status == .ok || published.status == .noContent, "\(published.status)")
            #expect(publicFeed.status == .ok)
            let publicLines = Self.unfolded(publicFeed.text)
            #expect(publicLines.contains("SUMMARY:CDP board held") && publicLines.contains("SUMMARY:CDP board to come"))
            #expect(!publicFeed.text.contains("ATTENDEE"))
            #expect(!publicFeed.text.contains("ORGANIZER"))
            #expect(
                !publicFeed.text.contains("Director of Public Health")
                    && !publicFeed.text.contains("Assistant Chief Constable"))

            // For the Python icalendar check in scripts/test.
            if let folder = ProcessInfo.processInfo.environment["CONVENE_ICS_OUT"], !folder.isEmpty {
                let out = URL(fileURLWithPath: folder)
                try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
                try Data(feed.text.utf8).write(to: out.appendingPathComponent("server-private-partnership.ics"))
                try Data(publicFeed.text.utf8).write(to: out.appendingPathComponent("server-public-partnership.ics"))
            }
        }
    }

    @Test func feedsOfAPersonAndOfTheWorkspaceWithActionsAsTasks() async throws {
        try await withConveneApp { app in
            // Setup
            try await Self.setUp(app)
            let meeting = try await Self.schedule(app, "cdp", on: Self.day(10), name: "CDP board to come")
            _ = try await Self.schedule(app, "board", on: Self.day(12), name: "Strategic board meeting")
            _ = try await app.send(
                .POST, "/partnerships/cdp/actions/new",
                form: "meeting=\(meeting)&title=Map+the+treatment+services&owner=person:dph&due_on=\(Self.day(20))")
            _ = try await app.send(.POST, "/account/person", form: "person_key=dph")

            // Act
            let noKind = try await app.send(.POST, "/calendar/feeds", form: "partnership_key=cdp")
            let unknown = try await app.send(.POST, "/calendar/feeds", form: "kind=partnership&partnership_key=nothing")
            let mine = try await app.send(.POST, "/calendar/feeds", form: "kind=person&include_actions=yes")
            let everything = try await app.send(.POST, "/calendar/feeds", form: "kind=workspace")
            func path(_ page: TestingHTTPResponse) -> String {
                let url =
                    page.text.components(separatedBy: "id=\"feed-url\">").dropFirst().first?.components(
                        separatedBy: "<"
                    ).first ?? ""
                return url.range(of: "/feeds/").map { String(url[$0.lowerBound...]) } ?? "/feeds/missing"
            }
            let mineFeed = try await app.send(.GET, path(mine), signedIn: false)
            let everythingFeed = try await app.send(.GET, path(everything), signedIn: false)
            let list = try await app.send(.GET, "/calendar")

            // Check
            #expect(noKind.status == .unprocessableEntity && unknown.status == .unprocessableEntity)
            #expect(mineFeed.status == .ok && everythingFeed.status == .ok)
            let mineLines = Self.unfolded(mineFeed.text)
            #expect(
                mineLines.contains("SUMMARY:CDP board to come")
                    && !mineLines.contains("SUMMARY:Strategic board meeting"))
            #expect(mineLines.contains("BEGIN:VTODO") && mineLines.contains("SUMMARY:Map the treatment services"))
            let allLines = Self.unfolded(everythingFeed.text)
            #expect(
                allLines.contains("SUMMARY:CDP board to come") && allLines.contains("SUMMARY:Strategic board meeting"))
            #expect(!allLines.contains("BEGIN:VTODO"))
            #expect(
                list.text.contains("Meetings of Director of Public Health, with actions")
                    && list.text.contains("Every meeting in the workspace"),
                "the feeds are listed by what they carry")
            if let folder = ProcessInfo.processInfo.environment["CONVENE_ICS_OUT"], !folder.isEmpty {
                let out = URL(fileURLWithPath: folder)
                try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
                try Data(mineFeed.text.utf8).write(to: out.appendingPathComponent("server-person-with-actions.ics"))
                try Data(everythingFeed.text.utf8).write(to: out.appendingPathComponent("server-workspace.ics"))
            }
        }
    }

    // MARK: 7. My meetings, my actions

    @Test func myMeetingsAndMyActionsAreThoseOfThePersonIAm() async throws {
        try await withConveneApp { app in
            // Setup
            try await Self.setUp(app)
            _ = try await Self.schedule(app, "cdp", on: Self.day(14), name: "Drugs board to come")
            let cdpPast = try await Self.schedule(app, "cdp", on: Self.day(-21), name: "Drugs board without me")
            _ = try await Self.schedule(app, "board", on: Self.day(14), name: "Strategic board to come")
            let boardPast = try await Self.schedule(app, "board", on: Self.day(-14), name: "Strategic board workshop")
            _ = try await app.send(
                .POST, "/partnerships/board/meetings/\(boardPast)/attendance",
                form: "status-pcc=present&other-1=dph&other-status-1=present")
            _ = try await app.send(
                .POST, "/partnerships/cdp/meetings/\(cdpPast)/attendance",
                form: "status-acc=present&status-dph=apologies")
            _ = try await app.send(
                .POST, "/partnerships/cdp/actions/new",
                form: "title=Naloxone+kits+for+hostels&owner=person:dph&due_on=\(Self.day(30))")
            _ = try await app.send(
                .POST, "/partnerships/cdp/actions/new",
                form: "title=Custody+referrals+report&owner=person:acc&due_on=\(Self.day(30))")

            // Act
            let unlinked = try await app.send(.GET, "/my/meetings")
            let nobody = try await app.send(.POST, "/account/person", form: "person_key=nobody")
            let linked = try await app.send(.POST, "/account/person", form: "person_key=dph")
            let meetings = try await app.send(.GET, "/my/meetings")
            let actions = try await app.send(.GET, "/my/actions")
            let form = try await app.send(.GET, "/account/person")

            // Check
            #expect(unlinked.status == .ok && unlinked.text.contains("not linked to a person"))
            #expect(nobody.status == .unprocessableEntity)
            #expect(linked.headers.first(name: .location) == "/my/meetings")
            #expect(meetings.text.contains("Drugs board to come"), "an upcoming meeting of dph's partnership")
            #expect(!meetings.text.contains("Strategic board to come"), "dph is not a member of the board")
            #expect(meetings.text.contains("Strategic board workshop"), "a meeting dph attended")
            #expect(!meetings.text.contains("Drugs board without me"), "dph sent apologies: not a meeting dph attended")
            #expect(meetings.text.contains("Meetings you attended (1)"))
            #expect(actions.text.contains("Naloxone kits for hostels"))
            #expect(!actions.text.contains("Custody referrals report"))
            #expect(form.text.contains("<option value=\"dph\" selected"))
        }
    }
}
