import ConveneDomain

/// The words of a generated agenda: topics by theme, the angle a paper takes on a topic, the standing items each
/// secretariat words its own way, the discussions planted in two partnerships at once, and what decisions and
/// actions say. Written in the manner of real board agendas in England and Wales; no real person or case is named.
enum NationalTitles {
    // MARK: Topics

    /// What a partnership discusses under a theme. A title is a topic, or a topic and an angle ("Suicide prevention:
    /// evaluation findings"), so a landscape of 12,000 items a year repeats itself about as much as real agendas do.
    static func topics(_ theme: NationalTheme) -> [String] {
        switch theme {
        case .drugs:
            [
                "Drug treatment engagement for prison leavers", "Naloxone distribution and take-home kits",
                "Nitazenes and synthetic opioid alerts", "Drug testing on arrest",
                "Alcohol-related hospital admissions",
                "Residential rehabilitation placements", "Crack cocaine treatment capacity",
                "Recovery housing and supported accommodation", "Individual placement and support employment scheme",
                "Drug-related litter and needle finds", "Young people's substance misuse service",
                "Dual diagnosis pathway", "Drug and alcohol needs assessment", "Project ADDER evaluation",
                "Alcohol harm in the night-time economy", "Peer-led recovery support"
            ]
        case .seriousViolence:
            [
                "Knife crime among under-25s", "Hospital-based youth violence navigators",
                "Violence in the night-time economy",
                "Weapons sweeps and knife arches", "Serious violence hotspot patrols", "Focused deterrence programme",
                "Violence in schools", "Bleed control kits in public places", "Homicide and attempted murder review",
                "Custody-based youth violence diversion", "Trauma-informed practice training", "Gang-related violence",
                "Serious violence strategic needs assessment", "Knife surrender bins",
                "Violence affecting young people in parks"
            ]
        case .vawg:
            [
                "Domestic abuse perpetrator programmes", "Stalking protection orders",
                "Safe accommodation for survivors",
                "Spiking in licensed premises", "Rape investigation and Operation Soteria",
                "Independent domestic violence adviser capacity",
                "Women's safety in public spaces", "Honour-based abuse and forced marriage",
                "Domestic abuse and older people",
                "Sexual assault referral centre demand", "Walk and talk safety audits", "Child to parent violence",
                "Domestic abuse protection notices", "Online harassment of women and girls", "Coercive control training"
            ]
        case .antisocialBehaviour:
            [
                "Anti-social behaviour case reviews", "Public spaces protection orders", "Nuisance off-road bikes",
                "Fly-tipping enforcement", "Street drinking in the town centre", "Fireworks and bonfire night planning",
                "Youth disorder in the summer holidays", "Neighbour disputes and mediation", "Closure orders",
                "Graffiti and criminal damage", "Anti-social behaviour hotspot patrols", "Shop theft and retail crime",
                "Anti-social behaviour victim satisfaction", "Immediate justice reparation scheme"
            ]
        case .reoffending:
            [
                "Accommodation on release from prison", "Integrated offender management cohort",
                "Women's centres and diversion",
                "Community sentence treatment requirements", "Electronic monitoring of acquisitive offenders",
                "Employment support on probation", "Early release from custody", "Out of court resolutions",
                "Neighbourhood justice panels", "Prolific offender scheme", "Restorative justice service",
                "Youth to adult transitions in probation", "Deferred prosecution scheme", "Through the gate support"
            ]
        case .victims:
            [
                "Victims' Code compliance", "Victim and witness attrition", "Court delays and victims",
                "Restorative justice uptake",
                "Support for victims of fraud", "Hate crime reporting centres", "Victim satisfaction survey",
                "Witness care and special measures", "Children affected by crime",
                "Support for families bereaved by homicide",
                "Victims' needs assessment", "Independent sexual violence advisers", "Victims' lived experience panel",
                "Cost of living and victims"
            ]
        case .exploitation:
            [
                "County lines and cuckooing", "Child criminal exploitation referrals", "Modern slavery referrals",
                "Missing children return interviews", "Online grooming and child sexual exploitation",
                "Transitional safeguarding for young adults", "Exploitation in care placements", "Trafficked children",
                "Labour exploitation in car washes and nail bars", "Disrupting exploitation networks",
                "Contextual safeguarding",
                "Exploitation screening tool", "Organised crime intervention with young people"
            ]
        case .mentalHealth:
            [
                "Right Care, Right Person", "Section 136 detentions", "Mental health crisis response",
                "Places of safety capacity",
                "Suicide prevention", "High intensity users of emergency services", "Mental health street triage",
                "Liaison and diversion in custody", "Children's mental health waiting times",
                "Missing people with dementia",
                "Mental health in custody", "Perinatal mental health and domestic abuse", "Self-harm in young people"
            ]
        case .housing:
            [
                "Rough sleeping", "Homelessness prevention referrals", "Temporary accommodation demand",
                "Houses in multiple occupation", "Supported housing quality", "Evictions for anti-social behaviour",
                "Housing First programme", "Duty to refer from probation and prisons", "Night shelter provision",
                "Refuge spaces and move-on accommodation", "Empty properties",
                "Asylum accommodation and community tensions"
            ]
        case .youngPeople:
            [
                "Youth justice diversion", "School exclusions and alternative provision", "Detached youth work",
                "First-time entrants to the youth justice system", "Criminalisation of children in care",
                "Holiday activities programme", "Young people's panel", "Adverse childhood experiences",
                "Early help referrals",
                "Mentoring for young people at risk", "Education and training for young offenders",
                "Police and schools programme",
                "Stop and search of children"
            ]
        case .roadSafety:
            [
                "Killed and seriously injured casualties", "Speed enforcement", "Community speed watch",
                "Drink and drug driving",
                "Motorcycle safety", "Fatal four enforcement", "Young driver education", "School streets",
                "Vulnerable road users", "E-scooters and e-bikes", "Safety camera partnership", "Vision Zero strategy"
            ]
        }
    }

