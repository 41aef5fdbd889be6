/// An RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks; a UTF-8
/// byte-order mark (as Excel writes it) is skipped; CRLF, LF and CR all end a record.
///
/// Strict where being lenient would guess: a quote inside an unquoted field, text after a
/// closing quote, or a quote left open are errors with their line, because a silently
/// mis-split row would store the wrong data under the right-looking heading.
public enum CSVReader {
    /// Parses `text` into records; blank lines are skipped.
    /// - Throws: `ImportError` naming the line (and field number) at fault.
    public static func records(in text: String) throws(ImportError) -> [CSVRecord] {
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }

        var records: [CSVRecord] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        var state = State.fieldStart
        var quoteLine = 0

        enum State { case fieldStart, unquoted, quoted, quoteInQuoted }

        func endField() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
        }
        func endRecord() {
            endField()
            // A line with nothing on it is not a record; a line of empty fields (",,") is.
            if !(fields.count == 1 && fields[0].isEmpty) {
                records.append(CSVRecord(line: recordLine, fields: fields))
            }
            fields = []
        }

        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            index = scalars.index(after: index)
            // CRLF is one line break.
            let isBreak = scalar == "\n" || scalar == "\r"
            if scalar == "\r", index < scalars.endIndex, scalars[index] == "\n" {
                index = scalars.index(after: index)
            }
            switch state {
            case .fieldStart, .unquoted:
                if scalar == "," {
                    endField()
                    state = .fieldStart
                } else if isBreak {
                    endRecord()
                    line += 1
                    recordLine = line
                    state = .fieldStart
                } else if scalar == "\"" {
                    guard state == .fieldStart else {
                        throw ImportError(
                            line: line, "field \(fields.count + 1): a quote inside an unquoted field (quote the whole field and double the quote)")
                    }
                    quoteLine = line
                    state = .quoted
                } else {
                    field.append(scalar)
                    state = .unquoted
                }
            case .quoted:
                if scalar == "\"" {
                    state = .quoteInQuoted
                } else {
                    if isBreak {
                        line += 1
                        field.append("\n")
                    } else {
                        field.append(scalar)
                    }
                }
            case .quoteInQuoted:
                if scalar == "\"" {
                    field.append("\"")
                    state = .quoted
                } else if scalar == "," {
                    endField()
                    state = .fieldStart
                } else if isBreak {
                    endRecord()
                    line += 1
                    recordLine = line
                    state = .fieldStart
                } else {
                    throw ImportError(line: line, "field \(fields.count + 1): text after the closing quote of a quoted field")
                }
            }
        }
        switch state {
        case .quoted:
            throw ImportError(line: quoteLine, "field \(fields.count + 1): a quoted field is never closed")
        case .unquoted, .quoteInQuoted:
            endRecord()
        case .fieldStart:
            // Input ending in a comma has a last, empty field; ending in a line break has none.
            if !fields.isEmpty { endRecord() }
        }
        return records
    }
}
