/// The 43 police force areas of England and Wales, with their ONS codes (PFA December 2024).
/// Convene holds this list itself so that a new workspace can pick its force area before any
/// ONS lookup is imported; the finer geography (districts, CSP areas, ICBs) comes from `ONSLookup`.
public enum PoliceForceAreas {
    /// ONS names, as the lookups spell them ("Devon & Cornwall", "London, City of"), so that an
    /// imported lookup matches them exactly; `displayName(of:)` gives the name to show.
    public static let all: [Area] = [
        ("E23000001", "Metropolitan Police"),
        ("E23000002", "Cumbria"),
        ("E23000003", "Lancashire"),
        ("E23000004", "Merseyside"),
        ("E23000005", "Greater Manchester"),
        ("E23000006", "Cheshire"),
        ("E23000007", "Northumbria"),
        ("E23000008", "Durham"),
        ("E23000009", "North Yorkshire"),
        ("E23000010", "West Yorkshire"),
        ("E23000011", "South Yorkshire"),
        ("E23000012", "Humberside"),
        ("E23000013", "Cleveland"),
        ("E23000014", "West Midlands"),
        ("E23000015", "Staffordshire"),
        ("E23000016", "West Mercia"),
        ("E23000017", "Warwickshire"),
        ("E23000018", "Derbyshire"),
        ("E23000019", "Nottinghamshire"),
        ("E23000020", "Lincolnshire"),
        ("E23000021", "Leicestershire"),
        ("E23000022", "Northamptonshire"),
        ("E23000023", "Cambridgeshire"),
        ("E23000024", "Norfolk"),
        ("E23000025", "Suffolk"),
        ("E23000026", "Bedfordshire"),
        ("E23000027", "Hertfordshire"),
        ("E23000028", "Essex"),
        ("E23000029", "Thames Valley"),
        ("E23000030", "Hampshire"),
        ("E23000031", "Surrey"),
        ("E23000032", "Kent"),
        ("E23000033", "Sussex"),
        ("E23000034", "London, City of"),
        ("E23000035", "Devon & Cornwall"),
        ("E23000036", "Avon and Somerset"),
        ("E23000037", "Gloucestershire"),
        ("E23000038", "Wiltshire"),
        ("E23000039", "Dorset"),
        ("W15000001", "North Wales"),
        ("W15000002", "Gwent"),
        ("W15000003", "South Wales"),
        ("W15000004", "Dyfed-Powys")
    ].map { Area(code: $0.0, name: $0.1, kind: .policeForceArea) }

    private static let byCode: [String: Area] = Dictionary(uniqueKeysWithValues: all.map { ($0.code, $0) })

    public static func area(code: String) -> Area? {
        byCode[code]
    }

    /// The name to show people: ONS writes "London, City of" for sorting; the reports write
    /// "City of London" and "Devon and Cornwall".
    public static func displayName(of area: Area) -> String {
        switch area.name {
        case "London, City of": "City of London"
        case "Devon & Cornwall": "Devon and Cornwall"
        default: area.name
        }
    }
}
