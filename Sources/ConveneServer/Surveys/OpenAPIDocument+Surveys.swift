import ConveneDomain

/// The surveys part of the OpenAPI document: `SurveyAPI`'s operations and their schemas.
extension OpenAPIDocument {
    static let surveyPaths: [(String, JSONValue)] = [
        (
            "/api/v1/surveys",
            [
                "get": operation(
                    "list-surveys", "The workspace's surveys, newest first", tag: "surveys",
                    responses: [("200", response("The surveys", list(ref("SurveyListed"))))]),
                "post": operation(
                    "create-survey",
                    "Start a survey, blank or from a template (`partnership-system`: the reports' statements)",
                    tag: "surveys", body: ref("NewSurvey"), responses: [("201", response("Started", ref("Survey")))])
            ]
        ),
        (
            "/api/v1/surveys/{key}",
            [
                "parameters": [parameter("key", in: "path", key)],
                "get": operation(
                    "get-survey", "A survey with its questions", tag: "surveys",
                    responses: [("200", response("The survey", ref("Survey")))])
            ]
        ),
        (
            "/api/v1/surveys/{key}/results",
            [
                "parameters": [parameter("key", in: "path", key)],
                "get": operation(
                    "get-survey-results",
                    "Each question's counts and shares, computed from the counts; the same JSON as `convene survey "
                        + "results --format json`. An anonymous survey with fewer than five respondents shows none.",
                    tag: "surveys", responses: [("200", response("The results", ref("SurveyResults")))])
            ]
        ),
        (
            "/api/v1/surveys/{key}/responses",
            [
                "parameters": [parameter("key", in: "path", key)],
                "get": operation(
                    "list-survey-responses",
                    "The answers sent (editors): who sent them only for a survey that is not anonymous",
                    tag: "surveys", responses: [("200", response("The responses", list(ref("SurveyResponse"))))])
            ]
        )
    ]

    static let share: JSONValue = ["type": ["number", "null"], "minimum": 0, "maximum": 1]

    static let surveySchemas: [(String, JSONValue)] = [
        (
            "SurveyQuestion",
            closed(
                [
                    ("key", key), ("text", string),
                    ("kind", names(SurveyQuestion.Kind.allCases.map(\.rawValue))), ("options", list(string)),
                    ("required", ["type": "boolean"]), ("section", string)
                ], optional: ["section"])
        ),
        (
            "Survey",
            closed(
                [
                    ("key", key), ("title", string), ("introduction", string), ("anonymous", ["type": "boolean"]),
                    ("status", names(SurveyStatus.allCases.map(\.rawValue))), ("closes_on", requiredDay),
                    ("previous_key", key), ("questions", list(ref("SurveyQuestion")))
                ], optional: ["introduction", "closes_on", "previous_key"])
        ),
        (
            "SurveyListed",
            closed(
                [
                    ("key", key), ("title", string), ("status", names(SurveyStatus.allCases.map(\.rawValue))),
                    ("anonymous", ["type": "boolean"]), ("closes_on", requiredDay), ("links", integer),
                    ("respondents", integer)
                ], optional: ["closes_on"])
        ),
        (
            "NewSurvey",
            closed(
                [
                    ("title", string), ("introduction", string), ("anonymous", ["type": "boolean"]),
                    ("closes_on", requiredDay), ("template", names(SurveyTemplates.all.map(\.key))),
                    ("previous_key", key)
                ], optional: ["introduction", "anonymous", "closes_on", "template", "previous_key"])
        ),
        (
            "SurveyResults",
            closed(
                [
                    ("survey", key), ("title", string), ("respondents", integer), ("shown", ["type": "boolean"]),
                    (
                        "questions",
                        list(
                            closed(
                                [
                                    ("text", string), ("kind", names(SurveyQuestion.Kind.allCases.map(\.rawValue))),
                                    ("respondents", integer),
                                    (
                                        "counts",
                                        [
                                            "type": ["object", "null"],
                                            "properties": .object(
                                                [
                                                    "strongly_agree", "agree", "neither", "disagree",
                                                    "strongly_disagree",
                                                    "no_answer"
                                                ].map { ($0, integer) }),
                                            "additionalProperties": false
                                        ]
                                    ),
                                    ("agree_share", share), ("strongly_agree_share", share), ("disagree_share", share),
                                    ("strongly_disagree_share", share),
                                    ("choices", list(closed([("option", string), ("count", integer)]))),
                                    ("answers", list(string))
                                ], optional: ["choices", "answers"]))
                    )
                ])
        ),
        (
            "SurveyResponse",
            closed(
                [
                    ("recipient", string), ("sector", vocabulary(Sector.self)),
                    ("answers", ["type": "object", "additionalProperties": list(string)])
                ], optional: ["recipient", "sector"])
        )
    ]
}
