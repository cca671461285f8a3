import ConveneDomain
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import ConveneServer

/// Writers at once: keys the server chooses never collide, whatever the number of writers, and a key a client chose
/// that is taken is a 409 naming the field, never a 500.
@Suite struct ConcurrentWriteTests {
    static let writers = 30

    /// Sends the same kind of request `count` times at once; the responses in the order they were sent.
    static func together(
        _ count: Int, _ request: @escaping @Sendable (Int) async throws -> TestingHTTPResponse
    ) async throws -> [TestingHTTPResponse] {
        try await withThrowingTaskGroup(of: (Int, TestingHTTPResponse).self) { group in
            for i in 0..<count { group.addTask { (i, try await request(i)) } }
            var responses: [(Int, TestingHTTPResponse)] = []
            for try await response in group { responses.append(response) }
            return responses.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    @Test func meetingsOfOnePartnershipOnOneDayAllGetTheirOwnKey() async throws {
        try await withConveneApp { app in
            try await MeetingTests.setUp(app)
            let responses = try await Self.together(Self.writers) { i in
                try await app.send(
                    .POST, "/api/v1/partnerships/cdp/meetings",
                    json: #"{"name":"Board \#(i)","starts_at":"2027-06-01T09:00:00Z","ends_at":"2027-06-01T11:00:00Z"}"#
                )
            }
            for response in responses { #expect(response.status == .created, "\(response.status): \(response.text)") }
            let keys = try responses.map { try #require($0.json()["key"] as? String) }
            #expect(Set(keys).count == Self.writers)
            let scope = try await MeetingTests.scope(app)
            let stored = try await MeetingRecord.query(in: scope).filter(\.$key ~~ keys).all()
            #expect(Set(stored.map(\.name)) == Set((0..<Self.writers).map { "Board \($0)" }))
            // One audit entry for each, no more.
            let audited = try await AuditEventRecord.query(in: scope).filter(\.$kind == "meeting")
                .filter(\.$action == "create").count()
            #expect(audited == Self.writers)
        }
    }

    @Test func aKeyTheClientChoseThatIsTakenIsAConflictNamingTheField() async throws {
        try await withConveneApp { app in
            try await MeetingTests.setUp(app)
            let body = #"{"key":"cdp-june","name":"Board","starts_at":"2027-06-01T09:00:00Z"}"#
            let responses = try await Self.together(8) { _ in
                try await app.send(.POST, "/api/v1/partnerships/cdp/meetings", json: body)
            }
            #expect(responses.filter { $0.status == .created }.count == 1)
            for refused in responses where refused.status != .created {
                #expect(refused.status == .conflict, "\(refused.status): \(refused.text)")
                let errors = try #require(refused.json()["errors"] as? [[String: Any]])
                #expect(errors.first?["field"] as? String == "key")
            }
        }
    }

    @Test func agendaItemsAddedAtOnceGetTheirOwnKeyAndPlace() async throws {
        try await withConveneApp { app in
            try await MeetingTests.setUp(app)
            let made = try await app.send(
                .POST, "/api/v1/partnerships/cdp/meetings",
                json: #"{"key":"cdp-board","name":"Board","starts_at":"2027-06-01T09:00:00Z"}"#)
            #expect(made.status == .created, "\(made.text)")
            let responses = try await Self.together(12) { i in
                try await app.send(
                    .POST, "/api/v1/partnerships/cdp/meetings/cdp-board/items", json: #"{"title":"Item \#(i)"}"#)
            }
            // The API answers with the meeting's agenda as it stands.
            for response in responses { #expect(response.status == .ok, "\(response.status)") }
            let scope = try await MeetingTests.scope(app)
            let items = try await AgendaItemRecord.query(in: scope).all()
            #expect(items.count == 12)
            #expect(Set(items.map(\.key)).count == 12)
            #expect(items.map(\.position).sorted() == Array(1...12))
        }
    }

    @Test func organisationsOfOneNameMadeAtOnceThroughTheFormEachGetAKey() async throws {
        try await withConveneApp { app in
            let responses = try await Self.together(10) { _ in
                try await app.send(.POST, "/organisations/new", form: "name=County+Council&sector=local-government")
            }
            for response in responses { #expect(response.status == .seeOther, "\(response.status): \(response.text)") }
            let locations = Set(responses.compactMap { $0.headers.first(name: .location) })
            #expect(locations.count == 10)
            let scope = try await MeetingTests.scope(app)
            #expect(try await OrganisationRecord.query(in: scope).filter(\.$name == "County Council").count() == 10)
        }
    }
}
