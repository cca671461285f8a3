import ConveneDomain
import Foundation

// The Combating Drugs Partnerships' analyses as the CLI and the API give them: the PCC's involvement (the CDP deep
// dive's Appendix B), the SROs (its Appendix A) and the footprints, each as JSON, CSV and text.
extension Analyses {
    static func cdpOutput(_ analysis: Analysis, _ question: AnalysisQuestion, register: Register, today: Day) throws
        -> AnalysisOutput
    {
        let day = overlapDay(question.period, today: today)
        switch analysis {
        case .involvement: return try involvementOutput(PCCInvolvement.run(register, on: day))
        case .sros: return try srosOutput(SeniorResponsibleOwners.run(register, on: day))
        case .footprints: return try footprintsOutput(CDPFootprints.run(register))
        default: preconditionFailure("\(analysis) is not a CDP analysis")
        }
    }

    static func involvementOutput(_ r: PCCInvolvement.Report) throws -> AnalysisOutput {
        func answer(_ a: PCCInvolvement.Answer) -> InvolvementJSON.Answer {
            .init(
                yes: a.yes, source: a.source?.rawValue,
                evidence: a.evidence.map { e in
                    .init(
                        kind: e.kind.rawValue, cdp: .init(id: e.cdp.key, name: e.cdp.name),
                        partnership: .init(id: e.partnership.key, name: e.partnership.name),
                        membership: e.membershipKey, person: e.personKey, organisation: e.organisationKey,
                        holder: e.holder, roleTitle: e.roleTitle, role: e.role?.rawValue,
                        recordedRoles: e.recordedRoles.map(\.rawValue), detail: e.detail)
                })
        }
        let json = InvolvementJSON(
            on: r.day.description,
            columns: PCCInvolvement.Column.allCases.map {
                .init(id: $0.rawValue, label: $0.label, forceAreas: r.count($0))
            },
            forceAreas: r.rows.map { row in
                .init(
                    id: row.forceAreaCode, name: row.forceAreaName, cdps: row.cdps.count,
                    partnerships: row.cdps.map { .init(id: $0.key, name: $0.name) },
                    sro: answer(row.answer(.sro)), overarchingGroup: answer(row.answer(.overarchingGroup)),
                    chair: answer(row.answer(.chair)), subGroupChair: answer(row.answer(.subGroupChair)),
                    attends: answer(row.answer(.attends)), attendsSubGroups: answer(row.answer(.attendsSubGroups)))
            })
        let columns = PCCInvolvement.Column.allCases
        return AnalysisOutput(
            json: try encode(json),
            header: ["force_area_id", "force_area", "cdps"] + columns.map(\.rawValue),
            rows: r.rows.map { row in
                [row.forceAreaCode, row.forceAreaName, "\(row.cdps.count)"]
                    + columns.map { row.answer($0).yes ? "yes" : "no" }
            },
            summary: "On \(r.day.longDescription): \(r.rows.count) force areas with "
                + "\(r.rows.reduce(0) { $0 + $1.cdps.count }) CDPs; "
                + columns.map { "\($0.label): \(r.count($0))" }
                .joined(separator: "; "))
    }

    static func srosOutput(_ r: SeniorResponsibleOwners.Report) throws -> AnalysisOutput {
        let json = SROsJSON(
            on: r.day.description, cdps: r.cdps.count, withSro: r.cdps.count - r.withoutSRO.count, seats: r.sros.count,
            groups: r.groups.map {
                .init(
                    id: $0.group.rawValue, label: $0.group.label, seats: $0.seats, cdps: $0.cdps, holders: $0.holders,
                    share: $0.share.map(rounded))
            },
            sros: r.sros.map {
                .init(
                    partnership: .init(id: $0.partnershipKey, name: $0.partnershipName), forceArea: $0.forceAreaCode,
                    membership: $0.membershipKey, person: $0.personKey, organisation: $0.organisationKey,
                    name: $0.name, roleTitle: $0.roleTitle, group: $0.group.rawValue)
            },
            withoutSro: r.withoutSRO.map { .init(id: $0.key, name: $0.name) })
        return AnalysisOutput(
            json: try encode(json),
            header: [
                "partnership_id", "partnership", "force_area_id", "membership_id", "holder", "role_title", "group"
            ],
            rows: r.sros.map {
                [
                    $0.partnershipKey, $0.partnershipName, $0.forceAreaCode ?? "", $0.membershipKey, $0.name,
                    $0.roleTitle ?? "", $0.group.rawValue
                ]
            },
            summary: "On \(r.day.longDescription): \(r.cdps.count - r.withoutSRO.count) of \(r.cdps.count) CDPs "
                + "record an SRO, \(r.sros.count) seats: "
                + r.groups.filter { $0.seats > 0 }.map { "\($0.group.label) \($0.seats) (\(percent($0.share)))" }
                .joined(separator: ", "))
    }

