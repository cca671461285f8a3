import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A worksheet's cells and the shared strings, read as a stream of XML events by Foundation's `XMLParser` (libxml2),
/// the parser XMLCoder itself is built on. These two parts grow with the rows, and XMLCoder decodes a whole document
/// into trees of values first: 10,000 rows took it 34 s and 430 MB (a release build, measured on 2 cores), where the
/// stream, which keeps one row at a time, reads 50,000 in about 3 s.
enum WorkbookCells {
    /// A cell's content, turned into the text the sheet's columns are read from, or why it cannot be.
    enum Value: Equatable {
        case text(String)
        case problem(String)
    }

    struct Cell {
        /// From 0 for column A.
        let column: Int
        let value: Value
    }

    struct Row {
        let number: Int
        let cells: [Cell]
    }

    /// A merged range, by row numbers and columns from 0.
    struct Merge {
        let rows: ClosedRange<Int>
        let columns: ClosedRange<Int>
    }

    /// Reads a worksheet part, handing each row that has a value to `row`; returns the merged ranges.
    static func read(
        _ data: Data, part: String, strings: [String], styles: WorkbookStyles, row: @escaping (Row) -> Void
    ) throws(WorkbookPackage.Failure) -> [Merge] {
        let reader = SheetEvents(strings: strings, styles: styles, row: row)
        try parse(data, part: part, with: reader)
        return reader.merges
    }

    /// Reads the shared strings part: the text of each `<si>`, its rich-text runs joined, phonetic guides left out.
    static func sharedStrings(_ data: Data, part: String) throws(WorkbookPackage.Failure) -> [String] {
        let reader = SharedStringEvents()
        try parse(data, part: part, with: reader)
        return reader.strings
    }

    private static func parse(_ data: Data, part: String, with delegate: XMLParserDelegate) throws(WorkbookPackage
        .Failure)
    {
        // From a stream: on Linux, XMLParser(data:) gives up on a part over 10 MB on one line, as Excel writes them
        // (swift-corelibs-foundation issue 4851); the stream has no such limit.
        let parser = XMLParser(stream: InputStream(data: data))
        parser.delegate = delegate
        guard parser.parse() else {
            throw WorkbookPackage.Failure(
                "The workbook's part \(part) is not valid XML (line \(parser.lineNumber)); the file may be damaged")
        }
    }

    /// An element's name without its namespace prefix (`x:c` is `c`).
    static func local(_ name: String) -> Substring {
        guard let colon = name.lastIndex(of: ":") else { return Substring(name) }
        return name[name.index(after: colon)...]
    }

    /// `C14` as (row 14, column 2); nil for anything else.
    static func reference(_ text: String) -> (row: Int, column: Int)? {
        var column = 0
        var row = 0
        var letters = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where row == 0:
                column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
                letters += 1
            case UInt8(ascii: "a")...UInt8(ascii: "z") where row == 0:
                column = column * 26 + Int(byte - UInt8(ascii: "a")) + 1
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9") where letters > 0:
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "$"): continue
            default: return nil
            }
        }
        guard letters > 0, letters <= 3, row > 0 else { return nil }
        return (row, column - 1)
    }

    /// A column's letters: 0 is A, 26 is AA.
    static func letters(_ column: Int) -> String {
        var scalars: [Unicode.Scalar] = []
        var n = column + 1
        while n > 0 {
            let remainder = (n - 1) % 26
            scalars.insert(Unicode.Scalar(UInt8(ascii: "A") + UInt8(remainder)), at: 0)
            n = (n - 1) / 26
        }
        return String(String.UnicodeScalarView(scalars))
    }

    /// A number as a person reads it in a cell: whole numbers without a decimal point.
    static func numberText(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }
}

/// The events of one worksheet: `<row>`s of `<c>` cells, each with a value `<v>`, an inline string `<is>` or a formula
/// `<f>`; then `<mergeCells>`.
private final class SheetEvents: NSObject, XMLParserDelegate {
    let strings: [String]
    let styles: WorkbookStyles
    let emit: (WorkbookCells.Row) -> Void
    var merges: [WorkbookCells.Merge] = []

    private var rowNumber = 0
    private var cells: [WorkbookCells.Cell] = []
    private var column = -1
    private var type: String?
    private var style = 0
    private var hasFormula = false
    private var value: String?
    private var inline: String?
    private var text = ""
    private var capturing = false
    private var inInline = false
    private var phonetic = 0

