import Testing
@testable import ConveneDomain
@Test func t() { #expect(true) }
