import Foundation
import Testing

@testable import ConveneDomain

@Suite struct AccountsTests {
    @Test func rolesIncludeTheOnesBelowThem() {
        #expect(
            WorkspaceRole.viewer < .secretariat && WorkspaceRole.secretariat < .editor && WorkspaceRole.editor < .admin)
        #expect(WorkspaceRole.parse("Administrator") == .admin)
    }

    @Test func passwordsNeedTwelveCharactersAndEmailsAShape() {
        #expect(Credentials.validate(email: "pcc@force.police.uk", password: "correct horse battery").isEmpty)
        #expect(
            Credentials.validate(email: "pcc@force.police.uk", password: "short-11chr").map(\.field) == ["password"])
        #expect(Credentials.validate(email: "not-an-email", password: "long enough password").map(\.field) == ["email"])
        #expect(Credentials.normalisedEmail("  PCC@Force.Police.UK ") == "pcc@force.police.uk")
        #expect(Credentials.generatedPassword().count == 20)
        #expect(Credentials.generatedPassword() != Credentials.generatedPassword())
    }

    @Test func throttlingRefusesAfterFiveFailuresThenRecovers() {
        // Setup
        let throttle = LoginThrottle()
        let now = Date(timeIntervalSince1970: 1_000_000)
        let failures = (0..<5).map { now.addingTimeInterval(Double(-60 * (5 - $0))) }  // 5, 4, 3, 2, 1 minutes ago

        // Act
        let blocked = throttle.retryAfter(failures: failures, now: now)
        let fewer = throttle.retryAfter(failures: Array(failures.dropFirst()), now: now)
        let later = throttle.retryAfter(failures: failures, now: now.addingTimeInterval(11 * 60))

        // Check
        #expect(
            blocked == now.addingTimeInterval(10 * 60), "the oldest failure leaves the 15-minute window in 10 minutes")
        #expect(fewer == nil)
        #expect(later == nil)
    }
}
