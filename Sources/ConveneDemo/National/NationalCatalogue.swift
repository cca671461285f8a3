// Over 400 lines: reference data, the catalogue of a force area's partnerships, one table to read in one place.
import ConveneDomain

/// The partnerships a generated force area has: the force-wide boards, their sub-groups, and the groups every
/// locality runs. Names, statutory bases and PCC involvement follow the source reports (the CDP deep dive's
/// Appendix B, the 2025 report's list of partnership types); who chairs is the usual practice.
struct PartnershipTemplate: Sendable {
    enum Scope: Sendable { case force, locality }

    enum Level: Int, Sendable {
        /// Boards of chief officers and directors; meet a few times a year for two or three hours.
        case strategic
        /// Sub-groups and delivery groups of managers; every month or two.
        case delivery
        /// Case panels and tasking groups of practitioners; every week or fortnight.
        case operational

        /// Slowest first; the frequency a partnership settles on is one of these.
        var frequencies: [MeetingFrequency] {
            switch self {
            case .strategic: [.twiceYearly, .quarterly, .bimonthly, .sixWeekly, .monthly]
            case .delivery: [.quarterly, .bimonthly, .sixWeekly, .monthly, .fortnightly]
            case .operational: [.monthly, .fortnightly, .weekly]
            }
        }

        var durations: [Int] {
            switch self {
            case .strategic: [120, 150, 180]
            case .delivery: [90, 120]
            case .operational: [60, 90, 120]
            }
        }

        /// Minutes after midnight on the London wall clock.
        var startTimes: [Int] {
            switch self {
            case .strategic: [600, 840]
            case .delivery: [570, 810]
            case .operational: [540, 600, 840]
            }
        }

        var sizes: ClosedRange<Int> {
            switch self {
            case .strategic: 14...18
            case .delivery: 10...14
            case .operational: 9...13
            }
        }
    }

    var id: String
    var name: String
    var type: PartnershipType
    var scope: Scope
    var level: Level
    var themes: [NationalTheme]
    var usual: MeetingFrequency
    var statutoryBasis: String?
    var purpose: String
    /// The business that comes back to most meetings.
    var recurring: [String]
    /// The commissioner's part: drawn once per partnership.
    var pcc: @Sendable (inout SeededRandom) -> [PCCRole]
    /// Roles that chair it, the first one held wins.
    var chairs: [String]
    /// The role whose holder is the SRO (Combating Drugs Partnerships), unless the commissioner is.
    var sro: String?
    var secretariat: OrganisationKind
    /// A force-wide partnership this one is a sub-group of, or reports to.
    var parent: (id: String, kind: RelationKind)?
    /// A partnership whose members this one largely shares: the reports' "same people, different meeting".
    var twinOf: String?
    /// The year it began, for the register's history.
    var startedIn: Int

    /// Wales has its own names for some: Area Planning Boards for substance misuse, Public Services Boards.
    var walesName: String?
    var walesType: PartnershipType?
    var walesStatutoryBasis: String?

    init(
        _ id: String, _ name: String, _ type: PartnershipType, _ scope: Scope, _ level: Level,
        _ themes: [NationalTheme],
        _ usual: MeetingFrequency, statutoryBasis: String? = nil, purpose: String, recurring: [String],
        pcc: @escaping @Sendable (inout SeededRandom) -> [PCCRole] = { _ in [] }, chairs: [String], sro: String? = nil,
        secretariat: OrganisationKind, parent: (String, RelationKind)? = nil, twinOf: String? = nil, startedIn: Int,
        walesName: String? = nil, walesType: PartnershipType? = nil, walesStatutoryBasis: String? = nil
    ) {
        self.id = id
        self.name = name
        self.type = type
        self.scope = scope
        self.level = level
        self.themes = themes
        self.usual = usual
        self.statutoryBasis = statutoryBasis
        self.purpose = purpose
        self.recurring = recurring
        self.pcc = pcc
        self.chairs = chairs
        self.sro = sro
        self.secretariat = secretariat
        self.parent = parent.map { (id: $0.0, kind: $0.1) }
        self.twinOf = twinOf
        self.startedIn = startedIn
        self.walesName = walesName
        self.walesType = walesType
        self.walesStatutoryBasis = walesStatutoryBasis
    }
}

