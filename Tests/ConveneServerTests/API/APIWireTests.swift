import Foundation
import Testing
import VaporTesting

@testable import ConveneServer

/// The OpenAPI document and the API's wire types agree: for each operation, the documented request body's and
/// response body's properties are exactly the wire type's fields, so a field added to one and not the other fails.
@Suite struct APIWireTests {
    enum Body {
        case none
        case one([String])
        case page([String])
    }

    static func resource<R: APIResource>(_ type: R.Type) -> [String: (request: [String]?, response: Body)] {
        let path = R.path
        return [
            "list-\(path)": (nil, .page(R.ResponseBody.wireKeys)),
            "create-\(path)": (R.NewBody.wireKeys, .one(R.ResponseBody.wireKeys)),
            "get-\(path)": (nil, .one(R.ResponseBody.wireKeys)),
            "update-\(path)": (R.PatchBody.wireKeys, .one(R.ResponseBody.wireKeys)),
            "delete-\(path)": (nil, .none)
        ]
    }

    /// Every operation of the register, by its operationId: its request's and its response's wire type.
    static let operations: [String: (request: [String]?, response: Body)] = {
        var table = resource(AreasResource.self)
        for part in [
            resource(OrganisationsResource.self), resource(PersonsResource.self),
            resource(PartnershipsResource.self), resource(MembershipsResource.self)
        ] {
            table.merge(part) { a, _ in a }
        }
        let partnership = PartnershipResponse.wireKeys
        let relation = PartnershipRelationResponse.wireKeys
        let terms = TermsOfReferenceResponse.wireKeys
        table.merge([
            "end-partnership": (EndPartnershipRequest.wireKeys, .one(partnership)),
            "end-membership": (EndMembershipRequest.wireKeys, .one(MembershipResponse.wireKeys)),
            "publish-partnership": (nil, .one(PublishingResponse.wireKeys)),
            "unpublish-partnership": (nil, .one(PublishingResponse.wireKeys)),
            "list-partnership-relations": (nil, .page(relation)),
            "create-partnership-relation": (NewPartnershipRelation.wireKeys, .one(relation)),
            "delete-partnership-relation": (nil, .none),
            "list-terms-of-reference": (nil, .page(terms)),
            "create-terms-of-reference": (NewTermsOfReference.wireKeys, .one(terms)),
            "get-terms-of-reference": (nil, .one(terms)),
            "update-terms-of-reference": (TermsOfReferencePatch.wireKeys, .one(terms)),
            "delete-terms-of-reference": (nil, .none)
        ]) { a, _ in a }
        return table
    }()

    /// Every operation of a board's business, by its operationId.
    static let meetingOperations: [String: (request: [String]?, response: Body)] = {
        let meeting = MeetingResponse.wireKeys
        let detail = MeetingDetailResponse.wireKeys
        let action = ActionResponse.wireKeys
        return [
            "list-meetings": (nil, .page(meeting)),
            "create-meeting": (NewMeeting.wireKeys, .one(meeting)),
            "schedule-series": (NewSeries.wireKeys, .one(SeriesScheduledResponse.wireKeys)),
            // The calendar takes a text/calendar body, not JSON.
            "import-calendar": (nil, .one(CalendarImportResponse.wireKeys)),
            "get-meeting": (nil, .one(detail)),
            "record-attendance": (RecordAttendanceRequest.wireKeys, .one(detail)),
            "add-agenda-item": (NewAgendaItem.wireKeys, .one(detail)),
            "edit-minutes": (MinutesTextRequest.wireKeys, .one(detail)),
            "approve-minutes": (ApproveMinutesRequest.wireKeys, .one(detail)),
            "lock-minutes": (nil, .one(detail)),
            "add-addendum": (MinutesTextRequest.wireKeys, .one(detail)),
            "list-actions": (nil, .page(action)),
            "create-action": (NewAction.wireKeys, .one(action)),
            "update-action": (ActionUpdateRequest.wireKeys, .one(action)),
            "my-meetings": (nil, .one(MyMeetingsResponse.wireKeys)),
            "my-actions": (nil, .page(action))
        ]
    }()

    /// The document's operations by operationId, from the given paths.
    static func operationsOf(_ paths: [(String, JSONValue)]) -> [String: JSONValue] {
        var found: [String: JSONValue] = [:]
        for (_, item) in paths {
            for method in ["get", "post", "put", "patch", "delete"] {
                if let operation = item[method], case .string(let id)? = operation["operationId"] {
                    found[id] = operation
                }
            }
        }
        return found
    }

    /// A schema with its `$ref` followed to the component it names.
    static func resolved(_ schema: JSONValue?) -> JSONValue? {
        guard let schema else { return nil }
        guard case .string(let ref)? = schema["$ref"] else { return schema }
        let name = String(ref.dropFirst("#/components/schemas/".count))
        guard case .object(let components)? = OpenAPIDocument.document["components"]?["schemas"] else { return nil }
        return components.first { $0.0 == name }?.1
    }

