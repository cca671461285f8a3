import Foundation
import XMLCoder
import ZIPFoundation

/// An .xlsx file opened for reading: a ZIP archive (ZIPFoundation) of XML parts, found through their relationships
/// as the Office Open XML standard (ECMA-376) lays them out. The small parts are decoded with XMLCoder; sheets and
/// the shared strings, which grow with the rows, are read as a stream of cells (`WorkbookCells`).
struct WorkbookPackage {
    /// A problem with the file as a whole, in words a person can act on.
    struct Failure: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }

    /// One sheet, in the order the workbook lists them.
    struct Sheet {
        let name: String
        let path: String
    }

    let archive: Archive
    let sheets: [Sheet]
    let sharedStringsPath: String?
    let styles: WorkbookStyles

    init(_ data: Data) throws(Failure) {
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw Failure(
                "The file is not an Excel workbook (.xlsx); save it from the spreadsheet as "
                    + "\"Excel Workbook (.xlsx)\", without a password")
        }
        guard archive["_rels/.rels"] != nil || archive["xl/workbook.xml"] != nil else {
            throw Failure(
                "The file is a ZIP archive but not an Excel workbook (.xlsx); save it from the spreadsheet as "
                    + "\"Excel Workbook (.xlsx)\"")
        }
        let packageRelations = try Self.relationships(of: "", in: archive)
        let workbookPath =
            packageRelations.first { $0.type.hasSuffix("/officeDocument") }.map { Self.resolve($0.target, from: "") }
            ?? "xl/workbook.xml"
        let workbook: WorkbookPart = try Self.decode(workbookPath, in: archive)
        let relations = try Self.relationships(of: workbookPath, in: archive)
        let targets = Dictionary(
            relations.map { ($0.id, Self.resolve($0.target, from: workbookPath)) }, uniquingKeysWith: { a, _ in a })
        sheets = (workbook.sheets.sheet ?? []).compactMap { sheet in
            sheet.relationship.flatMap { targets[$0] }.map { Sheet(name: sheet.name, path: $0) }
        }
        sharedStringsPath = relations.first { $0.type.hasSuffix("/sharedStrings") }.map {
            Self.resolve($0.target, from: workbookPath)
        }
        let stylesPath = relations.first { $0.type.hasSuffix("/styles") }.map {
            Self.resolve($0.target, from: workbookPath)
        }
        let date1904 = ["1", "true"].contains(workbook.workbookPr?.date1904?.lowercased() ?? "")
        if let stylesPath, Self.entry(stylesPath, in: archive) != nil {
            styles = WorkbookStyles(try Self.decode(stylesPath, in: archive) as StylesPart, date1904: date1904)
        } else {
            styles = WorkbookStyles(StylesPart(numFmts: nil, cellXfs: nil), date1904: date1904)
        }
    }

    /// A part's bytes, unzipped.
    func data(_ path: String) throws(Failure) -> Data {
        try Self.data(path, in: archive)
    }

    static func data(_ path: String, in archive: Archive) throws(Failure) -> Data {
        guard let entry = entry(path, in: archive) else {
            throw Failure("The workbook has no part \(path); save it again from the spreadsheet as .xlsx")
        }
        var data = Data()
        do {
            _ = try archive.extract(entry) { data.append($0) }
        } catch {
            throw Failure("The workbook's part \(path) cannot be unzipped; the file may be damaged")
        }
        return data
    }

    /// A part by its name; as in Office, a name differing only in case is the same part.
    static func entry(_ path: String, in archive: Archive) -> Entry? {
        archive[path] ?? archive.first { $0.path.lowercased() == path.lowercased() }
    }

    static func decode<Part: Decodable>(_ path: String, in archive: Archive) throws(Failure) -> Part {
        let data = try data(path, in: archive)
        let decoder = XMLDecoder()
        // Element names without their prefix, so that `x:sheet` (some producers write one) reads as `sheet`.
        decoder.shouldProcessNamespaces = true
        do {
            return try decoder.decode(Part.self, from: data)
        } catch {
            throw Failure("The workbook's part \(path) cannot be read: \(error.localizedDescription)")
        }
    }

    /// The relationships of a part (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`), or of the package ("").
    static func relationships(of part: String, in archive: Archive) throws(Failure) -> [Relationship] {
        let folder = (part as NSString).deletingLastPathComponent
        let name = (part as NSString).lastPathComponent
        let path = (folder.isEmpty ? "" : folder + "/") + "_rels/\(name).rels"
        guard entry(path, in: archive) != nil else { return [] }
        let part: RelationshipsPart = try decode(path, in: archive)
        return part.relationship ?? []
    }

    /// A relationship's target as a path in the archive: absolute (`/xl/worksheets/sheet1.xml`) or relative to the
    /// folder of the part it belongs to (`worksheets/sheet1.xml`, `../media/x.png`).
    static func resolve(_ target: String, from part: String) -> String {
        var components: [Substring] =
            target.hasPrefix("/") ? [] : (part as NSString).deletingLastPathComponent.split(separator: "/")
        for component in target.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": _ = components.popLast()
            default: components.append(component)
            }
        }
        return components.joined(separator: "/")
    }
}

