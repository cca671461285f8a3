import ConveneDomain
import Fluent
import Plot
import Vapor

/// What the partnership form posts. Every value arrives as text; `parse` turns it into a record or field errors.
struct PartnershipFormInput: Content {
    var name: String?
    var type: String?
    var status: String?
    var startedOn: String?
    var endedOn: String?
    var statutoryBasis: String?
    var purpose: String?
    var themes: String?
    var footprint: [String]?
    var pccRoles: [String]?
    var meetingFrequency: String?
    var secretariatKey: String?
    var forceAreaCode: String?
    var reportsTo: String?
    var subGroupOf: String?

    enum CodingKeys: String, CodingKey {
        case name, type, status, purpose, themes, footprint
        case startedOn = "started_on", endedOn = "ended_on", statutoryBasis = "statutory_basis"
        case pccRoles = "pcc_roles", meetingFrequency = "meeting_frequency", secretariatKey = "secretariat_key"
        case forceAreaCode = "force_area_code", reportsTo = "reports_to", subGroupOf = "sub_group_of"
    }

    init(_ p: Partnership, relations: [PartnershipRelation]) {
        name = p.name; type = p.type.rawValue; status = p.status.rawValue
        startedOn = p.startedOn?.description; endedOn = p.endedOn?.description
        statutoryBasis = p.statutoryBasis; purpose = p.purpose; themes = p.themes.joined(separator: ", ")
        footprint = p.footprint; pccRoles = p.pccRoles.map(\.rawValue); meetingFrequency = p.meetingFrequency?.rawValue
        secretariatKey = p.secretariatKey; forceAreaCode = p.forceAreaCode
        reportsTo = relations.first { $0.kind == .reportsTo }?.toKey
        subGroupOf = relations.first { $0.kind == .subGroupOf }?.toKey
    }

    init() {}

    /// The record the form describes, or the errors that stop it being one.
    func parse(key: String) -> (Partnership?, [PartnershipRelation], [FieldError]) {
        var reader = FormReader()
        // Checked in the order the fields stand on the form, so the error summary reads top to bottom.
        if reader.text(name) == nil { reader.errors.append(FieldError("name", "Enter the partnership's name")) }
        let type: PartnershipType? = reader.vocabulary(type, "type", "type of partnership", required: true)
        let status: PartnershipStatus? = reader.vocabulary(status, "status", "status", required: true)
        let frequency: MeetingFrequency? = reader.vocabulary(
            meetingFrequency, "meeting_frequency", "meeting frequency", required: false)
        let roles: [PCCRole] = (pccRoles ?? []).compactMap {
            reader.vocabulary($0, "pcc_roles", "PCC role", required: false)
        }
        let started = reader.day(startedOn, "started_on", "The start date")
        let ended = reader.day(endedOn, "ended_on", "The end date")
        let themes = (self.themes ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
        var relations: [PartnershipRelation] = []
        if let up = reader.text(reportsTo) { relations.append(PartnershipRelation(key, .reportsTo, up)) }
        if let up = reader.text(subGroupOf) { relations.append(PartnershipRelation(key, .subGroupOf, up)) }
        guard let type, let status, reader.errors.isEmpty else { return (nil, relations, reader.errors) }
        let partnership = Partnership(
            key: key, name: reader.text(name) ?? "", type: type, status: status, startedOn: started, endedOn: ended,
            statutoryBasis: reader.text(statutoryBasis), purpose: reader.text(purpose), themes: themes,
            footprint: (footprint ?? []).filter { !$0.isEmpty }, pccRoles: roles, meetingFrequency: frequency,
            secretariatKey: reader.text(secretariatKey), forceAreaCode: reader.text(forceAreaCode))
        return (partnership, relations, partnership.validate())
    }
}

/// The choices the form offers, read from the register.
struct PartnershipFormChoices {
    var organisations: [(key: String, name: String)]
    var partnerships: [(key: String, name: String)]
    var forceAreas: [(code: String, name: String)]
    /// Districts and upper-tier authorities grouped by police force area, for the footprint.
    var footprintAreas: [(group: String, areas: [(code: String, name: String)])]

