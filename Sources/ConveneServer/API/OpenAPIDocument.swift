// Over 400 lines: the document's shared schemas and builders, one place to read the API's shapes.
import ConveneDomain
import Foundation
import Vapor

/// A JSON value, for documents built in code.
indirect enum JSONValue: Encodable, Sendable, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral
{
    case string(String), number(Int), bool(Bool), array([JSONValue]), object([(String, JSONValue)]), null

    init(stringLiteral value: String) { self = .string(value) }
    init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(elements) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(integerLiteral value: Int) { self = .number(value) }

    typealias Key = String
    typealias Value = JSONValue
    typealias ArrayLiteralElement = JSONValue

    private struct CodingName: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: Encoder) throws {
        switch self {
        case .string(let s): var c = encoder.singleValueContainer(); try c.encode(s)
        case .number(let n): var c = encoder.singleValueContainer(); try c.encode(n)
        case .bool(let b): var c = encoder.singleValueContainer(); try c.encode(b)
        case .null: var c = encoder.singleValueContainer(); try c.encodeNil()
        case .array(let items):
            var c = encoder.unkeyedContainer()
            for item in items { try c.encode(item) }
        case .object(let pairs):
            var c = encoder.container(keyedBy: CodingName.self)
            for (k, v) in pairs { try c.encode(v, forKey: CodingName(k)) }
        }
    }

    subscript(key: String) -> JSONValue? {
        if case .object(let pairs) = self { return pairs.first { $0.0 == key }?.1 }
        return nil
    }

    var keys: [String] {
        if case .object(let pairs) = self { return pairs.map(\.0) }
        return []
    }
}

