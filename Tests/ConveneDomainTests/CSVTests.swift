import Foundation
import Testing

@testable import ConveneDomain

@Suite struct CSVTests {
    @Test func quotesOnlyTheFieldsThatNeedIt() {
        // Setup
        let rows = [["plain", "with, comma"], ["say \"hi\"", "two\nlines"]]
        // Act
        let text = CSV.write(header: ["a", "b"], rows: rows)
        // Check
        #expect(text == "a,b\r\nplain,\"with, comma\"\r\n\"say \"\"hi\"\"\",\"two\nlines\"\r\n")
    }

    @Test func readsBackWhatItWrites() throws {
        // Setup
        let rows = [["plain", "with, comma", ""], ["say \"hi\"", "two\r\nlines", "£ é ✓"]]
        let text = CSV.write(header: ["a", "b", "c"], rows: rows)
        // Act
        let table = try CSV.read(Data(text.utf8))
        // Check
        #expect(table.header == ["a", "b", "c"])
        #expect(table.rows.map(\.fields) == rows)
    }

    @Test func acceptsCRLFAndLFLineEndings() throws {
        // Setup
        let data = Data("a,b\r\n1,2\n3,4\r\n".utf8)
        // Act
        let table = try CSV.read(data)
        // Check
        #expect(table.rows.map(\.fields) == [["1", "2"], ["3", "4"]])
        #expect(table.rows.map(\.number) == [2, 3])
    }

    @Test func quotedLineBreaksKeepSpreadsheetRowNumbers() throws {
        // Setup
        let data = Data("name,notes\r\nBoard,\"first line\nsecond line\"\r\nForum,short\r\n".utf8)
        // Act
        let table = try CSV.read(data)
        // Check
        #expect(table.rows.map(\.number) == [2, 3])
        #expect(table.rows[0].fields == ["Board", "first line\nsecond line"])
        #expect(table.rows[1].fields == ["Forum", "short"])
    }

    @Test func dropsTheByteOrderMark() throws {
        // Setup
        let data = Data([0xEF, 0xBB, 0xBF]) + Data("partnership_name,type\nBoard,cdp".utf8)
        // Act
        let table = try CSV.read(data)
        // Check
        #expect(table.header == ["partnership_name", "type"])
        #expect(table.column("partnership_name") == 0)
    }

    @Test func notUTF8NamesTheLine() {
        // Setup
        let data = Data("name\nBoard\nCaf".utf8) + Data([0xE9]) + Data("\nForum\n".utf8)
        // Act / Check
        #expect(throws: CSV.ReadError.notUTF8(line: 3)) { try CSV.read(data) }
        #expect(CSV.ReadError.notUTF8(line: 3).description.hasPrefix("line 3: "))
    }

    @Test func unterminatedQuoteNamesTheRow() {
        // Setup
        let data = Data("name,notes\nBoard,ok\nForum,\"never closed\nmore\n".utf8)
        // Act / Check
        #expect(throws: CSV.ReadError.unterminatedQuote(row: 3)) { try CSV.read(data) }
    }

    @Test func emptyFilesHaveNoHeader() {
        // Setup
        let files = [Data(), Data("\r\n\r\n".utf8), Data([0xEF, 0xBB, 0xBF])]
        // Act / Check
        for data in files {
            #expect(throws: CSV.ReadError.empty) { try CSV.read(data) }
        }
    }

    @Test func trailingEmptyRowsAreNotRecords() throws {
        // Setup
        let data = Data("a,b\n1,2\n,\n , \n".utf8)
        // Act
        let table = try CSV.read(data)
        // Check
        #expect(table.rows.map(\.fields) == [["1", "2"]])
    }

    @Test func columnsMatchIgnoringCaseSpacesAndUnderscores() throws {
        // Setup
        let table = try CSV.read(Data(" Partnership Name ,TYPE,member_person_name\nBoard,  cdp  ,\n".utf8))
        // Act
        let name = table.column("partnership_name")
        let type = table.column("Type")
        let person = table.column("Member Person Name")
        // Check
        #expect((name, type, person) == (0, 1, 2))
        #expect(table.column("role") == nil)
        #expect(table.value(table.rows[0], type) == "cdp")
        #expect(table.value(table.rows[0], person) == nil)
        #expect(table.value(table.rows[0], 7) == nil)
    }
}
