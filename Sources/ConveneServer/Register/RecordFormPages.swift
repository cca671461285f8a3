import ConveneDomain
import Fluent
import Vapor

/// Create and edit pages for organisations, people, memberships and terms of reference.
/// Each saves through `RegisterEdits`, redirects to the record on success, and otherwise shows the form
/// again (422) with every error in the summary.
enum RecordFormPages {
    /// Organisations and people are the workspace's, for editors; a partnership's members and terms of reference
    /// are its business, which its secretariat may also do.
    static func register(write: RoutesBuilder, business: RoutesBuilder) {
        write.get(RegisterPath.newOrganisation, use: newOrganisation)
        write.post(RegisterPath.newOrganisation, use: createOrganisation)
        write.get(RegisterPath.editOrganisation(":key"), use: editOrganisation)
        write.post(RegisterPath.editOrganisation(":key"), use: updateOrganisation)
        write.get(RegisterPath.newPerson, use: newPerson)
        write.post(RegisterPath.newPerson, use: createPerson)
        write.get(RegisterPath.editPerson(":key"), use: editPerson)
        write.post(RegisterPath.editPerson(":key"), use: updatePerson)
        business.get(RegisterPath.newMember(":key"), use: newMembership)
        business.post(RegisterPath.newMember(":key"), use: createMembership)
        business.get(RegisterPath.editMember(":key", member: ":member"), use: editMembership)
        business.post(RegisterPath.editMember(":key", member: ":member"), use: updateMembership)
        business.get(RegisterPath.newTermsOfReference(":key"), use: newTerms)
        business.post(RegisterPath.newTermsOfReference(":key"), use: createTerms)
    }

    // MARK: Organisations

    @Sendable static func newOrganisation(req: Request) async throws -> Response {
        RecordFormViews.organisation(
            OrganisationFormModel(
                context: req.pageContext, title: "Add an organisation", action: RegisterPath.newOrganisation.href,
                cancel: RegisterPath.organisations.href, input: OrganisationFormInput(), errors: [])
        ).response()
    }

    @Sendable static func createOrganisation(req: Request) async throws -> Response {
        let input = try req.content.decode(OrganisationFormInput.self)
        let (key, errors) = try await req.scope.withUnusedKey(
            Key.slug(input.name ?? ""), OrganisationRecord.self, key: \.$key
        ) { key in
            (key, try await save(input.parse(key: key), mode: .create, req: req) { Register(organisations: [$0]) })
        }
        if errors.isEmpty { return req.redirect(to: RegisterPath.organisation(key).href) }
        return RecordFormViews.organisation(
            OrganisationFormModel(
                context: req.pageContext, title: "Add an organisation", action: RegisterPath.newOrganisation.href,
                cancel: RegisterPath.organisations.href, input: input, errors: errors)
        ).response(status: .unprocessableEntity)
    }

    @Sendable static func editOrganisation(req: Request) async throws -> Response {
        let record = try await RegisterQueries.organisation(try req.parameters.require("key"), in: req.scope)
        return RecordFormViews.organisation(
            OrganisationFormModel(
                context: req.pageContext, title: "Change \(record.name)",
                action: RegisterPath.editOrganisation(record.key).href,
                cancel: RegisterPath.organisation(record.key).href,
                input: OrganisationFormInput(name: record.name, sector: record.sector), errors: [])
        ).response()
    }

    @Sendable static func updateOrganisation(req: Request) async throws -> Response {
        let record = try await RegisterQueries.organisation(try req.parameters.require("key"), in: req.scope)
        let input = try req.content.decode(OrganisationFormInput.self)
        let errors = try await save(input.parse(key: record.key), mode: .update, req: req) {
            Register(organisations: [$0])
        }
        if errors.isEmpty { return req.redirect(to: RegisterPath.organisation(record.key).href) }
        return RecordFormViews.organisation(
            OrganisationFormModel(
                context: req.pageContext, title: "Change \(record.name)",
                action: RegisterPath.editOrganisation(record.key).href,
                cancel: RegisterPath.organisation(record.key).href,
                input: input, errors: errors)
        ).response(status: .unprocessableEntity)
    }

    // MARK: People

    @Sendable static func newPerson(req: Request) async throws -> Response {
        RecordFormViews.person(
            PersonFormModel(
                context: req.pageContext, title: "Add a person", action: RegisterPath.newPerson.href,
                cancel: RegisterPath.persons.href, input: PersonFormInput(), errors: [],
                choices: try await RecordChoices.load(in: req.scope))
        ).response()
    }

