import Crypto
import Foundation

/// A whole database as one portable, versioned file: the same bytes whichever database (SQLite or PostgreSQL) it
/// was made from, so that one can be restored into the other and back without loss.
///
/// The file is JSON lines:
/// - a header: `{"format":"convene-backup","version":1,"migrations":[…]}`;
/// - for each table, in name order, `{"table":"…","columns":[{"name":"…","type":"…"}],"rows":N}` and then its N
///   rows, one JSON array each, in the order of their first column;
/// - an end: `{"end":{"tables":T,"rows":R,"sha256":"…"}}`, the digest of every byte before the end line, so that a
///   truncated or altered file is refused whole.
///
/// A value is written as its column's logical type says: an id as upper-case text (as Fluent keeps one in SQLite),
/// an instant as whole microseconds since 1970 (PostgreSQL's precision), a yes/no as 0 or 1, bytes as base64.
public struct BackupFile: Equatable, Sendable {
    public static let format = "convene-backup"
    public static let version = 1

    /// The migrations the database had run, in order: a backup goes only into a database with the same.
    public var migrations: [String]
    public var tables: [Table]

    public init(migrations: [String], tables: [Table]) {
        self.migrations = migrations
        self.tables = tables.sorted { $0.name < $1.name }
    }

    public struct Table: Equatable, Sendable {
        public var name: String
        public var columns: [Column]
        public var rows: [[Value]]

        public init(name: String, columns: [Column], rows: [[Value]]) {
            self.name = name
            self.columns = columns
            self.rows = rows
        }
    }

    public struct Column: Codable, Equatable, Sendable {
        public var name: String
        public var type: ColumnType

        public init(_ name: String, _ type: ColumnType) {
            self.name = name
            self.type = type
        }
    }

    /// What a column holds, the same on both databases.
    public enum ColumnType: String, Codable, Sendable {
        case id, text, integer, real, instant, bytes, json
    }

    /// One value, as the file writes it.
    public enum Value: Hashable, Sendable {
        case null
        case integer(Int64)
        case real(Double)
        case text(String)
    }

    // MARK: Writing

    public func encoded() throws -> Data {
        var out = Data()
        func line(_ json: Data) {
            out.append(json)
            out.append(0x0A)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        line(try encoder.encode(Header(format: Self.format, version: Self.version, migrations: migrations)))
        var total = 0
        for table in tables {
            line(try encoder.encode(TableHeader(table: table.name, columns: table.columns, rows: table.rows.count)))
            let ordered = table.rows.sorted { Self.precedes($0, $1) }
            for row in ordered { line(try encoder.encode(row.map(Wire.init))) }
            total += table.rows.count
        }
        let digest = SHA256.hash(data: out).lowercaseHex
        line(try encoder.encode(End(end: .init(tables: tables.count, rows: total, sha256: digest))))
        return out
    }

    /// Rows in the order of their first column (the id), then the next, so that the file does not depend on the
    /// order a database returns them in.
    static func precedes(_ a: [Value], _ b: [Value]) -> Bool {
        for (x, y) in zip(a, b) where x != y { return x.sortKey < y.sortKey }
        return false
    }

    // MARK: Reading

    /// Reads a backup file, checking all of it before anything is returned: its digest, its version and the shape
    /// of every line.
    public static func decode(_ data: Data) throws(BackupProblem) -> BackupFile {
        var lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        guard data.last == 0x0A, lines.count >= 2 else {
            throw BackupProblem("The file is empty or was cut short: it does not end as a Convene backup ends")
        }
        let decoder = JSONDecoder()
        guard let end = try? decoder.decode(End.self, from: Data(lines.last!)) else {
            throw BackupProblem("The file was cut short: its last line is not the end of a Convene backup")
        }
        let body = data.prefix(data.count - lines.last!.count - 1)
        let digest = SHA256.hash(data: body).lowercaseHex
        guard digest == end.end.sha256 else {
            throw BackupProblem("The file has been changed or damaged since it was made: its checksum does not match")
        }
        guard let header = try? decoder.decode(Header.self, from: Data(lines[0])), header.format == format else {
            throw BackupProblem("This is not a Convene backup")
        }
        guard header.version == version else {
            throw BackupProblem(
                "This backup is version \(header.version) of the format; this Convene reads version \(version)")
        }
        var tables: [Table] = []
        var at = 1
        let last = lines.count - 1
        while at < last {
            guard let head = try? decoder.decode(TableHeader.self, from: Data(lines[at])), head.rows >= 0,
                at + head.rows < last
            else { throw BackupProblem("Line \(at + 1) should begin a table and does not") }
            var rows: [[Value]] = []
            rows.reserveCapacity(head.rows)
            for index in (at + 1)..<(at + 1 + head.rows) {
                guard let wire = try? decoder.decode([Wire].self, from: Data(lines[index])),
                    wire.count == head.columns.count
                else {
                    throw BackupProblem(
                        "Line \(index + 1) should be a row of \(head.table) with \(head.columns.count) values")
                }
                rows.append(wire.map(\.value))
            }
            tables.append(Table(name: head.table, columns: head.columns, rows: rows))
            at += head.rows + 1
        }
        let total = tables.reduce(0) { $0 + $1.rows.count }
        guard tables.count == end.end.tables, total == end.end.rows else {
            throw BackupProblem("The file does not hold the tables and rows its end line counts")
        }
        return BackupFile(migrations: header.migrations, tables: tables)
    }

    // MARK: The lines

    private struct Header: Codable {
        var format: String
        var version: Int
        var migrations: [String]
    }

    private struct TableHeader: Codable {
        var table: String
        var columns: [Column]
        var rows: Int
    }

    private struct End: Codable {
        struct Counts: Codable {
            var tables: Int
            var rows: Int
            var sha256: String
        }
        var end: Counts
    }

    /// A value in JSON: null, a number or a string.
    private struct Wire: Codable {
        var value: Value

        init(_ value: Value) { self.value = value }

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                value = .null
            } else if let integer = try? container.decode(Int64.self) {
                value = .integer(integer)
            } else if let real = try? container.decode(Double.self) {
                value = .real(real)
            } else {
                value = .text(try container.decode(String.self))
            }
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch value {
            case .null: try container.encodeNil()
            case .integer(let integer): try container.encode(integer)
            case .real(let real): try container.encode(real)
            case .text(let text): try container.encode(text)
            }
        }
    }
}

extension BackupFile.Value {
    fileprivate var sortKey: String {
        switch self {
        case .null: ""
        case .integer(let integer): String(format: "%020lld", integer)
        case .real(let real): String(real)
        case .text(let text): text
        }
    }
}

/// Why a backup file cannot be restored; nothing was changed.
public struct BackupProblem: Error, Equatable, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
