import ArgumentParser
import ConveneDomain
import ConveneServer
import Foundation
import Vapor

/// `convene`: one executable for serving, migrating, importing, exporting and the demo.
@main
struct Convene: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convene",
        abstract: "The system of record for a police force area's partnership landscape.",
        discussion: "The register lives in an SQLite file (./convene.sqlite, or --database, or CONVENE_DATABASE) unless DATABASE_URL names a PostgreSQL database.",
        subcommands: [Serve.self, Migrate.self, Import.self, Export.self, Geography.self, Demo.self, Audit.self, Workspace.self, User.self,
                      Token.self, Analyse.self, Settings.self, Bench.self])
}

struct DatabaseOptions: ParsableArguments {
    @ArgumentParser.Option(name: .long, help: "The SQLite file to use (default ./convene.sqlite; ignored when DATABASE_URL is set).")
    var database: String?

    var configuration: ConveneServer.Configuration {
        ConveneServer.Configuration(database: DatabaseChoice.fromEnvironment(databasePath: database))
    }
}

/// Runs a task with a booted application and turns any failure into one clear sentence and exit code 1.
func withApplication<T>(_ options: DatabaseOptions, logLevel: Logger.Level = .notice,
                        _ body: (Application) async throws -> T) async throws -> T {
    let app: Application
    do {
        app = try await Tasks.application(options.configuration, logLevel: logLevel)
    } catch {
        throw ValidationError("Could not open the database (\(options.configuration.database.description)): \(String(describing: error))")
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
        throw Failure(description: "Cannot write '\(output)'.")
    }
    FileHandle.standardError.write(Data("Wrote \(data.count) bytes to \(output).\n".utf8))
}

func progress(_ message: String) {
    FileHandle.standardError.write(Data("… \(message)\n".utf8))
}

struct Failure: Error, CustomStringConvertible {
    var description: String
}

extension Tasks.FileFormat: ExpressibleByArgument {}

/// Which workspace a command works in.
struct WorkspaceOption: ParsableArguments {
    @ArgumentParser.Option(help: "The workspace's key (see 'convene workspace list').") var workspace = Tasks.defaultWorkspace
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve the pages and the API (creating and migrating the database on first run).")

    @ArgumentParser.OptionGroup var options: DatabaseOptions
    @ArgumentParser.Flag(help: "Load the demo landscape from the source reports first.") var demo = false
    @ArgumentParser.Option(help: "The port to listen on.") var port = 8080
    @ArgumentParser.Option(help: "The address to listen on.") var hostname = "127.0.0.1"

    func run() async throws {
        var env = try Environment.detect(arguments: ["convene"])
        env.arguments = ["convene", "serve", "--hostname", hostname, "--port", String(port)]
        let app = try await Application.make(env)
        do {
            app.logger.logLevel = env.isRelease ? .notice : .info
            try configure(app, options.configuration)
            try await app.autoMigrate()
            let base = "http://\(hostname):\(port)"
            if demo {
                if case .rejected(let issues) = try await Tasks.loadDemo(on: app.db) {
                    throw Failure(description: "The demo landscape did not load: \(issues.prefix(3).map(\.description).joined(separator: "; "))")
                }
                let password = try await Accounts.demoAdmin(on: app.db, passwords: app.password.async)
                say("Loaded the demo landscape (role titles only, marked as demo data).")
                say("Sign in at \(base)/sign-in as \(Accounts.demoAdmin) with the password \(password)")
            } else if let link = try await Accounts.setupLink(on: app.db) {
                say("No one has an account yet. Create the first administrator at \(base)\(link) (the link works once, for 24 hours),")
                say("or run: convene user add --admin EMAIL")
            }
            say("Convene is running at \(base)/ using \(options.configuration.database.description). Press Ctrl+C to stop.")
            try await app.execute()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create the database or bring it up to date.")
    @ArgumentParser.OptionGroup var options: DatabaseOptions

    func run() async throws {
        try await withApplication(options) { _ in
            say("The database is up to date (\(options.configuration.database.description)).")
        }
    }
}

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import a register file, or a calendar file into a partnership's meetings: all of it, or nothing.",
        discussion: "The file is checked first; any problem is reported by row (or line) and field and nothing is written. Importing the same file again changes nothing. See docs/import-formats.md for the layouts. A calendar file (ics) needs --partnership.")