    /// The angle a paper takes, and the kind of item it usually is.
    static let angles: [(text: String, kind: AgendaItemKind)] = [
        ("update", .information), ("progress report", .information), ("proposals for the year ahead", .decision),
        ("findings of the deep dive", .discussion), ("options paper", .decision), ("evaluation findings", .discussion),
        ("funding and commissioning", .decision), ("risks and issues", .discussion), ("data and trends", .information),
        ("lessons learned", .discussion), ("draft strategy for consultation", .decision),
        ("action plan progress", .information),
        ("partner presentation", .discussion), ("national guidance and local response", .discussion),
        ("task and finish group report", .discussion), ("business case", .decision)
    ]

    // MARK: Standing items

    /// Each partnership's secretariat has its own wording for the items at the start and end of every meeting.
    static let welcomes = [
        "Welcome, introductions and apologies", "Welcome and apologies", "Introductions and apologies for absence",
        "Chair's welcome and apologies", "Apologies and declarations of interest",
        "Welcome, apologies and declarations of interest"
    ]
    static let minutes = [
        "Minutes of the previous meeting and action log", "Minutes and matters arising",
        "Notes of the last meeting and actions",
        "Minutes of the last meeting and action tracker", "Previous minutes and outstanding actions",
        "Draft minutes and action log"
    ]
    static let closings = [
        "Any other business", "Any other business and date of next meeting", "AOB and close",
        "Forward plan and any other business", "Date and time of next meeting",
        "Items for escalation and any other business"
    ]

    /// Items that many kinds of board keep on every agenda, whatever their business.
    static let generalRecurring = [
        "Risk register", "Finance and budget monitoring", "Forward plan", "Partner updates",
        "Highlight reports from sub-groups", "Communications and engagement plan"
    ]

    // MARK: Planted duplicates

    /// A discussion planted in two partnerships: the title, and one word that a second secretariat might write
    /// differently. Each is specific enough that it appears nowhere else in the landscape.
    struct Planted: Sendable {
        var title: String
        var word: String
        var replacement: String
    }

