import ConveneDomain
import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Vapor

/// Where the register is kept: an SQLite file by default, PostgreSQL when `DATABASE_URL` is set.
public enum DatabaseChoice: Sendable, Equatable {
    case sqliteFile(String)
    case sqliteMemory
    case postgres(url: String, searchPath: String?)

    /// `--database` beats `CONVENE_DATABASE`; `DATABASE_URL` beats both and selects PostgreSQL.
    public static func fromEnvironment(
        databasePath: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> DatabaseChoice {
        if let url = environment["DATABASE_URL"], !url.isEmpty {
            return .postgres(url: url, searchPath: nil)
        }
        return .sqliteFile(databasePath ?? environment["CONVENE_DATABASE"] ?? "./convene.sqlite")
    }

    public var description: String {
        switch self {
        case .sqliteFile(let path): "SQLite file \(path)"
        case .sqliteMemory: "SQLite in memory"
        case .postgres(let url, _):
            "PostgreSQL at \(URLComponents(string: url).map { "\($0.host ?? "?"):\($0.port ?? 5432)\($0.path)" } ?? "?")"
        }
    }
}

public struct Configuration: Sendable {
    public var database: DatabaseChoice
    /// Where the landscape picture finds Graphviz; nil means search the PATH.
    public var dotPath: String?
    /// Session cookies marked Secure: set when Convene is served over HTTPS (CONVENE_PUBLIC_URL=https://…).
    public var secureCookies: Bool
    /// Where the time comes from: the system's clock, or the instant a test fixes.
    public var now: Now
    /// The identity provider people may sign in through, if any (`SignOnSettings.fromEnvironment`).
    public var signOn: SignOnSettings?

    public init(
        database: DatabaseChoice, dotPath: String? = nil,
        secureCookies: Bool = ProcessInfo.processInfo.environment["CONVENE_PUBLIC_URL"]?.hasPrefix("https://") ?? false,
        now: Now = .system, signOn: SignOnSettings? = nil
    ) {
        self.database = database
        self.dotPath = dotPath
        self.secureCookies = secureCookies
        self.now = now
        self.signOn = signOn
    }
}

extension Application {
    private struct ConfigurationKey: StorageKey { typealias Value = Configuration }

    public var convene: Configuration {
        get { storage[ConfigurationKey.self] ?? Configuration(database: .sqliteMemory) }
        set { storage[ConfigurationKey.self] = newValue }
    }
}

/// Sets up an application: database, migrations, middleware and routes. Tests call it with their own configuration.
public func configure(_ app: Application, _ configuration: Configuration) throws {
    app.convene = configuration
    app.recentPages = RecentPages()
    switch configuration.database {
    case .sqliteFile(let path):
        app.databases.use(.sqlite(.file(path), sqlLogLevel: .debug), as: .sqlite)
    case .sqliteMemory:
        app.databases.use(.sqlite(.memory, sqlLogLevel: .debug), as: .sqlite)
    case .postgres(let url, let searchPath):
        var config = try SQLPostgresConfiguration(url: url)
        if let searchPath { config.searchPath = [searchPath] }
        app.databases.use(.postgres(configuration: config, sqlLogLevel: .debug), as: .psql)
    }
    Migrations.register(on: app)
    if app.environment == .testing { app.passwords.use(.bcrypt(cost: 4)) }

    // Sessions live in the database, so several instances can share them; each is written only when it changes.
    app.sessions.use(.fluent)
    let fluentSessions = app.sessions.driver
    app.sessions.use { _ in QuietSessions(base: fluentSessions) }
    let secure = configuration.secureCookies
    let now = configuration.now
    app.sessions.configuration = SessionsConfiguration(cookieName: AuthMiddleware.sessionCookie) { id in
        HTTPCookies.Value(
            string: id.string, expires: now().addingTimeInterval(SessionPolicy.absolute), maxAge: nil,
            domain: nil, path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }

    app.middleware = .init()
    app.middleware.use(SecurityHeaders())
    app.middleware.use(ProblemMiddleware())
    app.middleware.use(StaticAssets())
    app.middleware.use(app.sessions.middleware)
    app.middleware.use(AuthMiddleware())
    app.middleware.use(CSRFMiddleware())
    app.middleware.use(EntityTags())
    // HTML, JSON, CSV and the stylesheet compressed for clients that accept it.
    app.http.server.configuration.responseCompression = .enabledForCompressibleTypes
    try routes(app)
}

/// Every route is either open (sign-in, setup, the API description) or behind `Require` with the role it needs.
func routes(_ app: Application) throws {
    Health.register(on: app)
    SignInPages.register(on: app)
    SignOnPages.register(on: app)
    InvitationPages.register(on: app)
    PublicPages.register(on: app)
    let read = app.grouped(Require(role: .viewer))
    let write = app.grouped(Require(role: .editor))
    let business = app.grouped(Require(role: .editor, secretariatOf: .path))
    RegisterPages.register(read: read, write: write, business: business)
    RecordFormPages.register(write: write, business: business)
    MeetingPages.register(read: read, business: business)
    ReportPages.register(read: read, business: business)
    PersonalPages.register(read: read, write: write)
    AnalysisPages.register(read: read, write: write)
    StrategyPages.register(read: read, write: write)
    GuidancePages.register(read: read, business: business, admin: app.grouped(Require(role: .admin)))
    SurveyPages.register(read: read, write: write)
    RespondPages.register(on: app)
    ReviewPages.register(read: read, write: write, open: app)
    OutcomePages.register(read: read, write: write, business: business, admin: app.grouped(Require(role: .admin)))
    FundingPages.register(read: read, write: write)
    SharingPages.register(read: read, write: write, business: business)
    AlertPages.register(read: read)
    CalendarFeeds.register(open: app, read: read)
    ImportPage.register(on: write)
    HistoryPage.register(on: read)
    TokenPages.register(on: read)
    SessionPages.register(on: read)
    WorkspacePages.register(on: read)
    NetworkPage.register(on: read)
    NetworkPages.register(read: read, write: write)
    PeopleAdminPages.register(admin: app.grouped(Require(role: .admin)))
    Publishing.register(pages: write, api: app.grouped(Require(role: .editor)))
    API.register(on: app)
}
