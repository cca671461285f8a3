import ConveneDomain
import Fluent
import Plot
import Vapor

// The smaller forms: organisation, person, membership and terms of reference. Each input parses into a
// domain record or field errors; the record is then written through `RegisterEdits` like any other.

/// Reads form text: trimmed, empty as nil; dates and vocabularies with messages naming the field.
struct FormReader {
    var errors: [FieldError] = []

    func text(_ value: String?) -> String? {
        let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return trimmed.isEmpty ? nil : trimmed
    }

    mutating func day(_ value: String?, _ field: String, _ what: String) -> Day? {
        guard let value = text(value) else { return nil }
        guard let day = Day(value) else {
            errors.append(FieldError(field, "\(what) must be a real date, like 2024-03-14"))
            return nil
        }
        return day
    }

    mutating func number(_ value: String?, _ field: String, _ what: String) -> Int? {
        guard let value = text(value) else { return nil }
        guard let number = Int(value.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "£", with: ""))
        else {
            errors.append(FieldError(field, "\(what) must be a whole number"))
            return nil
        }
        return number
    }

    mutating func vocabulary<V: Vocabulary>(_ value: String?, _ field: String, _ what: String, required: Bool) -> V? {
        guard let value = text(value) else {
            if required { errors.append(FieldError(field, "Select the \(what)")) }
            return nil
        }
        guard let parsed = V.parse(value) else {
            errors.append(FieldError(field, "'\(value)' is not a known \(what)"))
            return nil
        }
        return parsed
    }
}

struct OrganisationFormInput: Content {
    var name: String?
    var sector: String?

    func parse(key: String) -> (Organisation?, [FieldError]) {
        var reader = FormReader()
        let sector: Sector? = reader.vocabulary(sector, "sector", "sector", required: true)
        guard let sector else {
            return (
                nil,
                reader.errors
                    + Organisation(key: key, name: name ?? "", sector: .other).validate().filter { $0.field == "name" }
            )
        }
        let organisation = Organisation(key: key, name: reader.text(name) ?? "", sector: sector)
        return (organisation, reader.errors + organisation.validate())
    }
}

struct PersonFormInput: Content {
    var name: String?
    var roleTitle: String?
    var organisationKey: String?
    var seniority: String?
    var salaryBand: String?
    var publicOffice: String?

    enum CodingKeys: String, CodingKey {
        case name, seniority
        case roleTitle = "role_title", organisationKey = "organisation_key", salaryBand = "salary_band"
        case publicOffice = "public_office"
    }

    init(_ p: Person? = nil, publicOffice: Bool = false) {
        self.publicOffice = publicOffice ? "yes" : nil
        name = p?.name; roleTitle = p?.roleTitle; organisationKey = p?.organisationKey
        seniority = p?.seniority?.rawValue; salaryBand = p?.salaryBand.map(String.init)
    }

    func parse(key: String) -> (Person?, [FieldError]) {
        var reader = FormReader()
        let seniority: SeniorityBand? = reader.vocabulary(seniority, "seniority", "seniority band", required: false)
        let salary = reader.number(salaryBand, "salary_band", "The salary band")
        let person = Person(
            key: key, name: reader.text(name) ?? "", roleTitle: reader.text(roleTitle),
            organisationKey: reader.text(organisationKey), seniority: seniority, salaryBand: salary)
        return (person, reader.errors + person.validate())
    }
}

struct MembershipFormInput: Content {
    var personKey: String?
    var organisationKey: String?
    var role: String?
    var representsKey: String?
    var votingRight: String?
    var startedOn: String?
    var endedOn: String?
    var substituteKey: String?

    enum CodingKeys: String, CodingKey {
        case role
        case personKey = "person_key", organisationKey = "organisation_key", representsKey = "represents_key"
        case votingRight = "voting_right", startedOn = "started_on", endedOn = "ended_on", substituteKey =
            "substitute_key"
    }

    init(_ m: Membership? = nil) {
        personKey = m?.personKey; organisationKey = m?.organisationKey;
        role = m?.role.rawValue ?? MembershipRole.member.rawValue
        representsKey = m?.representsKey; votingRight = m?.votingRight == true ? "yes" : nil
        startedOn = m?.startedOn?.description; endedOn = m?.endedOn?.description; substituteKey = m?.substituteKey
    }

