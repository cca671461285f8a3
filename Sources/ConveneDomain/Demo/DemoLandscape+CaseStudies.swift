// Worked structures from the reports' case studies: who chairs, who reports to whom.

extension DemoBuilder {
    static let crimeAndDisorderAct = "Crime and Disorder Act 1998, section 5"
    static let seriousViolenceDuty = "Police, Crime, Sentencing and Courts Act 2022, Part 2 (the Serious Violence Duty)"

    /// Cambridgeshire: the High Harms Board, chaired by the PCC, carries out the CDP's functions
    /// (so it is the CDP, and typed as one); the Drug and Alcohol Misuse Delivery Board reports to it.
    mutating func addCambridgeshire() {
        let force = DemoForces.cambridgeshire
        let opcc = office(force)
        let county = organisation("Cambridgeshire County Council", .localGovernment)
        let city = organisation("Peterborough City Council", .localGovernment)
        let fire = organisation("Cambridgeshire Fire and Rescue Service", .fireAndRescue)
        let probation = organisation("Probation Service, East of England", .probation)
        let icb = organisation("NHS Cambridgeshire and Peterborough Integrated Care Board", .health)
        let provider = organisation("Change Grow Live", .voluntary)
        let trust = organisation("Cambridgeshire and Peterborough NHS Foundation Trust", .health)

        let pcc = commissioner(force)
        let chiefExecutive = person("Chief Executive, Office of the Police and Crime Commissioner for Cambridgeshire",
                                    title: "Chief Executive", organisation: opcc, .director)
        let partnerships = person("Director for Strategic Partnerships, Office of the Police and Crime Commissioner for Cambridgeshire",
                                  title: "Director for Strategic Partnerships", organisation: opcc, .seniorManager)
        let chiefConstable = person("Chief Constable, Cambridgeshire Constabulary", title: "Chief Constable",
                                    organisation: police(force), .chiefOfficer)
        let chiefFireOfficer = person("Chief Fire Officer, Cambridgeshire Fire and Rescue Service", title: "Chief Fire Officer",
                                      organisation: fire, .chiefOfficer)
        let publicHealth = person("Director of Public Health, Cambridgeshire County Council", title: "Director of Public Health",
                                  organisation: county, .director)
        let probationHead = person("Head of Probation Delivery Unit, Cambridgeshire and Peterborough", title: "Head of Probation Delivery Unit",
                                   organisation: probation, .seniorManager)
        let icbDirector = person("Director of Strategy, NHS Cambridgeshire and Peterborough Integrated Care Board",
                                 title: "Director of Strategy", organisation: icb, .director)
        let commissioning = person("Drug and Alcohol Commissioning Manager, Cambridgeshire County Council",
                                   title: "Drug and Alcohol Commissioning Manager", organisation: county, .manager)
        let serviceManager = person("Service Manager, Change Grow Live Cambridgeshire and Peterborough", title: "Service Manager",
                                    organisation: provider, .manager)
        let coordinator = person("Health and Justice Co-ordinator, Probation Service, East of England", title: "Health and Justice Co-ordinator",
                                 organisation: probation, .officer)

        let board = Key.slug("Cambridgeshire High Harms Board")
        amend(board) {
            $0.purpose = "Multi-agency strategic direction for Cambridgeshire and Peterborough on four priority issues:"
                + " the Harm to Hope drug strategy, the Serious Violence Duty, violence against women and girls, and"
                + " serious and organised crime. The board also carries out the functions of a county strategy group and"
                + " of the Combating Drugs Partnership, so senior partners need not meet several times."
                + " Appendix A's 'Cambridgeshire and Peterborough' CDP."
            $0.themes = ["drugs", "serious violence", "VAWG", "serious and organised crime"]
            $0.secretariatKey = opcc
            $0.pccRoles += [.chair, .funder]
        }
        member(board, person: pcc, .chair)
        member(board, person: chiefExecutive, .adviser)
        member(board, person: partnerships, .secretariat)
        for person in [chiefConstable, chiefFireOfficer, publicHealth, probationHead, icbDirector] { member(board, person: person) }
        for organisation in [county, city] { member(board, organisation: organisation) }

        let delivery = partnership("Drug and Alcohol Misuse Delivery Board", in: force, .subGroup,
                                   purpose: "Oversees the local drug and alcohol delivery plan and monitors local performance,"
                                       + " with oversight through the High Harms Board; links to housing, health, employment"
                                       + " and targeted support for young people and families.",
                                   themes: ["drugs", "alcohol", "treatment and recovery"],
                                   footprint: ["E10000003", "E06000031"], pccRoles: [.attends])
        relate(delivery, .reportsTo, board)
        relate(delivery, .deliveryArmOf, board)
        for person in [publicHealth, commissioning, serviceManager, coordinator, partnerships] { member(delivery, person: person) }
        member(delivery, organisation: trust)
        member(delivery, organisation: police(force))
    }

