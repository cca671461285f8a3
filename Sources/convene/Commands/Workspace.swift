import ArgumentParser
import ConveneDomain
import ConveneServer
import Foundation

extension WorkspaceKind: ExpressibleByArgument {}

struct Workspace: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Workspaces: one register each, usually one police force area's; a national one reads what the others "
            + "publish.",
        subcommands: [WorkspaceAdd.self, WorkspaceList.self])
}

struct WorkspaceAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a workspace.")
    @ArgumentParser.Argument(
        help: "Its key, used in addresses and by --workspace: lower case letters, digits and hyphens.") var key: String
    @ArgumentParser.Option(help: "Its name, as people see it.") var name: String
    @ArgumentParser.Option(help: "force-area or national.") var kind: WorkspaceKind = .forceArea
    @ArgumentParser.Option(help: "The ONS code of its police force area (E23…, W15…).") var forceArea: String?
    @ArgumentParser.OptionGroup var options: DatabaseOptions

    func run() async throws {
        try await withApplication(options) { app in
            try await Workspaces.add(key: key, name: name, kind: kind, forceAreaCode: forceArea, on: app.db)
        }
        say(
            "Added the workspace '\(key)' (\(kind.label)). Give someone a role in it with 'convene user role EMAIL "
                + "admin --workspace \(key)'."
        )
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
