import Foundation

/// What the outcomes importers share: a .csv or .xlsx file read as a sheet of text (through the survey importer's
/// reading of a sheet, Convene's one way), and the reading of numbers, ids and dates in its cells.
enum OutcomeSheet {
    /// The header and the rows below it; `expected` says in the error for an empty file what the file should hold.
    static func table(_ data: Data, fileName: String, expected: String) -> Result<Sheet.Table, FieldError> {
        let name = fileName.split(separator: "/").last.map(String.init) ?? fileName
        let lowered = name.lowercased()
        guard lowered.hasSuffix(".csv") || lowered.hasSuffix(".xlsx") else {
            return .failure(FieldError("file", "'\(name)' is not a CSV or Excel (.xlsx) file; save it as CSV or Excel"))
        }
        guard !data.isEmpty else { return .failure(FieldError("file", "The file is empty; expected \(expected)")) }
        guard lowered.hasSuffix(".csv") else {
            do {
                return .success(try Sheet.workbook(data))
            } catch {
                return .failure(FieldError("file", error.message))
            }
        }
        do {
            let csv = try CSV.read(data)
            return .success(
                Sheet.Table(
                    header: csv.header,
                    rows: csv.rows.map { Sheet.Table.Line(number: $0.number, fields: $0.fields) }
                ))
        } catch {
            let parts = error.description.split(separator: ": ", maxSplits: 1).map(String.init)
            return .failure(parts.count == 2 ? FieldError(parts[0], parts[1]) : FieldError("file", error.description))
        }
    }

    /// The first column whose heading is one of `names`, ignoring case, spaces and punctuation.
    static func column(_ header: [String], _ names: String...) -> Int? {
        let wanted = names.map(CSV.normalise)
        return header.firstIndex { wanted.contains(CSV.normalise($0)) }
    }

    /// A number as published statistics write it: "1234", "-3", "12.5", "1,234.5", "12.5%".
    static func number(_ text: String) -> Double? {
        var text = CSV.trimmed(text).replacingOccurrences(of: ",", with: "")
        if text.hasSuffix("%") { text.removeLast() }
        guard !text.isEmpty, text.allSatisfy({ "0123456789.-+eE".contains($0) }), let number = Double(text),
            number.isFinite
        else { return nil }
        return number
    }

    /// The marks official statistics put where a figure is not published (the Government Statistical Service's
    /// "[x]", "[c]", "[z]", "[u]", "[low]" and the older "..", ":", "x", "*"): no value, and no error.
    static func isWithheld(_ text: String) -> Bool {
        ["[x]", "[c]", "[z]", "[u]", "[low]", "[w]", "..", ":", "x", "*"].contains(CSV.trimmed(text).lowercased())
    }

    static func notANumber(_ text: String) -> String {
        "'\(Sheet.shortened(text, to: 40))' is not a number; write it like 1234 or 12.5, or [x] where the figure "
            + "is not published"
    }

    static func unknownIndicator(_ id: String, _ indicators: [String: Indicator]) -> String {
        let known = indicators.keys.sorted()
        let listed = known.prefix(8).joined(separator: ", ") + (known.count > 8 ? " …" : "")
        return known.isEmpty
            ? "'\(id)' is not an indicator: there are none yet; add indicators first"
            : "'\(id)' is not an indicator: add it to the indicators first, or use one of \(listed)"
    }

    static func notAnAreaCode(_ code: String) -> String {
        "'\(code)' is not an ONS code; expected a letter and eight digits, like E23000023"
    }

    static func notADate(_ text: String) -> String {
        "'\(Sheet.shortened(text, to: 40))' is not a date; write the day published as yyyy-mm-dd, like 2024-03-14"
    }

    /// A number as a person reads it: "1234", "12.5"; exact, for files.
    static func text(_ number: Double) -> String { WorkbookCells.numberText(number) }

    /// A number to two decimal places at most, for messages: "14.29", "15".
    static func rounded(_ number: Double) -> String { text((number * 100).rounded() / 100) }
}
