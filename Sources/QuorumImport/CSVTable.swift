/// A CSV file whose header row has been checked against the columns an import expects.
public struct CSVTable: Sendable {
    public let columns: [String]
    public let rows: [Row]

    /// A data row, its fields addressable by column name.
    public struct Row: Sendable {
        public let line: Int
        private let fields: [String]
        private let index: [String: Int]

        init(line: Int, fields: [String], index: [String: Int]) {
            self.line = line
            self.fields = fields
            self.index = index
        }

        /// The field under `column`, trimmed of surrounding spaces.
        public subscript(column: String) -> String {
            guard let position = index[column] else { preconditionFailure("no column \(column)") }
            return fields[position].trimmingSpaces
        }
    }

    /// Reads `text` and checks its header has exactly `columns` (any order, case-insensitive).
    /// - Throws: `ImportError` for an empty file, a wrong header, or a row with the wrong
    ///   number of fields.
    public init(text: String, columns: [String]) throws(ImportError) {
        let records = try CSVReader.records(in: text)
        guard let header = records.first else {
            throw ImportError(line: 1, "the file is empty: it needs the header row \(columns.joined(separator: ","))")
        }
        let found = header.fields.map { $0.trimmingSpaces.lowercased() }
        let missing = columns.filter { !found.contains($0) }
        let unexpected = found.filter { !columns.contains($0) }
        var duplicated: [String] = []
        for (position, name) in found.enumerated() where found[..<position].contains(name) {
            duplicated.append(name)
        }
        guard missing.isEmpty, unexpected.isEmpty, duplicated.isEmpty else {
            var problems: [String] = []
            if !missing.isEmpty { problems.append("missing \(missing.joined(separator: ", "))") }
            if !unexpected.isEmpty { problems.append("unexpected \(unexpected.map { "'\($0)'" }.joined(separator: ", "))") }
            if !duplicated.isEmpty { problems.append("repeated \(duplicated.joined(separator: ", "))") }
            throw ImportError(
                line: header.line, column: "header",
                "\(problems.joined(separator: "; ")) (expected \(columns.joined(separator: ",")))")
        }
        let index = Dictionary(uniqueKeysWithValues: found.enumerated().map { ($0.element, $0.offset) })
        var rows: [Row] = []
        rows.reserveCapacity(records.count)
        for record in records.dropFirst() {
            guard record.fields.count == found.count else {
                throw ImportError(
                    line: record.line, "expected \(found.count) fields, found \(record.fields.count) (is a comma inside an unquoted field?)")
            }
            rows.append(Row(line: record.line, fields: record.fields, index: index))
        }
        self.columns = columns
        self.rows = rows
    }
}

extension String {
    var trimmingSpaces: String {
        // Most fields have no surrounding space: those are returned as they are, not copied.
        guard let first = utf8.first, let last = utf8.last,
            first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") || last == UInt8(ascii: " ") || last == UInt8(ascii: "\t")
        else { return self }
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, first == " " || first == "\t" { scalars = scalars.dropFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
