import ConveneDomain
import Fluent
import FluentPostgresDriver
import Foundation
import SQLKit

/// The whole database to one `BackupFile` and back, on either kind: every workspace, account, audit event, meeting
/// and setting. Sessions are left out (a restore signs everyone out), so are the kept pages (worked out again from
/// the records) and the migrations' own log (the target runs the same migrations itself).
enum Backups {
    static let skipped: Set<String> = [MigrationLog.schema, "_fluent_sessions", KeptPageRecord.schema]

    /// A table as the database describes it: its columns' logical types and the types it stores them as.
    struct TableShape {
        var name: String
        var columns: [(name: String, type: BackupFile.ColumnType, stored: String)]
        /// The tables its foreign keys point to.
        var parents: Set<String>
    }

    // MARK: Backing up

    /// Reads every table in one read-only transaction, so that a backup taken while the server runs is one moment's
    /// state: on SQLite the read transaction's snapshot (write-ahead logging lets writers go on), on PostgreSQL a
    /// repeatable-read transaction.
    static func make(on db: Database) async throws -> BackupFile {
        try await db.transaction { db in
            let sql = db as! any SQLDatabase
            if sql.dialect.name != "sqlite" {
                try await sql.raw("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY").run()
            }
            var tables: [BackupFile.Table] = []
            for shape in try await shapes(sql) {
                let columns = shape.columns.sorted { $0.name < $1.name }
                let list = SQLList(columns.map { SQLIdentifier($0.name) })
                let rows = try await sql.raw("SELECT \(list) FROM \(ident: shape.name)").all()
                tables.append(
                    BackupFile.Table(
                        name: shape.name, columns: columns.map { BackupFile.Column($0.name, $0.type) },
                        rows: try rows.map { row in try columns.map { try value(row, $0.name, $0.type, $0.stored) } }))
            }
            return BackupFile(migrations: try await ranMigrations(sql), tables: tables)
        }
    }

    private static func value(_ row: any SQLRow, _ column: String, _ type: BackupFile.ColumnType, _ stored: String)
        throws -> BackupFile.Value
    {
        if try row.decodeNil(column: column) { return .null }
        switch type {
        case .id: return .text(try row.decode(column: column, as: UUID.self).uuidString)
        case .text, .json: return .text(try row.decode(column: column, as: String.self))
        case .integer:
            if stored == "boolean" { return .integer(try row.decode(column: column, as: Bool.self) ? 1 : 0) }
            return .integer(try row.decode(column: column, as: Int64.self))
        case .real: return .real(try row.decode(column: column, as: Double.self))
        case .instant:
            let date = try row.decode(column: column, as: Date.self)
            return .integer(Int64((date.timeIntervalSince1970 * 1_000_000).rounded()))
        case .bytes: return .text(try row.decode(column: column, as: Data.self).base64EncodedString())
        }
    }

    // MARK: Restoring

    struct Restored: Sendable {
        var tables: Int
        var rows: Int
    }

