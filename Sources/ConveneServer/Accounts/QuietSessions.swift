import Vapor

/// Sessions in the database, written only when they change. Vapor writes a session back after every request that
/// looked at it; behind this, a request that changed nothing writes nothing, so the last-seen time that
/// `AuthMiddleware` keeps (at most once a minute) is the only regular write a signed-in person causes.
struct QuietSessions: AsyncSessionDriver {
    /// Fluent's driver, which keeps the sessions in the `_fluent_sessions` table.
    let base: any SessionDriver

    private struct AsRead: StorageKey { typealias Value = SessionData }

    func createSession(_ data: SessionData, for request: Request) async throws -> SessionID {
        try await base.createSession(data, for: request).get()
    }

    func readSession(_ sessionID: SessionID, for request: Request) async throws -> SessionData? {
        let data = try await base.readSession(sessionID, for: request).get()
        request.storage[AsRead.self] = data
        return data
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) async throws -> SessionID {
        if request.storage[AsRead.self] == data { return sessionID }
        return try await base.updateSession(sessionID, to: data, for: request).get()
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) async throws {
        try await base.deleteSession(sessionID, for: request).get()
    }
}
