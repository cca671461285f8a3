import ConveneDomain
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import ConveneServer

/// Templates: the shipped guidance loaded by the migration, added by a form, imported whole or not at all, and
/// exported as the same JSON.
@Suite struct GuidanceTemplateTests {
    static let serious = """
        {"templates": [{"key": "svd-guidance-2022", "title": "Serious Violence Duty", "version": 1,
          "partnership_type": "serious-violence", "published_on": "2022-12-01",
          "steps": [{"key": "strategy", "title": "Publish a strategy", "evidence": "The strategy",
                     "due": {"on": "2024-01-31"}, "repeats_every_months": 12}]}]}
        """

    static func auditCount(_ app: Application) async throws -> Int {
        try await AuditEventRecord.query(on: app.db).count()
    }

    @Test func theMigrationLoadsTheShippedGuidanceAndTheExportReadsBackAsTheSame() async throws {
        try await withConveneApp { app in
            // Act
            let export = try await app.send(.GET, "/guidance/export")
            let api = try await app.send(.GET, "/api/v1/guidance/templates")
            let page = try await app.send(.GET, "/guidance")

            // Check
            let read = GuidanceTemplateFile.read(Data(export.text.utf8))
            #expect(read.errors == [])
            #expect(read.templates == (try GuidanceTemplateFile.shipped()))
            #expect(api.text == export.text)
            #expect(page.text.contains("Agree the terms of reference for your local partnership"))
            #expect(page.text.contains("By the end of the month 10 months after the start, then every 12 months"))
        }
    }

    @Test func anImportIsAllOrNothingAndTheSameFileTwiceChangesNothing() async throws {
        try await withConveneApp { app in
            // Setup: the good template beside one with a bad field, and one that changes the shipped version 1.
            let bad = Self.serious.replacingOccurrences(
                of: "]}]}",
                with:
                    #"]}, {"key": "x", "title": "X", "version": 1, "partnership_type": "csp", "published_on": "2022-06-01", "steps": [{"key": "a", "title": "A", "evidence": "E", "due": {"months": -1}}]}]}"#
            )
            var shipped = try GuidanceTemplateFile.shipped()
            shipped[0].title = "Changed"
            let changed = String(decoding: try GuidanceTemplateFile.write(shipped), as: UTF8.self)
            let before = try await Self.auditCount(app)

            // Act
            let refused = try await app.send(
                .POST, "/guidance/import", upload: Upload(fields: [], file: bad, name: "t.json"))
            let conflict = try await app.send(.POST, "/api/v1/guidance/templates", json: changed)
            let afterRefusals = try await GuidanceStore.allTemplates(on: app.db).count
            let auditAfterRefusals = try await Self.auditCount(app)
            let first = try await app.send(
                .POST, "/guidance/import", upload: Upload(fields: [], file: Self.serious, name: "t.json"))
            let auditAfterFirst = try await Self.auditCount(app)
            let again = try await app.send(.POST, "/api/v1/guidance/templates", json: Self.serious)

            // Check
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("templates[1].steps[0].due.months"))
            #expect(conflict.status == .unprocessableEntity && conflict.text.contains("templates[0].version"))
            #expect(afterRefusals == 1 && auditAfterRefusals == before)
            #expect(first.status == .ok && first.text.contains("Added svd-guidance-2022 version 1"))
            #expect(auditAfterFirst == before + 1)
            #expect(
                try again.status == .ok && (again.json()["unchanged"] as? [String]) == ["svd-guidance-2022 version 1"])
            #expect(try await Self.auditCount(app) == auditAfterFirst)
            #expect(try await GuidanceStore.allTemplates(on: app.db).count == 2)
        }
    }

    @Test func theFormSaysWhatIsWrongAndAddsAWholeTemplate() async throws {
        try await withConveneApp { app in
            // Setup
            let steps = #"[{"key":"plan","title":"Publish a plan","evidence":"The plan","due":{"months":6}}]"#
            let encoded = steps.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""

            // Act
            let empty = try await app.send(.POST, "/guidance/new", form: "title=&key=&version=x&steps=%5B%5D")
            let badStep = try await app.send(
                .POST, "/guidance/new",
                form:
                    "title=Plan&key=vawg-plan&version=1&partnership_type=vawg-board&published_on=2023-01-01&steps=%5B%7B%22key%22%3A%22a%22%7D%5D"
            )
            let made = try await app.send(
                .POST, "/guidance/new",
                form:
                    "title=VAWG+plan&key=vawg-plan&version=1&partnership_type=vawg-board&published_on=2023-01-01&steps=\(encoded)"
            )

            // Check
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.text.contains("Choose the type of partnership"))
            #expect(empty.text.contains("Enter the version as a whole number"))
            #expect(badStep.status == .unprocessableEntity && badStep.text.contains("steps[0].title"))
            #expect(made.status == .seeOther)
            #expect(try await GuidanceStore.latestTemplate("vawg-plan", on: app.db).steps.map(\.key) == ["plan"])
        }
    }
}
