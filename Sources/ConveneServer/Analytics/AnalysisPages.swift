import ConveneDomain
import Fluent
import Foundation
import Plot
import Vapor

/// The analyses as pages: cost, load, attendance, delivery and triage, each for a period, with charts drawn by the
/// server above tables that carry the same figures (and the links to the records behind them), and a CSV download.
/// The evidence pages list the meetings behind a figure. Reading is for everyone in the workspace; changing the
/// settings, support costs and a triage plan is for editors.
enum AnalysisPages {
    static func register(read: RoutesBuilder, write: RoutesBuilder) {
        read.get(AnalysisPath.index, use: index)
        read.get(AnalysisPath.analysis(.cost), use: cost)
        read.get(AnalysisPath.costMeetings, use: costMeetings)
        read.get(AnalysisPath.analysis(.load), use: load)
        read.get(AnalysisPath.personLoad(":key"), use: personLoad)
        read.get(AnalysisPath.analysis(.attendance), use: attendance)
        read.get(AnalysisPath.analysis(.delivery), use: delivery)
        read.get(AnalysisPath.analysis(.triage), use: triage)
        write.post(AnalysisPath.analysis(.triage), use: saveTriage)
        read.get(AnalysisPath.settings, use: settings)
        write.post(AnalysisPath.settings, use: saveSettings)
        write.post(AnalysisPath.supportCosts, use: addSupportCost)
        DuplicationPages.register(read: read)
        CDPPages.register(read: read)
    }

    // MARK: The period

    struct Asked {
        var period: Period
        var errors: [FieldError]
        var from: String?
        var to: String?
        var format: AnalysisFormat?
        /// The day the figures are as of (meetings after it are planned).
        var today: Day

        /// `from` and `to` as query items, for links that keep the period.
        var query: [(String, String?)] { [("from", period.from.description), ("to", period.to.description)] }
    }

    static func asked(_ req: Request) -> Asked {
        let from = try? req.query.get(String.self, at: "from")
        let to = try? req.query.get(String.self, at: "to")
        let (period, errors) = Period.asked(from: from, to: to, today: req.now.today)
        let format = (try? req.query.get(String.self, at: "format")).flatMap(AnalysisFormat.init(rawValue:))
        return Asked(period: period, errors: errors, from: from, to: to, format: format, today: req.now.today)
    }

    static func data(_ req: Request, _ asked: Asked, for analysis: Analysis) async throws -> (
        AnalyticsData, AnalyticsSettings
    ) {
        async let data = AnalyticsStore.load(in: req.scope, period: asked.period, needs: .of(analysis))
        async let settings = AnalyticsStore.settings(in: req.scope)
        return (try await data, try await settings)
    }

    /// The CSV of an analysis, when the query asks for it.
    static func download(
        _ analysis: Analysis, _ asked: Asked, _ question: AnalysisQuestion, _ data: AnalyticsData,
        _ settings: AnalyticsSettings, priorities: [PriorityText] = []
    ) throws -> Response? {
        guard let format = asked.format, format != .text else { return nil }
        let output = try Analyses.output(
            analysis, question, data: data, settings: settings, today: asked.today, priorities: priorities)
        guard format == .csv else {
            let response = Response(status: .ok, body: .init(data: output.render(format)))
            response.headers.contentType = .json
            return response
        }
        return csv(output.render(.csv), filename: "\(analysis.rawValue)-\(asked.period.from)-\(asked.period.to).csv")
    }

