import Foundation

/// What a user may do in a workspace. Each role includes the ones below it.
public enum WorkspaceRole: String, Vocabulary, Comparable {
    case viewer
    /// Runs the business of the partnerships it is given; reads the rest.
    case secretariat
    case editor
    case admin

    public var label: String {
        switch self {
        case .viewer: "Viewer"
        case .secretariat: "Secretariat"
        case .editor: "Editor"
        case .admin: "Administrator"
        }
    }

    private var rank: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (a: WorkspaceRole, b: WorkspaceRole) -> Bool { a.rank < b.rank }
}

/// What a workspace is: one force area's register, or a national one that reads what the others publish.
public enum WorkspaceKind: String, Vocabulary {
    case forceArea = "force-area"
    case national

    public var label: String {
        switch self {
        case .forceArea: "Police force area"
        case .national: "National"
        }
    }
}

/// The rules for sign-in details, in one place for the forms, the API and the command line.
public enum Credentials {
    public static let minimumPasswordLength = 12

    public static func normalisedEmail(_ email: String) -> String {
        email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    public static func validate(email: String, password: String) -> [FieldError] {
        var errors: [FieldError] = []
        let email = normalisedEmail(email)
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        if parts.count != 2 || parts[0].isEmpty || !parts[1].contains(".") || email.count > 254 || email.contains(" ") {
            errors.append(FieldError("email", "Enter an email address in the correct format, like name@example.org"))
        }
        errors += validate(password: password)
        return errors
    }

    public static func validate(password: String) -> [FieldError] {
        if password.count < minimumPasswordLength {
            return [FieldError("password", "The password must be \(minimumPasswordLength) characters or more")]
        }
        if password.count > 256 { return [FieldError("password", "The password must be 256 characters or fewer")] }
        return []
    }

    /// A random password for the command line to print: 20 characters from an unambiguous alphabet.
    public static func generatedPassword() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<20).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }
}

/// Sign-in throttling: how many failures, over what window, before an account or an address must wait.
public struct LoginThrottle: Sendable {
    public var maximumFailures = 5
    public var window: TimeInterval = 15 * 60

    public init(maximumFailures: Int = 5, window: TimeInterval = 15 * 60) {
        self.maximumFailures = maximumFailures
        self.window = window
    }

    /// Given the times of recent failures (for one account or one address), when the next try is allowed, or nil if now.
    public func retryAfter(failures: [Date], now: Date) -> Date? {
        let recent = failures.filter { now.timeIntervalSince($0) < window }.sorted()
        guard recent.count >= maximumFailures else { return nil }
        // Allowed again once the oldest failure that keeps the count at the limit has left the window.
        return recent[recent.count - maximumFailures].addingTimeInterval(window)
    }
}
