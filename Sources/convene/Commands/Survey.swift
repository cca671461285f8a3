import ArgumentParser
import ConveneDomain
import ConveneServer
import Foundation

extension SurveyResultsFormat: ExpressibleByArgument {}

struct SurveyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "survey", abstract: "Surveys of partners: answers gathered elsewhere, and results.",
        subcommands: [SurveyImportCommand.self, SurveyResultsCommand.self])
}

struct SurveyImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Imports an export of answers (Microsoft Forms, SmartSurvey, paper typed up) into a survey.",
        discussion:
            "One row a respondent, one column a question. The survey is made from the header when it does not "
            + "exist; an existing survey's questions are matched by their text. All or nothing: a bad file changes "
            + "nothing and every bad cell is named. The same file twice changes nothing.")

    @ArgumentParser.Argument(help: "The file: .csv or .xlsx.") var file: String
    @ArgumentParser.Option(help: "The survey's key.") var survey: String
    @ArgumentParser.Option(help: "The title of a survey made from the file.") var title: String?
    @ArgumentParser.OptionGroup var workspace: WorkspaceOption
    @ArgumentParser.OptionGroup var options: DatabaseOptions

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CommandFailure("\(file): no such file")
        }
        let output = try await withApplication(options) { app in
            try await Tasks.importSurvey(
                data, fileName: URL(fileURLWithPath: file).lastPathComponent, survey: survey, title: title,
                db: app.db, workspace: workspace.workspace, now: Convene.now)
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}

struct SurveyResultsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "results",
        abstract: "A survey's results: each question's counts and shares, computed from the counts.",
        discussion:
            "JSON: {survey, title, respondents, shown, questions: [{text, kind, respondents, counts, agree_share, "
            + "strongly_agree_share, disagree_share, strongly_disagree_share}]}, shares as fractions of those who "
            + "answered to four places. An anonymous survey with fewer than five respondents shows no questions.")

    @ArgumentParser.Argument(help: "The survey's key.") var key: String
    @ArgumentParser.Option(help: "json or csv.") var format: SurveyResultsFormat = .json
    @ArgumentParser.OptionGroup var workspace: WorkspaceOption
    @ArgumentParser.OptionGroup var options: DatabaseOptions

    func run() async throws {
        let output = try await withApplication(options) { app in
            try await Tasks.surveyResults(
                key, format: format, db: app.db, workspace: workspace.workspace, now: Convene.now)
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}
