import ConveneDomain

/// The demo's strategies: one force area's (Bedfordshire's) Police and Crime Plan, whose priorities are the
/// missions its mission boards carry, and the strategies of its partnerships, as the reports describe such an area:
/// several strategies carrying nearly the same priorities ("20 strategies … 100 priorities … white noise"), and
/// some national objectives nobody carries. Invented wording in the reports' terms, not any area's real documents.
public enum DemoStrategies {
    static let opcc = "office-of-the-police-and-crime-commissioner-for-bedfordshire"

    public static func strategies() -> [Strategy] {
        [
            Strategy(key: "bedfordshire-police-and-crime-plan", name: "Bedfordshire Police and Crime Plan 2024 to 2028", kind: .policeAndCrimePlan,
                     ownerOrganisationKey: opcc, startsOn: Day(year: 2024, month: 4, day: 1), endsOn: Day(year: 2028, month: 3, day: 31)),
            Strategy(key: "bedfordshire-combating-drugs-strategy", name: "Bedfordshire combating drugs strategy", kind: .partnershipStrategy,
                     ownerPartnershipKey: "bedfordshire-serious-harm-partnership-board", startsOn: Day(year: 2023, month: 4, day: 1)),
            Strategy(key: "bedfordshire-serious-violence-strategy", name: "Bedfordshire serious violence strategy", kind: .partnershipStrategy,
                     ownerPartnershipKey: "bedfordshire-serious-violence-duty-board", startsOn: Day(year: 2024, month: 1, day: 31)),
            Strategy(key: "bedfordshire-vawg-strategy", name: "Bedfordshire violence against women and girls strategy", kind: .partnershipStrategy,
                     ownerPartnershipKey: "bedfordshire-male-violence-against-women-and-girls-board", startsOn: Day(year: 2023, month: 10, day: 1)),
            Strategy(key: "bedford-community-safety-plan", name: "Bedford community safety plan", kind: .partnershipStrategy,
                     ownerPartnershipKey: "bedford-community-safety-partnership", startsOn: Day(year: 2024, month: 4, day: 1)),
            Strategy(key: "central-bedfordshire-community-safety-plan", name: "Central Bedfordshire community safety plan", kind: .partnershipStrategy,
                     ownerPartnershipKey: "central-bedfordshire-community-safety-partnership", startsOn: Day(year: 2024, month: 4, day: 1)),
            Strategy(key: "luton-community-safety-plan", name: "Luton community safety plan", kind: .partnershipStrategy,
                     ownerPartnershipKey: "luton-community-safety-partnership", startsOn: Day(year: 2023, month: 4, day: 1)),
            Strategy(key: "bedfordshire-reducing-reoffending-strategy", name: "Bedfordshire reducing reoffending strategy", kind: .partnershipStrategy,
                     status: .draft, ownerPartnershipKey: "bedfordshire-reducing-reoffending-board"),
        ]
    }