    /// Merseyside: five borough CDPs feed a regional senior operational group, which with the
    /// Violence Reduction Partnership and the Criminal Justice Board reports to the PCC's quarterly
    /// Strategic Policing and Partnership Board.
    mutating func addMerseyside() {
        let force = DemoForces.merseyside
        let opcc = office(force)
        let pcc = commissioner(force)
        let deputy = commissioner(force, title: "Deputy Police and Crime Commissioner")
        let councils = [("Knowsley", "Knowsley Metropolitan Borough Council"), ("Liverpool", "Liverpool City Council"),
                        ("St Helens", "St Helens Borough Council"), ("Sefton", "Sefton Metropolitan Borough Council"),
                        ("Wirral", "Wirral Metropolitan Borough Council")]
        let combined = organisation("Liverpool City Region Combined Authority", .localGovernment)
        let health = organisation("Cheshire and Merseyside Health and Care Partnership", .health)
        let fire = organisation("Merseyside Fire and Rescue Service", .fireAndRescue)
        let probation = organisation("Probation Service, North West", .probation)
        let everywhere = DemoForces.merseysideBoroughs.map(\.1)

        let policing = partnership("Merseyside Strategic Policing and Partnership Board", in: force, .strategicBoard,
                                   purpose: "Brings senior leaders of the partner organisations together; oversees the Violence Reduction"
                                       + " Partnership and the Serious Violence Strategy, reviews the Criminal Justice Board's work,"
                                       + " receives the Combating Drugs Partnerships' combined report, and drives the PCC's VAWG strategy.",
                                   themes: ["serious violence", "VAWG", "drugs", "criminal justice"], footprint: everywhere,
                                   pccRoles: [.chair, .convener], frequency: .quarterly, secretariat: opcc)
        member(policing, person: pcc, .chair)
        for organisation in [opcc, police(force), combined, health] { member(policing, organisation: organisation) }

        let regional = partnership("Merseyside Regional Senior Operational Combating Drugs Group", in: force, .strategicBoard,
                                   purpose: "The report's 'regional senior operational CDP': each borough CDP brings detailed local data"
                                       + " and reports here, and a combined regional report goes to the Strategic Policing and Partnership"
                                       + " Board, so the PCC need not attend each CDP's meetings. Not one of Merseyside's five CDPs.",
                                   themes: ["drugs"], footprint: everywhere, pccRoles: [.chair, .attends])
        relate(regional, .reportsTo, policing)
        member(regional, person: pcc, .chair)
        member(regional, person: deputy)

        for (index, (borough, council)) in councils.enumerated() {
            let councilKey = organisation(council, .localGovernment)
            member(policing, organisation: councilKey)
            let publicHealth = person("Director of Public Health, \(council)", title: "Director of Public Health",
                                      organisation: councilKey, .director)
            let cdp = Key.slug("\(borough) Combating Drugs Partnership")
            precondition(DemoForces.merseysideBoroughs[index].0 == borough)
            member(cdp, person: publicHealth, .sro)
            member(regional, person: publicHealth)
            relate(cdp, .reportsTo, regional)
            amend(cdp) { $0.purpose = ($0.purpose ?? "") + " Its SRO is the Director of Public Health; it feeds the regional senior operational group." }
        }

        let violence = partnership("Merseyside Violence Reduction Partnership", in: force, .seriousViolence,
                                   statutoryBasis: Self.seriousViolenceDuty,
                                   purpose: "Established in 2019: a multi-agency team addressing the causes of violence and preventing it."
                                       + " Agreed a single Merseyside Serious Violence Strategy, with CSPs writing local delivery plans.",
                                   themes: ["serious violence", "VAWG", "data sharing"], footprint: everywhere,
                                   pccRoles: [.chair, .convener], secretariat: opcc)
        relate(violence, .reportsTo, policing)
        member(violence, person: pcc, .chair)
        for organisation in [police(force), fire, probation, health, combined] { member(violence, organisation: organisation) }
        member(violence, person: person("Data Analyst, Merseyside Violence Reduction Partnership", title: "Data Analyst",
                                         organisation: opcc, .officer), .adviser)

        let justice = partnership("Merseyside Criminal Justice Board", in: force, .criminalJusticeBoard,
                                  purpose: "The local criminal justice board; its work is reviewed by the Strategic Policing and Partnership Board.",
                                  themes: ["criminal justice", "victims", "reoffending"], footprint: everywhere)
        relate(justice, .reportsTo, policing)
        member(justice, person: person("Business Manager, Merseyside Criminal Justice Board", title: "Business Manager",
                                       organisation: opcc, .manager), .secretariat)
        member(justice, organisation: probation)
    }

