import ConveneDomain
import Fluent
import Foundation
import NIOPosix

extension Tasks {
    /// A CDP's progress report, made and kept as the page makes it; its HTML, or its PDF.
    public static func progressReport(
        _ partnership: String, yearStart: Int?, pdf: Bool, on db: Database, threadPool: NIOThreadPool,
        workspace: String = defaultWorkspace, now: Now = .system
    ) async throws -> Data {
        let scope = try await Scope.workspace(workspace, on: db, actor: actor, now: now)
        let record = try await RegisterQueries.partnership(partnership, in: scope)
        let choices = ReportListModel.years(of: record, today: now.today)
        let year = yearStart.map(ProgressReport.Year.init(startYear:)) ?? ProgressReport.Year.lastEnded(by: now.today)
        guard choices.contains(year) else {
            throw Failure(
                "--year: Choose a year from \(choices.last!.startYear) to \(choices.first!.startYear) "
                    + "(the year starting in April)")
        }
        let chromium = Chromium.find()
        if pdf && chromium == nil {
            throw Failure("A PDF needs Chromium: install it (Debian: apt-get install chromium) or set CONVENE_CHROMIUM")
        }
        let made = try await ProgressReports.make(
            record, year: year, chromium: chromium, threadPool: threadPool, in: scope)
        guard pdf else { return Data(made.html.utf8) }
        guard let file = made.pdf else { throw Failure("Chromium could not print the report") }
        return file
    }
}
