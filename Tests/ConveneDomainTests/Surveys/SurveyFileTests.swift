import ConveneDomain
import Foundation
import Testing
import ZIPFoundation

/// Survey exports as Microsoft Forms, SmartSurvey and a typed-up paper survey give them, read all or nothing.
@Suite struct SurveyFileTests {
    static let critical =
        "Multi-agency partnerships have a critical role in reducing crime and improving community safety"
    static let similar =
        "There is a tendency for similar groups of people to have similar discussions across multiple partnerships"
    static let reviewed = "Existing partnerships are reviewed effectively"
    static let attend = "Which partnerships do you attend?"
    static let often = "How often do you attend partnership meetings?"
    static let better = "What would make partnerships work better?"
    static let csp = "Community Safety Partnership"
    static let cdp = "Combating Drugs Partnership"
    static let svp = "Serious Violence Partnership"

    /// A Microsoft Forms export: its own columns first, "A;B;" multiple choice, a quoted comma, a multi-line answer,
    /// a blank row (5) and a row with no answers (11).
    static let forms = """
        ID,Start time,Completion time,Email,Name,Which sector do you work in?,\(critical),\(similar),\(reviewed),\
        \(attend),\(often),\(better)
        1,3/4/24 9:01:12,3/4/24 9:10:40,jo.bloggs@example.gov.uk,Jo Bloggs,Police,Strongly agree,Agree,Disagree,\
        \(csp);\(cdp);,Monthly,"Fewer meetings, clearer aims"
        2,3/4/24 9:12:03,3/4/24 9:20:11,sam.smith@example.org,Sam Smith,Local authority,agree,STRONGLY AGREE,\
        Don't know,\(csp);,Quarterly,\"""Talking shops"" need
        clear actions"
        3,3/4/24 10:00:00,3/4/24 10:05:00,ali.khan@example.nhs.uk,Ali Khan,NHS,Strongly Agree,N/A,\
        neither agree nor disagree,\(svp);\(csp);,Monthly,
        ,,,,,,,,,,,
        4,3/4/24 11:00:00,3/4/24 11:09:00,pat.lee@example.org,Pat Lee,Voluntary sector,Agree,Disagree,\
        Strongly disagree,\(cdp);\(svp);,Weekly,Share data between agencies
        5,3/4/24 12:00:00,3/4/24 12:04:00,,,,Neither agree nor disagree,agree,Agree,\(csp);\(svp);,Quarterly,\
        "One board, not five"
        6,3/5/24 9:00:00,3/5/24 9:03:00,chris.day@example.gov.uk,Chris Day,Probation,strongly agree,Neutral,\
        Disagree,\(cdp);,Monthly,
        7,3/5/24 9:30:00,3/5/24 9:31:00,,,police,Agree,Disagree,,,Rarely,Better chairing
        8,3/5/24 10:00:00,3/5/24 10:08:00,dee.ray@example.org,Dee Ray,Fire service,Don't know,Agree,DISAGREE,\
        \(csp);\(cdp);,Monthly,"More time to discuss, less to present"
        9,3/5/24 11:00:00,3/5/24 11:00:30,no.answers@example.org,Nobody Atall,,,,,,,

        """

    static func read(
        _ text: String, fileName: String = "partnership-survey-2024.csv", title: String? = nil,
        existing: Survey? = nil
    ) -> SurveyFile.Read {
        SurveyFile.read(Data(text.utf8), fileName: fileName, key: "survey-2024", title: title, existing: existing)
    }

