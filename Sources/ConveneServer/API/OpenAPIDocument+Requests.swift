import ConveneDomain

/// The request bodies of PATCH and of a new version of terms of reference, derived from the records' schemas
/// (the same fields, none required), and the schemas of publishing and of the public API.
extension OpenAPIDocument {
    /// The record's schema `name` without the `dropped` fields, and none of the others required.
    static func partial(_ name: String, dropping dropped: Set<String> = []) -> JSONValue {
        guard let schema = schemas.first(where: { $0.0 == name })?.1,
            case .object(let properties)? = schema["properties"]
        else { preconditionFailure("no schema \(name)") }
        return object(properties.filter { !dropped.contains($0.0) }, required: [])
    }

    static let publicPartnership: JSONValue = {
        let member = object(
            [
                ("role", string), ("name", string), ("role_title", string), ("organisation", string),
                ("declared_interests", ["type": "array", "items": string])
            ],
            required: ["role"])
        return object(
            [
                ("workspace", key), ("key", key), ("name", string), ("type", vocabulary(PartnershipType.self)),
                ("status", vocabulary(PartnershipStatus.self)), ("started_on", requiredDay), ("ended_on", requiredDay),
                ("statutory_basis", string), ("purpose", string), ("themes", ["type": "array", "items": string]),
                ("pcc_roles", ["type": "array", "items": vocabulary(PCCRole.self)]),
                ("meeting_frequency", vocabulary(MeetingFrequency.self)), ("force_area_code", onsCode),
                ("members", ["type": "array", "items": member])
            ], required: ["workspace", "key", "name", "type", "status", "themes", "pcc_roles"])
    }()

    static let requestSchemas: [(String, JSONValue)] =
        ["Area", "Organisation", "Person", "Partnership", "Membership"].map { ("\($0)Patch", partial($0)) } + [
            ("NewTermsOfReference", partial("TermsOfReference", dropping: ["partnership_key"])),
            ("TermsOfReferencePatch", partial("TermsOfReference", dropping: ["partnership_key", "version"])),
            (
                "Publishing",
                object(
                    [("key", key), ("published", ["type": "string", "enum": ["yes", "no"]])],
                    required: ["key", "published"])
            ),
            ("PublicPartnership", publicPartnership)
        ]
}
