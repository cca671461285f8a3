import ConveneDemo
import ConveneDomain
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import ConveneServer

/// A review of the demo landscape: proposals by the rules with reasons traced to records, the reviewer's decisions
/// with their rationale, draft to published, and the published report on the public site naming nobody.
@Suite struct ReviewTests {
    static let today = Day(year: 2026, month: 3, day: 2)!

    static func demo(_ app: Application) async throws -> ReviewStore.Review {
        guard case .applied = try await ReportsDemo.load(on: app.db, today: Self.today) else {
            Issue.record("the demo did not load")
            throw Abort(.internalServerError)
        }
        let scope = try await Scope.workspace(Tasks.defaultWorkspace, on: app.db)
        let list = try await ReviewStore.list(in: scope)
        #expect(list.count == 1)
        return try await ReviewStore.review(list[0].key, in: scope)
    }

    @Test func theDemosReviewProposesAMergeOrDiscontinuationWithReasonsTracedToRecords() async throws {
        try await withConveneApp(now: .fixed(Self.today)) { app in
            let review = try await Self.demo(app)
            let listed = try await Tasks.reviews(db: app.db)

            let ending = review.items.filter {
                if case .merge = $0.proposed { return true }
                return $0.proposed == .discontinue
            }
            #expect(!ending.isEmpty, "\(review.items.map { "\($0.partnershipKey): \($0.proposed)" })")
            #expect(review.survey?.respondents == 30)
            #expect(listed.contains(#""id" : "\#(review.summary.key)""#) && listed.contains(#""status" : "draft""#))
            // Every reason of a merge or discontinuation names records, and each record's page is there.
            for item in ending {
                #expect(!item.reasons.isEmpty)
                for reason in item.reasons {
                    #expect(!reason.evidence.isEmpty, "\(reason.sentence)")
                    for evidence in reason.evidence {
                        let href = try #require(review.links[evidence], "\(evidence)")
                        let page = try await app.send(.GET, String(href.split(separator: "#")[0]))
                        #expect(page.status == .ok, "\(href): \(page.status)")
                    }
                }
            }
            // A figure in a reason is a figure of the records: the cost sentence names the meetings held.
            let measures = try #require(ending[0].measures)
            #expect(ending[0].reasons.contains { $0.sentence.contains("Met \(measures.meetings) time") })

            // Carried out in the register, the recommendation links to the change.
            let ended = try await app.send(.POST, "/api/v1/partnerships/\(ending[0].partnershipKey)/end", json: "{}")
            let scope = try await Scope.workspace(Tasks.defaultWorkspace, on: app.db)
            let after = try await ReviewStore.review(review.summary.key, in: scope)
            let page = try await app.send(.GET, "/reviews/\(review.summary.key)")
            #expect(ended.status == .ok)
            #expect(after.changes[ending[0].partnershipKey] != nil)
            #expect(page.text.contains("Carried out: see the change"))
            #expect(review.changes.isEmpty)
        }
    }

    @Test func aReviewerDecidesEachRecommendationAndTheReviewIsPublishedWithoutNamingAnyone() async throws {
        try await withConveneApp(now: .fixed(Self.today)) { app in
            let review = try await Self.demo(app)
            let key = review.summary.key
            let first = review.items[0]
            let changedTo = first.proposed == .reform ? "continue" : "reform"

            // Act
            let noReason = try await app.send(
                .POST, "/reviews/\(key)/partnerships/\(first.partnershipKey)", form: "decision=discontinue&rationale=")
            let tooEarly = try await app.send(.POST, "/reviews/\(key)/status", form: "status=final")
            let consultation = try await app.send(.POST, "/reviews/\(key)/status", form: "status=in-consultation")
            let blocked = try await app.send(.POST, "/reviews/\(key)/status", form: "status=final")
            for item in review.items {
                let changed = item.partnershipKey == first.partnershipKey
                let decision = changed ? changedTo : item.proposed.identifier
                let with = item.proposed.other.map { "&merge_with=\($0)" } ?? ""
                let saved = try await app.send(
                    .POST, "/reviews/\(key)/partnerships/\(item.partnershipKey)",
                    form: "decision=\(decision)\(changed ? "" : with)&rationale=Agreed+at+the+board+on+1+March")
                #expect(saved.status == .seeOther, "\(item.partnershipKey): \(saved.text.prefix(300))")
            }
            let final = try await app.send(.POST, "/reviews/\(key)/status", form: "status=final")
            let late = try await app.send(
                .POST, "/reviews/\(key)/partnerships/\(first.partnershipKey)", form: "decision=continue&rationale=x")
            let published = try await app.send(.POST, "/reviews/\(key)/status", form: "status=published")
            let page = try await app.send(.GET, "/reviews/\(key)")
            let publicList = try await app.send(.GET, "/public", signedIn: false)
            let report = try await app.send(.GET, "/public/reviews/default/\(key)", signedIn: false)
            let audit = try await AuditEventRecord.query(on: app.db).filter(
                \.$kind ~~ ["review", "review-recommendation"]
            )
            .all()

            // Check
            #expect(noReason.status == .unprocessableEntity && noReason.text.contains("Say why"))
            #expect(tooEarly.status == .unprocessableEntity)
            #expect(consultation.status == .seeOther)
            #expect(blocked.status == .unprocessableEntity && blocked.text.contains("no decision yet"))
            #expect(final.status == .seeOther && late.status == .unprocessableEntity)
            #expect(published.status == .seeOther)
            #expect(page.text.contains("Changed") && page.text.contains("Agreed at the board on 1 March"))
            #expect(publicList.text.contains("/public/reviews/default/\(key)"))
            #expect(report.status == .ok && report.text.contains("Changed by the reviewer to: \(changedTo)"))
            #expect(report.text.contains("Page \" counter(page)"))
            // The public report links to nothing private and names nobody: no reviewer, no person.
            #expect(!report.text.contains("href=\"/partnerships/") && !report.text.contains("href=\"/analysis"))
            #expect(!report.text.contains(TestIdentity.email))
            let scope = try await Scope.workspace(Tasks.defaultWorkspace, on: app.db)
            for person in try await PersonRecord.query(in: scope).filter(\.$publicOffice != true).all() {
                #expect(!report.text.contains(person.name), "names \(person.name)")
            }
            // Each step and each decision is in the audit log: made, 3 steps, and a decision each.
            #expect(audit.count == 1 + 3 + review.items.count)
        }
    }

    @Test func theReportIsOneAccessibleDocumentAndPrintsToPDF() async throws {
        try await withConveneApp(now: .fixed(Self.today)) { app in
            let review = try await Self.demo(app)
            let html = try await app.send(.GET, "/reviews/\(review.summary.key)/report")
            #expect(html.text.contains(#"<nav aria-label="Contents""#))
            for (id, _) in ReviewReport.sections { #expect(html.text.contains(#"id="\#(id)""#), "\(id)") }
            #expect(html.text.contains("<svg") && html.text.contains("<title id=\"chart-cost-title\">"))
            #expect(html.text.contains(#"<th scope="col">Cost a year</th>"#))
            guard Chromium.find() != nil else { return }
            let pdf = try await Tasks.reviewReport(
                review.summary.key, pdf: true, on: app.db, threadPool: app.threadPool)
            #expect(pdf.starts(with: Array("%PDF".utf8)))
        }
    }
}
