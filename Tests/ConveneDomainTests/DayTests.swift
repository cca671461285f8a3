import ConveneDomain
import Foundation
import Testing

/// `Day` reads and writes its one stored form, yyyy-mm-dd, and also reads dd/mm/yyyy.
@Suite struct DayTests {
    @Test func everyDayOfFourHundredYearsWritesAndReadsBack() {
        let first = Day(year: 1900, month: 1, day: 1)!
        for offset in stride(from: 0, to: 146_097, by: 1) {
            let day = first.adding(days: offset)
            let text = day.description
            #expect(text.count == 10 && Day(text) == day, "\(text)")
            if offset % 997 == 0 {
                #expect(text == String(format: "%04d-%02d-%02d", day.year, day.month, day.day))
                #expect(Day(String(format: "%02d/%02d/%04d", day.day, day.month, day.year)) == day)
            }
        }
        #expect(Day(year: 7, month: 3, day: 9)?.description == "0007-03-09")
    }

    @Test(arguments: [
        "2025-02-29", "2024-13-01", "2024-00-10", "2024-01-32", "2024/01/01", "20240101", "2024-01-0x",
        "x024-01-01", "", "31/02/2024", "2024-01-01T00", "२०२४-०१-०१"
    ])
    func aMalformedOrImpossibleDateIsNotOne(text: String) {
        #expect(Day(text) == nil)
    }

    @Test func spacesAroundADateAreForgiven() {
        #expect(Day(" 2024-02-29 ") == Day(year: 2024, month: 2, day: 29))
        #expect(Day("29/02/2024") == Day(year: 2024, month: 2, day: 29))
    }
}
