import ConveneDomain

/// The meetings part of the OpenAPI document: `MeetingAPI`'s operations and their schemas.
extension OpenAPIDocument {
    static let instant: JSONValue = ["type": "string", "format": "date-time"]
    static let optionalInstant: JSONValue = ["type": ["string", "null"], "format": "date-time"]
    static let minutesCount: JSONValue = ["type": ["integer", "null"], "minimum": 0, "maximum": 1440]
    static let requiredDay: JSONValue = ["type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"]

    static func optional<V: Vocabulary>(_ type: V.Type) -> JSONValue {
        ["type": ["string", "null"], "enum": .array(V.allCases.map { .string($0.rawValue) } + [.null])]
    }

    static let meetingSchemas: [(String, JSONValue)] = [
        (
            "Attendance",
            closed(
                [
                    ("person_key", key), ("status", vocabulary(AttendanceStatus.self)),
                    ("substitute_for_key", optionalKey),
                    ("preparation_minutes", minutesCount), ("travel_minutes", minutesCount),
                    ("attended_minutes", minutesCount)
                ], optional: ["substitute_for_key", "preparation_minutes", "travel_minutes", "attended_minutes"])
        ),
        (
            "Meeting",
            closed(
                [
                    ("key", key), ("partnership_key", key), ("name", string), ("starts_at", instant),
                    ("ends_at", optionalInstant),
                    ("status", vocabulary(MeetingStatus.self)), ("format", optional(MeetingFormat.self)),
                    ("place", optionalString),
                    ("online_url", optionalString), ("joint_with", ["type": "array", "items": key]),
                    ("series_key", optionalKey),
                    ("calendar_key", optionalString), ("attendance", ["type": "array", "items": ref("Attendance")])
                ], optional: ["ends_at", "format", "place", "online_url", "series_key", "calendar_key"])
        ),
        (
            "NewMeeting",
            object(
                [
                    ("key", key), ("name", ["type": "string", "minLength": 1]), ("starts_at", instant),
                    ("ends_at", optionalInstant),
                    ("status", optional(MeetingStatus.self)), ("format", optional(MeetingFormat.self)),
                    ("place", optionalString),
                    ("online_url", optionalString), ("joint_with", ["type": "array", "items": key])
                ], required: ["name", "starts_at"])
        ),
        (
            "MeetingSeries",
            object(
                [
                    ("key", key), ("name", ["type": "string", "minLength": 1]), ("first_day", requiredDay),
                    ("start_minute", ["type": "integer", "minimum": 0, "maximum": 1439]),
                    ("duration_minutes", ["type": "integer", "minimum": 5, "maximum": 1440]), ("time_zone", string),
                    (
                        "rule",
                        [
                            "type": "string",
                            "description": "An RRULE with COUNT or UNTIL, e.g. FREQ=MONTHLY;BYDAY=1TU;COUNT=12"
                        ]
                    ),
                    ("skipped_days", ["type": "array", "items": requiredDay]),
                    ("format", optional(MeetingFormat.self)), ("place", optionalString), ("online_url", optionalString)
                ], required: ["name", "first_day", "start_minute", "duration_minutes", "rule"])
        ),
        (
            "AgendaItem",
            closed(
                [
                    ("key", key), ("partnership_key", key), ("meeting_key", optionalKey),
                    ("position", ["type": "integer", "minimum": 1]),
                    ("title", string), ("kind", vocabulary(AgendaItemKind.self)),
                    ("duration_minutes", ["type": ["integer", "null"], "minimum": 1, "maximum": 600]),
                    ("presenter_key", optionalKey), ("themes", ["type": "array", "items": string])
                ], optional: ["meeting_key", "duration_minutes", "presenter_key"])
        ),
        (
            "NewAgendaItem",
            object(
                [
                    ("title", ["type": "string", "minLength": 1]), ("kind", optional(AgendaItemKind.self)),
                    ("duration_minutes", ["type": ["integer", "null"], "minimum": 1, "maximum": 600]),
                    ("presenter_key", optionalKey), ("themes", ["type": "array", "items": string])
                ], required: ["title"])
        ),
        (
            "Minutes",
            closed(
                [
                    ("meeting_key", key), ("text", string), ("state", vocabulary(MinutesState.self)),
                    ("approved_on", day), ("approved_at_meeting_key", optionalKey),
                    (
                        "addenda",
                        [
                            "type": "array",
                            "items": closed([("on", requiredDay), ("text", string)])
                        ]
                    )
                ], optional: ["approved_on", "approved_at_meeting_key"])
        ),
        (
            "Action",
            closed(
                [
                    ("key", key), ("partnership_key", key), ("meeting_key", optionalKey), ("item_key", optionalKey),
                    ("title", string),
                    ("owner_person_key", optionalKey), ("owner_organisation_key", optionalKey),
                    ("raised_on", requiredDay), ("due_on", day),
                    ("status", vocabulary(ActionStatus.self)),
                    (
                        "updates",
                        [
                            "type": "array",
                            "items": closed(
                                [("on", requiredDay), ("text", string), ("status", optional(ActionStatus.self))],
                                optional: ["status"])
                        ]
                    )
                ], optional: ["meeting_key", "item_key", "owner_person_key", "owner_organisation_key", "due_on"])
        ),
        (
            "NewAction",
            object(
                [
                    ("title", ["type": "string", "minLength": 1]), ("owner_person_key", optionalKey),
                    ("owner_organisation_key", optionalKey),
                    ("due_on", day), ("meeting_key", optionalKey), ("item_key", optionalKey)
                ], required: ["title"])
        ),
        (
            "MeetingDetail",
            closed(
                [
                    ("meeting", ref("Meeting")),
                    (
                        "agenda",
                        [
                            "type": "array",
                            "items": closed(
                                [
                                    ("item", ref("AgendaItem")),
                                    (
                                        "decision",
                                        closed([("decision", string), ("rationale", string)], optional: ["rationale"])
                                    ),
                                    ("papers", ["type": "array", "items": key])
                                ], optional: ["decision"])
                        ]
                    ),
                    ("planned_minutes", ["type": "integer"]), ("overrun_minutes", ["type": ["integer", "null"]]),
                    ("attendance", ["type": "array", "items": ref("Attendance")]),
                    ("members", ["type": "array", "items": key]),
                    ("quorum", ["type": ["integer", "null"]]), ("quorum_counted", ["type": "array", "items": key]),
                    ("quorate", ["type": ["boolean", "null"]]), ("minutes", ref("Minutes")),
                    ("actions", ["type": "array", "items": ref("Action")]),
                    ("matters_arising", ["type": "array", "items": ref("Action")])
                ], optional: ["overrun_minutes", "quorum", "quorate", "minutes"])
        ),
        (
            "SeriesScheduled",
            closed(
                [
                    (
                        "series",
                        closed([
                            ("key", key), ("partnership_key", key), ("name", string), ("first_day", requiredDay),
                            ("start_minute", ["type": "integer"]), ("duration_minutes", ["type": "integer"]),
                            ("time_zone", string), ("rule", string),
                            ("skipped_days", ["type": "array", "items": requiredDay])
                        ])
                    ),
                    ("meetings_created", ["type": "integer", "minimum": 0])
                ])
        ),
        (
            "CalendarImport",
            closed([
                ("created", ["type": "array", "items": key]), ("updated", ["type": "array", "items": key]),
                ("unchanged", ["type": "integer", "minimum": 0]), ("skipped", ["type": "integer", "minimum": 0]),
                ("warnings", ["type": "array", "items": ref("CalendarImportWarning")])
            ])
        ),
        (
            "CalendarImportWarning",
            closed([("location", string), ("field", string), ("message", string)], optional: ["field"])
        ),
        (
            "MyMeetings",
            closed(
                [
                    ("person", key), ("upcoming", ["type": "array", "items": ref("Meeting")]),
                    ("attended", page("Meeting"))
                ], optional: ["person"])
        )
    ]

