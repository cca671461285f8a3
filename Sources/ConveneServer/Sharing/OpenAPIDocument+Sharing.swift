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
        ),
        (
            "/api/v1/persons/{key}/interests",
            [
                "parameters": [parameter("key", in: "path", key)],
                "get": operation(
                    "list-interests", "A person's declarations of interest, oldest first", tag: "sharing",
                    responses: [("200", response("The declarations", list(ref("InterestDeclaration"))))]),
                "post": operation(
                    "declare-interest",
                    "Record a declaration; it may be published only for a person in public office", tag: "sharing",
                    body: ref("InterestDeclarationBody"),
                    responses: [("201", response("Recorded", ref("InterestDeclaration")))])
            ]
        ),
        (
            "/api/v1/partnerships/{key}/meetings/{meeting}/declarations",
            [
                "parameters": [parameter("key", in: "path", key), parameter("meeting", in: "path", key)],
                "get": operation(
                    "meeting-interests",
                    "The agenda items that touch a declared interest of someone at the meeting, and the declarations "
                        + "its minutes record", tag: "sharing",
                    responses: [("200", response("The meeting's interests", ref("MeetingInterests")))]),
                "post": operation(
                    "declare-at-meeting", "Record in the minutes, while a draft, a declaration made at the meeting",
                    tag: "sharing", body: ref("MeetingDeclarationBody"),
                    responses: [("201", response("Recorded", ref("MeetingDeclaration")))])
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

    static let interestFields: [(String, JSONValue)] = [
        ("kind", vocabulary(InterestKind.self)), ("organisation_key", key), ("matter", string), ("from", requiredDay),
        ("to", requiredDay), ("published", ["type": "boolean"])
    ]
    static let meetingDeclarationFields: [(String, JSONValue)] = [
        ("person_key", key), ("item_key", key), ("matter", string), ("action", vocabulary(DeclarationAction.self))
    ]

    static let sharingSchemas: [(String, JSONValue)] = [
        (
            "InterestDeclaration",
            closed([("key", key), ("person_key", key)] + interestFields, optional: ["organisation_key", "to"])
        ),
        ("InterestDeclarationBody", closed(interestFields, optional: ["organisation_key", "to", "published"])),
        (
            "MeetingDeclaration",
            closed([("key", key), ("meeting_key", key)] + meetingDeclarationFields, optional: ["item_key"])
        ),
        ("MeetingDeclarationBody", closed(meetingDeclarationFields, optional: ["item_key"])),
        (
            "MeetingInterests",
            closed([
                (
                    "flags",
                    list(
                        closed([("item_key", key), ("person_key", key), ("matter", string), ("reason", string)]))
                ),
                ("declarations", list(ref("MeetingDeclaration")))
            ])
        ),
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
