// More worked structures: streamlined and merged boards, overarching groups, and the smaller case examples.

extension DemoBuilder {
    /// When a report says a change happened but not the day, the demo records the end of the
    /// financial year it names (or, for "recently", of the year before the research).
    static let endOf2019To20 = Day(year: 2020, month: 3, day: 31)!
    static let endOf2023To24 = Day(year: 2024, month: 3, day: 31)!

    /// Humberside: the PCC-chaired LCJB closed its efficiency and effectiveness, reducing reoffending
    /// and victim and witness care groups; a single Operations Board replaced them, and sets up
    /// task and finish groups for short pieces of work.
    mutating func addHumberside() {
        let force = DemoForces.humberside
        let opcc = office(force)
        let board = partnership("Humberside Local Criminal Justice Board", in: force, .criminalJusticeBoard,
                                purpose: "Well developed, with strong support from partners. Its structure was renewed: the PCC as chair"
                                    + " closed groups that duplicated other meetings and brought in a more flexible structure.",
                                themes: ["criminal justice", "victims", "reoffending"], pccRoles: [.chair], secretariat: opcc)
        member(board, person: commissioner(force), .chair)
        member(board, person: person("Partnership Manager, Office of the Police and Crime Commissioner for Humberside",
                                     title: "Partnership Manager", organisation: opcc, .manager), .secretariat)
        for organisation in [police(force), organisation("Probation Service, Yorkshire and the Humber", .probation),
                             organisation("HM Courts and Tribunals Service", .courts),
                             organisation("Crown Prosecution Service, Yorkshire and Humberside", .courts)] {
            member(board, organisation: organisation)
        }

        let operations = partnership("Humberside LCJB Operations Board", in: force, .subGroup,
                                     purpose: "The single operations board that replaced the LCJB's dedicated groups. It can set up task and"
                                         + " finish groups of only the members a piece of work needs, which report back to it and then to"
                                         + " the LCJB main board.",
                                     themes: ["criminal justice", "victims"], pccRoles: [.attends], secretariat: opcc)
        relate(operations, .subGroupOf, board)

        let closed: [(String, [String])] = [
            ("Humberside LCJB Efficiency and Effectiveness Group", ["criminal justice"]),
            ("Humberside LCJB Reducing Reoffending Group", ["reoffending"]),
            ("Humberside LCJB Victim and Witness Care Group", ["victims"]),
        ]
        for (name, themes) in closed {
            let group = partnership(name, in: force, .subGroup, status: .discontinued, endedOn: Self.endOf2023To24,
                                    purpose: "Closed when the LCJB was redesigned and replaced by the single Operations Board; reducing"
                                        + " reoffending is now covered by the local Reducing Reoffending Boards and the Yorkshire and"
                                        + " The Humber Rehabilitation Partnership. End date approximate: the report says 'recently'.",
                                    themes: themes)
            relate(group, .subGroupOf, board)
            relate(group, .replacedBy, operations)
        }

        let victimsCode = partnership("Humberside Victims Code Monitoring Task and Finish Group", in: force, .taskAndFinishGroup,
                                      purpose: "Works through case studies for monitoring compliance with the Victims Code, then reports back"
                                          + " to the Operations Board.",
                                      themes: ["victims"])
        relate(victimsCode, .reportsTo, operations)

        let rehabilitation = partnership("Yorkshire and The Humber Rehabilitation Partnership", in: force, .reducingReoffendingBoard,
                                         purpose: "Regional partnership that, with the local Reducing Reoffending Boards, covers reducing"
                                             + " reoffending; the OPCC is represented.",
                                         themes: ["reoffending"], pccRoles: [.attends])
        member(rehabilitation, organisation: opcc)

        partnership("Humber Serious Violence Data Analytics Group", in: force, .network,
                    purpose: "Data analysts from the OPCC's data team, policing, education, health and probation across the Humber"
                        + " meet to discuss their work and to build shared data sets and a common data language.",
                    themes: ["serious violence", "data sharing"], pccRoles: [.convener, .funder],
                    frequency: .bimonthly, secretariat: opcc)
    }