    static func properties(_ schema: JSONValue?) -> [String] { (resolved(schema)?["properties"]?.keys ?? []).sorted() }

    @Test func everyRegisterOperationHasItsWireTypes() {
        // Setup: the meetings' operations are below; the analyses' are held to their JSON by scripts/check-api-schemas.
        let all = Self.operationsOf(OpenAPIDocument.paths)
        let elsewhere: Set = ["openapi", "list-public-partnerships", "get-public-partnership"]

        // Act
        let register = Set(all.keys).subtracting(elsewhere)

        // Check
        #expect(register.subtracting(Self.operations.keys).sorted() == [], "operations with no wire type in the test")
        #expect(Set(Self.operations.keys).subtracting(register).sorted() == [], "wire types of no documented operation")
    }

    @Test func everyMeetingOperationHasItsWireTypes() {
        // Act
        let documented = Set(Self.operationsOf(OpenAPIDocument.meetingPaths).keys)

        // Check
        #expect(documented.subtracting(Self.meetingOperations.keys).sorted() == [], "operations with no wire type")
        #expect(Set(Self.meetingOperations.keys).subtracting(documented).sorted() == [], "wire types of nothing")
    }

    @Test(arguments: [false, true]) func documentedBodiesAreTheWireTypes(meetings: Bool) {
        // Setup
        let all = Self.operationsOf(meetings ? OpenAPIDocument.meetingPaths : OpenAPIDocument.paths)
        let table = meetings ? Self.meetingOperations : Self.operations

        for (id, expected) in table.sorted(by: { $0.key < $1.key }) {
            // Act
            guard let operation = all[id] else { Issue.record("\(id) is not documented"); continue }
            let body = operation["requestBody"]?["content"]?["application/json"]?["schema"]
            let success = operation["responses"]?.keys.first { $0.hasPrefix("2") }
            let response = success.flatMap { operation["responses"]?[$0]?["content"]?["application/json"]?["schema"] }

            // Check
            #expect(Self.properties(body) == (expected.request ?? []).sorted(), "\(id): request body")
            switch expected.response {
            case .none:
                #expect(response == nil, "\(id): no response body")
            case .one(let keys):
                #expect(Self.properties(response) == keys.sorted(), "\(id): response body")
            case .page(let keys):
                #expect(Self.properties(response) == Page<Int>.wireKeys.sorted(), "\(id): a page")
                #expect(
                    Self.properties(Self.resolved(response)?["properties"]?["items"]?["items"]) == keys.sorted(),
                    "\(id): the page's items")
            }
        }
    }

    @Test func snakeCaseIsTheEncodersOwn() throws {
        // Setup
        let value = PartnershipResponse(.init(key: "a", name: "A", type: .combatingDrugsPartnership))

        // Act
        let data = try JSONEncoder.api.encode(value)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]

        // Check: the fields left out are the optional ones with no value.
        #expect(Set(object.keys).isSubset(of: Set(PartnershipResponse.wireKeys)))
        #expect(object.keys.contains("pcc_roles") && object.keys.contains("is_demo"))
    }

    /// A typed PATCH: a field left out is kept, null clears an optional field, null for a required field or a
    /// new key is refused, each as before.
    @Test func aPatchIsAppliedFieldByField() async throws {
        try await withConveneApp { app in
            // Setup
            _ = try await app.send(
                .POST, "/api/v1/organisations",
                json: #"{"key":"opcc","name":"OPCC","sector":"policing-governance"}"#)
            _ = try await app.send(
                .POST, "/api/v1/persons",
                json: #"{"key":"ann","name":"Ann","role_title":"Chair","organisation_key":"opcc"}"#)

            // Act
            let cleared = try await app.send(.PATCH, "/api/v1/persons/ann", json: #"{"role_title":null}"#)
            let nameless = try await app.send(.PATCH, "/api/v1/persons/ann", json: #"{"name":null}"#)
            let rekeyed = try await app.send(.PATCH, "/api/v1/persons/ann", json: #"{"key":"bob"}"#)
            let notAnObject = try await app.send(.PATCH, "/api/v1/persons/ann", json: "[]")

            // Check
            let person = try cleared.json()
            #expect(cleared.status == .ok && person["role_title"] == nil)
            #expect(person["organisation_key"] as? String == "opcc")
            #expect(nameless.status == .unprocessableEntity && nameless.text.contains("This field is required"))
            #expect(rekeyed.status == .unprocessableEntity && rekeyed.text.contains("The identifier cannot be changed"))
            #expect(notAnObject.status == .badRequest)
        }
    }
}
