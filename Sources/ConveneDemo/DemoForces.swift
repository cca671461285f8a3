/// Facts about each force area that the demo needs: its police force, its policing body and the
/// title of the office holder with the commissioner's powers.
enum DemoForces {
    struct Facts {
        var code: String
        var police: String
        var office: String
        var commissionerTitle: String
    }

    private static let pcc = "Police and Crime Commissioner"

    private static let forces: [(code: String, police: String)] = [
        ("E23000001", "Metropolitan Police Service"),
        ("E23000002", "Cumbria Constabulary"),
        ("E23000003", "Lancashire Constabulary"),
        ("E23000004", "Merseyside Police"),
        ("E23000005", "Greater Manchester Police"),
        ("E23000006", "Cheshire Constabulary"),
        ("E23000007", "Northumbria Police"),
        ("E23000008", "Durham Constabulary"),
        ("E23000009", "North Yorkshire Police"),
        ("E23000010", "West Yorkshire Police"),
        ("E23000011", "South Yorkshire Police"),
        ("E23000012", "Humberside Police"),
        ("E23000013", "Cleveland Police"),
        ("E23000014", "West Midlands Police"),
        ("E23000015", "Staffordshire Police"),
        ("E23000016", "West Mercia Police"),
        ("E23000017", "Warwickshire Police"),
        ("E23000018", "Derbyshire Constabulary"),
        ("E23000019", "Nottinghamshire Police"),
        ("E23000020", "Lincolnshire Police"),
        ("E23000021", "Leicestershire Police"),
        ("E23000022", "Northamptonshire Police"),
        ("E23000023", "Cambridgeshire Constabulary"),
        ("E23000024", "Norfolk Constabulary"),
        ("E23000025", "Suffolk Constabulary"),
        ("E23000026", "Bedfordshire Police"),
        ("E23000027", "Hertfordshire Constabulary"),
        ("E23000028", "Essex Police"),
        ("E23000029", "Thames Valley Police"),
        ("E23000030", "Hampshire and Isle of Wight Constabulary"),
        ("E23000031", "Surrey Police"),
        ("E23000032", "Kent Police"),
        ("E23000033", "Sussex Police"),
        ("E23000034", "City of London Police"),
        ("E23000035", "Devon and Cornwall Police"),
        ("E23000036", "Avon and Somerset Police"),
        ("E23000037", "Gloucestershire Constabulary"),
        ("E23000038", "Wiltshire Police"),
        ("E23000039", "Dorset Police"),
        ("W15000001", "North Wales Police"),
        ("W15000002", "Gwent Police"),
        ("W15000003", "South Wales Police"),
        ("W15000004", "Dyfed-Powys Police"),
    ]

    static let all: [Facts] = forces.map { (code: String, police: String) -> Facts in
        let place = DemoForces.place(code)
        // In London, Greater Manchester and West Yorkshire a mayor holds the commissioner's powers;
        // the City of London has a police authority, not a commissioner.
        switch code {
        case "E23000001":
            return Facts(code: code, police: police, office: "Mayor's Office for Policing and Crime",
                         commissionerTitle: "Deputy Mayor for Policing and Crime")
        case "E23000005":
            return Facts(code: code, police: police, office: "Greater Manchester Combined Authority",
                         commissionerTitle: "Deputy Mayor of Greater Manchester")
        case "E23000010":
            return Facts(code: code, police: police, office: "West Yorkshire Combined Authority",
                         commissionerTitle: "Deputy Mayor for Policing and Crime")
        case "E23000034":
            return Facts(code: code, police: police, office: "City of London Corporation",
                         commissionerTitle: "Chair of the Police Authority Board")
        case "E23000015":
            return Facts(code: code, police: police,
                         office: "Office of the Police, Fire and Crime Commissioner for \(place)",
                         commissionerTitle: "Police, Fire and Crime Commissioner")
        default:
            return Facts(code: code, police: police, office: "Office of the \(pcc) for \(place)",
                         commissionerTitle: pcc)
        }
    }

    private static let byCode = Dictionary(uniqueKeysWithValues: all.map { ($0.code, $0) })

    static func facts(_ force: String) -> Facts {
        guard let facts = byCode[force] else { preconditionFailure("no force area \(force)") }
        return facts
    }

    /// The place a force area's partnerships are named after: the reports say "London", not "Metropolitan Police".
    static func place(_ force: String) -> String {
        if force == "E23000001" { return "London" }
        return PoliceForceAreas.area(code: force).map(PoliceForceAreas.displayName(of:)) ?? force
    }

    // Force area codes the case studies use, named for reading.
    static let cumbria = "E23000002", lancashire = "E23000003", merseyside = "E23000004"
    static let greaterManchester = "E23000005", northumbria = "E23000007", durham = "E23000008"
    static let westYorkshire = "E23000010", southYorkshire = "E23000011", humberside = "E23000012"
    static let cleveland = "E23000013", westMidlands = "E23000014", staffordshire = "E23000015"
    static let westMercia = "E23000016", warwickshire = "E23000017", lincolnshire = "E23000020"
    static let cambridgeshire = "E23000023", norfolk = "E23000024", bedfordshire = "E23000026"
    static let thamesValley = "E23000029", surrey = "E23000031", london = "E23000001"
    static let devonAndCornwall = "E23000035", avonAndSomerset = "E23000036", gloucestershire = "E23000037"
    static let dorset = "E23000039", northWales = "W15000001", southWales = "W15000003", dyfedPowys = "W15000004"

