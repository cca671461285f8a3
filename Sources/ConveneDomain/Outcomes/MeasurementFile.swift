import Foundation

/// Published statistics read from a .csv or .xlsx file, all or nothing: every bad cell is named ("row 7, column C"),
/// and a file with any error gives nothing to import. The first row is the header; columns are found by their heading,
/// ignoring case, spaces and underscores, and columns Convene does not read (an area's name, notes) are left alone.
///
/// Two layouts:
/// - long, a row per value: `indicator_id,area_code,period,value` and, if wanted, `numerator,denominator,published_on,
///   source`;
/// - wide, a column per period: `indicator_id,area_code,2021,2022,2023` (any periods), and if wanted `published_on`
///   and `source` for the whole row. An empty period cell is no value.
///
/// The rules, for each value:
/// 1. The indicator must be one of `indicators`, the area an ONS code, the period one `ReportingPeriod` reads.
/// 2. A rate or a percentage given with its numerator and denominator is worked out from them (numerator ÷
///    denominator × 100,000 or × 100); a value given as well must agree to within 0.05, or the row is in error.
/// 3. Money is in whole pence.
/// 4. A cell marked as not published ("[x]", "[c]", "..") is no value and no error; `notPublished` lists them.
/// 5. Each value is compared with `existing` and the rows above it (see `MeasurementHistory.change`): new, a revision
///    or unchanged. Two rows giving different values for the same indicator, area, period and published date are
///    an error: a revision is told apart by its published date.
public enum MeasurementFile {
    public enum Layout: String, Hashable, Sendable {
        case long, wide
    }

    public struct Imported: Hashable, Sendable {
        /// "row 7", or for the wide layout "row 7, column D".
        public var place: String
        public var measurement: IndicatorMeasurement
        public var change: MeasurementHistory.Change
    }

    public struct Read: Equatable, Sendable {
        public var layout: Layout?
        /// Every value read, in the file's order; empty when there are errors.
        public var rows: [Imported]
        /// Empty when the file can be imported; when not, nothing may be.
        public var errors: [FieldError]
        /// The cells marked as not published.
        public var notPublished: [String]

        public var new: [IndicatorMeasurement] { rows.filter { $0.change == .new }.map(\.measurement) }
        public var revisions: [IndicatorMeasurement] {
            rows.filter { if case .revision = $0.change { true } else { false } }.map(\.measurement)
        }
        public var unchanged: [IndicatorMeasurement] { rows.filter { $0.change == .unchanged }.map(\.measurement) }
        /// What the server stores: the new values and the revisions.
        public var toRecord: [IndicatorMeasurement] { rows.filter { $0.change != .unchanged }.map(\.measurement) }
    }

