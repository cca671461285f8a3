import ArgumentParser
import ConveneDomain
import ConveneServer
import Foundation

struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Reports made from the register and kept with it.",
        subcommands: [ReportCDP.self])
}

struct ReportCDP: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cdp",
        abstract:
            "A partnership's annual progress report (its year April to March: meetings and attendance by sector, "
            + "decisions and actions, membership and SRO, footprint, delivery plan), made and kept, as HTML or PDF.",
        discussion:
            "The year is the last one ended unless --year gives the calendar year it starts in (2025 for 2025/26).")

    @ArgumentParser.Argument(help: "The partnership's key.") var key: String
    @ArgumentParser.Option(help: "The calendar year the report's year starts in, April.") var year: Int?
    @ArgumentParser.Option(help: "The file to write: .pdf or .html.") var output: String
    @ArgumentParser.OptionGroup var workspace: WorkspaceOption
    @ArgumentParser.OptionGroup var options: DatabaseOptions

    func run() async throws {
        let pdf = try isPDF(output)
        let data = try await withApplication(options) { app in
            try await Tasks.progressReport(
                key, yearStart: year, pdf: pdf, on: app.db, threadPool: app.threadPool, workspace: workspace.workspace,
                now: Convene.now)
        }
        try emit(data, to: output)
    }
}