    /// The districts and upper-tier authorities named by the case studies' footprints, as the ONS
    /// lookups (LAD24, UTLA23) name them, each in its force area.
    static let footprintAreas: [(String, String, AreaKind, String)] = [
        ("E06000019", "Herefordshire, County of", .district, westMercia),
        ("E10000034", "Worcestershire", .upperTierAuthority, westMercia),
        ("E06000051", "Shropshire", .district, westMercia),
        ("E06000020", "Telford and Wrekin", .district, westMercia),
        ("E10000003", "Cambridgeshire", .upperTierAuthority, cambridgeshire),
        ("E06000031", "Peterborough", .district, cambridgeshire),
        ("E08000011", "Knowsley", .district, merseyside),
        ("E08000012", "Liverpool", .district, merseyside),
        ("E08000013", "St. Helens", .district, merseyside),
        ("E08000014", "Sefton", .district, merseyside),
        ("E08000015", "Wirral", .district, merseyside),
        ("E06000055", "Bedford", .district, bedfordshire),
        ("E06000056", "Central Bedfordshire", .district, bedfordshire),
        ("E06000032", "Luton", .district, bedfordshire),
        ("E10000019", "Lincolnshire", .upperTierAuthority, lincolnshire),
        ("E06000058", "Bournemouth, Christchurch and Poole", .district, dorset),
        ("E06000059", "Dorset", .district, dorset),
        ("E06000005", "Darlington", .district, durham),
        ("E06000047", "County Durham", .district, durham),
        ("E06000063", "Cumberland", .district, cumbria),
        ("E06000064", "Westmorland and Furness", .district, cumbria),
        ("E06000001", "Hartlepool", .district, cleveland),
        ("E06000002", "Middlesbrough", .district, cleveland),
        ("E06000003", "Redcar and Cleveland", .district, cleveland),
        ("E06000004", "Stockton-on-Tees", .district, cleveland),
        ("E06000023", "Bristol, City of", .district, avonAndSomerset),
        ("E06000022", "Bath and North East Somerset", .district, avonAndSomerset),
        ("E06000037", "West Berkshire", .district, thamesValley),
        ("E06000038", "Reading", .district, thamesValley),
        ("E06000041", "Wokingham", .district, thamesValley),
        ("E10000013", "Gloucestershire", .upperTierAuthority, gloucestershire),
        ("E10000031", "Warwickshire", .upperTierAuthority, warwickshire),
        ("E08000025", "Birmingham", .district, westMidlands),
        ("E08000026", "Coventry", .district, westMidlands),
        ("E08000027", "Dudley", .district, westMidlands),
        ("E08000028", "Sandwell", .district, westMidlands),
        ("E08000029", "Solihull", .district, westMidlands),
        ("E08000030", "Walsall", .district, westMidlands),
        ("E08000031", "Wolverhampton", .district, westMidlands),
        ("E08000001", "Bolton", .district, greaterManchester),
        ("E08000002", "Bury", .district, greaterManchester),
        ("E08000003", "Manchester", .district, greaterManchester),
        ("E08000004", "Oldham", .district, greaterManchester),
        ("E08000005", "Rochdale", .district, greaterManchester),
        ("E08000006", "Salford", .district, greaterManchester),
        ("E08000007", "Stockport", .district, greaterManchester),
        ("E08000008", "Tameside", .district, greaterManchester),
        ("E08000009", "Trafford", .district, greaterManchester),
        ("E08000010", "Wigan", .district, greaterManchester),
        ("E08000032", "Bradford", .district, westYorkshire),
        ("E08000033", "Calderdale", .district, westYorkshire),
        ("E08000034", "Kirklees", .district, westYorkshire),
        ("E08000035", "Leeds", .district, westYorkshire),
        ("E08000036", "Wakefield", .district, westYorkshire),
        ("E10000020", "Norfolk", .upperTierAuthority, norfolk),
        ("E10000030", "Surrey", .upperTierAuthority, surrey),
    ]

    /// Footprint codes by the CDPs and boards that use them.
    static let westMidlandsDistricts = ["E08000025", "E08000026", "E08000027", "E08000028", "E08000029", "E08000030", "E08000031"]
    static let greaterManchesterDistricts = ["E08000001", "E08000002", "E08000003", "E08000004", "E08000005",
                                             "E08000006", "E08000007", "E08000008", "E08000009", "E08000010"]
    static let clevelandDistricts = ["E06000001", "E06000002", "E06000003", "E06000004"]
    static let merseysideBoroughs = [("Knowsley", "E08000011"), ("Liverpool", "E08000012"), ("St Helens", "E08000013"),
                                     ("Sefton", "E08000014"), ("Wirral", "E08000015")]
    static let westYorkshireDistricts = [("Bradford", "E08000032"), ("Calderdale", "E08000033"), ("Kirklees", "E08000034"),
                                         ("Leeds", "E08000035"), ("Wakefield", "E08000036")]
    static let bedfordshireAuthorities = [("Bedford", "E06000055"), ("Central Bedfordshire", "E06000056"), ("Luton", "E06000032")]
}
