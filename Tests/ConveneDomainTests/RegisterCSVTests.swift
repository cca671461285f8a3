import Foundation
import Testing

@testable import ConveneDomain

@Suite struct RegisterCSVTests {
    func sheet(_ lines: String...) -> Data { Data(lines.joined(separator: "\n").utf8) }

    /// A row in the full layout, with the named cells filled.
    func row(_ cells: [String: String]) -> String {
        RegisterCSV.columns.map { CSV.quote(cells[$0] ?? "") }.joined(separator: ",")
    }

    var header: String { RegisterCSV.columns.joined(separator: ",") }

    @Test func roundTripGivesBackTheRegister() {
        // Setup
        let register = CodecFixture.sheet
        // Act
        let batch = RegisterCSV.read(Data(RegisterCSV.write(register).utf8))
        // Check
        #expect(batch.issues == [])
        #expect(batch.register.sorted() == register.sorted())
        #expect(RegisterCheck.issues(in: batch, known: CodecFixture.known) == [])
        #expect(batch.relationsStatedFor == ["leicester-cdp", "treatment-sub-group", "drug-alcohol-board"])
    }

    @Test func writeReadWriteIsIdentical() {
        // Setup
        let first = RegisterCSV.write(CodecFixture.sheet)
        // Act
        let second = RegisterCSV.write(RegisterCSV.read(Data(first.utf8)).register)
        // Check
        #expect(first == second)
    }

