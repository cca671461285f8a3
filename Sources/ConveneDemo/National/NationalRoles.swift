// Over 400 lines: reference data, the partner bodies and jobs of a force area, one table to read in one place.
import ConveneDomain

/// The partner bodies of a generated force area and the jobs people hold in them.
///
/// Every force area gets the same kinds of body, named after the area ("Kent Integrated Care Board") or, for councils,
/// after one of its localities ("Kent North Council"). The localities are labels, not real districts: the demo must
/// not pretend to know a real area's councils.
enum OrganisationKind: Int, CaseIterable, Sendable {
    case opcc, police, council, icb, mentalHealthTrust, hospitalTrust, probation, fire, prisons, courts, prosecution
    case college, schools, treatmentProvider, domesticAbuseService, victimSupport, youthCharity, housingAssociation
    case mentalHealthCharity, voluntarySector, recoveryCommunity, survivorsNetwork, ohid, jobcentre

    func name(place: String, locality: String?, office: String, police: String, wales: Bool) -> String {
        switch self {
        case .opcc: office
        case .police: police
        case .council: "\(place) \(locality ?? "Central") Council"
        case .icb: wales ? "\(place) University Health Board" : "\(place) Integrated Care Board"
        case .mentalHealthTrust:
            wales ? "\(place) Mental Health Services" : "\(place) Mental Health NHS Foundation Trust"
        case .hospitalTrust: wales ? "\(place) Hospitals" : "\(place) Hospitals NHS Trust"
        case .probation: "Probation Service, \(place)"
        case .fire: "\(place) Fire and Rescue Service"
        case .prisons: "HM Prison and Probation Service, prisons in \(place)"
        case .courts: "HM Courts and Tribunals Service, \(place)"
        case .prosecution: "Crown Prosecution Service, \(place)"
        case .college: "\(place) College"
        case .schools: "\(place) Schools Partnership"
        case .treatmentProvider: "\(place) Drug and Alcohol Recovery Service"
        case .domesticAbuseService: "\(place) Domestic Abuse Service"
        case .victimSupport: "Victim Support, \(place)"
        case .youthCharity: "\(place) Youth Trust"
        case .housingAssociation: "\(place) Homes"
        case .mentalHealthCharity: "Mind in \(place)"
        case .voluntarySector: "\(place) Council for Voluntary Service"
        case .recoveryCommunity: "\(place) Recovery Community"
        case .survivorsNetwork: "\(place) Survivors' Voices"
        case .ohid: "Office for Health Improvement and Disparities"
        case .jobcentre: "Jobcentre Plus, \(place)"
        }
    }

    /// The City of London's policing body is its corporation, a council, as the demo landscape records it.
    func sector(cityOfLondon: Bool) -> Sector {
        switch self {
        case .opcc: cityOfLondon ? .localGovernment : .policingGovernance
        case .police: .police
        case .council: .localGovernment
        case .icb, .mentalHealthTrust, .hospitalTrust: .health
        case .probation: .probation
        case .fire: .fireAndRescue
        case .prisons: .prisons
        case .courts, .prosecution: .courts
        case .college, .schools: .education
        case .treatmentProvider, .domesticAbuseService, .victimSupport, .youthCharity, .mentalHealthCharity,
            .voluntarySector:
            .voluntary
        case .housingAssociation: .other
        case .recoveryCommunity, .survivorsNetwork: .livedExperience
        case .ohid, .jobcentre: .centralGovernment
        }
    }
}

/// A job in a partner body: how many hold it, how senior it is, what it pays, what it is about, and how often its
/// holders end up on boards. Titles never say "Commissioner" or "Mayor": the analyses find the PCC by those words.
struct RoleTemplate: Sendable {
    enum Count: Sendable {
        /// One in the force area.
        case one
        /// Several in the force area; the holders get names.
        case several(Int)
        /// One in each locality (`{locality}` in the title is replaced by its label).
        case perLocality
        /// One in every other locality: the bigger councils, the probation delivery units.
        case everyOtherLocality
        /// The rest of the people, shared among these roles in proportion to the weight.
        case fill(Int)
    }

    var id: String
    var title: String
    var organisation: OrganisationKind
    var seniority: SeniorityBand
    /// Pounds a year; nil for volunteers, whose time the analyses cost at their band's default.
    var salary: ClosedRange<Int>?
    var themes: ThemeSet
    var count: Count
    /// How readily a holder is put on boards: 1 (rarely) to 8 (everything).
    var boardiness: Int

