import ConveneDomain

/// The reviews part of the OpenAPI document: `ReviewAPI`'s operations and their schemas.
extension OpenAPIDocument {
    static let reviewPaths: [(String, JSONValue)] = [
        (
            "/api/v1/reviews",
            [
                "get": operation(
                    "list-reviews", "The workspace's reviews, newest first; the same JSON as `convene review list`",
                    tag: "reviews", responses: [("200", response("The reviews", list(ref("ReviewListed"))))])
            ]
        ),
        (
            "/api/v1/reviews/{key}",
            [
                "parameters": [parameter("key", in: "path", key)],
                "get": operation(
                    "get-review",
                    "A review: each partnership's proposal by the rules, its reasons with the records behind them, "
                        + "its figures, and the reviewer's decision and rationale",
                    tag: "reviews", responses: [("200", response("The review", ref("Review")))])
            ]
        ),
        (
            "/api/v1/reviews/{key}/report",
            [
                "parameters": [parameter("key", in: "path", key)],
                "get": operation(
                    "get-review-report", "The review's report as one HTML document (the PDF is printed from it)",
                    tag: "reviews",
                    responses: [
                        ("200", ["description": "The report", "content": ["text/html": ["schema": string]]])
                    ])
            ]
        )
    ]

    static let choice: JSONValue = names(ReviewChoice.identifiers)

    static let reviewSchemas: [(String, JSONValue)] = [
        (
            "ReviewListed",
            closed([("id", key), ("title", string), ("status", names(ReviewStatus.allCases.map(\.rawValue)))])
        ),
        (
            "ReviewEvidence",
            closed([
                ("kind", names(ReviewEvidence.Kind.allCases.map(\.rawValue))), ("key", string), ("label", string)
            ])
        ),
        (
            "ReviewMeasures",
            closed(
                [
                    ("partnership_key", key), ("name", string), ("statutory", ["type": "boolean"]),
                    ("meetings", integer), ("person_hours", number), ("cost_pence", integer),
                    ("annual_cost_pence", integer), ("decisions", integer), ("actions", integer), ("done", integer),
                    ("overdue", integer), ("senior_share", number), ("missed_share", number), ("overlap_key", key),
                    ("overlap_name", string), ("overlap", number), ("items", integer), ("duplicated", integer),
                    ("alignment", string), ("alignment_share", number), ("terms_of_reference", string),
                    ("terms_of_reference_overdue", ["type": "boolean"])
                ],
                optional: ["senior_share", "missed_share", "overlap_key", "overlap_name", "overlap", "alignment_share"])
        ),
        (
            "Review",
            closed(
                [
                    ("id", key), ("title", string), ("status", names(ReviewStatus.allCases.map(\.rawValue))),
                    ("from", requiredDay), ("to", requiredDay), ("survey", key),
                    (
                        "recommendations",
                        list(
                            closed(
                                [
                                    ("partnership_key", key), ("proposed", choice), ("proposed_with", key),
                                    ("decided", choice), ("decided_with", key), ("rationale", string),
                                    (
                                        "reasons",
                                        list(closed([("sentence", string), ("evidence", list(ref("ReviewEvidence")))]))
                                    ),
                                    ("measures", ref("ReviewMeasures"))
                                ], optional: ["proposed_with", "decided", "decided_with", "rationale", "measures"]))
                    )
                ], optional: ["survey"])
        )
    ]
}