    /// Loads a backup into this database in one transaction: all of it or, if anything is wrong, nothing. The
    /// database must hold nothing but what its migrations made, unless `replacing`, when what it holds is removed
    /// first (in the same transaction).
    static func restore(_ file: BackupFile, replacing: Bool, on db: Database) async throws -> Restored {
        let sql = db as! any SQLDatabase
        let ran = try await ranMigrations(sql)
        guard file.migrations == ran else {
            throw BackupProblem(
                "The backup was made by a Convene whose database had \(file.migrations.count) migrations; this one has "
                    + "\(ran.count). Restore it with the same version of Convene that made it.")
        }
        let shapes = Dictionary(uniqueKeysWithValues: try await shapes(sql).map { ($0.name, $0) })
        for table in file.tables {
            guard let shape = shapes[table.name] else {
                throw BackupProblem("The backup has a table, \(table.name), that this database does not")
            }
            let ours = Set(shape.columns.map { "\($0.name):\($0.type)" })
            let theirs = Set(table.columns.map { "\($0.name):\($0.type)" })
            guard ours == theirs else {
                throw BackupProblem("The table \(table.name) has other columns in the backup than in this database")
            }
        }
        let order = try insertOrder(Array(shapes.values))
        return try await db.transaction { db in
            let sql = db as! any SQLDatabase
            if sql.dialect.name == "sqlite" {
                // The one write lock, taken before anything is read (see `Scope.transaction`).
                try await sql.raw("UPDATE workspaces SET key = key WHERE 0").run()
            } else {
                try await sql.raw("LOCK TABLE workspaces IN EXCLUSIVE MODE").run()
            }
            let held = try await heldRows(sql, tables: order)
            if !held.isEmpty && !replacing {
                throw BackupProblem(
                    "This database is not empty (it holds \(held.joined(separator: ", "))); restore into an empty "
                        + "one, or say --replace to remove what it holds first")
            }
            for table in order.reversed() + ["_fluent_sessions"] {
                try await sql.raw("DELETE FROM \(ident: table)").run()
            }
            let tables = Dictionary(uniqueKeysWithValues: file.tables.map { ($0.name, $0) })
            var rows = 0
            for name in order {
                guard let table = tables[name], !table.rows.isEmpty, let shape = shapes[name] else { continue }
                let stored = Dictionary(uniqueKeysWithValues: shape.columns.map { ($0.name, $0.stored) })
                let converters = table.columns.map { column in
                    converter(column.type, stored: stored[column.name] ?? "", postgres: sql.dialect.name != "sqlite")
                }
                let values = try table.rows.enumerated().map { index, row in
                    try zip(row, converters).enumerated().map { at, pair in
                        guard let value = pair.1(pair.0) else {
                            throw BackupProblem(
                                "Row \(index + 1) of \(name) has a value for \(table.columns[at].name) that is not "
                                    + "\(table.columns[at].type)")
                        }
                        return value
                    }
                }
                try await BatchInsert.run(into: name, columns: table.columns.map(\.name), rows: values, on: db)
                rows += values.count
            }
            return Restored(tables: file.tables.count, rows: rows)
        }
    }

    /// How a value of the file becomes a value of this database's column; nil when it cannot.
    private static func converter(_ type: BackupFile.ColumnType, stored: String, postgres: Bool)
        -> @Sendable (BackupFile.Value) -> ColumnValue?
    {
        { value in
            if value == .null { return .null }
            switch (type, value) {
            case (.id, .text(let text)): return UUID(uuidString: text).map { .id($0) }
            case (.text, .text(let text)), (.json, .text(let text)): return .text(text)
            case (.integer, .integer(let integer)):
                return stored == "boolean" ? .bool(integer != 0) : .integer(Int(integer))
            case (.real, .real(let real)): return .real(real)
            case (.real, .integer(let integer)): return .real(Double(integer))
            case (.instant, .integer(let microseconds)):
                // PostgreSQL's driver truncates an instant to whole microseconds: half a microsecond more lands it
                // on the one the file holds, whatever the rounding of the seconds on the way.
                let offset = postgres ? 0.5 : 0
                return .instant(Date(timeIntervalSince1970: (Double(microseconds) + offset) / 1_000_000))
            case (.bytes, .text(let text)): return Data(base64Encoded: text).map { .encodable($0) }
            default: return nil
            }
        }
    }

    // MARK: The database's own description

    private static func ranMigrations(_ sql: any SQLDatabase) async throws -> [String] {
        let names = try await sql.raw("SELECT name FROM \(ident: MigrationLog.schema)").all().map {
            try $0.decode(column: "name", as: String.self)
        }
        // In the order this build runs them (the log's own order is by batch, and a batch's are at one time).
        let known = Migrations.all.map(\.name)
        return known.filter(names.contains) + names.filter { !known.contains($0) }.sorted()
    }

