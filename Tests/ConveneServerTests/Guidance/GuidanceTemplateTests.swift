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
            #expect(afterRefusals == shipped.count && auditAfterRefusals == before)
            #expect(first.status == .ok && first.text.contains("Added svd-guidance-2022 version 1"))
            #expect(auditAfterFirst == before + 1)
            #expect(
                try again.status == .ok && (again.json()["unchanged"] as? [String]) == ["svd-guidance-2022 version 1"])
            #expect(try await Self.auditCount(app) == auditAfterFirst)
            #expect(try await GuidanceStore.allTemplates(on: app.db).count == shipped.count + 1)
        }
    }

    @Test func theFormSaysWhatIsWrongAddsAStepOnAskingAndAddsAWholeTemplate() async throws {
        try await withConveneApp { app in
            // Setup
            let head = "title=VAWG+plan&key=vawg-plan&version=1&partnership_type=vawg-board&published_on=2023-01-01"
            func step(_ row: Int, _ fields: [(String, String)]) -> String {
                fields.map { "steps%5B\(row)%5D%5B\($0.0)%5D=\($0.1)" }.joined(separator: "&")
            }
            let needs = step(
                0, [("title", "Publish+a+needs+assessment"), ("evidence", "The+assessment"), ("due_months", "6")])
            let plan = step(
                1,
                [
                    ("title", "Publish+a+plan"), ("evidence", "The+plan"), ("due_months", "12"),
                    ("due_end_of_month", "yes"), ("repeats_every_months", "12"),
                    ("after", "publish-a-needs-assessment"), ("rule", "delivery-plan")
                ])

            // Act
            let empty = try await app.send(.POST, "/guidance/new", form: "title=&key=&version=x")
            let another = try await app.send(.POST, "/guidance/new", form: "\(head)&\(needs)&action=add-step")
            let badStep = try await app.send(
                .POST, "/guidance/new",
                form: "\(head)&\(needs)&\(step(1, [("title", "Plan"), ("due_months", "six"), ("after", "nothing")]))")
            let made = try await app.send(.POST, "/guidance/new", form: "\(head)&\(needs)&\(step(2, []))&\(plan)")

            // Check
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.text.contains("Choose the type of partnership"))
            #expect(empty.text.contains("Enter the version as a whole number"))
            let summary = empty.text.components(separatedBy: "</h2>").dropFirst().first ?? ""
            #expect(
                summary.range(of: "Enter the version")!.lowerBound < summary.range(of: "Choose the type")!.lowerBound,
                "the summary lists the errors in the fields' order")
            #expect(empty.text.contains("href=\"#steps[0][title]\""), "no step: the first step's title is asked for")
            #expect(another.status == .ok && another.text.contains("Step 2") && !another.text.contains("Step 3"))
            #expect(another.text.contains("value=\"Publish a needs assessment\"") == false, "a title is a text area")
            #expect(another.text.contains(">Publish a needs assessment</textarea>"), "what was typed is kept")
            #expect(badStep.status == .unprocessableEntity)
            #expect(badStep.text.contains("href=\"#steps[1][due_months]\""))
            #expect(badStep.text.contains("Months after the start must be a whole number"))
            #expect(badStep.text.contains("href=\"#steps[1][evidence]\""))
            #expect(made.status == .seeOther, "\(made.text)")
            let template = try await GuidanceStore.latestTemplate("vawg-plan", on: app.db)
            #expect(
                template.steps.map(\.key) == ["publish-a-needs-assessment", "publish-a-plan"], "the blank step left out"
            )
            #expect(template.steps.last?.due == .after(months: 12, days: 0, endOfMonth: true))
            #expect(template.steps.last?.repeatsEveryMonths == 12 && template.steps.last?.rule == .deliveryPlan)
            #expect(template.steps.last?.after == ["publish-a-needs-assessment"])
        }
    }
}
