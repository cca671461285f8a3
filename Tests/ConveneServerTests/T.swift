import Testing
import VaporTesting
@testable import ConveneServer
@Test func t() { #expect(true) }
