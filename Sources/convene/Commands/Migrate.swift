import ArgumentParser
import ConveneDomain
import ConveneServer
import Foundation

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create the database or bring it up to date.")
    @ArgumentParser.OptionGroup var options: DatabaseOptions

    func run() async throws {
        try await withApplication(options) { _ in
            say("The database is up to date (\(options.configuration.database.description)).")
        }
    }
}
