import Foundation

/// Templates as a JSON file: `{"templates": [...]}` (a single template object is read too). Reading checks every
/// template and names each bad field by its place in the file (`templates[0].steps[2].due.months`), so an import is
/// taken whole or not at all.
public enum GuidanceTemplateFile {
    struct Wrapper: Codable { var templates: [GuidanceTemplate] }

    /// The templates, or (with none) the errors.
    public static func read(_ data: Data) -> (templates: [GuidanceTemplate], errors: [FieldError]) {
        let decoder = JSONDecoder()
        let templates: [GuidanceTemplate]
        do {
            let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            if object?["templates"] != nil {
                templates = try decoder.decode(Wrapper.self, from: data).templates
            } else {
                templates = [try decoder.decode(GuidanceTemplate.self, from: data)]
            }
        } catch let error as DecodingError {
            return ([], [fieldError(error)])
        } catch {
            return ([], [FieldError("file", "The file is not JSON: \(error.localizedDescription)")])
        }
        var errors: [FieldError] = []
        var seen: Set<String> = []
        for (index, template) in templates.enumerated() {
            let place = templates.count == 1 && !hasWrapper(data) ? "" : "templates[\(index)]."
            errors += template.check().map { FieldError(place + $0.field, $0.message) }
            if !seen.insert("\(template.key)@\(template.version)").inserted {
                errors.append(
                    FieldError(place + "version", "Version \(template.version) of \(template.key) is in the file twice")
                )
            }
        }
        return errors.isEmpty ? (templates, []) : ([], errors)
    }

    /// Sorted keys and two-space indentation, so that an export read back and written again is byte for byte the same.
    public static func write(_ templates: [GuidanceTemplate]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(Wrapper(templates: templates))
    }

    /// The guidance Convene ships, read from the domain's resources.
    public static func shipped() throws -> [GuidanceTemplate] {
        guard let folder = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
            throw FieldError("file", "The shipped guidance templates are missing from the build")
        }
        let urls = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
        var templates: [GuidanceTemplate] = []
        for url in urls.sorted(by: { $0.lastPathComponent < $1.lastPathComponent }) {
            let read = read(try Data(contentsOf: url))
            if let error = read.errors.first { throw error }
            templates += read.templates
        }
        return templates
    }

    private static func hasWrapper(_ data: Data) -> Bool {
        ((try? JSONSerialization.jsonObject(with: data)) as? [String: Any])?["templates"] != nil
    }

    static func path(_ codingPath: [CodingKey]) -> String {
        codingPath.reduce(into: "") { path, key in
            if let index = key.intValue {
                path += "[\(index)]"
            } else {
                path += (path.isEmpty ? "" : ".") + key.stringValue
            }
        }
    }

    /// A decoding error as a field error named by its place in the file.
    public static func fieldError(_ error: DecodingError) -> FieldError {
        switch error {
        case .keyNotFound(let key, let context):
            let field = path(context.codingPath + [key])
            return FieldError(field, "\(key.stringValue) is missing")
        case .typeMismatch(let type, let context):
            return FieldError(path(context.codingPath), "Expected \(describe(type))")
        case .valueNotFound(let type, let context):
            return FieldError(path(context.codingPath), "Expected \(describe(type)), not null")
        case .dataCorrupted(let context):
            return FieldError(
                context.codingPath.isEmpty ? "file" : path(context.codingPath), context.debugDescription)
        @unknown default:
            return FieldError("file", "\(error)")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: "a whole number"
        case is String.Type: "text"
        case is Bool.Type: "true or false"
        default: "\(type)".lowercased().hasPrefix("array") ? "a list" : "an object"
        }
    }
}

extension GuidanceTemplate {
    /// Field errors in the template as written, each named by its place in the template.
    public func check() -> [FieldError] {
        var checker = Checker()
        checker.require(Key.isValid(key), "key", "The key must be lower-case letters, digits and hyphens")
        checker.requireText(title, "title", "the guidance's title")
        checker.require((1...999).contains(version), "version", "The version must be a whole number from 1 to 999")
        checker.optionalText(source, "source", "the source", max: 500)
        checker.require(!steps.isEmpty, "steps", "Give at least one step")
        let keys = steps.map(\.key)
        for (index, step) in steps.enumerated() {
            let place = "steps[\(index)]"
            checker.require(
                Key.isValid(step.key), "\(place).key", "The step's key must be lower-case letters, digits and hyphens")
            checker.require(
                keys.firstIndex(of: step.key) == index, "\(place).key", "The step key '\(step.key)' is used twice")
            checker.requireText(step.title, "\(place).title", "the step's title", max: 1000)
            checker.requireText(step.evidence, "\(place).evidence", "what counts as evidence", max: 1000)
            if case .after(let months, let days, _) = step.due {
                checker.require(
                    (0...240).contains(months), "\(place).due.months", "Months after the start must be from 0 to 240")
                checker.require(
                    (0...3650).contains(days), "\(place).due.days", "Days after the start must be from 0 to 3650")
            }
            if let every = step.repeatsEveryMonths {
                checker.require(
                    (1...120).contains(every), "\(place).repeats_every_months",
                    "A step repeats every 1 to 120 months")
            }
            for other in step.after where !keys.prefix(index).contains(other) {
                checker.require(
                    false, "\(place).after", "'\(other)' is not a step before this one; a step can follow only those")
            }
        }
        return checker.errors
    }
}
