import Foundation

/// A workspace's own indicators read from a .csv or .xlsx file, all or nothing, every bad cell named:
/// `indicator_id,name,unit,polarity,source,frequency,geography`, and if wanted `definition,publisher,outcomes` (outcome
/// keys separated by ";"). The national indicators ship with Convene (`OutcomeFrameworks`); a local one may not take
/// one of their ids.
public enum IndicatorFile {
    public struct Read: Equatable, Sendable {
        /// In the file's order; empty when there are errors.
        public var indicators: [Indicator]
        public var errors: [FieldError]
    }

    static let required = ["indicator_id", "name", "unit", "polarity", "source", "frequency", "geography"]
    static let optional = ["definition", "publisher", "outcomes"]

    /// `outcomes` are the outcome keys an indicator may link to; `reserved` the ids local indicators may not take.
    public static func read(
        _ data: Data, fileName: String, outcomes: Set<String> = OutcomeFrameworks.outcomeKeys,
        reserved: Set<String> = Set(OutcomeFrameworks.indicators.map(\.id))
    ) -> Read {
        var read = Read(indicators: [], errors: [])
        let table: Sheet.Table
        switch OutcomeSheet.table(data, fileName: fileName, expected: "a header row and a row per indicator") {
        case .failure(let error):
            read.errors = [error]
            return read
        case .success(let read): table = read
        }
        var columns: [String: Int] = [:]
        for name in required + optional {
            columns[name] = OutcomeSheet.column(table.header, name)
        }
        let missing = required.filter { columns[$0] == nil }
        guard missing.isEmpty else {
            read.errors = [
                FieldError(
                    "file",
                    "The header has no column \(missing.joined(separator: " or ")); expected "
                        + (required + optional).joined(separator: ","))
            ]
            return read
        }
        var problems = Sheet.Problems()
        var rows: [String: Int] = [:]
        for line in table.rows where line.fields.contains(where: { !CSV.trimmed($0).isEmpty }) {
            // A workbook cell that could not be read is named, and its column read as empty.
            var wrong = columns.values.compactMap { column in
                line.problems[column].map { (column: column, message: $0) }
            }
            func text(_ name: String) -> String? {
                guard let column = columns[name], line.problems[column] == nil else { return nil }
                let value = line.field(column)
                return value.isEmpty ? nil : value
            }
            func parsed<Value>(_ name: String, _ parse: (String) -> Value?, _ expected: String) -> Value? {
                let given = text(name) ?? ""
                guard let value = parse(given) else {
                    wrong.append(
                        (columns[name]!, given.isEmpty ? "Enter the \(name)" : "'\(given)' is not \(expected)"))
                    return nil
                }
                return value
            }
            let unit = parsed("unit", IndicatorUnit.read, "a unit; use one of \(IndicatorUnit.expectedList)")
            let polarity = parsed("polarity", Polarity.parse, "a polarity; use \(Polarity.expectedList)")
            let frequency = parsed(
                "frequency", IndicatorFrequency.read, "a frequency; use one of \(IndicatorFrequency.expectedList)")
            let geography = parsed(
                "geography", Indicator.geography,
                "a geography; use one of national, force area, upper-tier council, ICB or CSP")
            let outcomeKeys = (text("outcomes") ?? "").split(separator: ";").map { CSV.trimmed(String($0)) }.filter {
                !$0.isEmpty
            }
            // Every field is checked, even beside a value that could not be read.
            let indicator = Indicator(
                id: text("indicator_id") ?? "", name: text("name") ?? "", definition: text("definition"),
                unit: unit ?? .count, polarity: polarity ?? .higherIsBetter, source: text("source") ?? "",
                publisher: text("publisher"), frequency: frequency ?? .annual, geography: geography ?? .country,
                outcomeKeys: outcomeKeys)
            for error in indicator.validate(outcomes: outcomes) {
                wrong.append((columns[error.field] ?? 0, error.message))
            }
            if reserved.contains(indicator.id) {
                wrong.append(
                    (columns["indicator_id"]!, "'\(indicator.id)' is a national indicator's id; give yours another"))
            } else if let first = rows[indicator.id] {
                wrong.append((columns["indicator_id"]!, "Row \(first) already has the id '\(indicator.id)'"))
            }
            if wrong.isEmpty && unit != nil && polarity != nil && frequency != nil && geography != nil {
                rows[indicator.id] = line.number
                read.indicators.append(indicator)
            }
            for (column, message) in wrong.sorted(by: { $0.column < $1.column }) {
                problems.add(Sheet.place(line.number, column), message)
            }
        }
        if read.indicators.isEmpty && problems.listed.isEmpty {
            problems.add("file", "The file has no indicators; expected a row per indicator below the header")
        }
        read.errors = problems.all
        if !read.errors.isEmpty { read.indicators = [] }
        return read
    }

    /// Indicators as the file `read` takes, with every column.
    public static func write(_ indicators: [Indicator]) -> String {
        CSV.write(
            header: required + optional,
            rows: indicators.map { i in
                [
                    i.id, i.name, i.unit.rawValue, i.polarity.rawValue, i.source, i.frequency.rawValue,
                    i.geography.rawValue, i.definition ?? "", i.publisher ?? "", i.outcomeKeys.joined(separator: ";")
                ]
            })
    }
}