    /// Bedfordshire: the CDP, its scope widened and renamed the Serious Harm Partnership Board,
    /// governs sub-groups that the police and the OPCC lead or sit on.
    mutating func addBedfordshire() {
        let force = DemoForces.bedfordshire
        let opcc = office(force)
        let bedsPolice = police(force)
        let probation = organisation("Probation Service, Bedfordshire", .probation)
        let everywhere = DemoForces.bedfordshireAuthorities.map(\.1)
        let board = Key.slug("Bedfordshire Serious Harm Partnership Board")
        amend(board) {
            $0.purpose = ($0.purpose ?? "") + " Bedfordshire's CDP, its scope expanded and renamed the Bedfordshire Serious Harm"
                + " Partnership Board; it governs the sub-groups below."
            $0.themes = ["drugs", "serious violence", "VAWG", "exploitation", "reoffending"]
        }

        let groups: [(String, PartnershipType, chair: String, roles: [PCCRole], themes: [String], basis: String?)] = [
            ("Bedfordshire Police Serious Violence Board", .subGroup, bedsPolice, [.attends], ["serious violence"], nil),
            ("Bedfordshire Serious Violence Duty Board", .seriousViolence, opcc, [.chair, .convener], ["serious violence"], Self.seriousViolenceDuty),
            ("Bedfordshire Male Violence against Women and Girls Board", .vawgBoard, bedsPolice, [.attends], ["VAWG"], nil),
            ("Bedfordshire Organised Crime Group and County Lines Partnership Board", .subGroup, bedsPolice, [.attends],
             ["serious and organised crime", "county lines"], nil),
            ("Data and Intelligence Group for Violence and Exploitation Reduction in Bedfordshire", .subGroup, bedsPolice, [.attends],
             ["data sharing", "serious violence", "exploitation"], nil),
            ("Bedfordshire Reducing Reoffending Board", .reducingReoffendingBoard, probation, [], ["reoffending"], nil),
        ]
        for group in groups {
            let key = partnership(group.0, in: force, group.1, statutoryBasis: group.basis, themes: group.themes,
                                  footprint: everywhere, pccRoles: group.roles)
            relate(key, .subGroupOf, board)
            member(key, organisation: group.chair, .chair)
            if group.chair != opcc { member(key, organisation: opcc) }
        }

        for (place, code) in DemoForces.bedfordshireAuthorities {
            let council = organisation(place == "Central Bedfordshire" ? "Central Bedfordshire Council" : "\(place) Borough Council",
                                       .localGovernment)
            let csp = partnership("\(place) Community Safety Partnership", in: force, .communitySafetyPartnership,
                                  statutoryBasis: Self.crimeAndDisorderAct,
                                  purpose: "Chaired by the local authority; police and OPCC colleagues attend. Governed, for this work,"
                                      + " by the Serious Harm Partnership Board.",
                                  themes: ["community safety"], footprint: [code], pccRoles: [.attends])
            relate(csp, .reportsTo, board)
            member(csp, organisation: council, .chair)
            member(csp, organisation: bedsPolice)
            member(csp, organisation: opcc)
        }

        // The PCC's strategic mission boards (2025 report), one per mission of the Police and Crime Plan.
        let missions: [(String, [String])] = [
            ("Prevention", ["prevention"]), ("Protecting Women and Children", ["VAWG", "safeguarding"]),
            ("Tackling Serious Crime", ["serious and organised crime"]), ("Victims at the Heart of All Services", ["victims"]),
            ("Reinvigorating Local Policing", ["policing"]), ("Excellence in Policing and Criminal Justice", ["criminal justice"]),
        ]
        for (mission, themes) in missions {
            partnership("Bedfordshire \(mission) Mission Board", in: force, .strategicBoard,
                        purpose: "One of the PCC's six strategic mission boards: experts from partners and academia, the police,"
                            + " trade unions, the Police Federation and people with lived experience take a whole-systems approach.",
                        themes: themes, footprint: everywhere, pccRoles: [.convener], secretariat: opcc)
        }
    }