    static let meetingPaths: [(String, JSONValue)] = {
        let partnership = parameter("key", in: "path", key)
        let meeting = parameter("meeting", in: "path", key)
        let show = parameter("show", ["type": "string", "enum": ["outstanding", "overdue", "done", "all"]])
        let detail = [
            (
                "200",
                response("The meeting with its agenda, attendance, quorum, minutes and actions", ref("MeetingDetail"))
            )
        ]
        return [
            (
                "/api/v1/partnerships/{key}/meetings",
                [
                    "parameters": [partnership],
                    "get": operation(
                        "list-meetings",
                        "A partnership's meetings to come (or past, with when=past), joint meetings included",
                        tag: "meetings",
                        parameters: [parameter("when", ["type": "string", "enum": ["upcoming", "past"]])] + paging,
                        responses: [("200", response("A page of meetings", page("Meeting")))]),
                    "post": operation(
                        "create-meeting", "Schedule one meeting", tag: "meetings", body: ref("NewMeeting"),
                        responses: [("201", response("Scheduled", ref("Meeting")))])
                ]
            ),
            (
                "/api/v1/partnerships/{key}/series",
                [
                    "parameters": [partnership],
                    "post": operation(
                        "schedule-series", "Schedule a series: every meeting at the same wall-clock time",
                        tag: "meetings",
                        body: ref("MeetingSeries"), responses: [("201", response("Scheduled", ref("SeriesScheduled")))])
                ]
            ),
            (
                "/api/v1/partnerships/{key}/calendar",
                [
                    "parameters": [partnership],
                    "post": .object([
                        ("operationId", "import-calendar"),
                        (
                            "summary",
                            "Import an iCalendar file (text/calendar) into the partnership's meetings: all or nothing, idempotent by event"
                        ),
                        ("tags", ["meetings"]),
                        (
                            "requestBody",
                            ["required": true, "content": ["text/calendar": ["schema": ["type": "string"]]]]
                        ),
                        ("responses", .object([("200", response("What changed", ref("CalendarImport")))] + problems))
                    ])
                ]
            ),
            (
                "/api/v1/partnerships/{key}/meetings/{meeting}",
                [
                    "parameters": [partnership, meeting],
                    "get": operation(
                        "get-meeting", "One meeting with everything on it", tag: "meetings", responses: detail)
                ]
            ),
            (
                "/api/v1/partnerships/{key}/meetings/{meeting}/attendance",
                [
                    "parameters": [partnership, meeting],
                    "put": operation(
                        "record-attendance",
                        "Replace the attendance register; a substitute names the member they stood in for",
                        tag: "meetings",
                        body: object(
                            [("attendance", ["type": "array", "items": ref("Attendance")])], required: ["attendance"]),
                        responses: detail)
                ]
            ),
            (
                "/api/v1/partnerships/{key}/meetings/{meeting}/items",
                [
                    "parameters": [partnership, meeting],
                    "post": operation(
                        "add-agenda-item", "Add an item at the end of the agenda", tag: "meetings",
                        body: ref("NewAgendaItem"),
                        responses: detail)
                ]
            ),
            (
                "/api/v1/partnerships/{key}/meetings/{meeting}/minutes",
                [
                    "parameters": [partnership, meeting],
                    "put": operation(
                        "edit-minutes", "Write or change the draft minutes", tag: "minutes",
                        body: object([("text", string)], required: ["text"]), responses: detail)
                ]
            ),
            (
                "/api/v1/partnerships/{key}/meetings/{meeting}/minutes/approve",
                [
                    "parameters": [partnership, meeting],
                    "post": operation(
                        "approve-minutes", "Approve the draft minutes, at a meeting (normally the next)",
                        tag: "minutes",
                        body: object([("at_meeting", optionalKey)], required: []), responses: detail)
                ]
            ),
            (
                "/api/v1/partnerships/{key}/meetings/{meeting}/minutes/lock",
                [
                    "parameters": [partnership, meeting],
                    "post": operation(
                        "lock-minutes", "Lock approved minutes: they never change again", tag: "minutes",
                        responses: detail)
                ]
            ),
            (
                "/api/v1/partnerships/{key}/meetings/{meeting}/minutes/addenda",
                [
                    "parameters": [partnership, meeting],
                    "post": operation(
                        "add-addendum", "Correct locked minutes with a dated addendum", tag: "minutes",
                        body: object([("text", ["type": "string", "minLength": 1])], required: ["text"]),
                        responses: detail)
                ]
            ),
            (
                "/api/v1/partnerships/{key}/actions",
                [
                    "parameters": [partnership],
                    "get": operation(
                        "list-actions", "The partnership's action log (overdue is worked out, never stored)",
                        tag: "actions",
                        parameters: [show] + paging, responses: [("200", response("A page of actions", page("Action")))]
                    ),
                    "post": operation(
                        "create-action", "Add an action, arising from a meeting or one of its items", tag: "actions",
                        body: ref("NewAction"), responses: [("201", response("Added", ref("Action")))])
                ]
            ),
            (
                "/api/v1/partnerships/{key}/actions/{action}/updates",
                [
                    "parameters": [partnership, parameter("action", in: "path", key)],
                    "post": operation(
                        "update-action", "A dated update, and perhaps a new status", tag: "actions",
                        body: object([("text", optionalString), ("status", optional(ActionStatus.self))], required: []),
                        responses: [("200", response("The action with its updates", ref("Action")))])
                ]
            ),
            (
                "/api/v1/me/meetings",
                [
                    "get": operation(
                        "my-meetings",
                        "The meetings of the person the caller is (linked on /account/person; none if not linked): to come, and attended",
                        tag: "me",
                        parameters: paging, responses: [("200", response("Meetings", ref("MyMeetings")))])
                ]
            ),
            (
                "/api/v1/me/actions",
                [
                    "get": operation(
                        "my-actions", "The actions the caller's person owns", tag: "me", parameters: [show] + paging,
                        responses: [("200", response("A page of actions", page("Action")))])
                ]
            )
        ]
    }()
}
