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
    public static func fromEnvironment(databasePath: String? = nil,
                                       environment: [String: String] = ProcessInfo.processInfo.environment) -> DatabaseChoice {
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

    public init(database: DatabaseChoice, dotPath: String? = nil) {
        self.database = database
        self.dotPath = dotPath
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

    app.middleware = .init()
    app.middleware.use(SecurityHeaders())
    app.middleware.use(ProblemMiddleware())
    app.middleware.use(StaticAssets())
    app.middleware.use(WorkspaceMiddleware())
    try routes(app)
}

func routes(_ app: Application) throws {
    RegisterPages.register(on: app)
    RecordFormPages.register(on: app)
    HistoryPage.register(on: app)
    API.register(on: app)
}
