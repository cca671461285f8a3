import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import SQLKit

/// One value of a row to be written: what the mapping from a domain value gives (`RowTable`), typed so that each
/// database's driver takes it without working out its type at run time.
enum ColumnValue: Sendable {
    case text(String)
    case integer(Int)
    case real(Double)
    case bool(Bool)
    case id(UUID)
    case instant(Date)
    /// A value as a Fluent model holds it, converted by the driver.
    case encodable(any Encodable & Sendable)
    case null

    /// A column's value from a domain value's field; nil is NULL.
    init(_ value: String?) { self = value.map { .text($0) } ?? .null }
    init(_ value: Int?) { self = value.map { .integer($0) } ?? .null }
    init(_ value: Double?) { self = value.map { .real($0) } ?? .null }
    init(_ value: Bool) { self = .bool(value) }
    init(_ value: UUID?) { self = value.map { .id($0) } ?? .null }

    /// The value as SQLKit binds it, which is how Fluent writes it.
    var expression: any SQLExpression {
        switch self {
        case .text(let value): SQLBind(value)
        case .integer(let value): SQLBind(value)
        case .real(let value): SQLBind(value)
        case .bool(let value): SQLBind(value)
        case .id(let value): SQLBind(value)
        case .instant(let value): SQLBind(value)
        case .encodable(let value): SQLBind(value)
        case .null: SQLLiteral.null
        }
    }

    /// The value as SQLite stores what Fluent writes: ids as their text, instants as seconds since 1970.
    var sqlite: SQLiteData {
        get throws {
            switch self {
            case .text(let value): .text(value)
            case .integer(let value): .integer(value)
            case .real(let value): .float(value)
            case .bool(let value): .integer(value ? 1 : 0)
            case .id(let value): .text(value.text)
            case .instant(let value): .float(value.timeIntervalSince1970)
            case .encodable(let value): try SQLiteDataEncoder().encode(value)
            case .null: .null
            }
        }
    }
}

extension UUID {
    /// The id as `uuidString` writes it (upper-case hexadecimal, 8-4-4-4-12), without `uuidString`'s formatting
    /// through `sprintf`, which took a tenth of the time of inserting 50,000 memberships into SQLite.
    var text: String {
        let digits = Array("0123456789ABCDEF".utf8)
        return withUnsafeBytes(of: uuid) { bytes in
            String(unsafeUninitializedCapacity: 36) { buffer in
                var n = 0
                for (i, byte) in bytes.enumerated() {
                    if i == 4 || i == 6 || i == 8 || i == 10 {
                        buffer[n] = UInt8(ascii: "-")
                        n += 1
                    }
                    buffer[n] = digits[Int(byte >> 4)]
                    buffer[n + 1] = digits[Int(byte & 0x0F)]
                    n += 2
                }
                return n
            }
        }
    }
}

/// Inserts many new rows in few statements: multi-row INSERTs of bound values. Register imports and the audit log give
/// rows mapped from domain values (`RowTable`); the demo's generated business gives Fluent models, whose fields are
/// read once each. Fluent's own batch create runs a task and the middleware chain for every record and reads each
/// model's fields twice. The statement goes straight to the database's driver with typed values: building it through
/// SQLKit and letting the driver find each value's type took two thirds of the time of inserting 50,000 rows.
enum BatchInsert {
    /// Both databases allow far more bound values in one statement (SQLite 32,766; PostgreSQL 65,535).
    static let bindsPerStatement = 30_000
    static let rowsPerStatement = 1_000

    /// Inserts `rows` into `table`, each holding a value for every one of `columns`, in their order.
    static func run(into table: String, columns: [String], rows: [[ColumnValue]], on db: any Database) async throws {
        guard !rows.isEmpty else { return }
        let perStatement = max(1, min(rowsPerStatement, bindsPerStatement / max(1, columns.count)))
        let head = "INSERT INTO \"\(table)\" (" + columns.map { "\"\($0)\"" }.joined(separator: ",") + ") VALUES "
        let sqliteRow = "(" + Array(repeating: "?", count: columns.count).joined(separator: ",") + ")"
        for start in stride(from: 0, to: rows.count, by: perStatement) {
            let chunk = rows[start..<min(start + perStatement, rows.count)]
            if let sqlite = db as? any SQLiteDatabase {
                let statement = head + Array(repeating: sqliteRow, count: chunk.count).joined(separator: ",")
                _ = try await sqlite.query(statement, try chunk.flatMap { try $0.map { try $0.sqlite } })
            } else if let postgres = db as? any PostgresDatabase, let binds = postgresBindings(chunk) {
                // PostgreSQL numbers its placeholders: $1, $2, … across the whole statement.
                let statement =
                    head
                    + (0..<chunk.count).map { row in
                        "(" + (1...columns.count).map { "$\(row * columns.count + $0)" }.joined(separator: ",") + ")"
                    }.joined(separator: ",")
                let query = PostgresQuery(unsafeSQL: statement, binds: binds)
                _ = try await postgres.withConnection { $0.query(query, logger: postgres.logger) }.get()
            } else {
                var insert = (db as! any SQLDatabase).insert(into: SQLIdentifier(table))
                    .columns(columns.map { SQLIdentifier($0) })
                for row in chunk { insert = insert.values(row.map(\.expression)) }
                try await insert.run()
            }
        }
    }

    /// The values as PostgreSQL's driver binds them, or nil when a row holds a model's value, which only SQLKit can
    /// convert as Fluent does.
    private static func postgresBindings(_ rows: ArraySlice<[ColumnValue]>) -> PostgresBindings? {
        var bindings = PostgresBindings(capacity: rows.count * (rows.first?.count ?? 0))
        for row in rows {
            for value in row {
                switch value {
                case .text(let value): bindings.append(value)
                case .integer(let value): bindings.append(value)
                case .real(let value): bindings.append(value)
                case .bool(let value): bindings.append(value)
                case .id(let value): bindings.append(value)
                case .instant(let value): bindings.append(value)
                case .null: bindings.appendNull()
                case .encodable: return nil
                }
            }
        }
        return bindings
    }

    /// Inserts `records`, none of which is stored yet: one without an id gets a new one, and the timestamps are set to
    /// `now`, the caller's clock.
    static func run<Record: Model>(_ records: [Record], at now: Date, on db: any Database) async throws
    where Record.IDValue == UUID {
        // Rows that set the same fields share a statement (a record's `fill` sets every field, so there is one).
        var byColumns: [[String]: [[ColumnValue]]] = [:]
        var order: [[String]] = []
        var ids = OrderedIDs(at: now)
        for record in records {
            if record.id == nil { record.id = ids.next() }
            let input = Input()
            record.input(to: input)
            input.stamp(now)
            let columns = input.values.map(\.key.description)
            if byColumns[columns] == nil { order.append(columns) }
            byColumns[columns, default: []].append(try input.values.map { try columnValue($0.value) })
        }
        for columns in order {
            try await run(into: Record.schema, columns: columns, rows: byColumns[columns]!, on: db)
        }
        for record in records { record._$idExists = true }
    }

    /// A value as Fluent's own SQL conversion writes it.
    private static func columnValue(_ value: DatabaseQuery.Value) throws -> ColumnValue {
        switch value {
        case .bind(let encodable): .encodable(encodable)
        case .null: .null
        case .enumCase(let name): .text(name)
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