    @Test func aMicrosoftFormsExportMakesASurveyAndItsResponses() throws {
        // Act
        let read = Self.read(Self.forms)
        // Check
        #expect(read.errors == [])
        #expect(read.created)
        let survey = read.survey
        #expect(survey.key == "survey-2024" && survey.title == "partnership-survey-2024")
        #expect(survey.validate() == [])
        #expect(survey.questions.map(\.key) == ["q1", "q2", "q3", "q4", "q5", "q6"])
        #expect(
            survey.questions.map(\.text) == [
                Self.critical, Self.similar, Self.reviewed, Self.attend, Self.often, Self.better
            ])
        #expect(
            survey.questions.map(\.kind) == [.likert, .likert, .likert, .multipleChoice, .singleChoice, .freeText])
        #expect(survey.questions[3].options == [Self.csp, Self.cdp, Self.svp])
        #expect(survey.questions[4].options == ["Monthly", "Quarterly", "Weekly", "Rarely"])
        #expect(survey.questions.allSatisfy { !$0.required })
        #expect(read.rows.map(\.source) == ["1", "2", "3", "4", "5", "6", "7", "8"])
        #expect(
            read.rows.map(\.response.sector) == [
                .police, .localGovernment, .health, .voluntary, nil, .probation, .police, .fireAndRescue
            ])
        let first = read.rows[0].response
        #expect(first["q1"] == .likert(.stronglyAgree) && first["q2"] == .likert(.agree))
        #expect(first["q4"] == .choices([Self.csp, Self.cdp]) && first["q5"] == .choices(["Monthly"]))
        #expect(first["q6"] == .text("Fewer meetings, clearer aims"))
        let second = read.rows[1].response
        #expect(second["q1"] == .likert(.agree) && second["q2"] == .likert(.stronglyAgree))
        #expect(second["q3"] == .dontKnow)
        #expect(second["q6"] == .text("\"Talking shops\" need\nclear actions"))
        let third = read.rows[2].response
        #expect(third["q2"] == .dontKnow && third["q3"] == .likert(.neither))
        #expect(third["q4"] == .choices([Self.csp, Self.svp]), "choices in the question's order")
        #expect(third["q6"] == .none && third.answers["q6"] == nil)
        #expect(read.rows[5].response["q2"] == .likert(.neither), "neutral")
        #expect(read.rows[6].response["q3"] == .none && read.rows[6].response["q4"] == .none)
        #expect(read.rows[7].response["q1"] == .dontKnow && read.rows[7].response["q3"] == .likert(.disagree))
    }

    @Test func personalDataAndTheToolsOwnColumnsAreNeverKept() {
        // Act
        let read = Self.read(Self.forms, title: "  Partnership survey 2024 ")
        // Check
        let everything = String(describing: read.survey) + String(describing: read.rows)
        for kept in ["Bloggs", "Sam Smith", "@example", "Start time", "Completion time", "Email", "9:01:12", "Nobody"] {
            #expect(!everything.contains(kept), "\(kept) is kept")
        }
        #expect(read.survey.title == "Partnership survey 2024")
    }

    @Test func theSameBytesGiveTheSameRead() throws {
        // Act
        let first = Self.read(Self.forms)
        let second = Self.read(Self.forms)
        let badFirst = Self.read(Self.forms, existing: Self.existing)
        let badSecond = Self.read(Self.forms, existing: Self.existing)
        let workbook = try Self.workbook(Self.sheet)
        let fromWorkbook = SurveyFile.read(workbook, fileName: "a.xlsx", key: "k", title: nil, existing: nil)
        // Check
        #expect(first == second)
        #expect(badFirst == badSecond && !badFirst.errors.isEmpty)
        #expect(fromWorkbook == SurveyFile.read(workbook, fileName: "a.xlsx", key: "k", title: nil, existing: nil))
    }

    // MARK: A workbook

    /// A SmartSurvey export saved as a workbook: numbers as number cells, one cell an error value.
    static let sheet: [[String]] = [
        ["Response ID", "IP Address", "Started", "Organisation type", critical, often],
        ["101", "192.0.2.1", "2024-03-04", "Police", "Strongly agree", "Monthly"],
        ["102", "192.0.2.2", "2024-03-04", "Council", "agree", "Quarterly"],
        ["103", "192.0.2.3", "2024-03-04", "OPCC", "Disagree", "Monthly"],
        ["104", "192.0.2.4", "2024-03-05", "", "N/A", "Monthly"],
        ["105", "192.0.2.5", "2024-03-05", "ICB", "Strongly disagree", "Quarterly"]
    ]

    /// An .xlsx of `rows` (the first the header), each cell text unless it is a whole number or "#REF!": Convene's
    /// own workbook with its sheet swapped.
    static func workbook(_ rows: [[String]]) throws -> Data {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        var sheet = #"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="\#(main)"><sheetData>"#
        for (index, row) in rows.enumerated() {
            sheet += #"<row r="\#(index + 1)">"#
            for (column, text) in row.enumerated() where !text.isEmpty {
                let reference = String(UnicodeScalar(UInt8(ascii: "A") + UInt8(column))) + String(index + 1)
                if Int(text) != nil {
                    sheet += #"<c r="\#(reference)"><v>\#(text)</v></c>"#
                } else if text == "#REF!" {
                    sheet += #"<c r="\#(reference)" t="e"><v>#REF!</v></c>"#
                } else {
                    sheet += #"<c r="\#(reference)" t="inlineStr"><is><t>\#(text)</t></is></c>"#
                }
            }
            sheet += "</row>"
        }
        sheet += "</sheetData></worksheet>"
        let own = try Archive(data: try RegisterWorkbook.write(Register()), accessMode: .read)
        let swapped = try Archive(accessMode: .create)
        for entry in own {
            var data = Data()
            _ = try own.extract(entry) { data.append($0) }
            if entry.path == "xl/worksheets/sheet1.xml" { data = Data(sheet.utf8) }
            try swapped.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(data.count)) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return try #require(swapped.data)
    }

    @Test func anExcelWorkbookReadsAsItsCSVWould() throws {
        // Setup
        let data = try Self.workbook(Self.sheet)
        // Act
        let read = SurveyFile.read(data, fileName: "SmartSurvey export.XLSX", key: "k", title: nil, existing: nil)
        // Check
        #expect(read.errors == [])
        #expect(read.survey.title == "SmartSurvey export")
        #expect(read.survey.questions.map(\.kind) == [.likert, .singleChoice])
        #expect(read.survey.questions[1].options == ["Monthly", "Quarterly"])
        #expect(read.rows.map(\.source) == ["101", "102", "103", "104", "105"])
        #expect(read.rows.map(\.response.sector) == [.police, .localGovernment, .policingGovernance, nil, .health])
        #expect(
            read.rows.map { $0.response["q1"] } == [
                .likert(.stronglyAgree), .likert(.agree), .likert(.disagree), .dontKnow, .likert(.stronglyDisagree)
            ])
    }

    @Test func aWorkbookCellThatCannotBeReadIsNamed() throws {
        // Setup
        var rows = Self.sheet
        rows[2][4] = "#REF!"
        // Act
        let read = SurveyFile.read(try Self.workbook(rows), fileName: "a.xlsx", key: "k", title: nil, existing: nil)
        // Check
        #expect(read.errors.map(\.field) == ["row 3, column E"])
        #expect(read.errors.first?.message.contains("#REF!") == true)
    }

    @Test func aFileThatIsNoWorkbookOrOfAnotherKindIsOneError() {
        // Act
        let csvAsWorkbook = Self.read(Self.forms, fileName: "answers.xlsx")
        let pdf = Self.read(Self.forms, fileName: "answers.pdf")
        let noName = Self.read(Self.forms, fileName: "answers")
        // Check
        #expect(csvAsWorkbook.errors.map(\.field) == ["file"])
        #expect(csvAsWorkbook.errors.first?.message.contains("not an Excel workbook") == true)
        #expect(csvAsWorkbook.rows.isEmpty)
        #expect(pdf.errors.map(\.field) == ["file"] && noName.errors.map(\.field) == ["file"])
        #expect(pdf.errors.first?.message.contains("'answers.pdf' is not a CSV or Excel (.xlsx) file") == true)
    }

    // MARK: Into an existing survey

    static let longStatement =
        "Too many partnerships in my area are talking shops rather than places where decisions are made"

    static let existing = Survey(
        key: "annual-2024", title: "Annual partnership survey", status: .open,
        questions: [
            SurveyQuestion(key: "data", text: "Partnerships don't share data well enough", kind: .likert),
            SurveyQuestion(
                key: "often", text: "How often do you attend?", kind: .singleChoice,
                options: [
                    "Monthly", "Quarterly"
                ]),
            SurveyQuestion(key: "else", text: "Anything else?", kind: .freeText),
            SurveyQuestion(
                key: "which", text: "Which partnerships do you attend?", kind: .multipleChoice, options: [csp, cdp]),
            SurveyQuestion(key: "shops", text: longStatement, kind: .likert)
        ])

    @Test func columnsMatchTheSurveysQuestionsByTheirText() {
        // Setup: other case, a curly apostrophe, a full stop; "Anything else?" and the long statement are not asked.
        let text = """
            Response ID,Started,PARTNERSHIPS DON’T SHARE DATA WELL ENOUGH.,how often do you attend?,\
            Which  partnerships do you attend?,Type of organisation
            R-101,04/03/2024,agree,monthly,"community safety partnership;\(Self.cdp)",Council
            ,04/03/2024,Don't know,,,
            """
        // Act
        let read = Self.read(text, existing: Self.existing)
        // Check
        #expect(read.errors == [])
        #expect(!read.created && read.survey == Self.existing)
        #expect(read.rows.map(\.source) == ["R-101", "row 3"])
        #expect(
            read.rows.first?.response
                == SurveyResponse(
                    answers: [
                        "data": .likert(.agree), "often": .choices(["Monthly"]), "which": .choices([Self.csp, Self.cdp])
                    ],
                    sector: .localGovernment))
        #expect(read.rows.last?.response == SurveyResponse(answers: ["data": .dontKnow]))
    }

    @Test func aColumnThatIsNoQuestionIsNamedByItsLetter() {
        // Setup: 25 empty columns without a heading are left alone; the unknown question is column AA.
        let text =
            "ID" + String(repeating: ",", count: 26) + "Do you feel safe?,Anything else?,anything else?\n"
            + "1" + String(repeating: ",", count: 26) + "Yes,No,Nothing\n"
        // Act
        let read = Self.read(text, existing: Self.existing)
        // Check
        #expect(read.errors.map(\.field) == ["column AA", "column AC"])
        #expect(
            read.errors.first?.message
                == "'Do you feel safe?' is not a question of the survey 'Annual partnership survey'; "
                + "head the column with the question's text, or remove it")
        #expect(read.errors.last?.message == "'anything else?' is the same question as column AB")
    }

    @Test func everyBadCellIsNamedByRowAndColumn() {
        // Setup
        let text = """
            ID,Partnerships don't share data well enough,How often do you attend?,Sector,\(Self.longStatement)
            1,Agree,Monthly,Police,Agree
            2,Sometimes,Monthly,Police,Agree
            3,Agree,Fortnightly,Teaching,Disagree
            4,Agree,Monthly,Police,Mostly
            """
        // Act
        let read = Self.read(text, existing: Self.existing)
        // Check
        #expect(
            read.errors.map(\.field) == ["row 3, column B", "row 4, column C", "row 4, column D", "row 5, column E"])
        #expect(
            read.errors[0].message
                == "'Sometimes' is not an answer to 'Partnerships don't share data well enough': use strongly agree, "
                + "agree, neither agree nor disagree, disagree, strongly disagree or don't know")
        #expect(
            read.errors[1].message
                == "'Fortnightly' is not one of the choices of 'How often do you attend?': Monthly, Quarterly")
        #expect(read.errors[2].message.hasPrefix("'Teaching' is not a sector Convene knows: use one of Police, "))
        #expect(
            read.errors[3].message.hasPrefix(
                "'Mostly' is not an answer to 'Too many partnerships in my area are talking shops rather …': use"))
        // The rows that could be read are there, but with errors nothing may be imported: callers check `errors`.
        #expect(read.rows.count == 4)
    }

    @Test func errorsStopAtTwoHundredAndSayHowManyMore() {
        // Setup
        let text = "Partnerships don't share data well enough\n" + String(repeating: "Sometimes\n", count: 250)
        // Act
        let read = Self.read(text, existing: Self.existing)
        // Check
        #expect(read.errors.count == 201)
        #expect(read.errors[199].field == "row 201, column A")
        #expect(
            read.errors.last == FieldError("file", "50 more problems are not listed; fix those above and try again"))
    }

    // MARK: Files that cannot be read

    @Test func anEmptyOrUnreadableFileIsOneError() {
        // Act
        let empty = SurveyFile.read(Data(), fileName: "a.csv", key: "k", title: nil, existing: nil)
        let blank = Self.read(",,\n\n")
        let open = Self.read("Anything else?\n\"never closed\n")
        let latin1 = SurveyFile.read(
            Data([0x41, 0x0A, 0xA3, 0x35]), fileName: "a.csv", key: "k", title: nil, existing: nil)
        // Check
        #expect(empty.errors.map(\.field) == ["file"] && empty.errors.first?.message.contains("empty") == true)
        #expect(blank.errors.map(\.field) == ["file"])
        #expect(open.errors == [FieldError("row 2", "a quoted field is never closed")])
        #expect(latin1.errors.map(\.field) == ["line 2"])
    }

    @Test func aHeaderWithoutQuestionsOrWithOneTwiceIsAnError() {
        // Act
        let bookkeeping = Self.read("ID,Start time,Email,Name,IP address\n1,9:00,a@b.c,A B,192.0.2.1\n")
        let twice = Self.read("ID,Anything else?,ANYTHING ELSE?\n1,No,Nothing\n")
        // Check
        #expect(bookkeeping.errors.map(\.field) == ["file"])
        #expect(bookkeeping.rows.isEmpty)
        #expect(twice.errors == [FieldError("column C", "'ANYTHING ELSE?' is the same question as column B")])
    }

    @Test func aRowWithMoreCellsThanTheHeaderIsNamed() {
        // Act: an unquoted comma in row 3; row 4's empty cells past the header do no harm.
        let read = Self.read("ID,Anything else?\n1,Fine\n2,Fewer meetings, clearer aims\n3,Nothing,,\n")
        // Check
        #expect(read.errors.map(\.field) == ["row 3"])
        #expect(read.errors.first?.message.hasPrefix("The row has 3 cells but the header has 2") == true)
    }

    @Test func kindsAreInferredOnlyFromAnswersThatShowThem() {
        // Setup: one value only; prose with a semicolon; too few answers to be a choice; a column of no answers.
        let text = """
            Consent,Thoughts,Role,Likert with a stray,Silent
            Yes,Fewer meetings; more action,Chair,Agree,
            Yes,Clearer aims,Member,Sometimes,
            Yes,More data; shared earlier,Chair,Disagree,
            Yes,Less duplication,Member,Agree,
            Yes,Better chairing,,Disagree,
            """
        // Act
        let read = Self.read(text)
        // Check
        #expect(read.errors == [])
        #expect(read.survey.questions.map(\.kind) == [.freeText, .freeText, .freeText, .singleChoice, .freeText])
        #expect(read.survey.questions[3].options == ["Agree", "Sometimes", "Disagree"])
        #expect(read.rows[0].response["q2"] == .text("Fewer meetings; more action"))
    }
}
