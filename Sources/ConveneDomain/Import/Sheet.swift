import Foundation

/// A sheet of rows from a CSV file or an Excel workbook's first sheet, as the all-or-nothing importers of surveys and
/// outcomes read them: the header, each row with its number as the spreadsheet shows it, every cell's place named the
/// same way ("row 7, column C"), and errors collected up to a cap.
public enum Sheet {
    /// At most this many errors are listed, then one saying how many more there are.
    static let errorCap = 200

    /// A sheet as text: the header and the rows below it, each with its row number as the spreadsheet shows it.
    struct Table {
        struct Line {
            var number: Int
            var fields: [String]
            /// Cells of a workbook that could not be read, by column.
            var problems: [Int: String] = [:]

            func field(_ column: Int) -> String { column < fields.count ? CSV.trimmed(fields[column]) : "" }
        }
        var header: [String]
        var rows: [Line]
    }

    static func table(_ data: Data, fileName: String) -> Result<Table, FieldError> {
        let lowered = fileName.lowercased()
        guard lowered.hasSuffix(".csv") || lowered.hasSuffix(".xlsx") else {
            return .failure(
                FieldError(
                    "file", "'\(fileName)' is not a CSV or Excel (.xlsx) file; save or export it as CSV or Excel"))
        }
        guard !data.isEmpty else {
            return .failure(FieldError("file", "The file is empty; expected a header row and rows below it"))
        }
        guard lowered.hasSuffix(".csv") else {
            do {
                return .success(try workbook(data))
            } catch {
                return .failure(FieldError("file", error.message))
            }
        }
        do {
            let csv = try CSV.read(data)
            return .success(
                Table(header: csv.header, rows: csv.rows.map { Table.Line(number: $0.number, fields: $0.fields) }))
        } catch {
            // The reader's description starts with where the problem is: "row 4: …".
            let parts = error.description.split(separator: ": ", maxSplits: 1).map(String.init)
            return .failure(parts.count == 2 ? FieldError(parts[0], parts[1]) : FieldError("file", error.description))
        }
    }

    /// The workbook's first sheet: its first row with a value is the header.
    static func workbook(_ data: Data) throws(WorkbookPackage.Failure) -> Table {
        let package = try WorkbookPackage(data)
        guard let sheet = package.sheets.first else { throw WorkbookPackage.Failure("The workbook has no sheets") }
        let strings = try package.sharedStringsPath.map { path throws(WorkbookPackage.Failure) in
            try WorkbookCells.sharedStrings(package.data(path), part: path)
        }
        var rows: [WorkbookCells.Row] = []
        _ = try WorkbookCells.read(
            package.data(sheet.path), part: sheet.path, strings: strings ?? [], styles: package.styles
        ) { rows.append($0) }
        guard let first = rows.first else {
            throw WorkbookPackage.Failure("The sheet \(sheet.name) is empty; expected a header row")
        }
        func line(_ row: WorkbookCells.Row) -> Table.Line {
            var line = Table.Line(
                number: row.number, fields: Array(repeating: "", count: (row.cells.map(\.column).max() ?? -1) + 1))
            for cell in row.cells {
                switch cell.value {
                case .text(let text): line.fields[cell.column] = text
                case .problem(let message): line.problems[cell.column] = message
                }
            }
            return line
        }
        return Table(header: line(first).fields.map(CSV.trimmed), rows: rows.dropFirst().map(line))
    }

    /// Errors collected up to the cap.
    struct Problems {
        private(set) var listed: [FieldError] = []
        private var more = 0

        mutating func add(_ error: FieldError) {
            if listed.count < Sheet.errorCap { listed.append(error) } else { more += 1 }
        }

        mutating func add(_ field: String, _ message: String) { add(FieldError(field, message)) }

        var all: [FieldError] {
            guard more > 0 else { return listed }
            return listed + [FieldError("file", "\(more) more problems are not listed; fix those above and try again")]
        }
    }

    static func place(_ row: Int, _ column: Int) -> String { "row \(row), column \(WorkbookCells.letters(column))" }

    /// The text cut at a word to about `limit` characters, with "…".
    static func shortened(_ text: String, to limit: Int = 60) -> String {
        let words = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard words.count > limit else { return words }
        var cut = String(words.prefix(limit))
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) >= limit / 2 {
            cut = String(cut[..<space])
        }
        return cut + " …"
    }
}