    /// West Mercia: two CDPs on ICB footprints, the PCC SRO of both, with £100,000 of initial resource.
    mutating func addWestMercia() {
        let force = DemoForces.westMercia
        let areas: [(cdp: String, icb: String, councils: [String])] = [
            ("Herefordshire and Worcestershire Combating Drugs Partnership", "NHS Herefordshire and Worcestershire Integrated Care Board",
             ["Herefordshire Council", "Worcestershire County Council"]),
            ("Shropshire, Telford and Wrekin Combating Drugs Partnership", "NHS Shropshire, Telford and Wrekin Integrated Care Board",
             ["Shropshire Council", "Telford & Wrekin Council"]),
        ]
        let probation = organisation("Probation Service, West Midlands", .probation)
        for area in areas {
            let key = Key.slug(area.cdp)
            amend(key) {
                $0.purpose = ($0.purpose ?? "") + " Aligned to the Integrated Care Board's footprint, as agreed with partners;"
                    + " the PCC is SRO of both West Mercia CDPs and allocated an initial £100,000 to the work."
                $0.pccRoles.append(.funder)
            }
            member(key, organisation: organisation(area.icb, .health))
            for council in area.councils { member(key, organisation: organisation(council, .localGovernment)) }
            member(key, organisation: police(force))
            member(key, organisation: probation)
        }
    }

    /// Lincolnshire: the Safer Lincolnshire Partnership (PCC vice-chair), its Strategy Board, and its
    /// Drugs and Alcohol core priority group, which acts as the county's CDP.
    mutating func addLincolnshire() {
        let force = DemoForces.lincolnshire
        let county = organisation("Lincolnshire County Council", .localGovernment)
        let safer = partnership("Safer Lincolnshire Partnership", in: force, .communitySafetyPartnership,
                                statutoryBasis: Self.crimeAndDisorderAct,
                                purpose: "Already acts as the force-wide CSP and strategic oversight board. Lincolnshire is merging its"
                                    + " district CSPs into it (proposed by the county council in 2021); the PCC is the deciding authority"
                                    + " for the merger. One Lincolnshire-wide survey, published by the PCC each year, serves the districts'"
                                    + " strategic assessments and the Police and Crime Plan.",
                                themes: ["community safety", "drugs", "data sharing"], footprint: ["E10000019"],
                                pccRoles: [.viceChair])
        member(safer, person: commissioner(force), .viceChair)
        member(safer, organisation: county)
        member(safer, organisation: police(force))
        member(safer, organisation: office(force))

        let strategy = partnership("Safer Lincolnshire Partnership Strategy Board", in: force, .strategicBoard,
                                   purpose: "Gives the Safer Lincolnshire Partnership its strategic direction; the delivery-focused core"
                                       + " priority groups lead the work.",
                                   themes: ["community safety"], footprint: ["E10000019"])
        relate(strategy, .subGroupOf, safer)

        let drugs = Key.slug("Safer Lincolnshire Partnership Drugs and Alcohol Core Priority Group")
        amend(drugs) {
            $0.purpose = ($0.purpose ?? "") + " A delivery-focused core priority group of the Safer Lincolnshire Partnership"
                + " that acts as the Combating Drugs Partnership."
            $0.themes = ["drugs", "alcohol"]
        }
        relate(drugs, .reportsTo, strategy)
    }
}