    /// A CSV file to download.
    static func csv(_ data: Data, filename: String) -> Response {
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(filename)\"")
        return response
    }

    // MARK: Pages

    @Sendable static func index(req: Request) async throws -> Response {
        AnalysisViews.index(AnalysisIndexModel(context: req.pageContext, asked: asked(req))).response()
    }

    @Sendable static func cost(req: Request) async throws -> Response {
        try await KeptPages.page("analysis/cost", req) { context in
            let asked = asked(req)
            let (data, settings) = try await data(req, asked, for: .cost)
            if let csv = try download(.cost, asked, AnalysisQuestion(period: asked.period), data, settings) {
                return .file(csv)
            }
            let report = CostAudit.run(data, period: asked.period, settings: settings, today: req.now.today)
            return .page(AnalysisViews.cost(CostPageModel(context: context, asked: asked, report: report, data: data)))
        }
    }

    /// The meetings behind a cost figure: of a partnership, an organisation's people or a theme.
    @Sendable static func costMeetings(req: Request) async throws -> Response {
        let asked = asked(req)
        let (data, settings) = try await data(req, asked, for: .cost)
        let report = CostAudit.run(data, period: asked.period, settings: settings, today: req.now.today)
        let filter = CostFilter(
            partnership: try? req.query.get(String.self, at: "partnership"),
            organisation: try? req.query.get(String.self, at: "organisation"),
            theme: try? req.query.get(String.self, at: "theme"))
        let mayEdit = filter.partnership.map { _ in req.principal.map { $0.role >= .editor } ?? false } ?? false
        return AnalysisViews.costMeetings(
            CostMeetingsModel(
                context: req.pageContext, asked: asked, report: report, data: data, filter: filter, mayEdit: mayEdit)
        ).response()
    }

    struct CostFilter {
        var partnership: String?
        var organisation: String?
        var theme: String?
    }

    @Sendable static func load(req: Request) async throws -> Response {
        try await KeptPages.page("analysis/load", req) { context in
            let asked = asked(req)
            let (data, settings) = try await data(req, asked, for: .load)
            if let csv = try download(.load, asked, AnalysisQuestion(period: asked.period), data, settings) {
                return .file(csv)
            }
            let report = Load.run(data, period: asked.period, settings: settings)
            return .page(AnalysisViews.load(LoadPageModel(context: context, asked: asked, report: report, data: data)))
        }
    }

    @Sendable static func personLoad(req: Request) async throws -> Response {
        let asked = asked(req)
        let key = try req.parameters.require("key")
        let (data, settings) = try await data(req, asked, for: .load)
        guard let person = data.personsByKey[key] else { throw Problem.notFound("The person '\(key)'") }
        let report = Load.run(data, period: asked.period, settings: settings)
        return AnalysisViews.personLoad(
            PersonLoadModel(
                context: req.pageContext, asked: asked, person: person, load: report.person(key), report: report,
                data: data)
        ).response()
    }

    @Sendable static func attendance(req: Request) async throws -> Response {
        try await KeptPages.page("analysis/attendance", req) { context in
            let asked = asked(req)
            let (data, settings) = try await data(req, asked, for: .attendance)
            if let csv = try download(.attendance, asked, AnalysisQuestion(period: asked.period), data, settings) {
                return .file(csv)
            }
            let report = AttendanceQuality.run(data, period: asked.period, today: req.now.today)
            return .page(AnalysisViews.attendance(AttendancePageModel(context: context, asked: asked, report: report)))
        }
    }

    @Sendable static func delivery(req: Request) async throws -> Response {
        try await KeptPages.page("analysis/delivery", req) { context in
            let asked = asked(req)
            let (data, settings) = try await data(req, asked, for: .delivery)
            if let csv = try download(.delivery, asked, AnalysisQuestion(period: asked.period), data, settings) {
                return .file(csv)
            }
            let report = Delivery.run(data, period: asked.period, today: req.now.today)
            return .page(
                AnalysisViews.delivery(
                    DeliveryPageModel(context: context, asked: asked, report: report, data: data)
                ))
        }
    }

    // MARK: Triage

    @Sendable static func triage(req: Request) async throws -> Response {
        try await KeptPages.page("analysis/triage", req) { context in
            var asked = asked(req)
            let (data, settings) = try await data(req, asked, for: .triage)
            let personKey =
                (try? req.query.get(String.self, at: "person")).flatMap { $0.isEmpty ? nil : $0 } ?? data.pcc?.key
            let capacityText = try? req.query.get(String.self, at: "capacity")
            var capacity = Triage.defaultCapacity
            if let capacityText, !capacityText.isEmpty {
                do { capacity = try Triage.capacity(capacityText) } catch let error as FieldError {
                    asked.errors.append(error)
                }
            }
            if let personKey, data.personsByKey[personKey] == nil {
                asked.errors.append(FieldError("person", "There is no person '\(personKey)'"))
            }
            let person = personKey.flatMap { data.personsByKey[$0] }
            if let person,
                let csv = try download(
                    .triage, asked, AnalysisQuestion(period: asked.period, personKey: person.key, capacity: capacity),
                    data,
                    settings)
            {
                return .file(csv)
            }
            let report = person.map {
                Analyses.triage(
                    data, personKey: $0.key, capacity: capacity, period: asked.period, settings: settings,
                    today: req.now.today)
            }
            let plan = try await person.asyncMap { try await savedPlan(of: $0.key, in: req.scope) } ?? nil
            let people = data.persons.sorted { $0.name < $1.name }.map { ($0.key, $0.name) }
            return .page(
                AnalysisViews.triage(
                    TriagePageModel(
                        context: context, asked: asked, report: report, person: person, people: people,
                        capacity: capacityText ?? String(capacity), plan: plan,
                        saved: (try? req.query.get(Bool.self, at: "saved")) == true)
                ))
        }
    }

    struct SavedPlan {
        var capacity: Int
        var updatedAt: Date?
        var choices: [String: (recommended: Triage.Recommendation, choice: Triage.Recommendation)]
    }

    static func savedPlan(of personKey: String, in scope: Scope) async throws -> SavedPlan? {
        guard let person = try await PersonRecord.query(in: scope).filter(\.$key == personKey).first(),
            let plan = try await TriagePlanRecord.query(in: scope).filter(\.$person.$id == person.requireID()).first()
        else { return nil }
        let choices = try await TriageChoiceRecord.query(in: scope).filter(\.$plan.$id == plan.requireID()).with(
            \.$partnership
        ).all()
        return SavedPlan(
            capacity: plan.capacity, updatedAt: plan.updatedAt,
            choices: Dictionary(
                choices.compactMap { c in
                    guard let recommended = Triage.Recommendation(rawValue: c.recommended),
                        let choice = Triage.Recommendation(rawValue: c.choice)
                    else { return nil }
                    return (c.partnership.key, (recommended, choice))
                }, uniquingKeysWith: { a, _ in a }))
    }

    /// Saves a person's plan: for each partnership triage recommended something for, the recommendation and the
    /// choice made (the recommendation accepted, or another). The recommendations are worked out again here, so a
    /// plan records what triage said when it was saved.
    @Sendable static func saveTriage(req: Request) async throws -> Response {
        struct Input: Content { var person: String; var capacity: String; var from: String?; var to: String? }
        let input = try req.content.decode(Input.self)
        let body = try req.content.decode([String: String].self)
        let (period, periodErrors) = Period.asked(from: input.from, to: input.to, today: req.now.today)
        guard periodErrors.isEmpty else { throw Problem.invalid(periodErrors) }
        let data = try await AnalyticsStore.load(in: req.scope, period: period, needs: .of(.triage))
        guard data.personsByKey[input.person] != nil else {
            throw Problem.invalid([FieldError("person", "There is no person '\(input.person)'")])
        }
        let capacity: Int
        do { capacity = try Triage.capacity(input.capacity) } catch { throw Problem.invalid([error]) }
        let report = Analyses.triage(
            data, personKey: input.person, capacity: capacity, period: period,
            settings: try await AnalyticsStore.settings(in: req.scope), today: req.now.today)
        let choices = report.entries.map { entry in
            (
                entry.partnershipKey, entry.recommendation,
                body["choice-\(entry.partnershipKey)"].flatMap(Triage.Recommendation.init(rawValue:))
                    ?? entry.recommendation
            )
        }
        let partnershipIDs = Dictionary(
            uniqueKeysWithValues: try await PartnershipRecord.query(in: req.scope)
                .filter(\.$key ~~ choices.map(\.0)).all().map { ($0.key, $0.id!) })
        let person = try await PersonRecord.query(in: req.scope).filter(\.$key == input.person).first()!
        let before = try await savedPlan(of: input.person, in: req.scope)
        struct Audited: Codable, Equatable { var capacity: Int; var choices: [String: String] }
        let after = Audited(
            capacity: capacity, choices: Dictionary(uniqueKeysWithValues: choices.map { ($0.0, $0.2.rawValue) }))
        let previous = before.map { Audited(capacity: $0.capacity, choices: $0.choices.mapValues(\.choice.rawValue)) }
        try await req.scope.audited { scope, audit in
            let personID = try person.requireID()
            let plan =
                try await TriagePlanRecord.query(in: scope).filter(\.$person.$id == personID).first()
                ?? {
                    let plan = TriagePlanRecord()
                    scope.claim(plan)
                    plan.$person.id = personID
                    return plan
                }()
            plan.capacity = capacity
            try await plan.save(on: scope.db)
            try await TriageChoiceRecord.query(in: scope).filter(\.$plan.$id == plan.requireID()).delete()
            let rows = choices.compactMap { key, recommended, chosen -> TriageChoiceRecord? in
                guard let id = partnershipIDs[key] else { return nil }
                let row = TriageChoiceRecord()
                scope.claim(row)
                row.$plan.id = plan.id!
                row.$partnership.id = id
                row.recommended = recommended.rawValue
                row.choice = chosen.rawValue
                return row
            }
            if !rows.isEmpty { try await rows.create(on: scope.db) }
            audit.note(
                previous == nil ? "create" : "update", "triage plan", input.person, before: previous, after: after)
        }
        return req.redirect(
            to: AnalysisPath.analysis(.triage).href(
                [
                    ("person", input.person), ("capacity", String(capacity)), ("from", period.from.description),
                    ("to", period.to.description), ("saved", "true")
                ], fragment: "plan"))
    }

    // MARK: Settings and support costs

    @Sendable static func settings(req: Request) async throws -> Response {
        let settings = try await AnalyticsStore.settings(in: req.scope)
        let values = Dictionary(
            uniqueKeysWithValues: AnalyticsSettings.definitions.map { ($0.key, String(settings.value($0))) })
        return AnalysisViews.settings(
            AnalysisSettingsModel(
                context: req.pageContext, values: values, errors: [],
                saved: (try? req.query.get(Bool.self, at: "saved")) == true)
        ).response()
    }

    @Sendable static func saveSettings(req: Request) async throws -> Response {
        let body = try req.content.decode([String: String].self)
        var errors: [FieldError] = []
        var checked = try await AnalyticsStore.settings(in: req.scope)
        for definition in AnalyticsSettings.definitions {
            if let value = body[definition.key], let error = checked.set(definition.key, value) { errors.append(error) }
        }
        guard errors.isEmpty else {
            var values = Dictionary(
                uniqueKeysWithValues: AnalyticsSettings.definitions.map { ($0.key, String(checked.value($0))) })
            for definition in AnalyticsSettings.definitions {
                if let value = body[definition.key] { values[definition.key] = value }
            }
            return AnalysisViews.settings(
                AnalysisSettingsModel(context: req.pageContext, values: values, errors: errors, saved: false)
            ).response(status: .unprocessableEntity)
        }
        for definition in AnalyticsSettings.definitions {
            if let value = body[definition.key] {
                _ = try await AnalyticsStore.set(definition.key, value, in: req.scope)
            }
        }
        return req.redirect(to: AnalysisPath.settings.href(["saved": "true"]))
    }

    @Sendable static func addSupportCost(req: Request) async throws -> Response {
        struct Input: Content {
            var partnership: String; var label: String?; var minutes_per_meeting: String?; var salary: String?
        }
        let input = try req.content.decode(Input.self)
        let partnership = try await RegisterQueries.partnership(input.partnership, in: req.scope)
        var errors: [FieldError] = []
        let minutes = Int(input.minutes_per_meeting?.trimmingCharacters(in: .whitespaces) ?? "")
        if minutes == nil {
            errors.append(FieldError("minutes_per_meeting", "Enter the minutes each meeting takes, like 240"))
        }
        let salaryText =
            input.salary?.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "£", with: "")
            .trimmingCharacters(in: .whitespaces) ?? ""
        let salary = salaryText.isEmpty ? nil : Int(salaryText)
        if !salaryText.isEmpty && salary == nil {
            errors.append(
                FieldError("salary", "Enter the salary in whole pounds a year, like 32000, or leave it empty"))
        }
        let draft = SupportCost(
            key: "support", partnershipKey: partnership.key, label: input.label ?? "", minutesPerMeeting: minutes ?? 0,
            salary: salary)
        if errors.isEmpty { errors = draft.validate() }
        guard errors.isEmpty else {
            // The partnership's cost page again, with the form as it was typed and what is wrong with it.
            let asked = Asked(
                period: Period.year(to: req.now.today), errors: [], from: nil, to: nil, format: nil,
                today: req.now.today)
            let (data, settings) = try await data(req, asked, for: .cost)
            let report = CostAudit.run(data, period: asked.period, settings: settings, today: req.now.today)
            return AnalysisViews.costMeetings(
                CostMeetingsModel(
                    context: req.pageContext, asked: asked, report: report, data: data,
                    filter: CostFilter(partnership: partnership.key), mayEdit: true, errors: errors,
                    input: .init(label: input.label, minutes: input.minutes_per_meeting, salary: input.salary))
            )
            .response(status: .unprocessableEntity)
        }
        try await req.scope.withUnusedKey("support", SupportCostRecord.self, key: \.$key, numbered: true) { key in
            var cost = draft
            cost.key = key
            try await req.scope.audited { [cost] scope, audit in
                let row = SupportCostRecord()
                scope.claim(row)
                row.$partnership.id = try partnership.requireID()
                row.key = cost.key
                row.label = cost.label
                row.minutesPerMeeting = cost.minutesPerMeeting
                row.salary = cost.salary
                try await row.create(on: scope.db)
                audit.note("create", "support cost", cost.key, before: nil as SupportCost?, after: cost)
            }
        }
        return req.redirect(to: AnalysisPath.costMeetings.href(["partnership": partnership.key], fragment: "support"))
    }
}
