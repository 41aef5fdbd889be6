import QuorumDomain

/// A recommendation row, checked.
public struct ImportedRecommendation: Hashable, Sendable {
    public let line: Int
    public let recommendation: Recommendation
    public let priorityTitle: String
}

/// An action row, checked: the action and, when the row has one, its dated update.
public struct ImportedAction: Hashable, Sendable {
    public let line: Int
    public let action: PlanAction
    public let update: Update?

    public struct Update: Hashable, Sendable {
        public let text: String
        /// Nil when `updated_on` is blank: the update is dated at the time of import.
        public let date: LocalDate?
    }
}

/// A measure row, checked: thresholds agree with the polarity.
public struct ImportedMeasure: Hashable, Sendable {
    public let line: Int
    public let measure: Measure
}

/// A value row, checked.
public struct ImportedValue: Hashable, Sendable {
    public let line: Int
    public let value: MeasureValue
}

/// Turns CSV text into checked rows. Every row is checked before any is returned, so a caller
/// that stores the result in one transaction stores all or nothing.
public enum PlanImport {
    public static func recommendations(csv text: String) throws(ImportError) -> [ImportedRecommendation] {
        let table = try CSVTable(text: text, columns: ImportKind.recommendations.columns)
        var seen: [String: Int] = [:]
        var result: [ImportedRecommendation] = []
        for row in table.rows {
            let id = try required(row, "id")
            guard Recommendation.isValidID(id) else {
                throw ImportError(line: row.line, column: "id", "'\(id)' is not a recommendation number like 1.1 or 2")
            }
            try unique(id, in: &seen, row: row, column: "id")
            guard let priority = Int(try required(row, "priority")), priority > 0 else {
                throw ImportError(line: row.line, column: "priority", "'\(row["priority"])' is not a priority number like 1")
            }
            guard id.split(separator: ".").first == Substring(String(priority)) else {
                throw ImportError(line: row.line, column: "priority", "recommendation \(id) cannot belong to priority \(priority)")
            }
            result.append(
                ImportedRecommendation(
                    line: row.line,
                    recommendation: Recommendation(id: id, priority: priority, title: try required(row, "title"), ambition: row["ambition"]),
                    priorityTitle: try required(row, "priority_title")))
        }
        return result
    }

    /// A recommendation a row names need not exist yet: the store creates it from its id.
    public static func actions(csv text: String) throws(ImportError) -> [ImportedAction] {
        let table = try CSVTable(text: text, columns: ImportKind.actions.columns)
        var seen: [String: Int] = [:]
        seen.reserveCapacity(table.rows.count)
        var result: [ImportedAction] = []
        result.reserveCapacity(table.rows.count)
        for row in table.rows {
            let ref = try required(row, "ref")
            guard PlanAction.isValidRef(ref) else {
                throw ImportError(line: row.line, column: "ref", "'\(ref)' is not an action reference like 1.1.4")
            }
            try unique(ref, in: &seen, row: row, column: "ref")
            let recommendation = try required(row, "recommendation")
            guard Recommendation.isValidID(recommendation) else {
                throw ImportError(line: row.line, column: "recommendation", "'\(recommendation)' is not a recommendation number like 1.1 or 2")
            }
            guard ref.hasPrefix(recommendation + ".") else {
                throw ImportError(line: row.line, column: "ref", "\(ref) does not belong to recommendation \(recommendation)")
            }
            let reviewText = try required(row, "review_date")
            let reviewDate: ReviewDate
            do {
                reviewDate = try ReviewDate(parsing: reviewText)
            } catch {
                throw ImportError(line: row.line, column: "review_date", "\(error)")
            }
            let email = try required(row, "lead_email")
            guard isPlausibleEmail(email) else {
                throw ImportError(line: row.line, column: "lead_email", "'\(email)' is not an email address")
            }
            let status: ActionStatus
            switch row["status"].lowercased() {
            case "": status = reviewDate == .completed ? .complete : .open
            case "open": status = .open
            case "complete", "completed": status = .complete
            case let other:
                throw ImportError(line: row.line, column: "status", "'\(other)' is not open or complete")
            }
            if reviewDate == .completed && status == .open {
                throw ImportError(line: row.line, column: "status", "open, but the review date says Completed")
            }
            var update: ImportedAction.Update?
            let updateText = row["update"]
            let updatedOn = row["updated_on"]
            if !updatedOn.isEmpty {
                guard let date = LocalDate(iso: updatedOn) else {
                    throw ImportError(line: row.line, column: "updated_on", "'\(updatedOn)' is not a date of the form YYYY-MM-DD")
                }
                guard !updateText.isEmpty else {
                    throw ImportError(line: row.line, column: "updated_on", "a date with no update text")
                }
                update = .init(text: updateText, date: date)
            } else if !updateText.isEmpty {
                update = .init(text: updateText, date: nil)
            }
            let action = PlanAction(
                ref: ref, recommendationID: recommendation, text: try required(row, "action"), reviewDate: reviewDate,
                lead: Person(role: try required(row, "lead_name"), email: email), status: status, updates: [])
            result.append(ImportedAction(line: row.line, action: action, update: update))
        }
        return result
    }

