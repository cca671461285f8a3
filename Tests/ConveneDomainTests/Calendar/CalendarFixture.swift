import Foundation

@testable import ConveneDomain

/// The calendar files under Fixtures/calendar (written as Outlook and Google Calendar export them: CRLF, folded
/// at 75 octets, Outlook's folds splitting a UTF-8 character) and small helpers for instants and London times.
enum CalendarFixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/calendar")

    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent(name))
    }

    /// Reads a fixture, expanding series over the given window.
    static func read(_ name: String, from: String, to: String) throws -> CalendarImport {
        CalendarImport.read(try data(name), window: DateInterval(start: utc(from), end: utc(to)))
    }

    /// Reads calendar text written in a test, one property a line; lines end in CRLF as in a real file.
    static func read(text: String, from: String = "2024-01-01T00:00:00Z", to: String = "2025-01-01T00:00:00Z")
        -> CalendarImport
    {
        let crlf = text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
        return CalendarImport.read(Data(crlf.utf8), window: DateInterval(start: utc(from), end: utc(to)))
    }

    /// `2024-03-06T10:00:00Z` → the instant.
    static func utc(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        guard let date = formatter.date(from: text) else { fatalError("bad instant in a test: \(text)") }
        return date
    }

    static func utcText(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }

    static let londonCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London")!
        return calendar
    }()

    static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// "10:00" on the clock in London.
    static func londonTime(_ date: Date) -> String {
        let parts = londonCalendar.dateComponents([.hour, .minute], from: date)
        return String(format: "%02d:%02d", parts.hour!, parts.minute!)
    }

    static func utcHour(_ date: Date) -> Int { utcCalendar.component(.hour, from: date) }

    static func day(_ text: String) -> Day { Day(text)! }
}
