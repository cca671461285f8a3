import ArgumentParser
import ConveneDemo
import ConveneDomain
import ConveneServer
import Foundation

struct Demo: AsyncParsableCommand {
    enum Scale: String, ExpressibleByArgument { case reports, national }

    static let configuration = CommandConfiguration(
        abstract:
            "Load the demo landscape from the source reports (role titles only, marked as demo), or generate a "
            + "national one.",
        discussion:
            "--scale national generates 43 force-area workspaces of about 80 partnerships, 25,000 people in all and "
            + "a year of 1,500 meetings each, with agendas, attendance and actions: the same for the same --seed."
    )
    @ArgumentParser.Option(help: "reports (the default) or national.") var scale: Scale = .reports
    @ArgumentParser.Option(help: "National: the generator's seed.") var seed: UInt64 = 1
    @ArgumentParser.Option(help: "National: write only the first N of the 43 workspaces.") var workspaces = 43
    @ArgumentParser.OptionGroup var options: DatabaseOptions

    func run() async throws {
        if scale == .national {
            guard (1...43).contains(workspaces) else { throw CommandFailure("--workspaces must be from 1 to 43") }
            try await withApplication(options) { app in
                let summary = try await NationalDemo.generate(
                    on: app.db, options: NationalLandscape.Options(seed: seed), count: workspaces,
                    progress: { say($0) })
                summary.lines.forEach(say)
            }
            return
        }
        try await withApplication(options) { app in
            try report(try await ReportsDemo.load(on: app.db, today: Convene.now.today), file: "the demo landscape")
            let password = try await Accounts.demoAdmin(on: app.db, passwords: app.password.async)
            say("Sign in as \(Accounts.demoAdmin) with the password \(password)")
        }
    }
}
