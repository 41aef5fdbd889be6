import Testing

@testable import QuorumImport

@Suite("Checking a CSV file's header and row widths")
struct CSVTableTests {
    private let columns = ["measure_id", "period", "value"]

    @Test func columnsMayComeInAnyOrderAndAnyCase() throws {
        let table = try CSVTable(text: "Value,PERIOD,measure_id\n 76.4 ,2017/18,M1\n", columns: columns)
        #expect(table.rows.count == 1)
        #expect(table.rows[0]["value"] == "76.4")
        #expect(table.rows[0]["period"] == "2017/18")
        #expect(table.rows[0].line == 2)
    }

    @Test func aMissingOrUnexpectedColumnIsNamed() {
        #expect(throws: ImportError(line: 1, column: "header", "missing value; unexpected 'amount' (expected measure_id,period,value)")) {
            try CSVTable(text: "measure_id,period,amount\n", columns: columns)
        }
        #expect(throws: ImportError(line: 1, column: "header", "repeated period (expected measure_id,period,value)")) {
            try CSVTable(text: "measure_id,period,value,period\n", columns: columns)
        }
    }

    @Test func anEmptyFileSaysWhichHeaderItNeeds() {
        #expect(throws: ImportError(line: 1, "the file is empty: it needs the header row measure_id,period,value")) {
            try CSVTable(text: "\u{FEFF}", columns: columns)
        }
    }

    @Test func aRowWithTheWrongNumberOfFieldsIsReportedByLine() {
        #expect(throws: ImportError(line: 3, "expected 3 fields, found 4 (is a comma inside an unquoted field?)")) {
            try CSVTable(text: "measure_id,period,value\nM1,2017/18,1\nM2,2017/18,1,000\n", columns: columns)
        }
    }
}
