import ConveneDomain
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import ConveneServer

@Suite struct WorkspaceScopeTests {
    /// Two workspaces may use the same identifiers; each sees, changes and exports only its own records.
    @Test func workspacesDoNotSeeEachOther() async throws {
        try await withConveneApp { app in
            // Setup
            try await Workspaces.add(
                key: "other-force", name: "Another force area", kind: .forceArea, forceAreaCode: nil, on: app.db)
            _ = try await app.importCSV(ImportTests.goodCSV)
            let otherCSV = ImportTests.goodCSV.replacingOccurrences(
                of: "County Strategic Board", with: "Other Strategic Board")

            // Act
            let imported = try await Tasks.importFile(
                .csv, Data(otherCSV.utf8), dryRun: false, on: app.db, workspace: "other-force")
            let mine = try await app.send(.GET, "/api/v1/partnerships/county-board")
            let deleted = try await app.send(.DELETE, "/api/v1/memberships/\(try firstMembershipKey(app))")
            let theirs = String(
                decoding: try await Tasks.export(.popolo, on: app.db, workspace: "other-force"), as: UTF8.self)
            let scope = try await Scope.workspace("other-force", on: app.db)
            let theirCount = try await MembershipRecord.query(in: scope).count()
            let everyone = try await MembershipRecord.query(on: app.db).count()

            // Check
            guard case .applied(let summary, false) = imported else {
                Issue.record("other workspace's import rejected: \(imported)"); return
            }
            #expect(summary.counts["partnership"]?.created == 2, "the same keys are new in another workspace")
            #expect(try mine.json()["name"] as? String == "County Strategic Board")
            #expect(deleted.status == .noContent)
            #expect(theirs.contains("Other Strategic Board"))
            #expect(!theirs.contains("County Strategic Board"))
            #expect(theirCount == 3, "deleting in one workspace leaves the other's records")
            #expect(everyone == 5)
        }
    }

    private func firstMembershipKey(_ app: Application) async throws -> String {
        let page = try await app.send(.GET, "/api/v1/memberships")
        return (try page.json()["items"] as? [[String: Any]])?.first?["key"] as? String ?? ""
    }

    /// The one mechanism: no source file queries a workspace's records except through a `Scope`.
    @Test func everyQueryOfWorkspaceRecordsGoesThroughAScope() throws {
        // Setup
        let sources = Fixtures.repository.appendingPathComponent("Sources/ConveneServer")
        let files =
            FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" && $0.lastPathComponent != "Scope.swift" }
            ?? []

        // Every record that belongs to a workspace, as the sources declare them.
        let declaration = /final class (\w+): WorkspaceOwned/
        let owned = try files.flatMap { file in
            try String(contentsOf: file, encoding: .utf8).matches(of: declaration).map { String($0.output.1) }
        }

        // Act
        var offenders: [String] = []
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for name in owned where text.contains("\(name).query(on:") {
                offenders.append("\(file.lastPathComponent): \(name).query(on:)")
            }
            // Raw SQL must name the workspace itself.
            if text.contains("SQLDatabase") && text.contains(".from(") && !text.contains("\"workspace_id\"") {
                offenders.append("\(file.lastPathComponent): raw SQL without workspace_id")
            }
        }

        // Check
        #expect(files.count > 20)
        #expect(owned.count > 25 && owned.contains("ProgressReportRecord") && owned.contains("MeetingRecord"))
        // One way in that is meant to cross workspaces: a user removed loses their grants in every workspace.
        #expect(offenders == ["AccountTasks.swift: PartnershipGrantRecord.query(on:)"])
    }
}
