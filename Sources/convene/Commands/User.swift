import ArgumentParser
import ConveneDomain
import ConveneServer
import Foundation

extension WorkspaceRole: ExpressibleByArgument {}

/// The password for a user command: read from standard input when it is not a terminal, else generated and printed.
func passwordFromInput(_ fromStdin: Bool) -> (password: String, generated: Bool) {
    if fromStdin, let line = readLine(strippingNewline: true) { return (line, false) }
    return (Credentials.generatedPassword(), true)
}

struct User: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage the people who can sign in.",
        subcommands: [
            UserAdd.self, UserInvite.self, UserList.self, UserRole.self, UserGrant.self, UserUngrant.self,
            UserShow.self, UserSuspend.self, UserRestore.self, UserRemove.self, UserResetPassword.self
        ])
}

struct UserSuspend: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suspend",
        abstract: "Suspend a user's role in a workspace: from their next request they cannot use it, nor its tokens.")
    @ArgumentParser.Argument(help: "Their email address.") var email: String
    @ArgumentParser.OptionGroup var workspace: WorkspaceOption
    @ArgumentParser.OptionGroup var options: DatabaseOptions

    func run() async throws {
        try await withApplication(options) { app in
            try await Accounts.suspend(email: email, workspace: workspace.workspace, on: app.db, now: Convene.now)
        }
        say("\(Credentials.normalisedEmail(email))'s role in '\(workspace.workspace)' is suspended.")
    }
}

struct UserRestore: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "Give a suspended user their role in a workspace back.")
    @ArgumentParser.Argument(help: "Their email address.") var email: String
    @ArgumentParser.OptionGroup var workspace: WorkspaceOption
    @ArgumentParser.OptionGroup var options: DatabaseOptions

    func run() async throws {
        try await withApplication(options) { app in
            try await Accounts.restore(email: email, workspace: workspace.workspace, on: app.db)
        }
        say("\(Credentials.normalisedEmail(email))'s role in '\(workspace.workspace)' is restored.")
    }
}

struct AccountsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accounts", abstract: "Look after the accounts as a whole.", subcommands: [AccountsExpire.self])
}

struct AccountsExpire: AsyncParsableCommand {
    enum Format: String, ExpressibleByArgument { case json, text }

    static let configuration = CommandConfiguration(
        commandName: "expire",
        abstract: "Suspend the roles of accounts unused for --days (180 by default); for a scheduler.",
        discussion:
            "An account is used when its person signs in or its tokens are used. A workspace's last administrator is "
            + "kept, and listed. JSON: {\"suspended\": [{\"email\", \"workspace\", \"last_active\"}], \"kept\": […]}.")
    @ArgumentParser.Option(help: "Days unused before an account's roles are suspended.") var days = 180
    @ArgumentParser.Option(help: "json or text.") var format: Format = .text
    @ArgumentParser.OptionGroup var options: DatabaseOptions

    func run() async throws {
        guard days > 0 else { throw CommandFailure("--days must be 1 or more") }
        let (suspended, kept) = try await withApplication(options) { app in
            try await Accounts.expire(after: days, on: app.db, now: Convene.now)
        }
        switch format {
        case .json:
            struct Row: Encodable {
                var email: String
                var workspace: String
                var last_active: String?
            }
            let rows = { (list: [Accounts.Expired]) in
                list.map {
                    Row(
                        email: $0.email, workspace: $0.workspace,
                        last_active: $0.lastActive.map { ISO8601DateFormatter().string(from: $0) })
                }
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            FileHandle.standardOutput.write(
                try encoder.encode(["suspended": rows(suspended), "kept": rows(kept)]) + Data("\n".utf8))
        case .text:
            say("Suspended \(suspended.count) role\(suspended.count == 1 ? "" : "s") unused for \(days) days.")
            for row in suspended { say("  \(row.email) in '\(row.workspace)'") }
            for row in kept { say("Kept \(row.email), the last administrator of '\(row.workspace)'.") }
        }
    }
}

struct UserInvite: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invite", abstract: "Invite someone to a workspace with a role.",
        discussion:
            "They accept through the link printed (once, within seven days) by choosing a password, or by signing in "
            + "through the identity provider as that address.")
    @ArgumentParser.Argument(help: "Their email address.") var email: String
    @ArgumentParser.Option(help: "admin, editor, secretariat or viewer.") var role: WorkspaceRole = .viewer
    @ArgumentParser.OptionGroup var workspace: WorkspaceOption
    @ArgumentParser.OptionGroup var options: DatabaseOptions

    func run() async throws {
        let invitation = try await withApplication(options) { app in
            try await Tasks.invite(email, role: role, workspace: workspace.workspace, db: app.db)
        }
        let base = ProcessInfo.processInfo.environment["CONVENE_PUBLIC_URL"] ?? "http://127.0.0.1:8080"
        say("Invited \(invitation.email) as \(role.label) of '\(workspace.workspace)'.")
        say("Their link, which works once until \(invitation.expiresAt): \(base)\(invitation.link)")
    }
}

