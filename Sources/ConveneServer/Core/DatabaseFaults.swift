import AsyncKit
import ConveneDomain
import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import NIOCore
import NIOPosix
import Vapor

/// A record's key (or another unique field) that is already taken: a client's choice that exists, or a write that
/// lost a race for a value the database holds unique. The API answers 409 naming the field; a key the server chose is
/// retried by `Scope.withUnusedKey` and never reaches the client.
struct KeyInUse: Error, Sendable, Equatable {
    /// The field as the API spells it (the table's column).
    var field: String
    var value: String?

    var problem: Problem {
        let what = value.map { "'\($0)'" } ?? "This value"
        let message = "\(what) is already used; choose another"
        return Problem(
            type: "urn:convene:problem:conflict", title: "Conflict", status: 409, detail: message,
            errors: [FieldError(field, message)])
    }

    /// The unique violation inside a database error, if that is what it is, with the column it names: SQLite says
    /// "UNIQUE constraint failed: meetings.workspace_id, meetings.key", PostgreSQL "Key (workspace_id, key)=(…, x)
    /// already exists".
    init?(_ error: any Error) {
        if let error = error as? KeyInUse {
            self = error
        } else if let error = error as? SQLiteError {
            guard
                error.reason == .constraintUniqueFailed || error.reason == .constraintPrimaryKeyFailed
                    || error.message.hasPrefix("UNIQUE constraint failed")
            else { return nil }
            let columns = error.message.split(separator: ":", maxSplits: 1).last.map {
                $0.split(separator: ",").map { $0.split(separator: ".").last.map(String.init) ?? "" }
            }
            self.init(field: Self.field(columns ?? []), value: nil)
        } else if let error = error as? PSQLError, error.serverInfo?[.sqlState] == "23505" {
            let detail = error.serverInfo?[.detail] ?? ""
            let columns = Self.between(detail, "Key (", ")=")?.split(separator: ",").map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            let values = Self.between(detail, ")=(", ") already")?.split(separator: ",").map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            self.init(field: Self.field(columns ?? []), value: values?.last)
        } else {
            return nil
        }
    }

    init(field: String, value: String?) {
        self.field = field
        self.value = value
    }

    /// The column that makes the difference: the last one that is not the workspace.
    private static func field(_ columns: [String]) -> String {
        columns.last { $0 != "workspace_id" } ?? columns.last ?? "key"
    }

    private static func between(_ text: String, _ start: String, _ end: String) -> Substring? {
        guard let from = text.range(of: start), let to = text.range(of: end, range: from.upperBound..<text.endIndex)
        else { return nil }
        return text[from.upperBound..<to.lowerBound]
    }
}

/// Whether an error means the database cannot be reached just now (it is down, restarting, or refusing
/// connections), so the request can be answered 503 and tried again, rather than 500.
enum DatabaseUnavailable {
    static func matches(_ error: any Error) -> Bool {
        switch error {
        case let error as PSQLError:
            switch error.code {
            case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .poolClosed:
                return true
            case .server:
                // Connection exceptions (08), insufficient resources (53), operator intervention (57: shutting down,
                // restarting, cannot connect now).
                let state = error.serverInfo?[.sqlState] ?? ""
                return ["08", "53", "57"].contains(String(state.prefix(2)))
            default:
                return false
            }
        case is ConnectionPoolTimeoutError, is NIOConnectionError, is ChannelError:
            return true
        case let error as IOError:
            return [ECONNREFUSED, ECONNRESET, EPIPE].contains(error.errnoCode)
        case let error as SQLiteError:
            return [.busy, .busyTimeout, .locked, .cantOpen, .ioError].contains(error.reason)
        case let error as any DatabaseError:
            return error.isConnectionClosed
        default:
            return false
        }
    }

    static let problem = Problem(
        type: "urn:convene:problem:unavailable", title: "Service unavailable", status: 503,
        detail: "The database cannot be reached just now. Nothing was changed. Try again in a moment.")
}
