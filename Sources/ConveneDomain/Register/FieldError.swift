import Foundation

/// A problem with one field of one record, in words a user can act on.
/// `field` is the field's name as the API, the CSV layout and the forms spell it.
public struct FieldError: Error, Hashable, Codable, Sendable, CustomStringConvertible {
    public var field: String
    public var message: String

    public init(_ field: String, _ message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}

/// Collects field errors while a record is checked.
struct Checker {
    private(set) var errors: [FieldError] = []

    mutating func require(_ condition: Bool, _ field: String, _ message: String) {
        if !condition { errors.append(FieldError(field, message)) }
    }

    /// The errors of another rule.
    mutating func add(_ more: [FieldError]) { errors += more }

    mutating func requireText(_ value: String, _ field: String, _ what: String, max: Int = 200) {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            errors.append(FieldError(field, "Enter \(what)"))
        } else if trimmed.count > max {
            errors.append(
                FieldError(
                    field, "\(what.prefix(1).uppercased() + what.dropFirst()) must be \(max) characters or fewer"))
        }
    }

    mutating func optionalText(_ value: String?, _ field: String, _ what: String, max: Int) {
        if let value, value.count > max {
            errors.append(
                FieldError(
                    field, "\(what.prefix(1).uppercased() + what.dropFirst()) must be \(max) characters or fewer"))
        }
    }

    mutating func requireKey(_ key: String, _ field: String = "key") {
        if !Key.isValid(key) {
            errors.append(
                FieldError(
                    field,
                    "'\(key)' is not a valid identifier; use lower-case letters, digits and hyphens, up to 120 characters"
                ))
        }
    }

    mutating func order(_ start: Day?, _ end: Day?, startField: String, endField: String) {
        if let start, let end, end < start {
            errors.append(FieldError(endField, "The end date must be the same as or after the start date (\(start))"))
        }
    }
}

/// Stable identifiers of register records: readable, URL-safe, unique within a kind of record.
/// They travel in the API, in CSV and as Popolo ids, so that importing the same file twice matches the same records.
public enum Key {
    public static func isValid(_ key: String) -> Bool {
        !key.isEmpty && key.count <= 120
            && key.utf8.allSatisfy { c in
                (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x2D
            } && !key.hasPrefix("-") && !key.hasSuffix("-")
    }

    /// A key for a new record that none of `taken` has: `base` itself while it is free (unless `numbered`), otherwise
    /// `base-N` with N one more than the largest in use (from 2, or from 1 when `numbered`). An empty base is
    /// "record". The base is shortened where the number would take the key past 120 characters.
    public static func unused(_ base: String, taken: Set<String>, numbered: Bool = false) -> String {
        let base = base.isEmpty ? "record" : base
        if !numbered && !taken.contains(base) { return base }
        let numbers = taken.compactMap { key in
            key.hasPrefix(base + "-") ? Int(key.dropFirst(base.count + 1)) : nil
        }
        let n = max((numbers.max() ?? 0) + 1, numbered ? 1 : 2)
        let suffix = "-\(n)"
        let stem = String(base.prefix(120 - suffix.count)).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        return stem + suffix
    }

    /// "Drug & Alcohol Misuse Delivery Board" → "drug-alcohol-misuse-delivery-board".
    public static func slug(_ parts: String...) -> String {
        let text = parts.filter { !$0.isEmpty }.joined(separator: " ")
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var out = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
                if pendingHyphen && !out.isEmpty { out.append("-") }
                out.unicodeScalars.append(scalar)
                pendingHyphen = false
            } else if scalar != "'" && scalar != "\u{2019}" {
                pendingHyphen = true
            }
        }
        return String(out.prefix(120)).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
    }
}
