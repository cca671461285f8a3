import Foundation

/// A survey's answers gathered elsewhere — a Microsoft Forms or SmartSurvey export, or a paper survey typed up — read
/// from CSV or Excel (.xlsx) into a survey and its responses: one row per respondent, one column per question, the
/// first row the header. All or nothing: every bad cell is named, and a file with any error imports nothing.
public enum SurveyFile {
    public struct Imported: Hashable, Sendable {
        /// Where the row came from: the export's response id when it has one, else "row N" (the header is row 1).
        public var source: String
        public var response: SurveyResponse
    }

    public struct Read: Equatable, Sendable {
        /// The survey to import into: `existing` unchanged, or a new one made from the header.
        public var survey: Survey
        /// True when the survey was made from the header.
        public var created: Bool
        /// The respondents' answers, read as far as they could be. Only meaningful when `errors` is empty: the caller
        /// must check `errors` first and import nothing when there are any.
        public var rows: [Imported]
        /// Empty when the file can be imported; when not empty, nothing may be imported.
        public var errors: [FieldError]
    }

    /// The survey tools' own columns, never imported; matched on the whole header, ignoring case, spaces and
    /// punctuation. Response ids name a row's `source`; names and email addresses are personal data and never kept.
    static let responseIDColumns = ["ID", "Response ID", "Respondent ID", "UserID", "Response Number"]
    static let bookkeepingColumns =
        [
            "Start time", "Start date", "Completion time", "End time", "End date", "Last modified time", "Started",
            "Ended", "Email", "Email address", "Name", "IP address", "Collector", "Custom variables", "Custom variable",
            "Total points", "Quiz feedback", "Language"
        ] + (1...10).map { "Custom variable \($0)" }
    /// The column that gives the respondent's sector (through `Classification`); it is not a question.
    static let sectorColumns = [
        "Sector", "Organisation type", "Organization type", "Type of organisation", "Type of organization",
        "Which sector do you work in?"
    ]

    /// Reads a file; `fileName` decides the format (.csv or .xlsx, in any case). A new survey (`existing` nil) is made
    /// from the header with key `key` and title `title`, or the file's name without its extension.
    public static func read(_ data: Data, fileName: String, key: String, title: String?, existing: Survey?) -> Read {
        let name = fileName.split(separator: "/").last.map(String.init) ?? fileName
        let given = title.map(CSV.trimmed).flatMap { $0.isEmpty ? nil : $0 }
        let stem = name.lastIndex(of: ".").map { String(name[..<$0]) } ?? name
        var read = Read(
            survey: existing ?? Survey(key: key, title: given ?? stem, questions: []), created: existing == nil,
            rows: [], errors: [])
        switch Sheet.table(data, fileName: name) {
        case .failure(let error): read.errors = [error]
        case .success(let table):
            var problems = Sheet.Problems()
            let columns = Columns(table, existing: existing, problems: &problems)
            if existing == nil { read.survey.questions = columns.questions.map(\.question) }
            read.rows = table.rows.compactMap { columns.response($0, problems: &problems) }
            if problems.listed.isEmpty && existing == nil { read.survey.validate().forEach { problems.add($0) } }
            read.errors = problems.all
        }
        return read
    }

    /// What each column of the header is: the questions it asks, where the sector and response ids are.
    struct Columns {
        var width: Int
        var questions: [(column: Int, question: SurveyQuestion)] = []
        var sector: Int?
        /// Response id columns, the preferred first.
        var ids: [Int] = []

        init(_ table: Sheet.Table, existing: Survey?, problems: inout Sheet.Problems) {
            let header = table.header
            width = header.count
            let idNames = responseIDColumns.map(CSV.normalise)
            let skipped = Set(bookkeepingColumns.map(CSV.normalise))
            let sectors = Set(sectorColumns.map(CSV.normalise))
            var asked: [(column: Int, text: String)] = []
            for (column, heading) in header.enumerated() {
                let folded = CSV.normalise(heading)
                let letter = WorkbookCells.letters(column)
                if idNames.contains(folded) || skipped.contains(folded) {
                    continue
                } else if sectors.contains(folded) {
                    if let sector {
                        problems.add(
                            "column \(letter)", "Column \(WorkbookCells.letters(sector)) already gives the sector")
                    } else {
                        sector = column
                    }
                } else if heading.isEmpty {
                    if table.rows.contains(where: { !$0.field(column).isEmpty }) {
                        problems.add("column \(letter)", "The column has answers but no heading; give it the question")
                    }
                } else if heading.count > 1000 {
                    problems.add("column \(letter)", "The heading is over 1,000 characters, too long for a question")
                } else {
                    asked.append((column, heading))
                }
            }
            ids = idNames.flatMap { name in header.indices.filter { CSV.normalise(header[$0]) == name } }
            var seen: [String: Int] = [:]
            for (column, text) in asked {
                let letter = WorkbookCells.letters(column)
                let question: SurveyQuestion
                if let existing {
                    guard let match = existing.questions.first(where: { Self.same($0.text, text) }) else {
                        problems.add(
                            "column \(letter)",
                            "'\(Sheet.shortened(text))' is not a question of the survey '\(existing.title)'; "
                                + "head the column with the question's text, or remove it")
                        continue
                    }
                    question = match
                } else {
                    let (kind, options) = SurveyFile.kind(of: table.rows.map { $0.field(column) })
                    question = SurveyQuestion(
                        key: "q\(questions.count + 1)", text: text, kind: kind, options: options)
                }
                let folded = SurveyQuestion.normalised(question.text)
                if let other = seen[folded] {
                    problems.add(
                        "column \(letter)",
                        "'\(Sheet.shortened(text))' is the same question as column \(WorkbookCells.letters(other))"
                    )
                    continue
                }
                seen[folded] = column
                questions.append((column, question))
            }
            if asked.isEmpty {
                problems.add(
                    "file", "No column is a question: the header has only the survey tool's own columns, or none")
            }
        }