    enum Kind: String, ExpressibleByArgument, CaseIterable { case popolo, csv, ics }

    @ArgumentParser.Argument(help: "popolo, csv or ics") var format: Kind
    @ArgumentParser.Argument(help: "The file to import.") var file: String
    @ArgumentParser.Option(help: "For ics: the partnership whose meetings the calendar holds.") var partnership: String?
    @ArgumentParser.Flag(help: "Show what would change without writing anything (popolo and csv).") var dryRun = false
    @ArgumentParser.OptionGroup var workspace: WorkspaceOption
    @ArgumentParser.OptionGroup var options: DatabaseOptions

    func validate() throws {
        if format == .ics && partnership == nil { throw ValidationError("A calendar file goes into one partnership's meetings: add --partnership KEY.") }
        if format == .ics && dryRun { throw ValidationError("--dry-run is for register files; a calendar file is checked whole before anything is written.") }
    }

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw Failure(description: "Cannot read '\(file)': no such file, or it is not readable.")
        }
        try await withApplication(options) { app in
            if format == .ics, let partnership {
                switch try await Tasks.importCalendar(data, partnership: partnership, on: app.db, workspace: workspace.workspace) {
                case .rejected(let issues):
                    for issue in issues { FileHandle.standardError.write(Data("\(file): \(issue)\n".utf8)) }
                    throw Failure(description: "\(file) has \(issues.count) problem\(issues.count == 1 ? "" : "s"); nothing was imported.")
                case .imported(let created, let updated, let unchanged, let skipped):
                    say("\(file): \(created) meetings added, \(updated) changed, \(unchanged) already up to date" +
                        (skipped > 0 ? ", \(skipped) left alone (another partnership has them)" : "") + ".")
                }
                return
            }
            let outcome = try await Tasks.importFile(format == .csv ? .csv : .popolo, data, dryRun: dryRun, on: app.db,
                                                     workspace: workspace.workspace, progress: progress)
            try report(outcome, file: file)
        }
    }
}

func report(_ outcome: ImportOutcome, file: String) throws {
    switch outcome {
    case .rejected(let issues):
        for issue in issues { FileHandle.standardError.write(Data("\(file): \(issue)\n".utf8)) }
        throw Failure(description: "\(file) has \(issues.count) problem\(issues.count == 1 ? "" : "s"); nothing was imported.")
    case .applied(let summary, let dryRun):
        say(Tasks.describe(summary, dryRun: dryRun, listChanges: dryRun ? 50 : 0))
    }
}

struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export the register as Popolo JSON or CSV, or meetings as a calendar file (ics).",
        discussion: "A calendar file holds one partnership's meetings (--partnership) or the workspace's, from a year ago to two years ahead. With --public it names nobody, as the public feed does.")

    @ArgumentParser.Argument(help: "popolo, csv or ics") var format: Import.Kind
    @ArgumentParser.Option(help: "Write to this file instead of standard output.") var output: String?
    @ArgumentParser.Option(help: "For ics: only this partnership's meetings.") var partnership: String?
    @ArgumentParser.Flag(name: .customLong("public"), help: "For ics: leave out attendees, as a public feed does.") var publicFeed = false
    @ArgumentParser.OptionGroup var workspace: WorkspaceOption
    @ArgumentParser.OptionGroup var options: DatabaseOptions

    func run() async throws {
        let data = try await withApplication(options) { app in
            if format == .ics {
                return try await Tasks.exportCalendar(partnership: partnership, includeAttendees: !publicFeed, on: app.db, workspace: workspace.workspace)
            }
            return try await Tasks.export(format == .csv ? .csv : .popolo, on: app.db, workspace: workspace.workspace)
        }
        try emit(data, to: output)
    }
}

