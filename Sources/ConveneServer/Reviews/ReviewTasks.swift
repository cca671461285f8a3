import ConveneDomain
import Fluent
import Foundation
import NIOPosix

/// Reviews as the `convene` command and the demo use them.
extension Tasks {
    /// The workspace's reviews as `[{"id","title","status"}]`, newest first.
    public static func reviews(db: Database, workspace: String = defaultWorkspace, now: Now = .system) async throws
        -> String
    {
        struct Listed: Encodable {
            var id, title, status: String
        }
        let scope = try await Scope.workspace(workspace, on: db, actor: actor, now: now)
        let listed = try await ReviewStore.list(in: scope).map {
            Listed(id: $0.key, title: $0.title, status: $0.status.rawValue)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(listed), as: UTF8.self) + "\n"
    }

    /// A review's report as HTML, or printed to PDF by Chromium.
    public static func reviewReport(
        _ key: String, pdf: Bool, on db: Database, threadPool: NIOThreadPool, dotPath: String? = nil,
        workspace: String = defaultWorkspace, now: Now = .system
    ) async throws -> Data {
        let scope = try await Scope.workspace(workspace, on: db, actor: actor, now: now)
        let document: ReviewReport
        do {
            document = try await ReviewReport.make(
                key, published: false, dotPath: dotPath, threadPool: threadPool, in: scope)
        } catch let problem as Problem {
            throw Failure("\(problem.detail ?? problem.title): no such review in the workspace '\(workspace)'")
        }
        let html = document.render()
        guard pdf else { return Data(html.utf8) }
        guard let chromium = Chromium.find() else {
            throw Failure("Chromium is not installed: install Debian's chromium, or write the report as .html")
        }
        guard let data = try await Chromium.pdf(html, chromium: chromium, threadPool: threadPool) else {
            throw Failure("Chromium could not print the report")
        }
        return data
    }

    /// Makes a review of `partnerships` (none: the whole landscape) over `period`, drawing on `survey`; its key. The
    /// demo's way in.
    public static func makeReview(
        title: String, period: Period, partnerships: [String] = [], survey: String?, db: Database,
        workspace: String = defaultWorkspace, now: Now = .system
    ) async throws -> String {
        let scope = try await Scope.workspace(workspace, on: db, actor: actor, now: now)
        return try await ReviewBusiness.create(
            .init(title: title, period: period, partnershipKeys: partnerships, surveyKey: survey), in: scope
        ).orFailure()
    }

    /// Whether the workspace has a review with this title already.
    public static func hasReview(titled title: String, db: Database, workspace: String = defaultWorkspace) async throws
        -> Bool
    {
        let scope = try await Scope.workspace(workspace, on: db)
        return try await ReviewRecord.query(in: scope).filter(\.$title == title).first() != nil
    }
}
