import Testing

@testable import QuorumImport

@Suite("Reading CSV as RFC 4180 and Excel write it")
struct CSVReaderTests {
    private func fields(_ text: String) throws -> [[String]] {
        try CSVReader.records(in: text).map(\.fields)
    }

    @Test func plainRecordsSplitOnCommasAndLineBreaks() throws {
        #expect(try fields("a,b,c\n1,2,3\n") == [["a", "b", "c"], ["1", "2", "3"]])
        #expect(try fields("a,b\r\n1,2\r\n") == [["a", "b"], ["1", "2"]])
        #expect(try fields("a,b\r1,2") == [["a", "b"], ["1", "2"]])
    }

    @Test func quotedFieldsHoldCommasQuotesAndLineBreaks() throws {
        let text = "ref,action\n1.1.1,\"Train staff, then audit\"\n1.1.2,\"Say \"\"good\"\" plans\"\n1.1.3,\"First line\r\nsecond line\"\n"
        let records = try CSVReader.records(in: text)
        #expect(records.map(\.fields) == [
            ["ref", "action"], ["1.1.1", "Train staff, then audit"], ["1.1.2", "Say \"good\" plans"],
            ["1.1.3", "First line\nsecond line"],
        ])
        #expect(records.map(\.line) == [1, 2, 3, 4])
    }

    @Test func aRecordAfterAMultiLineFieldStartsOnTheRightLine() throws {
        let records = try CSVReader.records(in: "h\n\"one\ntwo\nthree\"\nnext\n")
        #expect(records.map(\.line) == [1, 2, 5])
    }

    @Test func anExcelByteOrderMarkIsSkipped() throws {
        #expect(try fields("\u{FEFF}ref,lead\n1,x\n") == [["ref", "lead"], ["1", "x"]])
    }

    @Test func emptyFieldsAndBlankLines() throws {
        #expect(try fields("a,,c\n\n,,\n") == [["a", "", "c"], ["", "", ""]])
        #expect(try fields("a,b,") == [["a", "b", ""]])
        #expect(try fields("") == [])
    }

    @Test func nonASCIITextSurvives() throws {
        #expect(try fields("name\n\"Children’s Services – café ✓\"\n") == [["name"], ["Children’s Services – café ✓"]])
    }

    @Test func anUnclosedQuoteIsReportedAtTheLineItOpened() {
        #expect(throws: ImportError(line: 2, "field 2: a quoted field is never closed")) {
            try CSVReader.records(in: "a,b\n1,\"open\nstill open\n")
        }
    }

    @Test func aQuoteInsideAnUnquotedFieldIsRefused() {
        #expect(throws: ImportError(line: 3, "field 1: a quote inside an unquoted field (quote the whole field and double the quote)")) {
            try CSVReader.records(in: "a\nb\nsay \"hi\"\n")
        }
    }

    @Test func textAfterAClosingQuoteIsRefused() {
        #expect(throws: ImportError(line: 2, "field 1: text after the closing quote of a quoted field")) {
            try CSVReader.records(in: "a\n\"x\"y\n")
        }
    }

    @Test func lineBreaksInsideQuotedFieldsBecomeLineFeedsAndCountAsLines() throws {
        let records = try CSVReader.records(in: "a,b\r\n\"one\r\ntwo\rthree\nfour\",x\r\nnext,y")
        #expect(records.map(\.fields) == [["a", "b"], ["one\ntwo\nthree\nfour", "x"], ["next", "y"]])
        #expect(records.map(\.line) == [1, 2, 6])
    }

    @Test func quotedAndUnquotedFieldsKeepTheirBytes() throws {
        #expect(try fields("\u{FEFF}\"ref\",\"\"\n\"\",\"a\"\"\"\"b\"\nx é,\"✓,✓\"") == [["ref", ""], ["", "a\"\"b"], ["x é", "✓,✓"]])
        #expect(try fields("only") == [["only"]])
        #expect(try fields("\"last\"") == [["last"]])
        #expect(try fields("\u{FEFF}") == [])
    }

    @Test func anErrorAfterAMultiLineFieldNamesItsOwnLine() {
        #expect(throws: ImportError(line: 4, "field 2: text after the closing quote of a quoted field")) {
            try CSVReader.records(in: "a,b\n\"x\ny\",z\nq,\"w\"v\n")
        }
    }
}