    private static func shapes(_ sql: any SQLDatabase) async throws -> [TableShape] {
        if sql.dialect.name == "sqlite" {
            let names = try await sql.raw(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            ).all().map { try $0.decode(column: "name", as: String.self) }
            var shapes: [TableShape] = []
            for name in names where !skipped.contains(name) {
                let columns = try await sql.raw("SELECT name, type FROM pragma_table_info(\(bind: name))").all().map {
                    row in
                    let stored = try row.decode(column: "type", as: String.self).uppercased()
                    return (
                        name: try row.decode(column: "name", as: String.self), type: try sqliteType(stored),
                        stored: stored
                    )
                }
                let parents = try await sql.raw(
                    "SELECT \"table\" AS parent FROM pragma_foreign_key_list(\(bind: name))"
                )
                .all().map { try $0.decode(column: "parent", as: String.self) }
                shapes.append(TableShape(name: name, columns: columns, parents: Set(parents)))
            }
            return shapes
        }
        let columns = try await sql.raw(
            """
            SELECT table_name, column_name, data_type FROM information_schema.columns
            WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position
            """
        ).all()
        let parents = try await sql.raw(
            """
            SELECT child.relname AS child, parent.relname AS parent FROM pg_constraint c
            JOIN pg_class child ON child.oid = c.conrelid JOIN pg_class parent ON parent.oid = c.confrelid
            JOIN pg_namespace n ON n.oid = child.relnamespace
            WHERE c.contype = 'f' AND n.nspname = current_schema()
            """
        ).all().map {
            (try $0.decode(column: "child", as: String.self), try $0.decode(column: "parent", as: String.self))
        }
        var shapes: [String: TableShape] = [:]
        for row in columns {
            let table = try row.decode(column: "table_name", as: String.self)
            guard !skipped.contains(table) else { continue }
            let stored = try row.decode(column: "data_type", as: String.self)
            shapes[table, default: TableShape(name: table, columns: [], parents: [])].columns.append(
                (
                    name: try row.decode(column: "column_name", as: String.self), type: try postgresType(stored),
                    stored: stored
                ))
        }
        for (child, parent) in parents where shapes[child] != nil { shapes[child]!.parents.insert(parent) }
        return shapes.values.sorted { $0.name < $1.name }
    }

    private static func sqliteType(_ stored: String) throws -> BackupFile.ColumnType {
        switch stored {
        case "UUID": .id
        case "TEXT": .text
        case "INTEGER": .integer
        case "DOUBLE": .real
        // Fluent keeps an instant in SQLite as seconds since 1970, in a REAL column.
        case "REAL": .instant
        case "BLOB": .bytes
        case "JSON": .json
        default: throw BackupProblem("A column of this SQLite database has a type Convene does not make: \(stored)")
        }
    }

    private static func postgresType(_ stored: String) throws -> BackupFile.ColumnType {
        switch stored {
        case "uuid": .id
        case "text", "character varying": .text
        case "bigint", "integer", "smallint", "boolean": .integer
        case "double precision", "real": .real
        case "timestamp with time zone", "timestamp without time zone": .instant
        case "bytea": .bytes
        case "jsonb", "json": .json
        default: throw BackupProblem("A column of this PostgreSQL database has a type Convene does not make: \(stored)")
        }
    }

    /// Parents before children, so that every foreign key finds its row.
    private static func insertOrder(_ shapes: [TableShape]) throws -> [String] {
        var order: [String] = []
        var placed: Set<String> = []
        var left = shapes.sorted { $0.name < $1.name }
        while !left.isEmpty {
            let ready = left.filter { $0.parents.subtracting([$0.name]).isSubset(of: placed) }
            guard !ready.isEmpty else { throw BackupProblem("The tables' foreign keys form a cycle") }
            order += ready.map(\.name)
            placed.formUnion(ready.map(\.name))
            left.removeAll { placed.contains($0.name) }
        }
        return order
    }

    /// What the migrations make: the first workspace and the shipped guidance templates.
    static let madeByMigrations = [
        WorkspaceRecord.schema: 1, GuidanceTemplateRecord.schema: (try? GuidanceTemplateFile.shipped().count) ?? 1
    ]

    /// The tables that hold more than the migrations made.
    private static func heldRows(_ sql: any SQLDatabase, tables: [String]) async throws -> [String] {
        var held: [String] = []
        for table in tables {
            let count =
                try await sql.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()?.decode(
                    column: "n", as: Int.self) ?? 0
            if count > madeByMigrations[table, default: 0] { held.append("\(count) rows in \(table)") }
        }
        return held
    }
}

extension Tasks {
    /// The whole database as a backup file's bytes.
    public static func backup(on db: Database) async throws -> Data {
        try await Backups.make(on: db).encoded()
    }

    /// Restores a backup file's bytes: checked whole first, then loaded in one transaction. A file that is not a
    /// whole Convene backup, or a database that is not empty (unless `replacing`), is refused with a
    /// `BackupProblem` and changes nothing. Returns the tables and rows restored.
    public static func restore(_ data: Data, replacing: Bool, on db: Database) async throws -> (tables: Int, rows: Int)
    {
        let file = try BackupFile.decode(data)
        let restored = try await Backups.restore(file, replacing: replacing, on: db)
        try await PlannerStatistics.refreshOnOpening(db)
        return (restored.tables, restored.rows)
    }
}