struct UserList: AsyncParsableCommand {
    enum Format: String, ExpressibleByArgument { case json, text }

    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the users, with their roles by workspace.",
        discussion:
            "JSON: {\"users\": [{\"email\", \"roles\": [{\"workspace\", \"role\"}], \"password\", \"identities\"}]}.")
    @ArgumentParser.Option(help: "json or text.") var format: Format = .text
    @ArgumentParser.OptionGroup var options: DatabaseOptions

    func run() async throws {
        let users = try await withApplication(options) { app in try await Accounts.list(on: app.db) }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            FileHandle.standardOutput.write(try encoder.encode(["users": users]) + Data("\n".utf8))
        case .text:
            for user in users {
                say(
                    "\(user.email)  "
                        + user.roles.map { "\($0.workspace): \($0.role.label)" }.joined(separator: ", "))
            }
        }
    }
}

struct UserAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a user with a role in a workspace.")
    @ArgumentParser.Argument(help: "Their email address.") var email: String
    @ArgumentParser.Option(help: "admin, editor, secretariat or viewer.") var role: WorkspaceRole = .viewer
    @ArgumentParser.Flag(help: "Make them an administrator (the same as --role admin).") var admin = false
    @ArgumentParser.Flag(help: "Read the password from standard input instead of generating one.") var passwordStdin =
        false
    @ArgumentParser.OptionGroup var workspace: WorkspaceOption
    @ArgumentParser.OptionGroup var options: DatabaseOptions

    func run() async throws {
        let (password, generated) = passwordFromInput(passwordStdin)
        try await withApplication(options) { app in
            try await Accounts.addUser(
                email: email, password: password, role: admin ? .admin : role, workspace: workspace.workspace,
                on: app.db, passwords: app.password.async)
        }
        say(
            "Added \(Credentials.normalisedEmail(email)) as \((admin ? WorkspaceRole.admin : role).label) of "
                + "'\(workspace.workspace)'."
        )
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
        discussion:
            "A secretariat user changes the partnerships they are given (record, members, terms of reference) and "
            + "reads the rest."
    )
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
    static let configuration = CommandConfiguration(
        commandName: "ungrant", abstract: "Take a partnership back from a secretariat user.")
    @ArgumentParser.Argument(help: "Their email address.") var email: String
    @ArgumentParser.Argument(help: "The partnership's key.") var partnership: String
    @ArgumentParser.OptionGroup var workspace: WorkspaceOption
    @ArgumentParser.OptionGroup var options: DatabaseOptions

    func run() async throws {
        try await withApplication(options) { app in
            try await Accounts.revokeGrant(
                email: email, partnership: partnership, workspace: workspace.workspace, on: app.db)
        }
        say("\(Credentials.normalisedEmail(email)) no longer runs the business of '\(partnership)'.")
    }
}

struct UserShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a user's workspaces, roles and partnerships.")
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
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove a user, their roles and their API tokens.")
    @ArgumentParser.Argument(help: "Their email address.") var email: String
    @ArgumentParser.OptionGroup var options: DatabaseOptions

    func run() async throws {
        try await withApplication(options) { app in try await Accounts.removeUser(email: email, on: app.db) }
        say("Removed \(Credentials.normalisedEmail(email)).")
    }
}

struct UserResetPassword: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset-password", abstract: "Give a user a new password.")
    @ArgumentParser.Argument(help: "Their email address.") var email: String
    @ArgumentParser.Flag(help: "Read the password from standard input instead of generating one.") var passwordStdin =
        false
    @ArgumentParser.OptionGroup var options: DatabaseOptions

    func run() async throws {
        let (password, generated) = passwordFromInput(passwordStdin)
        try await withApplication(options) { app in
            try await Accounts.resetPassword(
                email: email, password: password, on: app.db, passwords: app.password.async)
        }
        say(generated ? "The new password is \(password)" : "The password is changed.")
    }
}
