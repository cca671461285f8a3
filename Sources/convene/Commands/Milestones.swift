import ArgumentParser
import ConveneDomain
import ConveneServer
import Foundation

extension MilestonesFormat: ExpressibleByArgument {}

struct MilestonesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "milestones",
        abstract: "A partnership's guidance milestones: each step's due date, status and whether it is overdue.",
        discussion:
            "Due dates run from the guidance's publication, or from the partnership's start if it started later. "
            + "Statuses come from the register's records and the evidence kept; overdue is worked out from --on "
            + "(today unless given)."
    )
    @ArgumentParser.Argument(help: "The partnership's key.") var key: String
    @ArgumentParser.Option(help: "The day to work the statuses out on, yyyy-mm-dd.") var on: String?
    @ArgumentParser.Option(help: "json or text.") var format: MilestonesFormat = .text
    @ArgumentParser.OptionGroup var workspace: WorkspaceOption
    @ArgumentParser.OptionGroup var options: DatabaseOptions

    func run() async throws {
        let day = try on.map { text in
            guard let day = Day(text) else {
                throw CommandFailure("--on: '\(text)' is not a date; expected yyyy-mm-dd")
            }
            return day
        }
        let output = try await withApplication(options) { app in
            try await Tasks.milestones(
                key, on: day, format: format, db: app.db, workspace: workspace.workspace, now: Convene.now)
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}
