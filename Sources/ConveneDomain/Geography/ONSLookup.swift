import Foundation

/// Reads ONS lookup files (district → CSP area → force area, district → upper tier, district → ICB…)
/// of any vintage into areas and area links.
///
/// Columns are recognised by their header, `<prefix><two-digit year><suffix>`: LAD19CD, LAD24NM,
/// ltla24_code, utla23_name, CSP24CD, PFA24CD, icb24_code. Other columns are ignored, except one
/// whose header contains "share" (share_lsoa), which becomes the share of each link made from the row.
///
/// Each row yields its district, every other area in it, and a link from the district to each.
/// A unitary authority is one area of kind district: when a row's upper-tier code equals its
/// district code, no upper-tier area and no link are made, so that no two areas share a code.
/// A district with no upper-tier link is therefore its own upper tier (see `Footprint`).
///
/// A file without a district column is a list of areas (the force areas' list: code, name and a count): each row
/// yields the areas in it, and no links. A file with no ONS area columns at all, or that is not CSV text, cannot be
/// used: `read` names it with the reason as a warning, so that a whole ONS download can be given at once.
public enum ONSLookup {
    /// What a column holds, read from its header.
    struct Header: Equatable {
        enum Level: Int, CaseIterable {
            case district, upperTier, communitySafetyPartnership, policeForce, integratedCareBoard
            case healthBoard, region, country
            /// Sub-ICB locations: recognised, so the file is not "unrecognised", but not kept.
            case ignored

            var kind: AreaKind? {
                switch self {
                case .district: .district
                case .upperTier: .upperTierAuthority
                case .communitySafetyPartnership: .communitySafetyPartnershipArea
                case .policeForce: .policeForceArea
                case .integratedCareBoard: .integratedCareBoard
                case .healthBoard: .healthBoard
                case .region: .region
                case .country: .country
                case .ignored: nil
                }
            }
        }

        var prefix: String
        var level: Level
        var year: Int
        var isCode: Bool
    }

    /// Longer prefixes first, so that "ctyua" is not read as "cty".
    private static let prefixes: [(String, Header.Level)] = [
        ("sicbl", .ignored), ("ctyua", .upperTier), ("ltla", .district), ("utla", .upperTier),
        ("ctry", .country), ("lad", .district), ("cty", .upperTier), ("csp", .communitySafetyPartnership),
        ("pfa", .policeForce), ("icb", .integratedCareBoard), ("lhb", .healthBoard), ("rgn", .region)
    ]

    /// "LAD24CD" → district code of 2024; nil for anything else ("icb24_code_nhs", "FID").
    static func header(_ text: String) -> Header? {
        let lower = text.trimmingCharacters(in: .whitespaces).lowercased()
        for (prefix, level) in prefixes where lower.hasPrefix(prefix) {
            let rest = lower.dropFirst(prefix.count)
            let digits = rest.prefix(2)
            guard digits.count == 2, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let year = Int(digits) else {
                return nil
            }
            switch rest.dropFirst(2) {
            case "cd", "_code": return Header(prefix: prefix, level: level, year: year, isCode: true)
            case "nm", "_name": return Header(prefix: prefix, level: level, year: year, isCode: false)
            default: return nil
            }
        }
        return nil
    }

    /// The code and name columns chosen for one level of geography.
    private struct Columns {
        var level: Header.Level
        var code: Int
        var codeHeader: String
        var name: Int?
        var nameHeader: String?
    }

