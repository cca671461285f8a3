import ConveneDomain
import Foundation

/// The plan turned into the register's records, with keys, and the workspace that carries them.
extension NationalPlan {
    func workspace() -> NationalLandscape.Workspace {
        var rng = random(9)
        var register = Register(areas: [force])
        register.organisations = organisations.map {
            Organisation(key: $0.key, name: $0.name, sector: $0.kind.sector(cityOfLondon: isCityOfLondon))
        }
        register.persons = people.map {
            Person(
                key: $0.key, name: $0.name, roleTitle: $0.roleTitle,
                organisationKey: organisations[$0.organisation].key,
                seniority: $0.seniority, salaryBand: $0.salary)
        }
        for partnership in partnerships {
            register.partnerships.append(
                Partnership(
                    key: partnership.key, name: partnership.name, type: partnership.type, status: partnership.status,
                    startedOn: partnership.startedOn, statutoryBasis: partnership.statutoryBasis,
                    purpose: partnership.template.purpose,
                    themes: partnership.themes.map(\.name), pccRoles: partnership.pccRoles,
                    meetingFrequency: partnership.frequency,
                    secretariatKey: organisations[partnership.secretariat].key, forceAreaCode: force.code, isDemo: true)
            )
            register.memberships += memberships(of: partnership)
            if let parent = partnership.parent {
                register.relations.append(
                    PartnershipRelation(partnership.key, parent.kind, partnerships[parent.index].key))
            }
            register.termsOfReference += termsOfReference(of: partnership, &rng)
        }
        register.meetings = meetings.map(meeting)
        return NationalLandscape.Workspace(
            index: index, key: workspaceKey, name: workspaceName, forceAreaCode: force.code,
            commissionerKey: people[commissioner].key,
            register: register, items: items, decisions: decisions, actions: actions, plantedDuplicates: duplicates(),
            asOf: asOf)
    }

    /// A membership per holder of each seat: a seat that changed hands gives two, one ending the day before the other starts.
    private func memberships(of partnership: PlannedPartnership) -> [Membership] {
        var result: [Membership] = []
        for seat in partnership.seats {
            for holder in seat.holders {
                let person = people[holder.person]
                let votes =
                    ![.secretariat, .observer, .adviser].contains(seat.role) && partnership.level != .operational
                result.append(
                    Membership(
                        key: "\(partnership.key)-m\(result.count + 1)", partnershipKey: partnership.key,
                        personKey: person.key,
                        role: seat.role, representsKey: organisations[person.organisation].key, votingRight: votes,
                        startedOn: holder.from, endedOn: holder.until,
                        substituteKey: holder.substitute.map { people[$0].key }))
            }
        }
        return result
    }

    /// Most partnerships have terms of reference, many with a quorum; some have been revised, and some are due for review.
    private func termsOfReference(of partnership: PlannedPartnership, _ rng: inout SeededRandom) -> [TermsOfReference] {
        guard rng.chance(80) else { return [] }
        let members = partnership.members(on: firstDay).count
        let lastBefore = firstDay.adding(days: -1)
        let approved = min(partnership.startedOn.adding(days: 30 + rng.below(90)), lastBefore)
        func quorum(_ rng: inout SeededRandom) -> Int? {
            rng.chance(75) ? max(2, members * (30 + rng.below(21)) / 100) : nil
        }
        var terms = [
            TermsOfReference(
                partnershipKey: partnership.key, version: 1, purpose: partnership.template.purpose,
                quorum: quorum(&rng), meetingFrequency: partnership.frequency, approvedOn: approved,
                reviewDue: approved.adding(days: 365 * (1 + rng.below(3))))
        ]
        if rng.chance(30), approved.adding(days: 365) < firstDay.adding(days: 200) {
            let span = firstDay.adding(days: 200).ordinal - approved.adding(days: 365).ordinal
            let revised = approved.adding(days: 365 + rng.below(span))
            terms.append(
                TermsOfReference(
                    partnershipKey: partnership.key, version: 2, purpose: partnership.template.purpose,
                    quorum: quorum(&rng), meetingFrequency: partnership.frequency, approvedOn: revised,
                    reviewDue: revised.adding(days: 365 * (1 + rng.below(3)))))
        }
        return terms
    }

    func meeting(_ planned: PlannedMeeting) -> Meeting {
        let partnership = partnerships[planned.partnership]
        let venue = "Committee Room \(1 + planned.partnership % 4), \(organisations[partnership.secretariat].name)"
        return Meeting(
            key: planned.key, partnershipKey: partnership.key,
            name: planned.extraordinary ? "\(partnership.name): extraordinary meeting" : partnership.name,
            startsAt: planned.startsAt,
            endsAt: planned.startsAt.addingTimeInterval(TimeInterval(planned.durationMinutes * 60)),
            status: planned.status,
            attendance: planned.attendance.map {
                Attendance(
                    personKey: people[$0.person].key, status: $0.status,
                    substituteForKey: $0.substituteFor.map { people[$0].key },
                    preparationMinutes: $0.preparation, travelMinutes: $0.travel)
            },
            format: planned.format, place: planned.format == .online ? nil : venue,
            onlineURL: planned.format == .inPerson ? nil : "https://meet.example.invalid/\(partnership.key)")
    }

    /// The ground truth of the planted discussions, by the keys the register and the agendas use.
    func duplicates() -> [NationalLandscape.PlantedDuplicate] {
        planted.compactMap { pair in
            let a = meetings[pair.a]
            let b = meetings[pair.b]
            guard let itemA = items[a.items].first(where: { $0.title == a.planted }),
                let itemB = items[b.items].first(where: { $0.title == b.planted })
            else { return nil }
            typealias Pair = NationalLandscape.PlantedDuplicate.Pair
            return NationalLandscape.PlantedDuplicate(
                itemKeys: Pair(itemA.key, itemB.key),
                partnershipKeys: Pair(partnerships[a.partnership].key, partnerships[b.partnership].key),
                meetingKeys: Pair(a.key, b.key), days: Pair(a.day, b.day), titles: Pair(itemA.title, itemB.title),
                sharedAttendeeKeys: pair.shared.map { people[$0].key }.sorted())
        }
    }
}