    @Sendable static func createPerson(req: Request) async throws -> Response {
        let input = try req.content.decode(PersonFormInput.self)
        let (key, errors) = try await req.scope.withUnusedKey(
            Key.slug(input.name ?? ""), PersonRecord.self, key: \.$key
        ) { key in
            (key, try await save(input.parse(key: key), mode: .create, req: req) { Register(persons: [$0]) })
        }
        if errors.isEmpty {
            try await Publishing.setPublicOffice(key, input.publicOffice == "yes", in: req.scope)
            return req.redirect(to: RegisterPath.person(key).href)
        }
        return RecordFormViews.person(
            PersonFormModel(
                context: req.pageContext, title: "Add a person", action: RegisterPath.newPerson.href,
                cancel: RegisterPath.persons.href, input: input, errors: errors,
                choices: try await RecordChoices.load(in: req.scope))
        ).response(status: .unprocessableEntity)
    }

    @Sendable static func editPerson(req: Request) async throws -> Response {
        let key = try req.parameters.require("key")
        guard let person = try await PersonsResource.find(key, in: req.scope) else {
            throw Problem.notFound("The person '\(key)'")
        }
        async let record = PersonRecord.query(in: req.scope).filter(\.$key == key).first()
        async let choices = RecordChoices.load(in: req.scope)
        let inOffice = try await record?.publicOffice ?? false
        return RecordFormViews.person(
            PersonFormModel(
                context: req.pageContext, title: "Change \(person.name)", action: RegisterPath.editPerson(key).href,
                cancel: RegisterPath.person(key).href, input: PersonFormInput(person, publicOffice: inOffice),
                errors: [], choices: try await choices)
        ).response()
    }

    @Sendable static func updatePerson(req: Request) async throws -> Response {
        let key = try req.parameters.require("key")
        guard let person = try await PersonsResource.find(key, in: req.scope) else {
            throw Problem.notFound("The person '\(key)'")
        }
        let input = try req.content.decode(PersonFormInput.self)
        let errors = try await save(input.parse(key: key), mode: .update, req: req) { Register(persons: [$0]) }
        if errors.isEmpty {
            try await Publishing.setPublicOffice(key, input.publicOffice == "yes", in: req.scope)
            return req.redirect(to: RegisterPath.person(key).href)
        }
        return RecordFormViews.person(
            PersonFormModel(
                context: req.pageContext, title: "Change \(person.name)", action: RegisterPath.editPerson(key).href,
                cancel: RegisterPath.person(key).href, input: input, errors: errors,
                choices: try await RecordChoices.load(in: req.scope))
        ).response(status: .unprocessableEntity)
    }

    // MARK: Memberships

    @Sendable static func newMembership(req: Request) async throws -> Response {
        let partnership = try await RegisterQueries.partnership(try req.parameters.require("key"), in: req.scope)
        return RecordFormViews.membership(
            MembershipFormModel(
                context: req.pageContext, title: "Add a member", action: RegisterPath.newMember(partnership.key).href,
                input: MembershipFormInput(), errors: [], partnership: (partnership.key, partnership.name),
                choices: try await RecordChoices.load(in: req.scope))
        ).response()
    }

    @Sendable static func createMembership(req: Request) async throws -> Response {
        let partnership = try await RegisterQueries.partnership(try req.parameters.require("key"), in: req.scope)
        let input = try req.content.decode(MembershipFormInput.self)
        let base = Key.slug(
            partnership.key, input.personKey ?? input.organisationKey ?? "member", input.role ?? "member")
        let errors = try await req.scope.withUnusedKey(base, MembershipRecord.self, key: \.$key) { key in
            try await save(input.parse(key: key, partnershipKey: partnership.key), mode: .create, req: req) {
                Register(memberships: [$0])
            }
        }
        if errors.isEmpty {
            return req.redirect(to: RegisterPath.partnership(partnership.key).href(fragment: "members"))
        }
        return RecordFormViews.membership(
            MembershipFormModel(
                context: req.pageContext, title: "Add a member", action: RegisterPath.newMember(partnership.key).href,
                input: input, errors: errors, partnership: (partnership.key, partnership.name),
                choices: try await RecordChoices.load(in: req.scope))
        ).response(status: .unprocessableEntity)
    }

    private static func membership(_ req: Request) async throws -> (PartnershipRecord, Membership) {
        let partnership = try await RegisterQueries.partnership(try req.parameters.require("key"), in: req.scope)
        let key = try req.parameters.require("member")
        guard let membership = try await MembershipsResource.find(key, in: req.scope),
            membership.partnershipKey == partnership.key
        else {
            throw Problem.notFound("The membership '\(key)'")
        }
        return (partnership, membership)
    }

