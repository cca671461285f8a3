import ArgumentParser
import ConveneDomain
import ConveneServer
import Foundation

struct Token: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "API tokens (sent as Authorization: Bearer).",
        subcommands: [TokenCreate.self, TokenRevoke.self])
}

struct TokenCreate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Create an API token for a user; it is shown once.")
    @ArgumentParser.Argument(help: "The user's email address.") var email: String
    @ArgumentParser.Option(help: "What the token is for.") var label = "API token"
    @ArgumentParser.Option(help: "Limit the token to this role (never more than the user's own).") var role:
        WorkspaceRole?
    @ArgumentParser.OptionGroup var workspace: WorkspaceOption
    @ArgumentParser.OptionGroup var options: DatabaseOptions

    func run() async throws {
        let (id, secret) = try await withApplication(options) { app in
            try await Accounts.createToken(
                email: email, label: label, role: role, workspace: workspace.workspace, on: app.db)
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
        guard let uuid = UUID(uuidString: id) else { throw CommandFailure("'\(id)' is not a token identifier.") }
        try await withApplication(options) { app in try await Accounts.revokeToken(id: uuid, on: app.db) }
        say("Revoked token \(id).")
    }
}