    /// Norfolk: integrated governance and programme management of the Serious Violence Duty
    /// partnership and the CDP, as one SVD/CDP Programme Group.
    mutating func addNorfolk() {
        let force = DemoForces.norfolk
        let cdp = Key.slug("Norfolk Combating Drugs Partnership")
        let violence = partnership("Norfolk Serious Violence Duty Partnership", in: force, .seriousViolence,
                                   statutoryBasis: Self.seriousViolenceDuty, themes: ["serious violence"],
                                   footprint: ["E10000020"], pccRoles: [.convener])
        let programme = partnership("Norfolk SVD/CDP Programme Group", in: force, .subGroup,
                                    purpose: "Formalised by the PCC: shared resources and expertise, joint deliverables, and less risk of"
                                        + " duplicated or conflicting activity between the two partnerships.",
                                    themes: ["serious violence", "drugs"], footprint: ["E10000020"], pccRoles: [.convener])
        relate(programme, .deliveryArmOf, violence)
        relate(programme, .deliveryArmOf, cdp)
        member(programme, organisation: office(force))
    }

    /// Devon and Cornwall: the PCC's Strategic Peninsular Drugs & Alcohol Partnership, meeting four
    /// times a year, convenes the SROs of the force area's four CDPs.
    mutating func addDevonAndCornwall() {
        let force = DemoForces.devonAndCornwall
        let peninsula = partnership("Strategic Peninsular Drugs & Alcohol Partnership", in: force, .strategicBoard,
                                    purpose: "A forum where the PCC receives updates from each CDP and seeks to influence their business by"
                                        + " convening all the SROs. In practice some SROs delegate attendance, and local policing"
                                        + " representatives at the CDPs do not report into it.",
                                    themes: ["drugs", "alcohol"], pccRoles: [.chair, .convener], frequency: .quarterly,
                                    secretariat: office(force))
        member(peninsula, person: commissioner(force), .chair)
        for cdp in partnerships(in: force, ofType: .combatingDrugsPartnership) {
            relate(cdp, .reportsTo, peninsula)
        }
    }

    /// West Yorkshire: a central SRO (the Deputy Mayor) over the five district CDPs, who also chairs
    /// the West Yorkshire Strategic Combating Drugs Board.
    mutating func addWestYorkshire() {
        let force = DemoForces.westYorkshire
        let deputyMayor = commissioner(force)
        let board = partnership("West Yorkshire Strategic Combating Drugs Board", in: force, .strategicBoard,
                                purpose: "Brings the five district CDPs together on common and emerging issues (naloxone, nitrous oxide,"
                                    + " treatment pathways for Drug Rehabilitation and Alcohol Treatment Requirements) within a shared"
                                    + " West Yorkshire framework.",
                                themes: ["drugs", "alcohol"], footprint: DemoForces.westYorkshireDistricts.map(\.1),
                                pccRoles: [.chair])
        member(board, person: deputyMayor, .chair)
        for (district, _) in DemoForces.westYorkshireDistricts {
            let cdp = Key.slug("\(district) Combating Drugs Partnership")
            member(cdp, person: deputyMayor, .sro)
            relate(cdp, .reportsTo, board)
        }
    }