// The parts' XML, as XMLCoder decodes it: only what the reader uses. Attributes and child elements are both read by
// name.

struct RelationshipsPart: Decodable {
    struct Relationship: Decodable {
        let id: String
        let type: String
        let target: String
        enum CodingKeys: String, CodingKey { case id = "Id", type = "Type", target = "Target" }
    }
    let relationship: [Relationship]?
    enum CodingKeys: String, CodingKey { case relationship = "Relationship" }
}

typealias Relationship = RelationshipsPart.Relationship

struct WorkbookPart: Decodable {
    struct Properties: Decodable {
        let date1904: String?
    }
    struct Sheets: Decodable {
        let sheet: [SheetEntry]?
    }
    struct SheetEntry: Decodable {
        let name: String
        /// The relationship naming the sheet's part: `r:id`, whatever the prefix the workbook gave the namespace.
        let relationship: String?

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: AnyKey.self)
            name = try container.decode(String.self, forKey: AnyKey("name"))
            let key = container.allKeys.first { $0.stringValue == "id" || $0.stringValue.hasSuffix(":id") }
            relationship = try key.map { try container.decode(String.self, forKey: $0) }
        }
    }
    let workbookPr: Properties?
    let sheets: Sheets
}

struct StylesPart: Decodable {
    struct NumberFormats: Decodable {
        let numFmt: [NumberFormat]?
    }
    struct NumberFormat: Decodable {
        let numFmtId: Int
        let formatCode: String
    }
    struct CellFormats: Decodable {
        let xf: [CellFormat]?
    }
    struct CellFormat: Decodable {
        let numFmtId: Int?
    }
    let numFmts: NumberFormats?
    let cellXfs: CellFormats?
}

/// A coding key for any name, to look through the keys XMLCoder found.
struct AnyKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// Which cell styles show a number as a date, and the workbook's date system.
struct WorkbookStyles {
    /// For each cell style (`s` on a cell), whether its number format is a date's.
    let isDateStyle: [Bool]
    /// True when serial 0 is 1 January 1904 (Excel for Mac's old default), not 31 December 1899.
    let date1904: Bool

    init(_ part: StylesPart, date1904: Bool) {
        let custom = Dictionary(
            (part.numFmts?.numFmt ?? []).map { ($0.numFmtId, $0.formatCode) }, uniquingKeysWith: { a, _ in a })
        isDateStyle = (part.cellXfs?.xf ?? []).map { format in
            let id = format.numFmtId ?? 0
            return custom[id].map(WorkbookStyles.showsDate) ?? WorkbookStyles.builtInDates.contains(id)
        }
        self.date1904 = date1904
    }

    func isDate(style: Int) -> Bool {
        style >= 0 && style < isDateStyle.count && isDateStyle[style]
    }

    /// The built-in number formats that show a date (ECMA-376 part 1, 18.8.30, with the East Asian ones).
    static let builtInDates: Set<Int> = Set(14...17).union([22]).union(27...36).union(50...58)

    /// A format code shows a date when it has a day, month or year outside quoted text, escaped characters and
    /// `[…]` sections (colours, locales, elapsed hours). `m` alone beside hours or seconds is minutes.
    static func showsDate(_ code: String) -> Bool {
        var letters = Set<Character>()
        var quoted = false
        var bracketed = false
        var escaped = false
        // Only the first section counts: the one for positive numbers.
        for character in code.lowercased() {
            if escaped {
                escaped = false
                continue
            }
            switch character {
            case "\"": quoted.toggle()
            case "\\" where !quoted: escaped = true
            case "[" where !quoted: bracketed = true
            case "]" where !quoted: bracketed = false
            case ";" where !quoted && !bracketed: return isDate(letters)
            default: if !quoted && !bracketed { letters.insert(character) }
            }
        }
        return isDate(letters)
    }

    private static func isDate(_ letters: Set<Character>) -> Bool {
        letters.contains("d") || letters.contains("y")
            || (letters.contains("m") && !letters.contains("h") && !letters.contains("s"))
    }

    /// The day an Excel serial number stands for, in the workbook's date system; nil for none (before the system's
    /// first day, or 29 February 1900, which Excel counts but never was). A time of day is dropped.
    func day(serial: Double) -> Day? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        let whole = Int(serial.rounded(.down))
        if date1904 { return Day(year: 1904, month: 1, day: 1)?.adding(days: whole) }
        switch whole {
        case 0, 60: return nil
        case ..<60: return Day(year: 1899, month: 12, day: 31)?.adding(days: whole)
        default: return Day(year: 1899, month: 12, day: 30)?.adding(days: whole)
        }
    }

    /// The serial number of a day in the 1900 date system, as the writer stores it.
    static func serial(_ day: Day) -> Int {
        day.ordinal - Day(year: 1899, month: 12, day: 30)!.ordinal
    }
}
