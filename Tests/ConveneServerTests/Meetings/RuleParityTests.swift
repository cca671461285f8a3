import ConveneDomain
import Foundation
import Testing
import VaporTesting

@testable import ConveneServer

/// One set of rules for a board's business, whoever writes: every refusal of a form is a refusal of the API too,
/// with the same messages on the same fields (named as each names them: the form asks for a length where the API
/// gives an end).
@Suite struct RuleParityTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var form: (path: String, body: String)
        var api: (path: String, json: String)
        /// The fields the refusal names, as the form names them.
        var fields: Set<String>

        var testDescription: String { name }
    }

    /// The form's name for a field of the API, where they differ.
    static let formName = ["ends_at": "duration"]

    static let meetings = "/partnerships/cdp/meetings/new"
    static let meetingsAPI = "/api/v1/partnerships/cdp/meetings"
    static let meeting = "name=Board&date=2027-06-01&start=09:00&status=scheduled"

    static let cases: [Case] = [
        Case(
            name: "an in-person meeting of one minute with no place",
            form: (meetings, meeting + "&duration=1&format=in-person"),
            api: (
                meetingsAPI,
                #"{"name":"Board","starts_at":"2027-06-01T08:00:00Z","ends_at":"2027-06-01T08:01:00Z","format":"in-person"}"#
            ),
            fields: ["duration", "place"]),
        Case(
            name: "an online meeting with no link",
            form: (meetings, meeting + "&duration=60&format=online"),
            api: (
                meetingsAPI,
                #"{"name":"Board","starts_at":"2027-06-01T08:00:00Z","ends_at":"2027-06-01T09:00:00Z","format":"online"}"#
            ),
            fields: ["online_url"]),
        Case(
            name: "a hybrid meeting of two days with a link that is not a web address",
            form: (meetings, meeting + "&duration=2880&format=hybrid&place=Hall&online_url=teams"),
            api: (
                meetingsAPI,
                #"{"name":"Board","starts_at":"2027-06-01T08:00:00Z","ends_at":"2027-06-03T08:00:00Z","format":"hybrid","place":"Hall","online_url":"teams"}"#
            ),
            fields: ["duration", "online_url"]),
        Case(
            name: "a meeting with no name",
            form: (
                meetings, "name=&date=2027-06-01&start=09:00&status=scheduled&duration=60&format=in-person&place=Hall"
            ),
            api: (
                meetingsAPI,
                #"{"name":" ","starts_at":"2027-06-01T08:00:00Z","ends_at":"2027-06-01T09:00:00Z","format":"in-person","place":"Hall"}"#
            ),
            fields: ["name"]),
        Case(
            name: "a series met in person with no place",
            form: (
                "/partnerships/cdp/series/new",
                "name=Board&first_day=2027-06-01&start=09:00&duration=120&repeats=monthly-1&count=6&format=in-person"
            ),
            api: (
                "/api/v1/partnerships/cdp/series",
                #"{"name":"Board","first_day":"2027-06-01","start_minute":540,"duration_minutes":120,"rule":"FREQ=MONTHLY;COUNT=6","format":"in-person"}"#
            ),
            fields: ["place"]),
        Case(
            name: "an agenda item of no minutes",
            form: ("/partnerships/cdp/meetings/cdp-board/agenda", "title=Housing&kind=for-discussion&duration=0"),
            api: ("/api/v1/partnerships/cdp/meetings/cdp-board/items", #"{"title":"Housing","duration_minutes":0}"#),
            fields: ["duration_minutes"]),
        Case(
            name: "an agenda item tagged with a theme that does not exist",
            form: ("/partnerships/cdp/meetings/cdp-board/agenda", "title=Housing&kind=for-discussion&themes=Nowhere"),
            api: ("/api/v1/partnerships/cdp/meetings/cdp-board/items", #"{"title":"Housing","themes":["Nowhere"]}"#),
            fields: ["themes"]),
        Case(
            name: "an action with no owner, due before it was raised",
            form: ("/partnerships/cdp/actions/new", "title=Write+the+plan&owner=&due_on=2020-01-01"),
            api: ("/api/v1/partnerships/cdp/actions", #"{"title":"Write the plan","due_on":"2020-01-01"}"#),
            fields: ["owner", "due_on"]),
        Case(
            name: "minutes approved with nothing written",
            form: ("/partnerships/cdp/meetings/cdp-board/minutes/approve", "at_meeting="),
            api: ("/api/v1/partnerships/cdp/meetings/cdp-board/minutes/approve", "{}"),
            fields: ["minutes"]),
        Case(
            name: "minutes approved at a meeting before their own",
            form: ("/partnerships/cdp/meetings/cdp-written/minutes/approve", "at_meeting=cdp-board"),
            api: ("/api/v1/partnerships/cdp/meetings/cdp-written/minutes/approve", #"{"at_meeting":"cdp-board"}"#),
            fields: ["at_meeting"])
    ]

    /// The errors a form page shows in its summary: `<a href="#FIELD">MESSAGE</a>`.
    static func formErrors(_ html: String) -> [FieldError] {
        guard let start = html.range(of: "class=\"error-summary\"") else { return [] }
        let summary = html[start.upperBound...].prefix { _ in true }
        let end = summary.range(of: "</ul>").map { summary[..<$0.lowerBound] } ?? summary
        let pattern = /<a href="#([^"]+)">([^<]*)<\/a>/
        return end.matches(of: pattern).map { match in
            FieldError(
                String(match.output.1),
                String(match.output.2).replacingOccurrences(of: "&#39;", with: "'")
                    .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&"))
        }
    }

    @Test(arguments: cases) func theFormAndTheAPIRefuseAlike(_ refusal: Case) async throws {
        try await withConveneApp { app in
            try await MeetingTests.setUp(app)
            let board = try await app.send(
                .POST, Self.meetingsAPI,
                json: #"{"key":"cdp-board","name":"Board","starts_at":"2027-06-01T08:00:00Z"}"#)
            #expect(board.status == .created, "\(board.text)")
            // A later meeting whose minutes are written.
            let written = try await app.send(
                .POST, Self.meetingsAPI,
                json: #"{"key":"cdp-written","name":"Board","starts_at":"2027-07-01T08:00:00Z"}"#)
            #expect(written.status == .created, "\(written.text)")
            let minutes = try await app.send(
                .PUT, "/api/v1/partnerships/cdp/meetings/cdp-written/minutes", json: #"{"text":"The board agreed"}"#)
            #expect(minutes.status == .ok, "\(minutes.text)")

            let page = try await app.send(.POST, refusal.form.path, form: refusal.form.body)
            #expect(page.status == .unprocessableEntity, "\(refusal.name): the form answered \(page.status)")
            let shown = Self.formErrors(page.text)
            #expect(Set(shown.map(\.field)) == refusal.fields, "\(refusal.name): the form said \(shown)")

            let answer = try await app.send(.POST, refusal.api.path, json: refusal.api.json)
            #expect(answer.status == .unprocessableEntity, "\(refusal.name): the API answered \(answer.text)")
            let problem = try JSONDecoder().decode(Problem.self, from: Data(answer.text.utf8))
            let refused = (problem.errors ?? []).map { FieldError(Self.formName[$0.field] ?? $0.field, $0.message) }
            #expect(
                Set(refused.map(\.field)) == refusal.fields, "\(refusal.name): the API said \(problem.errors ?? [])")
            #expect(Set(refused) == Set(shown), "\(refusal.name): form \(shown), API \(refused)")
        }
    }
}
