import Foundation
import Testing

@testable import ConveneServer

@Suite struct BatchInsertTests {
    /// SQLite stores an id as the text Fluent writes, `uuidString`; the batch writer's own formatting must match it.
    @Test func anIdIsWrittenAsFluentWritesIt() {
        var generator = OrderedIDs(at: Date(timeIntervalSince1970: 1_800_000_000))
        for id in (0..<1_000).map({ _ in UUID() }) + (0..<1_000).map({ _ in generator.next() }) {
            #expect(id.text == id.uuidString)
        }
    }

    /// The ids of one batch ascend, as text too (which is how SQLite orders them), and carry the version and variant
    /// of RFC 9562's version 7.
    @Test func orderedIdsAscendAndAreVersionSeven() {
        let at = Date(timeIntervalSince1970: 1_800_000_000.123)
        var generator = OrderedIDs(at: at)
        let ids = (0..<10_000).map { _ in generator.next() }

        #expect(Set(ids).count == ids.count)
        #expect(ids.map(\.uuidString) == ids.map(\.uuidString).sorted())
        for id in ids {
            #expect(id.uuid.6 >> 4 == 7)
            #expect(id.uuid.8 >> 6 == 0b10)
        }
        // The first 48 bits are the milliseconds since 1970.
        let millis = ids[0].uuidString.replacingOccurrences(of: "-", with: "").prefix(12)
        #expect(UInt64(millis, radix: 16) == 1_800_000_000_123)
    }
}
