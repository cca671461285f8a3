import ConveneDomain

/// The outcomes and funding part of the OpenAPI document: `OutcomeAPI`'s and `FundingAPI`'s operations and their
/// schemas.
extension OpenAPIDocument {
    static let reportingPeriod: JSONValue = [
        "type": "string", "pattern": "^[0-9]{4}(-[0-9]{2}|-Q[1-4])?$",
        "description": "A year 2023, a financial year 2023-24, a quarter 2023-Q2 or a month 2023-05"
    ]
    static let optionalNumber: JSONValue = ["type": ["number", "null"]]

    /// A file of measurements or targets as the body: CSV, or an Excel workbook.
    static func fileImport(_ id: String, _ summary: String) -> JSONValue {
        [
            "operationId": .string(id), "summary": .string(summary), "tags": ["outcomes"],
            "parameters": [
                parameter("dry_run", ["type": "boolean"]),
                parameter("file_name", ["type": "string", "pattern": "\\.(csv|xlsx|CSV|XLSX)$"])
            ],
            "requestBody": [
                "required": true,
                "content": [
                    "text/csv": ["schema": string],
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": [
                        "schema": ["type": "string", "format": "binary"]
                    ]
                ]
            ],
            "responses": .object(
                [("200", response("What was imported, or with dry_run would be", ref("OutcomeImportReport")))]
                    + problems)
        ]
    }

    static let outcomePaths: [(String, JSONValue)] = [
        (
            "/api/v1/indicators",
            [
                "get": operation(
                    "list-indicators", "The national frameworks' indicators, then the workspace's own", tag: "outcomes",
                    responses: [("200", response("The indicators", list(ref("Indicator"))))]),
                "post": operation(
                    "create-indicator", "Add an indicator of the workspace's own (admins)", tag: "outcomes",
                    body: ref("Indicator"), responses: [("201", response("Added", ref("Indicator")))])
            ]
        ),
        (
            "/api/v1/indicators/{id}",
            [
                "parameters": [parameter("id", in: "path", key)],
                "get": operation(
                    "get-indicator", "An indicator", tag: "outcomes",
                    responses: [("200", response("The indicator", ref("Indicator")))])
            ]
        ),
        (
            "/api/v1/indicators/{id}/measurements",
            [
                "parameters": [parameter("id", in: "path", key)],
                "get": operation(
                    "list-indicator-measurements",
                    "Every value held for the indicator, each figure's revisions in the order received",
                    tag: "outcomes", responses: [("200", response("The values", list(ref("MeasurementRevision"))))])
            ]
        ),
        (
            "/api/v1/measurements",
            [
                "post": fileImport(
                    "import-measurements",
                    "Import published statistics, all or nothing: the long layout (indicator_id,area_code,period,value) or "
                        + "a column per period")
            ]
        ),
        (
            "/api/v1/targets",
            [
                "get": operation(
                    "list-targets", "The targets, of one indicator if asked", tag: "outcomes",
                    parameters: [parameter("indicator", key)],
                    responses: [("200", response("The targets", list(ref("Target"))))]),
                "post": fileImport(
                    "import-targets", "Import targets, all or nothing: indicator_id,area_code,period,target")
            ]
        ),
        (
            "/api/v1/partnerships/{key}/framework",
            [
                "parameters": [parameter("key", in: "path", key)],
                "get": operation(
                    "get-framework", "The partnership's performance framework", tag: "outcomes",
                    responses: [("200", response("The framework", ref("PerformanceFramework")))]),
                "put": operation(
                    "set-framework", "Set the partnership's performance framework", tag: "outcomes",
                    body: ref("PerformanceFrameworkBody"),
                    responses: [("200", response("The framework", ref("PerformanceFramework")))])
            ]
        ),
        (
            "/api/v1/analyses/outcomes",
            [
                "get": operation(
                    "analyse-outcomes",
                    "Each indicator's series, latest value and direction of travel: the same JSON as `convene analyse "
                        + "outcomes --format json`", tag: "outcomes",
                    parameters: [parameter("partnership", key), parameter("area", onsCode)],
                    responses: [("200", response("The analysis", ref("OutcomesAnalysis")))])
            ]
        ),
        (
            "/api/v1/funding-streams",
            [
                "get": operation(
                    "list-funding-streams", "The funding streams, of those serving one partnership if asked",
                    tag: "funding", parameters: [parameter("partnership", key)],
                    responses: [("200", response("The streams", list(ref("FundingStream"))))]),
                "post": operation(
                    "create-funding-stream", "Add a funding stream; its key is made from its purpose", tag: "funding",
                    body: ref("FundingStreamBody"), responses: [("201", response("Added", ref("FundingStream")))])
            ]
        ),
        (
            "/api/v1/funding-streams/{key}",
            [
                "parameters": [parameter("key", in: "path", key)],
                "get": operation(
                    "get-funding-stream", "A funding stream", tag: "funding",
                    responses: [("200", response("The stream", ref("FundingStream")))]),
                "put": operation(
                    "update-funding-stream", "Change a funding stream", tag: "funding", body: ref("FundingStreamBody"),
                    responses: [("200", response("The stream", ref("FundingStream")))])
            ]
        ),
        (
            "/api/v1/analyses/funding",
            [
                "get": operation(
                    "analyse-funding",
                    "Money in by funder and financial year beside the meetings' cost, in pence: the same JSON as "
                        + "`convene analyse funding --format json`", tag: "funding",
                    parameters: [parameter("partnership", key), parameter("force_area", onsCode)],
                    responses: [("200", response("The analysis", ref("FundingAnalysis")))])
            ]
        )
    ]

    static let fundingAmount: JSONValue = closed([("financial_year", reportingPeriod), ("pence", integer)])
    static let funder: JSONValue = closed(
        [("organisation_key", key), ("name", string)], optional: ["organisation_key", "name"])
    static let funderAmount: JSONValue = closed(
        [("funder_key", optionalKey), ("funder_name", optionalString), ("pence", integer)])
    static let streamFields: [(String, JSONValue)] = [
        ("funder", funder), ("recipient_key", key), ("partnership_keys", list(key)), ("purpose", string),
        ("amounts", list(fundingAmount)), ("conditions", string), ("reporting_dates", list(requiredDay))
    ]

    static let outcomeSchemas: [(String, JSONValue)] = [
        (
            "Indicator",
            closed(
                [
                    ("id", key), ("name", string), ("definition", string), ("unit", vocabulary(IndicatorUnit.self)),
                    ("polarity", vocabulary(Polarity.self)), ("source", string), ("publisher", string),
                    ("frequency", vocabulary(IndicatorFrequency.self)),
                    ("geography", names(Indicator.geographies.map(\.rawValue))), ("outcomes", list(string))
                ], optional: ["definition", "publisher"])
        ),
        (
            "MeasurementRevision",
            closed(
                [
                    ("indicator_id", key), ("area_code", onsCode), ("period", reportingPeriod), ("value", number),
                    ("numerator", number), ("denominator", number), ("published_on", requiredDay), ("source", string),
                    ("revision", integer), ("current", ["type": "boolean"])
                ], optional: ["numerator", "denominator", "published_on", "source"])
        ),
        (
            "Target",
            closed([("indicator_id", key), ("area_code", onsCode), ("period", reportingPeriod), ("target", number)])
        ),
        (
            "OutcomeImportReport",
            closed(
                [
                    ("kind", names(OutcomeImport.Kind.allCases.map(\.rawValue))), ("dry_run", ["type": "boolean"]),
                    ("added", integer), ("revised", integer), ("unchanged", integer),
                    ("not_published", list(string)),
                    ("errors", list(closed([("field", string), ("message", string)])))
                ])
        ),
        (
            "PerformanceFramework",
            closed(
                [
                    ("partnership_key", key), ("area_code", onsCode), ("comparison_area_code", onsCode),
                    ("indicators", list(closed([("indicator_id", key), ("priority_keys", list(key))])))
                ], optional: ["comparison_area_code"])
        ),
        (
            "PerformanceFrameworkBody",
            closed(
                [
                    ("area_code", string), ("comparison_area_code", string),
                    ("indicators", list(closed([("indicator_id", string), ("priority_keys", list(string))])))
                ], optional: ["comparison_area_code"])
        ),
        (
            "OutcomesAnalysis",
            closed(
                [
                    ("analysis", names(["outcomes"])),
                    (
                        "indicators",
                        list(
                            closed([
                                ("id", key), ("name", string), ("unit", vocabulary(IndicatorUnit.self)),
                                ("polarity", vocabulary(Polarity.self)),
                                (
                                    "series",
                                    list(
                                        closed([
                                            ("area", onsCode), ("period", reportingPeriod), ("value", number),
                                            ("target", optionalNumber), ("met", ["type": ["boolean", "null"]])
                                        ]))
                                ),
                                (
                                    "latest",
                                    [
                                        "type": ["object", "null"],
                                        "properties": ["area": onsCode, "period": reportingPeriod, "value": number],
                                        "required": ["area", "period", "value"], "additionalProperties": false
                                    ]
                                ),
                                ("direction", names(OutcomesAnalysis.Direction.allCases.map(\.rawValue)))
                            ]))
                    )
                ])
        ),
        ("FundingStream", closed([("key", key)] + streamFields, optional: ["conditions"])),
        ("FundingStreamBody", closed(streamFields, optional: ["conditions", "reporting_dates"])),
        (
            "FundingAnalysis",
            closed([
                ("analysis", names(["funding"])), ("money_in_pence", integer), ("meeting_cost_pence", integer),
                (
                    "partnerships",
                    list(
                        closed([
                            ("partnership", key), ("money_in_pence", integer), ("meeting_cost_pence", integer),
                            ("funders", list(funderAmount)),
                            (
                                "years",
                                list(
                                    closed([
                                        ("financial_year", reportingPeriod), ("money_in_pence", integer),
                                        ("meeting_cost_pence", integer), ("funders", list(funderAmount))
                                    ]))
                            )
                        ]))
                ),
                (
                    "funders",
                    list(
                        closed([
                            ("funder_key", optionalKey), ("funder_name", optionalString), ("money_in_pence", integer),
                            ("years", list(closed([("financial_year", reportingPeriod), ("pence", integer)])))
                        ]))
                )
            ])
        )
    ]
}
