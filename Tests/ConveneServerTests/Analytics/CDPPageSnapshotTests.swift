import ConveneDomain
import Foundation
import SnapshotTesting
import Testing

@testable import ConveneServer

/// The CDP analysis pages rendered from models built by hand, with no app and no database: a force area of two
/// CDPs and four councils, the PCC the SRO of one and chair of the other's sub-group, one council left uncovered.
@Suite struct CDPPageSnapshotTests {
    static let today = Day("2025-07-20")!
    static let force = "E23000016"

    static func register() -> Register {
        let districts = [
            ("E06000019", "Herefordshire, County of"), ("E06000051", "Shropshire"), ("E06000020", "Telford and Wrekin"),
            ("E07000234", "Bromsgrove")
        ]
        return Register(
            areas: [
                Area(code: force, name: "West Mercia", kind: .policeForceArea),
                Area(code: "E10000034", name: "Worcestershire", kind: .upperTierAuthority),
                Area(code: "E54000011", name: "Shropshire ICB", kind: .integratedCareBoard),
                Area(code: "E54000066", name: "Herefordshire and Worcestershire ICB", kind: .integratedCareBoard)
            ] + districts.map { Area(code: $0.0, name: $0.1, kind: .district, parentCode: force) },
            areaLinks: [
                AreaLink(districtCode: "E07000234", areaCode: "E10000034"),
                AreaLink(districtCode: "E06000051", areaCode: "E54000011"),
                AreaLink(districtCode: "E06000020", areaCode: "E54000011"),
                AreaLink(districtCode: "E06000019", areaCode: "E54000066"),
                AreaLink(districtCode: "E07000234", areaCode: "E54000066")
            ],
            organisations: [
                Organisation(key: "opcc", name: "Office of the PCC", sector: .policingGovernance),
                Organisation(key: "council", name: "Council", sector: .localGovernment)
            ],
            persons: [
                Person(key: "pcc", name: "PCC", roleTitle: "Police and Crime Commissioner", organisationKey: "opcc"),
                Person(key: "dph", name: "DPH", roleTitle: "Director of Public Health", organisationKey: "council")
            ],
            partnerships: [
                Partnership(
                    key: "hw", name: "Herefordshire and Worcestershire CDP", type: .combatingDrugsPartnership,
                    footprint: ["E06000019", "E10000034"], pccRoles: [.attends], forceAreaCode: force),
                Partnership(
                    key: "shropshire", name: "Shropshire CDP", type: .combatingDrugsPartnership,
                    footprint: ["E06000051"], forceAreaCode: force),
                Partnership(key: "treatment", name: "Treatment group", type: .subGroup, forceAreaCode: force)
            ],
            memberships: [
                Membership(key: "hw-sro", partnershipKey: "hw", personKey: "pcc", role: .sro),
                Membership(key: "s-sro", partnershipKey: "shropshire", personKey: "dph", role: .sro),
                Membership(key: "t-chair", partnershipKey: "treatment", personKey: "pcc", role: .chair)
            ],
            relations: [PartnershipRelation("treatment", .subGroupOf, "shropshire")])
    }

    @Test func involvement() {
        // Setup
        let model = InvolvementPageModel(
            context: AnalysisPageSnapshotTests.context(.viewer),
            report: PCCInvolvement.run(Self.register(), on: Self.today))

        // Act
        let html = CDPViews.involvement(model).render()

        // Check
        #expect(html.contains("href=\"#evidence-E23000016\""))
        #expect(html.contains("/partnerships/treatment#members"))
        assertSnapshot(of: html, as: .lines)
    }

    @Test func sros() {
        // Setup
        let model = SROsPageModel(
            context: AnalysisPageSnapshotTests.context(.viewer),
            report: SeniorResponsibleOwners.run(Self.register(), on: Self.today))

        // Act
        let html = CDPViews.sros(model).render()

        // Check
        #expect(html.contains("/persons/pcc") && html.contains("/persons/dph"))
        assertSnapshot(of: html, as: .lines)
    }

    @Test func footprints() {
        // Setup
        let model = FootprintsPageModel(
            context: AnalysisPageSnapshotTests.context(.viewer), report: CDPFootprints.run(Self.register()))

        // Act
        let html = CDPViews.footprints(model).render()

        // Check
        #expect(html.contains("Telford and Wrekin (E06000020)"))
        #expect(html.contains("Coterminous with Herefordshire and Worcestershire ICB"))
        assertSnapshot(of: html, as: .lines)
    }
}
