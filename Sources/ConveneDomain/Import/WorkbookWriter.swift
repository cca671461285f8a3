import Foundation
import XMLCoder
import ZIPFoundation

extension RegisterWorkbook {
    /// The sheet's name in an export.
    public static let sheetName = "Register"

    /// Writes the register in the layout `read` expects: one sheet with the header row (frozen at the top) and one
    /// row per membership, the columns of `RegisterCSV.columns`, dates as date cells shown as yyyy-mm-dd and salaries
    /// as numbers. Reading the result gives the register back. The same register gives the same bytes.
    public static func write(_ register: Register) throws -> Data {
        let rows = RegisterCSV.rows(register)
        let archive = try Archive(accessMode: .create)
        let parts: [(String, Data)] = [
            ("[Content_Types].xml", try encode(ContentTypesXML(), root: "Types")),
            ("_rels/.rels", try encode(RelationshipsXML.package, root: "Relationships")),
            ("xl/workbook.xml", try encode(WorkbookXML(), root: "workbook")),
            ("xl/_rels/workbook.xml.rels", try encode(RelationshipsXML.workbook, root: "Relationships")),
            ("xl/styles.xml", try encode(StyleSheetXML(), root: "styleSheet")),
            ("xl/worksheets/sheet1.xml", try worksheet(header: RegisterCSV.columns, rows: rows))
        ]
        for (path, data) in parts {
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate,
                compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw WorkbookPackage.Failure("The workbook could not be written") }
        return data
    }

    /// Every part's date in the archive, so that the same register gives the same file (ZIP's first day).
    private static let fixedDate = Date(timeIntervalSince1970: 315_532_800)

    private static let header = XMLHeader(version: 1.0, encoding: "UTF-8", standalone: "yes")

    private static func encode<Part: Encodable>(_ part: Part, root: String) throws -> Data {
        try XMLEncoder().encode(part, withRootKey: root, header: header)
    }

    /// The worksheet: its opening (namespace, the frozen header row) and closing are fixed; each row is encoded by
    /// XMLEncoder, which escapes the text, as it comes, so that only one row is ever held as XML values.
    private static func worksheet(header columns: [String], rows: [[String]]) throws -> Data {
        let encoder = XMLEncoder()
        // The attributes are the writer's own (references, style numbers, a type); only text needs escaping, and in
        // element content only these three characters.
        encoder.charactersEscapedInAttributes = []
        encoder.charactersEscapedInElements = [("&", "&amp;"), ("<", "&lt;"), (">", "&gt;")]
        let dates = Set(columns.indices.filter { RegisterCSV.dateColumns.contains(columns[$0]) })
        let numbers = Set(columns.indices.filter { RegisterCSV.numberColumns.contains(columns[$0]) })
        let letters = columns.indices.map(WorkbookCells.letters)
        var data = Data(worksheetOpening.utf8)
        func append(_ number: Int, _ fields: [String], header: Bool) throws {
            var cells: [CellXML] = []
            for (column, text) in fields.enumerated() where !text.isEmpty {
                let reference = letters[column] + String(number)
                if !header, dates.contains(column), let day = Day(text) {
                    cells.append(
                        CellXML(r: reference, s: StyleSheetXML.dateStyle, v: String(WorkbookStyles.serial(day))))
                } else if !header, numbers.contains(column), let value = Int(text) {
                    cells.append(CellXML(r: reference, v: String(value)))
                } else {
                    cells.append(
                        CellXML(
                            r: reference, s: header ? StyleSheetXML.headerStyle : nil, t: "inlineStr",
                            inline: InlineXML(t: xmlText(text))))
                }
            }
            data.append(try encoder.encode(RowXML(r: number, c: cells), withRootKey: "row"))
        }
        try append(1, columns, header: true)
        for (offset, fields) in rows.enumerated() { try append(offset + 2, fields, header: false) }
        data.append(Data(worksheetClosing.utf8))
        return data
    }

