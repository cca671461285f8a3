import ConveneDomain

/// The guidance part of the OpenAPI document: `GuidanceAPI`'s operations and their schemas.
extension OpenAPIDocument {
    static let guidancePaths: [(String, JSONValue)] = [
        (
            "/api/v1/guidance/templates",
            [
                "get": operation(
                    "list-guidance-templates",
                    "Every version of every guidance template, as the template file writes them",
                    tag: "guidance", responses: [("200", response("The templates", ref("GuidanceTemplateFile")))]),
                "post": operation(
                    "import-guidance-templates",
                    "Import a template file, all or nothing (administrators); a version already kept as in the file is "
                        + "left as it is",
                    tag: "guidance", body: ref("GuidanceTemplateFile"),
                    responses: [
                        ("201", response("Templates added", ref("GuidanceImportReport"))),
                        ("200", response("Nothing changed", ref("GuidanceImportReport")))
                    ])
            ]
        ),
        (
            "/api/v1/partnerships/{key}/milestones",
            [
                "parameters": [parameter("key", in: "path", key)],
                "get": operation(
                    "get-milestones",
                    "The partnership's guidance milestones on a day (today unless `on` is given); the same JSON as "
                        + "`convene milestones --format json`",
                    tag: "guidance", parameters: [parameter("on", requiredDay)],
                    responses: [("200", response("The milestones", ref("Milestones")))])
            ]
        ),
        (
            "/api/v1/partnerships/{key}/milestones/{template}/{step}/{occurrence}/evidence",
            [
                "parameters": [
                    parameter("key", in: "path", key), parameter("template", in: "path", key),
                    parameter("step", in: "path", key),
                    parameter("occurrence", in: "path", ["type": "string", "pattern": "^[0-9]+$"])
                ],
                "post": operation(
                    "add-milestone-evidence",
                    "Keep evidence for one occurrence of a step; with marks_done and a note, confirm a step the register "
                        + "cannot tell about",
                    tag: "guidance", body: ref("NewMilestoneEvidence"),
                    responses: [("201", response("Kept", ref("MilestoneEvidenceResult")))])
            ]
        )
    ]

    static let guidanceSchemas: [(String, JSONValue)] = [
        (
            "GuidanceStep",
            closed(
                [
                    ("key", key), ("title", string), ("evidence", string),
                    (
                        "due",
                        [
                            "type": "object",
                            "properties": [
                                "on": requiredDay, "months": ["type": "integer", "minimum": 0],
                                "days": ["type": "integer", "minimum": 0], "end_of_month": ["type": "boolean"]
                            ],
                            "additionalProperties": false
                        ]
                    ),
                    ("repeats_every_months", ["type": "integer", "minimum": 1, "maximum": 120]),
                    ("after", list(key)), ("rule", vocabulary(StepRule.self))
                ], optional: ["repeats_every_months", "after", "rule"])
        ),
        (
            "GuidanceTemplate",
            closed(
                [
                    ("key", key), ("title", string), ("version", ["type": "integer", "minimum": 1]),
                    ("partnership_type", vocabulary(PartnershipType.self)), ("published_on", requiredDay),
                    ("source", string), ("steps", list(ref("GuidanceStep")))
                ], optional: ["source"])
        ),
        ("GuidanceTemplateFile", closed([("templates", list(ref("GuidanceTemplate")))])),
        (
            "GuidanceImportReport",
            closed([
                ("added", list(string)), ("unchanged", list(string)),
                ("errors", list(closed([("field", string), ("message", string)])))
            ])
        ),
        (
            "MilestoneTask",
            closed(
                [
                    ("step", key), ("title", string), ("occurrence", ["type": "integer", "minimum": 0]),
                    ("due", requiredDay), ("status", vocabulary(MilestoneStatus.self)),
                    ("overdue", ["type": "boolean"]),
                    ("done_by", names(["rule", "person"])),
                    ("records", list(closed([("label", string), ("href", string)]))), ("evidence", list(key))
                ], optional: ["done_by"])
        ),
        (
            "Milestones",
            closed(
                [
                    ("partnership", key), ("name", string), ("started_on", requiredDay), ("on", requiredDay),
                    (
                        "templates",
                        list(
                            closed([
                                ("key", key), ("version", integer), ("title", string), ("published_on", requiredDay),
                                ("starts_from", requiredDay), ("tasks", list(ref("MilestoneTask")))
                            ]))
                    )
                ], optional: ["started_on"])
        ),
        (
            "NewMilestoneEvidence",
            object(
                [
                    ("paper_key", optionalKey), ("url", optionalString), ("evidence_on", day),
                    ("confirmed_by", optionalString), ("note", optionalString), ("marks_done", ["type": "boolean"])
                ], required: [])
        ),
        (
            "MilestoneEvidenceResult",
            closed(
                [
                    ("status", vocabulary(MilestoneStatus.self)), ("overdue", ["type": "boolean"]),
                    (
                        "evidence",
                        list(
                            closed(
                                [
                                    ("key", key), ("paper_key", key), ("url", string), ("file_name", string),
                                    ("evidence_on", requiredDay), ("confirmed_by", string), ("note", string),
                                    ("marks_done", ["type": "boolean"]), ("recorded_by", string),
                                    ("recorded_at", instant)
                                ],
                                optional: ["paper_key", "url", "file_name", "evidence_on", "confirmed_by", "note"]))
                    )
                ])
        )
    ]
}
