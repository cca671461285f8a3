import ConveneDomain
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import ConveneServer

/// What workspaces share with the network: the directory of each force area's partnership lead (an office or a role
/// title, a person only in public office) and the library of templates any workspace copies into its own.
@Suite struct NetworkSharingTests {
    static let register = """
        partnership_id,partnership_name,type,membership_id,member_person_id,member_person_name,member_organisation_id,member_organisation_name,member_organisation_sector,role
        cdp,Drugs Partnership,cdp,m1,pcc,The Commissioner,opcc,Office of the PCC,police,chair
        cdp,Drugs Partnership,cdp,m2,officer,An Officer,opcc,Office of the PCC,police,member
        """

    @Test func theDirectoryNamesEachForceAreasLeadByOfficeAndOnlyAPublicOfficeHolderByName() async throws {
        try await withConveneApp { app in
            _ = try await app.importCSV(Self.register)
            try await Publishing.setPublicOffice("pcc", true, in: try await MeetingTests.scope(app))
            try await Workspaces.add(
                key: "durham", name: "Durham", kind: .forceArea, forceAreaCode: "E23000008", on: app.db)

            // Act
            let private_ = try await app.send(
                .POST, "/network/leads/ours",
                form: "force_area_code=E23000023&office=Partnerships+lead&organisation=OPCC&holder_key=officer")
            let named = try await app.send(
                .POST, "/network/leads/ours",
                form:
                    "force_area_code=E23000023&office=Police+and+Crime+Commissioner&organisation=OPCC&holder_key=pcc"
                    + "&contact=partnerships%40opcc.example.org")
            await #expect(throws: Tasks.Failure.self) {
                try await Tasks.nameLead(
                    PartnershipLead(forceAreaCode: "E23000023", office: "Lead", organisation: "Durham OPCC"),
                    db: app.db, workspace: "durham")
            }
            try await Tasks.nameLead(
                PartnershipLead(
                    forceAreaCode: "E23000008", office: "Head of Partnerships", organisation: "Durham OPCC"),
                db: app.db, workspace: "durham")
            let page = try await app.send(.GET, "/network/leads").text
            let api = try await app.send(.GET, "/api/v1/network/leads")
            let rows = try JSONDecoder().decode([LeadDirectory.Row].self, from: Data(buffer: api.body))
            try await Publishing.setPublicOffice("pcc", false, in: try await MeetingTests.scope(app))
            let after = try await app.send(.GET, "/network/leads").text

            // Check: the private officer is refused by name of field; the directory has every force area, two led.
            #expect(private_.status == .unprocessableEntity && private_.text.contains("href=\"#holder_key\""))
            #expect(named.status == .seeOther)
            #expect(rows.count == PoliceForceAreas.all.count && rows.filter { $0.lead != nil }.count == 2)
            #expect(rows.first { $0.forceAreaCode == "E23000023" }?.holder == "The Commissioner")
            #expect(page.contains("2 of \(PoliceForceAreas.all.count) force areas name a lead."))
            #expect(page.contains("Police and Crime Commissioner (The Commissioner)"))
            #expect(page.contains("Head of Partnerships") && page.contains("mailto:partnerships@opcc.example.org"))
            #expect(!page.contains("An Officer"))
            #expect(!after.contains("The Commissioner") && after.contains("Police and Crime Commissioner"))
            // An empty office is an error, not a removal; naming no lead is its own button.
            let empty = try await app.send(
                .POST, "/network/leads/ours", form: "force_area_code=E23000023&office=&organisation=OPCC")
            #expect(empty.status == .unprocessableEntity && empty.text.contains("href=\"#office\""))
            let removed = try await app.send(.POST, "/network/leads/ours", form: "remove=yes")
            #expect(removed.status == .seeOther)
            #expect(try await app.send(.GET, "/network/leads").text.contains("1 of \(PoliceForceAreas.all.count)"))
        }
    }

    @Test func aTemplateSharedByOneWorkspaceIsCopiedIntoAnother() async throws {
        try await withConveneApp { app in
            _ = try await app.importCSV(Self.register)
            _ = try await app.send(.POST, "/surveys/new", form: "title=Partners+survey&template=partnership-system")
            _ = try await app.send(
                .POST, "/api/v1/partnerships/cdp/terms-of-reference",
                json: #"{"purpose":"Reduce drug harm","quorum":4,"meeting_frequency":"quarterly"}"#)
            try await Workspaces.add(
                key: "durham", name: "Durham", kind: .forceArea, forceAreaCode: "E23000008", on: app.db)
            _ = try await Tasks.importFile(
                .csv,
                Data(
                    """
                    partnership_id,partnership_name,type
                    durham-cdp,Durham CDP,cdp
                    """.utf8), dryRun: false, on: app.db, workspace: "durham")

            // Act: share both, then copy both into Durham, and the survey into our own workspace again.
            let refused = try await app.send(.POST, "/network/library/share", form: "source=survey:nothing")
            let survey = try await app.send(
                .POST, "/network/library/share", form: "source=survey:partners-survey&note=Thirty+answered")
            let terms = try await app.send(.POST, "/network/library/share", form: "source=terms:cdp")
            let library = try await app.send(.GET, "/network/library").text
            let item = try await app.send(.GET, "/network/library/default/partners-survey").text
            let durham = try await Scope.workspace("durham", on: app.db, now: TestClock.now)
            let shared = try await NetworkShared.library(on: app.db)
            let copiedSurvey = try await NetworkBusiness.copy(
                try #require(shared.first { $0.item.kind == .survey }).item, into: nil, in: durham)
            let noPartnership = try await NetworkBusiness.copy(
                try #require(shared.first { $0.item.kind == .termsOfReference }).item, into: nil, in: durham)
            let copiedTerms = try await NetworkBusiness.copy(
                try #require(shared.first { $0.item.kind == .termsOfReference }).item, into: "durham-cdp", in: durham)
            let again = try await app.send(.POST, "/network/library/default/partners-survey/copy", form: "")
            let withdrawn = try await app.send(.POST, "/network/library/ours/partners-survey/withdraw", form: "")

            // Check
            #expect(refused.status == .unprocessableEntity && refused.text.contains("href=\"#source\""))
            #expect(survey.headers.first(name: .location) == "/network/library/default/partners-survey")
            #expect(
                terms.headers.first(name: .location)
                    == "/network/library/default/terms-of-reference-of-the-drugs-partnership")
            #expect(
                library.contains("Shared by workspaces (2)")
                    && library.contains("Terms of reference of the Drugs Partnership"))
            #expect(
                item.contains("Thirty answered")
                    && item.contains("The questions (\(SurveyTemplates.partnerships.questions.count))"))
            #expect(try copiedSurvey.get() == "/surveys/partners-survey")
            let theirs = try #require(try await SurveyRecord.query(in: durham).first())
            #expect(theirs.domain.status == .draft)
            #expect(theirs.domain.questions == SurveyTemplates.partnerships.questions)
            #expect(noPartnership.errors.map(\.field) == ["partnership_key"])
            #expect(try copiedTerms.get() == "/partnerships/durham-cdp#terms")
            let copied = try #require(try await TermsOfReferenceRecord.query(in: durham).first())
            #expect(copied.purpose == "Reduce drug harm" && copied.quorum == 4 && copied.approvedOn == nil)
            #expect(again.headers.first(name: .location) == "/surveys/partners-survey-2")
            #expect(withdrawn.status == .seeOther)
            #expect(try await NetworkShared.library(on: app.db).map(\.item.kind) == [.termsOfReference])
            #expect(try await SurveyRecord.query(in: durham).count() == 1)
        }
    }
}