    public static func priorities() -> [Priority] {
        let plan = "bedfordshire-police-and-crime-plan"
        var all: [Priority] = []
        func add(_ strategy: String, _ slug: String, _ title: String, _ description: String = "", theme: String? = nil,
                 measures: [String] = [], plan planKeys: [String] = [], objectives: [String] = []) {
            let position = all.filter { $0.strategyKey == strategy }.count + 1
            all.append(Priority(key: "\(strategy)-\(slug)", strategyKey: strategy, title: title, description: description, theme: theme,
                                measures: measures, planPriorityKeys: planKeys.map { "\(plan)-\($0)" }, frameworkObjectiveKeys: objectives,
                                position: position))
        }
        add(plan, "prevention", "Prevention", "Stop crime before it happens, with partners, in the places and families most at risk",
            theme: "prevention", measures: ["Fewer first-time entrants to the youth justice system"], objectives: ["harm-to-hope-3"])
        add(plan, "protecting-women-and-children", "Protecting women and children",
            "Make Bedfordshire safer for women and girls, and protect children from exploitation", theme: "VAWG",
            objectives: ["tackling-vawg-1", "tackling-vawg-2"])
        add(plan, "tackling-serious-crime", "Tackling serious crime", "Disrupt organised crime, county lines and serious violence",
            theme: "serious and organised crime", objectives: ["harm-to-hope-1", "serious-violence-duty-1"])
        add(plan, "victims", "Victims at the heart of all services", theme: "victims")
        add(plan, "local-policing", "Reinvigorating local policing", theme: "policing")
        add(plan, "criminal-justice", "Excellence in policing and criminal justice", theme: "criminal justice")

        let drugs = "bedfordshire-combating-drugs-strategy"
        add(drugs, "supply", "Break drug supply chains and county lines", "Target the middle market and roll up county lines with the police",
            theme: "drugs", measures: ["County lines closed", "Drug-related homicides"], plan: ["tackling-serious-crime"],
            objectives: ["harm-to-hope-1", "harm-to-hope-1-3"])
        add(drugs, "treatment", "Deliver a world-class treatment and recovery system", theme: "drugs",
            measures: ["Adults in treatment", "Drug-related deaths"], objectives: ["harm-to-hope-2"])
        add(drugs, "criminal-justice-referrals", "More referrals into treatment from the criminal justice system", theme: "drugs",
            objectives: ["harm-to-hope-2-6"])
        add(drugs, "young-people", "Reduce drug use among young people", "School-based prevention and early help for families",
            theme: "drugs", plan: ["prevention"], objectives: ["harm-to-hope-3-2"])

        let violence = "bedfordshire-serious-violence-strategy"
        add(violence, "young-people", "Reduce serious violence among young people", "Early intervention for young people at risk of violence",
            theme: "serious violence", measures: ["Hospital admissions for assault with a sharp object, under 25"], plan: ["tackling-serious-crime"],
            objectives: ["serious-violence-duty-3"])
        add(violence, "needs-assessment", "Refresh the serious violence needs assessment every year", theme: "serious violence",
            objectives: ["serious-violence-duty-2", "serious-violence-duty-4"])
        add(violence, "county-lines", "Tackle county lines and drug supply", theme: "serious violence", objectives: ["harm-to-hope-1-3"])

        let vawg = "bedfordshire-vawg-strategy"
        add(vawg, "prevention", "Prevent violence against women and girls", "Education and changing attitudes", theme: "VAWG",
            plan: ["protecting-women-and-children"], objectives: ["tackling-vawg-1"])
        add(vawg, "victims", "Support victims of domestic abuse and sexual violence", theme: "VAWG", plan: ["victims"],
            objectives: ["tackling-vawg-2"])
        add(vawg, "perpetrators", "Pursue perpetrators of violence against women and girls", theme: "VAWG", objectives: ["tackling-vawg-3"])

        let bedford = "bedford-community-safety-plan"
        add(bedford, "violence", "Reduce serious violence among young people in Bedford", theme: "serious violence",
            objectives: ["serious-violence-duty-5"])
        add(bedford, "anti-social-behaviour", "Reduce anti-social behaviour", theme: "anti-social behaviour")
        add(bedford, "drugs", "Tackle drug supply and county lines in Bedford", theme: "drugs")

        let central = "central-bedfordshire-community-safety-plan"
        add(central, "violence", "Reduce serious violence and knife crime among young people", theme: "serious violence")
        add(central, "domestic-abuse", "Support victims of domestic abuse", theme: "VAWG")
        add(central, "anti-social-behaviour", "Reduce anti-social behaviour in town centres", theme: "anti-social behaviour")

        let luton = "luton-community-safety-plan"
        add(luton, "anti-social-behaviour", "Tackle anti-social behaviour", theme: "anti-social behaviour")
        add(luton, "reoffending", "Reduce reoffending", theme: "reoffending")

        add("bedfordshire-reducing-reoffending-strategy", "reoffending", "Reduce reoffending by prolific offenders", theme: "reoffending",
            plan: ["criminal-justice"])
        return all
    }
}