/// The OpenAPI 3.1 description of /api/v1. Schemas take their enumerations from the domain's vocabularies.
enum OpenAPIDocument {
    /// Served with its keys exactly as written: the API encoder's snake_case conversion would rename
    /// `operationId`, `requestBody` and the schema names.
    static func response() throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let response = Response(status: .ok, body: .init(data: try encoder.encode(document)))
        response.headers.contentType = .json
        return response
    }

    static func vocabulary<V: Vocabulary>(_ type: V.Type) -> JSONValue {
        ["type": "string", "enum": .array(V.allCases.map { .string($0.rawValue) })]
    }

    static let string: JSONValue = ["type": "string"]
    static let optionalString: JSONValue = ["type": ["string", "null"]]
    static let key: JSONValue = ["type": "string", "pattern": "^[a-z0-9](?:[a-z0-9-]{0,118}[a-z0-9])?$"]
    static let optionalKey: JSONValue = [
        "type": ["string", "null"], "pattern": "^[a-z0-9](?:[a-z0-9-]{0,118}[a-z0-9])?$"
    ]
    static let day: JSONValue = [
        "type": ["string", "null"], "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
    ]
    static let onsCode: JSONValue = ["type": "string", "pattern": "^[EWSNKL][0-9]{8}$"]

    static func object(_ properties: [(String, JSONValue)], required: [String]) -> JSONValue {
        ["type": "object", "properties": .object(properties), "required": .array(required.map { .string($0) })]
    }

    static func ref(_ name: String) -> JSONValue { ["$ref": .string("#/components/schemas/\(name)")] }

    static let schemas: [(String, JSONValue)] = [
        (
            "Area",
            object(
                [
                    ("code", onsCode), ("name", string), ("kind", vocabulary(AreaKind.self)),
                    ("parent_code", ["type": ["string", "null"], "pattern": "^[EWSNKL][0-9]{8}$"])
                ], required: ["code", "name", "kind"])
        ),
        (
            "Organisation",
            object(
                [("key", key), ("name", string), ("sector", vocabulary(Sector.self))],
                required: ["key", "name", "sector"])
        ),
        (
            "Person",
            object(
                [
                    ("key", key), ("name", string), ("role_title", optionalString), ("organisation_key", optionalKey),
                    (
                        "seniority",
                        [
                            "type": ["string", "null"],
                            "enum": .array(SeniorityBand.allCases.map { .string($0.rawValue) } + [.null])
                        ]
                    ),
                    ("salary_band", ["type": ["integer", "null"], "minimum": 1, "maximum": 1_000_000])
                ], required: ["key", "name"])
        ),
        (
            "Partnership",
            object(
                [
                    ("key", key), ("name", string), ("type", vocabulary(PartnershipType.self)),
                    ("status", vocabulary(PartnershipStatus.self)), ("started_on", day), ("ended_on", day),
                    ("statutory_basis", optionalString), ("purpose", optionalString),
                    ("themes", ["type": "array", "items": string]), ("footprint", ["type": "array", "items": onsCode]),
                    ("pcc_roles", ["type": "array", "items": vocabulary(PCCRole.self)]),
                    (
                        "meeting_frequency",
                        [
                            "type": ["string", "null"],
                            "enum": .array(MeetingFrequency.allCases.map { .string($0.rawValue) } + [.null])
                        ]
                    ),
                    ("secretariat_key", optionalKey),
                    ("force_area_code", ["type": ["string", "null"], "pattern": "^[EWSNKL][0-9]{8}$"]),
                    ("is_demo", ["type": "boolean"])
                ], required: ["key", "name", "type"])
        ),
        (
            "Membership",
            object(
                [
                    ("key", key), ("partnership_key", key), ("person_key", optionalKey),
                    ("organisation_key", optionalKey),
                    ("role", vocabulary(MembershipRole.self)), ("represents_key", optionalKey),
                    ("voting_right", ["type": "boolean"]),
                    ("started_on", day), ("ended_on", day), ("substitute_key", optionalKey)
                ], required: ["key", "partnership_key"])
        ),
        (
            "PartnershipRelation",
            object(
                [("from_key", key), ("kind", vocabulary(RelationKind.self)), ("to_key", key)],
                required: ["from_key", "kind", "to_key"])
        ),
        (
            "TermsOfReference",
            object(
                [
                    ("partnership_key", key), ("version", ["type": "integer", "minimum": 1]),
                    ("purpose", optionalString),
                    ("quorum", ["type": ["integer", "null"], "minimum": 1, "maximum": 500]),
                    (
                        "meeting_frequency",
                        [
                            "type": ["string", "null"],
                            "enum": .array(MeetingFrequency.allCases.map { .string($0.rawValue) } + [.null])
                        ]
                    ),
                    ("approved_on", day), ("review_due", day)
                ], required: ["partnership_key", "version"])
        ),
        (
            "Problem",
            object(
                [
                    ("type", string), ("title", string), ("status", ["type": "integer"]), ("detail", string),
                    (
                        "errors",
                        [
                            "type": "array",
                            "items": object([("field", string), ("message", string)], required: ["field", "message"])
                        ]
                    )
                ], required: ["title", "status"])
        )
    ]

    static func page(_ item: String) -> JSONValue {
        object(
            [
                ("items", ["type": "array", "items": ref(item)]), ("page", ["type": "integer"]),
                ("per_page", ["type": "integer"]), ("total", ["type": "integer"])
            ],
            required: ["items", "page", "per_page", "total"])
    }

    static func response(_ description: String, _ schema: JSONValue?) -> JSONValue {
        guard let schema else { return ["description": .string(description)] }
        return ["description": .string(description), "content": ["application/json": ["schema": schema]]]
    }

    static let problems: [(String, JSONValue)] = [
        (
            "default",
            ["description": "A problem (RFC 9457)", "content": ["application/problem+json": ["schema": ref("Problem")]]]
        )
    ]

    static func parameter(
        _ name: String, in place: String = "query", _ schema: JSONValue = string, required: Bool = false
    ) -> JSONValue {
        ["name": .string(name), "in": .string(place), "required": .bool(required || place == "path"), "schema": schema]
    }

    static let paging: [JSONValue] = [
        parameter("page", ["type": "integer", "minimum": 1, "maximum": .number(PageWindow.maxPage)]),
        parameter("per_page", ["type": "integer", "minimum": 1, "maximum": .number(PageWindow.maxPerPage)])
    ]

    static func operation(
        _ id: String, _ summary: String, tag: String, parameters: [JSONValue] = [], body: JSONValue? = nil,
        responses: [(String, JSONValue)]
    ) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("operationId", .string(id)), ("summary", .string(summary)), ("tags", [.string(tag)])
        ]
        if !parameters.isEmpty { pairs.append(("parameters", .array(parameters))) }
        if let body {
            pairs.append(("requestBody", ["required": true, "content": ["application/json": ["schema": body]]]))
        }
        pairs.append(("responses", .object(responses + problems)))
        return .object(pairs)
    }

    /// The five operations of a keyed resource.
    static func resource(_ path: String, schema: String, keyName: String = "key", filters: [JSONValue]) -> [(
        String, JSONValue
    )] {
        let item = "/api/v1/\(path)/{key}"
        let keyParameter = parameter("key", in: "path", keyName == "code" ? onsCode : key)
        return [
            (
                "/api/v1/\(path)",
                [
                    "get": operation(
                        "list-\(path)", "List \(path)", tag: path, parameters: filters + paging,
                        responses: [("200", response("A page of \(path)", page(schema)))]),
                    "post": operation(
                        "create-\(path)", "Create one of the \(path)", tag: path, body: ref(schema),
                        responses: [("201", response("Created", ref(schema)))])
                ]
            ),
            (
                item,
                [
                    "parameters": [keyParameter],
                    "get": operation(
                        "get-\(path)", "Get one of the \(path)", tag: path,
                        responses: [("200", response("Found", ref(schema)))]),
                    "patch": operation(
                        "update-\(path)", "Change some fields of one of the \(path)", tag: path,
                        body: ref("\(schema)Patch"), responses: [("200", response("Changed", ref(schema)))]),
                    "delete": operation(
                        "delete-\(path)", "Delete one of the \(path), if nothing refers to it", tag: path,
                        responses: [("204", response("Deleted", nil))])
                ]
            )
        ]
    }

    static let paths: [(String, JSONValue)] =
        [
            (
                "/api/v1/openapi.json",
                [
                    "get": operation(
                        "openapi", "This document", tag: "meta",
                        responses: [("200", response("The OpenAPI document", ["type": "object"]))])
                ]
            )
        ]
        + resource(
            "areas", schema: "Area", keyName: "code",
            filters: [parameter("q"), parameter("kind", vocabulary(AreaKind.self)), parameter("parent")])
        + resource(
            "organisations", schema: "Organisation",
            filters: [parameter("q"), parameter("sector", vocabulary(Sector.self))])
        + resource("persons", schema: "Person", filters: [parameter("q"), parameter("organisation", key)])
        + resource(
            "partnerships", schema: "Partnership",
            filters: [
                parameter("q"), parameter("type", vocabulary(PartnershipType.self)),
                parameter("status", vocabulary(PartnershipStatus.self)),
                parameter("pcc_role", vocabulary(PCCRole.self)), parameter("force_area", onsCode),
                parameter("sort", ["type": "string", "enum": ["name", "type", "status", "force_area"]]),
                parameter("order", ["type": "string", "enum": ["asc", "desc"]])
            ])
        + resource(
            "memberships", schema: "Membership",
            filters: [
                parameter("partnership", key), parameter("person", key),
                parameter("current", ["type": "boolean"])
            ])
        + [
            (
                "/api/v1/partnerships/{key}/end",
                [
                    "parameters": [parameter("key", in: "path", key)],
                    "post": operation(
                        "end-partnership", "End a partnership: discontinued, or merged into another",
                        tag: "partnerships",
                        body: object(
                            [
                                ("status", ["type": "string", "enum": ["discontinued", "merged"]]), ("ended_on", day),
                                ("merged_into", optionalKey)
                            ], required: []),
                        responses: [("200", response("Ended", ref("Partnership")))])
                ]
            ),
            (
                "/api/v1/partnerships/{key}/publish",
                [
                    "parameters": [parameter("key", in: "path", key)],
                    "post": operation(
                        "publish-partnership",
                        "Publish a partnership: its public fields appear on the public pages and API",
                        tag: "publishing", responses: [("200", response("Published", ref("Publishing")))])
                ]
            ),
            (
                "/api/v1/partnerships/{key}/unpublish",
                [
                    "parameters": [parameter("key", in: "path", key)],
                    "post": operation(
                        "unpublish-partnership", "Take a partnership off the public pages and API",
                        tag: "publishing", responses: [("200", response("Unpublished", ref("Publishing")))])
                ]
            ),
            (
                "/api/v1/public/partnerships",
                [
                    "get": operation(
                        "list-public-partnerships", "Published partnerships of every workspace (no sign-in needed)",
                        tag: "public",
                        responses: [("200", response("Every published partnership", page("PublicPartnership")))])
                ]
            ),
            (
                "/api/v1/public/partnerships/{workspace}/{key}",
                [
                    "parameters": [parameter("workspace", in: "path", key), parameter("key", in: "path", key)],
                    "get": operation(
                        "get-public-partnership", "One published partnership with its public members",
                        tag: "public", responses: [("200", response("Found", ref("PublicPartnership")))])
                ]
            ),
            (
                "/api/v1/memberships/{key}/end",
                [
                    "parameters": [parameter("key", in: "path", key)],
                    "post": operation(
                        "end-membership", "End a membership (today unless a date is given)", tag: "memberships",
                        body: object([("ended_on", day)], required: []),
                        responses: [("200", response("Ended", ref("Membership")))])
                ]
            ),
            (
                "/api/v1/partnership-relations",
                [
                    "get": operation(
                        "list-partnership-relations", "List relations between partnerships",
                        tag: "partnership-relations",
                        parameters: [parameter("partnership", key), parameter("kind", vocabulary(RelationKind.self))],
                        responses: [("200", response("All matching relations", page("PartnershipRelation")))]),
                    "post": operation(
                        "create-partnership-relation", "Relate two partnerships; reporting lines may not loop",
                        tag: "partnership-relations",
                        body: ref("PartnershipRelation"),
                        responses: [("201", response("Created", ref("PartnershipRelation")))])
                ]
            ),
            (
                "/api/v1/partnership-relations/{from}/{kind}/{to}",
                [
                    "parameters": [
                        parameter("from", in: "path", key),
                        parameter("kind", in: "path", vocabulary(RelationKind.self)),
                        parameter("to", in: "path", key)
                    ],
                    "delete": operation(
                        "delete-partnership-relation", "Remove a relation", tag: "partnership-relations",
                        responses: [("204", response("Deleted", nil))])
                ]
            ),
            (
                "/api/v1/partnerships/{key}/terms-of-reference",
                [
                    "parameters": [parameter("key", in: "path", key)],
                    "get": operation(
                        "list-terms-of-reference", "List the versions of a partnership's terms of reference",
                        tag: "terms-of-reference",
                        responses: [("200", response("Every version", page("TermsOfReference")))]),
                    "post": operation(
                        "create-terms-of-reference", "Add a version (the next number unless given)",
                        tag: "terms-of-reference",
                        body: ref("NewTermsOfReference"),
                        responses: [("201", response("Created", ref("TermsOfReference")))])
                ]
            ),
            (
                "/api/v1/partnerships/{key}/terms-of-reference/{version}",
                [
                    "parameters": [
                        parameter("key", in: "path", key),
                        parameter("version", in: "path", ["type": "integer", "minimum": 1])
                    ],
                    "get": operation(
                        "get-terms-of-reference", "Get one version", tag: "terms-of-reference",
                        responses: [("200", response("Found", ref("TermsOfReference")))]),
                    "patch": operation(
                        "update-terms-of-reference", "Correct one version", tag: "terms-of-reference",
                        body: ref("TermsOfReferencePatch"),
                        responses: [("200", response("Changed", ref("TermsOfReference")))]),
                    "delete": operation(
                        "delete-terms-of-reference", "Delete one version", tag: "terms-of-reference",
                        responses: [("204", response("Deleted", nil))])
                ]
            )
        ]

    static let document: JSONValue = [
        "openapi": "3.1.0",
        "info": [
            "title": "Convene register API",
            "version": "1.0.0",
            "description":
                "The register of a police force area's partnerships: areas, organisations, people, partnerships, memberships, reporting lines and terms of reference; and the business of its boards: meetings, agendas, attendance, minutes and actions. Errors are RFC 9457 problem details."
        ],
        "paths": .object(
            paths + meetingPaths + analysisPaths + guidancePaths + surveyPaths + reviewPaths + outcomePaths
                + sharingPaths + networkPaths),
        "components": [
            "schemas": .object(
                schemas + requestSchemas + meetingSchemas + analysisSchemas + guidanceSchemas + surveySchemas
                    + reviewSchemas + outcomeSchemas + sharingSchemas + networkSchemas)
        ]
    ]
}