    public static func read(_ data: Data) -> ImportBatch {
        var batch = ImportBatch()
        let table: CSV.Table
        do {
            table = try CSV.read(data)
        } catch {
            let problem = issue(for: error)
            batch.warnings.append(
                ImportIssue(problem.location, "This file cannot be used, so it was left out: \(problem.message)"))
            return batch
        }

        let headers = table.header.map(header)
        let levels = chooseColumns(table.header, headers).filter { $0.level != .ignored }
        guard !levels.isEmpty else {
            batch.warnings.append(
                ImportIssue(
                    "file",
                    "This file has no ONS area columns, so it was left out; expected headers such as LAD24CD, "
                        + "ltla23_code or PFA24CD"))
            return batch
        }
        guard let district = levels.first(where: { $0.level == .district }) else {
            return readList(table, levels, into: batch)
        }
        let others = levels.filter { $0.level != .district }
        let force = others.first { $0.level == .policeForce }
        let shareColumn = table.header.firstIndex { $0.lowercased().contains("share") }

        var reader = Reader()
        for row in table.rows {
            let location = "row \(row.number)"
            guard let districtCode = table.value(row, district.code) else {
                batch.issues.append(ImportIssue(location, field: district.codeHeader, "Enter the district's code"))
                continue
            }
            guard Area.isValidCode(districtCode) else {
                batch.issues.append(ImportIssue(location, field: district.codeHeader, invalidCode(districtCode)))
                continue
            }

            var share: Double?
            if let shareColumn, let text = table.value(row, shareColumn) {
                if let value = Double(text), value > 0, value <= 1 {
                    share = value
                } else {
                    batch.issues.append(
                        ImportIssue(
                            location, field: table.header[shareColumn],
                            "'\(text)' is not a share; expected a number above 0 and at most 1, like 0.25"))
                }
            }

            // The row's force area is the parent of its district and of its CSP area.
            var forceCode: String?
            if let force, let code = table.value(row, force.code), Area.isValidCode(code) { forceCode = code }

            for columns in others {
                guard let code = table.value(row, columns.code) else { continue }
                guard Area.isValidCode(code) else {
                    batch.issues.append(ImportIssue(location, field: columns.codeHeader, invalidCode(code)))
                    continue
                }
                // A unitary authority is its own upper tier: one area, no link to itself.
                if code == districtCode { continue }
                let parent = columns.level == .communitySafetyPartnership ? forceCode : nil
                reader.area(
                    code, name: table.value(row, columns.name), kind: columns.level.kind!, parent: parent,
                    nameHeader: columns.nameHeader, location: location, batch: &batch)
                reader.link(districtCode, code, share: share)
            }
            reader.area(
                districtCode, name: table.value(row, district.name), kind: .district, parent: forceCode,
                nameHeader: district.nameHeader, location: location, batch: &batch)
        }
        batch.register.areas = reader.areas
        batch.register.areaLinks = reader.links
        return batch
    }

    /// A list of areas (no district column): each row's areas, a CSP area's parent its row's force area.
    private static func readList(_ table: CSV.Table, _ levels: [Columns], into batch: ImportBatch) -> ImportBatch {
        var batch = batch
        var reader = Reader()
        let force = levels.first { $0.level == .policeForce }
        for row in table.rows {
            let location = "row \(row.number)"
            var forceCode: String?
            if let force, let code = table.value(row, force.code), Area.isValidCode(code) { forceCode = code }
            for columns in levels {
                guard let code = table.value(row, columns.code) else {
                    batch.issues.append(ImportIssue(location, field: columns.codeHeader, "Enter the area's code"))
                    continue
                }
                guard Area.isValidCode(code) else {
                    batch.issues.append(ImportIssue(location, field: columns.codeHeader, invalidCode(code)))
                    continue
                }
                reader.area(
                    code, name: table.value(row, columns.name), kind: columns.level.kind!,
                    parent: columns.level == .communitySafetyPartnership ? forceCode : nil,
                    nameHeader: columns.nameHeader, location: location, batch: &batch)
            }
        }
        batch.register.areas = reader.areas
        return batch
    }

    /// Every file of a download read into one batch, each problem and warning named with its file; the areas given
    /// first (the built-in force areas) keep their names. A file that cannot be used is a warning, unless none can.
    public static func read(_ files: [(name: String, data: Data)], first: [Area] = []) -> ImportBatch {
        var given = ImportBatch()
        given.register.areas = first
        let batches = files.map { file in
            var batch = read(file.data)
            batch.issues = batch.issues.map { ImportIssue("\(file.name) \($0.location)", field: $0.field, $0.message) }
            batch.warnings = batch.warnings.map {
                ImportIssue("\(file.name) \($0.location)", field: $0.field, $0.message)
            }
            return batch
        }
        var merged = merge([given] + batches)
        if !files.isEmpty && batches.allSatisfy({ $0.register.areas.isEmpty && $0.issues.isEmpty }) {
            merged.issues += merged.warnings
            merged.warnings = []
        }
        return merged
    }