    static func footprintsOutput(_ r: CDPFootprints.Report) throws -> AnalysisOutput {
        func area(_ a: Area) -> FootprintsJSON.Place { .init(code: a.code, name: a.name) }
        func authority(_ a: CDPFootprints.Authority) -> FootprintsJSON.Authority {
            .init(code: a.area.code, name: a.area.name, cdps: a.cdps.map { .init(id: $0.key, name: $0.name) })
        }
        let verdicts = ["coterminous", "within-one-icb", "crosses-icbs", "unknown"]
        let json = FootprintsJSON(
            cdps: r.cdps.count,
            verdicts: .init(
                coterminous: r.count(verdicts[0]), withinOneIcb: r.count(verdicts[1]),
                crossesIcbs: r.count(verdicts[2]), unknown: r.count(verdicts[3])),
            forceAreas: r.forceAreas.map { f in
                .init(
                    id: f.code, name: f.name, cdps: f.cdps.map { .init(id: $0.key, name: $0.name) },
                    withoutFootprint: f.withoutFootprint.map { .init(id: $0.key, name: $0.name) },
                    upperTierAuthorities: f.authorities.count, uncovered: f.uncovered.map(\.area).map(area),
                    coveredMoreThanOnce: f.coveredMoreThanOnce.map(authority),
                    partlyCovered: f.partlyCovered.map(authority))
            },
            partnerships: r.cdps.map { c in
                .init(
                    id: c.partnership.key, name: c.partnership.name, forceArea: c.forceAreaCode,
                    footprint: c.footprint, upperTierAuthorities: c.upperTiers.map(area), icbFit: c.fit.verdict,
                    icbs: c.fit.boards.map(area), unknownCodes: c.unknownCodes)
            })
        let uncovered = r.forceAreas.reduce(0) { $0 + $1.uncovered.count }
        let twice = r.forceAreas.reduce(0) { $0 + $1.coveredMoreThanOnce.count }
        return AnalysisOutput(
            json: try encode(json),
            header: ["id", "name", "force_area_id", "footprint", "upper_tier_authorities", "icb_fit", "icbs"],
            rows: r.cdps.map { c in
                [
                    c.partnership.key, c.partnership.name, c.forceAreaCode ?? "", c.footprint.joined(separator: "; "),
                    c.upperTiers.map(\.name).joined(separator: "; "), c.fit.verdict,
                    c.fit.boards.map(\.name).joined(separator: "; ")
                ]
            },
            summary: "\(r.cdps.count) CDPs: \(r.count(verdicts[0])) coterminous with an ICB, "
                + "\(r.count(verdicts[1])) within one ICB, \(r.count(verdicts[2])) crossing ICBs, "
                + "\(r.count(verdicts[3])) not known; \(uncovered) upper-tier authorities covered by no CDP, "
                + "\(twice) by more than one")
    }

    // MARK: Shapes

    struct InvolvementJSON: Encodable {
        struct Column: Encodable { var id: String; var label: String; var forceAreas: Int }
        struct Evidence: Encodable {
            var kind: String; var cdp: Named; var partnership: Named
            var membership: String?; var person: String?; var organisation: String?; var holder: String?
            var roleTitle: String?; var role: String?; var recordedRoles: [String]; var detail: String
        }
        struct Answer: Encodable { var yes: Bool; var source: String?; var evidence: [Evidence] }
        struct Row: Encodable {
            var id: String; var name: String; var cdps: Int; var partnerships: [Named]
            var sro: Answer; var overarchingGroup: Answer; var chair: Answer; var subGroupChair: Answer
            var attends: Answer; var attendsSubGroups: Answer
        }
        var analysis = "involvement"
        var on: String, columns: [Column], forceAreas: [Row]
    }

    struct SROsJSON: Encodable {
        struct Group: Encodable {
            var id: String; var label: String; var seats: Int; var cdps: Int; var holders: Int; var share: Double?
        }
        struct SRO: Encodable {
            var partnership: Named; var forceArea: String?; var membership: String; var person: String?
            var organisation: String?; var name: String; var roleTitle: String?; var group: String
        }
        var analysis = "sros"
        var on: String, cdps: Int, withSro: Int, seats: Int, groups: [Group], sros: [SRO], withoutSro: [Named]
    }

    struct FootprintsJSON: Encodable {
        struct Place: Encodable { var code: String; var name: String }
        struct Authority: Encodable { var code: String; var name: String; var cdps: [Named] }
        struct Verdicts: Encodable {
            var coterminous: Int; var withinOneIcb: Int; var crossesIcbs: Int; var unknown: Int
        }
        struct ForceArea: Encodable {
            var id: String; var name: String; var cdps: [Named]; var withoutFootprint: [Named]
            var upperTierAuthorities: Int; var uncovered: [Place]; var coveredMoreThanOnce: [Authority]
            var partlyCovered: [Authority]
        }
        struct Partnership: Encodable {
            var id: String; var name: String; var forceArea: String?; var footprint: [String]
            var upperTierAuthorities: [Place]; var icbFit: String; var icbs: [Place]; var unknownCodes: [String]
        }
        var analysis = "footprints"
        var cdps: Int, verdicts: Verdicts, forceAreas: [ForceArea], partnerships: [Partnership]
    }
}
