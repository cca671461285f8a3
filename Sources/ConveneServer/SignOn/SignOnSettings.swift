import ConveneDomain
import Foundation

/// The installation's OpenID Connect provider (Microsoft Entra ID, or any other): `CONVENE_OIDC_ISSUER` (for Entra
/// the tenant's authority, `https://login.microsoftonline.com/TENANT/v2.0`), `CONVENE_OIDC_CLIENT_ID`, and
/// `CONVENE_OIDC_CLIENT_SECRET` or `CONVENE_OIDC_CLIENT_SECRET_FILE` (a file holding it, as a container's secret is
/// mounted); the secret is never kept in the database. `CONVENE_OIDC_ROLES` maps groups or app roles to roles
/// (`GROUP-ID=editor,Convene.Admin=admin`).
public struct SignOnSettings: Sendable, Equatable {
    public var issuer: String
    public var clientID: String
    public var clientSecret: String
    /// Where the provider sends people back is this site's `/sign-in/oidc/callback` under `publicURL`
    /// (`CONVENE_PUBLIC_URL`), or under the address the request came to when it is not set.
    public var publicURL: String?
    public var roleMapping: [String: WorkspaceRole]

    public init(
        issuer: String, clientID: String, clientSecret: String, publicURL: String? = nil,
        roleMapping: [String: WorkspaceRole] = [:]
    ) {
        self.issuer = issuer
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.publicURL = publicURL
        self.roleMapping = roleMapping
    }

    /// The settings the environment gives; nil when it names no issuer, a failure naming what is wrong when it names
    /// one without the rest, or an `http://` issuer that is not on a loopback address.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Result<SignOnSettings?, SignOnError> {
        guard let issuer = environment["CONVENE_OIDC_ISSUER"], !issuer.isEmpty else { return .success(nil) }
        if let problem = problem(issuer: issuer) { return .failure(SignOnError(problem)) }
        guard let clientID = environment["CONVENE_OIDC_CLIENT_ID"], !clientID.isEmpty else {
            return .failure(SignOnError("CONVENE_OIDC_ISSUER is set but CONVENE_OIDC_CLIENT_ID is not"))
        }
        var secret = environment["CONVENE_OIDC_CLIENT_SECRET"]
        if secret == nil, let file = environment["CONVENE_OIDC_CLIENT_SECRET_FILE"] {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                return .failure(SignOnError("CONVENE_OIDC_CLIENT_SECRET_FILE '\(file)' cannot be read"))
            }
            secret = text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        guard let secret, !secret.isEmpty else {
            return .failure(
                SignOnError("Set CONVENE_OIDC_CLIENT_SECRET, or CONVENE_OIDC_CLIENT_SECRET_FILE to a file holding it"))
        }
        var mapping: [String: WorkspaceRole] = [:]
        for pair in (environment["CONVENE_OIDC_ROLES"] ?? "").split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let role = WorkspaceRole(rawValue: parts[1]) else {
                return .failure(
                    SignOnError(
                        "CONVENE_OIDC_ROLES: '\(pair)' is not GROUP=ROLE (roles: viewer, secretariat, editor, admin)"))
            }
            mapping[parts[0]] = role
        }
        return .success(
            SignOnSettings(
                issuer: issuer, clientID: clientID, clientSecret: secret,
                publicURL: environment["CONVENE_PUBLIC_URL"].flatMap { $0.isEmpty ? nil : $0 }, roleMapping: mapping))
    }

    /// Why an issuer will not do: it must be `https://`, or `http://` on a loopback address (a provider for tests).
    static func problem(issuer: String) -> String? {
        guard let url = URLComponents(string: issuer), let scheme = url.scheme, let host = url.host, !host.isEmpty
        else { return "CONVENE_OIDC_ISSUER '\(issuer)' is not a web address" }
        if scheme == "https" { return nil }
        if scheme == "http" && ["127.0.0.1", "::1", "[::1]", "localhost"].contains(host) { return nil }
        return "CONVENE_OIDC_ISSUER '\(issuer)' must be https:// (http:// only on a loopback address)"
    }

    /// This site's address the provider sends people back to.
    func redirectURI(requestHost: String?) -> String {
        let base = publicURL ?? "http://\(requestHost ?? "127.0.0.1")"
        return base.trimmingCharacters(in: CharacterSet(charactersIn: "/")) + SignOnPath.callback.href
    }
}

public struct SignOnError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
