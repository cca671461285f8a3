import Fluent

extension QueryBuilder {
    /// The rows this query picks whose `field` is one of `values`, a thousand values to a statement (a database
    /// takes only so many parameters), and none asked for when there are no values.
    func all<Field: QueryableProperty>(
        _ field: KeyPath<Model, Field>, in values: some Collection<Field.Value>
    ) async throws -> [Model] where Field.Model == Model {
        let values = Array(values)
        var rows: [Model] = []
        for start in stride(from: 0, to: values.count, by: 1_000) {
            rows += try await copy().filter(field ~~ Array(values[start..<Swift.min(start + 1_000, values.count)]))
                .all()
        }
        return rows
    }
}
