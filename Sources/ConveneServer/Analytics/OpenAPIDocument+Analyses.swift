import ConveneDomain

/// The analyses part of the OpenAPI document: one operation, and a schema for each analysis's JSON, written from
/// the shapes `Analyses` encodes (`CostJSON`, `LoadJSON`, …: snake_case keys, a missing figure left out, not null).
/// The schemas are closed (no other properties), so `scripts/check-api-schemas` notices a field added to one only.
extension OpenAPIDocument {
    static let analysisPaths: [(String, JSONValue)] = [
        (
            "/api/v1/analyses/{analysis}",
            [
                "parameters": [
                    parameter("analysis", in: "path", names(Analysis.allCases.map(\.rawValue)), required: true)
                ],
                "get": operation(
                    "analyse",
                    "Cost, load, attendance, delivery, triage, overlap, duplicates or priorities for a period (the 365 "
                        + "days to today unless from and to are given), or the CDPs' involvement, sros or footprints; "
                        + "the same JSON as `convene analyse --format json`, documented in the README",
                    tag: "analyses",
                    parameters: [
                        parameter("from", requiredDay), parameter("to", requiredDay), parameter("person", key),
                        parameter("capacity", ["type": "integer", "minimum": 0, "maximum": 2000])
                    ],
                    responses: [
                        (
                            "200",
                            response(
                                "The analysis; all but overlap, involvement and sros (measured on one day), "
                                    + "priorities (the active strategies') and footprints also carry from and to",
                                ["oneOf": .array(Analysis.allCases.map { ref(analysisSchemaName($0)) })])
                        )
                    ])
            ]
        )
    ]

    /// "CostAnalysis", "DuplicatesAnalysis", …
    static func analysisSchemaName(_ analysis: Analysis) -> String {
        analysis.rawValue.prefix(1).uppercased() + analysis.rawValue.dropFirst() + "Analysis"
    }

    static let analysisSchemas: [(String, JSONValue)] = Analysis.allCases.map {
        (analysisSchemaName($0), analysisSchema($0))
    }

    static func analysisSchema(_ analysis: Analysis) -> JSONValue {
        switch analysis {
        case .cost: costSchema
        case .load: loadSchema
        case .attendance: attendanceSchema
        case .delivery: deliverySchema
        case .triage: triageSchema
        case .overlap: overlapSchema
        case .duplicates: duplicatesSchema
        case .priorities: prioritiesSchema
        case .involvement: involvementSchema
        case .sros: srosSchema
        case .footprints: footprintsSchema
        }
    }

    /// An object with exactly these properties; the `optional` ones may be left out.
    static func closed(_ properties: [(String, JSONValue)], optional: Set<String> = []) -> JSONValue {
        [
            "type": "object", "properties": .object(properties),
            "required": .array(properties.map(\.0).filter { !optional.contains($0) }.map { .string($0) }),
            "additionalProperties": false
        ]
    }

    static func names(_ values: [String]) -> JSONValue {
        ["type": "string", "enum": .array(values.map { .string($0) })]
    }
    static let integer: JSONValue = ["type": "integer"]
    static let number: JSONValue = ["type": "number"]
    static func list(_ items: JSONValue) -> JSONValue { ["type": "array", "items": items] }
    static func named(_ analysis: Analysis) -> (String, JSONValue) {
        ("analysis", ["const": .string(analysis.rawValue)])
    }
    static let period: [(String, JSONValue)] = [("from", requiredDay), ("to", requiredDay)]
    static let idName: [(String, JSONValue)] = [("id", string), ("name", string)]

    static let costSchema: JSONValue = {
        let share = idName + [("meetings", integer), ("person_hours", number), ("cost_pence", integer)]
        let row =
            share + [
                ("planned_meetings", integer), ("planned_cost_pence", integer),
                ("typical_meeting_pence", integer), ("total_pence", integer)
            ]
        return closed(
            [named(.cost)] + period + [
                ("currency", ["const": "GBP"]), ("hours_per_year", integer), ("preparation_minutes", integer),
                ("total_pence", integer), ("held_pence", integer), ("planned_pence", integer), ("meetings", integer),
                ("person_hours", number), ("partnerships", list(closed(row))),
                ("organisations", list(closed(share))), ("themes", list(closed(share)))
            ])
    }()

