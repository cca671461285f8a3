import FluentKit
import Foundation
import SQLKit

/// Inserts many new rows in few statements: multi-row INSERTs of bound values. Register imports and the audit log give
/// rows mapped from domain values (`RowTable`); the demo's generated business gives Fluent models, whose fields are
/// read once each. Fluent's own batch create runs a task and the middleware chain for every record and reads each
/// model's fields twice.
enum BatchInsert {
    /// Both databases allow far more bound values in one statement (SQLite 32,766; PostgreSQL 65,535).
    static let bindsPerStatement = 30_000
    static let rowsPerStatement = 1_000

    /// Inserts `rows` into `table`, each holding a value for every one of `columns`, in their order.
    static func run(into table: String, columns: [String], rows: [[any SQLExpression]], on db: any Database)
        async throws
    {
        guard !rows.isEmpty else { return }
        let sql = db as! any SQLDatabase
        let perStatement = max(1, min(rowsPerStatement, bindsPerStatement / max(1, columns.count)))
        let identifiers = columns.map { SQLIdentifier($0) }
        for start in stride(from: 0, to: rows.count, by: perStatement) {
            var insert = sql.insert(into: SQLIdentifier(table)).columns(identifiers)
            for row in rows[start..<min(start + perStatement, rows.count)] { insert = insert.values(row) }
            try await insert.run()
        }
    }

    /// Inserts `records`, none of which is stored yet: one without an id gets a new one, and the timestamps are set to
    /// `now`, the caller's clock.
    static func run<Record: Model>(_ records: [Record], at now: Date, on db: any Database) async throws
    where Record.IDValue == UUID {
        // Rows that set the same fields share a statement (a record's `fill` sets every field, so there is one).
        var byColumns: [[String]: [[any SQLExpression]]] = [:]
        var order: [[String]] = []
        var ids = OrderedIDs(at: now)
        for record in records {
            if record.id == nil { record.id = ids.next() }
            let input = Input()
            record.input(to: input)
            input.stamp(now)
            let columns = input.values.map(\.key.description)
            if byColumns[columns] == nil { order.append(columns) }
            byColumns[columns, default: []].append(try input.values.map { try expression($0.value) })
        }
        for columns in order {
            try await run(into: Record.schema, columns: columns, rows: byColumns[columns]!, on: db)
        }
        for record in records { record._$idExists = true }
    }

    /// A value as Fluent's own SQL conversion writes it.
    private static func expression(_ value: DatabaseQuery.Value) throws -> any SQLExpression {
        switch value {
        case .bind(let encodable): SQLBind(encodable)
        case .null: SQLLiteral.null
        case .enumCase(let name): SQLLiteral.string(name)
        case .default, .dictionary, .array, .custom: throw Unsupported(value: "\(value)")
        }
    }

    struct Unsupported: Error, CustomStringConvertible {
        var value: String
        var description: String { "A batch insert cannot write \(value); insert such records one by one" }
    }

    /// The fields a record sets, in the order its model declares them. The created and updated times are set here
    /// rather than on the model: reading a model's properties is reflection, which a large import cannot afford twice.
    private final class Input: DatabaseInput {
        var values: [(key: FieldKey, value: DatabaseQuery.Value)] = []
        static let stamps: [FieldKey] = ["created_at", "updated_at"]
        let wantsUnmodifiedKeys = true

        /// Fields never set are `.default`: the created and updated times get `now`, the rest their column's default.
        func stamp(_ now: Date) {
            for i in values.indices {
                guard case .default = values[i].value else { continue }
                if Self.stamps.contains(values[i].key) { values[i].value = .bind(now) }
            }
            values.removeAll { if case .default = $0.value { true } else { false } }
        }

        func set(_ value: DatabaseQuery.Value, at key: FieldKey) {
            if let i = values.firstIndex(where: { $0.key == key }) {
                values[i].value = value
            } else {
                values.append((key, value))
            }
        }
    }
}