    /// Text XML 1.0 can hold: control characters other than tab and line breaks are left out.
    private static func xmlText(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 && !"\t\n\r".unicodeScalars.contains($0) })
        else { return text }
        return String(
            String.UnicodeScalarView(
                text.unicodeScalars.filter { $0.value >= 0x20 || "\t\n\r".unicodeScalars.contains($0) }))
    }

    private static let worksheetOpening = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <worksheet xmlns="\(Namespace.main)"><sheetViews><sheetView workbookViewId="0">\
        <pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>\
        <sheetData>
        """
    private static let worksheetClosing = "</sheetData></worksheet>"
}

private enum Namespace {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let package = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let contentTypes = "http://schemas.openxmlformats.org/package/2006/content-types"
}

/// A part written by XMLEncoder: the keys named here are attributes, the rest elements.
private protocol XMLAttributes: Encodable, DynamicNodeEncoding {
    static var attributes: Set<String> { get }
}

extension XMLAttributes {
    static func nodeEncoding(for key: CodingKey) -> XMLEncoder.NodeEncoding {
        attributes.contains(key.stringValue) ? .attribute : .element
    }
}

private struct RowXML: XMLAttributes {
    static let attributes: Set<String> = ["r"]
    let r: Int
    let c: [CellXML]
}

private struct CellXML: XMLAttributes {
    static let attributes: Set<String> = ["r", "s", "t"]
    var r: String
    var s: Int?
    var t: String?
    var v: String?
    var inline: InlineXML?
    enum CodingKeys: String, CodingKey { case r, s, t, v, inline = "is" }
}

private struct InlineXML: Encodable {
    let t: String
}

private struct ContentTypesXML: XMLAttributes {
    static let attributes: Set<String> = ["xmlns", "Extension", "PartName", "ContentType"]
    struct ByExtension: XMLAttributes {
        static let attributes = ContentTypesXML.attributes
        let Extension: String
        let ContentType: String
    }
    struct ByPart: XMLAttributes {
        static let attributes = ContentTypesXML.attributes
        let PartName: String
        let ContentType: String
    }
    var xmlns = Namespace.contentTypes
    var byExtension = [
        ByExtension(Extension: "rels", ContentType: "application/vnd.openxmlformats-package.relationships+xml"),
        ByExtension(Extension: "xml", ContentType: "application/xml")
    ]
    var byPart = [
        ByPart(
            PartName: "/xl/workbook.xml",
            ContentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
        ByPart(
            PartName: "/xl/worksheets/sheet1.xml",
            ContentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"),
        ByPart(
            PartName: "/xl/styles.xml",
            ContentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml")
    ]
    enum CodingKeys: String, CodingKey { case xmlns, byExtension = "Default", byPart = "Override" }
}

private struct RelationshipsXML: XMLAttributes {
    static let attributes: Set<String> = ["xmlns", "Id", "Type", "Target"]
    struct Link: XMLAttributes {
        static let attributes = RelationshipsXML.attributes
        let id: String
        let type: String
        let target: String
        enum CodingKeys: String, CodingKey { case id = "Id", type = "Type", target = "Target" }
    }
    var xmlns = Namespace.package
    let links: [Link]
    enum CodingKeys: String, CodingKey { case xmlns, links = "Relationship" }

    static let package = RelationshipsXML(links: [
        Link(id: "rId1", type: Namespace.relationships + "/officeDocument", target: "xl/workbook.xml")
    ])
    static let workbook = RelationshipsXML(links: [
        Link(id: "rId1", type: Namespace.relationships + "/worksheet", target: "worksheets/sheet1.xml"),
        Link(id: "rId2", type: Namespace.relationships + "/styles", target: "styles.xml")
    ])
}

private struct WorkbookXML: XMLAttributes {
    static let attributes: Set<String> = ["xmlns", "xmlns:r", "name", "sheetId", "r:id"]
    struct Sheets: Encodable {
        let sheet: [Sheet]
    }
    struct Sheet: XMLAttributes {
        static let attributes = WorkbookXML.attributes
        let name: String
        let sheetId: Int
        let relationship: String
        enum CodingKeys: String, CodingKey { case name, sheetId, relationship = "r:id" }
    }
    var xmlns = Namespace.main
    var relationshipsNamespace = Namespace.relationships
    var sheets = Sheets(sheet: [Sheet(name: RegisterWorkbook.sheetName, sheetId: 1, relationship: "rId1")])
    enum CodingKeys: String, CodingKey { case xmlns, relationshipsNamespace = "xmlns:r", sheets }
}

/// The least a stylesheet needs (one font, the two fills every workbook has, one border) with three cell styles:
/// plain, a date shown as yyyy-mm-dd, and the header's bold.
private struct StyleSheetXML: XMLAttributes {
    static let dateStyle = 1
    static let headerStyle = 2
    static let attributes: Set<String> = [
        "xmlns", "count", "numFmtId", "formatCode", "val", "patternType", "fontId", "fillId", "borderId", "xfId",
        "applyNumberFormat", "applyFont", "name", "builtinId"
    ]
    struct Empty: Encodable {}
    struct Value: XMLAttributes {
        static let attributes = StyleSheetXML.attributes
        let val: String
    }
    struct NumberFormats: XMLAttributes {
        static let attributes = StyleSheetXML.attributes
        struct NumberFormat: XMLAttributes {
            static let attributes = StyleSheetXML.attributes
            let numFmtId: Int
            let formatCode: String
        }
        var count = 1
        var numFmt = [NumberFormat(numFmtId: 164, formatCode: "yyyy-mm-dd")]
    }
    struct Fonts: XMLAttributes {
        static let attributes = StyleSheetXML.attributes
        struct Font: Encodable {
            var b: Empty?
            var sz = Value(val: "11")
            var name = Value(val: "Calibri")
        }
        var count = 2
        var font = [Font(), Font(b: Empty())]
    }
    struct Fills: XMLAttributes {
        static let attributes = StyleSheetXML.attributes
        struct Fill: Encodable {
            let patternFill: PatternFill
        }
        struct PatternFill: XMLAttributes {
            static let attributes = StyleSheetXML.attributes
            let patternType: String
        }
        var count = 2
        var fill = [Fill(patternFill: .init(patternType: "none")), Fill(patternFill: .init(patternType: "gray125"))]
    }
    struct Borders: XMLAttributes {
        static let attributes = StyleSheetXML.attributes
        struct Border: Encodable {
            var left = Empty(), right = Empty(), top = Empty(), bottom = Empty(), diagonal = Empty()
        }
        var count = 1
        var border = [Border()]
    }
    struct Formats: XMLAttributes {
        static let attributes = StyleSheetXML.attributes
        struct Format: XMLAttributes {
            static let attributes = StyleSheetXML.attributes
            var numFmtId = 0, fontId = 0, fillId = 0, borderId = 0
            var xfId: Int?
            var applyNumberFormat: Int?
            var applyFont: Int?
        }
        let count: Int
        let xf: [Format]
    }
    struct CellStyles: XMLAttributes {
        static let attributes = StyleSheetXML.attributes
        struct CellStyle: XMLAttributes {
            static let attributes = StyleSheetXML.attributes
            var name = "Normal", xfId = 0, builtinId = 0
        }
        var count = 1
        var cellStyle = [CellStyle()]
    }
    var xmlns = Namespace.main
    var numFmts = NumberFormats()
    var fonts = Fonts()
    var fills = Fills()
    var borders = Borders()
    var cellStyleXfs = Formats(count: 1, xf: [.init()])
    var cellXfs = Formats(
        count: 3,
        xf: [
            .init(xfId: 0), .init(numFmtId: 164, xfId: 0, applyNumberFormat: 1),
            .init(fontId: 1, xfId: 0, applyFont: 1)
        ])
    var cellStyles = CellStyles()
}
