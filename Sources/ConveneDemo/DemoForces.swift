import ConveneDomain

/// Facts about each force area that the national generator needs: its police force, its policing body and the
/// title of the office holder with the commissioner's powers (the reports' landscape carries the same in its
/// Popolo file, `Resources/reports-landscape.popolo.json`).
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
        ("W15000004", "Dyfed-Powys Police")
    ]

    static let all: [Facts] = forces.map { (code: String, police: String) -> Facts in
        let place = DemoForces.place(code)
        // In London, Greater Manchester and West Yorkshire a mayor holds the commissioner's powers;
        // the City of London has a police authority, not a commissioner.
        switch code {
        case "E23000001":
            return Facts(
                code: code, police: police, office: "Mayor's Office for Policing and Crime",
                commissionerTitle: "Deputy Mayor for Policing and Crime")
        case "E23000005":
            return Facts(
                code: code, police: police, office: "Greater Manchester Combined Authority",
                commissionerTitle: "Deputy Mayor of Greater Manchester")
        case "E23000010":
            return Facts(
                code: code, police: police, office: "West Yorkshire Combined Authority",
                commissionerTitle: "Deputy Mayor for Policing and Crime")
        case "E23000034":
            return Facts(
                code: code, police: police, office: "City of London Corporation",
                commissionerTitle: "Chair of the Police Authority Board")
        case "E23000015":
            return Facts(
                code: code, police: police,
                office: "Office of the Police, Fire and Crime Commissioner for \(place)",
                commissionerTitle: "Police, Fire and Crime Commissioner")
        default:
            return Facts(
                code: code, police: police, office: "Office of the \(pcc) for \(place)",
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
}
