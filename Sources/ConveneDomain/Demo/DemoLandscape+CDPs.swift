// The CDP deep dive's tables: Appendix B (PCC involvement by force area), Appendix A (CDPs whose
// SRO is a commissioner or a police officer), and the Wales Area Planning Board table.

/// One row of Appendix B. Two rows answer for Avon and Somerset: the PCC's and the police's.
struct InvolvementRow {
    enum Respondent { case pcc, police }
    var force: String
    /// The force area as the table writes it.
    var reportedAs: String
    var cdps: Int
    var roles: [PCCRole]
    var respondent: Respondent = .pcc
}

/// One row of Appendix A; "Herefordshire, Worcestershire, Shropshire and Telford" is West Mercia's two CDPs.
struct SROEntry {
    var cdp: String
    var title: String
    var force: String
    var partnerships: [String]
}

/// A CDP whose name (and footprint, where known) a report gives.
struct NamedCDP {
    var name: String
    var footprint: [String] = []
}

extension DemoBuilder {
    static let cdpGuidance = "None: a Combating Drugs Partnership follows the national guidance for local delivery partners (June 2022)"

    static let appendixB: [InvolvementRow] = {
        typealias F = DemoForces
        return [
            InvolvementRow(force: "E23000018", reportedAs: "Derbyshire", cdps: 1, roles: [.attends]),
            InvolvementRow(force: "E23000006", reportedAs: "Cheshire", cdps: 4, roles: [.attends]),
            InvolvementRow(force: "E23000009", reportedAs: "North Yorkshire", cdps: 2, roles: [.attends, .attendsSubGroups]),
            InvolvementRow(force: F.humberside, reportedAs: "Humberside", cdps: 3, roles: [.subGroupChair, .attends, .attendsSubGroups]),
            InvolvementRow(force: "E23000030", reportedAs: "Hampshire", cdps: 4, roles: [.overarchingGroup, .attends]),
            InvolvementRow(force: F.northumbria, reportedAs: "Northumbria", cdps: 1, roles: [.chair, .attends]),
            InvolvementRow(force: F.surrey, reportedAs: "Surrey", cdps: 1, roles: [.attends, .attendsSubGroups]),
            InvolvementRow(force: F.cambridgeshire, reportedAs: "Cambridgeshire", cdps: 1, roles: [.sro, .chair, .attends, .attendsSubGroups]),
            InvolvementRow(force: F.southYorkshire, reportedAs: "South Yorkshire", cdps: 4, roles: [.attends, .attendsSubGroups]),
            InvolvementRow(force: F.westMidlands, reportedAs: "West Midlands", cdps: 1, roles: [.sro, .chair, .attends, .attendsSubGroups]),
            InvolvementRow(force: F.warwickshire, reportedAs: "Warwickshire", cdps: 1, roles: [.sro, .chair, .attends, .attendsSubGroups]),
            InvolvementRow(force: F.durham, reportedAs: "Durham", cdps: 1, roles: [.sro, .chair, .attends]),
            InvolvementRow(force: F.greaterManchester, reportedAs: "Greater Manchester", cdps: 1, roles: [.sro, .chair, .attends]),
            InvolvementRow(force: F.bedfordshire, reportedAs: "Bedfordshire", cdps: 1, roles: [.attends, .attendsSubGroups]),
            InvolvementRow(force: F.dorset, reportedAs: "Dorset", cdps: 1, roles: [.chair, .attends, .attendsSubGroups]),
            InvolvementRow(force: F.devonAndCornwall, reportedAs: "Devon and Cornwall", cdps: 4, roles: [.overarchingGroup, .attends]),
            InvolvementRow(force: "E23000025", reportedAs: "Suffolk", cdps: 1, roles: [.attends]),
            InvolvementRow(force: "E23000028", reportedAs: "Essex", cdps: 1, roles: [.attends]),
            InvolvementRow(force: F.avonAndSomerset, reportedAs: "Avon & Somerset (PCC Response)", cdps: 5, roles: [.attends]),
            InvolvementRow(force: F.avonAndSomerset, reportedAs: "Avon & Somerset (Police Response)", cdps: 5,
                           roles: [.sro, .chair, .attends], respondent: .police),
            InvolvementRow(force: "E23000022", reportedAs: "Northamptonshire", cdps: 1, roles: [.attends, .attendsSubGroups]),
            InvolvementRow(force: F.cumbria, reportedAs: "Cumbria", cdps: 1, roles: [.sro, .chair, .attends, .attendsSubGroups]),
            InvolvementRow(force: F.gloucestershire, reportedAs: "Gloucestershire", cdps: 1, roles: [.sro, .chair, .attends, .attendsSubGroups]),
            InvolvementRow(force: F.westMercia, reportedAs: "West Mercia", cdps: 2, roles: [.sro, .chair, .attends, .attendsSubGroups]),
            InvolvementRow(force: F.norfolk, reportedAs: "Norfolk", cdps: 1, roles: [.attends, .attendsSubGroups]),
            InvolvementRow(force: "E23000033", reportedAs: "Sussex", cdps: 3, roles: [.attends]),
            InvolvementRow(force: F.merseyside, reportedAs: "Merseyside", cdps: 5, roles: [.overarchingGroup, .chair, .attends]),
            InvolvementRow(force: "E23000027", reportedAs: "Hertfordshire", cdps: 1, roles: [.chair, .attends]),
            InvolvementRow(force: F.thamesValley, reportedAs: "Thames Valley", cdps: 5, roles: [.attends]),
            InvolvementRow(force: F.westYorkshire, reportedAs: "West Yorkshire", cdps: 5, roles: [.sro, .attends]),
            InvolvementRow(force: F.cleveland, reportedAs: "Cleveland", cdps: 1, roles: [.sro]),
            InvolvementRow(force: F.lincolnshire, reportedAs: "Lincolnshire", cdps: 1, roles: [.attends]),
            InvolvementRow(force: F.lancashire, reportedAs: "Lancashire", cdps: 3, roles: [.attends]),
            InvolvementRow(force: "E23000032", reportedAs: "Kent", cdps: 2, roles: [.attends]),
            InvolvementRow(force: F.london, reportedAs: "MET Police", cdps: 31, roles: [.sro, .attends]),
        ]
    }()

