import ArgumentParser
import ConveneDomain
import Foundation

/// `convene`: one executable for serving, migrating, importing, exporting and the demo. Each command group is a file
/// in `Commands/`; every failure of a command is a `CommandFailure`, printed here one way.
@main
struct Convene: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convene",
        abstract: "The system of record for a police force area's partnership landscape.",
        discussion:
            "The register lives in an SQLite file (./convene.sqlite, or --database, or CONVENE_DATABASE) unless "
            + "DATABASE_URL names a PostgreSQL database.",
        subcommands: [
            Serve.self, Migrate.self, Import.self, Export.self, Geography.self, Demo.self, Audit.self, Workspace.self,
            User.self,
            Token.self, Analyse.self, Settings.self, Report.self, Bench.self, MilestonesCommand.self, Backup.self,
            Restore.self, SurveyCommand.self, ReviewCommand.self, AlertsCommand.self, DigestCommand.self,
            AccountsCommand.self
        ])

    /// The one clock of a run: every command that needs today reads it from here.
    static let now = Now.system

    /// Parses the command line (a mistake there prints the usage, as ArgumentParser does), then runs the command: any
    /// failure is one sentence on standard error and exit code 1.
    static func main() async {
        let command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exit(withError: error)
        }
        do {
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                var command = command
                try command.run()
            }
        } catch  where String(reflecting: type(of: error)).hasPrefix("ArgumentParser.") {
            exit(withError: error)  // `convene help` and `--help` reach here: ArgumentParser prints the usage
        } catch {
            let failure = CommandFailure(error)
            FileHandle.standardError.write(Data("Error: \(failure.description)\n".utf8))
            Foundation.exit(failure.exitCode)
        }
    }
}

/// Why a command failed, as one sentence a person can act on.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    var exitCode: Int32 = 1

    init(_ description: String) {
        self.description = description
    }

    /// Any error a command meets: its own sentence, or the error's description.
    init(_ error: any Error) {
        switch error {
        case let failure as CommandFailure: self = failure
        case let exit as ExitCode:
            description = ""
            exitCode = exit.rawValue
        default: description = String(describing: error)
        }
    }
}
