import ConveneDomain
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import ConveneServer

/// Details of the pages that the browser journeys found wrong once.
@Suite struct PageDetailsTests {
    @Test func aPlaceholderOptionPostsAnEmptyValue() async throws {
        try await withConveneApp { app in
            // Act
            let form = try await app.send(.GET, "/partnerships/new")

            // Check: an option without a value attribute posts its text ("Not set") instead; an empty one posts "".
            #expect(form.text.contains(#"<option value selected="selected">Select a type"#))
            #expect(!form.text.contains("<option>"))
        }
    }

    @Test func aSelectWithAnErrorIsLinkedToItsMessage() async throws {
        try await withConveneApp { app in
            // Act
            let response = try await app.send(.POST, "/partnerships/new", form: "name=Board&type=&status=active")

            // Check
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains(##"href="#type""##))
            #expect(response.text.contains(#"aria-describedby="type-error""#))
        }
    }

    @Test func aViewerIsNotOfferedEditControlsAndErrorPagesKnowWhoIsSignedIn() async throws {
        try await withConveneApp { app in
            // Setup
            try await Accounts.addUser(
                email: "viewer@force.police.uk", password: TestIdentity.password, role: .viewer,
                on: app.db, passwords: app.password.async)
            let (cookie, _) = try await TestIdentity.session(
                app, email: "viewer@force.police.uk", password: TestIdentity.password)
            let headers: HTTPHeaders = ["Cookie": "convene-session=\(cookie)"]

            // Act
            let list = try await app.testing().sendRequest(.GET, "/partnerships", headers: headers)
            let people = try await app.testing().sendRequest(.GET, "/persons", headers: headers)
            let refused = try await app.testing().sendRequest(.GET, "/partnerships/new", headers: headers)
            let anonymous = try await app.testing().sendRequest(.GET, "/public")

            // Check
            #expect(list.status == .ok && !list.body.string.contains("Add a partnership"))
            #expect(!people.body.string.contains("Add a person"))
            #expect(!list.body.string.contains(">Import<"))
            #expect(refused.status == .forbidden)
            #expect(refused.body.string.contains("viewer@force.police.uk") && refused.body.string.contains("Sign out"))
            #expect(anonymous.body.string.contains(">Sign in<") && !anonymous.body.string.contains(">History<"))
        }
    }
}
