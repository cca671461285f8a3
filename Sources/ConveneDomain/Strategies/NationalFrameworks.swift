/// A national strategy or duty that local priorities carry: From Harm to Hope, the Serious Violence Duty, the
/// Tackling Violence Against Women and Girls strategy.
public struct Framework: Hashable, Codable, Sendable {
    public var key: String
    public var name: String
    /// The name a table column or a tag has room for.
    public var shortName: String
    /// The document that sets the framework out, and who published it.
    public var source: String
    public var year: Int
    public var url: String
    /// Top-level objectives each followed by their sub-objectives, in the document's order.
    public var objectives: [FrameworkObjective]

    public init(
        key: String, name: String, shortName: String, source: String, year: Int, url: String,
        objectives: [FrameworkObjective]
    ) {
        self.key = key
        self.name = name
        self.shortName = shortName
        self.source = source
        self.year = year
        self.url = url
        self.objectives = objectives
    }

    public var topLevelObjectives: [FrameworkObjective] { objectives.filter { $0.parentKey == nil } }

    public func subObjectives(of key: String) -> [FrameworkObjective] { objectives.filter { $0.parentKey == key } }
}

/// A strategic priority, pillar or duty of a framework, or (with a parent) one of its sub-objectives.
public struct FrameworkObjective: Hashable, Codable, Sendable {
    public var key: String
    public var title: String
    /// What the document says the objective means, where it says so.
    public var detail: String?
    public var parentKey: String?

    public init(key: String, title: String, detail: String? = nil, parentKey: String? = nil) {
        self.key = key
        self.title = title
        self.detail = detail
        self.parentKey = parentKey
    }
}

/// The national frameworks Convene knows, as reference data: every workspace links to the same keys, so the national
/// view can add them up. Keys are stable; titles may be corrected.
public enum NationalFrameworks {
    /// From Harm to Hope (HM Government, December 2021): its three strategic priorities and their sub-objectives,
    /// worded as the West Mercia Police and Crime Panel report of September 2022 (seed 003) lists them, with the
    /// first letter capitalised; the words after each dash are the detail.
    public static let harmToHope = Framework(
        key: "harm-to-hope", name: "From Harm to Hope", shortName: "Harm to Hope",
        source: "From Harm to Hope: a 10-year drugs plan to cut crime and save lives (HM Government)", year: 2021,
        url:
            "https://www.gov.uk/government/publications/from-harm-to-hope-a-10-year-drugs-plan-to-cut-crime-and-save-lives",
        objectives: numbered(
            "harm-to-hope",
            [
                (
                    "Break drug supply chains", nil,
                    [
                        (
                            "Targeting the ‘middle market’",
                            "Breaking the ability of gangs to supply drugs wholesale to neighbourhood dealers"
                        ),
                        ("Going after the money", "Disrupting drug gang operations and seizing their cash"),
                        (
                            "Rolling up county lines",
                            "Bringing perpetrators to justice, safeguarding and supporting victims, and reducing violence and homicide"
                        ),
                        ("Tackling the retail market", "Improving targeting of local drug gangs and street dealing"),
                        (
                            "Restricting the supply of drugs into prisons",
                            "Applying technology and skills to improve security and detection"
                        )
                    ]
                ),
                (
                    "Deliver a world-class treatment and recovery system", nil,
                    [
                        (
                            "Delivering world-class treatment and recovery services",
                            "Strengthening local authority commissioned substance misuse services for both adults and young people, and improving quality, capacity and outcomes"
                        ),
                        (
                            "Strengthening the professional workforce",
                            "Developing and delivering a comprehensive substance misuse workforce strategy"
                        ),
                        (
                            "Ensuring better integration of services",
                            "Making sure that people’s physical and mental health needs are addressed to reduce harm and support recovery, and joining up activity to maximise impact across criminal justice, treatment, broader health and social care, and recovery"
                        ),
                        (
                            "Improving access to accommodation alongside treatment",
                            "Access to quality treatment for everyone sleeping rough, and better support for accessing and maintaining secure and safe housing"
                        ),
                        (
                            "Improving employment opportunities",
                            "Linking employment support and peer support to Jobcentre Plus services"
                        ),
                        (
                            "Increasing referrals into treatment in the criminal justice system",
                            "Specialist drug workers delivering improved outreach and support treatment requirements as part of community sentences so offenders engage in drug treatment"
                        ),
                        (
                            "Keeping people engaged in treatment after release from prison",
                            "Improving engagement of people before they leave prison and ensuring better continuity of care in the community"
                        )
                    ]
                ),
                (
                    "Achieve a generational shift in the demand for drugs", nil,
                    [
                        (
                            "Applying tougher and more meaningful consequences",
                            "Ensuring there are local pathways to identify and change the behaviour of people involved in activities that cause drug-related harm"
                        ),
                        (
                            "Delivering school-based prevention and early intervention",
                            "Ensuring that all pupils receive a co-ordinated and coherent programme of evidence-based interventions to reduce the chances of them using drugs"
                        ),
                        (
                            "Supporting young people and families most at risk of substance misuse or criminal exploitation",
                            "Co-ordinating early, targeted support to reduce harm within families that is sensitive to all the needs of the person or family and seeks to address the root causes of risk"
                        )
                    ]
                )
            ]))

