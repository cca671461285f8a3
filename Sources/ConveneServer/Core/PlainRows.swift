import Fluent
import FluentSQL
import SQLKit

/// Fluent reads each row into its model through reflection, which costs a list page most of its time. A read that
/// only shows some values builds its query with Fluent as every other (the workspace's filter, the filters, sorts and
/// range, in each database's own SQL) and reads just those columns as plain `Decodable` rows.
extension QueryBuilder {
    /// The `columns` of the rows this query picks, as `Row`s whose coding keys are the columns' names.
    func plainRows<Row: Decodable>(_ type: Row.Type, _ columns: [String]) async throws -> [Row] {
        var query = self.query
        query.fields = columns.map { .extendedPath([FieldKey(stringLiteral: $0)], schema: Model.schema, space: nil) }
        let fetch = Fetch(
            query: SQLQueryConverter(delegate: PlainSQL()).convert(query), database: database as! any SQLDatabase)
        return try await fetch.all(decoding: Row.self, prefix: Model.schema + "_")
    }
}

private final class Fetch: SQLQueryFetcher {
    let query: any SQLExpression
    let database: any SQLDatabase
    init(query: any SQLExpression, database: any SQLDatabase) {
        self.query = query
        self.database = database
    }
}

/// Reads need nothing of a driver's own conversions (they are for making tables).
private struct PlainSQL: SQLConverterDelegate {
    func customDataType(_ dataType: DatabaseSchema.DataType) -> (any SQLExpression)? { nil }
}
