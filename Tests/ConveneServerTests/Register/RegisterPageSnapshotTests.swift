import ConveneDomain
import Foundation
import SnapshotTesting
import Testing

@testable import ConveneServer

/// The register's overview rendered from a model built by hand: no app, no database. A change to the page's
/// HTML shows here as a changed snapshot (`__Snapshots__`), to be looked at and recorded again on purpose.
@Suite struct RegisterPageSnapshotTests {
    static func context(role: WorkspaceRole) -> PageContext {
        let principal = Principal(
            userID: UUID(uuidString: "00000000-0000-0000-0000-0000000000bb")!, email: "officer@example.org",
            workspaceID: UUID(uuidString: "00000000-0000-0000-0000-0000000000aa")!, workspaceName: "Merseyside",
            workspaceKind: .forceArea, role: role, viaToken: false)
        return PageContext(principal: principal, csrfToken: "fixed-form-token", path: "/")
    }

    static func overview(role: WorkspaceRole) -> OverviewModel {
        OverviewModel(
            context: context(role: role), total: 3,
            byType: [(.combatingDrugsPartnership, 1), (.communitySafetyPartnership, 2)],
            byStatus: [(.active, 3)], byPCCRole: [(.chair, 1), (.member, 2)],
            forceAreas: [.init(code: "E23000004", name: "Merseyside", partnerships: 3, cdps: 1, pccRoles: [.chair])],
            senior: [
                .init(
                    partnershipKey: "mersey-cdp", partnershipName: "Merseyside Combating Drugs Partnership",
                    forceArea: "Merseyside", sro: "Police and Crime Commissioner",
                    sroKey: RegisterPath.person("pcc").href)
            ],
            isDemo: false)
    }

    @Test func overviewForAnEditor() {
        let html = OverviewView.render(Self.overview(role: .editor)).render()
        #expect(html.contains("href=\"\(RegisterPath.importFile.href)\""))
        assertSnapshot(of: html, as: .lines)
    }

    /// A viewer is not offered the import page.
    @Test func overviewForAViewerOffersNoChanges() {
        let html = OverviewView.render(Self.overview(role: .viewer)).render()
        #expect(!html.contains("href=\"\(RegisterPath.importFile.href)\""))
        assertSnapshot(of: html, as: .lines)
    }
}
