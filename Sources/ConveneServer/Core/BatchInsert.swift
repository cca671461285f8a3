import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import NIOCore
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

/// Inserts many new rows in few statements. Register imports and the audit log give rows mapped from domain values
/// (`RowTable`); the demo's generated business gives Fluent models, whose fields are read once each. Fluent's own batch
/// create runs a task and the middleware chain for every record and reads each model's fields twice. The statement
/// goes straight to the database's driver with typed values: building it through SQLKit and letting the driver find
/// each value's type took two thirds of the time of inserting 50,000 rows.
///
/// SQLite gets multi-row INSERTs of bound values. PostgreSQL gets each column as one array, unnested into rows
/// (`INSERT … SELECT … FROM unnest($1, $2, …)`): a statement of a few binds that the server parses and plans once,
/// where a VALUES list of 15,000 binds cost it more than the rows' own foreign-key checks.
enum BatchInsert {
    /// SQLite allows 32,766 bound values in one statement.
    static let bindsPerStatement = 30_000
    static let rowsPerStatement = 1_000
    /// PostgreSQL's arrays have no such limit; this bounds the memory a statement holds.
    static let rowsPerPostgresStatement = 10_000

    /// Inserts `rows` into `table`, each holding a value for every one of `columns`, in their order.
    static func run(into table: String, columns: [String], rows: [[ColumnValue]], on db: any Database) async throws {
        let names = columns.map { "\"\($0)\"" }.joined(separator: ",")
        let head = "INSERT INTO \"\(table)\" (\(names)) "
        let perStatement = max(1, min(rowsPerStatement, bindsPerStatement / max(1, columns.count)))
        if let postgres = db as? any PostgresDatabase {
            for chunk in rows.chunks(of: rowsPerPostgresStatement) {
                if let arrays = ColumnArray.columns(of: chunk, count: columns.count) {
                    try await insert(arrays, head: head, on: postgres)
                } else {
                    for part in chunk.chunks(of: perStatement) {
                        try await insertThroughSQLKit(part, into: table, columns: columns, on: db)
                    }
                }
            }
        } else if let sqlite = db as? any SQLiteDatabase {
            let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ",") + ")"
            for chunk in rows.chunks(of: perStatement) {
                let statement = head + "VALUES " + Array(repeating: row, count: chunk.count).joined(separator: ",")
                _ = try await sqlite.query(statement, try chunk.flatMap { try $0.map { try $0.sqlite } })
            }
        } else {
            for chunk in rows.chunks(of: perStatement) {
                try await insertThroughSQLKit(chunk, into: table, columns: columns, on: db)
            }
        }
    }

    /// One statement for PostgreSQL: a column with no value at all is NULL in the select list, which the server
    /// types as the table's column; the others are unnested side by side.
    private static func insert(_ arrays: [ColumnArray?], head: String, on postgres: any PostgresDatabase) async throws {
        var bindings = PostgresBindings(capacity: arrays.count)
        var select: [String] = []
        for array in arrays {
            guard let array else {
                select.append("NULL")
                continue
            }
            bindings.append(array)
            select.append("c\(bindings.count)")
        }
        let unnested = (1...max(1, bindings.count)).map { "$\($0)" }.joined(separator: ",")
        let aliases = (1...max(1, bindings.count)).map { "c\($0)" }.joined(separator: ",")
        let statement = head + "SELECT " + select.joined(separator: ",") + " FROM unnest(\(unnested)) AS u(\(aliases))"
        let query = PostgresQuery(unsafeSQL: statement, binds: bindings)
        _ = try await postgres.withConnection { $0.query(query, logger: postgres.logger) }.get()
    }

    /// Rows holding a model's value, which only SQLKit can convert as Fluent does, and any other database.
    private static func insertThroughSQLKit(
        _ rows: ArraySlice<[ColumnValue]>, into table: String, columns: [String], on db: any Database
    ) async throws {
        var insert = (db as! any SQLDatabase).insert(into: SQLIdentifier(table)).columns(
            columns.map { SQLIdentifier($0) })
        for row in rows { insert = insert.values(row.map(\.expression)) }
        try await insert.run()
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

extension Collection {
    /// The collection cut into consecutive pieces of `size` elements, the last perhaps fewer.
    func chunks(of size: Int) -> [SubSequence] {
        stride(from: 0, to: count, by: size).map { offset in
            let start = index(startIndex, offsetBy: offset)
            return self[start..<(index(start, offsetBy: size, limitedBy: endIndex) ?? endIndex)]
        }
    }
}

/// One column of a batch as a PostgreSQL array of its values' type, NULLs included (the driver's own arrays hold no
/// NULLs). Each element is written by the driver's encoding of its type; this writes only the array's header and each
/// element's length, as the protocol lays out a one-dimensional array.
struct ColumnArray: PostgresDynamicTypeEncodable {
    let element: PostgresDataType
    let values: [ColumnValue]

    var psqlType: PostgresDataType {
        switch element {
        case .text: .textArray
        case .int8: .int8Array
        case .float8: .float8Array
        case .bool: .boolArray
        case .uuid: .uuidArray
        default: .timestamptzArray
        }
    }
    var psqlFormat: PostgresFormat { .binary }

    /// The columns of `rows` as arrays, nil for a column with no value in any row; nil in all when a column holds
    /// values of two types or a model's value.
    static func columns(of rows: ArraySlice<[ColumnValue]>, count: Int) -> [ColumnArray?]? {
        var arrays: [ColumnArray?] = []
        for column in 0..<count {
            var element: PostgresDataType?
            for row in rows {
                if case .encodable = row[column] { return nil }
                guard let type = type(of: row[column]) else { continue }
                if element == nil { element = type } else if element != type { return nil }
            }
            arrays.append(element.map { ColumnArray(element: $0, values: rows.map { $0[column] }) })
        }
        return arrays
    }

    /// A value's element type; nil for NULL and a model's value.
    private static func type(of value: ColumnValue) -> PostgresDataType? {
        switch value {
        case .text: .text
        case .integer: .int8
        case .real: .float8
        case .bool: .bool
        case .id: .uuid
        case .instant: .timestamptz
        case .encodable, .null: nil
        }
    }

    func encode<JSONEncoder: PostgresJSONEncoder>(
        into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>
    ) {
        buffer.writeInteger(1, as: Int32.self)  // dimensions
        buffer.writeInteger(values.contains { if case .null = $0 { true } else { false } } ? 1 : 0, as: Int32.self)
        buffer.writeInteger(element.rawValue)
        buffer.writeInteger(Int32(values.count))
        buffer.writeInteger(1, as: Int32.self)  // the first index
        for value in values {
            let start = buffer.writerIndex
            buffer.writeInteger(0, as: Int32.self)
            switch value {
            case .text(let value): value.encode(into: &buffer, context: context)
            case .integer(let value): value.encode(into: &buffer, context: context)
            case .real(let value): value.encode(into: &buffer, context: context)
            case .bool(let value): value.encode(into: &buffer, context: context)
            case .id(let value): value.encode(into: &buffer, context: context)
            case .instant(let value): value.encode(into: &buffer, context: context)
            case .encodable, .null:
                buffer.setInteger(-1, at: start, as: Int32.self)
                continue
            }
            buffer.setInteger(Int32(buffer.writerIndex - start - 4), at: start, as: Int32.self)
        }
    }
}
