import ArgumentParser
import ConveneDemo
import ConveneDomain
import ConveneServer
import Foundation
import Vapor

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the pages and the API (creating and migrating the database on first run).")

    @ArgumentParser.OptionGroup var options: DatabaseOptions
    @ArgumentParser.Flag(help: "Load the demo landscape from the source reports first.") var demo = false
    @ArgumentParser.Option(help: "The port to listen on.") var port = 8080
    @ArgumentParser.Option(help: "The address to listen on.") var hostname = "127.0.0.1"
    @ArgumentParser.Flag(
        help: "Do not migrate the database on starting: where `convene migrate` is the deploy step, run once.")
    var noMigrate = false

    func run() async throws {
        var env = try Environment.detect(arguments: ["convene"])
        env.arguments = ["convene", "serve", "--hostname", hostname, "--port", String(port)]
        // LOG_LEVEL=debug logs every SQL statement a request runs (scripts/bench-pages counts them so on SQLite).
        try LoggingSystem.bootstrap(from: &env)
        let app = try await Application.make(env)
        do {
            app.logger.logLevel =
                Environment.get("LOG_LEVEL").flatMap(Logger.Level.init(rawValue:)) ?? (env.isRelease ? .notice : .info)
            if case .failure(let problem) = SignOnSettings.fromEnvironment() {
                throw CommandFailure("Single sign-on is not set up right: \(problem)")
            }
            try configure(app, options.configuration)
            if noMigrate {
                let pending = try await Migrations.pending(on: app.db)
                if !pending.isEmpty {
                    throw CommandFailure(
                        "The database is not up to date (\(pending.count) migrations to run); run `convene migrate` first."
                    )
                }
            } else {
                try await Migrations.run(on: app)
            }
            let base = "http://\(hostname):\(port)"
            if demo {
                if case .rejected(let issues) = try await ReportsDemo.load(on: app.db, today: Convene.now.today) {
                    throw CommandFailure(
                        "The demo landscape did not load: "
                            + "\(issues.prefix(3).map(\.description).joined(separator: "; "))"
                    )
                }
                let password = try await Accounts.demoAdmin(on: app.db, passwords: app.password.async)
                say("Loaded the demo landscape (role titles only, marked as demo data).")
                say("Sign in at \(base)/sign-in as \(Accounts.demoAdmin) with the password \(password)")
            } else if let link = try await Accounts.setupLink(on: app.db) {
                say(
                    "No one has an account yet. Create the first administrator at \(base)\(link) (the link works "
                        + "once, for 24 hours),"
                )
                say("or run: convene user add --admin EMAIL")
            }
            say(
                "Convene is running at \(base)/ using \(options.configuration.database.description). Press Ctrl+C "
                    + "to stop."
            )
            try await app.execute()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