    static func planted(_ theme: NationalTheme) -> [Planted] {
        switch theme {
        case .drugs:
            [
                Planted(
                    title: "Rise in nitazene overdoses and the naloxone response", word: "Rise", replacement: "Increase"
                ),
                Planted(
                    title: "Drug deaths among people recently released from prison", word: "recently",
                    replacement: "newly"),
                Planted(
                    title: "Crack cocaine markets moving into market towns", word: "moving", replacement: "spreading")
            ]
        case .seriousViolence:
            [
                Planted(
                    title: "Rise in knife carrying among secondary school pupils", word: "Rise", replacement: "Increase"
                ),
                Planted(
                    title: "Retaliation risk after the recent stabbings in the town centre", word: "recent",
                    replacement: "latest")
            ]
        case .vawg:
            [
                Planted(
                    title: "Spiking reports linked to student nights at licensed venues", word: "reports",
                    replacement: "incidents"),
                Planted(
                    title: "Repeat domestic abuse victims not engaging with advocacy services", word: "engaging",
                    replacement: "working")
            ]
        case .antisocialBehaviour:
            [
                Planted(
                    title: "Off-road motorbikes causing harm on estates and parkland", word: "harm",
                    replacement: "nuisance"),
                Planted(
                    title: "Organised begging and street drinking around the railway station", word: "around",
                    replacement: "near")
            ]
        case .reoffending:
            [
                Planted(
                    title: "Prison leavers released on Fridays without settled accommodation", word: "settled",
                    replacement: "stable"),
                Planted(
                    title: "Women on probation with unmet mental health needs", word: "unmet",
                    replacement: "unaddressed")
            ]
        case .victims:
            [
                Planted(
                    title: "Victims withdrawing support because of long court delays", word: "long",
                    replacement: "lengthy"),
                Planted(
                    title: "Fraud victims targeted again through recovery scams", word: "again", replacement: "twice")
            ]
        case .exploitation:
            [
                Planted(
                    title: "Cuckooing of vulnerable tenants by county lines networks", word: "tenants",
                    replacement: "residents"),
                Planted(
                    title: "Children missing from out-of-area care placements and exploitation risk", word: "risk",
                    replacement: "concerns")
            ]
        case .mentalHealth:
            [
                Planted(
                    title: "Police time spent waiting with patients in emergency departments", word: "spent",
                    replacement: "lost"),
                Planted(
                    title: "Frequent callers in mental health crisis to police and ambulance", word: "Frequent",
                    replacement: "Repeat")
            ]
        case .housing:
            [
                Planted(
                    title: "Exempt supported housing used by organised criminals", word: "used",
                    replacement: "exploited"),
                Planted(
                    title: "Temporary accommodation placements concentrating vulnerable people", word: "concentrating",
                    replacement: "clustering")
            ]
        case .youngPeople:
            [
                Planted(
                    title: "Summer holiday spike in youth disorder in the town centre", word: "spike",
                    replacement: "rise"),
                Planted(
                    title: "Children excluded from school drawn into criminal exploitation", word: "drawn",
                    replacement: "pulled")
            ]
        case .roadSafety:
            [
                Planted(
                    title: "Speeding complaints on rural roads outside village schools", word: "complaints",
                    replacement: "concerns"),
                Planted(
                    title: "Young drivers killed or seriously injured on country roads", word: "country",
                    replacement: "rural")
            ]
        }
    }

    // MARK: Decisions and actions

    static let decisions = [
        "Agreed the recommendations in the report.",
        "Approved the proposal, subject to funding being confirmed.",
        "Endorsed the draft for consultation with partners.",
        "Agreed to set up a task and finish group to report back within three months.",
        "Approved the revised delivery plan.",
        "Agreed the funding allocation as set out in the paper.",
        "Agreed to adopt the approach across the force area.",
        "Noted the findings and agreed the actions proposed."
    ]
    static let rationales = [
        "The evidence presented supports the proposal.",
        "The cost is within the agreed budget.",
        "Partners agreed this avoids duplicating work done elsewhere.",
        "National guidance expects it."
    ]

    /// What an action asks, before and after the topic of the item it arose from.
    static let actions: [(before: String, after: String)] = [
        ("Circulate the paper on ", " to all partners"),
        ("Bring an update on ", " to the next meeting"),
        ("Share the latest data on ", " with the partnership analyst"),
        ("Nominate a lead officer for ", ""),
        ("Report back on funding for ", ""),
        ("Add ", " to the risk register"),
        ("Map existing work on ", " across the partnerships"),
        ("Write to partners asking for their plans on ", "")
    ]
    static let updates = [
        "Work under way; first findings shared with the lead officer.",
        "Chased by the secretariat.",
        "Draft circulated for comment.",
        "Delayed: waiting for data from a partner."
    ]

    /// Titles that begin with a name keep their capital in the middle of a sentence.
    private static let names = [
        "Harm to Hope", "Police and Crime Plan", "Victims' Code", "Right Care", "Prevent ", "Violence Reduction Unit",
        "Vision Zero", "Project ADDER", "Housing First", "Operation "
    ]

    /// "Knife crime among under-25s: update" → "knife crime among under-25s"; acronyms and names keep their capitals.
    static func subject(of title: String) -> String {
        let topic = title.firstIndex(of: ":").map { String(title[..<$0]) } ?? title
        var scalars = topic.unicodeScalars.makeIterator()
        guard let first = scalars.next(), let second = scalars.next(), second.properties.isLowercase,
            !names.contains(where: topic.hasPrefix)
        else { return topic }
        return first.properties.lowercaseMapping + String(topic.unicodeScalars.dropFirst())
    }
}