    init(
        _ id: String, _ title: String, _ organisation: OrganisationKind, _ seniority: SeniorityBand,
        _ salary: ClosedRange<Int>?,
        _ themes: [NationalTheme], _ count: Count, boardiness: Int
    ) {
        self.id = id
        self.title = title
        self.organisation = organisation
        self.seniority = seniority
        self.salary = salary
        self.themes = themes.isEmpty ? .all : ThemeSet(themes)
        self.count = count
        self.boardiness = boardiness
    }

    /// Roles with one holder are named by the role ("Chief Constable, Kent Police"), as the demo landscape names
    /// office holders; the others get invented names.
    var isNamedByRole: Bool {
        switch count {
        case .one, .perLocality, .everyOtherLocality: true
        case .several, .fill: false
        }
    }
}

extension RoleTemplate {
    private typealias T = NationalTheme

    /// In order of importance: when a small workspace has fewer people than roles, the first roles are kept.
    /// The commissioner is not here: the planner adds them first, with the title their force area uses.
    static let catalogue: [RoleTemplate] = [
        // The commissioner's office.
        RoleTemplate(
            "opcc-chief-executive", "Chief Executive", .opcc, .chiefOfficer, 95_000...125_000, [], .one, boardiness: 8),
        RoleTemplate(
            "opcc-head-of-partnerships", "Head of Partnerships and Commissioning", .opcc, .seniorManager,
            62_000...78_000, [], .one, boardiness: 7),
        RoleTemplate(
            "opcc-policy-manager", "Policy and Partnerships Manager", .opcc, .manager, 45_000...55_000,
            [.drugs, .seriousViolence, .antisocialBehaviour, .youngPeople], .one, boardiness: 5),
        RoleTemplate(
            "opcc-victims-manager", "Victims' Services Commissioning Manager", .opcc, .manager, 45_000...55_000,
            [.victims, .vawg], .one, boardiness: 5),
        RoleTemplate(
            "opcc-justice-manager", "Criminal Justice Partnership Manager", .opcc, .manager, 45_000...55_000,
            [.reoffending, .victims], .one, boardiness: 5),
        RoleTemplate(
            "opcc-finance", "Chief Finance Officer", .opcc, .director, 80_000...100_000, [], .one, boardiness: 1),
        RoleTemplate(
            "opcc-board-secretary", "Board Secretary", .opcc, .officer, 30_000...36_000, [], .one, boardiness: 1),
        RoleTemplate(
            "opcc-policy-officer", "Policy Officer", .opcc, .officer, 33_000...40_000, [], .several(3), boardiness: 2),
        // Police.
        RoleTemplate(
            "chief-constable", "Chief Constable", .police, .chiefOfficer, 160_000...215_000, [], .one, boardiness: 2),
        RoleTemplate(
            "deputy-chief-constable", "Deputy Chief Constable", .police, .chiefOfficer, 140_000...170_000, [], .one,
            boardiness: 3),
        RoleTemplate(
            "acc-local", "Assistant Chief Constable, Local Policing", .police, .chiefOfficer, 120_000...140_000,
            [.antisocialBehaviour, .seriousViolence, .roadSafety, .youngPeople, .mentalHealth], .one, boardiness: 5),
        RoleTemplate(
            "acc-crime", "Assistant Chief Constable, Crime and Public Protection", .police, .chiefOfficer,
            120_000...140_000,
            [.vawg, .exploitation, .drugs, .seriousViolence, .victims, .reoffending], .one, boardiness: 5),
        RoleTemplate(
            "dcs-public-protection", "Detective Chief Superintendent, Public Protection", .police, .director,
            90_000...105_000,
            [.vawg, .exploitation, .youngPeople, .mentalHealth], .one, boardiness: 5),
        RoleTemplate(
            "cs-criminal-justice", "Chief Superintendent, Criminal Justice", .police, .director, 90_000...105_000,
            [.reoffending, .victims], .one, boardiness: 4),
        RoleTemplate(
            "ds-organised-crime", "Detective Superintendent, Serious and Organised Crime", .police, .seniorManager,
            80_000...90_000,
            [.drugs, .exploitation, .seriousViolence], .one, boardiness: 4),
        RoleTemplate(
            "superintendent-lpa", "Superintendent, {locality} Local Policing Area", .police, .seniorManager,
            78_000...88_000,
            [.antisocialBehaviour, .seriousViolence, .drugs, .vawg, .roadSafety], .perLocality, boardiness: 5),
        RoleTemplate(
            "chief-inspector-neighbourhoods", "Chief Inspector, {locality} Neighbourhoods", .police, .manager,
            62_000...70_000,
            [.antisocialBehaviour, .seriousViolence, .drugs, .youngPeople], .perLocality, boardiness: 4),
        RoleTemplate(
            "inspector-mental-health", "Inspector, Mental Health and Partnerships", .police, .manager, 55_000...60_000,
            [.mentalHealth], .one, boardiness: 3),
        RoleTemplate(
            "chief-inspector-roads", "Chief Inspector, Roads Policing", .police, .manager, 62_000...70_000,
            [.roadSafety], .one, boardiness: 3),
        RoleTemplate(
            "witness-care-manager", "Witness Care Unit Manager", .police, .manager, 40_000...46_000, [.victims], .one,
            boardiness: 3),
        // Councils.
        RoleTemplate(
            "council-chief-executive", "Chief Executive", .council, .chiefOfficer, 140_000...190_000, [], .perLocality,
            boardiness: 2),
        RoleTemplate(
            "head-of-community-safety", "Head of Community Safety", .council, .seniorManager, 62_000...75_000,
            [.antisocialBehaviour, .seriousViolence, .vawg, .drugs, .exploitation], .perLocality, boardiness: 6),
        RoleTemplate(
            "housing-options-manager", "Housing Options Manager", .council, .manager, 45_000...55_000, [.housing],
            .perLocality, boardiness: 3),
        RoleTemplate(
            "director-of-public-health", "Director of Public Health", .council, .director, 110_000...130_000,
            [.drugs, .mentalHealth, .vawg], .everyOtherLocality, boardiness: 5),
        RoleTemplate(
            "director-of-childrens-services", "Director of Children's Services", .council, .director, 130_000...155_000,
            [.youngPeople, .exploitation], .everyOtherLocality, boardiness: 3),
        RoleTemplate(
            "director-of-adult-services", "Director of Adult Social Services", .council, .director, 125_000...150_000,
            [.mentalHealth, .housing], .everyOtherLocality, boardiness: 3),
        RoleTemplate(
            "youth-justice-manager", "Youth Justice Service Manager", .council, .seniorManager, 60_000...70_000,
            [.youngPeople, .reoffending], .everyOtherLocality, boardiness: 4),
        RoleTemplate(
            "drug-alcohol-commissioner", "Drug and Alcohol Commissioning Manager", .council, .manager, 45_000...55_000,
            [.drugs], .everyOtherLocality, boardiness: 4),
        RoleTemplate(
            "domestic-abuse-coordinator", "Domestic Abuse Partnership Coordinator", .council, .manager, 40_000...48_000,
            [.vawg, .victims, .housing], .everyOtherLocality, boardiness: 4),
        RoleTemplate(
            "public-health-consultant", "Consultant in Public Health, Substance Misuse", .council, .seniorManager,
            80_000...95_000,
            [.drugs, .mentalHealth], .one, boardiness: 5),
        RoleTemplate(
            "safeguarding-business-manager", "Safeguarding Partnership Business Manager", .council, .manager,
            45_000...52_000,
            [.youngPeople, .exploitation, .mentalHealth], .one, boardiness: 3),
        RoleTemplate(
            "independent-safeguarding-chair", "Independent Safeguarding Chair", .council, .director, 85_000...95_000,
            [.youngPeople, .exploitation, .mentalHealth], .several(2), boardiness: 1),
        RoleTemplate(
            "road-safety-manager", "Road Safety Team Manager", .council, .manager, 42_000...50_000, [.roadSafety], .one,
            boardiness: 3),
        // Health.
        RoleTemplate(
            "icb-director-of-nursing", "Director of Nursing and Quality", .icb, .director, 120_000...140_000,
            [.mentalHealth, .vawg, .youngPeople], .one, boardiness: 3),
        RoleTemplate(
            "designated-nurse", "Designated Nurse, Safeguarding Children", .icb, .seniorManager, 65_000...75_000,
            [.youngPeople, .exploitation], .one, boardiness: 3),
        RoleTemplate(
            "mental-health-commissioning", "Head of Mental Health Commissioning", .icb, .seniorManager, 65_000...75_000,
            [.mentalHealth], .one, boardiness: 3),
        RoleTemplate(
            "health-inequalities-lead", "Health Inequalities Lead", .icb, .manager, 50_000...57_000,
            [.drugs, .mentalHealth, .housing], .one, boardiness: 3),
        RoleTemplate(
            "trust-clinical-director", "Clinical Director, Crisis Services", .mentalHealthTrust, .director,
            110_000...130_000, [.mentalHealth], .one, boardiness: 3),
        RoleTemplate(
            "liaison-diversion-manager", "Liaison and Diversion Service Manager", .mentalHealthTrust, .manager,
            45_000...52_000,
            [.mentalHealth, .reoffending], .one, boardiness: 3),
        RoleTemplate(
            "emergency-consultant", "Emergency Department Consultant, Violence Reduction Lead", .hospitalTrust,
            .seniorManager, 110_000...130_000,
            [.seriousViolence], .one, boardiness: 2),
        RoleTemplate(
            "named-nurse-adults", "Named Nurse, Safeguarding Adults", .hospitalTrust, .manager, 45_000...52_000,
            [.vawg, .mentalHealth], .one, boardiness: 2),
        // Justice.
        RoleTemplate(
            "head-of-pdu", "Head of Probation Delivery Unit", .probation, .seniorManager, 65_000...75_000,
            [.reoffending, .vawg, .drugs, .housing], .everyOtherLocality, boardiness: 5),
        RoleTemplate(
            "regional-reducing-reoffending", "Regional Head of Reducing Reoffending", .probation, .director,
            85_000...100_000,
            [.reoffending, .housing], .one, boardiness: 3),
        RoleTemplate(
            "senior-probation-officer", "Senior Probation Officer", .probation, .manager, 42_000...48_000,
            [.reoffending, .vawg], .perLocality, boardiness: 3),
        RoleTemplate(
            "prison-governor", "Prison Governor", .prisons, .director, 85_000...105_000, [.reoffending, .drugs], .one,
            boardiness: 2),
        RoleTemplate(
            "prison-reducing-reoffending", "Head of Reducing Reoffending", .prisons, .manager, 42_000...50_000,
            [.reoffending, .housing], .one, boardiness: 2),
        RoleTemplate(
            "hmcts-delivery-manager", "Delivery Manager", .courts, .manager, 42_000...50_000, [.victims, .reoffending],
            .one, boardiness: 2),
        RoleTemplate(
            "deputy-chief-crown-prosecutor", "Deputy Chief Crown Prosecutor", .prosecution, .director, 95_000...110_000,
            [.victims, .vawg, .reoffending], .one, boardiness: 2),
        // Fire, education, the voluntary sector, government.
        RoleTemplate(
            "chief-fire-officer", "Chief Fire Officer", .fire, .chiefOfficer, 140_000...160_000,
            [.roadSafety, .antisocialBehaviour], .one, boardiness: 1),
        RoleTemplate(
            "fire-prevention-manager", "Group Manager, Prevention", .fire, .manager, 50_000...58_000,
            [.roadSafety, .antisocialBehaviour, .youngPeople], .one, boardiness: 3),
        RoleTemplate(
            "college-principal", "Principal", .college, .chiefOfficer, 110_000...140_000, [.youngPeople], .one,
            boardiness: 1),
        RoleTemplate(
            "headteacher", "Headteacher, secondary schools' representative", .schools, .director, 90_000...110_000,
            [.youngPeople, .seriousViolence], .one, boardiness: 2),
        RoleTemplate(
            "inclusion-lead", "Inclusion and Exclusions Lead", .schools, .manager, 45_000...52_000,
            [.youngPeople, .seriousViolence], .one, boardiness: 2),
        RoleTemplate(
            "treatment-chief-executive", "Chief Executive", .treatmentProvider, .chiefOfficer, 75_000...90_000,
            [.drugs], .one, boardiness: 2),
        RoleTemplate(
            "treatment-service-manager", "Recovery Service Manager", .treatmentProvider, .manager, 40_000...46_000,
            [.drugs, .housing], .everyOtherLocality, boardiness: 4),
        RoleTemplate(
            "domestic-abuse-chief-executive", "Chief Executive", .domesticAbuseService, .chiefOfficer, 60_000...75_000,
            [.vawg, .victims], .one, boardiness: 3),
        RoleTemplate(
            "idva-manager", "IDVA Service Manager", .domesticAbuseService, .manager, 38_000...44_000, [.vawg, .victims],
            .one, boardiness: 3),
        RoleTemplate(
            "victim-support-manager", "Area Manager", .victimSupport, .manager, 38_000...45_000, [.victims], .one,
            boardiness: 3),
        RoleTemplate(
            "youth-charity-chief-executive", "Chief Executive", .youthCharity, .chiefOfficer, 55_000...70_000,
            [.youngPeople, .seriousViolence, .exploitation], .one, boardiness: 2),
        RoleTemplate(
            "housing-neighbourhoods", "Head of Neighbourhoods", .housingAssociation, .seniorManager, 60_000...70_000,
            [.housing, .antisocialBehaviour], .one, boardiness: 2),
        RoleTemplate(
            "mind-chief-executive", "Chief Executive", .mentalHealthCharity, .chiefOfficer, 55_000...70_000,
            [.mentalHealth], .one, boardiness: 2),
        RoleTemplate(
            "cvs-chief-executive", "Chief Executive", .voluntarySector, .chiefOfficer, 50_000...65_000, [], .one,
            boardiness: 2),
        RoleTemplate(
            "ohid-lead", "Drug Strategy Delivery Lead", .ohid, .seniorManager, 60_000...70_000, [.drugs], .one,
            boardiness: 2),
        RoleTemplate(
            "jobcentre-partnership-manager", "Partnership Manager", .jobcentre, .manager, 40_000...46_000,
            [.reoffending, .drugs, .housing], .one, boardiness: 2),
        // Most people: the officers and workers who staff operational groups and stand in for their seniors.
        RoleTemplate(
            "police-inspector", "Inspector", .police, .manager, 55_000...60_000,
            [.antisocialBehaviour, .vawg, .drugs, .exploitation], .fill(6), boardiness: 3),
        RoleTemplate(
            "police-sergeant", "Police Sergeant", .police, .officer, 45_000...50_000,
            [.antisocialBehaviour, .drugs, .youngPeople, .roadSafety], .fill(8), boardiness: 2),
        RoleTemplate(
            "police-constable", "Police Constable", .police, .officer, 30_000...44_000,
            [.antisocialBehaviour, .vawg, .exploitation], .fill(10), boardiness: 1),
        RoleTemplate(
            "detective-inspector-safeguarding", "Detective Inspector, Safeguarding", .police, .manager, 55_000...60_000,
            [.vawg, .exploitation, .youngPeople], .fill(4), boardiness: 3),
        RoleTemplate("crime-analyst", "Crime Analyst", .police, .officer, 32_000...40_000, [], .fill(5), boardiness: 1),
        RoleTemplate(
            "iom-coordinator", "Integrated Offender Management Coordinator", .police, .officer, 34_000...40_000,
            [.reoffending, .drugs], .fill(3), boardiness: 2),
        RoleTemplate(
            "community-safety-officer", "Community Safety Officer", .council, .officer, 32_000...38_000,
            [.antisocialBehaviour, .seriousViolence, .vawg], .fill(8), boardiness: 2),
        RoleTemplate(
            "asb-officer", "Anti-social Behaviour Officer", .council, .officer, 30_000...36_000,
            [.antisocialBehaviour, .housing], .fill(6), boardiness: 1),
        RoleTemplate(
            "licensing-manager", "Licensing Manager", .council, .manager, 42_000...50_000,
            [.antisocialBehaviour, .vawg], .fill(2), boardiness: 2),
        RoleTemplate(
            "social-worker", "Social Worker", .council, .officer, 36_000...44_000,
            [.youngPeople, .exploitation, .mentalHealth], .fill(8), boardiness: 1),
        RoleTemplate(
            "youth-worker", "Youth Worker", .council, .officer, 28_000...34_000, [.youngPeople, .seriousViolence],
            .fill(6), boardiness: 1),
        RoleTemplate(
            "housing-officer", "Housing Officer", .council, .officer, 30_000...36_000, [.housing, .antisocialBehaviour],
            .fill(5), boardiness: 1),
        RoleTemplate(
            "mental-health-nurse", "Mental Health Nurse", .mentalHealthTrust, .officer, 35_000...44_000,
            [.mentalHealth], .fill(4), boardiness: 1),
        RoleTemplate(
            "probation-officer", "Probation Officer", .probation, .officer, 32_000...40_000,
            [.reoffending, .drugs, .vawg], .fill(8), boardiness: 1),
        RoleTemplate(
            "fire-watch-manager", "Watch Manager, Community Safety", .fire, .officer, 36_000...42_000,
            [.roadSafety, .antisocialBehaviour], .fill(2), boardiness: 1),
        RoleTemplate(
            "idva", "Independent Domestic Violence Adviser", .domesticAbuseService, .officer, 28_000...34_000,
            [.vawg, .victims], .fill(6), boardiness: 1),
        RoleTemplate(
            "victim-caseworker", "Victim Caseworker", .victimSupport, .officer, 26_000...31_000, [.victims], .fill(3),
            boardiness: 1),
        RoleTemplate(
            "recovery-worker", "Drug and Alcohol Recovery Worker", .treatmentProvider, .officer, 27_000...33_000,
            [.drugs, .housing], .fill(6), boardiness: 1),
        RoleTemplate(
            "outreach-worker", "Youth Outreach Worker", .youthCharity, .officer, 26_000...31_000,
            [.youngPeople, .exploitation, .seriousViolence], .fill(4), boardiness: 1),
        RoleTemplate(
            "tenancy-officer", "Tenancy Enforcement Officer", .housingAssociation, .officer, 29_000...34_000,
            [.housing, .antisocialBehaviour], .fill(2), boardiness: 1),
        RoleTemplate(
            "recovery-champion", "Recovery Champion", .recoveryCommunity, .officer, nil, [.drugs], .fill(3),
            boardiness: 2),
        RoleTemplate(
            "lived-experience", "Lived Experience Representative", .survivorsNetwork, .officer, nil, [.vawg, .victims],
            .fill(2), boardiness: 2)
    ]
}