extension PartnershipTemplate {
    /// Force-wide partnerships in order of importance: a workspace with fewer partnerships keeps the first.
    static let forceWide: [PartnershipTemplate] = [
        PartnershipTemplate(
            "lcjb", "Local Criminal Justice Board", .criminalJusticeBoard, .force, .strategic, [.reoffending, .victims],
            .quarterly,
            purpose:
                "Brings the criminal justice agencies together to improve the efficiency of the system and the experience of victims and witnesses.",
            recurring: [
                "Criminal justice performance: timeliness and attrition", "Court recovery and backlog",
                "Victims' Code compliance report"
            ],
            pcc: { $0.chance(85) ? [.chair] : [.coChair] }, chairs: ["pcc"], secretariat: .opcc, startedIn: 2003),
        PartnershipTemplate(
            "cdp", "Combating Drugs Partnership", .combatingDrugsPartnership, .force, .strategic,
            [.drugs, .exploitation, .mentalHealth], .quarterly,
            purpose:
                "Delivers the national drug strategy From Harm to Hope locally: breaking supply chains, treatment and recovery, and reducing demand.",
            recurring: [
                "Harm to Hope performance framework dashboard", "Drug-related deaths surveillance",
                "Treatment and recovery grant spend"
            ],
            pcc: { rng in rng.chance(30) ? [.sro] : rng.chance(30) ? [.coChair] : [.member] },
            chairs: ["council-chief-executive", "director-of-public-health"], sro: "director-of-public-health",
            secretariat: .council, startedIn: 2022,
            walesName: "Substance Misuse Area Planning Board", walesType: .areaPlanningBoard),
        PartnershipTemplate(
            "police-crime-plan", "Police and Crime Plan Partnership Board", .strategicBoard, .force, .strategic,
            [.seriousViolence, .antisocialBehaviour, .vawg, .victims, .drugs], .bimonthly,
            purpose: "Oversees delivery of the Police and Crime Plan with the partners who share its priorities.",
            recurring: [
                "Police and Crime Plan delivery report", "Partnership risk register",
                "Commissioner's grants and funding update"
            ],
            pcc: { _ in [.chair, .convener] }, chairs: ["pcc"], secretariat: .opcc, startedIn: 2021),
        PartnershipTemplate(
            "serious-violence", "Serious Violence Duty Partnership", .seriousViolence, .force, .strategic,
            [.seriousViolence, .youngPeople, .exploitation], .quarterly,
            statutoryBasis: "Police, Crime, Sentencing and Courts Act 2022, Part 2, Chapter 1 (Serious Violence Duty)",
            purpose:
                "Meets the Serious Violence Duty: a shared strategic needs assessment and a response strategy to prevent and reduce serious violence.",
            recurring: [
                "Strategic needs assessment refresh", "Response strategy delivery plan", "Serious violence grant return"
            ],
            pcc: { rng in rng.chance(50) ? [.chair, .convener] : [.convener] }, chairs: ["pcc", "acc-crime"],
            secretariat: .opcc, startedIn: 2023),
        PartnershipTemplate(
            "vawg", "Violence Against Women and Girls Strategic Board", .vawgBoard, .force, .strategic,
            [.vawg, .victims], .quarterly,
            purpose:
                "Leads the partnership response to violence against women and girls: prevention, support for victims and pursuit of perpetrators.",
            recurring: ["VAWG delivery plan performance", "Domestic abuse related death reviews: themes and learning"],
            pcc: { rng in rng.chance(50) ? [.coChair] : [.member] }, chairs: ["acc-crime", "dcs-public-protection"],
            secretariat: .opcc, startedIn: 2021),
        PartnershipTemplate(
            "community-safety-board", "Community Safety Strategic Board", .strategicBoard, .force, .strategic,
            [.antisocialBehaviour, .seriousViolence, .drugs, .vawg], .quarterly,
            purpose:
                "Brings the community safety partnerships together with the commissioner to agree shared priorities across the force area.",
            recurring: [
                "Community safety performance across the force area", "Community safety partnership highlight reports"
            ],
            pcc: { rng in rng.chance(40) ? [.coChair] : [.member] }, chairs: ["acc-local", "council-chief-executive"],
            secretariat: .opcc,
            twinOf: "police-crime-plan", startedIn: 2013, walesName: "Safer Communities Board"),
        PartnershipTemplate(
            "reducing-reoffending", "Reducing Reoffending Board", .reducingReoffendingBoard, .force, .strategic,
            [.reoffending, .housing, .drugs], .quarterly,
            purpose:
                "Coordinates work to reduce reoffending: accommodation, employment, treatment and support on release.",
            recurring: ["Reoffending rates and cohort data", "Accommodation on release performance"],
            pcc: { rng in rng.chance(40) ? [.chair] : [.member] }, chairs: ["pcc", "regional-reducing-reoffending"],
            secretariat: .opcc,
            parent: ("lcjb", .reportsTo), twinOf: "lcjb", startedIn: 2016),
        PartnershipTemplate(
            "victims-commissioning", "Victims' Services Commissioning Board", .strategicBoard, .force, .strategic,
            [.victims, .vawg], .quarterly,
            purpose: "Commissions and oversees the services the commissioner funds for victims of crime.",
            recurring: ["Commissioned services contract performance", "Victims' grant allocation"],
            pcc: { _ in [.chair, .funder] }, chairs: ["pcc"], secretariat: .opcc, startedIn: 2015),
        PartnershipTemplate(
            "violence-reduction-unit", "Violence Reduction Unit Board", .seriousViolence, .force, .strategic,
            [.seriousViolence, .youngPeople], .quarterly,
            purpose: "Directs the Violence Reduction Unit's programmes and its public health approach to violence.",
            recurring: ["Violence Reduction Unit programme dashboard", "Intervention evaluation plan"],
            pcc: { _ in [.chair, .funder] }, chairs: ["pcc"], secretariat: .opcc, twinOf: "serious-violence",
            startedIn: 2019),
        PartnershipTemplate(
            "domestic-abuse-board", "Domestic Abuse Local Partnership Board", .strategicBoard, .force, .strategic,
            [.vawg, .housing, .victims], .quarterly, statutoryBasis: "Domestic Abuse Act 2021, Part 4",
            purpose:
                "Assesses the need for support in safe accommodation for victims of domestic abuse and oversees the strategy to meet it.",
            recurring: ["Safe accommodation needs assessment", "Safe accommodation grant spend"],
            pcc: { _ in [.member] }, chairs: ["director-of-adult-services", "head-of-community-safety"],
            secretariat: .council,
            twinOf: "vawg", startedIn: 2021,
            walesName: "Violence against Women, Domestic Abuse and Sexual Violence Regional Board",
            walesStatutoryBasis: "Violence against Women, Domestic Abuse and Sexual Violence (Wales) Act 2015"),
        PartnershipTemplate(
            "drug-alcohol-board", "Drug and Alcohol Harm Reduction Board", .strategicBoard, .force, .strategic,
            [.drugs, .mentalHealth, .housing], .bimonthly,
            purpose:
                "Oversees the drug and alcohol treatment system and the delivery plan the combating drugs partnership agreed.",
            recurring: ["Treatment system performance report", "Alcohol harm indicators"],
            pcc: { _ in [.member] }, chairs: ["director-of-public-health", "public-health-consultant"],
            secretariat: .council,
            parent: ("cdp", .deliveryArmOf), twinOf: "cdp", startedIn: 2023),
        PartnershipTemplate(
            "safeguarding-children", "Safeguarding Children Partnership", .safeguardingBoard, .force, .strategic,
            [.youngPeople, .exploitation], .bimonthly,
            statutoryBasis:
                "Children Act 2004, sections 16E to 16K, as amended by the Children and Social Work Act 2017",
            purpose: "The safeguarding partners' arrangements to safeguard and promote the welfare of children.",
            recurring: ["Multi-agency safeguarding performance", "Child safeguarding practice reviews"],
            chairs: ["independent-safeguarding-chair"], secretariat: .council, startedIn: 2019,
            walesName: "Regional Safeguarding Children Board",
            walesStatutoryBasis: "Social Services and Well-being (Wales) Act 2014, section 134"),
        PartnershipTemplate(
            "safeguarding-adults", "Safeguarding Adults Board", .safeguardingBoard, .force, .strategic,
            [.mentalHealth, .exploitation, .vawg], .quarterly, statutoryBasis: "Care Act 2014, section 43",
            purpose:
                "Assures itself that local safeguarding arrangements protect adults with care and support needs from abuse and neglect.",
            recurring: ["Safeguarding adults performance", "Safeguarding adults reviews: progress on actions"],
            chairs: ["independent-safeguarding-chair"], secretariat: .council, startedIn: 2015,
            walesName: "Regional Safeguarding Adults Board",
            walesStatutoryBasis: "Social Services and Well-being (Wales) Act 2014, section 134"),
        PartnershipTemplate(
            "health-wellbeing", "Health and Wellbeing Board", .healthAndWellbeingBoard, .force, .strategic,
            [.mentalHealth, .drugs, .housing, .youngPeople], .quarterly,
            statutoryBasis: "Health and Social Care Act 2012, section 194",
            purpose: "Leads the joint strategic needs assessment and the joint local health and wellbeing strategy.",
            recurring: ["Joint strategic needs assessment", "Health and wellbeing strategy outcomes"],
            pcc: { rng in rng.chance(50) ? [.member] : [.attends] }, chairs: ["council-chief-executive"],
            secretariat: .council, startedIn: 2013,
            walesName: "Public Services Board", walesType: .publicServiceBoard,
            walesStatutoryBasis: "Well-being of Future Generations (Wales) Act 2015, section 29"),
        PartnershipTemplate(
            "youth-justice", "Youth Justice Management Board", .strategicBoard, .force, .strategic,
            [.youngPeople, .reoffending], .quarterly, statutoryBasis: "Crime and Disorder Act 1998, section 39",
            purpose:
                "Oversees the youth justice service: first-time entrants, reoffending by children and the use of custody.",
            recurring: ["Youth justice performance: national indicators", "Youth justice plan progress"],
            pcc: { _ in [.member] }, chairs: ["director-of-childrens-services"], secretariat: .council, startedIn: 2000),
        PartnershipTemplate(
            "mappa", "MAPPA Strategic Management Board", .strategicBoard, .force, .strategic,
            [.reoffending, .vawg], .quarterly, statutoryBasis: "Criminal Justice Act 2003, sections 325 to 327B",
            purpose:
                "Reviews and monitors the multi-agency public protection arrangements for managing sexual and violent offenders.",
            recurring: ["MAPPA performance and serious further offences", "MAPPA business plan"],
            chairs: ["regional-reducing-reoffending", "dcs-public-protection"], secretariat: .probation, startedIn: 2001
        ),
        PartnershipTemplate(
            "road-safety", "Road Safety Partnership", .strategicBoard, .force, .strategic, [.roadSafety], .quarterly,
            purpose:
                "Brings police, fire, highways and health together to reduce deaths and serious injuries on the roads.",
            recurring: ["Killed and seriously injured casualty data", "Safety camera performance"],
            pcc: { rng in rng.chance(40) ? [.chair, .funder] : [.member, .funder] },
            chairs: ["pcc", "chief-inspector-roads"],
            secretariat: .council, startedIn: 2007),
        PartnershipTemplate(
            "cdp-treatment", "Combating Drugs Partnership Treatment and Recovery Group", .subGroup, .force, .delivery,
            [.drugs, .mentalHealth, .housing], .sixWeekly,
            purpose: "Delivers the treatment and recovery priority of the combating drugs partnership.",
            recurring: ["Treatment numbers and continuity of care", "Waiting times and capacity"],
            chairs: ["public-health-consultant", "drug-alcohol-commissioner"], secretariat: .council,
            parent: ("cdp", .subGroupOf), startedIn: 2023,
            walesName: "Substance Misuse Treatment and Recovery Group"),
        PartnershipTemplate(
            "cdp-supply", "Combating Drugs Partnership Supply and Enforcement Group", .subGroup, .force, .delivery,
            [.drugs, .exploitation, .seriousViolence], .sixWeekly,
            purpose: "Delivers the priority of breaking drug supply chains.",
            recurring: ["County lines disruption tactical update", "Drug seizures and closures"],
            pcc: { _ in [.member] }, chairs: ["ds-organised-crime"], secretariat: .police, parent: ("cdp", .subGroupOf),
            startedIn: 2023,
            walesName: "Substance Misuse Supply and Enforcement Group"),
        PartnershipTemplate(
            "police-crime-delivery", "Police and Crime Plan Delivery Group", .subGroup, .force, .delivery,
            [.seriousViolence, .antisocialBehaviour, .victims, .drugs], .monthly,
            purpose: "Tracks the commissioner's programmes and grants month by month.",
            recurring: ["Programme tracker", "Grant recipients' monitoring returns"],
            pcc: { _ in [.chair] }, chairs: ["pcc"], secretariat: .opcc, parent: ("police-crime-plan", .subGroupOf),
            startedIn: 2021),
        PartnershipTemplate(
            "victims-witnesses", "Victims and Witnesses Group", .subGroup, .force, .delivery, [.victims], .bimonthly,
            purpose: "Improves the experience of victims and witnesses through the criminal justice system.",
            recurring: ["Witness attendance and trial effectiveness", "Victim feedback"],
            pcc: { _ in [.member] }, chairs: ["opcc-victims-manager", "witness-care-manager"], secretariat: .opcc,
            parent: ("lcjb", .subGroupOf), startedIn: 2010),
        PartnershipTemplate(
            "iom-strategic", "Integrated Offender Management Strategic Group", .subGroup, .force, .delivery,
            [.reoffending, .drugs], .bimonthly,
            purpose: "Oversees integrated offender management of the people who cause the most crime.",
            recurring: ["IOM cohort performance"],
            chairs: ["cs-criminal-justice", "head-of-pdu"], secretariat: .police,
            parent: ("reducing-reoffending", .subGroupOf), startedIn: 2010),
        PartnershipTemplate(
            "marac-steering", "MARAC Steering Group", .subGroup, .force, .delivery, [.vawg, .victims], .quarterly,
            purpose: "Oversees the multi-agency risk assessment conferences and their quality.",
            recurring: ["MARAC performance: referrals and repeat rates"],
            chairs: ["dcs-public-protection", "domestic-abuse-coordinator"], secretariat: .police,
            parent: ("vawg", .subGroupOf), startedIn: 2012),
        PartnershipTemplate(
            "exploitation", "Exploitation and Missing Strategic Group", .subGroup, .force, .delivery,
            [.exploitation, .youngPeople, .seriousViolence], .bimonthly,
            purpose: "Leads the response to child criminal and sexual exploitation and to children who go missing.",
            recurring: ["Exploitation and missing data profile"],
            pcc: { _ in [.member] }, chairs: ["dcs-public-protection", "safeguarding-business-manager"],
            secretariat: .council,
            parent: ("safeguarding-children", .subGroupOf), startedIn: 2017),
        PartnershipTemplate(
            "mental-health-crisis", "Mental Health Crisis Care Partnership", .strategicBoard, .force, .delivery,
            [.mentalHealth], .bimonthly,
            purpose: "Joins up police, health and social care for people in mental health crisis.",
            recurring: ["Section 136 and places of safety data", "Right Care, Right Person implementation"],
            pcc: { _ in [.member] }, chairs: ["trust-clinical-director", "mental-health-commissioning"],
            secretariat: .icb, startedIn: 2014),
        PartnershipTemplate(
            "asb-group", "Anti-social Behaviour Strategic Group", .subGroup, .force, .delivery,
            [.antisocialBehaviour, .housing, .youngPeople], .bimonthly,
            purpose: "Shares practice on anti-social behaviour, case reviews and the use of powers.",
            recurring: ["Anti-social behaviour incidents and case reviews"],
            pcc: { _ in [.member] }, chairs: ["acc-local", "head-of-community-safety"], secretariat: .opcc,
            parent: ("community-safety-board", .subGroupOf), startedIn: 2015),
        PartnershipTemplate(
            "prevent", "Prevent Partnership Board", .strategicBoard, .force, .delivery, [.youngPeople, .exploitation],
            .quarterly,
            statutoryBasis: "Counter-Terrorism and Security Act 2015, Part 5",
            purpose: "Oversees the Prevent duty and the Channel panels.",
            recurring: ["Prevent referrals and Channel cases"],
            chairs: ["council-chief-executive", "director-of-childrens-services"], secretariat: .council,
            startedIn: 2015),
        PartnershipTemplate(
            "drug-deaths", "Drug-Related Deaths Review Panel", .subGroup, .force, .operational, [.drugs, .mentalHealth],
            .monthly,
            purpose: "Reviews every drug-related death to learn lessons and prevent the next.",
            recurring: ["Deaths notified since the last meeting", "Learning from completed reviews"],
            chairs: ["public-health-consultant"], secretariat: .council, parent: ("cdp", .subGroupOf), startedIn: 2018),
        PartnershipTemplate(
            "homelessness", "Homelessness and Rough Sleeping Partnership", .forum, .force, .delivery,
            [.housing, .mentalHealth, .drugs], .bimonthly,
            purpose: "Coordinates services for people sleeping rough or at risk of homelessness.",
            recurring: ["Rough sleeping count and outreach", "Temporary accommodation pressures"],
            chairs: ["director-of-adult-services", "housing-options-manager"], secretariat: .council, startedIn: 2018),
        PartnershipTemplate(
            "lived-experience", "Lived Experience Recovery Forum", .forum, .force, .delivery, [.drugs], .monthly,
            purpose: "Gives people in recovery a voice in how treatment and recovery services are run.",
            recurring: ["Recovery community updates"],
            pcc: { _ in [.attends] }, chairs: ["treatment-service-manager"], secretariat: .treatmentProvider,
            startedIn: 2022),
        PartnershipTemplate(
            "night-time-economy", "Night-time Economy Partnership", .forum, .force, .delivery,
            [.vawg, .antisocialBehaviour, .seriousViolence], .bimonthly,
            purpose: "Keeps town centres safe at night with licensees, transport and the street pastors.",
            recurring: ["Night-time economy incident data"],
            pcc: { _ in [.member] }, chairs: ["superintendent-lpa", "licensing-manager"], secretariat: .council,
            startedIn: 2016),
        PartnershipTemplate(
            "modern-slavery", "Modern Slavery and Human Trafficking Partnership", .network, .force, .delivery,
            [.exploitation, .victims], .quarterly,
            purpose: "Shares intelligence and practice on modern slavery and human trafficking.",
            recurring: ["National referral mechanism data"],
            chairs: ["dcs-public-protection"], secretariat: .police, startedIn: 2016),
        PartnershipTemplate(
            "hate-crime", "Hate Crime Partnership", .forum, .force, .delivery, [.victims], .quarterly,
            purpose: "Encourages reporting of hate crime and supports its victims.",
            recurring: ["Hate crime reports and outcomes"],
            pcc: { _ in [.member] }, chairs: ["opcc-victims-manager"], secretariat: .opcc, startedIn: 2014),
        PartnershipTemplate(
            "women-justice", "Women's Justice Partnership", .strategicBoard, .force, .delivery, [.reoffending, .vawg],
            .quarterly,
            purpose: "Diverts women from the criminal justice system and supports women on probation.",
            recurring: ["Women's centre referrals and outcomes"],
            pcc: { _ in [.member] }, chairs: ["opcc-justice-manager", "head-of-pdu"], secretariat: .opcc,
            startedIn: 2019),
        PartnershipTemplate(
            "out-of-court", "Out of Court Resolutions Scrutiny Panel", .forum, .force, .delivery,
            [.reoffending, .victims], .quarterly,
            purpose: "Scrutinises a sample of cautions and community resolutions for their appropriateness.",
            recurring: ["Case sample findings"],
            chairs: ["opcc-justice-manager"], secretariat: .opcc, startedIn: 2017),
        PartnershipTemplate(
            "community-safety-leads", "Community Safety Leads Network", .network, .force, .delivery,
            [.antisocialBehaviour, .seriousViolence, .vawg, .drugs], .bimonthly,
            purpose: "Connects the community safety managers of every council with the commissioner's office.",
            recurring: ["Round-table updates from each area"],
            pcc: { _ in [.member] }, chairs: ["opcc-head-of-partnerships"], secretariat: .opcc, startedIn: 2014),
        PartnershipTemplate(
            "joint-commissioning", "Joint Commissioning Group", .strategicBoard, .force, .delivery,
            [.victims, .drugs, .vawg], .bimonthly,
            purpose:
                "Aligns the commissioner's, councils' and health commissioning to avoid funding the same thing twice.",
            recurring: ["Commissioning pipeline", "Contract expiry schedule"],
            pcc: { _ in [.member, .funder] }, chairs: ["opcc-head-of-partnerships"], secretariat: .opcc, startedIn: 2020
        ),
        PartnershipTemplate(
            "serious-violence-data", "Serious Violence Data Sharing Group", .taskAndFinishGroup, .force, .delivery,
            [.seriousViolence], .monthly,
            purpose: "Agrees the data sharing behind the strategic needs assessment.",
            recurring: ["Data sharing agreement progress"],
            chairs: ["opcc-policy-manager"], secretariat: .opcc, parent: ("serious-violence", .subGroupOf),
            startedIn: 2023),
        PartnershipTemplate(
            "child-exploitation-panel", "Child Criminal Exploitation Panel", .subGroup, .force, .operational,
            [.exploitation, .youngPeople], .fortnightly,
            purpose: "Plans the multi-agency response to children at highest risk of criminal exploitation.",
            recurring: ["Children at highest risk: case review", "Locations and persons of concern"],
            chairs: ["detective-inspector-safeguarding", "safeguarding-business-manager"], secretariat: .police,
            parent: ("exploitation", .subGroupOf), startedIn: 2019),
        PartnershipTemplate(
            "fire-police", "Fire and Police Collaboration Board", .strategicBoard, .force, .strategic,
            [.roadSafety, .antisocialBehaviour], .quarterly,
            purpose: "Oversees the collaboration duty between the police and the fire and rescue service.",
            recurring: ["Collaboration programme tracker"],
            pcc: { _ in [.member] }, chairs: ["deputy-chief-constable", "chief-fire-officer"], secretariat: .opcc,
            startedIn: 2017)
    ]