    /// The Serious Violence Duty (Police, Crime, Sentencing and Courts Act 2022, Part 2; in force from January 2023).
    /// The seeds name the duty but not its parts, so these are only its publicly well-known requirements, in our words.
    public static let seriousViolenceDuty = Framework(
        key: "serious-violence-duty", name: "Serious Violence Duty", shortName: "Serious Violence Duty",
        source:
            "Police, Crime, Sentencing and Courts Act 2022, and the Serious Violence Duty statutory guidance (Home Office)",
        year: 2022,
        url: "https://www.gov.uk/government/publications/serious-violence-duty",
        objectives: numbered(
            "serious-violence-duty",
            [
                (
                    "Work together to prevent and reduce serious violence",
                    "The specified authorities (police, justice, fire and rescue, health and local authorities) collaborate and share data and information",
                    []
                ),
                (
                    "Identify the kinds of serious violence in the area and their causes",
                    "A strategic needs assessment of the serious violence that occurs locally and what drives it", []
                ),
                (
                    "Prepare and implement a strategy to prevent and reduce serious violence",
                    "Publish the strategy, saying what each authority will do, and deliver it", []
                ),
                (
                    "Review the strategy every year",
                    "Refresh the strategic needs assessment and the strategy in the light of what has changed", []
                ),
                (
                    "Make serious violence a priority of Community Safety Partnerships",
                    "The Act amends the Crime and Disorder Act 1998 so that CSPs' strategies address serious violence",
                    []
                )
            ]))

    /// Tackling Violence Against Women and Girls (Home Office, July 2021): its four pillars. The seeds name VAWG but
    /// not the strategy's structure; these are the publicly well-known pillar headings.
    public static let tacklingVAWG = Framework(
        key: "tackling-vawg", name: "Tackling Violence Against Women and Girls", shortName: "VAWG strategy",
        source: "Tackling Violence Against Women and Girls strategy (Home Office)", year: 2021,
        url: "https://www.gov.uk/government/publications/tackling-violence-against-women-and-girls-strategy",
        objectives: numbered(
            "tackling-vawg",
            [
                ("Prioritising prevention", nil, []),
                ("Supporting victims", nil, []),
                ("Pursuing perpetrators", nil, []),
                ("A stronger system", nil, [])
            ]))

    public static let all: [Framework] = [harmToHope, seriousViolenceDuty, tacklingVAWG]

    private static let objectivesByKey: [String: (framework: Framework, objective: FrameworkObjective)] =
        Dictionary(
            uniqueKeysWithValues: all.flatMap { framework in framework.objectives.map { ($0.key, (framework, $0)) } })

    public static func framework(_ key: String) -> Framework? {
        all.first { $0.key == key }
    }

    public static func objective(_ key: String) -> FrameworkObjective? {
        objectivesByKey[key]?.objective
    }

    /// The framework an objective belongs to.
    public static func framework(ofObjective key: String) -> Framework? {
        objectivesByKey[key]?.framework
    }

    /// Keys "prefix-1", then its sub-objectives "prefix-1-1", "prefix-1-2"…, then "prefix-2"…
    private static func numbered(_ prefix: String, _ objectives: [(String, String?, [(String, String)])])
        -> [FrameworkObjective]
    {
        objectives.enumerated().flatMap { index, objective in
            let key = "\(prefix)-\(index + 1)"
            return [FrameworkObjective(key: key, title: objective.0, detail: objective.1)]
                + objective.2.enumerated().map { subIndex, sub in
                    FrameworkObjective(key: "\(key)-\(subIndex + 1)", title: sub.0, detail: sub.1, parentKey: key)
                }
        }
    }
}
