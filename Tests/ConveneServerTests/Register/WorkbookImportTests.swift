import ConveneDomain
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import ConveneServer

/// Workbooks through `Tasks` (as `convene import xlsx` and `convene export xlsx` run them) and through `/import`.
/// The workbooks were made by openpyxl and LibreOffice (Tests/workbooks/make_workbooks.py).
@Suite struct WorkbookImportTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("workbooks")

    static func file(_ name: String) throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent(name))
    }

    /// Imports a file into a fresh database and gives back the register as `convene export csv` writes it.
    static func csvExport(afterImporting format: Tasks.FileFormat, _ data: Data) async throws -> String {
        try await withConveneApp { app in
            let outcome = try await Tasks.importFile(format, data, dryRun: false, on: app.db)
            guard case .applied = outcome else {
                Issue.record("\(format) import rejected: \(outcome)")
                return ""
            }
            return String(decoding: try await Tasks.export(.csv, on: app.db), as: UTF8.self)
        }
    }

    @Test(
        arguments: [
            "partnership-map.xlsx", "partnership-map-1904.xlsx", "partnership-map-libreoffice.xlsx",
            "formula-saved.xlsx"
        ])
    func aWorkbookImportsExactlyAsItsCSV(_ name: String) async throws {
        // Setup
        let csv = try Self.file("partnership-map.csv")
        let workbook = try Self.file(name)

        // Act
        let fromCSV = try await Self.csvExport(afterImporting: .csv, csv)
        let fromWorkbook = try await Self.csvExport(afterImporting: .xlsx, workbook)

        // Check
        #expect(fromWorkbook == fromCSV, "the same export, byte for byte")
        #expect(fromCSV.contains("northshire-combating-drugs-partnership,Northshire Combating Drugs Partnership,cdp"))
        #expect(fromCSV.split(separator: "\r\n").count == 7, "a header and one row per membership or empty partnership")
    }

    @Test func aBadWorkbookChangesNothingAndNamesTheCells() async throws {
        try await withConveneApp { app in
            // Setup
            _ = try await Tasks.importFile(.xlsx, try Self.file("partnership-map.xlsx"), dryRun: false, on: app.db)
            let before = try await app.exportPopolo()

            // Act
            let outcome = try await Tasks.importFile(.xlsx, try Self.file("bad-cells.xlsx"), dryRun: false, on: app.db)

            // Check
            guard case .rejected(let issues) = outcome else {
                Issue.record("a workbook with bad cells was imported")
                return
            }
            #expect(
                issues.map(\.description).prefix(3) == [
                    "Partnership map!P6, role: 'Chairman' is not a known role; expected one of "
                        + MembershipRole.expectedList,
                    "Partnership map!D8, started_on: '31/02/1999' is not a date; expected yyyy-mm-dd or dd/mm/yyyy, "
                        + "like 2024-03-14",
                    "Partnership map!M9, member_salary_band: 'lots' is not a whole number of pounds a year, like 52000"
                ])
            #expect(try await app.exportPopolo() == before)
        }
    }

    @Test func theSameWorkbookTwiceChangesNothing() async throws {
        try await withConveneApp { app in
            // Setup
            let workbook = try Self.file("partnership-map.xlsx")
            let first = try await Tasks.importFile(.xlsx, workbook, dryRun: false, on: app.db)
            let afterFirst = try await app.exportPopolo()

            // Act
            let second = try await Tasks.importFile(.xlsx, workbook, dryRun: false, on: app.db)

            // Check
            guard case .applied(let summary1, false) = first, case .applied(let summary2, false) = second else {
                Issue.record("rejected: \(first) \(second)")
                return
            }
            #expect(summary1.counts["partnership"]?.created == 3 && summary1.counts["membership"]?.created == 5)
            #expect(summary2.changedCount == 0)
            #expect(try await app.exportPopolo() == afterFirst)
        }
    }

    /// With CONVENE_XLSX_OUT set, also leaves the export and its CSV there for scripts/check-xlsx-python (openpyxl).
    @Test func theExportReadsBackToTheSameRegister() async throws {
        // Setup
        let csv = try Self.file("partnership-map.csv")
        let (workbook, exported) = try await withConveneApp { app in
            _ = try await Tasks.importFile(.csv, csv, dryRun: false, on: app.db)
            return (try await Tasks.export(.xlsx, on: app.db), try await Tasks.export(.csv, on: app.db))
        }

        // Act
        let readBack = try await Self.csvExport(afterImporting: .xlsx, workbook)

        // Check
        #expect(readBack == String(decoding: exported, as: UTF8.self))
        #expect(workbook.starts(with: [0x50, 0x4B, 0x03, 0x04]), "a ZIP archive")
        if let folder = ProcessInfo.processInfo.environment["CONVENE_XLSX_OUT"] {
            let url = URL(fileURLWithPath: folder)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            try workbook.write(to: url.appendingPathComponent("export.xlsx"))
            try exported.write(to: url.appendingPathComponent("export.csv"))
        }
    }

    @Test func theImportPageTakesAWorkbook() async throws {
        try await withConveneApp { app in
            // Setup
            let good = Upload(
                fields: [("format", "xlsx")], bytes: try Self.file("partnership-map.xlsx"), name: "map.xlsx")
            let bad = Upload(fields: [("format", "xlsx")], bytes: try Self.file("bad-cells.xlsx"), name: "bad.xlsx")

            // Act
            let form = try await app.send(.GET, "/import")
            let imported = try await app.send(.POST, "/import", upload: good)
            let rejected = try await app.send(.POST, "/import", upload: bad)

            // Check
            #expect(form.text.contains(#"value="xlsx""#) && form.text.contains(".xlsx"))
            #expect(imported.status == .ok)
            #expect(imported.text.contains("map.xlsx is imported"))
            #expect(try await PartnershipRecord.query(on: app.db).count() == 3)
            #expect(rejected.status == .unprocessableEntity)
            #expect(rejected.text.contains("<td>Partnership map!P6</td><td>role</td>"))
            #expect(try await PartnershipRecord.query(on: app.db).count() == 3)
        }
    }
}
