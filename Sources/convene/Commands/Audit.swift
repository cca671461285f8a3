import ArgumentParser
import ConveneDomain
import ConveneServer
import Foundation

struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The audit log: every change, who made it and when.",
        subcommands: [AuditExport.self])
}

struct AuditExport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract:
            "Export the audit log as JSON lines (one change a line, oldest first, with the record before and after).")

    @ArgumentParser.Option(help: "Write to this file instead of standard output.") var output: String?
    @ArgumentParser.OptionGroup var workspace: WorkspaceOption
    @ArgumentParser.OptionGroup var options: DatabaseOptions

    func run() async throws {
        let data = try await withApplication(options) { app in
            try await Tasks.exportAudit(on: app.db, workspace: workspace.workspace)
        }
        try emit(data, to: output)
    }
}
