import ConveneDomain

/// The analyses part of the OpenAPI document: one operation, each analysis's JSON.
extension OpenAPIDocument {
    static let analysisPaths: [(String, JSONValue)] = [
        ("/api/v1/analyses/{analysis}", [
            "parameters": [parameter("analysis", in: "path", ["type": "string", "enum": .array(Analysis.allCases.map { .string($0.rawValue) })], required: true)],
            "get": operation("analyse", "Cost, load, attendance, delivery, triage, overlap, duplicates or priorities for a period (the 365 days to today unless from and to are given); the same JSON as `convene analyse --format json`, documented in the README",
                tag: "analyses",
                parameters: [parameter("from", requiredDay), parameter("to", requiredDay), parameter("person", key),
                             parameter("capacity", ["type": "integer", "minimum": 0, "maximum": 2000])],
                responses: [("200", response("The analysis; all but overlap (measured on one day) and priorities (the active strategies') also carry from and to",
                                                  ["type": "object", "required": ["analysis"]]))]),
        ]),
    ]
}