    static let appendixA: [SROEntry] = {
        typealias F = DemoForces
        let pcc = "Police and Crime Commissioner", deputy = "Deputy Police and Crime Commissioner"
        return [
            SROEntry(cdp: "Berkshire West", title: pcc, force: F.thamesValley, partnerships: ["Berkshire West Combating Drugs Partnership"]),
            SROEntry(cdp: "Bath and Northeast Somerset", title: "Chief Inspector", force: F.avonAndSomerset,
                     partnerships: ["Bath and North East Somerset Combating Drugs Partnership"]),
            SROEntry(cdp: "Bristol", title: "Superintendent and Police Commander", force: F.avonAndSomerset,
                     partnerships: ["Bristol Combating Drugs Partnership"]),
            SROEntry(cdp: "Cambridgeshire and Peterborough", title: pcc, force: F.cambridgeshire, partnerships: ["Cambridgeshire High Harms Board"]),
            SROEntry(cdp: "Cleveland", title: pcc, force: F.cleveland, partnerships: ["Cleveland Combating Drugs Partnership"]),
            SROEntry(cdp: "Cumbria", title: pcc, force: F.cumbria, partnerships: ["Cumbria Combating Drugs Partnership"]),
            SROEntry(cdp: "Darlington and Durham", title: pcc, force: F.durham, partnerships: ["Darlington and Durham Combating Drugs Partnership"]),
            SROEntry(cdp: "Dorset, Bournemouth, Christchurch and Poole", title: pcc, force: F.dorset,
                     partnerships: ["Dorset, Bournemouth, Christchurch and Poole Combating Drugs Partnership"]),
            SROEntry(cdp: "Gloucestershire", title: deputy, force: F.gloucestershire, partnerships: ["Gloucestershire Combating Drugs Partnership"]),
            SROEntry(cdp: "Greater Manchester", title: "Deputy Mayor of Greater Manchester", force: F.greaterManchester,
                     partnerships: ["Greater Manchester Combating Drugs Partnership"]),
            SROEntry(cdp: "Herefordshire, Worcestershire, Shropshire and Telford", title: pcc, force: F.westMercia,
                     partnerships: ["Herefordshire and Worcestershire Combating Drugs Partnership",
                                    "Shropshire, Telford and Wrekin Combating Drugs Partnership"]),
            SROEntry(cdp: "Staffordshire", title: "Police, Fire and Crime Commissioner", force: F.staffordshire,
                     partnerships: ["Staffordshire Combating Drugs Partnership"]),
            SROEntry(cdp: "Warwickshire", title: deputy, force: F.warwickshire, partnerships: ["Warwickshire Combating Drugs Partnership"]),
            SROEntry(cdp: "West Midlands", title: pcc, force: F.westMidlands, partnerships: ["West Midlands Combating Drugs and Alcohol Partnership"]),
        ]
    }()

