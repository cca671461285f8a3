import ConveneDomain

/// The schemas of the CDP analyses' JSON (`InvolvementJSON`, `SROsJSON`, `FootprintsJSON` in `Analyses+CDP`),
/// closed like the others.
extension OpenAPIDocument {
    static let involvementSchema: JSONValue = {
        let evidence = closed(
            [
                ("kind", names(["membership", "reporting-line", "recorded-answer"])), ("cdp", closed(idName)),
                ("partnership", closed(idName)), ("membership", string), ("person", string), ("organisation", string),
                ("holder", string), ("role_title", string), ("role", names(MembershipRole.allCases.map(\.rawValue))),
                ("recorded_roles", list(names(PCCRole.allCases.map(\.rawValue)))), ("detail", string)
            ], optional: ["membership", "person", "organisation", "holder", "role_title", "role"])
        let answer = closed(
            [
                ("yes", ["type": "boolean"]), ("source", names(["membership", "reporting-line", "recorded-answer"])),
                ("evidence", list(evidence))
            ], optional: ["source"])
        let columns = PCCInvolvement.Column.allCases.map(\.rawValue)
        let row = closed(
            idName + [("cdps", integer), ("partnerships", list(closed(idName)))] + columns.map { ($0, answer) })
        let column = closed([("id", names(columns)), ("label", string), ("force_areas", integer)])
        return closed([named(.involvement), ("on", requiredDay), ("columns", list(column)), ("force_areas", list(row))])
    }()

    static let srosSchema: JSONValue = {
        let group = closed(
            [
                ("id", names(SeniorResponsibleOwners.Group.allCases.map(\.rawValue))), ("label", string),
                ("seats", integer), ("cdps", integer), ("holders", integer), ("share", number)
            ], optional: ["share"])
        let sro = closed(
            [
                ("partnership", closed(idName)), ("force_area", string), ("membership", string), ("person", string),
                ("organisation", string), ("name", string), ("role_title", string),
                ("group", names(SeniorResponsibleOwners.Group.allCases.map(\.rawValue)))
            ], optional: ["force_area", "person", "organisation", "role_title"])
        return closed([
            named(.sros), ("on", requiredDay), ("cdps", integer), ("with_sro", integer), ("seats", integer),
            ("groups", list(group)), ("sros", list(sro)), ("without_sro", list(closed(idName)))
        ])
    }()

    static let footprintsSchema: JSONValue = {
        let place = closed([("code", string), ("name", string)])
        let authority = closed([("code", string), ("name", string), ("cdps", list(closed(idName)))])
        let forceArea = closed(
            idName + [
                ("cdps", list(closed(idName))), ("without_footprint", list(closed(idName))),
                ("upper_tier_authorities", integer), ("uncovered", list(place)),
                ("covered_more_than_once", list(authority)), ("partly_covered", list(authority))
            ])
        let partnership = closed(
            idName + [
                ("force_area", string), ("footprint", list(string)), ("upper_tier_authorities", list(place)),
                ("icb_fit", names(["coterminous", "within-one-icb", "crosses-icbs", "unknown"])),
                ("icbs", list(place)), ("unknown_codes", list(string))
            ], optional: ["force_area"])
        let verdicts = closed([
            ("coterminous", integer), ("within_one_icb", integer), ("crosses_icbs", integer), ("unknown", integer)
        ])
        return closed([
            named(.footprints), ("cdps", integer), ("verdicts", verdicts), ("force_areas", list(forceArea)),
            ("partnerships", list(partnership))
        ])
    }()
}
