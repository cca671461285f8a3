import Foundation
import Testing
import ZIPFoundation

@testable import ConveneDomain

/// Workbooks made by openpyxl and LibreOffice (Tests/workbooks, made by make_workbooks.py) read as their CSV does.
@Suite struct WorkbookTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("workbooks")

    static func file(_ name: String) throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent(name))
    }

    /// The workbooks that hold the same register as partnership-map.csv.
    static let sameAsTheCSV = [
        "partnership-map.xlsx", "partnership-map-1904.xlsx", "partnership-map-libreoffice.xlsx", "formula-saved.xlsx"
    ]

    @Test(arguments: sameAsTheCSV) func anOfficeWorkbookReadsAsItsCSV(_ name: String) throws {
        // Setup
        let csv = RegisterCSV.read(try Self.file("partnership-map.csv"))
        // Act
        let batch = RegisterWorkbook.read(try Self.file(name))
        // Check
        #expect(csv.issues == [])
        #expect(batch.issues == [])
        #expect(batch.register.sorted() == csv.register.sorted())
        #expect(batch.relationsStatedFor == csv.relationsStatedFor)
        #expect(batch.register.partnerships.count == 3 && batch.register.memberships.count == 5)
        let cdp = batch.register.partnerships.first { $0.key == "northshire-combating-drugs-partnership" }
        #expect(cdp?.startedOn == Day("2022-09-01") && cdp?.type == .combatingDrugsPartnership)
        #expect(batch.register.persons.first { $0.name == "Lee Grant" }?.salaryBand == 62000)
        let icb = batch.register.memberships.first { $0.organisationKey == "northshire-integrated-care-board" }
        #expect(icb?.endedOn == Day("2024-03-31") && icb?.votingRight == false)
        #expect(
            batch.location(.partnership, "northshire-combating-drugs-partnership") == "Partnership map, row 5",
            "the header is row 4, below the title rows")
    }

    @Test func badCellsAreNamedBySheetCellAndColumn() throws {
        // Act
        let batch = RegisterWorkbook.read(try Self.file("bad-cells.xlsx"))
        // Check
        #expect(batch.issues.map(\.location) == ["Partnership map!P6", "Partnership map!D8", "Partnership map!M9"])
        #expect(batch.issues.map(\.field) == ["role", "started_on", "member_salary_band"])
        #expect(batch.issues[0].message.contains("'Chairman' is not a known role"))
        #expect(batch.issues[1].message.contains("'31/02/1999' is not a date"))
        #expect(batch.issues[2].description.hasPrefix("Partnership map!M9, member_salary_band: 'lots'"))
    }

    @Test func aFormulaWhoseValueWasNeverSavedIsNamed() throws {
        // Act
        let batch = RegisterWorkbook.read(try Self.file("formula-unsaved.xlsx"))
        // Check
        #expect(batch.issues.map(\.location) == ["Partnership map!I10"])
        #expect(batch.issues.first?.field == "reports_to")
        #expect(batch.issues.first?.message.contains("no saved value") == true)
    }

    @Test func aWorkbookWithoutTheColumnsNamesItsSheets() throws {
        // Act
        let batch = RegisterWorkbook.read(try Self.file("no-register.xlsx"))
        // Check
        #expect(batch.issues.map(\.location) == ["file"])
        #expect(batch.issues.first?.message.contains("partnership_name and type") == true)
        #expect(batch.issues.first?.message.contains("the sheets are About, Lists") == true)
    }

    @Test func aFileThatIsNoWorkbookIsOneProblem() throws {
        // Act
        let csv = RegisterWorkbook.read(try Self.file("partnership-map.csv"))
        let empty = RegisterWorkbook.read(Data())
        // Check
        #expect(csv.issues.map(\.location) == ["file"])
        #expect(csv.issues.first?.message.contains("not an Excel workbook (.xlsx)") == true)
        #expect(empty.issues.count == 1)
    }

    @Test func writeThenReadGivesBackTheRegister() throws {
        // Setup
        let register = CodecFixture.sheet
        // Act
        let first = try RegisterWorkbook.write(register)
        let batch = RegisterWorkbook.read(first)
        let second = try RegisterWorkbook.write(batch.register)
        // Check
        #expect(batch.issues == [])
        #expect(batch.register.sorted() == RegisterCSV.read(Data(RegisterCSV.write(register).utf8)).register.sorted())
        #expect(batch.register.sorted() == register.sorted())
        #expect(first == second, "the same register gives the same bytes")
        #expect(batch.location(.membership, "cdp-icb") == "Register, row 4")
    }

    /// Excel writes a sheet on one line; on Linux, XMLParser(data:) refuses a line over 10 MB, its stream does not.
    @Test func aSheetOfOverTenMegabytesOnOneLineIsRead() throws {
        // Setup: Convene's own workbook with its sheet swapped for 16,000 rows of 650 bytes each, all on one line.
        let small = try Archive(data: try RegisterWorkbook.write(Register()), accessMode: .read)
        let purpose = String(repeating: "Cut drug-related harm. ", count: 24)
        var sheet = #"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="\#(Self.main)"><sheetData>"#
        sheet += #"<row r="1"><c r="A1" t="inlineStr"><is><t>partnership_name</t></is></c>"#
        sheet += #"<c r="B1" t="inlineStr"><is><t>type</t></is></c>"#
        sheet += #"<c r="C1" t="inlineStr"><is><t>purpose</t></is></c></row>"#
        for row in 2...16_001 {
            sheet += #"<row r="\#(row)"><c r="A\#(row)" t="inlineStr"><is><t>Board \#(row % 100)</t></is></c>"#
            sheet += #"<c r="B\#(row)" t="inlineStr"><is><t>forum</t></is></c>"#
            sheet += #"<c r="C\#(row)" t="inlineStr"><is><t>\#(purpose)</t></is></c></row>"#
        }
        sheet += "</sheetData></worksheet>"
        let large = try Archive(accessMode: .create)
        for entry in small {
            var data = Data()
            _ = try small.extract(entry) { data.append($0) }
            if entry.path == "xl/worksheets/sheet1.xml" { data = Data(sheet.utf8) }
            try large.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(data.count)) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        // Act
        let batch = RegisterWorkbook.read(try #require(large.data))
        // Check
        #expect(sheet.utf8.count > 10_000_000)
        #expect(batch.issues == [])
        #expect(batch.register.partnerships.count == 100)
    }

    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

    @Test func theExportHasAHeaderRowDateCellsAndNumberCells() throws {
        // Setup
        let package = try WorkbookPackage(try RegisterWorkbook.write(CodecFixture.sheet))
        var rows: [WorkbookCells.Row] = []
        // Act
        let sheet = try package.data(package.sheets[0].path)
        _ = try WorkbookCells.read(sheet, part: "sheet", strings: [], styles: package.styles) { rows.append($0) }
        let xml = String(decoding: sheet, as: UTF8.self)
        // Check
        #expect(package.sheets.map(\.name) == ["Register"])
        #expect(rows.first?.cells.map(\.value) == RegisterCSV.columns.map { .text($0) })
        let started = try #require(RegisterCSV.columns.firstIndex(of: "member_started_on"))
        let salary = try #require(RegisterCSV.columns.firstIndex(of: "member_salary_band"))
        // Row 4 is the ICB's seat, from 2022-09-01 (serial 44805, in the date style) with no salary.
        #expect(xml.contains(#"<c r="\#(WorkbookCells.letters(started))4" s="1"><v>44805</v></c>"#))
        #expect(xml.contains(#"<c r="\#(WorkbookCells.letters(salary))3"><v>95000</v></c>"#))
        #expect(package.styles.isDate(style: 1) && !package.styles.isDate(style: 0) && !package.styles.isDate(style: 2))
    }

    @Test func sharedStringsJoinRichTextRunsAndLeaveOutPhoneticGuides() throws {
        // Setup
        let part = """
            <sst xmlns="\(Self.main)" count="3"><si><t>Leicester CDP</t></si>\
            <si><r><rPr><b/></rPr><t>Chair</t></r><r><t xml:space="preserve"> of the board</t></r></si>\
            <si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si></sst>
            """
        // Act
        let strings = try WorkbookCells.sharedStrings(Data(part.utf8), part: "xl/sharedStrings.xml")
        // Check
        #expect(strings == ["Leicester CDP", "Chair of the board", "東京"])
    }

    @Test func cellsOfEveryKindBecomeText() throws {
        // Setup: style 1 shows dates; the row has a prefix on its names and cells without references, as some
        // producers write them.
        let styles = WorkbookStyles(
            StylesPart(numFmts: nil, cellXfs: .init(xf: [.init(numFmtId: 0), .init(numFmtId: 14)])), date1904: false)
        let part = """
            <x:worksheet xmlns:x="\(Self.main)"><x:sheetData><x:row r="3">\
            <x:c r="A3" t="s"><x:v>1</x:v></x:c><x:c t="inlineStr"><x:is><x:t>inline</x:t></x:is></x:c>\
            <x:c t="str"><x:f>A1</x:f><x:v>formula text</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c>\
            <x:c t="e"><x:v>#REF!</x:v></x:c><x:c t="d"><x:v>2024-03-14T00:00:00</x:v></x:c>\
            <x:c s="1"><x:v>45365</x:v></x:c><x:c><x:v>52000</x:v></x:c><x:c><x:f>B2</x:f><x:v/></x:c>\
            <x:c t="str"><x:f>""</x:f><x:v></x:v></x:c><x:c r="M3" t="s"><x:v>7</x:v></x:c>\
            </x:row><x:row><x:c s="1"/></x:row></x:sheetData>\
            <x:mergeCells><x:mergeCell ref="B5:C9"/></x:mergeCells></x:worksheet>
            """
        var rows: [WorkbookCells.Row] = []
        // Act
        let merges = try WorkbookCells.read(Data(part.utf8), part: "sheet", strings: ["zero", "one"], styles: styles) {
            rows.append($0)
        }
        // Check
        #expect(rows.map(\.number) == [3], "a row with no value is not handed on")
        let cells = try #require(rows.first?.cells)
        #expect(cells.map(\.column) == [0, 1, 2, 3, 4, 5, 6, 7, 8, 12])
        let values = cells.map(\.value)
        #expect(
            Array(values.prefix(4) + values[5...7]) == [
                .text("one"), .text("inline"), .text("formula text"), .text("TRUE"), .text("2024-03-14"),
                .text("2024-03-14"), .text("52000")
            ])
        guard case .problem(let error) = values[4], case .problem(let unsaved) = values[8],
            case .problem(let missing) = values[9]
        else {
            Issue.record("expected problems, got \(values)")
            return
        }
        #expect(error.contains("#REF!") && unsaved.contains("no saved value") && missing.contains("shared text 7"))
        #expect(merges.map(\.rows) == [5...9] && merges.map(\.columns) == [1...2])
    }

    @Test func serialNumbersAreDaysInEitherDateSystem() {
        // Setup
        let system1900 = WorkbookStyles(StylesPart(numFmts: nil, cellXfs: nil), date1904: false)
        let system1904 = WorkbookStyles(StylesPart(numFmts: nil, cellXfs: nil), date1904: true)
        // Act
        let days1900 = [1, 59, 60, 61, 44805, 44805.75].map { system1900.day(serial: $0)?.description }
        let days1904 = [0, 43343].map { system1904.day(serial: $0)?.description }
        // Check
        #expect(days1900 == ["1900-01-01", "1900-02-28", nil, "1900-03-01", "2022-09-01", "2022-09-01"])
        #expect(days1904 == ["1904-01-01", "2022-09-01"])
        #expect(WorkbookStyles.serial(Day("2022-09-01")!) == 44805)
        #expect(system1900.day(serial: -1) == nil && system1900.day(serial: 0) == nil)
    }

    @Test func numberFormatsThatShowDates() {
        // Setup
        let dates = ["dd/mm/yyyy", #"d\ mmmm\ yyyy"#, "[$-809]dd mmmm yyyy;@", "mmm-yy", "m/d/yy h:mm", "yyyy-mm-dd"]
        let others = ["General", ##""£"#,##0"##, #"\£#,##0"#, "[h]:mm:ss", "mm:ss", #"0" days""#, "0.00E+00", "@"]
        // Act
        let read = (dates + others).map(WorkbookStyles.showsDate)
        // Check
        #expect(read == dates.map { _ in true } + others.map { _ in false })
    }

    @Test func cellReferences() {
        // Act
        let references = ["C14", "AB1", "$A$1", "xfd1048576", "14", "C", "C0", "ABCD1"].map(WorkbookCells.reference)
        // Check
        #expect(references.map { $0?.row } == [14, 1, 1, 1_048_576, nil, nil, nil, nil])
        #expect(references.map { $0?.column } == [2, 27, 0, 16383, nil, nil, nil, nil])
        #expect(
            [0, 25, 26, 27, 701, 702, 16383].map(WorkbookCells.letters) == ["A", "Z", "AA", "AB", "ZZ", "AAA", "XFD"])
        #expect([95000, 62000.0, 1.5, -3].map(WorkbookCells.numberText) == ["95000", "62000", "1.5", "-3"])
    }
}
