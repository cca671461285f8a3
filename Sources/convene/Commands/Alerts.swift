import ArgumentParser
import ConveneDomain
import ConveneServer
import Foundation

struct AlertsCommand: AsyncParsableCommand {
    enum Format: String, ExpressibleByArgument { case json }

    static let configuration = CommandConfiguration(
        commandName: "alerts",
        abstract: "What is due: terms of reference, actions, agreements, requests, guidance steps and surveys.",
        discussion:
            "Worked out on --on (today by default) from the records. With --user, that user's alerts (an editor's "
            + "or administrator's are the workspace's; a secretariat's, the partnerships it runs and its own actions; "
            + "a viewer's, their own actions); without, the whole workspace's. JSON: {\"on\", \"alerts\": [{\"kind\", "
            + "\"title\", \"due\", \"record\": {\"type\", \"id\"}, \"link\"}]}, kind one of terms-of-reference, "
            + "action, agreement, request, guidance-step, survey.")

    @ArgumentParser.Option(help: "The user's email.") var user: String?
    @ArgumentParser.Option(help: "The day, yyyy-mm-dd.") var on: String?
    @ArgumentParser.Option(help: "json.") var format: Format = .json
    @ArgumentParser.OptionGroup var workspace: WorkspaceOption
    @ArgumentParser.OptionGroup var options: DatabaseOptions

    func run() async throws {
        var day = Convene.now.today
        if let on {
            guard let given = Day(on) else {
                throw CommandFailure("--on: '\(on)' is not a day; write it like 2026-12-07")
            }
            day = given
        }
        let output = try await withApplication(options) { app in
            try await Tasks.alerts(user: user, on: day, db: app.db, workspace: workspace.workspace)
        }
        FileHandle.standardOutput.write(output)
    }
}
