import ConveneDomain
import ConveneServer
import Fluent
import Foundation

/// The demo's review of its partnership system, and the partners' survey it draws on: the survey's answers are an
/// export such as Microsoft Forms makes, read through the real importer, as an office's would be.
enum DemoReview {
    static let surveyKey = "partners-survey-2026"
    static let surveyTitle = "Partners' survey 2026"
    static let reviewTitle = "Review of the partnership system"

    /// How 30 partners answered each statement of the reports' survey, strongly agree … strongly disagree (the rest
    /// "Don't know"), near the national figures.
    static let counts: [[Int]] = [
        [22, 7, 1, 0, 0], [3, 11, 6, 8, 2], [4, 15, 5, 5, 1], [5, 10, 7, 6, 1], [2, 9, 6, 10, 2], [2, 10, 5, 9, 3],
        [12, 13, 3, 2, 0], [9, 12, 5, 3, 1], [10, 13, 4, 2, 0], [3, 15, 8, 2, 1], [1, 2, 8, 11, 8], [8, 12, 6, 3, 1],
        [1, 7, 6, 12, 4], [2, 8, 7, 10, 3], [18, 9, 2, 0, 0], [9, 13, 5, 2, 0], [1, 6, 9, 10, 4]
    ]

    static let sectors = ["Police", "Local government", "Health", "Probation", "Voluntary sector", "Fire and rescue"]

    /// The export: an id, the respondent's name and email (which the importer leaves behind), their sector, and an
    /// answer to every statement and the two questions in their own words.
    static func export() -> Data {
        let template = SurveyTemplates.partnerships
        let statements = template.questions.filter { $0.kind == .likert }
        let labels = LikertPoint.allCases.map(\.label) + ["Don't know"]
        let columns = zip(statements, counts).map { _, counts in
            (zip(labels, counts + [30 - counts.reduce(0, +)]).flatMap { Array(repeating: $0, count: $1) })
        }
        let words = template.questions.filter { $0.kind == .freeText }
        var rows = [
            ["ID", "Start time", "Completion time", "Email", "Name", "Which sector do you work in?"]
                + statements.map(\.text) + words.map(\.text)
        ]
        for r in 0..<30 {
            rows.append(
                [
                    "\(r + 1)", "2026-10-0\(r % 9 + 1) 09:00", "2026-10-0\(r % 9 + 1) 09:12",
                    "partner\(r + 1)@example.org",
                    "Partner \(r + 1)", sectors[r % sectors.count]
                ]
                    + columns.enumerated().map { i, column in column[(r * 7 + i * 11) % 30] }
                    + [
                        r % 3 == 0 ? "The Community Safety Partnership: it decides and follows up." : "",
                        r % 4 == 0 ? "The two violence boards cover the same ground with the same people." : ""
                    ])
        }
        return Data(CSV.write(header: rows[0], rows: Array(rows.dropFirst())).utf8)
    }

    /// The office whose partnerships the demo reviews: Merseyside's, where the reports' Violence Reduction
    /// Partnership works beside boards of the same people.
    static let forceArea = "E23000004"

    /// Imports the survey and makes the review of the office's partnerships over the year to `today`, the first
    /// time only.
    static func load(_ register: Register, on db: Database, today: Day, workspace: String) async throws {
        let title = "\(reviewTitle) \(today.year)"
        guard try await !Tasks.hasReview(titled: title, db: db, workspace: workspace) else { return }
        _ = try await Tasks.importSurvey(
            export(), fileName: "partners-survey-2026.csv", survey: surveyKey, title: surveyTitle, db: db,
            workspace: workspace, now: Now.fixed(today))
        _ = try await Tasks.makeReview(
            title: title, period: Period(from: today.adding(days: -365), to: today.adding(days: -1)),
            partnerships: register.partnerships.filter { $0.forceAreaCode == forceArea && !$0.status.hasEnded }.map(
                \.key),
            survey: surveyKey, db: db, workspace: workspace, now: Now.fixed(today))
    }
}
