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
        // The delimiters are ASCII, and no byte of a multi-byte UTF-8 sequence is: the reader
        // walks the bytes and makes each field's string from its bytes once.
        var text = text
        return try text.withUTF8 { bytes in Result { () throws(ImportError) in try records(in: bytes) } }.get()
    }

    private static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    private static func isBreak(_ byte: UInt8) -> Bool { byte == lineFeed || byte == carriageReturn }
    private static func isSpecial(_ byte: UInt8) -> Bool { byte == comma || byte == quote || isBreak(byte) }

    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }

    private static func records(in bytes: UnsafeBufferPointer<UInt8>) throws(ImportError) -> [CSVRecord] {
        let end = bytes.count
        var index = 0
        if end >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }

        // Room for a record per line, and for as many fields as the record before had: the
        // arrays of a large file are not copied over and over as they grow.
        var records: [CSVRecord] = []
        records.reserveCapacity(bytes.reduce(into: 1) { count, byte in if byte == lineFeed { count += 1 } })
        var fields: [String] = []
        // An unquoted field is the bytes from `fieldStart`; a quoted one is gathered in `quoted`
        // (its doubled quotes undone, its line breaks written as LF).
        var fieldStart = index
        var quoted: [UInt8] = []
        var line = 1
        var recordLine = 1
        var state = State.fieldStart
        var quoteLine = 0

        func string(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
        func endField(at position: Int) {
            switch state {
            case .unquoted: fields.append(string(fieldStart..<position))
            case .quoteInQuoted: fields.append(String(decoding: quoted, as: UTF8.self))
            case .fieldStart, .quoted: fields.append("")
            }
        }
        func endRecord(at position: Int) {
            endField(at: position)
            // A line with nothing on it is not a record; a line of empty fields (",,") is.
            if !(fields.count == 1 && fields[0].isEmpty) {
                records.append(CSVRecord(line: recordLine, fields: fields))
            }
            let width = fields.count
            fields = []
            fields.reserveCapacity(width)
        }

        while index < end {
            let position = index
            let byte = bytes[index]
            index += 1
            // CRLF is one line break.
            let endsLine = isBreak(byte)
            if byte == carriageReturn, index < end, bytes[index] == lineFeed { index += 1 }
            switch state {
            case .fieldStart, .unquoted:
                if byte == comma {
                    endField(at: position)
                    state = .fieldStart
                } else if endsLine {
                    endRecord(at: position)
                    line += 1
                    recordLine = line
                    state = .fieldStart
                } else if byte == quote {
                    guard state == .fieldStart else {
                        throw ImportError(
                            line: line, "field \(fields.count + 1): a quote inside an unquoted field (quote the whole field and double the quote)")
                    }
                    quoteLine = line
                    quoted.removeAll(keepingCapacity: true)
                    state = .quoted
                } else {
                    if state == .fieldStart { fieldStart = position }
                    state = .unquoted
                    while index < end, !isSpecial(bytes[index]) { index += 1 }
                }
            case .quoted:
                if byte == quote {
                    state = .quoteInQuoted
                } else if endsLine {
                    line += 1
                    quoted.append(lineFeed)
                } else {
                    // The run of ordinary bytes up to the next quote or line break, at once.
                    while index < end, bytes[index] != quote, !isBreak(bytes[index]) { index += 1 }
                    quoted.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<index]))
                }
            case .quoteInQuoted:
                if byte == quote {
                    quoted.append(quote)
                    state = .quoted
                } else if byte == comma {
                    endField(at: position)
                    state = .fieldStart
                } else if endsLine {
                    endRecord(at: position)
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
            endRecord(at: end)
        case .fieldStart:
            // Input ending in a comma has a last, empty field; ending in a line break has none.
            if !fields.isEmpty { endRecord(at: end) }
        }
        return records
    }
}