    /// CDPs a report names, by force area; the rest of a force area's Appendix B count are unnamed.
    static let namedCDPs: [String: [NamedCDP]] = {
        typealias F = DemoForces
        return [
            F.thamesValley: [NamedCDP(name: "Berkshire West Combating Drugs Partnership", footprint: ["E06000037", "E06000038", "E06000041"])],
            F.avonAndSomerset: [NamedCDP(name: "Bristol Combating Drugs Partnership", footprint: ["E06000023"]),
                                NamedCDP(name: "Bath and North East Somerset Combating Drugs Partnership", footprint: ["E06000022"])],
            F.cambridgeshire: [NamedCDP(name: "Cambridgeshire High Harms Board", footprint: ["E10000003", "E06000031"])],
            F.cleveland: [NamedCDP(name: "Cleveland Combating Drugs Partnership", footprint: F.clevelandDistricts)],
            F.cumbria: [NamedCDP(name: "Cumbria Combating Drugs Partnership", footprint: ["E06000063", "E06000064"])],
            F.durham: [NamedCDP(name: "Darlington and Durham Combating Drugs Partnership", footprint: ["E06000005", "E06000047"])],
            F.dorset: [NamedCDP(name: "Dorset, Bournemouth, Christchurch and Poole Combating Drugs Partnership",
                                footprint: ["E06000059", "E06000058"])],
            F.gloucestershire: [NamedCDP(name: "Gloucestershire Combating Drugs Partnership", footprint: ["E10000013"])],
            F.greaterManchester: [NamedCDP(name: "Greater Manchester Combating Drugs Partnership", footprint: F.greaterManchesterDistricts)],
            F.westMercia: [NamedCDP(name: "Herefordshire and Worcestershire Combating Drugs Partnership", footprint: ["E06000019", "E10000034"]),
                           NamedCDP(name: "Shropshire, Telford and Wrekin Combating Drugs Partnership", footprint: ["E06000051", "E06000020"])],
            F.staffordshire: [NamedCDP(name: "Staffordshire Combating Drugs Partnership")],
            F.warwickshire: [NamedCDP(name: "Warwickshire Combating Drugs Partnership", footprint: ["E10000031"])],
            F.westMidlands: [NamedCDP(name: "West Midlands Combating Drugs and Alcohol Partnership", footprint: F.westMidlandsDistricts)],
            F.merseyside: F.merseysideBoroughs.map { NamedCDP(name: "\($0.0) Combating Drugs Partnership", footprint: [$0.1]) },
            // "Five CDPs covering its Local Authority districts": West Yorkshire has five districts.
            F.westYorkshire: F.westYorkshireDistricts.map { NamedCDP(name: "\($0.0) Combating Drugs Partnership", footprint: [$0.1]) },
            F.bedfordshire: [NamedCDP(name: "Bedfordshire Serious Harm Partnership Board", footprint: F.bedfordshireAuthorities.map(\.1))],
            F.lincolnshire: [NamedCDP(name: "Safer Lincolnshire Partnership Drugs and Alcohol Core Priority Group", footprint: ["E10000019"])],
            F.norfolk: [NamedCDP(name: "Norfolk Combating Drugs Partnership", footprint: ["E10000020"])],
            F.surrey: [NamedCDP(name: "Surrey Combating Drugs Partnership", footprint: ["E10000030"])],
        ]
    }()

