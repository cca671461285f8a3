import ConveneDomain
import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting

@testable import ConveneServer

/// Surveys end to end: made from the reports' template, sent by personal links, answered without signing in, a page
/// at a time, and counted; an anonymous survey shows nothing below five respondents and keeps nothing that joins an
/// answer to its person.
@Suite struct SurveyTests {
    /// Six people in one partnership, from police, health and the council.
    static let register = """
        partnership_id,partnership_name,type,membership_id,member_person_id,member_person_name,member_organisation_id,member_organisation_name,member_organisation_sector,role
        """ + "\n"
        + (1...6).map { i in
            let (org, name, sector) =
                i <= 3
                ? ("force", "Police Force", "police")
                : i <= 5 ? ("icb", "Health Board", "health") : ("council", "Council", "local-government")
            return "csp,Community Safety Partnership,csp,m\(i),p\(i),Person \(i),\(org),\(name),\(sector),member"
        }.joined(separator: "\n")

    /// Makes a survey from the template (anonymous or not), opens it and sends links to `people`; the links' secrets.
    static func sent(_ app: Application, anonymous: Bool, people: ClosedRange<Int> = 1...6) async throws -> (
        String, [String]
    ) {
        _ = try await app.importCSV(register)
        let made = try await app.send(
            .POST, "/surveys/new",
            form: "title=Partners+survey&template=partnership-system" + (anonymous ? "&anonymous=yes" : ""))
        #expect(made.status == .seeOther)
        let key = made.headers.first(name: .location)!.replacingOccurrences(of: "/surveys/", with: "")
        let opened = try await app.send(.POST, "/surveys/\(key)/status", form: "status=open")
        #expect(opened.status == .seeOther)
        let links = try await app.send(
            .POST, "/surveys/\(key)/links", form: people.map { "persons%5B%5D=p\($0)" }.joined(separator: "&"))
        #expect(links.status == .ok)
        let secrets = links.text.components(separatedBy: "/respond/").dropFirst().map {
            String($0.prefix { $0 != "/" })
        }
        return (key, Array(Set(secrets)))
    }

    /// Answers every page of the template through a link, agreeing with every statement, as nobody signed in.
    static func answerAll(_ app: Application, _ secret: String, point: String = "agree") async throws {
        let survey = SurveyTemplates.partnerships
        let pages = Survey(key: "", title: "", questions: survey.questions).pages()
        for (index, page) in pages.enumerated() {
            let form = page.map { q in q.kind == .likert ? "\(q.key)=\(point)" : "\(q.key)=Fine+as+it+is" }
                .joined(separator: "&")
            let saved = try await app.send(.POST, "/respond/\(secret)/\(index + 1)", form: form, signedIn: false)
            #expect(saved.status == .seeOther)
        }
        let sent = try await app.send(.POST, "/respond/\(secret)/check", form: "", signedIn: false)
        #expect(sent.status == .ok && sent.text.contains("Answers sent"))
    }

    @Test func aRespondentAnswersThroughTheirLinkWithoutSigningInAndIsToldOfARequiredQuestion() async throws {
        try await withConveneApp { app in
            let (key, secrets) = try await Self.sent(app, anonymous: false, people: 1...2)
            #expect(secrets.count == 2)

            // Act: the first page with one statement unanswered and one answered with something not on the scale.
            let page = try await app.send(.GET, "/respond/\(secrets[0])/1", signedIn: false)
            let refused = try await app.send(
                .POST, "/respond/\(secrets[0])/1", form: "q1=strongly_agree&q2=sometimes&q3=agree", signedIn: false)
            let kept = try await app.send(.GET, "/respond/\(secrets[0])/1", signedIn: false)
            try await Self.answerAll(app, secrets[0])
            let wrong = try await app.send(.GET, "/respond/not-a-secret/1", signedIn: false)
            let results = try await app.send(.GET, "/surveys/\(key)/results")
            let owner = try await app.send(.GET, "/surveys/\(key)")

            // Check
            #expect(page.status == .ok && page.text.contains("Multi-agency partnerships have a critical role"))
            #expect(page.headers.setCookie == nil)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("There is a problem") && refused.text.contains(##"href="#q4""##))
            #expect(refused.text.contains("is not an answer to this statement"))
            // The page comes back with what was given; nothing is kept until the page has no errors.
            #expect(refused.text.contains(#"id="q1" name="q1" value="strongly_agree" checked"#))
            #expect(!kept.text.contains("checked"))
            #expect(wrong.status == .notFound)
            #expect(results.text.contains("1 respondent has sent answers"))
            #expect(results.text.contains("100.0%"))
            #expect(owner.text.contains("Person 1") && owner.text.contains("Yes") && owner.text.contains("Not yet"))
        }
    }

