import ConveneDomain
import Fluent
import Foundation

/// Data sharing as the `convene` command and the demo use it.
extension Tasks {
    /// The request figures per partner and gateway, as JSON or CSV.
    public static func analyseRequests(
        format: OutcomeOutputFormat, db: Database, workspace: String = defaultWorkspace, now: Now = .system
    ) async throws -> Data {
        let scope = try await Scope.workspace(workspace, on: db, actor: actor, now: now)
        let report = try await SharingStore.analysis(in: scope)
        switch format {
        case .json: return try RequestAnalysis.json(report) + Data("\n".utf8)
        case .csv: return Data(RequestAnalysis.csv(report).utf8)
        }
    }

    /// Adds an agreement and gives its key; a failure names each problem.
    @discardableResult
    public static func addAgreement(
        _ agreement: DataSharingAgreement, db: Database, workspace: String = defaultWorkspace, now: Now = .system
    ) async throws -> String {
        let scope = try await Scope.workspace(workspace, on: db, actor: actor, now: now)
        return try await SharingBusiness.createAgreement(agreement, in: scope).orFailure()
    }

    /// Logs a request and gives its key; a failure names each problem.
    @discardableResult
    public static func addRequest(
        _ request: DataRequest, db: Database, workspace: String = defaultWorkspace, now: Now = .system
    ) async throws -> String {
        let scope = try await Scope.workspace(workspace, on: db, actor: actor, now: now)
        return try await SharingBusiness.createRequest(request, in: scope).orFailure()
    }

    /// Records a person's declaration of interest and gives its key; a failure names each problem.
    @discardableResult
    public static func declareInterest(
        _ declaration: InterestDeclaration, db: Database, workspace: String = defaultWorkspace, now: Now = .system
    ) async throws -> String {
        let scope = try await Scope.workspace(workspace, on: db, actor: actor, now: now)
        return try await SharingBusiness.declare(declaration, in: scope).orFailure()
    }

    /// Whether the workspace has any data-sharing agreement.
    public static func hasAgreements(db: Database, workspace: String = defaultWorkspace) async throws -> Bool {
        try await AgreementRecord.query(in: try await Scope.workspace(workspace, on: db)).count() > 0
    }
}
