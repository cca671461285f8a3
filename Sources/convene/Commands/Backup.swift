import ArgumentParser
import ConveneDomain
import ConveneServer
import Foundation

struct Backup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Write the whole database (every workspace, account, audit event and meeting) to one portable file, "
            + "while the server runs.")

    @ArgumentParser.Option(help: "The backup file to write.") var output: String
    @ArgumentParser.OptionGroup var options: DatabaseOptions

    func run() async throws {
        let data = try await withApplication(options) { app in try await Tasks.backup(on: app.db) }
        // Written beside its place and moved there, so that a backup stopped half-way never looks whole.
        let target = URL(fileURLWithPath: output)
        let partial = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).partial")
        do {
            try data.write(to: partial)
            _ = try? FileManager.default.removeItem(at: target)
            try FileManager.default.moveItem(at: partial, to: target)
        } catch {
            throw CommandFailure("Could not write the backup to \(output): \(error.localizedDescription)")
        }
        say("Wrote the backup of \(options.configuration.database.description) to \(output) (\(data.count) bytes).")
    }
}

struct Restore: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Load a backup into an empty database of either kind (SQLite or PostgreSQL): all of it, or nothing.")

    @ArgumentParser.Argument(help: "The backup file, as `convene backup` wrote it.") var file: String
    @ArgumentParser.Flag(help: "Remove what the database holds first (in the same transaction).") var replace = false
    @ArgumentParser.OptionGroup var options: DatabaseOptions

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CommandFailure("Could not read \(file)")
        }
        do {
            let restored = try await withApplication(options) { app in
                try await Tasks.restore(data, replacing: replace, on: app.db)
            }
            say(
                "Restored \(restored.rows) rows in \(restored.tables) tables into "
                    + "\(options.configuration.database.description).")
        } catch let problem as BackupProblem {
            throw CommandFailure("Nothing was restored: \(problem.description).")
        }
    }
}