/// Invented first names and surnames for people whose role has several holders. Common British names, so that no
/// combination points at anybody in particular.
enum NationalNames {
    static let first = [
        "Aisha", "Alex", "Amir", "Andrew", "Angela", "Anna", "Ben", "Bethan", "Carl", "Caroline", "Chris", "Claire",
        "Dan",
        "David", "Dawn", "Deborah", "Dylan", "Ellie", "Emma", "Fatima", "Gareth", "Gemma", "Grace", "Hannah",
        "Harpreet",
        "Ian", "Imran", "Jack", "James", "Jane", "Jo", "Joanne", "John", "Karen", "Kate", "Kieran", "Laura", "Lee",
        "Leon",
        "Lisa", "Liam", "Lucy", "Mark", "Martin", "Megan", "Michelle", "Mohammed", "Natalie", "Neil", "Nia", "Olivia",
        "Owen", "Paul", "Priya", "Rachel", "Raj", "Rebecca", "Rhys", "Richard", "Rob", "Ruth", "Sam", "Sarah", "Sean",
        "Simon", "Sophie", "Stephen", "Tom", "Tracey", "Wendy", "Yasmin", "Zoe"
    ]
    static let last = [
        "Adams", "Ahmed", "Ali", "Allen", "Bailey", "Baker", "Barker", "Bell", "Bennett", "Brown", "Campbell", "Carter",
        "Chapman", "Clarke", "Cole", "Cook", "Cooper", "Davies", "Dixon", "Edwards", "Ellis", "Evans", "Fisher",
        "Fletcher",
        "Foster", "Gill", "Graham", "Green", "Griffiths", "Hall", "Harris", "Harrison", "Hill", "Holmes", "Hughes",
        "Hussain",
        "Jackson", "James", "Jenkins", "Johnson", "Jones", "Kaur", "Kelly", "Khan", "King", "Knight", "Lewis", "Lloyd",
        "Marshall", "Martin", "Mason", "Matthews", "Miller", "Mills", "Mitchell", "Moore", "Morgan", "Morris", "Murphy",
        "Murray", "Owen", "Palmer", "Parker", "Patel", "Pearson", "Phillips", "Powell", "Price", "Reid", "Richards",
        "Roberts", "Robinson", "Rogers", "Rose", "Scott", "Shaw", "Singh", "Smith", "Stevens", "Taylor", "Thomas",
        "Thompson", "Turner", "Walker", "Ward", "Watson", "White", "Williams", "Wilson", "Wood", "Wright", "Young"
    ]
}
