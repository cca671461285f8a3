/// What a Popolo organisation's free-text `classification` makes it in Convene: a partnership of a type, or a partner
/// body of a sector. The one synonym table is here, so that every reader maps the reports' words the same way.
public enum Classification: Hashable, Sendable {
    case partnership(PartnershipType)
    case organisation(Sector)

    /// Reads a classification as a person or another system writes it: Convene's own `sector:police` and
    /// `partnership:cdp`, any spelling a vocabulary accepts ("Combating Drugs Partnership", "CDP"), or a synonym from
    /// the table ("local authority", "OPCC", "community safety partnerships"), singular or plural, in any case.
    /// Nil when none of them names it (`party`, `legislature`): the caller keeps a plain organisation and warns.
    public static func read(_ text: String) -> Classification? {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        if parts.count == 2 {
            switch VocabularyText.fold(parts[0]) {
            case "sector": return lookup(parts[1]).flatMap { if case .organisation = $0 { $0 } else { nil } }
            case "partnership": return lookup(parts[1]).flatMap { if case .partnership = $0 { $0 } else { nil } }
            default: break
            }
        }
        return lookup(text)
    }

    private static func lookup(_ text: String) -> Classification? { table[normalised(text)] }

    /// Folded as vocabularies are, with "&" as "and", other punctuation as spaces and each word singular.
    static func normalised(_ text: String) -> String {
        let spaced = String(
            text.lowercased().replacingOccurrences(of: "&", with: " and ").map { $0.isLetter || $0.isNumber ? $0 : " " }
        )
        return spaced.split(separator: " ").map { singular(String($0)) }.joined(separator: " ")
    }

    /// "partnerships" → "partnership", "authorities" → "authority"; short words ("nhs", "cps") and "-ss" stay.
    private static func singular(_ word: String) -> String {
        guard word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss") else { return word }
        if word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        return String(word.dropLast())
    }

    /// Every vocabulary spelling of every partnership type and sector, and then the synonyms below.
    static let table: [String: Classification] = {
        var table: [String: Classification] = [:]
        for type in PartnershipType.allCases {
            for spelling in type.spellings { table[normalised(spelling)] = .partnership(type) }
        }
        for sector in Sector.allCases {
            for spelling in sector.spellings { table[normalised(spelling)] = .organisation(sector) }
        }
        for (words, meaning) in synonyms {
            for word in words { table[normalised(word)] = meaning }
        }
        return table
    }()

    /// The reports' words and their common spellings beyond the vocabularies' own labels.
    static let synonyms: [([String], Classification)] = [
        (
            [
                "combating drugs partnership", "combatting drugs partnership", "drugs partnership", "drug partnership",
                "drug and alcohol partnership"
            ], .partnership(.combatingDrugsPartnership)
        ),
        (
            ["community safety partnership", "safer communities partnership", "community safety board"],
            .partnership(.communitySafetyPartnership)
        ),
        (["local criminal justice board", "criminal justice board", "LCJB"], .partnership(.criminalJusticeBoard)),
        (
            [
                "serious violence partnership", "serious violence duty partnership", "violence reduction unit", "VRU",
                "violence reduction partnership"
            ], .partnership(.seriousViolence)
        ),
        (
            [
                "violence against women and girls board", "VAWG board", "VAWG partnership",
                "domestic abuse partnership board"
            ],
            .partnership(.vawgBoard)
        ),
        (["reducing reoffending partnership", "reducing reoffending board"], .partnership(.reducingReoffendingBoard)),
        (
            ["safeguarding adults board", "safeguarding children partnership", "safeguarding partnership"],
            .partnership(.safeguardingBoard)
        ),
        (
            ["health and wellbeing board", "health and well-being board", "HWB", "HWBB"],
            .partnership(.healthAndWellbeingBoard)
        ),
        (["area planning board", "APB"], .partnership(.areaPlanningBoard)),
        (["public services board", "PSB"], .partnership(.publicServiceBoard)),
        (["subgroup", "sub group", "sub-committee", "subcommittee"], .partnership(.subGroup)),
        (["task and finish group", "task & finish group", "T&F group"], .partnership(.taskAndFinishGroup)),
        (["police", "police force", "police service", "constabulary"], .organisation(.police)),
        (
            [
                "Police and Crime Commissioner", "PCC", "Office of the Police and Crime Commissioner", "OPCC",
                "Police, Fire and Crime Commissioner", "PFCC", "OPFCC", "policing governance",
                "mayor's office for policing and crime",
                "MOPAC"
            ], .organisation(.policingGovernance)
        ),
        (
            [
                "council", "local authority", "county council", "district council", "borough council", "city council",
                "unitary authority", "metropolitan borough council", "combined authority", "local government"
            ],
            .organisation(.localGovernment)
        ),
        (
            [
                "NHS", "NHS trust", "NHS foundation trust", "integrated care board", "ICB",
                "clinical commissioning group",
                "CCG", "health board", "local health board", "public health", "health service"
            ], .organisation(.health)
        ),
        (["probation service", "probation", "HM Prison and Probation Service", "HMPPS"], .organisation(.probation)),
        (["fire and rescue service", "fire service", "fire and rescue authority"], .organisation(.fireAndRescue)),
        (["prison", "HM prison", "young offender institution"], .organisation(.prisons)),
        (
            ["court", "HM Courts and Tribunals Service", "HMCTS", "tribunal", "Crown Prosecution Service", "CPS"],
            .organisation(.courts)
        ),
        (["school", "college", "university", "academy trust"], .organisation(.education)),
        (
            [
                "VCSE", "voluntary sector", "charity", "community group", "third sector", "voluntary organisation",
                "non-profit", "NGO"
            ], .organisation(.voluntary)
        ),
        (
            ["lived experience group", "service user group", "peer support group", "recovery community"],
            .organisation(.livedExperience)
        ),
        (
            [
                "government department", "central government", "Home Office", "Ministry of Justice",
                "Department of Health and Social Care", "OHID", "Office for Health Improvement and Disparities"
            ],
            .organisation(.centralGovernment)
        )
    ]
}
