import ArgumentParser
import ConveneDomain
import ConveneServer
import Foundation

struct ReviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review", abstract: "Reviews of the partnership system and their reports.",
        subcommands: [ReviewListCommand.self, ReviewReportCommand.self])
}

struct ReviewListCommand: AsyncParsableCommand {
    enum Format: String, ExpressibleByArgument { case json }

    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "The workspace's reviews, newest first: [{\"id\", \"title\", \"status\"}].")

    @ArgumentParser.Option(help: "json.") var format: Format = .json
    @ArgumentParser.OptionGroup var workspace: WorkspaceOption
    @ArgumentParser.OptionGroup var options: DatabaseOptions

    func run() async throws {
        let output = try await withApplication(options) { app in
            try await Tasks.reviews(db: app.db, workspace: workspace.workspace, now: Convene.now)
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}

struct ReviewReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "A review's report: title page, contents, summary, method, the landscape, each measure, the survey "
            + "and the recommendations, as HTML or PDF.")

    @ArgumentParser.Argument(help: "The review's key (its id in `convene review list`).") var key: String
    @ArgumentParser.Option(help: "The file to write: .pdf or .html.") var output: String
    @ArgumentParser.OptionGroup var workspace: WorkspaceOption
    @ArgumentParser.OptionGroup var options: DatabaseOptions

    func run() async throws {
        let pdf = try isPDF(output)
        let data = try await withApplication(options) { app in
            try await Tasks.reviewReport(
                key, pdf: pdf, on: app.db, threadPool: app.threadPool, dotPath: app.convene.dotPath,
                workspace: workspace.workspace, now: Convene.now)
        }
        try emit(data, to: output)
    }
}
