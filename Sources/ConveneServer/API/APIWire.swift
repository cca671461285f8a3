import Foundation
import Vapor

/// A request or response body of the JSON API, typed: its fields are its coding keys, which the API's encoder
/// and decoder write in snake_case. A test holds each one to the schema the OpenAPI document gives it.
protocol WireType {
    associatedtype CodingKeys: CodingKey & CaseIterable
}

extension WireType {
    /// The field names on the wire: "pcc_roles", "is_demo".
    static var wireKeys: [String] { CodingKeys.allCases.map { snakeCase($0.stringValue) } }
}

/// The API encoder's key conversion for the names used here (no acronyms, no digits).
func snakeCase(_ name: String) -> String {
    name.reduce(into: "") { out, c in
        if c.isUppercase { out += "_" + c.lowercased() } else { out.append(c) }
    }
}

/// A field of a PATCH body: left out (keep the stored value), null (clear it), or a new value.
enum Change<Value: Decodable & Sendable>: Sendable {
    case keep, clear, set(Value)

    /// An optional field: null clears it.
    func applied(to value: Value?) -> Value? {
        switch self {
        case .keep: value
        case .clear: nil
        case .set(let new): new
        }
    }
}

extension KeyedDecodingContainer {
    func change<V: Decodable & Sendable>(_ key: Key) throws -> Change<V> {
        guard contains(key) else { return .keep }
        if try decodeNil(forKey: key) { return .clear }
        return .set(try decode(V.self, forKey: key))
    }

    /// A field that may be left out but not cleared: null is refused as a missing required field is.
    func required<V: Decodable & Sendable>(_ key: Key) throws -> V? {
        switch try change(key) as Change<V> {
        case .keep: return nil
        case .set(let value): return value
        case .clear:
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "null"))
        }
    }
}

enum APIRequest {
    /// The body as a JSON object (else a bad request, as for any body that is not one), decoded as `T`.
    /// `droppingNulls`: a create treats a field given as null as left out.
    static func decode<T: Decodable>(_ type: T.Type, _ req: Request, droppingNulls: Bool = false) throws -> T {
        var object = try APIResponse.object(from: req)
        if droppingNulls { object = object.filter { !($0.value is NSNull) } }
        return try JSONDecoder.api.decode(T.self, from: JSONSerialization.data(withJSONObject: object))
    }
}

/// A keyed resource's record as a GET gives it, made from the domain's value.
protocol ResourceResponse: Encodable, Sendable, WireType {
    associatedtype Value
    init(_ value: Value)
}

/// A keyed resource's create body, made into the domain's value (defaults filled in).
protocol ResourceNew: Decodable, WireType {
    associatedtype Value
    var value: Value { get }
}

/// A keyed resource's PATCH body, applied field by field to the stored value.
protocol ResourcePatch: Decodable, WireType {
    associatedtype Value
    /// The key or code the body gives, which must be the stored one.
    var identifier: String? { get }
    func applied(to stored: Value) -> Value
}
