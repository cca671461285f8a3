import Foundation
import Testing

@testable import ConveneDomain

@Suite struct ICalendarTests {
    @Test func unfoldsCRLFAndLFLinesContinuedBySpaceOrTab() {
        // Setup
        let text = "BEGIN:VCALENDAR\r\nX-NOTE:one\r\n  two\r\n\tthree\nX-OTHER:four\n five\r\nEND:VCALENDAR\r\n"
        // Act
        let document = ICalendar.parse(Data(text.utf8))
        // Check
        #expect(document.issues.isEmpty)
        let calendar = try! #require(document.calendars.first)
        #expect(calendar.properties.map(\.value) == ["one twothree", "fourfive"])
        #expect(calendar.properties.map(\.line) == [2, 5], "each property names the line it starts on")
    }

    @Test func joinsACharacterThatAFoldSplitInTwo() {
        // Setup: Outlook folds by octets; here the three bytes of '’' straddle the fold.
        let bytes =
            Array("BEGIN:VCALENDAR\r\nX-NOTE:Europol".utf8) + [0xE2, 0x80] + Array("\r\n ".utf8) + [0x99]
            + Array("s unit\r\nEND:VCALENDAR\r\n".utf8)
        // Act
        let document = ICalendar.parse(Data(bytes))
        // Check
        #expect(document.issues.isEmpty)
        #expect(document.calendars.first?.first("X-NOTE")?.text == "Europol’s unit")
    }

    @Test func readsParametersQuotedListedAndCaretEncoded() throws {
        // Setup
        let line =
            #"ATTENDEE;CN="Smith, Jo; Chair";ROLE=CHAIR;DELEGATED-FROM="mailto:a@x.uk","mailto:b@x.uk";X-NOTE=say ^'hi^':mailto:jo@x.uk"#
        // Act
        let property = try ICalendar.contentLine(line, line: 7)
        // Check
        #expect(property.name == "ATTENDEE")
        #expect(property.parameter("CN") == "Smith, Jo; Chair")
        #expect(property.parameters["DELEGATED-FROM"] == ["mailto:a@x.uk", "mailto:b@x.uk"])
        #expect(property.parameter("X-NOTE") == "say \"hi\"")
        #expect(property.value == "mailto:jo@x.uk", "the value starts after the first colon outside quotes")
    }

    @Test func unescapesAndEscapesText() {
        // Setup
        let written = #"Items: naloxone\, drug checking\; review\nPapers: \\\\server\\cdp\NEnd"#
        let meant = "Items: naloxone, drug checking; review\nPapers: \\\\server\\cdp\nEnd"
        // Act
        let unescaped = ICalendar.unescape(written)
        let escaped = ICalendar.escape("a, b; c\\d\r\ne\rf\ng")
        // Check
        #expect(unescaped == meant)
        #expect(escaped == #"a\, b\; c\\d\ne\nf\ng"#, "CRLF, CR and LF are each one line break")
        #expect(ICalendar.unescape(ICalendar.escape(meant)) == meant)
    }

    @Test func foldsAt75OctetsWithoutSplittingCharacters() {
        // Setup
        let line = "DESCRIPTION:" + String(repeating: "Café – naloxone ☕ ", count: 12)
        // Act
        let folded = ICalendar.folded(line)
        // Check
        let physical = folded.split(separator: "\r\n", omittingEmptySubsequences: false).dropLast()
        #expect(folded.hasSuffix("\r\n"))
        #expect(physical.count > 3)
        #expect(physical.allSatisfy { $0.utf8.count <= 75 })
        #expect(physical.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        let unfolded = ICalendar.unfold(Array(folded.utf8)).lines.map { String(decoding: $0.bytes, as: UTF8.self) }
        #expect(unfolded == [line])
    }

    @Test func nestsComponentsAndIgnoresNothingInside() {
        // Setup
        let text = """
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            UID:1
            BEGIN:VALARM
            TRIGGER:-PT15M
            END:VALARM
            END:VEVENT
            END:VCALENDAR
            """
        // Act
        let document = ICalendar.parse(Data(text.utf8))
        // Check
        let event = try! #require(document.calendars.first?.children("VEVENT").first)
        #expect(event.line == 2)
        #expect(event.first("UID")?.value == "1")
        #expect(event.children("VALARM").first?.first("TRIGGER")?.value == "-PT15M")
    }

    @Test func reportsGrammarProblemsByLine() {
        // Setup
        let text = """
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            this line has no colon
            END:VTODO
            X-FINE:yes
            """
        // Act
        let issues = ICalendar.parse(Data(text.utf8)).issues.map(\.description)
        // Check
        #expect(
            issues == [
                "line 3: expected a property such as NAME:value, found 'this line has no colon'",
                "line 4, END: 'VTODO' closes nothing; there is no BEGIN:VTODO open",
                "line 2, BEGIN: 'VEVENT' is never closed; expected END:VEVENT",
                "line 1, BEGIN: 'VCALENDAR' is never closed; expected END:VCALENDAR"
            ])
    }

    @Test func joinsALineThatLostItsFoldSpaceWithAWarning() {
        // Setup: a URL and words that lost their fold space; a custom and a lower-case property that did not.
        let text = [
            "BEGIN:VCALENDAR", "BEGIN:VEVENT", "DESCRIPTION:Papers at", "https://example.org/papers", "and the minutes",
            "X-CUSTOM:kept", "Summary:lower-case names are names", "END:VEVENT", "END:VCALENDAR"
        ].joined(separator: "\r\n")
        // Act
        let document = ICalendar.parse(Data(text.utf8))
        // Check
        let event = document.calendars.first?.components.first
        #expect(document.issues.isEmpty)
        #expect(event?.first("DESCRIPTION")?.value == "Papers athttps://example.org/papersand the minutes")
        #expect(event?.first("X-CUSTOM")?.value == "kept")
        #expect(event?.first("SUMMARY")?.value == "lower-case names are names")
        #expect(document.warnings.map(\.location) == ["line 4", "line 5"])
    }

    @Test func aFileThatIsNotACalendarSaysSo() {
        // Act
        let issues = ICalendar.parse(Data("name,date\nBoard,2024-03-01\n".utf8)).issues.map(\.description)
        let empty = ICalendar.parse(Data()).issues.map(\.description)
        // Check
        #expect(issues == ["file: this is not an iCalendar file; expected it to start with BEGIN:VCALENDAR"])
        #expect(empty == issues)
    }
}
