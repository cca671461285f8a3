import ConveneDomain
import ConveneServer
import Fluent
import Foundation

/// `convene demo` and `convene serve --demo`: the landscape the source reports describe, read from Popolo JSON
/// through the real importer (so the demo proves the importer), its network and strategies, and a year of its
/// boards' business around today (`ReportsBusiness`).
public enum ReportsDemo {
    /// Loads the demo landscape, and the first time its network and its year of business around `today`; running it
    /// again changes nothing. All in one transaction: a demo stopped at any moment leaves the database as it was.
    public static func load(
        on db: Database, today: Day,
        workspace: String = Tasks.defaultWorkspace
    ) async throws -> ImportOutcome {
        try await db.transaction { db in
            let outcome = try await loadAll(on: db, today: today, workspace: workspace)
            if case .applied = outcome {
                try await DemoReview.load(try DemoLandscape.register(), on: db, today: today, workspace: workspace)
                try await DemoOutcomes.load(on: db, today: today, workspace: workspace)
                try await DemoSharing.load(on: db, today: today, workspace: workspace)
            }
            return outcome
        }
    }

    private static func loadAll(on db: Database, today: Day, workspace: String) async throws -> ImportOutcome {
        let outcome = try await Tasks.importFile(
            .popolo, try DemoLandscape.popolo(), dryRun: false, on: db,
            workspace: workspace)
        guard case .applied = outcome else { return outcome }
        let register = try DemoLandscape.register()
        try await loadNetwork(register, on: db, workspace: workspace)
        try await Tasks.saveStrategies(
            try DemoStrategies.strategies(), priorities: try DemoStrategies.priorities(), on: db,
            workspace: workspace)
        if try await !GeneratedBusiness.hasMeetings(workspace: workspace, on: db) {
            let business = ReportsBusiness.year(register, today: today)
            try await GeneratedBusiness.write(business.business, workspace: workspace, actor: Tasks.actor, on: db)
            try await GeneratedBusiness.analyze(on: db)
        }
        return outcome
    }

    /// The demo's network: a national workspace beside the demo register, and the demo's Combating Drugs
    /// Partnerships published, so that the network and the public pages have something to show. Done once:
    /// later runs leave what people have published or unpublished alone.
    private static func loadNetwork(_ register: Register, on db: Database, workspace: String) async throws {
        guard try await !Workspaces.all(on: db).contains(where: { $0.key == Tasks.demoNational }) else { return }
        try await Workspaces.add(
            key: Tasks.demoNational, name: "National network (demo)", kind: .national,
            forceAreaCode: nil, on: db)
        let cdps = register.partnerships.filter { $0.isDemo && $0.type == .combatingDrugsPartnership }.map(\.key)
        try await Tasks.publish(cdps.sorted(), on: db, workspace: workspace)
    }
}

/// The demo could not be built: a fault of the demo's own data, never of the person running it.
public struct DemoFailure: Error, CustomStringConvertible {
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}
