import ConveneDomain

/// The data-sharing part of the OpenAPI document: `SharingAPI`'s operations and their schemas.
extension OpenAPIDocument {
    static let sharingPaths: [(String, JSONValue)] = [
        (
            "/api/v1/agreements",
            [
                "get": operation(
                    "list-agreements", "The data-sharing agreements, each with where it stands today", tag: "sharing",
                    responses: [("200", response("The agreements", list(ref("Agreement"))))]),
                "post": operation(
                    "create-agreement", "Add an agreement; its key is made from its title", tag: "sharing",
                    body: ref("AgreementBody"), responses: [("201", response("Added", ref("Agreement")))])
            ]
        ),
        (
            "/api/v1/agreements/{key}",
            [
                "parameters": [parameter("key", in: "path", key)],
                "get": operation(
                    "get-agreement", "An agreement", tag: "sharing",
                    responses: [("200", response("The agreement", ref("Agreement")))]),
                "put": operation(
                    "update-agreement", "Change an agreement", tag: "sharing", body: ref("AgreementBody"),
                    responses: [("200", response("The agreement", ref("Agreement")))])
            ]
        ),
        (
            "/api/v1/data-requests",
            [
                "get": operation(
                    "list-data-requests", "The requests for data, newest asked first", tag: "sharing",
                    responses: [("200", response("The requests", list(ref("DataRequest"))))]),
                "post": operation(
                    "create-data-request", "Log a request for data; its key is made from what is asked for",
                    tag: "sharing", body: ref("DataRequestBody"),
                    responses: [("201", response("Logged", ref("DataRequest")))])
            ]
        ),
        (
            "/api/v1/data-requests/{key}",
            [
                "parameters": [parameter("key", in: "path", key)],
                "get": operation(
                    "get-data-request", "A request for data", tag: "sharing",
                    responses: [("200", response("The request", ref("DataRequest")))]),
                "put": operation(
                    "update-data-request", "Change a request: record its answer", tag: "sharing",
                    body: ref("DataRequestBody"), responses: [("200", response("The request", ref("DataRequest")))])
            ]
        ),
        (
            "/api/v1/analyses/requests",
            [
                "get": operation(
                    "analyse-requests",
                    "How partners answer requests, per partner and per gateway: the same JSON as `convene analyse "
                        + "requests --format json`", tag: "sharing",
                    responses: [("200", response("The analysis", ref("RequestsAnalysis")))])
            ]
        )
    ]

    static let agreementFields: [(String, JSONValue)] = [
        ("title", string), ("party_keys", list(key)), ("partnership_keys", list(key)), ("purpose", string),
        ("data_categories", list(vocabulary(DataCategory.self))), ("lawful_basis", names(LegalGateway.lawfulBases)),
        ("legal_gateway", string), ("dpia_on", requiredDay), ("signed_on", requiredDay), ("review_on", requiredDay),
        ("ends_on", requiredDay), ("status", vocabulary(AgreementStatus.self)), ("documents", list(string))
    ]
    static let agreementOptional: Set<String> = ["dpia_on", "signed_on", "review_on", "ends_on"]

    static let requestFields: [(String, JSONValue)] = [
        ("requester_organisation_key", key), ("requester_partnership_key", key), ("partner_key", key),
        ("what", string), ("purpose", string), ("agreement_key", key), ("gateway", string),
        ("asked_on", requiredDay), ("due_by", requiredDay), ("answered_on", requiredDay),
        ("outcome", vocabulary(RequestOutcome.self)), ("refusal_reason", string)
    ]
    static let requestOptional: Set<String> = [
        "requester_organisation_key", "requester_partnership_key", "agreement_key", "gateway", "answered_on", "outcome",
        "refusal_reason"
    ]

    static let requestRow: JSONValue = closed([
        ("id", string), ("name", string), ("requests", integer), ("answered", integer), ("overdue", integer),
        ("median_days", optionalNumber), ("on_time_share", share), ("refused_share", share)
    ])

    static let sharingSchemas: [(String, JSONValue)] = [
        (
            "Agreement",
            closed(
                [("key", key)] + agreementFields + [
                    ("state", names(["draft", "active", "expired", "withdrawn"])), ("past_review", ["type": "boolean"])
                ], optional: agreementOptional)
        ),
        (
            "AgreementBody",
            closed(agreementFields, optional: agreementOptional.union(["partnership_keys", "documents"]))
        ),
        (
            "DataRequest",
            closed([("key", key)] + requestFields + [("overdue", ["type": "boolean"])], optional: requestOptional)
        ),
        ("DataRequestBody", closed(requestFields, optional: requestOptional)),
        (
            "RequestsAnalysis",
            closed([
                ("analysis", names(["requests"])), ("on", requiredDay), ("partners", list(requestRow)),
                ("gateways", list(requestRow))
            ])
        )
    ]
}