    func parse(key: String, partnershipKey: String) -> (Membership?, [FieldError]) {
        var reader = FormReader()
        let role: MembershipRole? = reader.vocabulary(role, "role", "role", required: true)
        let started = reader.day(startedOn, "started_on", "The start date")
        let ended = reader.day(endedOn, "ended_on", "The end date")
        guard let role else { return (nil, reader.errors) }
        let membership = Membership(
            key: key, partnershipKey: partnershipKey, personKey: reader.text(personKey),
            organisationKey: reader.text(organisationKey), role: role, representsKey: reader.text(representsKey),
            votingRight: votingRight == "yes", startedOn: started, endedOn: ended,
            substituteKey: reader.text(substituteKey))
        return (membership, reader.errors + membership.validate())
    }
}

struct TermsFormInput: Content {
    var purpose: String?
    var quorum: String?
    var meetingFrequency: String?
    var approvedOn: String?
    var reviewDue: String?

    enum CodingKeys: String, CodingKey {
        case purpose, quorum
        case meetingFrequency = "meeting_frequency", approvedOn = "approved_on", reviewDue = "review_due"
    }

    func parse(partnershipKey: String, version: Int) -> (TermsOfReference?, [FieldError]) {
        var reader = FormReader()
        let frequency: MeetingFrequency? = reader.vocabulary(
            meetingFrequency, "meeting_frequency", "meeting frequency", required: false)
        let terms = TermsOfReference(
            partnershipKey: partnershipKey, version: version, purpose: reader.text(purpose),
            quorum: reader.number(quorum, "quorum", "The quorum"), meetingFrequency: frequency,
            approvedOn: reader.day(approvedOn, "approved_on", "The approval date"),
            reviewDue: reader.day(reviewDue, "review_due", "The review date"))
        return (terms, reader.errors + terms.validate())
    }
}

/// Names to choose from in the smaller forms.
struct RecordChoices {
    var organisations: [(String, String)]
    var persons: [(String, String)]

    static func load(in scope: Scope) async throws -> RecordChoices {
        async let organisations = OrganisationRecord.query(in: scope).sort(\.$name).all()
        async let persons = PersonRecord.query(in: scope).sort(\.$name).all()
        return RecordChoices(
            organisations: try await organisations.map { ($0.key, $0.name) },
            persons: try await persons.map { person in
                let label =
                    person.roleTitle.map { $0 == person.name ? person.name : "\(person.name), \($0)" } ?? person.name
                return (person.key, label)
            })
    }
}

/// The form to add or change an organisation, as typed, with what is wrong with it.
struct OrganisationFormModel {
    var context: PageContext
    var title: String
    var action: String
    var cancel: String
    var input: OrganisationFormInput
    var errors: [FieldError]
}

/// The form to add or change a person, as typed, with what is wrong with it.
struct PersonFormModel {
    var context: PageContext
    var title: String
    var action: String
    var cancel: String
    var input: PersonFormInput
    var errors: [FieldError]
    /// The organisations a person may belong to.
    var choices: RecordChoices
}

/// The form to add or change a member of a partnership, as typed, with what is wrong with it.
struct MembershipFormModel {
    var context: PageContext
    var title: String
    var action: String
    var input: MembershipFormInput
    var errors: [FieldError]
    var partnership: (key: String, name: String)
    /// The people and organisations who may be members, substitutes or represented.
    var choices: RecordChoices
}

/// The form to add the next version of a partnership's terms of reference, as typed, with what is wrong with it.
struct TermsFormModel {
    var context: PageContext
    var action: String
    var input: TermsFormInput
    var errors: [FieldError]
    var partnership: (key: String, name: String)
    /// The version the form adds.
    var version: Int
}

enum RecordFormViews {
    /// The frame every record form shares: the error summary, the heading, the post form and its Save and Cancel.
    static func page(
        context: PageContext, title: String, action: String, cancel: String, errors: [FieldError],
        breadcrumbs: [(String, String)], _ fields: Node<HTML.BodyContext>...
    ) -> Layout {
        Layout(
            context: context, title: Form(errors: errors).title(title), breadcrumbs: breadcrumbs,
            content: .group(
                Form(errors: errors).errorSummary(),
                .heading(title),
                .postForm(
                    action: action, context: context, .attribute(named: "novalidate", value: "novalidate"),
                    .group(fields),
                    .button(.type(.submit), .class("button"), .text("Save")),
                    .a(.href(cancel), .class("button button--secondary"), .text("Cancel")))))
    }

    static func organisation(_ model: OrganisationFormModel) -> Layout {
        let (context, input, errors) = (model.context, model.input, model.errors)
        let (title, action, cancel) = (model.title, model.action, model.cancel)
        let form = Form(errors: errors)
        return page(
            context: context, title: title, action: action, cancel: cancel, errors: errors,
            breadcrumbs: [("Overview", RegisterPath.overview.href), ("Organisations", RegisterPath.organisations.href)],
            form.textInput("name", "Name", input.name),
            form.select(
                "sector", "Sector", input.sector, Sector.allCases.map { ($0.rawValue, $0.label) },
                blank: "Select a sector"))
    }