    static func load(in scope: Scope, excluding key: String?) async throws -> PartnershipFormChoices {
        async let organisations = OrganisationRecord.query(in: scope).sort(\.$name).all()
        async let partnerships = PartnershipRecord.query(in: scope).field(\.$key).field(\.$name).sort(\.$name).all()
        async let areas = AreaRecord.query(on: scope.db).filter(
            \.$kind ~~ [
                AreaKind.policeForceArea.rawValue, AreaKind.district.rawValue, AreaKind.upperTierAuthority.rawValue
            ]
        ).sort(\.$name).all()
        async let links = AreaLinkRecord.query(on: scope.db).all()
        let all = try await areas
        let forceAreas = all.filter { $0.kind == AreaKind.policeForceArea.rawValue }
        let pfaNames = Dictionary(forceAreas.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        // An upper-tier authority sits in the force area of its districts.
        var groupOf: [String: String] = [:]
        for area in all where area.kind == AreaKind.district.rawValue { groupOf[area.code] = area.parentCode }
        for link in try await links where groupOf[link.areaCode] == nil {
            groupOf[link.areaCode] = groupOf[link.districtCode]
        }
        let grouped = Dictionary(grouping: all.filter { $0.kind != AreaKind.policeForceArea.rawValue }) {
            groupOf[$0.code].flatMap { pfaNames[$0] } ?? "Other areas"
        }
        return PartnershipFormChoices(
            organisations: try await organisations.map { ($0.key, $0.name) },
            partnerships: try await partnerships.filter { $0.key != key }.map { ($0.key, $0.name) },
            forceAreas: forceAreas.map { ($0.code, $0.name) },
            footprintAreas: grouped.keys.sorted().map { group in
                (
                    group,
                    grouped[group]!.map {
                        ($0.code, "\($0.name) (\($0.kind == AreaKind.district.rawValue ? "district" : "upper tier"))")
                    }
                )
            })
    }
}

/// The form to add or change a partnership, as typed, with what is wrong with it.
struct PartnershipFormModel {
    var context: PageContext
    var title: String
    var action: String
    var cancel: String
    var input: PartnershipFormInput
    var errors: [FieldError]
    var choices: PartnershipFormChoices
}

enum PartnershipFormView {
    static func render(_ model: PartnershipFormModel) -> Layout {
        let (context, title, action, cancel) = (model.context, model.title, model.action, model.cancel)
        let (input, errors, choices) = (model.input, model.errors, model.choices)
        let form = Form(errors: errors)
        return Layout(
            context: context, title: form.title(title),
            breadcrumbs: [("Overview", RegisterPath.overview.href), ("Partnerships", RegisterPath.partnerships.href)],
            content: .group(
                form.errorSummary(),
                .heading(title),
                .postForm(
                    action: action, context: context, .attribute(named: "novalidate", value: "novalidate"),
                    form.textInput("name", "Name", input.name),
                    form.select(
                        "type", "Type", input.type, PartnershipType.allCases.map { ($0.rawValue, $0.label) },
                        blank: "Select a type"),
                    form.select(
                        "status", "Status", input.status ?? PartnershipStatus.active.rawValue,
                        PartnershipStatus.allCases.map { ($0.rawValue, $0.label) }),
                    form.textInput(
                        "started_on", "Start date", input.startedOn, hint: "For example, 2022-08-01", short: true),
                    form.textInput(
                        "ended_on", "End date", input.endedOn, hint: "Only for a merged or discontinued partnership",
                        short: true),
                    form.select(
                        "force_area_code", "Police force area", input.forceAreaCode,
                        choices.forceAreas.map { ($0.code, $0.name) }, blank: "Not set"),
                    form.textArea("purpose", "Purpose", input.purpose),
                    form.textInput(
                        "statutory_basis", "Statutory basis", input.statutoryBasis,
                        hint: "For example, Crime and Disorder Act 1998"),
                    form.textInput(
                        "themes", "Themes", input.themes,
                        hint: "Separate themes with commas, for example: drugs, serious violence"),
                    form.checkboxes(
                        "pcc_roles", "The Police and Crime Commissioner's (PCC's) role", input.pccRoles ?? [],
                        PCCRole.allCases.map { ($0.rawValue, $0.label) }),
                    form.select(
                        "meeting_frequency", "How often it meets", input.meetingFrequency,
                        MeetingFrequency.allCases.map { ($0.rawValue, $0.label) }, blank: "Not recorded"),
                    form.select(
                        "secretariat_key", "Secretariat", input.secretariatKey,
                        choices.organisations.map { ($0.key, $0.name) }, blank: "None"),
                    form.select(
                        "reports_to", "Reports to", input.reportsTo, choices.partnerships.map { ($0.key, $0.name) },
                        blank: "None"),
                    form.select(
                        "sub_group_of", "Sub-group of", input.subGroupOf,
                        choices.partnerships.map { ($0.key, $0.name) }, blank: "None"),
                    form.multiSelect(
                        "footprint", "Footprint", input.footprint ?? [], choices.footprintAreas,
                        hint:
                            "Choose the districts or upper-tier councils it covers. Hold Ctrl (or Cmd) to choose more than one."
                    ),
                    .button(.type(.submit), .class("button"), .text("Save")),
                    .a(.href(cancel), .class("button button--secondary"), .text("Cancel"))
                )
            ))
    }
}