    init(strings: [String], styles: WorkbookStyles, row: @escaping (WorkbookCells.Row) -> Void) {
        self.strings = strings
        self.styles = styles
        self.emit = row
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch WorkbookCells.local(elementName) {
        case "row":
            // A row without its number follows the one before.
            rowNumber = attributes["r"].flatMap { Int($0) } ?? rowNumber + 1
            cells.removeAll(keepingCapacity: true)
            column = -1
        case "c":
            column = attributes["r"].flatMap(WorkbookCells.reference)?.column ?? column + 1
            type = attributes["t"]
            style = attributes["s"].flatMap { Int($0) } ?? 0
            (hasFormula, value, inline) = (false, nil, nil)
        case "v":
            text = ""
            capturing = true
        case "f": hasFormula = true
        case "is":
            inInline = true
            inline = ""
        case "rPh": phonetic += 1
        case "t" where inInline && phonetic == 0:
            text = ""
            capturing = true
        case "mergeCell":
            if let range = attributes["ref"], let merge = Self.merge(range) { merges.append(merge) }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if capturing { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch WorkbookCells.local(elementName) {
        case "v":
            value = text
            capturing = false
        case "t" where capturing:
            inline = (inline ?? "") + text
            capturing = false
        case "is": inInline = false
        case "rPh": phonetic -= 1
        case "c":
            if let content = content() { cells.append(WorkbookCells.Cell(column: column, value: content)) }
        case "row":
            if !cells.isEmpty { emit(WorkbookCells.Row(number: rowNumber, cells: cells)) }
        default: break
        }
    }

    /// The cell just read, as text; nil when empty.
    private func content() -> WorkbookCells.Value? {
        let raw = value.flatMap { $0.isEmpty ? nil : $0 }
        // A formula never worked out (as openpyxl writes one) has an empty value and no type; a formula whose
        // result is empty text says `t="str"`.
        if raw == nil && hasFormula && (type == nil || type == "n") {
            return .problem(
                "The cell's formula has no saved value; open the workbook in Excel or LibreOffice and save it, "
                    + "or type the value in place of the formula")
        }
        switch type {
        case "s":
            guard let raw else { return nil }
            guard let index = Int(raw), index >= 0, index < strings.count else {
                return .problem("The cell refers to shared text \(raw), which the workbook does not have")
            }
            return .text(strings[index])
        case "inlineStr": return inline.map { .text($0) }
        case "str": return raw.map { .text($0) }
        case "b": return raw.map { .text($0 == "1" ? "TRUE" : "FALSE") }
        case "e": return raw.map { .problem("The cell shows the error \($0); correct its formula or type the value") }
        case "d":
            // An ISO 8601 date cell (Strict Open XML): the day is its first ten characters.
            return raw.map { raw in .text(Day(String(raw.prefix(10)))?.description ?? raw) }
        default:
            guard let raw else { return nil }
            guard let number = Double(raw) else { return .text(raw) }
            if styles.isDate(style: style) {
                guard let day = styles.day(serial: number) else {
                    return .problem("The cell is formatted as a date but \(raw) is not a day the workbook can show")
                }
                return .text(day.description)
            }
            return .text(WorkbookCells.numberText(number))
        }
    }

    /// `A5:A7` as rows 5...7, columns 0...0.
    static func merge(_ range: String) -> WorkbookCells.Merge? {
        let ends = range.split(separator: ":").map { WorkbookCells.reference(String($0)) }
        guard ends.count == 2, let from = ends[0], let to = ends[1] else { return nil }
        return WorkbookCells.Merge(
            rows: min(from.row, to.row)...max(from.row, to.row),
            columns: min(from.column, to.column)...max(from.column, to.column))
    }
}

/// The events of the shared strings part: `<si>` items of `<t>` text, or of `<r>` runs each with a `<t>`.
private final class SharedStringEvents: NSObject, XMLParserDelegate {
    var strings: [String] = []
    private var item = ""
    private var text = ""
    private var capturing = false
    private var phonetic = 0

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch WorkbookCells.local(elementName) {
        case "si": item = ""
        case "rPh": phonetic += 1
        case "t" where phonetic == 0:
            text = ""
            capturing = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if capturing { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch WorkbookCells.local(elementName) {
        case "t" where capturing:
            item += text
            capturing = false
        case "rPh": phonetic -= 1
        case "si": strings.append(item)
        default: break
        }
    }
}