struct Geography: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Reference geography.", subcommands: [GeographyImport.self])
}

struct GeographyImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import ONS lookup files (district → CSP → police force area, district → upper tier, district → ICB).",
        discussion: "Column headers of any vintage are recognised (LAD19CD, LAD24CD, ltla24_code, UTLA23CD, icb24_code …). All files go in together or not at all.")

    @ArgumentParser.Argument(help: "One or more ONS lookup CSV files.") var files: [String]
    @ArgumentParser.Flag(help: "Show what would change without writing anything.") var dryRun = false
    @ArgumentParser.OptionGroup var options: DatabaseOptions

    func run() async throws {
        var loaded: [(name: String, data: Data)] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw Failure(description: "Cannot read '\(file)': no such file, or it is not readable.")
            }
            loaded.append((URL(fileURLWithPath: file).lastPathComponent, data))
        }
        try await withApplication(options) { app in
            let outcome = try await Tasks.importGeography(loaded, dryRun: dryRun, on: app.db, progress: progress)
            try report(outcome, file: files.count == 1 ? files[0] : "the lookup files")
        }
    }
}

struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "The audit log: every change, who made it and when.",
                                                    subcommands: [AuditExport.self])
}

struct AuditExport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the audit log as JSON lines (one change a line, oldest first, with the record before and after).")

    @ArgumentParser.Option(help: "Write to this file instead of standard output.") var output: String?
    @ArgumentParser.OptionGroup var workspace: WorkspaceOption
    @ArgumentParser.OptionGroup var options: DatabaseOptions

    func run() async throws {
        let data = try await withApplication(options) { app in try await Tasks.exportAudit(on: app.db, workspace: workspace.workspace) }
        try emit(data, to: output)
    }
}

struct Demo: AsyncParsableCommand {
    enum Scale: String, ExpressibleByArgument { case reports, national }

    static let configuration = CommandConfiguration(
        abstract: "Load the demo landscape from the source reports (role titles only, marked as demo), or generate a national one.",
        discussion: "--scale national generates 43 force-area workspaces of about 80 partnerships, 25,000 people in all and a year of 1,500 meetings each, with agendas, attendance and actions: the same for the same --seed.")
    @ArgumentParser.Option(help: "reports (the default) or national.") var scale: Scale = .reports
    @ArgumentParser.Option(help: "National: the generator's seed.") var seed: UInt64 = 1
    @ArgumentParser.Option(help: "National: write only the first N of the 43 workspaces.") var workspaces = 43
    @ArgumentParser.OptionGroup var options: DatabaseOptions

    func run() async throws {
        if scale == .national {
            guard (1...43).contains(workspaces) else { throw ValidationError("--workspaces must be from 1 to 43") }
            try await withApplication(options) { app in
                let summary = try await NationalDemo.generate(on: app.db, options: NationalLandscape.Options(seed: seed), count: workspaces,
                                                              progress: { say($0) })
                summary.lines.forEach(say)
            }
            return
        }
        try await withApplication(options) { app in
            try report(try await Tasks.loadDemo(on: app.db), file: "the demo landscape")
            let password = try await Accounts.demoAdmin(on: app.db, passwords: app.password.async)
            say("Sign in as \(Accounts.demoAdmin) with the password \(password)")
        }
    }
}


extension WorkspaceRole: ExpressibleByArgument {}

/// The password for a user command: read from standard input when it is not a terminal, else generated and printed.
func passwordFromInput(_ fromStdin: Bool) -> (password: String, generated: Bool) {
    if fromStdin, let line = readLine(strippingNewline: true) { return (line, false) }
    return (Credentials.generatedPassword(), true)
}