    @Test func writesOneRowPerMembership() throws {
        // Setup
        let text = RegisterCSV.write(CodecFixture.sheet)
        // Act
        let table = try CSV.read(Data(text.utf8))
        // Check
        #expect(table.header == RegisterCSV.columns)
        #expect(RegisterCSV.columns.count == 36)
        #expect(
            table.rows.map { $0.fields[0] } == [
                "drug-alcohol-board", "leicester-cdp", "leicester-cdp", "leicester-cdp",
                "treatment-sub-group", "treatment-sub-group"
            ])
        let board = table.rows[0].fields
        #expect(board[21...].allSatisfy { $0.isEmpty })
        #expect(board[7] == "Tackle \"drug\" harm, together.\nA second line, with a comma.")
        #expect(board[17] == "leicester-cdp" && board[18] == "leicester-cdp")
        let icb = table.rows[2].fields
        #expect(
            Array(icb[21...]) == [
                "cdp-icb", "", "", "", "", "", "llr-icb", "LLR Integrated Care Board", "health",
                "adviser", "no", "2022-09-01", "2024-03-31", "", ""
            ])
    }

    @Test func readsTheSheetAnOfficeKeeps() {
        // Setup
        let data = sheet(
            "Partnership name,Type,Status,Started on,Themes,PCC roles,Secretariat name,Member person name,Member role title,Member organisation name,Member organisation sector,Role,Voting",
            "Leicester CDP,Combating Drugs Partnership (CDP),,01/09/2022,drugs; treatment,Member;funder,OPCC,Jane Doe,Director of Public Health,Leicester City Council,Local government,Chair,yes",
            "Leicester CDP,,,,,,,John Roe,Analyst,Leicester City Council,,member,",
            "Reducing Reoffending Board,reducing-reoffending-board,,,,,,,,,,,")
        // Act
        let batch = RegisterCSV.read(data)
        // Check
        #expect(batch.issues == [])
        let cdp = Partnership(
            key: "leicester-cdp", name: "Leicester CDP", type: .combatingDrugsPartnership,
            startedOn: Day("2022-09-01"), themes: ["drugs", "treatment"],
            pccRoles: [.member, .funder], secretariatKey: "opcc")
        let board = Partnership(
            key: "reducing-reoffending-board", name: "Reducing Reoffending Board", type: .reducingReoffendingBoard)
        #expect(batch.register.partnerships == [cdp, board])
        #expect(
            batch.register.organisations == [
                Organisation(key: "opcc", name: "OPCC", sector: .other),
                Organisation(key: "leicester-city-council", name: "Leicester City Council", sector: .localGovernment)
            ])
        #expect(
            batch.register.persons.map(\.key) == ["jane-doe-leicester-city-council", "john-roe-leicester-city-council"])
        #expect(batch.register.persons.last?.organisationKey == "leicester-city-council")
        #expect(
            batch.register.memberships.first
                == Membership(
                    key: "leicester-cdp-jane-doe-leicester-city-council-chair", partnershipKey: "leicester-cdp",
                    personKey: "jane-doe-leicester-city-council", role: .chair, representsKey: "leicester-city-council",
                    votingRight: true))
        #expect(batch.relationsStatedFor == ["leicester-cdp", "reducing-reoffending-board"])
        #expect(batch.location(.membership, "leicester-cdp-john-roe-leicester-city-council-member") == "row 3")
        #expect(batch.location(.partnership, "reducing-reoffending-board") == "row 4")
        #expect(RegisterCheck.issues(in: batch, known: .init()) == [])
    }

    @Test func badRoleIsNamed() {
        // Setup
        let data = sheet(
            header, row(["partnership_name": "Board", "type": "cdp", "member_person_name": "A", "role": "Chairman"]))
        // Act
        let batch = RegisterCSV.read(data)
        // Check
        #expect(
            batch.issues.map(\.description) == [
                "row 2, role: 'Chairman' is not a known role; expected one of chair, vice-chair, sro, member, voting-member, adviser, secretariat, observer"
            ])
    }

    static let unknownValues: [(column: String, value: String, message: String)] = [
        ("type", "Quango", "'Quango' is not a known partnership type; expected one of \(PartnershipType.expectedList)"),
        ("status", "paused", "'paused' is not a known status; expected one of \(PartnershipStatus.expectedList)"),
        (
            "pcc_roles", "member; boss",
            "'boss' is not a known PCC role; expected one of \(PCCRole.expectedList), separated by ;"
        ),
        (
            "meeting_frequency", "daily",
            "'daily' is not a known meeting frequency; expected one of \(MeetingFrequency.expectedList)"
        ),
        (
            "member_seniority", "intern",
            "'intern' is not a known seniority band; expected one of \(SeniorityBand.expectedList)"
        ),
        ("member_organisation_sector", "cops", "'cops' is not a known sector; expected one of \(Sector.expectedList)"),
        ("role", "boss", "'boss' is not a known role; expected one of \(MembershipRole.expectedList)")
    ]

    @Test(arguments: unknownValues)
    func unknownVocabularyIsNamed(_ bad: (column: String, value: String, message: String)) {
        // Setup
        var cells = [
            "partnership_name": "Board", "type": "cdp", "member_person_name": "A", "member_organisation_name": "Org"
        ]
        cells[bad.column] = bad.value
        let data = sheet(header, row(["partnership_name": "Board", "type": "cdp"]), row(cells))
        // Act
        let batch = RegisterCSV.read(data)
        // Check
        #expect(batch.issues == [ImportIssue("row 3", field: bad.column, bad.message)])
    }

    @Test func badDatesNumbersAndFlagsAreEachNamed() {
        // Setup
        let data = sheet(
            header,
            row([
                "partnership_name": "Board", "type": "cdp", "started_on": "31/02/2024", "member_person_name": "A",
                "member_salary_band": "fifty thousand", "voting": "maybe", "member_ended_on": "2024-13-01"
            ]),
            row([
                "partnership_name": "Other", "type": "csp", "is_demo": "perhaps", "member_person_name": "B",
                "member_salary_band": "£52,000", "member_started_on": "tomorrow"
            ]))
        // Act
        let batch = RegisterCSV.read(data)
        // Check
        #expect(
            batch.issues.map(\.description) == [
                "row 2, started_on: '31/02/2024' is not a date; expected yyyy-mm-dd or dd/mm/yyyy, like 2024-03-14",
                "row 2, member_salary_band: 'fifty thousand' is not a whole number of pounds a year, like 52000",
                "row 2, voting: 'maybe' is not yes or no; expected yes, no, true, false or an empty cell",
                "row 2, member_ended_on: '2024-13-01' is not a date; expected yyyy-mm-dd or dd/mm/yyyy, like 2024-03-14",
                "row 3, is_demo: 'perhaps' is not yes or no; expected yes, no, true, false or an empty cell",
                "row 3, member_started_on: 'tomorrow' is not a date; expected yyyy-mm-dd or dd/mm/yyyy, like 2024-03-14"
            ])
        #expect(batch.register.persons.last?.salaryBand == 52_000)
    }

    @Test func conflictingRepeatedRowsNameBothRows() {
        // Setup
        let data = sheet(
            header,
            row([
                "partnership_name": "Board", "type": "cdp", "purpose": "A", "member_person_id": "a",
                "member_person_name": "Ann", "member_role_title": "Director"
            ]),
            row(["partnership_name": "Board", "type": "csp", "member_person_id": "b", "member_person_name": "Bob"]),
            row(["partnership_name": "Board", "type": "Combating Drugs Partnership (CDP)", "purpose": "B"]),
            row([
                "partnership_id": "board", "member_person_id": "a", "member_role_title": "Chief executive",
                "role": "chair"
            ]))
        // Act
        let batch = RegisterCSV.read(data)
        // Check
        let agree = "leave the cell empty to mean \"as above\", or make the rows agree"
        #expect(
            batch.issues.map(\.description) == [
                "row 3, type: 'csp' differs from 'cdp' on row 2 for the same partnership 'board'; \(agree)",
                "row 4, purpose: 'B' differs from 'A' on row 2 for the same partnership 'board'; \(agree)",
                "row 5, member_role_title: 'Chief executive' differs from 'Director' on row 2 for the same person 'a'; \(agree)"
            ])
        #expect(batch.register.partnerships.map(\.type) == [.combatingDrugsPartnership])
        #expect(batch.register.partnerships.first?.purpose == "A")
    }

    @Test func missingRequiredColumnIsNamed() {
        // Setup
        let data = sheet("Partnership name,Role", "Board,chair")
        // Act
        let batch = RegisterCSV.read(data)
        // Check
        #expect(
            batch.issues.map(\.description) == [
                "row 1, type: The header row has no type column; add it (partnership_name and type are required)"
            ])
        #expect(batch.register == Register())
    }

    @Test func missingTypeAndPartnershipAreNamed() {
        // Setup
        let data = sheet("partnership_name,type,member_person_name", "Board,,", ",,Ann")
        // Act
        let batch = RegisterCSV.read(data)
        // Check
        #expect(
            batch.issues.map(\.description) == [
                "row 3, partnership_name: Enter the partnership's name; every row belongs to a partnership",
                "row 2, type: Enter the partnership's type; expected one of \(PartnershipType.expectedList)"
            ])
    }

    @Test func latin1BytesNameTheLine() {
        // Setup
        let data = Data("partnership_name,type\nBoard,cdp\nCaf".utf8) + Data([0xE9]) + Data(" Board,csp\n".utf8)
        // Act
        let batch = RegisterCSV.read(data)
        // Check
        #expect(
            batch.issues.map(\.description) == [
                "line 3: The file is not UTF-8 text; save it from the spreadsheet as \"CSV UTF-8\""
            ])
    }

    @Test func unterminatedQuoteNamesTheRow() {
        // Setup
        let data = sheet("partnership_name,type", "Board,cdp", "\"Other board,csp")
        // Act
        let batch = RegisterCSV.read(data)
        // Check
        #expect(
            batch.issues.map(\.description) == [
                "row 3: A quoted cell is never closed; look for a stray double quote (\")"
            ])
    }

    @Test func unknownPartnershipReferencesNameTheirRows() {
        // Setup
        let data = sheet(
            "partnership_id,partnership_name,type,reports_to,member_person_name,member_organisation_name",
            "board,Board,cdp,,Ann,Org",
            "sub,Sub,sub-group,no-such-board,,",
            "ghost,,,,Bob,Org")
        let batch = RegisterCSV.read(data)
        // Act
        let issues = RegisterCheck.issues(in: batch, known: .init())
        // Check
        #expect(batch.issues == [])
        #expect(
            issues.map { "\($0.location): \($0.message)" } == [
                "row 4: No partnership has the identifier 'ghost'",
                "row 3: No partnership has the identifier 'no-such-board'"
            ])
        #expect(issues.last?.field == "reports_to")
        #expect(batch.relationsStatedFor == ["board", "sub"])
    }

    @Test func duplicateRowsNameBothRows() {
        // Setup
        let data = sheet("partnership_name,type,member_person_name,role", "Board,cdp,Ann,chair", "Board,,Ann,Chair")
        let batch = RegisterCSV.read(data)
        // Act
        let issues = RegisterCheck.issues(in: batch, known: .init())
        // Check
        #expect(
            issues.map { "\($0.location): \($0.message)" } == [
                "row 2 and row 3: The membership identifier 'board-ann-chair' is used more than once in this file"
            ])
    }
}