    /// The groups every locality runs, in order of importance.
    static let perLocality: [PartnershipTemplate] = [
        PartnershipTemplate(
            "csp", "Community Safety Partnership", .communitySafetyPartnership, .locality, .strategic,
            [.antisocialBehaviour, .seriousViolence, .drugs, .vawg], .quarterly,
            statutoryBasis: "Crime and Disorder Act 1998, sections 5 to 7",
            purpose: "The statutory partnership that assesses local crime and disorder and agrees a plan to reduce it.",
            recurring: [
                "Crime and anti-social behaviour performance", "Community safety plan priorities",
                "Strategic assessment findings"
            ],
            pcc: { rng in rng.chance(60) ? [.attends] : [.member] },
            chairs: ["superintendent-lpa", "council-chief-executive"],
            secretariat: .council, parent: ("community-safety-board", .reportsTo), startedIn: 1998),
        PartnershipTemplate(
            "marac", "Multi-Agency Risk Assessment Conference", .forum, .locality, .operational, [.vawg, .victims],
            .weekly,
            purpose: "Shares information on the highest-risk domestic abuse cases and agrees a safety plan for each.",
            recurring: ["High-risk domestic abuse cases", "Repeat referrals", "Actions from previous cases"],
            chairs: ["detective-inspector-safeguarding", "chief-inspector-neighbourhoods"], secretariat: .police,
            parent: ("marac-steering", .reportsTo), startedIn: 2008),
        PartnershipTemplate(
            "tasking", "Joint Action Group", .subGroup, .locality, .operational,
            [.antisocialBehaviour, .drugs, .youngPeople], .fortnightly,
            purpose: "Tasks partners to problem locations and people causing the most harm in the community.",
            recurring: ["Hotspot locations and problem-solving plans", "Community trigger cases"],
            chairs: ["chief-inspector-neighbourhoods", "head-of-community-safety"], secretariat: .council,
            parent: ("csp", .subGroupOf), startedIn: 2010),
        PartnershipTemplate(
            "serious-violence-local", "Serious Violence Local Delivery Group", .subGroup, .locality, .delivery,
            [.seriousViolence, .youngPeople], .monthly,
            purpose: "Delivers the serious violence response strategy locally.",
            recurring: ["Local serious violence profile"],
            pcc: { rng in rng.chance(50) ? [.attends] : [] },
            chairs: ["head-of-community-safety", "superintendent-lpa"], secretariat: .council,
            parent: ("serious-violence", .subGroupOf), startedIn: 2023),
        PartnershipTemplate(
            "iom-panel", "Integrated Offender Management Panel", .subGroup, .locality, .operational,
            [.reoffending, .drugs, .housing], .weekly,
            purpose: "Reviews the local integrated offender management cohort and agrees who is adopted.",
            recurring: ["IOM cohort review", "New nominals for adoption"],
            chairs: ["senior-probation-officer", "police-inspector"], secretariat: .police,
            parent: ("iom-strategic", .reportsTo), startedIn: 2010),
        PartnershipTemplate(
            "complex-needs", "Complex Needs Panel", .forum, .locality, .operational,
            [.mentalHealth, .housing, .drugs, .antisocialBehaviour], .fortnightly,
            purpose: "Agrees a plan for adults whose needs no single service meets.",
            recurring: ["Individuals referred for case discussion"],
            chairs: ["head-of-community-safety", "housing-options-manager"], secretariat: .council, startedIn: 2016),
        PartnershipTemplate(
            "exploitation-panel", "Multi-Agency Child Exploitation Panel", .subGroup, .locality, .operational,
            [.exploitation, .youngPeople], .monthly,
            purpose: "Plans the response to children at risk of exploitation in the locality.",
            recurring: ["Children at risk of exploitation: case review", "Missing episodes"],
            chairs: ["detective-inspector-safeguarding", "youth-justice-manager"], secretariat: .council,
            parent: ("exploitation", .subGroupOf), startedIn: 2018),
        PartnershipTemplate(
            "drugs-local", "Drug and Alcohol Delivery Group", .subGroup, .locality, .delivery, [.drugs, .housing],
            .sixWeekly,
            purpose: "Delivers the combating drugs partnership's plan in the locality.",
            recurring: ["Local treatment and recovery data"],
            chairs: ["drug-alcohol-commissioner", "treatment-service-manager"], secretariat: .council,
            parent: ("cdp", .subGroupOf), startedIn: 2023),
        PartnershipTemplate(
            "safer-streets", "Safer Streets Steering Group", .taskAndFinishGroup, .locality, .delivery,
            [.antisocialBehaviour, .vawg, .roadSafety], .bimonthly,
            purpose: "Steers the locality's safer streets projects: lighting, cameras and design.",
            recurring: ["Safer streets project tracker"],
            chairs: ["chief-inspector-neighbourhoods", "community-safety-officer"], secretariat: .council,
            parent: ("csp", .subGroupOf), startedIn: 2021)
    ]

    /// Beyond the catalogue, a large workspace has task and finish groups on particular topics.
    static func taskAndFinish(_ theme: NationalTheme, topic: String) -> PartnershipTemplate {
        PartnershipTemplate(
            "task-\(theme.rawValue)", "\(topic) Task and Finish Group", .taskAndFinishGroup, .force, .delivery, [theme],
            .monthly,
            purpose: "Set up to look at one question and report back; still meeting.",
            recurring: ["Task and finish group progress against terms of reference"],
            chairs: [], secretariat: .opcc, startedIn: 2024)
    }
}
