import Fluent
import Foundation
import SQLKit
import Testing

@testable import ConveneServer

@Suite struct BatchInsertTests {
    /// SQLite stores an id as the text Fluent writes, `uuidString`; the batch writer's own formatting must match it.
    @Test func anIdIsWrittenAsFluentWritesIt() {
        var generator = OrderedIDs(at: Date(timeIntervalSince1970: 1_800_000_000))
        for id in (0..<1_000).map({ _ in UUID() }) + (0..<1_000).map({ _ in generator.next() }) {
            #expect(id.text == id.uuidString)
        }
    }

    /// The ids of one batch ascend, as text too (which is how SQLite orders them), and carry the version and variant
    /// of RFC 9562's version 7.
    @Test func orderedIdsAscendAndAreVersionSeven() {
        let at = Date(timeIntervalSince1970: 1_800_000_000.123)
        var generator = OrderedIDs(at: at)
        let ids = (0..<10_000).map { _ in generator.next() }

        #expect(Set(ids).count == ids.count)
        #expect(ids.map(\.uuidString) == ids.map(\.uuidString).sorted())
        for id in ids {
            #expect(id.uuid.6 >> 4 == 7)
            #expect(id.uuid.8 >> 6 == 0b10)
        }
        // The first 48 bits are the milliseconds since 1970.
        let millis = ids[0].uuidString.replacingOccurrences(of: "-", with: "").prefix(12)
        #expect(UInt64(millis, radix: 16) == 1_800_000_000_123)
    }

    /// Every kind of value reads back as written, on either database: NULLs among values, a column of NULLs only, and
    /// more rows than one statement takes.
    @Test func rowsReadBackAsWritten() async throws {
        try await withConveneApp { app in
            // Setup
            try await app.db.schema("batch_check")
                .field("id", .uuid, .identifier(auto: false)).field("n", .int, .required).field("label", .string)
                .field("score", .double).field("flag", .bool, .required).field("other", .uuid).field("at", .datetime)
                .field("never", .string).create()
            let at = Date(timeIntervalSince1970: 1_800_000_000)
            var ids = OrderedIDs(at: at)
            let rows: [[ColumnValue]] = (0..<2_500).map { n in
                [
                    .id(ids.next()), .integer(n), ColumnValue(n % 3 == 0 ? nil : "row \(n) ‘quoted’"),
                    ColumnValue(n % 2 == 0 ? Double(n) / 4 : nil), .bool(n % 5 == 0),
                    ColumnValue(n % 7 == 0 ? UUID() : nil), n % 4 == 0 ? .null : .instant(at + Double(n)), .null
                ]
            }

            // Act
            try await BatchInsert.run(
                into: "batch_check", columns: ["id", "n", "label", "score", "flag", "other", "at", "never"], rows: rows,
                on: app.db)
            let sql = app.db as! any SQLDatabase
            let read = try await sql.select().columns("n", "label", "score", "flag", "at", "never")
                .from("batch_check").orderBy("n").all()
            let others = try await sql.select().column(SQLFunction("count", args: "other"), as: "count")
                .from("batch_check").first()

            // Check
            #expect(read.count == rows.count)
            for (n, row) in read.enumerated() {
                #expect(try row.decode(column: "n", as: Int.self) == n)
                #expect(try row.decode(column: "label", as: String?.self) == (n % 3 == 0 ? nil : "row \(n) ‘quoted’"))
                #expect(try row.decode(column: "score", as: Double?.self) == (n % 2 == 0 ? Double(n) / 4 : nil))
                #expect(try row.decode(column: "flag", as: Bool.self) == (n % 5 == 0))
                #expect(try row.decode(column: "at", as: Date?.self) == (n % 4 == 0 ? nil : at + Double(n)))
                #expect(try row.decode(column: "never", as: String?.self) == nil)
            }
            #expect(try others?.decode(column: "count", as: Int.self) == (0..<2_500).filter { $0 % 7 == 0 }.count)
        }
    }
}
