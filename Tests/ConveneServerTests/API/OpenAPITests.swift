import Foundation
import Testing
import VaporTesting

@testable import ConveneServer

@Suite struct OpenAPITests {
    /// Every /api/v1 route is in the document, and the document names no route that does not exist.
    @Test func documentAndRoutesAgree() async throws {
        try await withConveneApp { app in
            // Setup
            let routes = Set(
                app.routes.all.compactMap { route -> String? in
                    let path =
                        "/"
                        + route.path.map { component -> String in
                            switch component {
                            case .parameter(let name): "{\(name)}"
                            default: component.description
                            }
                        }.joined(separator: "/")
                    return path.hasPrefix("/api/v1/") ? "\(route.method.rawValue) \(path)" : nil
                })

            // Act
            let response = try await app.send(.GET, "/api/v1/openapi.json")
            let document = try response.json()
            let paths = document["paths"] as? [String: [String: Any]] ?? [:]
            var documented: Set<String> = []
            for (path, item) in paths {
                for method in item.keys where ["get", "post", "put", "patch", "delete"].contains(method) {
                    documented.insert("\(method.uppercased()) \(path)")
                }
            }

            // Check
            #expect(response.status == .ok)
            #expect(document["openapi"] as? String == "3.1.0")
            #expect(routes.count > 20)
            #expect(routes.subtracting(documented).sorted() == [], "routes missing from the OpenAPI document")
            #expect(documented.subtracting(routes).sorted() == [], "documented operations with no route")
        }
    }

    /// The served document keeps OpenAPI's own key names, and every $ref points at a schema it serves.
    @Test func referencesResolveInTheServedDocument() async throws {
        try await withConveneApp { app in
            // Setup
            let response = try await app.send(.GET, "/api/v1/openapi.json")
            let document = try response.json()
            let schemas = Set(((document["components"] as? [String: Any])?["schemas"] as? [String: Any] ?? [:]).keys)

            // Act
            let regex = try Regex("#/components/schemas/([A-Za-z]+)")
            let referenced = Set(
                response.text.matches(of: regex).compactMap { $0.output[1].substring.map(String.init) })

            // Check
            #expect(response.text.contains("\"operationId\""))
            #expect(response.text.contains("\"requestBody\""))
            #expect(schemas.contains("Partnership"))
            #expect(referenced.count >= 8)
            #expect(referenced.subtracting(schemas).isEmpty)
        }
    }
}