    /// Surrey: one county CDP whose SRO is a Director of Public Health; the community safety board
    /// merged into the health and wellbeing board in 2019-20, and a PCC-led board is now proposed.
    mutating func addSurrey() {
        let force = DemoForces.surrey
        let county = organisation("Surrey County Council", .localGovernment)
        let cdp = Key.slug("Surrey Combating Drugs Partnership")
        amend(cdp) {
            $0.purpose = ($0.purpose ?? "") + " Covers the whole of Surrey (the county council and 11 district and borough councils);"
                + " a similar board for drugs and alcohol was in place before CDPs."
        }
        member(cdp, person: person("Director of Public Health, Surrey County Council", title: "Director of Public Health",
                                   organisation: county, .director), .sro)
        member(cdp, person: commissioner(force))

        let wellbeing = partnership("Surrey Health and Wellbeing Board", in: force, .healthAndWellbeingBoard,
                                    statutoryBasis: "Health and Social Care Act 2012, section 194",
                                    purpose: "Took on community safety in 2019-20, since the risk factors for offending and victimisation"
                                        + " resemble those for ill health; since Covid this has not left enough room for community safety.",
                                    themes: ["health", "community safety"], footprint: ["E10000030"])
        let old = partnership("Surrey Community Safety Board", in: force, .communitySafetyPartnership, status: .merged,
                              endedOn: Self.endOf2019To20, statutoryBasis: Self.crimeAndDisorderAct,
                              purpose: "Merged with the Surrey Health and Wellbeing Board in 2019-20 (end date approximate).",
                              themes: ["community safety"], footprint: ["E10000030"])
        relate(old, .mergedInto, wellbeing)

        partnership("Surrey Local Criminal Justice Board", in: force, .criminalJusticeBoard,
                    themes: ["criminal justice"], footprint: ["E10000030"])
        let proposed = partnership("Surrey Strategic Community Safety Board", in: force, .strategicBoard, status: .proposed,
                                   purpose: "Proposed by the PCC and OPCC, with the support of the Chief Constable and the leader of the county"
                                       + " council: a senior, PCC-led board to give direction to and streamline Surrey's many community"
                                       + " safety forums, alongside the LCJB.",
                                   themes: ["community safety"], footprint: ["E10000030"], pccRoles: [.chair, .convener],
                                   secretariat: office(force))
        member(proposed, person: commissioner(force), .chair)
        member(proposed, organisation: county)
        member(proposed, organisation: police(force))
    }