    static func person(_ model: PersonFormModel) -> Layout {
        let (context, input, choices, errors) = (model.context, model.input, model.choices, model.errors)
        let (title, action, cancel) = (model.title, model.action, model.cancel)
        let form = Form(errors: errors)
        return page(
            context: context, title: title, action: action, cancel: cancel, errors: errors,
            breadcrumbs: [("Overview", RegisterPath.overview.href), ("People", RegisterPath.persons.href)],
            form.textInput(
                "name", "Name", input.name,
                hint: "Only what the partnership needs: a name or, for a role, the role title"),
            form.textInput("role_title", "Role title", input.roleTitle, hint: "For example, Director of Public Health"),
            form.select(
                "organisation_key", "Organisation", input.organisationKey, choices.organisations, blank: "None"),
            form.select(
                "seniority", "Seniority", input.seniority, SeniorityBand.allCases.map { ($0.rawValue, $0.label) },
                blank: "Not recorded"),
            form.textInput(
                "salary_band", "Salary band (pounds a year)", input.salaryBand,
                hint: "Used only to estimate what meetings cost. For example, 50000", short: true),
            form.checkboxes(
                "public_office", "Public office", input.publicOffice == "yes" ? ["yes"] : [],
                [
                    (
                        "yes",
                        "Holds a public office (PCC, Deputy PCC or Deputy Mayor) and may be named on the public pages"
                    )
                ],
                single: true))
    }

    static func membership(_ model: MembershipFormModel) -> Layout {
        let (context, input, partnership, choices) = (model.context, model.input, model.partnership, model.choices)
        let (errors, action, title) = (model.errors, model.action, model.title)
        let form = Form(errors: errors)
        return page(
            context: context, title: title, action: action, cancel: RegisterPath.partnership(partnership.key).href,
            errors: errors,
            breadcrumbs: [
                ("Overview", RegisterPath.overview.href), ("Partnerships", RegisterPath.partnerships.href),
                (partnership.name, RegisterPath.partnership(partnership.key).href)
            ],
            form.select(
                "person_key", "Person", input.personKey, choices.persons, blank: "None (an organisation is the member)"),
            form.select(
                "organisation_key", "Or an organisation as the member", input.organisationKey, choices.organisations,
                blank: "None"),
            form.select("role", "Role", input.role, MembershipRole.allCases.map { ($0.rawValue, $0.label) }),
            form.select(
                "represents_key", "Represents", input.representsKey, choices.organisations,
                blank: "Their own organisation"),
            form.checkboxes(
                "voting_right", "Voting", input.votingRight == "yes" ? ["yes"] : [], [("yes", "Has a vote")],
                single: true),
            form.textInput("started_on", "Start date", input.startedOn, hint: "For example, 2023-04-01", short: true),
            form.textInput(
                "ended_on", "End date", input.endedOn,
                hint: "To end the membership; it stays on the record as a past membership", short: true),
            form.select("substitute_key", "Named substitute", input.substituteKey, choices.persons, blank: "None"))
    }

    static func terms(_ model: TermsFormModel) -> Layout {
        let (context, input, partnership, version) = (model.context, model.input, model.partnership, model.version)
        let (errors, action) = (model.errors, model.action)
        let form = Form(errors: errors)
        return page(
            context: context, title: "Add version \(version) of the terms of reference", action: action,
            cancel: RegisterPath.partnership(partnership.key).href, errors: errors,
            breadcrumbs: [
                ("Overview", RegisterPath.overview.href), ("Partnerships", RegisterPath.partnerships.href),
                (partnership.name, RegisterPath.partnership(partnership.key).href)
            ],
            form.textArea("purpose", "Purpose", input.purpose),
            form.textInput(
                "quorum", "Quorum", input.quorum, hint: "The number of members needed for a meeting to be quorate",
                short: true),
            form.select(
                "meeting_frequency", "How often it meets", input.meetingFrequency,
                MeetingFrequency.allCases.map { ($0.rawValue, $0.label) }, blank: "Not stated"),
            form.textInput(
                "approved_on", "Approved on", input.approvedOn, hint: "For example, 2024-03-14", short: true),
            form.textInput(
                "review_due", "Review due", input.reviewDue,
                hint: "When the terms of reference should next be reviewed", short: true))
    }
}