    /// Every force area's CDPs: Appendix B's count (or, for Staffordshire, which Appendix B leaves
    /// out, Appendix A's one), named where a report names them; then Appendix A's SROs.
    mutating func addCombatingDrugsPartnerships() {
        let rows = Self.appendixB.filter { $0.respondent == .pcc }
        var forces = rows.map(\.force)
        for force in Self.namedCDPs.keys.sorted() where !forces.contains(force) { forces.append(force) }

        for force in forces {
            let row = rows.first { $0.force == force }
            let named = Self.namedCDPs[force] ?? []
            let count = row?.cdps ?? named.count
            let place = DemoForces.place(force)
            for number in 1...count {
                let cdp = number <= named.count ? named[number - 1] : nil
                let name = cdp?.name ?? (count == 1 ? "\(place) Combating Drugs Partnership"
                                                    : "\(place) Combating Drugs Partnership \(number) of \(count)")
                partnership(name, in: force, .combatingDrugsPartnership, statutoryBasis: Self.cdpGuidance,
                            purpose: cdpPurpose(force: force, count: count, named: cdp != nil, row: row),
                            themes: ["drugs"], footprint: cdp?.footprint ?? [], pccRoles: row?.roles ?? [])
            }
        }

        for entry in Self.appendixA {
            let sro: String
            switch entry.title {
            case "Chief Inspector", "Superintendent and Police Commander":
                let cdp = entry.cdp == "Bristol" ? "Bristol" : "Bath and North East Somerset"
                sro = person("\(entry.title) for \(cdp), \(DemoForces.facts(entry.force).police)", title: entry.title,
                             organisation: police(entry.force), entry.title == "Chief Inspector" ? .manager : .seniorManager)
            default:
                sro = commissioner(entry.force, title: entry.title)
            }
            for name in entry.partnerships {
                let key = Key.slug(name)
                member(key, person: sro, .sro)
                if entry.title.contains("Commissioner") || entry.title.contains("Mayor") { addPCCRoles([.sro], to: key) }
            }
        }
    }

    private func cdpPurpose(force: String, count: Int, named: Bool, row: InvolvementRow?) -> String {
        let place = DemoForces.place(force)
        var text = "Delivers the national drug strategy From Harm to Hope locally: breaking drug supply chains, "
            + "a world-class treatment and recovery system, and a generational shift in the demand for drugs."
        text += count == 1 ? " \(place)'s one CDP." : " One of \(place)'s \(count) CDPs."
        if row == nil {
            text += " Appendix B of the APCC deep dive (February 2024) does not list \(place); Appendix A names this CDP."
        } else if !named && count > 1 {
            text += " The source reports do not name it."
        }
        if force == DemoForces.avonAndSomerset {
            text += " Appendix B has two answers for Avon and Somerset. The PCC's: the PCC or a representative attends CDP meetings."
                + " The police's: the police are SRO or co-SRO, chair or co-chair, and attend CDP meetings"
                + " (Appendix A: a Superintendent and Police Commander is SRO in Bristol, a Chief Inspector in Bath and North East Somerset)."
                + " The PCC roles recorded here are the PCC's answer."
        }
        return text
    }

    /// The Wales table. Its header is garbled; read by position, its columns are: PFA, number of
    /// APBs, how effectively the PCC is represented, PCC co-chair, PCC co-chair of sub-group(s),
    /// PCC or representative attends APB meetings and is a voting member, attends APB meetings,
    /// attends APB sub-group meetings. So South Wales: attends and votes; North Wales: co-chairs
    /// sub-group(s), attends and votes; Dyfed-Powys: attends and votes, attends sub-groups.
    /// (The prose credits co-chairing with good representation, which may mean North Wales's
    /// "Yes" belongs to the co-chair column; the demo follows the table's positions.)
    mutating func addAreaPlanningBoards() {
        let basis = "Non-statutory: Welsh Government guidance for substance misuse Area Planning Boards (2017);"
            + " the CSPs' responsible authorities hold the statutory duty"
        let table: [(force: String, count: Int, represented: String, roles: [PCCRole], named: [String])] = [
            (DemoForces.southWales, 3, "effectively", [.member, .attends], ["Western Bay Area Planning Board"]),
            (DemoForces.northWales, 1, "very effectively", [.subGroupChair, .member, .attends], []),
            (DemoForces.dyfedPowys, 2, "effectively", [.member, .attends, .attendsSubGroups], []),
        ]
        for row in table {
            let place = DemoForces.place(row.force)
            for number in 1...row.count {
                let name = number <= row.named.count ? row.named[number - 1]
                    : row.count == 1 ? "\(place) Area Planning Board" : "\(place) Area Planning Board \(number) of \(row.count)"
                partnership(name, in: row.force, .areaPlanningBoard, statutoryBasis: basis,
                            purpose: "Plans substance misuse treatment services and pools resources at the health board level,"
                                + " working to the Welsh Government's Substance Misuse Delivery Plan."
                                + " One of \(place)'s \(row.count) APBs; the PCC reports being represented \(row.represented).",
                            themes: ["drugs", "alcohol"], pccRoles: row.roles)
            }
        }
    }
}