struct User: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage the people who can sign in.",
        subcommands: [UserAdd.self, UserRole.self, UserGrant.self, UserUngrant.self, UserShow.self, UserRemove.self, UserResetPassword.self])
}

struct UserAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a user with a role in a workspace.")
    @ArgumentParser.Argument(help: "Their email address.") var email: String
    @ArgumentParser.Option(help: "admin, editor, secretariat or viewer.") var role: WorkspaceRole = .viewer
    @ArgumentParser.Flag(help: "Make them an administrator (the same as --role admin).") var admin = false
    @ArgumentParser.Flag(help: "Read the password from standard input instead of generating one.") var passwordStdin = false
    @ArgumentParser.OptionGroup var workspace: WorkspaceOption
    @ArgumentParser.OptionGroup var options: DatabaseOptions

    func run() async throws {
        let (password, generated) = passwordFromInput(passwordStdin)
        try await withApplication(options) { app in
            try await Accounts.addUser(email: email, password: password, role: admin ? .admin : role, workspace: workspace.workspace,
                                       on: app.db, passwords: app.password.async)
        }
        say("Added \(Credentials.normalisedEmail(email)) as \((admin ? WorkspaceRole.admin : role).label) of '\(workspace.workspace)'.")
        if generated { say("Their password is \(password) — give it to them securely; it is not shown again.") }
    }
}

struct UserRole: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "role", abstract: "Give a user a role in a workspace, or change the one they have.",
        discussion: "A user may have a role in several workspaces and switches between them after signing in.")
    @ArgumentParser.Argument(help: "Their email address.") var email: String
    @ArgumentParser.Argument(help: "admin, editor, secretariat or viewer.") var role: WorkspaceRole
    @ArgumentParser.OptionGroup var workspace: WorkspaceOption
    @ArgumentParser.OptionGroup var options: DatabaseOptions

    func run() async throws {
        try await withApplication(options) { app in
            try await Accounts.setRole(email: email, role: role, workspace: workspace.workspace, on: app.db)
        }
        say("\(Credentials.normalisedEmail(email)) is now \(role.label) of '\(workspace.workspace)'.")
    }
}

struct UserGrant: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grant", abstract: "Give a partnership to a secretariat user, who may then run its business.",
        discussion: "A secretariat user changes the partnerships they are given (record, members, terms of reference) and reads the rest.")
    @ArgumentParser.Argument(help: "Their email address.") var email: String
    @ArgumentParser.Argument(help: "The partnership's key.") var partnership: String
    @ArgumentParser.OptionGroup var workspace: WorkspaceOption
    @ArgumentParser.OptionGroup var options: DatabaseOptions

    func run() async throws {
        try await withApplication(options) { app in
            try await Accounts.grant(email: email, partnership: partnership, workspace: workspace.workspace, on: app.db)
        }
        say("\(Credentials.normalisedEmail(email)) may now run the business of '\(partnership)'.")
    }
}

struct UserUngrant: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ungrant", abstract: "Take a partnership back from a secretariat user.")
    @ArgumentParser.Argument(help: "Their email address.") var email: String
    @ArgumentParser.Argument(help: "The partnership's key.") var partnership: String
    @ArgumentParser.OptionGroup var workspace: WorkspaceOption
    @ArgumentParser.OptionGroup var options: DatabaseOptions

    func run() async throws {
        try await withApplication(options) { app in
            try await Accounts.revokeGrant(email: email, partnership: partnership, workspace: workspace.workspace, on: app.db)
        }
        say("\(Credentials.normalisedEmail(email)) no longer runs the business of '\(partnership)'.")
    }
}

struct UserShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a user's workspaces, roles and partnerships.")
    @ArgumentParser.Argument(help: "Their email address.") var email: String
    @ArgumentParser.OptionGroup var options: DatabaseOptions

    func run() async throws {
        let lines = try await withApplication(options) { app in
            try await Accounts.describe(email: email, on: app.db)
        }
        lines.forEach(say)
    }
}

