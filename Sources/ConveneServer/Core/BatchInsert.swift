import FluentKit
import Foundation
import SQLKit

/// Inserts many new records in few statements: each record's fields as its model holds them (set by its `fill`, the
/// one mapping from the domain), sent as multi-row INSERTs of bound values. Fluent's own batch create runs a task and
/// the middleware chain for every record and reads each model's fields twice; this writes the same rows directly.
enum BatchInsert {
    /// Both databases allow far more bound values in one statement (SQLite 32,766; PostgreSQL 65,535).
    static let bindsPerStatement = 30_000
    static let rowsPerStatement = 1_000

    /// Inserts `records`, none of which is stored yet: one without an id gets a new one, and the timestamps are set to
    /// `now`, the caller's clock.
    static func run<Record: Model>(_ records: [Record], at now: Date, on db: any Database) async throws
    where Record.IDValue == UUID {
        guard !records.isEmpty else { return }
        guard let sql = db as? any SQLDatabase else {
            try await records.create(on: db)
            return
        }
        // Rows that set the same fields share a statement (a record's `fill` sets every field, so there is one).
        var byColumns: [[FieldKey]: [[any SQLExpression]]] = [:]
        var order: [[FieldKey]] = []
        for record in records {
            if record.id == nil { record.id = UUID() }
            let input = Input()
            record.input(to: input)
            input.stamp(now)
            let columns = input.values.map(\.key)
            if byColumns[columns] == nil { order.append(columns) }
            byColumns[columns, default: []].append(try input.values.map { try expression($0.value) })
        }
        for columns in order {
            let rows = byColumns[columns]!
            let perStatement = max(1, min(rowsPerStatement, bindsPerStatement / max(1, columns.count)))
            for start in stride(from: 0, to: rows.count, by: perStatement) {
                var insert = sql.insert(into: SQLIdentifier(Record.schema))
                    .columns(columns.map { SQLIdentifier($0.description) })
                for row in rows[start..<min(start + perStatement, rows.count)] { insert = insert.values(row) }
                try await insert.run()
            }
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
