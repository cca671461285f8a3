import ConveneDemo
import ConveneDomain
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import ConveneServer

/// A demo CDP's progress report, made on its page: kept as made, shown under its own policy, printed to a PDF whose pages
/// carry its figures.
@Suite struct ProgressReportPagesTests {
    static let year = ProgressReport.Year(startYear: 2025)

    /// The demo CDP with the most meetings held in the year.
    static func busiestCDP(_ app: Application) async throws -> (key: String, held: Int) {
        let scope = try await Scope.workspace(Tasks.defaultWorkspace, on: app.db)
        let period = year.period
        let meetings = try await MeetingRecord.query(in: scope).with(\.$partnership)
            .filter(\.$status == MeetingStatus.held.rawValue).all()
            .filter {
                $0.partnership.type == PartnershipType.combatingDrugsPartnership.rawValue
                    && period.contains(WallClock.day(of: $0.startsAt))
            }
        let counts = Dictionary(grouping: meetings, by: \.partnership.key).mapValues(\.count)
        let busiest = try #require(counts.max { ($0.value, $1.key) < ($1.value, $0.key) })
        return (busiest.key, busiest.value)
    }

    @Test func aReportIsMadeKeptShownAndPrinted() async throws {
        try await withConveneApp { app in
            // Setup
            _ = try await ReportsDemo.load(on: app.db, today: TestClock.now.today)
            let (key, held) = try await Self.busiestCDP(app)
            let before = try await AuditTests.auditCount(app)

            // Act
            let list = try await app.send(.GET, "/partnerships/\(key)/reports")
            let made = try await app.send(.POST, "/partnerships/\(key)/reports/new", form: "year=2025")
            let location = made.headers.first(name: .location) ?? ""
            let shown = try await app.send(.GET, location)
            let pdf = try await app.send(.GET, location + "/pdf")
            let again = try await app.send(.POST, "/partnerships/\(key)/reports/new", form: "year=2025")
            let listed = try await app.send(.GET, "/partnerships/\(key)/reports")

            // Check: the list offers the form; making one goes to it, kept under its own key.
            #expect(list.status == .ok && list.text.contains("No report has been made yet."))
            #expect(made.status == .seeOther && location == "/partnerships/\(key)/reports/\(key)-2025")
            #expect(again.headers.first(name: .location) == "/partnerships/\(key)/reports/\(key)-2025-2")
            #expect(listed.text.contains("/partnerships/\(key)/reports/\(key)-2025/pdf"))
            #expect(try await AuditTests.auditCount(app) == before + 2)

            // The document: its own contents, the year's figures, its own style, shown sandboxed.
            #expect(shown.status == .ok)
            #expect(shown.text.contains("progress report 2025/26"))
            #expect(shown.text.contains("\(held) meetings held and"))
            for section in ProgressReportDocument.sections { #expect(shown.text.contains("href=\"#\(section.id)\"")) }
            #expect(shown.text.contains("<style>") && !shown.text.contains("<script"))
            #expect(shown.headers.first(name: "Content-Security-Policy")?.hasPrefix("default-src 'none';") == true)

            // The PDF: printed by Chromium, more than one page, with the partnership's figures in its text.
            #expect(pdf.status == .ok && pdf.headers.contentType?.subType == "pdf")
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID()).pdf")
            defer { try? FileManager.default.removeItem(at: file) }
            try Data(buffer: pdf.body).write(to: file)
            let info = try Self.run("/usr/bin/pdfinfo", [file.path])
            let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
                .flatMap { Int($0.split(separator: " ").last ?? "") }
            #expect((pages ?? 0) >= 2, "\(info)")
            let text = try Self.run("/usr/bin/pdftotext", ["-layout", file.path, "-"])
            #expect(text.contains("Attendance by sector") && text.contains("\(held) meetings held"))
        }
    }

    @Test func aYearBeforeTheGuidanceOrAfterNextIsRefused() async throws {
        try await withConveneApp { app in
            // Setup
            try await MeetingTests.setUp(app)
            let before = try await AuditTests.auditCount(app)

            // Act
            let early = try await app.send(.POST, "/partnerships/cdp/reports/new", form: "year=2019")
            let late = try await app.send(.POST, "/partnerships/cdp/reports/new", form: "year=2030")

            // Check
            #expect(early.status == .unprocessableEntity && early.text.contains("Choose a year the partnership"))
            #expect(late.status == .unprocessableEntity)
            #expect(try await AuditTests.auditCount(app) == before)
        }
    }

    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
