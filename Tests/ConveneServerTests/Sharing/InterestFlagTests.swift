import ConveneDomain
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import ConveneServer

/// A declared interest at the meetings of the boards a member sits on: the agenda flags the items that name the
/// organisation, the minutes record a declaration made at the meeting, and a person in public office's declaration is
/// published only when the workspace says so.
@Suite struct InterestFlagTests {
    static let register = """
        partnership_id,partnership_name,type,membership_id,member_person_id,member_person_name,member_organisation_id,member_organisation_name,member_organisation_sector,role
        cdp,Combating Drugs Partnership,cdp,m1,lead,Partnership Lead,council,County Council,local-government,member
        csp,Community Safety Partnership,csp,m2,lead,Partnership Lead,council,County Council,local-government,member
        vrp,Violence Reduction Partnership,strategic-board,m3,other,Someone Else,turning-point,Turning Point,voluntary,member
        cdp,Combating Drugs Partnership,cdp,m4,pcc,The Commissioner,opcc,Office of the PCC,police,chair
        """

    /// Schedules a meeting on each board with an item naming Turning Point and one that does not.
    static func meetings(_ app: Application) async throws -> [String: String] {
        var keys: [String: String] = [:]
        for board in ["cdp", "csp", "vrp"] {
            let meeting = try await MeetingTests.schedule(app, board, on: "2026-07-14", name: "Board")
            keys[board] = meeting
            for title in ["Turning Point's treatment contract", "Naloxone supply"] {
                let added = try await app.send(
                    .POST, "/partnerships/\(board)/meetings/\(meeting)/agenda",
                    form: "title=\(MeetingTests.encode(title))&kind=for-decision&duration=20")
                #expect(added.status == .seeOther, "\(added.status): \(added.text.prefix(300))")
            }
        }
        return keys
    }

    @Test func aDeclaredInterestFlagsTheItemNamingItsOrganisationOnEveryBoardTheMemberSitsOn() async throws {
        try await withConveneApp { app in
            _ = try await app.importCSV(Self.register)
            let declared = try await app.send(
                .POST, "/persons/lead/interests",
                form: "kind=directorship&organisation_key=turning-point&matter=Trustee+of+Turning+Point&from=2025-01-01"
            )
            #expect(declared.status == .seeOther)
            let meetings = try await Self.meetings(app)

            // Act
            let pages = try await ["cdp", "csp", "vrp"].asyncMap { board in
                try await app.send(.GET, "/partnerships/\(board)/meetings/\(meetings[board]!)").text
            }

            // Check: one flag, on the item naming Turning Point, at each meeting the lead is a member of; none where
            // they are not (the Violence Reduction Partnership, whose member Turning Point is, has no declarant).
            let flag = "Partnership Lead: Trustee of Turning Point (the item names Turning Point)"
            for page in pages.prefix(2) {
                #expect(page.components(separatedBy: "interest-flag").count == 2)
                #expect(page.contains(flag))
                let item = try #require(
                    page.range(of: "Turning Point&#39;s treatment contract")
                        ?? page.range(of: "Turning Point's treatment contract"))
                let naloxone = try #require(page.range(of: "Naloxone supply"))
                let flagged = try #require(page.range(of: flag))
                #expect(item.upperBound < flagged.lowerBound && flagged.upperBound < naloxone.lowerBound)
            }
            #expect(!pages[2].contains("interest-flag"))
        }
    }

    @Test func theMinutesRecordADeclarationMadeAtTheMeetingWhileTheyAreADraft() async throws {
        try await withConveneApp { app in
            _ = try await app.importCSV(Self.register)
            let meeting = try #require(try await Self.meetings(app)["cdp"])
            let path = "/partnerships/cdp/meetings/\(meeting)"
            let item = "\(meeting)-item-1"

            // Act
            let form = try await app.send(.GET, "\(path)/declarations?person_key=lead&item_key=\(item)")
            let refused = try await app.send(.POST, "\(path)/declarations", form: "person_key=lead&matter=")
            let recorded = try await app.send(
                .POST, "\(path)/declarations",
                form: "person_key=lead&item_key=\(item)&matter=a+trustee+of+Turning+Point&action=left-the-room")
            let page = try await app.send(.GET, path).text
            _ = try await app.send(.POST, "\(path)/minutes", form: "text=The+board+met")
            _ = try await app.send(.POST, "\(path)/minutes/approve", form: "")
            let late = try await app.send(
                .POST, "\(path)/declarations", form: "person_key=pcc&matter=A+late+one&action=remained")

            // Check
            #expect(form.status == .ok && form.text.contains("<option value=\"lead\" selected"))
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("href=\"#matter\"") && refused.text.contains("href=\"#action\""))
            #expect(recorded.headers.first(name: .location) == "\(path)#declarations")
            #expect(
                page.contains(
                    "Partnership Lead declared a trustee of Turning Point on the item \"Turning Point's treatment "
                        + "contract\". Left the room for the item.")
                    || page.contains(
                        "Partnership Lead declared a trustee of Turning Point on the item &quot;Turning Point&#39;s "
                            + "treatment contract&quot;. Left the room for the item.")
            )
            #expect(late.status == .unprocessableEntity && late.text.contains("record the declaration in an addendum"))
            #expect(try await MeetingDeclarationRecord.query(on: app.db).count() == 1)
        }
    }

    @Test func onlyAPublicOfficeHoldersPublishedDeclarationIsPublic() async throws {
        try await withConveneApp { app in
            _ = try await app.importCSV(Self.register)
            try await Publishing.setPublicOffice("pcc", true, in: try await MeetingTests.scope(app))
            _ = try await app.send(.POST, "/partnerships/cdp/publish", form: "")

            // Act
            let published = try await app.send(
                .POST, "/persons/pcc/interests",
                form: "kind=membership&matter=Member+of+the+Local+Drugs+Forum&from=2025-01-01&published=yes")
            let kept = try await app.send(
                .POST, "/persons/pcc/interests",
                form: "kind=gift-or-hospitality&matter=Dinner+with+a+supplier&from=2025-01-01")
            let refused = try await app.send(
                .POST, "/persons/lead/interests",
                form: "kind=directorship&matter=Trustee+of+a+charity&from=2025-01-01&published=yes")
            let page = try await app.send(.GET, "/public/default/cdp", signedIn: false).text
            let api = try await app.send(.GET, "/api/v1/public/partnerships/default/cdp", signedIn: false).text

            // Check
            #expect(published.status == .seeOther && kept.status == .seeOther)
            #expect(refused.status == .unprocessableEntity && refused.text.contains("href=\"#published\""))
            for text in [page, api] {
                #expect(text.contains("Membership of a body: Member of the Local Drugs Forum"))
                #expect(!text.contains("Dinner with a supplier") && !text.contains("Trustee of a charity"))
            }
            #expect(api.contains("\"declared_interests\""))
        }
    }
}