    /// Several lookups read into one: areas by code (the first name wins, a known parent fills a
    /// missing one, a district stays a district), links by district and area.
    public static func merge(_ batches: [ImportBatch]) -> ImportBatch {
        var merged = ImportBatch()
        var areaIndex: [String: Int] = [:]
        var linkIndex: [AreaLinkKey: Int] = [:]
        for batch in batches {
            for area in batch.register.areas {
                if let i = areaIndex[area.code] {
                    if merged.register.areas[i].parentCode == nil {
                        merged.register.areas[i].parentCode = area.parentCode
                    }
                    if area.kind == .district { merged.register.areas[i].kind = .district }
                } else {
                    areaIndex[area.code] = merged.register.areas.count
                    merged.register.areas.append(area)
                }
            }
            for link in batch.register.areaLinks {
                let key = AreaLinkKey(district: link.districtCode, area: link.areaCode)
                if let i = linkIndex[key] {
                    if merged.register.areaLinks[i].share == nil { merged.register.areaLinks[i].share = link.share }
                } else {
                    linkIndex[key] = merged.register.areaLinks.count
                    merged.register.areaLinks.append(link)
                }
            }
            merged.origins.merge(batch.origins) { first, _ in first }
            merged.issues += batch.issues
            merged.warnings += batch.warnings
        }
        return merged
    }

    private struct AreaLinkKey: Hashable {
        var district: String
        var area: String
    }

    /// Collects areas and links once each, in the order the file first gives them.
    private struct Reader {
        var areas: [Area] = []
        var links: [AreaLink] = []
        private var areaIndex: [String: Int] = [:]
        private var nameRow: [String: String] = [:]
        private var linkIndex: [AreaLinkKey: Int] = [:]

        mutating func area(
            _ code: String, name: String?, kind: AreaKind, parent: String?,
            nameHeader: String?, location: String, batch: inout ImportBatch
        ) {
            guard let i = areaIndex[code] else {
                areaIndex[code] = areas.count
                nameRow[code] = location
                // A lookup without a name column still yields the area, named by its code.
                areas.append(Area(code: code, name: name ?? code, kind: kind, parentCode: parent))
                batch.origins[RecordOrigin(.area, code)] = location
                return
            }
            if let name, name != areas[i].name {
                batch.issues.append(
                    ImportIssue(
                        location, field: nameHeader,
                        "\(code) is called '\(name)' here but '\(areas[i].name)' in \(nameRow[code] ?? "an earlier row"); use one name for each code"
                    ))
            }
            if areas[i].parentCode == nil { areas[i].parentCode = parent }
        }

        /// A district split over several rows for the same area (parts of it, with shares) adds the shares up.
        mutating func link(_ district: String, _ area: String, share: Double?) {
            let key = AreaLinkKey(district: district, area: area)
            guard let i = linkIndex[key] else {
                linkIndex[key] = links.count
                links.append(AreaLink(districtCode: district, areaCode: area, share: share))
                return
            }
            if let share, let existing = links[i].share {
                links[i].share = min(1, existing + share)
            }
        }
    }

    /// Per level, the latest vintage's code column and the name column of the same prefix and year.
    private static func chooseColumns(_ names: [String], _ headers: [Header?]) -> [Columns] {
        let found = headers.enumerated().compactMap { index, header in header.map { (index, $0) } }
        let prefixOrder = Dictionary(uniqueKeysWithValues: prefixes.enumerated().map { ($1.0, $0) })
        var chosen: [Columns] = []
        for level in Header.Level.allCases {
            let codes = found.filter { $0.1.level == level && $0.1.isCode }
                .sorted { ($1.1.year, prefixOrder[$0.1.prefix]!) < ($0.1.year, prefixOrder[$1.1.prefix]!) }
            guard let (codeIndex, code) = codes.first else { continue }
            let name =
                found.first { !$0.1.isCode && $0.1.prefix == code.prefix && $0.1.year == code.year }
                ?? found.first { !$0.1.isCode && $0.1.level == level }
            chosen.append(
                Columns(
                    level: level, code: codeIndex, codeHeader: names[codeIndex],
                    name: name?.0, nameHeader: name.map { names[$0.0] }))
        }
        return chosen
    }

    private static func invalidCode(_ code: String) -> String {
        "'\(code)' is not an ONS code; expected a letter and eight digits, like E06000019"
    }

    private static func issue(for error: CSV.ReadError) -> ImportIssue {
        switch error {
        case .notUTF8(let line):
            ImportIssue("line \(line)", "The file is not UTF-8 text; save it from the spreadsheet as \"CSV UTF-8\"")
        case .unterminatedQuote(let row):
            ImportIssue("row \(row)", "A quoted field is never closed")
        case .empty:
            ImportIssue("file", "The file is empty; expected a header row")
        }
    }
}
