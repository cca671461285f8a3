import Foundation

/// Targets read from a .csv or .xlsx file, all or nothing, every bad cell named: `indicator_id,area_code,period,target`,
/// a row per target. A target replaces any held for the same indicator, area and period; two rows for the same ones
/// are an error.
public enum TargetFile {
    public struct Read: Equatable, Sendable {
        /// In the file's order; empty when there are errors.
        public var targets: [Target]
        public var errors: [FieldError]
    }

    public static func read(_ data: Data, fileName: String, indicators: [Indicator]) -> Read {
        var read = Read(targets: [], errors: [])
        let table: Sheet.Table
        switch OutcomeSheet.table(data, fileName: fileName, expected: "a header row and a row per target") {
        case .failure(let error):
            read.errors = [error]
            return read
        case .success(let read): table = read
        }
        let byID = Dictionary(indicators.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var problems = Sheet.Problems()
        let names = ["indicator_id", "area_code", "period", "target"]
        let columns = [
            OutcomeSheet.column(table.header, "indicator_id", "indicator"),
            OutcomeSheet.column(table.header, "area_code", "area", "ons_code"),
            OutcomeSheet.column(table.header, "period"), OutcomeSheet.column(table.header, "target")
        ]
        let missing = zip(names, columns).filter { $0.1 == nil }.map(\.0)
        guard missing.isEmpty else {
            read.errors = [
                FieldError(
                    "file",
                    "The header has no column \(missing.joined(separator: " or ")); expected \(names.joined(separator: ","))"
                )
            ]
            return read
        }
        let (indicatorColumn, areaColumn, periodColumn, targetColumn) =
            (columns[0]!, columns[1]!, columns[2]!, columns[3]!)
        var rows: [IndicatorMeasurement.Key: Int] = [:]
        var failures = 0
        func fail(_ row: Int, _ column: Int, _ message: String) {
            failures += 1
            problems.add(Sheet.place(row, column), message)
        }
        for line in table.rows where line.fields.contains(where: { !CSV.trimmed($0).isEmpty }) {
            let before = failures
            for column in columns.compactMap({ $0 }) {
                if let message = line.problems[column] { fail(line.number, column, message) }
            }
            guard failures == before else { continue }
            let id = line.field(indicatorColumn)
            let indicator = byID[id]
            if indicator == nil {
                fail(
                    line.number, indicatorColumn,
                    id.isEmpty ? "Enter the indicator's id" : OutcomeSheet.unknownIndicator(id, byID))
            }
            let area = line.field(areaColumn)
            if !Area.isValidCode(area) {
                fail(
                    line.number, areaColumn,
                    area.isEmpty ? "Enter the area's ONS code, like E23000023" : OutcomeSheet.notAnAreaCode(area))
            }
            let periodText = line.field(periodColumn)
            let period = ReportingPeriod(periodText)
            if period == nil {
                fail(
                    line.number, periodColumn,
                    periodText.isEmpty ? "Enter the period, like 2023-24" : ReportingPeriod.notAPeriod(periodText))
            }
            let targetText = line.field(targetColumn)
            let value = OutcomeSheet.number(targetText)
            if value == nil {
                fail(
                    line.number, targetColumn,
                    targetText.isEmpty ? "Enter the target" : OutcomeSheet.notANumber(targetText))
            } else if let value, indicator?.unit == .money && value != value.rounded() {
                fail(line.number, targetColumn, "Money is in whole pence")
            }
            guard failures == before, let indicator, let period, let value else { continue }
            let target = Target(indicatorID: indicator.id, areaCode: area, period: period, value: value)
            if let first = rows[target.key] {
                fail(
                    line.number, indicatorColumn,
                    "Row \(first) already gives the target for this indicator, area and period")
                continue
            }
            rows[target.key] = line.number
            read.targets.append(target)
        }
        if read.targets.isEmpty && failures == 0 {
            problems.add("file", "The file has no targets; expected a row per target below the header")
        }
        read.errors = problems.all
        if !read.errors.isEmpty { read.targets = [] }
        return read
    }
}
