import ConveneDomain
import Foundation
import Testing

/// The shipped national frameworks hold together, and a workspace's own indicators read all or nothing.
@Suite struct IndicatorFileTests {
    @Test func theShippedFrameworksHoldTogether() throws {
        // Setup
        let drugs = OutcomeFrameworks.combatingDrugs
        let violence = OutcomeFrameworks.seriousViolence
        // Check
        #expect(
            drugs.outcomes.filter { $0.level == .strategic }.map(\.title) == [
                "Reducing drug use", "Reducing drug-related crime", "Reducing drug-related deaths and harm"
            ])
        #expect(
            drugs.outcomes.filter { $0.level == .intermediate }.map(\.title) == [
                "Reducing drug supply", "Increasing engagement in treatment", "Improving recovery outcomes"
            ])
        #expect(
            violence.indicators.map(\.name) == [
                "Hospital admissions for assault with a sharp object",
                "Knife and sharp object enabled serious violence recorded by police", "Homicides"
            ])
        let ids = OutcomeFrameworks.indicators.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(OutcomeFrameworks.outcomeKeys.count == OutcomeFrameworks.all.map(\.outcomes.count).reduce(0, +))
        for framework in OutcomeFrameworks.all {
            #expect(NationalFrameworks.framework(framework.frameworkKey) != nil, "\(framework.key)")
            let own = Set(framework.outcomes.map(\.key))
            for outcome in own {
                #expect(!framework.indicators.filter { $0.outcomeKeys.contains(outcome) }.isEmpty, "\(outcome)")
            }
            for indicator in framework.indicators {
                #expect(indicator.validate() == [], "\(indicator.id)")
                #expect(
                    !indicator.outcomeKeys.isEmpty && Set(indicator.outcomeKeys).isSubset(of: own), "\(indicator.id)")
            }
        }
        #expect(OutcomeFrameworks.framework(ofOutcome: "cdof-reducing-drug-supply")?.key == "combating-drugs-outcomes")
        #expect(OutcomeFrameworks.indicator("svd-homicides")?.polarity == .lowerIsBetter)
    }

    static let local = """
        indicator_id,name,unit,polarity,source,frequency,geography,definition,publisher,outcomes
        naloxone-kits,Naloxone kits given out,count,higher-is-better,Local drug plan,Quarterly,Upper-tier council,\
        Kits given to people at risk of overdose,Treatment provider,cdof-reducing-drug-related-deaths-and-harm
        rough-sleeper-treatment,Rough sleepers in treatment,%,Higher is better,Local drug plan,annual,CSP,,,\
        cdof-increasing-engagement-in-treatment; cdof-improving-recovery-outcomes

        """

    @Test func localIndicatorsRead() {
        // Act
        let read = IndicatorFile.read(Data(Self.local.utf8), fileName: "indicators.csv")
        // Check
        #expect(read.errors == [])
        #expect(
            read.indicators == [
                Indicator(
                    id: "naloxone-kits", name: "Naloxone kits given out",
                    definition: "Kits given to people at risk of overdose", unit: .count, polarity: .higherIsBetter,
                    source: "Local drug plan", publisher: "Treatment provider", frequency: .quarterly,
                    geography: .upperTierAuthority, outcomeKeys: ["cdof-reducing-drug-related-deaths-and-harm"]),
                Indicator(
                    id: "rough-sleeper-treatment", name: "Rough sleepers in treatment", unit: .percentage,
                    polarity: .higherIsBetter, source: "Local drug plan", frequency: .annual,
                    geography: .communitySafetyPartnershipArea,
                    outcomeKeys: ["cdof-increasing-engagement-in-treatment", "cdof-improving-recovery-outcomes"])
            ])
        let again = IndicatorFile.read(Data(IndicatorFile.write(read.indicators).utf8), fileName: "again.csv")
        #expect(again.indicators == read.indicators)
    }

    @Test func aBadLocalIndicatorIsNamedCellByCell() throws {
        // Setup
        let bad =
            Self.local + """
                svd-homicides,Homicides,count,lower-is-better,Local,annual,force area,,,
                Knife Crime,Knife crime,number,up,Local,weekly,district,,,cdof-nothing
                naloxone-kits,Again,count,higher-is-better,Local,annual,ICB,,,

                """
        // Act
        let read = IndicatorFile.read(Data(bad.utf8), fileName: "indicators.csv")
        // Check
        try #require(
            read.errors.map(\.field) == [
                "row 4, column A", "row 5, column A", "row 5, column D", "row 5, column F", "row 5, column G",
                "row 5, column J", "row 6, column A"
            ])
        #expect(read.errors[0].message == "'svd-homicides' is a national indicator's id; give yours another")
        #expect(read.errors[6].message == "Row 2 already has the id 'naloxone-kits'")
        #expect(read.indicators.isEmpty)
    }
}
