import Foundation

/// The register as an Excel workbook (.xlsx) in the office-sheet layout: the columns of `RegisterCSV`, one row per
/// membership, on one sheet. Described in docs/import-formats.md.
///
/// Reading turns the sheet into the rows `RegisterCSV` checks, so a workbook and its CSV import alike; only where a
/// problem is differs: `Partnership map!C14` names the sheet and the cell.
public enum RegisterWorkbook {
    /// Reads the first sheet whose header row, below any title rows, has the required columns. Date cells become
    /// days, number cells their numbers, merged cells the value of their first cell; formulas are read by the value
    /// the spreadsheet saved.
    public static func read(_ data: Data) -> ImportBatch {
        do {
            return try readSheet(data)
        } catch {
            var batch = ImportBatch()
            batch.issues.append(ImportIssue("file", error.message))
            return batch
        }
    }

    private static func readSheet(_ data: Data) throws(WorkbookPackage.Failure) -> ImportBatch {
        let package = try WorkbookPackage(data)
        let strings = try package.sharedStringsPath.map { path throws(WorkbookPackage.Failure) in
            try WorkbookCells.sharedStrings(package.data(path), part: path)
        }
        for sheet in package.sheets {
            let sheetData = try package.data(sheet.path)
            let table = SheetTable(sheet: sheet.name)
            let merges = try WorkbookCells.read(
                sheetData, part: sheet.path, strings: strings ?? [], styles: package.styles, row: table.add)
            guard table.headerRow != nil else { continue }
            table.fill(merges)
            let name = sheet.name
            let places = SheetPlaces(
                row: { "\(name), row \($0)" }, cell: { "\(name)!\(WorkbookCells.letters($1))\($0)" })
            var batch = RegisterCSV.read(CSV.Table(header: table.header, rows: table.rows), places: places)
            batch.issues = table.issues + batch.issues
            return batch
        }
        let names = package.sheets.map(\.name)
        throw WorkbookPackage.Failure(
            "No sheet has a header row with the columns \(RegisterCSV.requiredColumns.joined(separator: " and ")); "
                + (names.isEmpty ? "the workbook has no sheets" : "the sheets are \(names.joined(separator: ", "))"))
    }
}

/// One sheet's rows as the CSV reader's table: the header row found, the rows below it as text, and the cells that
/// could not be read.
private final class SheetTable {
    let sheet: String
    private(set) var headerRow: Int?
    private(set) var header: [String] = []
    private(set) var rows: [CSV.Row] = []
    private(set) var issues: [ImportIssue] = []
    /// The register column each header cell names, or nil; a cell problem is reported only in a column read.
    private var columns: [String?] = []
    private var rowIndex: [Int: Int] = [:]

    init(sheet: String) { self.sheet = sheet }

    func add(_ row: WorkbookCells.Row) {
        guard headerRow != nil else {
            findHeader(row)
            return
        }
        var fields = Array(repeating: "", count: header.count)
        for cell in row.cells where cell.column < header.count {
            switch cell.value {
            case .text(let text): fields[cell.column] = text
            case .problem(let message):
                guard let column = columns[cell.column] else { continue }
                let place = "\(sheet)!\(WorkbookCells.letters(cell.column))\(row.number)"
                issues.append(ImportIssue(place, field: column, message))
            }
        }
        rowIndex[row.number] = rows.count
        rows.append(CSV.Row(number: row.number, fields: fields))
    }

    /// The header is the first row that names every required column; the rows above it are titles.
    private func findHeader(_ row: WorkbookCells.Row) {
        var texts: [Int: String] = [:]
        for cell in row.cells {
            if case .text(let text) = cell.value { texts[cell.column] = CSV.trimmed(text) }
        }
        let named = Set(texts.values.compactMap(RegisterCSV.column(named:)))
        guard RegisterCSV.requiredColumns.allSatisfy(named.contains), let last = texts.keys.max() else { return }
        headerRow = row.number
        header = (0...last).map { texts[$0] ?? "" }
        columns = header.map(RegisterCSV.column(named:))
    }

    /// Each merged range below the header shows its first cell's value in every cell: a partnership's name merged
    /// down its member rows is on each of them.
    func fill(_ merges: [WorkbookCells.Merge]) {
        guard let headerRow else { return }
        for merge in merges where merge.rows.lowerBound > headerRow && merge.columns.lowerBound < header.count {
            guard let first = rowIndex[merge.rows.lowerBound] else { continue }
            let value = rows[first].fields[merge.columns.lowerBound]
            guard !value.isEmpty else { continue }
            for number in merge.rows {
                guard let index = rowIndex[number] else { continue }
                for column in merge.columns where column < header.count && rows[index].fields[column].isEmpty {
                    rows[index].fields[column] = value
                }
            }
        }
    }
}