    /// Reads a file; `fileName` decides the format (.csv or .xlsx, in any case). `existing` are the values already
    /// held, every revision.
    public static func read(
        _ data: Data, fileName: String, indicators: [Indicator], existing: [IndicatorMeasurement] = []
    ) -> Read {
        var read = Read(layout: nil, rows: [], errors: [], notPublished: [])
        switch OutcomeSheet.table(data, fileName: fileName, expected: "a header row and a row per value") {
        case .failure(let error): read.errors = [error]
        case .success(let table):
            var reader = Reader(
                indicators: Dictionary(indicators.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }),
                histories: MeasurementHistory.histories(existing))
            read.layout = reader.read(table)
            read.errors = reader.problems.all
            read.notPublished = reader.notPublished
            if read.errors.isEmpty { read.rows = reader.rows }
        }
        return read
    }

    /// The columns of either layout.
    struct Columns {
        var indicator: Int
        var area: Int
        var period: Int?
        var value: Int?
        var numerator: Int?
        var denominator: Int?
        var publishedOn: Int?
        var source: Int?
        /// The wide layout's period columns.
        var periods: [(column: Int, period: ReportingPeriod)] = []
    }

    struct Reader {
        let indicators: [String: Indicator]
        var histories: [IndicatorMeasurement.Key: MeasurementHistory]
        var problems = Sheet.Problems()
        /// Every problem found, listed or past the cap.
        var failures = 0
        var rows: [Imported] = []
        var notPublished: [String] = []
        /// The row that first gave each indicator, area, period and published date, and its value.
        var given: [String: (row: Int, value: Double)] = [:]

        mutating func read(_ table: Sheet.Table) -> Layout? {
            guard let (layout, columns) = columns(table.header) else { return nil }
            for line in table.rows where line.fields.contains(where: { !CSV.trimmed($0).isEmpty }) {
                switch layout {
                case .long: long(line, columns)
                case .wide: wide(line, columns)
                }
            }
            if rows.isEmpty && failures == 0 {
                fail("file", "The file has no values; expected a row per value below the header")
            }
            return layout
        }

        mutating func columns(_ header: [String]) -> (Layout, Columns)? {
            let indicator = OutcomeSheet.column(header, "indicator_id", "indicator")
            let area = OutcomeSheet.column(header, "area_code", "area", "ons_code")
            let period = OutcomeSheet.column(header, "period")
            var missing: [String] = []
            if indicator == nil { missing.append("indicator_id") }
            if area == nil { missing.append("area_code") }
            var columns = Columns(
                indicator: indicator ?? -1, area: area ?? -1, period: period,
                value: OutcomeSheet.column(header, "value"), numerator: OutcomeSheet.column(header, "numerator"),
                denominator: OutcomeSheet.column(header, "denominator"),
                publishedOn: OutcomeSheet.column(header, "published_on", "published", "date_published"),
                source: OutcomeSheet.column(header, "source"))
            if period != nil {
                if columns.value == nil && (columns.numerator == nil || columns.denominator == nil) {
                    missing.append("value")
                }
                guard missing.isEmpty else {
                    fail("file", "The header has no column \(missing.joined(separator: " or ")); \(Self.layouts)")
                    return nil
                }
                return (.long, columns)
            }
            for (column, heading) in header.enumerated() {
                if let period = ReportingPeriod(heading) {
                    columns.periods.append((column, period))
                } else if heading.prefix(4).allSatisfy(\.isNumber) && heading.count >= 4 {
                    fail("column \(WorkbookCells.letters(column))", ReportingPeriod.notAPeriod(heading))
                }
            }
            if columns.periods.isEmpty && failures == 0 { missing.append("period") }
            guard missing.isEmpty else {
                fail("file", "The header has no column \(missing.joined(separator: " or ")); \(Self.layouts)")
                return nil
            }
            guard failures == 0 else { return nil }
            return (.wide, columns)
        }

        mutating func fail(_ field: String, _ message: String) {
            failures += 1
            problems.add(field, message)
        }

        static let layouts =
            "expected indicator_id,area_code,period,value (a row per value) or indicator_id,area_code,2022,2023 "
            + "(a column per period)"

        /// A cell's text, or nil with its problem listed when the workbook could not read it.
        mutating func cell(_ line: Sheet.Table.Line, _ column: Int?) -> String? {
            guard let column else { return "" }
            if let message = line.problems[column] {
                fail(Sheet.place(line.number, column), message)
                return nil
            }
            return line.field(column)
        }

        /// The indicator and area of a row, with their problems listed.
        mutating func subject(_ line: Sheet.Table.Line, _ columns: Columns) -> (Indicator, String)? {
            let id = cell(line, columns.indicator)
            let area = cell(line, columns.area)
            var indicator: Indicator?
            if let id {
                indicator = indicators[id]
                if id.isEmpty {
                    fail(Sheet.place(line.number, columns.indicator), "Enter the indicator's id")
                } else if indicator == nil {
                    fail(
                        Sheet.place(line.number, columns.indicator), OutcomeSheet.unknownIndicator(id, indicators))
                }
            }
            if let area, !Area.isValidCode(area) {
                fail(
                    Sheet.place(line.number, columns.area),
                    area.isEmpty ? "Enter the area's ONS code, like E23000023" : OutcomeSheet.notAnAreaCode(area))
            }
            guard let indicator, let area, Area.isValidCode(area) else { return nil }
            return (indicator, area)
        }

        /// The published date and source of a row.
        mutating func publication(_ line: Sheet.Table.Line, _ columns: Columns) -> (Day?, String?)? {
            var ok = true
            var day: Day?
            if let text = cell(line, columns.publishedOn), !text.isEmpty {
                day = Day(text)
                if day == nil {
                    fail(Sheet.place(line.number, columns.publishedOn!), OutcomeSheet.notADate(text))
                    ok = false
                }
            }
            let source = cell(line, columns.source)
            if let source, source.count > 500 {
                fail(Sheet.place(line.number, columns.source!), "The source must be 500 characters or fewer")
                ok = false
            }
            return ok && source != nil ? (day, source.flatMap { $0.isEmpty ? nil : $0 }) : nil
        }

        mutating func long(_ line: Sheet.Table.Line, _ columns: Columns) {
            let before = failures
            let subject = subject(line, columns)
            let period = periodCell(line, columns.period!)
            let publication = publication(line, columns)
            let texts = [columns.value, columns.numerator, columns.denominator].map { cell(line, $0) }
            guard texts.allSatisfy({ $0 != nil }) else { return }
            let (valueText, numeratorText, denominatorText) = (texts[0]!, texts[1]!, texts[2]!)
            if OutcomeSheet.isWithheld(valueText) {
                notPublished.append("row \(line.number)")
                return
            }
            let place = { (column: Int?) in column.map { Sheet.place(line.number, $0) } ?? "row \(line.number)" }
            var numbers: [Double?] = []
            for (text, column) in zip(
                [valueText, numeratorText, denominatorText], [columns.value, columns.numerator, columns.denominator])
            {
                guard !text.isEmpty else {
                    numbers.append(nil)
                    continue
                }
                let number = OutcomeSheet.number(text)
                if number == nil { fail(place(column), OutcomeSheet.notANumber(text)) }
                numbers.append(number)
            }
            guard failures == before, let (indicator, area) = subject, let period,
                let (publishedOn, source) = publication
            else { return }
            let (given, numerator, denominator) = (numbers[0], numbers[1], numbers[2])
            var value = given
            if let numerator, let denominator, let multiplier = indicator.unit.multiplier {
                guard denominator > 0, numerator >= 0 else {
                    fail(
                        place(denominator > 0 ? columns.numerator : columns.denominator),
                        denominator > 0 ? "The numerator must be 0 or more" : "The denominator must be more than 0")
                    return
                }
                let worked = numerator / denominator * multiplier
                if let given, !IndicatorMeasurement.agree(given, worked) {
                    fail(
                        place(columns.value),
                        "The value \(OutcomeSheet.text(given)) disagrees with the numerator and denominator: "
                            + "\(OutcomeSheet.text(numerator)) ÷ \(OutcomeSheet.text(denominator)) × "
                            + "\(indicator.unit == .percentage ? "100" : "100,000") = \(OutcomeSheet.rounded(worked)); "
                            + "correct one of them, or leave the value empty")
                    return
                }
                value = worked
            }
            guard let value else {
                fail(place(columns.value), "Enter a value, or a numerator and a denominator")
                return
            }
            let measurement = IndicatorMeasurement(
                indicatorID: indicator.id, areaCode: area, period: period, value: value, numerator: numerator,
                denominator: denominator, publishedOn: publishedOn, source: source)
            record(measurement, place: "row \(line.number)", row: line.number, valueColumn: columns.value ?? 0)
        }

        mutating func wide(_ line: Sheet.Table.Line, _ columns: Columns) {
            let before = failures
            let subject = subject(line, columns)
            let publication = publication(line, columns)
            var values: [(column: Int, period: ReportingPeriod, value: Double)] = []
            for (column, period) in columns.periods {
                guard let text = cell(line, column), !text.isEmpty else { continue }
                if OutcomeSheet.isWithheld(text) {
                    notPublished.append(Sheet.place(line.number, column))
                } else if let value = OutcomeSheet.number(text) {
                    values.append((column, period, value))
                } else {
                    fail(Sheet.place(line.number, column), OutcomeSheet.notANumber(text))
                }
            }
            guard failures == before, let (indicator, area) = subject, let (publishedOn, source) = publication
            else { return }
            for (column, period, value) in values {
                let measurement = IndicatorMeasurement(
                    indicatorID: indicator.id, areaCode: area, period: period, value: value, publishedOn: publishedOn,
                    source: source)
                record(
                    measurement, place: Sheet.place(line.number, column), row: line.number, valueColumn: column)
            }
        }

        mutating func periodCell(_ line: Sheet.Table.Line, _ column: Int) -> ReportingPeriod? {
            guard let text = cell(line, column) else { return nil }
            guard let period = ReportingPeriod(text) else {
                fail(
                    Sheet.place(line.number, column),
                    text.isEmpty ? "Enter the period, like 2023-24" : ReportingPeriod.notAPeriod(text))
                return nil
            }
            return period
        }

        /// Checks the money rule and the rows above, then compares with what is held.
        mutating func record(_ measurement: IndicatorMeasurement, place: String, row: Int, valueColumn: Int) {
            let key = measurement.key
            if indicators[key.indicatorID]?.unit == .money && measurement.value != measurement.value.rounded() {
                fail(
                    Sheet.place(row, valueColumn),
                    "Money is in whole pence: write \(OutcomeSheet.text(measurement.value)) as "
                        + "\(OutcomeSheet.rounded(measurement.value * 100)) if it is in pounds")
                return
            }
            let given = "\(key.indicatorID)|\(key.areaCode)|\(key.period)|\(measurement.publishedOn?.description ?? "")"
            if let first = self.given[given] {
                if first.value != measurement.value {
                    fail(
                        place,
                        "Row \(first.row) gives \(OutcomeSheet.text(first.value)) for the same indicator, area, period "
                            + "and published date; give each revision the date it was published")
                    return
                }
            } else {
                self.given[given] = (row, measurement.value)
            }
            let change: MeasurementHistory.Change
            if histories[key] == nil {
                histories[key] = MeasurementHistory(measurement)
                change = .new
            } else {
                change = histories[key]!.record(measurement)
            }
            rows.append(Imported(place: place, measurement: measurement, change: change))
        }
    }
}
