import ConveneDomain
import Foundation
import Testing

/// A new record's key is never one in use, and a register file updates only what it can say of a meeting.
@Suite struct KeysAndInterchangeTests {
    @Test func aFreeNameIsItsOwnKeyAndATakenOneIsNumberedAfterTheLargest() {
        #expect(Key.unused("drugs", taken: []) == "drugs")
        #expect(Key.unused("drugs", taken: ["drugs"]) == "drugs-2")
        #expect(Key.unused("drugs", taken: ["drugs", "drugs-2", "drugs-7"]) == "drugs-8")
        // A longer key that merely starts with the base is not a number of it.
        #expect(Key.unused("drugs", taken: ["drugs", "drugs-board", "drugs-board-3"]) == "drugs-2")
        #expect(Key.unused("", taken: ["record"]) == "record-2")
    }

    @Test func aNumberedKeyCountsFromOne() {
        #expect(Key.unused("m1-item", taken: [], numbered: true) == "m1-item-1")
        #expect(
            Key.unused("m1-item", taken: ["m1-item-1", "m1-item-2", "m1-item-2-paper-1"], numbered: true) == "m1-item-3"
        )
    }

    @Test func aKeyStaysValidWhenTheBaseIsAtTheLimit() {
        // Setup
        let base = String(repeating: "a", count: 119) + "b"

        // Act
        let key = Key.unused(base, taken: [base])

        // Check
        #expect(key.count == 120 && key.hasSuffix("-2") && Key.isValid(key), "\(key)")
    }

    static let start = Date(timeIntervalSince1970: 1_781_600_400)

    static let recorded = Meeting(
        key: "cdp-2026-06-16", partnershipKey: "cdp", name: "CDP board", startsAt: start, status: .held,
        attendance: [
            Attendance(personKey: "zoe", status: .present, preparationMinutes: 60, travelMinutes: 30),
            Attendance(personKey: "amy", status: .apologies)
        ],
        format: .hybrid, place: "Room 4", onlineURL: "https://meet.example/cdp", jointWith: ["csp"],
        seriesKey: "cdp-monthly", calendarKey: "uid-1")

    @Test func theInterchangedMeetingIsWhatAFileStates() {
        // Act
        let stated = Self.recorded.interchanged

        // Check
        #expect(stated.attendance.map(\.personKey) == ["amy", "zoe"])
        #expect(stated.attendance.allSatisfy { $0.preparationMinutes == nil && $0.travelMinutes == nil })
        #expect(stated.format == nil && stated.place == nil && stated.onlineURL == nil)
        #expect(stated.jointWith == [] && stated.seriesKey == nil && stated.calendarKey == nil)
        #expect(stated.name == "CDP board" && stated.status == .held && stated.startsAt == Self.start)
    }

    @Test func aFileReplacesWhatItSaysAndLeavesTheRest() {
        // Setup: the file renames the meeting, and lists Zoe again (present online) and Bob, not Amy.
        let file = Meeting(
            key: "cdp-2026-06-16", partnershipKey: "cdp", name: "CDP board (extraordinary)", startsAt: Self.start,
            status: .held,
            attendance: [
                Attendance(personKey: "zoe", status: .presentOnline), Attendance(personKey: "bob", status: .present)
            ])

        // Act
        let after = Self.recorded.updated(from: file)

        // Check
        #expect(after.name == "CDP board (extraordinary)")
        #expect(after.format == .hybrid && after.place == "Room 4" && after.onlineURL == "https://meet.example/cdp")
        #expect(after.jointWith == ["csp"] && after.seriesKey == "cdp-monthly" && after.calendarKey == "uid-1")
        let zoe = after.attendance.first { $0.personKey == "zoe" }
        #expect(zoe?.status == .presentOnline && zoe?.preparationMinutes == 60 && zoe?.travelMinutes == 30)
        #expect(after.attendance.map(\.personKey) == ["zoe", "bob"])
        #expect(after.interchanged == file.interchanged)
    }
}
