import ConveneDemo
import ConveneDomain
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import ConveneServer

/// The demo's declared interest and what its office shares with the network: the Director of Public Health's
/// directorship of the mental health trust flags the mental health item of a High Harms Board meeting they attended,
/// and none at the one they were absent from; the directory names Cambridgeshire's lead by role title; the library
/// holds the partners' survey.
@Suite struct DemoSharingTests {
    @Test func theDemosInterestFlagsItsBoardsMentalHealthItemsAndItsOfficeSharesWithTheNetwork() async throws {
        try await withConveneApp(now: .fixed(DemoOutcomesTests.today)) { app in
            guard case .applied = try await ReportsDemo.load(on: app.db, today: DemoOutcomesTests.today) else {
                Issue.record("the demo did not load")
                return
            }
            let board = "cambridgeshire-high-harms-board"

            // Act
            let meeting = try await app.send(.GET, "/partnerships/\(board)/meetings/\(board)-2026-01-12").text
            let api = try await app.send(
                .GET, "/api/v1/partnerships/\(board)/meetings/\(board)-2026-01-12/declarations")
            let absent = try await app.send(.GET, "/partnerships/\(board)/meetings/\(board)-2026-07-13").text
            let leads = try await app.send(.GET, "/network/leads").text
            let library = try await app.send(.GET, "/network/library").text

            // Check: one item flagged, the one about mental health; the lead by role title; the survey shared.
            let flags = try #require(try api.json()["flags"] as? [[String: Any]])
            #expect(flags.count == 1)
            #expect(flags.first?["reason"] as? String == "is about mental health")
            #expect(flags.first?["person_key"] as? String == "director-of-public-health-cambridgeshire-county-council")
            let item = try #require(meeting.range(of: "Online grooming and child sexual exploitation"))
            let flag = try #require(meeting.range(of: "interest-flag"))
            #expect(item.upperBound < flag.lowerBound)
            // Absent from July's meeting, whose "Places of safety" item is about mental health too.
            #expect(absent.contains("Places of safety capacity") && !absent.contains("interest-flag"))
            #expect(leads.contains("Director for Strategic Partnerships") && leads.contains("1 of 43 force areas"))
            #expect(library.contains("Partners&#39; survey 2026") || library.contains("Partners' survey 2026"))
        }
    }
}