    @Test func anAnonymousSurveyShowsNothingBelowFiveAndNothingJoinsAnAnswerToItsPerson() async throws {
        try await withConveneApp { app in
            let (key, secrets) = try await Self.sent(app, anonymous: true)
            for secret in secrets.prefix(4) { try await Self.answerAll(app, secret) }
            let four = try await app.send(.GET, "/surveys/\(key)/results")
            try await Self.answerAll(app, secrets[4], point: "disagree")
            let five = try await app.send(.GET, "/surveys/\(key)/results")

            #expect(four.text.contains("4 respondents have sent answers"))
            #expect(four.text.contains("shown only when at least 5"))
            #expect(!four.text.contains("<svg"))
            #expect(five.text.contains("<svg") && five.text.contains("80.0%"))

            // Nothing stored with an answer names its link, its person or the link's fingerprint.
            let sql = app.db as! any SQLDatabase
            let links = try await SurveyLinkRecord.query(on: app.db).all()
            let responses = try await sql.raw("SELECT * FROM survey_responses").all()
            #expect(responses.count == 5)
            let identifying = Set(
                links.flatMap { [$0.id!.uuidString, $0.$person.id!.uuidString, $0.secretHash, $0.key, $0.recipient] }
                    .map { $0.lowercased() })
            for row in responses {
                for column in row.allColumns {
                    let value = (try? row.decode(column: column, as: String?.self)) ?? nil
                    if let value { #expect(!identifying.contains(value.lowercased()), "\(column) = \(value)") }
                    let id = (try? row.decode(column: column, as: UUID?.self)) ?? nil
                    if let id { #expect(!identifying.contains(id.uuidString.lowercased()), "\(column) = \(id)") }
                }
            }
            let audit = try await AuditEventRecord.query(on: app.db).filter(\.$kind == "survey-response").all()
            #expect(!audit.isEmpty)
            for entry in audit {
                #expect(!entry.actor.contains("Person") && !(entry.after ?? "").contains("Person"))
            }
        }
    }
}

/// Answers gathered elsewhere: the reports' own 38 respondents as a Microsoft Forms export, read into a survey whose
/// results give the reports' figures from the counts; a bad file changes nothing; the same file twice changes nothing.
@Suite struct SurveyImportTests {
    /// Each statement with its counts, strongly agree … strongly disagree, as the report's figures imply (38 each).
    static let statements: [(String, [Int])] = [
        ("Multi-agency partnerships have a critical role to play in delivering PCCs' priorities", [31, 6, 1, 0, 0]),
        (
            "There is a tendency for similar groups of people to have similar discussions in different partnership forums",
            [15, 16, 5, 2, 0]
        ),
        ("Too many partnerships that should be driving work are more like talking shops", [8, 18, 8, 4, 0]),
        ("Existing partnerships are reviewed effectively to ensure efficient partnership working", [1, 8, 13, 12, 4]),
        (
            "Overall our local partnerships are configured effectively and efficiently to deliver multi-agency solutions",
            [5, 15, 6, 10, 2]
        )
    ]

    static let labels = ["Strongly agree", "agree", "NEITHER AGREE NOR DISAGREE", "Disagree", "strongly disagree"]

    /// 38 rows; each statement's answers spread down the rows so no row is the same as another.
    static func export(bad: Bool = false) -> String {
        let columns = statements.map { _, counts in
            zip(labels, counts).flatMap { Array(repeating: $0, count: $1) }
        }
        var lines = ["ID,Start time,Email,Name," + statements.map { "\"\($0.0)\"" }.joined(separator: ",")]
        for row in 0..<38 {
            let answers = columns.enumerated().map { index, column in column[(row + index * 7) % 38] }
            lines.append(
                "\(row + 1),2026-10-01 09:00,person\(row)@example.org,Person \(row)," + answers.joined(separator: ","))
        }
        if bad {
            lines[5] += "x"
            lines[6] = lines[6].replacingOccurrences(of: ",Person 5,", with: ",Person 5,Sometimes,")
                .replacingOccurrences(of: #",[^,]*$"#, with: "", options: .regularExpression)
            lines[9] = lines[9] + ",extra"
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func theReportsFiguresComeFromTheImportedCountsAndTheContractSaysSo() async throws {
        try await withConveneApp { app in
            let data = Data(Self.export().utf8)
            let first = try await Tasks.importSurvey(
                data, fileName: "apcc-survey.csv", survey: "apcc-2024", title: "APCC survey of OPCCs", db: app.db,
                now: TestClock.now)
            let audit = try await AuditEventRecord.query(on: app.db).count()
            let again = try await Tasks.importSurvey(
                data, fileName: "apcc-survey.csv", survey: "apcc-2024", title: nil, db: app.db, now: TestClock.now)
            let json = try await Tasks.surveyResults("apcc-2024", format: .json, db: app.db, now: TestClock.now)
            let csv = try await Tasks.surveyResults("apcc-2024", format: .csv, db: app.db, now: TestClock.now)

            #expect(first.contains("38 responses added"))
            #expect(again.contains("0 responses added, 38 already there"))
            #expect(try await AuditEventRecord.query(on: app.db).count() == audit)
            let contract = try JSONDecoder().decode(SurveyResults.Contract.self, from: Data(json.utf8))
            #expect(contract.survey == "apcc-2024" && contract.respondents == 38)
            #expect(contract.questions.map(\.kind) == Array(repeating: .likert, count: 5))
            let shares = contract.questions.map { ($0.agreeShare, $0.stronglyAgreeShare, $0.disagreeShare) }
            #expect(shares[0].0 == 0.9737 && shares[0].1 == 0.8158)  // 97.4% of which 81.6% strongly
            #expect(shares[1].0 == 0.8158)  // 81.6%
            #expect(shares[2].0 == 0.6842)  // 68.4%
            #expect(shares[3].2 == 0.4211)  // 42.1% disagree
            // The report printed 52.7% for 20 of 38, adding its rounded parts; the count gives 52.6%.
            #expect(shares[4].0 == 0.5263)
            #expect(contract.questions[0].counts?.stronglyAgree == 31)
            #expect(json.contains(#""strongly_agree_share" : 0.8158"#))
            #expect(!json.contains("Person 1") && !json.contains("example.org"))
            #expect(csv.split(whereSeparator: \.isNewline).count == 6)
        }
    }

    @Test func aBadFileChangesNothingAndNamesEveryBadCell() async throws {
        try await withConveneApp { app in
            func send(_ file: String) async throws -> TestingHTTPResponse {
                try await app.send(
                    .POST, "/surveys/import",
                    upload: Upload(fields: [("survey", "apcc-2024")], file: file, name: "s.csv"))
            }
            let before = try await AuditEventRecord.query(on: app.db).count()
            let broken = try await send(Self.export().replacingOccurrences(of: "Person 9,", with: "Person 9,x,"))
            let afterBroken = try await AuditEventRecord.query(on: app.db).count()
            let surveys = try await SurveyRecord.query(on: app.db).count()
            let good = try await send(Self.export())
            let afterGood = try await AuditEventRecord.query(on: app.db).count()
            // Into the survey the good file made: two cells that are no answer to their statements.
            var lines = Self.export().components(separatedBy: "\n")
            lines[5] += "x"
            lines[6] = lines[6].replacingOccurrences(of: ",Person 5,", with: ",Person 5,Sometimes,")
                .replacingOccurrences(of: #",[^,]*$"#, with: "", options: .regularExpression)
            let bad = try await send(lines.joined(separator: "\n").replacingOccurrences(of: "1,2026", with: "100,2026"))
            let results = try await app.send(.GET, "/surveys/apcc-2024/results")

            #expect(broken.status == .unprocessableEntity && broken.text.contains("row 11: The row has 10 cells"))
            #expect(afterBroken == before && surveys == 0)
            #expect(good.status == .ok && good.text.contains("38 responses added"))
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("row 6, column I") && bad.text.contains("row 7, column E"))
            #expect(bad.text.contains("Sometimes"))
            #expect(try await AuditEventRecord.query(on: app.db).count() == afterGood)
            #expect(results.text.contains("38 respondents") && results.text.contains("97.4% (81.6% strongly)"))
        }
    }
}
