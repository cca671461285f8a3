import ConveneDomain

/// The network part of the OpenAPI document: `NetworkAPI`'s operations and their schemas.
extension OpenAPIDocument {
    static let networkPaths: [(String, JSONValue)] = [
        (
            "/api/v1/network/leads",
            [
                "get": operation(
                    "list-partnership-leads", "Every force area with the partnership lead its workspace names, if any",
                    tag: "network", responses: [("200", response("The directory", list(ref("LeadDirectoryRow"))))])
            ]
        ),
        (
            "/api/v1/network/leads/ours",
            [
                "put": operation(
                    "set-partnership-lead",
                    "Name this workspace's partnership lead: an office or a role title; a holder only in public office",
                    tag: "network", body: ref("PartnershipLead"),
                    responses: [("200", response("Named", ref("PartnershipLead")))]),
                "delete": operation(
                    "remove-partnership-lead", "Name no lead", tag: "network",
                    responses: [("204", response("Removed", nil))])
            ]
        ),
        (
            "/api/v1/network/library",
            [
                "get": operation(
                    "list-library", "The templates workspaces share, newest first", tag: "network",
                    responses: [("200", response("The library", list(ref("LibraryShared"))))]),
                "post": operation(
                    "share-template",
                    "Share a survey (`survey:KEY`) or a partnership's current terms of reference (`terms:KEY`)",
                    tag: "network",
                    body: closed([("source", string), ("note", string)], optional: ["note"]),
                    responses: [("201", response("Shared", ref("LibraryShared")))])
            ]
        ),
        (
            "/api/v1/network/library/{workspace}/{key}/copy",
            [
                "parameters": [parameter("workspace", in: "path", key), parameter("key", in: "path", key)],
                "post": operation(
                    "copy-template",
                    "Copy a template into this workspace: a survey as a new draft, terms of reference as a "
                        + "partnership's next version", tag: "network",
                    body: closed([("partnership_key", key)], optional: ["partnership_key"]),
                    responses: [("201", response("Copied", closed([("created", string)])))])
            ]
        )
    ]

    static let leadFields: [(String, JSONValue)] = [
        ("force_area_code", onsCode), ("office", string), ("organisation", string), ("holder_key", key),
        ("contact", string)
    ]

    static let networkSchemas: [(String, JSONValue)] = [
        ("PartnershipLead", closed(leadFields, optional: ["holder_key", "contact"])),
        (
            "LeadDirectoryRow",
            closed(
                [
                    ("force_area_code", onsCode), ("force_area", string), ("lead", ref("PartnershipLead")),
                    ("holder", string)
                ], optional: ["lead", "holder"])
        ),
        (
            "LibraryItem",
            closed(
                [
                    ("key", key), ("kind", vocabulary(LibraryItem.Kind.self)), ("title", string), ("note", string),
                    (
                        "terms",
                        closed(
                            [
                                ("purpose", string), ("quorum", integer),
                                ("meeting_frequency", vocabulary(MeetingFrequency.self))
                            ], optional: ["purpose", "quorum", "meeting_frequency"])
                    ),
                    ("survey", ref("Survey"))
                ], optional: ["note", "terms", "survey"])
        ),
        (
            "LibraryShared",
            closed([
                ("workspace", key), ("workspace_name", string), ("shared_on", requiredDay), ("item", ref("LibraryItem"))
            ])
        )
    ]
}
