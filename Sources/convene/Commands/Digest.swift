import ArgumentParser
import ConveneDomain
import ConveneServer
import Foundation

struct DigestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest", abstract: "The weekly digest of alerts, by email.", subcommands: [DigestSendCommand.self]
    )
}

struct DigestSendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Sends this week's digest to each user who chose it, and prints how many were sent.",
        discussion:
            "For a scheduler (cron, a systemd timer): a user gets one digest a week (ISO weeks, from Monday), so a "
            + "second run that week sends nothing. Mail goes to the server CONVENE_SMTP_URL names "
            + "(smtp://user:password@host:port; smtps:// for TLS from the start; ?starttls=1 to upgrade), from "
            + "CONVENE_MAIL_FROM; links start with CONVENE_PUBLIC_URL.")

    @ArgumentParser.Option(help: "The day, yyyy-mm-dd (today by default).") var on: String?
    @ArgumentParser.OptionGroup var options: DatabaseOptions

    func run() async throws {
        var day = Convene.now.today
        if let on {
            guard let given = Day(on) else {
                throw CommandFailure("--on: '\(on)' is not a day; write it like 2026-12-07")
            }
            day = given
        }
        let environment = ProcessInfo.processInfo.environment
        let sent = try await withApplication(options) { app in
            try await Tasks.sendDigests(
                on: day, smtpURL: environment["CONVENE_SMTP_URL"], from: environment["CONVENE_MAIL_FROM"], db: app.db,
                now: Convene.now)
        }
        say("\(sent) digest\(sent == 1 ? "" : "s") sent.")
    }
}