    public static func measures(csv text: String) throws(ImportError) -> [ImportedMeasure] {
        let table = try CSVTable(text: text, columns: ImportKind.measures.columns)
        var seen: [String: Int] = [:]
        var result: [ImportedMeasure] = []
        for row in table.rows {
            let id = try required(row, "id")
            guard isMeasureID(id) else {
                throw ImportError(line: row.line, column: "id", "'\(id)' is not a measure id (letters, digits, dots, dashes)")
            }
            try unique(id, in: &seen, row: row, column: "id")
            let recommendation = try required(row, "recommendation")
            guard Recommendation.isValidID(recommendation) else {
                throw ImportError(line: row.line, column: "recommendation", "'\(recommendation)' is not a recommendation number like 1.1 or 2")
            }
            let polarityText = try required(row, "polarity").lowercased()
            guard let polarity = Polarity(parsing: polarityText) else {
                throw ImportError(line: row.line, column: "polarity", "'\(polarityText)' is not higher, lower, increase or decrease")
            }
            let audit: Bool
            switch row["audit"].lowercased() {
            case "", "no", "false", "n": audit = false
            case "yes", "true", "y": audit = true
            case let other: throw ImportError(line: row.line, column: "audit", "'\(other)' is not yes or no")
            }
            let measure: Measure
            do {
                measure = try Measure(
                    id: id, recommendationID: recommendation, name: try required(row, "name"), shows: row["shows"],
                    polarity: polarity, requiresImprovement: row["requires_improvement"], good: row["good"],
                    outstanding: row["outstanding"], isAudit: audit)
            } catch let error as ThresholdError {
                throw ImportError(line: row.line, column: error.column?.rawValue ?? "thresholds", error.reason)
            } catch let error as ImportError {
                throw error
            } catch {
                throw ImportError(line: row.line, column: "thresholds", "\(error)")
            }
            result.append(ImportedMeasure(line: row.line, measure: measure))
        }
        return result
    }

    /// - Parameter measures: the measure ids that exist (stored or in the same import).
    public static func values(csv text: String, measures: Set<String>) throws(ImportError) -> [ImportedValue] {
        let table = try CSVTable(text: text, columns: ImportKind.values.columns)
        var seen: [String: Int] = [:]
        var result: [ImportedValue] = []
        for row in table.rows {
            let id = try required(row, "measure_id")
            guard measures.contains(id) else {
                throw ImportError(line: row.line, column: "measure_id", "no measure '\(id)' (import measures first)")
            }
            let periodText = try required(row, "period")
            let period: Period
            do {
                period = try Period(parsing: periodText)
            } catch {
                throw ImportError(line: row.line, column: "period", "\(error)")
            }
            try unique("\(id) \(period)", in: &seen, row: row, column: "period")
            let value = try number(row["value"], row: row, column: "value")
            result.append(ImportedValue(line: row.line, value: MeasureValue(measureID: id, period: period, value: value)))
        }
        return result
    }

    /// A measured value: a plain decimal, a trailing % tolerated (spreadsheets add one).
    public static func number(_ text: String, row: CSVTable.Row, column: String) throws(ImportError) -> Double {
        var digits = text
        if digits.hasSuffix("%") { digits.removeLast() }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }),
            let value = Double(digits), value.isFinite
        else {
            throw ImportError(line: row.line, column: column, "'\(text)' is not a number")
        }
        return value
    }

    static func required(_ row: CSVTable.Row, _ column: String) throws(ImportError) -> String {
        let text = row[column]
        guard !text.isEmpty else { throw ImportError(line: row.line, column: column, "is empty") }
        return text
    }

    static func unique(_ key: String, in seen: inout [String: Int], row: CSVTable.Row, column: String) throws(ImportError) {
        if let first = seen[key] {
            throw ImportError(line: row.line, column: column, "'\(key)' already appears on line \(first)")
        }
        seen[key] = row.line
    }

    static func isMeasureID(_ text: String) -> Bool {
        text.count <= 32 && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_") }
    }

    public static func isPlausibleEmail(_ text: String) -> Bool {
        EmailAddressRule.isPlausible(text)
    }
}
