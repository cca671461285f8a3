import ArgumentParser
import ConveneDomain
import ConveneServer
import Foundation
import Vapor

struct DatabaseOptions: ParsableArguments {
    @ArgumentParser.Option(
        name: .long, help: "The SQLite file to use (default ./convene.sqlite; ignored when DATABASE_URL is set).")
    var database: String?

    var configuration: ConveneServer.Configuration {
        var configuration = ConveneServer.Configuration(
            database: DatabaseChoice.fromEnvironment(databasePath: database))
        // A sign-on set up wrongly is said when the server starts (`serve` checks it); the other commands need none.
        configuration.signOn = try? SignOnSettings.fromEnvironment().get()
        return configuration
    }
}

/// Runs a task with a booted application, shutting it down however the task ends.
func withApplication<T>(
    _ options: DatabaseOptions, logLevel: Logger.Level = .notice,
    _ body: (Application) async throws -> T
) async throws -> T {
    let app: Application
    do {
        app = try await Tasks.application(options.configuration, logLevel: logLevel)
    } catch {
        throw CommandFailure(
            "Could not open the database (\(options.configuration.database.description)): \(String(describing: error))")
    }
    do {
        let result = try await body(app)
        try await app.asyncShutdown()
        return result
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
}

/// Writes a line to standard output at once (print is buffered when the output is a file or a pipe).
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// Writes an export to a file, or to standard output when no file is named.
func emit(_ data: Data, to output: String?) throws {
    guard let output else {
        FileHandle.standardOutput.write(data)
        return
    }
    guard FileManager.default.createFile(atPath: output, contents: data) else {
        throw CommandFailure("Cannot write '\(output)'.")
    }
    FileHandle.standardError.write(Data("Wrote \(data.count) bytes to \(output).\n".utf8))
}

func progress(_ message: String) {
    FileHandle.standardError.write(Data("… \(message)\n".utf8))
}

extension Tasks.FileFormat: ExpressibleByArgument {}

/// Which workspace a command works in.
struct WorkspaceOption: ParsableArguments {
    @ArgumentParser.Option(help: "The workspace's key (see 'convene workspace list').") var workspace = Tasks
        .defaultWorkspace
}

/// Whether a report's `--output` names a PDF (or else an HTML file); any other name is refused.
func isPDF(_ output: String) throws -> Bool {
    switch URL(fileURLWithPath: output).pathExtension.lowercased() {
    case "pdf": return true
    case "html", "htm": return false
    default: throw CommandFailure("--output: Name a .pdf or an .html file")
    }
}