    static let loadSchema: JSONValue = {
        let person =
            idName + [
                ("organisation", string), ("meetings", integer), ("attended", integer), ("hours", number),
                ("meetings_per_week", number), ("overcommitted_weeks", integer), ("busiest_week", requiredDay),
                ("busiest_week_meetings", integer)
            ]
        let organisation =
            idName + [
                ("people", integer), ("meetings", integer), ("hours", number),
                ("overcommitted_people", integer)
            ]
        return closed(
            [named(.load)] + period + [
                ("weeks", integer),
                ("thresholds", closed([("meetings_per_week", integer), ("hours_per_week", integer)])),
                ("persons", list(closed(person, optional: ["organisation", "busiest_week"]))),
                ("organisations", list(closed(organisation)))
            ])
    }()

    static let attendanceSchema: JSONValue = {
        let shares = [
            "member_share", "substitute_share", "missed_share", "senior_present_share", "consistency",
            "quorate_share"
        ]
        let counts: [(String, JSONValue)] = [
            ("meetings", integer), ("seats", integer), ("by_member", integer),
            ("by_substitute", integer), ("missed", integer)
        ]
        let row = closed(idName + counts + shares.map { ($0, number) }, optional: Set(shares))
        return closed(
            [named(.attendance)] + period + [
                ("overall", row), ("partnerships", list(row)), ("organisations", list(row))
            ])
    }()

    static let deliverySchema: JSONValue = {
        let ratios = [
            "decisions_per_meeting", "actions_per_meeting", "completion", "overdue_share",
            "information_share"
        ]
        let recurring = closed([("title", string), ("meetings", integer), ("of", integer)])
        let row =
            idName + [
                ("meetings", integer), ("items", integer), ("decisions", integer), ("decisions_per_meeting", number),
                ("actions", integer), ("actions_per_meeting", number), ("done", integer), ("dropped", integer),
                ("overdue", integer), ("completion", number), ("overdue_share", number), ("information_share", number),
                ("recurring_without_decision", list(recurring))
            ]
        return closed([named(.delivery)] + period + [("partnerships", list(closed(row, optional: Set(ratios))))])
    }()

    static let triageSchema: JSONValue = {
        let entry =
            idName + [
                ("roles", list(string)), ("meetings_per_year", integer),
                ("recommendation", names(Triage.Recommendation.allCases.map(\.rawValue))), ("reasons", list(string)),
                ("score", integer), ("decision_share", number), ("information_share", number),
                ("typical_meeting_pence", integer), ("delegate", string)
            ]
        return closed(
            [named(.triage)] + period + [
                ("person", closed(idName)), ("capacity", integer), ("attend_meetings", integer),
                ("invited_meetings", integer), ("fits", ["type": "boolean"]),
                ("entries", list(closed(entry, optional: ["decision_share", "information_share", "delegate"])))
            ])
    }()

    static let overlapSchema: JSONValue = {
        let measure = closed([
            ("shared", integer), ("overlap", number), ("jaccard", number),
            ("shared_ids", list(string))
        ])
        let pair = closed([
            ("a", closed(idName)), ("b", closed(idName)), ("people", measure),
            ("organisations", measure)
        ])
        return closed([named(.overlap), ("on", requiredDay), ("pairs", list(pair))])
    }()

    static let duplicatesSchema: JSONValue = {
        let side = closed([
            ("item_id", string), ("title", string), ("meeting_id", string), ("meeting_name", string),
            ("day", requiredDay), ("partnership_id", string), ("partnership_name", string)
        ])
        let finding = closed([
            ("a", side), ("b", side), ("cosine", number), ("attendee_overlap", number),
            ("shared_people", list(string)), ("days_apart", integer)
        ])
        let elsewhere = closed(idName + [("items", integer)])
        let row = closed(
            idName + [
                ("items", integer), ("duplicated", integer), ("share", number),
                ("elsewhere", list(elsewhere))
            ])
        return closed(
            [named(.duplicates)] + period + [
                ("window_days", integer), ("text_threshold", number), ("attendee_threshold", number),
                ("findings", list(finding)), ("partnerships", list(row))
            ])
    }()

    static let prioritiesSchema: JSONValue = {
        let priority = closed([("id", string), ("title", string), ("strategy", string)])
        let cluster = closed([
            ("representative", priority), ("members", list(priority)),
            ("strategies", list(string))
        ])
        let line = closed([("title", string), ("strategies", list(string)), ("priorities", list(string))])
        return closed([
            named(.priorities), ("threshold", number), ("priorities", integer), ("distinct", integer),
            ("summary", string), ("clusters", list(cluster)), ("consolidated", list(line))
        ])
    }()
}