    /// The smaller case examples: one or two facts each.
    mutating func addOtherCaseStudies() {
        typealias F = DemoForces

        // Northumbria: the PCC chairs the CDP; its SRO is a Director of Public Health.
        let northumbria = Key.slug("Northumbria Combating Drugs Partnership")
        member(northumbria, person: commissioner(F.northumbria), .chair)
        member(northumbria, person: person("Director of Public Health, SRO of the Northumbria Combating Drugs Partnership",
                                           title: "Director of Public Health", organisation: nil, .director), .sro)

        // Cumbria: the Safer Cumbria Partnership governs the CDP; the Addictions Board is its delivery arm.
        let cumbria = Key.slug("Cumbria Combating Drugs Partnership")
        let safer = partnership("Safer Cumbria Partnership", in: F.cumbria, .strategicBoard,
                                purpose: "Provides the governance structure for the CDP, with long-standing data sharing agreements.",
                                themes: ["community safety", "data sharing"], footprint: ["E06000063", "E06000064"], pccRoles: [.member])
        relate(cumbria, .reportsTo, safer)
        let addictions = partnership("Cumbria Addictions Board", in: F.cumbria, .subGroup,
                                     purpose: "Sits under the CDP as its delivery arm, co-chaired by public health and the police,"
                                         + " who bring data and intelligence on emerging concerns.",
                                     themes: ["drugs", "alcohol"], footprint: ["E06000063", "E06000064"])
        relate(addictions, .subGroupOf, cumbria)
        relate(addictions, .deliveryArmOf, cumbria)
        member(addictions, organisation: police(F.cumbria), .chair)
        member(addictions, organisation: organisation("Cumberland Council", .localGovernment))
        member(addictions, organisation: organisation("Westmorland and Furness Council", .localGovernment))

        // Dorset: the CDP's prevention sub-group, and the PCC's bridging funding for its research.
        let dorset = Key.slug("Dorset, Bournemouth, Christchurch and Poole Combating Drugs Partnership")
        addPCCRoles([.funder], to: dorset)
        let prevention = partnership("Dorset Combating Drugs Partnership Prevention Sub-group", in: F.dorset, .subGroup,
                                     purpose: "Runs the NIHR-funded study of interventions with young people to reduce demand for illicit"
                                         + " substances; Dorset Council applies for further funding on the CDP's behalf.",
                                     themes: ["drugs", "prevention"], footprint: ["E06000059", "E06000058"])
        relate(prevention, .subGroupOf, dorset)
        member(prevention, organisation: organisation("Dorset Council", .localGovernment))

        // Durham: a strategic framework for the voice of lived experience.
        amend(Key.slug("Darlington and Durham Combating Drugs Partnership")) {
            $0.themes.append("lived experience")
            $0.purpose = ($0.purpose ?? "") + " Has a strategic framework for the voice of lived experience, with lived experience champions."
        }

        // Gloucestershire: the CDP's first quick win was the force's drugs market profile and local drugs strategy.
        amend(Key.slug("Gloucestershire Combating Drugs Partnership")) {
            $0.purpose = ($0.purpose ?? "") + " Its early quick win: the force's first drugs market profile and local drugs strategy."
        }

        // Lancashire: the Deputy PCC brought the three CDPs together in an alliance.
        partnership("Pan Lancashire Drug and Alcohol Alliance", in: F.lancashire, .network,
                    purpose: "A forum for the three Lancashire CDPs to share practice and learning and act together; its first"
                        + " summit led to a Dangerous Driving Campaign on drug driving (November 2023).",
                    themes: ["drugs", "alcohol", "road safety"], pccRoles: [.convener])

        // London: the London Drugs Forum, jointly chaired; and one CDP with a police co-SRO.
        let forum = partnership("London Drugs Forum", in: F.london, .forum,
                                purpose: "A pan-London forum of criminal justice and health agencies on the delivery plans of London's CDPs"
                                    + " (the report counts 30; Appendix B 31); it links to Project ADDER and the Met's drugs strategy.",
                                themes: ["drugs", "criminal justice", "data sharing"], pccRoles: [.coChair, .convener],
                                secretariat: office(F.london))
        member(forum, person: commissioner(F.london), .chair)
        member(forum, person: person("Senior Health Advisor to the Mayor of London", title: "Mayor's Senior Health Advisor",
                                     organisation: organisation("Greater London Authority", .localGovernment), .director), .chair)
        member(forum, organisation: organisation("Office for Health Improvement and Disparities", .centralGovernment))
        member(forum, organisation: police(F.london))
        let straddling = Key.slug("London Combating Drugs Partnership 1 of 31")
        amend(straddling) {
            $0.purpose = ($0.purpose ?? "") + " The report's example of a CDP straddling two local authorities that share services,"
                + " with a senior police officer as co-SRO; it reports to one council's CSP."
        }
        member(straddling, person: person("Acting Superintendent, Metropolitan Police Service", title: "Acting Superintendent",
                                          organisation: police(F.london), .seniorManager), .sro)

        // South Yorkshire: the VRU's commissioned work links to the CDPs.
        partnership("South Yorkshire Violence Reduction Unit", in: F.southYorkshire, .seriousViolence,
                    statutoryBasis: Self.seriousViolenceDuty, themes: ["serious violence", "knife crime"],
                    pccRoles: [.convener, .funder])

        // South Wales: the PCC holds the Project ADDER grant for Western Bay.
        let adder = partnership("Project ADDER Programme Board, South Wales", in: F.southWales, .strategicBoard,
                                purpose: "Oversees Project ADDER in Western Bay, a delivery site; the PCC is the grant holder.",
                                themes: ["drugs", "treatment and recovery"], pccRoles: [.funder])
        member(adder, person: commissioner(F.southWales))
        member(adder, organisation: organisation("HM Prison and Probation Service", .probation))

        // Avon and Somerset: a strategy board chaired by the OPCC for therapy services for survivors.
        let survivors = partnership("Avon and Somerset Sexual Abuse and Assault Strategy Board", in: F.avonAndSomerset, .vawgBoard,
                                    purpose: "With the Commissioners' Forum, works to expand funding and improve the response to survivors"
                                        + " of sexual violence, after the co-commissioning of a force-wide therapy service (from April 2023).",
                                    themes: ["VAWG", "victims"], pccRoles: [.chair, .funder], secretariat: office(F.avonAndSomerset))
        member(survivors, organisation: office(F.avonAndSomerset), .chair)
        member(survivors, organisation: organisation("NHS England", .health))
        member(survivors, organisation: organisation("Bristol City Council", .localGovernment))
        member(survivors, organisation: organisation("NHS Bristol, North Somerset and South Gloucestershire Integrated Care Board", .health))
    }
}