struct UserRemove: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a user, their roles and their API tokens.")
    @ArgumentParser.Argument(help: "Their email address.") var email: String
    @ArgumentParser.OptionGroup var options: DatabaseOptions

    func run() async throws {
        try await withApplication(options) { app in try await Accounts.removeUser(email: email, on: app.db) }
        say("Removed \(Credentials.normalisedEmail(email)).")
    }
}

struct UserResetPassword: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reset-password", abstract: "Give a user a new password.")
    @ArgumentParser.Argument(help: "Their email address.") var email: String
    @ArgumentParser.Flag(help: "Read the password from standard input instead of generating one.") var passwordStdin = false
    @ArgumentParser.OptionGroup var options: DatabaseOptions

    func run() async throws {
        let (password, generated) = passwordFromInput(passwordStdin)
        try await withApplication(options) { app in
            try await Accounts.resetPassword(email: email, password: password, on: app.db, passwords: app.password.async)
        }
        say(generated ? "The new password is \(password)" : "The password is changed.")
    }
}

extension WorkspaceKind: ExpressibleByArgument {}

struct Workspace: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Workspaces: one register each, usually one police force area's; a national one reads what the others publish.",
        subcommands: [WorkspaceAdd.self, WorkspaceList.self])
}

struct WorkspaceAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a workspace.")
    @ArgumentParser.Argument(help: "Its key, used in addresses and by --workspace: lower case letters, digits and hyphens.") var key: String
    @ArgumentParser.Option(help: "Its name, as people see it.") var name: String
    @ArgumentParser.Option(help: "force-area or national.") var kind: WorkspaceKind = .forceArea
    @ArgumentParser.Option(help: "The ONS code of its police force area (E23…, W15…).") var forceArea: String?
    @ArgumentParser.OptionGroup var options: DatabaseOptions

    func run() async throws {
        try await withApplication(options) { app in
            try await Workspaces.add(key: key, name: name, kind: kind, forceAreaCode: forceArea, on: app.db)
        }
        say("Added the workspace '\(key)' (\(kind.label)). Give someone a role in it with 'convene user role EMAIL admin --workspace \(key)'.")
    }
}

struct WorkspaceList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the workspaces.")
    @ArgumentParser.OptionGroup var options: DatabaseOptions

    func run() async throws {
        let all = try await withApplication(options) { app in try await Workspaces.all(on: app.db) }
        for w in all { say("\(w.key)\t\(w.kind.label)\t\(w.forceAreaCode ?? "-")\t\(w.name)") }
    }
}

struct Token: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "API tokens (sent as Authorization: Bearer).",
                                                    subcommands: [TokenCreate.self, TokenRevoke.self])
}

struct TokenCreate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "create", abstract: "Create an API token for a user; it is shown once.")
    @ArgumentParser.Argument(help: "The user's email address.") var email: String
    @ArgumentParser.Option(help: "What the token is for.") var label = "API token"
    @ArgumentParser.Option(help: "Limit the token to this role (never more than the user's own).") var role: WorkspaceRole?
    @ArgumentParser.OptionGroup var workspace: WorkspaceOption
    @ArgumentParser.OptionGroup var options: DatabaseOptions

    func run() async throws {
        let (id, secret) = try await withApplication(options) { app in
            try await Accounts.createToken(email: email, label: label, role: role, workspace: workspace.workspace, on: app.db)
        }
        say("Token \(id) created. Keep it secret; it is not shown again:")
        say(secret)
    }
}

struct TokenRevoke: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke an API token at once.")
    @ArgumentParser.Argument(help: "The token's identifier, as 'token create' printed it.") var id: String
    @ArgumentParser.OptionGroup var options: DatabaseOptions

    func run() async throws {
        guard let uuid = UUID(uuidString: id) else { throw Failure(description: "'\(id)' is not a token identifier.") }
        try await withApplication(options) { app in try await Accounts.revokeToken(id: uuid, on: app.db) }
        say("Revoked token \(id).")
    }
}
