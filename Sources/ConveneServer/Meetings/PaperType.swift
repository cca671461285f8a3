import Foundation

/// The kinds of file a paper may be, told by their first bytes as well as their name.
enum PaperType: Sendable {
    case pdf, office(String), openDocument(String), text(String), png, jpeg

    var contentType: String {
        switch self {
        case .pdf: "application/pdf"
        case .office(let type), .openDocument(let type), .text(let type): type
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        }
    }

    static func of(name: String, data: Data) -> PaperType? {
        let ext = (name as NSString).pathExtension.lowercased()
        let head = [UInt8](data.prefix(8))
        let zip = head.starts(with: [0x50, 0x4B, 0x03, 0x04])
        switch ext {
        case "pdf": return head.starts(with: Array("%PDF-".utf8)) ? .pdf : nil
        case "docx":
            return zip ? .office("application/vnd.openxmlformats-officedocument.wordprocessingml.document") : nil
        case "xlsx": return zip ? .office("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") : nil
        case "pptx":
            return zip ? .office("application/vnd.openxmlformats-officedocument.presentationml.presentation") : nil
        case "odt": return zip ? .openDocument("application/vnd.oasis.opendocument.text") : nil
        case "ods": return zip ? .openDocument("application/vnd.oasis.opendocument.spreadsheet") : nil
        case "png": return head.starts(with: [0x89, 0x50, 0x4E, 0x47]) ? .png : nil
        case "jpg", "jpeg": return head.starts(with: [0xFF, 0xD8, 0xFF]) ? .jpeg : nil
        case "csv", "txt":
            // Text: valid UTF-8 without NUL bytes.
            guard String(data: data, encoding: .utf8) != nil, !data.contains(0) else { return nil }
            return .text(ext == "csv" ? "text/csv; charset=utf-8" : "text/plain; charset=utf-8")
        default: return nil
        }
    }

    /// The file's name without any folder, with only plain characters, for Content-Disposition.
    static func safeName(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? "paper"
        let cleaned = String(
            last.unicodeScalars.map {
                ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._- ".unicodeScalars.contains($0))
                    && $0.isASCII ? Character($0) : "_"
            })
        return cleaned.isEmpty ? "paper" : String(cleaned.prefix(120))
    }
}