    @Sendable static func editMembership(req: Request) async throws -> Response {
        let (partnership, membership) = try await membership(req)
        return RecordFormViews.membership(
            MembershipFormModel(
                context: req.pageContext, title: "Change a membership",
                action: RegisterPath.editMember(partnership.key, member: membership.key).href,
                input: MembershipFormInput(membership), errors: [], partnership: (partnership.key, partnership.name),
                choices: try await RecordChoices.load(in: req.scope))
        ).response()
    }

    @Sendable static func updateMembership(req: Request) async throws -> Response {
        let (partnership, membership) = try await membership(req)
        let input = try req.content.decode(MembershipFormInput.self)
        let errors = try await save(
            input.parse(key: membership.key, partnershipKey: partnership.key), mode: .update, req: req
        ) { Register(memberships: [$0]) }
        if errors.isEmpty {
            return req.redirect(to: RegisterPath.partnership(partnership.key).href(fragment: "members"))
        }
        return RecordFormViews.membership(
            MembershipFormModel(
                context: req.pageContext, title: "Change a membership",
                action: RegisterPath.editMember(partnership.key, member: membership.key).href,
                input: input, errors: errors, partnership: (partnership.key, partnership.name),
                choices: try await RecordChoices.load(in: req.scope))
        ).response(status: .unprocessableEntity)
    }

    // MARK: Terms of reference

    /// Adds the next version of a partnership's terms of reference, made by `make` from its number. The number is the
    /// server's choice: chosen again if another writer takes it first.
    static func addTerms(
        to partnership: PartnershipRecord, in scope: Scope,
        _ make: @escaping @Sendable (Int) -> (TermsOfReference?, [FieldError])
    ) async throws -> (version: Int, errors: [FieldError]) {
        try await scope.retryingCollisions(on: ["key", "version"]) {
            let version = try await nextVersion(partnership, in: scope)
            let (terms, errors) = make(version)
            guard let terms, errors.isEmpty else { return (version, errors) }
            return (
                version,
                try await RegisterEdits.write(
                    Register(termsOfReference: [terms]), mode: .create,
                    origin: RecordOrigin(.termsOfReference, "\(partnership.key)#\(version)"), in: scope)
            )
        }
    }

    private static func nextVersion(_ partnership: PartnershipRecord, in scope: Scope) async throws -> Int {
        let versions = try await TermsOfReferenceRecord.query(in: scope).filter(
            \.$partnership.$id == partnership.requireID()
        ).all().map(\.version)
        return (versions.max() ?? 0) + 1
    }

    @Sendable static func newTerms(req: Request) async throws -> Response {
        let partnership = try await RegisterQueries.partnership(try req.parameters.require("key"), in: req.scope)
        let version = try await nextVersion(partnership, in: req.scope)
        return RecordFormViews.terms(
            TermsFormModel(
                context: req.pageContext, action: RegisterPath.newTermsOfReference(partnership.key).href,
                input: TermsFormInput(), errors: [], partnership: (partnership.key, partnership.name),
                version: version)
        ).response()
    }

    @Sendable static func createTerms(req: Request) async throws -> Response {
        let partnership = try await RegisterQueries.partnership(try req.parameters.require("key"), in: req.scope)
        let input = try req.content.decode(TermsFormInput.self)
        let (version, all) = try await addTerms(to: partnership, in: req.scope) { version in
            input.parse(partnershipKey: partnership.key, version: version)
        }
        if all.isEmpty { return req.redirect(to: RegisterPath.partnership(partnership.key).href(fragment: "terms")) }
        return RecordFormViews.terms(
            TermsFormModel(
                context: req.pageContext, action: RegisterPath.newTermsOfReference(partnership.key).href,
                input: input, errors: all, partnership: (partnership.key, partnership.name), version: version)
        ).response(status: .unprocessableEntity)
    }

    /// Writes a parsed record unless parsing already found errors.
    private static func save<Value>(
        _ parsed: (Value?, [FieldError]), mode: RegisterEdits.Mode, req: Request,
        _ wrap: (Value) -> Register
    ) async throws -> [FieldError] {
        let (value, errors) = parsed
        guard let value, errors.isEmpty else {
            return errors.isEmpty ? [FieldError("key", "The form could not be read")] : errors
        }
        let register = wrap(value)
        let origin: RecordOrigin =
            if let o = register.organisations.first {
                RecordOrigin(.organisation, o.key)
            } else if let p = register.persons.first { RecordOrigin(.person, p.key) } else {
                RecordOrigin(.membership, register.memberships.first?.key ?? "")
            }
        return try await RegisterEdits.write(register, mode: mode, origin: origin, in: req.scope)
    }
}
