import ConveneDomain
import Testing

/// The reports' survey figures (001_6804a64c8f71df74.txt) come back from raw answers of 38 respondents, computed from
/// counts.
@Suite struct LikertTests {
    /// 38 answers: `counts` of each point in the order strongly agree … strongly disagree, then "don't know".
    static func answers(_ counts: [Int], dontKnow: Int = 0) -> [LikertPoint?] {
        zip(LikertPoint.allCases, counts).flatMap { Array(repeating: $0, count: $1) }
            + Array(repeating: nil, count: dontKnow)
    }

    @Test func theReportsFiguresComeFromCountsOf38() {
        // "97.4% of respondents agreed … with 81.6% of them strongly agreeing": 37 of 38, 31 of 38.
        let critical = LikertCounts(answers: Self.answers([31, 6, 1, 0, 0]))
        #expect(critical.respondents == 38)
        #expect(critical.agreeShare?.percentText == "97.4%")
        #expect(critical.stronglyAgreeShare?.percentText == "81.6%")
        // "81.6% … agreed that there is a tendency for similar groups of people to have similar discussions".
        let similar = LikertCounts(answers: Self.answers([15, 16, 5, 2, 0]))
        #expect(similar.agreeShare?.percentText == "81.6%")
        // "talking shops": 26 of 38.
        let talkingShops = LikertCounts(answers: Self.answers([8, 18, 8, 4, 0]))
        #expect(talkingShops.agreeShare?.percentText == "68.4%")
        // "existing partnerships are reviewed effectively": 42.1% did not think so (16 of 38), 23.7% did (9 of 38).
        let reviewed = LikertCounts(answers: Self.answers([1, 8, 13, 12, 4]))
        #expect(reviewed.disagreeShare?.percentText == "42.1%")
        #expect(reviewed.agreeShare?.percentText == "23.7%")
    }

    @Test func aPrintedFigureThatAddsRoundedPartsIsNotTheShareOfTheCounts() {
        // "52.7% agreed that … configured effectively": 20 of 38 is 52.6%. The report added 13.2% (5 strongly) and
        // 39.5% (15 agree), each rounded first. Convene computes from the counts and says 52.6%.
        let configured = LikertCounts(answers: Self.answers([5, 15, 6, 10, 2]))
        #expect(configured.stronglyAgreeShare?.percentText == "13.2%")
        #expect(configured.share([.agree])?.percentText == "39.5%")
        #expect(configured.agreeShare?.percentText == "52.6%")
        #expect(configured.agreeShare?.percentText != "52.7%")
    }

    @Test func noAnswerIsLeftOutOfTheShares() {
        let counts = LikertCounts(answers: Self.answers([1, 1, 0, 2, 0], dontKnow: 4))
        #expect(counts.respondents == 8)
        #expect(counts.answered == 4)
        #expect(counts.agreeShare == 0.5)
        #expect(LikertCounts().agreeShare == nil)
    }

    @Test func answersAreReadWhateverTheirCase() {
        #expect(LikertPoint.read("STRONGLY AGREE") == .point(.stronglyAgree))
        #expect(LikertPoint.read(" agree. ") == .point(.agree))
        #expect(LikertPoint.read("Neither agree nor disagree") == .point(.neither))
        #expect(LikertPoint.read("Strongly  disagree") == .point(.stronglyDisagree))
        #expect(LikertPoint.read("Don’t know") == .noAnswer)
        #expect(LikertPoint.read("N/A") == .noAnswer)
        #expect(LikertPoint.read("") == .noAnswer)
        #expect(LikertPoint.read("Sometimes") == .notLikert)
    }
}