        static func same(_ a: String, _ b: String) -> Bool {
            SurveyQuestion.normalised(a) == SurveyQuestion.normalised(b)
        }

        /// A row's response, or nil for a row with no answer to any question (or one too long to read).
        func response(_ line: Sheet.Table.Line, problems: inout Sheet.Problems) -> Imported? {
            let extra = line.fields.indices.filter { $0 >= width && !line.field($0).isEmpty }
            if !extra.isEmpty {
                problems.add(
                    "row \(line.number)",
                    "The row has \((extra.last ?? width) + 1) cells but the header has \(width); "
                        + "a value with a comma may need quotes, or a column its heading")
                return nil
            }
            var answers: [String: SurveyAnswer] = [:]
            var answered = false
            var wrong: [(column: Int, message: String)] = []
            for (column, question) in questions {
                if let message = line.problems[column] {
                    wrong.append((column, message))
                    answered = true
                    continue
                }
                let cell = line.field(column)
                guard !cell.isEmpty else { continue }
                answered = true
                let values = question.kind == .multipleChoice ? cell.split(separator: ";").map(String.init) : [cell]
                switch question.read(values) {
                case .success(let answer): if !answer.isNone { answers[question.key] = answer }
                case .failure(let error): wrong.append((column, SurveyFile.naming(error.message, question)))
                }
            }
            guard answered else { return nil }
            var response = SurveyResponse(answers: answers)
            if let sector {
                let text = line.field(sector)
                if case .organisation(let read) = Classification.read(text) {
                    response.sector = read
                } else if !text.isEmpty {
                    let sectors = Sector.allCases.map(\.label).joined(separator: ", ")
                    wrong.append((sector, "'\(text)' is not a sector Convene knows: use one of \(sectors)"))
                }
            }
            for (column, message) in wrong.sorted(by: { $0.column < $1.column }) {
                problems.add(Sheet.place(line.number, column), message)
            }
            let source = ids.lazy.map(line.field).first { !$0.isEmpty } ?? "row \(line.number)"
            return Imported(source: source, response: response)
        }
    }

    /// The kind of question a column's answers show, and its choices, for a survey made from a file:
    /// - Likert when every answer reads as a Likert point or no answer ("Don't know", "N/A") and one is a point;
    /// - multiple choice when an answer holds ";", and the ";"-separated parts are 2 to 12 distinct choices of at
    ///   most 80 characters on one line, each given at least twice or written as Microsoft Forms does, "A;B;";
    /// - single choice when 5 or more answers give 2 to 8 distinct values, one at least twice, each of at most 80
    ///   characters on one line;
    /// - free text otherwise. Choices are in the order first seen, compared as `SurveyQuestion.normalised` does.
    static func kind(of cells: [String]) -> (SurveyQuestion.Kind, [String]) {
        let given = cells.map(CSV.trimmed).filter { !$0.isEmpty }
        let readings = given.map(LikertPoint.read)
        if !readings.contains(.notLikert) && readings.contains(where: { $0 != .noAnswer }) { return (.likert, []) }
        let short = { (values: [String]) in values.allSatisfy { $0.count <= 80 && !$0.contains(where: \.isNewline) } }
        if given.contains(where: { $0.contains(";") }) {
            let parts = given.flatMap { $0.split(separator: ";").map { CSV.trimmed(String($0)) } }.filter {
                !$0.isEmpty
            }
            let (options, counts) = distinct(parts)
            if (2...12).contains(options.count) && short(parts)
                && (counts.allSatisfy { $0 >= 2 } || given.allSatisfy { $0.hasSuffix(";") })
            {
                return (.multipleChoice, options)
            }
        }
        let (options, counts) = distinct(given)
        if given.count >= 5 && (2...8).contains(options.count) && counts.contains(where: { $0 >= 2 }) && short(given) {
            return (.singleChoice, options)
        }
        return (.freeText, [])
    }

    /// The distinct values in the order first seen, each as first written, and how often each is given.
    static func distinct(_ values: [String]) -> ([String], [Int]) {
        var options: [String] = []
        var counts: [Int] = []
        var index: [String: Int] = [:]
        for value in values {
            let folded = SurveyQuestion.normalised(value)
            if let at = index[folded] {
                counts[at] += 1
            } else {
                index[folded] = options.count
                options.append(value)
                counts.append(1)
            }
        }
        return (options, counts)
    }

    /// A question's own message about an answer, saying which question: "this statement" becomes its text.
    static func naming(_ message: String, _ question: SurveyQuestion) -> String {
        let quoted = "'\(Sheet.shortened(question.text))'"
        let phrases = [
            ("this statement", quoted), ("the choices:", "the choices of \(quoted):"),
            ("The answer must", "The answer to \(quoted) must")
        ]
        for (phrase, replacement) in phrases where message.contains(phrase) {
            return message.replacingOccurrences(of: phrase, with: replacement)
        }
        return "\(quoted): \(message)"
    }
}
