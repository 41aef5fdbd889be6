import QuorumDomain
import Yams

extension CoverReport {
    /// The front-matter keys, in template order.
    static let templateKeys = [
        "subject", "report_of", "wards", "portfolio", "key_decision", "forward_plan", "forward_plan_date",
        "exempt", "summary", "recommendations", "reasons", "alternative_options", "revenue_costs",
        "capital_costs", "implications", "core_purpose", "consultations", "implementation_date",
        "contact_officer", "appendices", "background_papers",
    ]

    /// Reads a report submitted as Markdown with YAML front matter (see ``CoverReport``).
    ///
    /// Required: `subject`, `report_of`, `summary`, `recommendations` (at least one), `reasons`,
    /// `contact_officer` (with its `role`). Text fields take any scalar, lists take a YAML list
    /// (or one scalar, as a list of one), `key_decision` and `forward_plan` take yes or no,
    /// `forward_plan_date` a date `YYYY-MM-DD`, and `exempt` either no or the paragraph of
    /// Schedule 12A (1 to 7).
    ///
    /// ```swift
    /// let report = try CoverReport.parse(markdown: submitted)
    /// report.subject           // "Bi-annual progress report…"
    /// report.exemptParagraph   // nil: not exempt
    /// ```
    ///
    /// - Throws: ``CoverReportError`` listing every problem at once: all missing required
    ///   fields by name, and each unknown key, wrong type or bad value with its line.
    public static func parse(markdown: String) throws(CoverReportError) -> CoverReport {
        let frontMatter: FrontMatter
        do {
            frontMatter = try FrontMatter.split(markdown)
        } catch {
            let missing = ["subject", "report_of", "summary", "recommendations", "reasons", "contact_officer"]
            throw CoverReportError(problems: [error] + missing.map(FrontMatterReader.missing))
        }
        var reader = FrontMatterReader(lineOffset: frontMatter.firstLine - 1)
        let report = reader.read(frontMatter.yaml, body: frontMatter.body)
        guard let report, reader.problems.isEmpty else {
            throw CoverReportError(problems: reader.problems)
        }
        return report
    }
}

/// Walks the front matter's YAML nodes, collecting every problem rather than stopping at the
/// first.
struct FrontMatterReader {
    /// Added to a line of the YAML to give the line of the submitted text.
    let lineOffset: Int
    private(set) var problems: [CoverReportError.Problem] = []

    init(lineOffset: Int) {
        self.lineOffset = lineOffset
    }

    static func missing(_ field: String) -> CoverReportError.Problem {
        CoverReportError.Problem(code: .missingField, field: field, line: nil, message: "\(field) is required")
    }

    private static let nullSpellings: Set<String> = ["", "~", "null", "Null", "NULL"]

    /// The report, or nil when a problem was found (then ``problems`` says what).
    mutating func read(_ yaml: String, body: String) -> CoverReport? {
        let root: Node?
        do {
            // Scalars are read as text and interpreted here, as the board files are (YAMLDocument).
            root = try Yams.compose(yaml: yaml, .basic)
        } catch let error as YamlError {
            problems.append(problem(from: error))
            return nil
        } catch {
            problems.append(.init(code: .malformedFrontMatter, field: nil, line: lineOffset + 1, message: "the front matter is not valid YAML: \(error)"))
            return nil
        }

        var fields: [String: Node] = [:]
        switch root {
        case nil:
            break
        case .scalar(let scalar) where scalar.style == .plain && Self.nullSpellings.contains(scalar.string):
            break
        case .mapping(let mapping):
            fields = entries(of: mapping, path: nil, allowed: CoverReport.templateKeys)
        case let other?:
            problems.append(
                .init(
                    code: .malformedFrontMatter, field: nil, line: line(of: other),
                    message: "the front matter must be the template's fields, one 'key: value' a line, not \(kind(of: other))"))
        }

        let subject = text(fields["subject"], "subject")
        let reportOf = text(fields["report_of"], "report_of")
        let wards = list(fields["wards"], "wards") ?? []
        let portfolio = text(fields["portfolio"], "portfolio")
        let keyDecision = yesNo(fields["key_decision"], "key_decision")
        let forwardPlan = yesNo(fields["forward_plan"], "forward_plan")
        let forwardPlanDate = date(fields["forward_plan_date"], "forward_plan_date")
        if forwardPlanDate != nil, forwardPlan == false, let node = fields["forward_plan_date"] {
            problems.append(
                .init(
                    code: .invalidValue, field: "forward_plan_date", line: line(of: node),
                    message: "forward_plan_date: the report says forward_plan: no, so there is no notice to date; "
                        + "say forward_plan: yes or remove the date"))
        }
        let exempt = exemptParagraph(fields["exempt"])
        let summary = text(fields["summary"], "summary")
        let recommendations = list(fields["recommendations"], "recommendations") ?? []
        let reasons = text(fields["reasons"], "reasons")
        let alternativeOptions = text(fields["alternative_options"], "alternative_options")
        let revenueCosts = text(fields["revenue_costs"], "revenue_costs")
        let capitalCosts = text(fields["capital_costs"], "capital_costs")

        var implications = CoverReport.Implications()
        if let node = fields["implications"], let sub = mapping(node, "implications", allowed: ["resource", "legal", "equality"]) {
            implications.resource = text(sub["resource"], "implications.resource")
            implications.legal = text(sub["legal"], "implications.legal")
            implications.equality = text(sub["equality"], "implications.equality")
        }

        var corePurpose: [CorePurposeHeading: String] = [:]
        if let node = fields["core_purpose"] {
            corePurpose = readCorePurpose(node)
        }

        var consultations = CoverReport.Consultations()
        if let node = fields["consultations"], let sub = mapping(node, "consultations", allowed: ["internal", "external"]) {
            consultations.internal = text(sub["internal"], "consultations.internal")
            consultations.external = text(sub["external"], "consultations.external")
        }

        let implementationDate = text(fields["implementation_date"], "implementation_date")

        var contact: CoverReport.ContactOfficer?
        var contactMissing = false
        var contactRoleMissing = false
        if let node = fields["contact_officer"], !isNull(node) {
            if let sub = mapping(node, "contact_officer", allowed: ["role", "email", "telephone"]) {
                let role = text(sub["role"], "contact_officer.role")
                let email = text(sub["email"], "contact_officer.email")
                if let email, !Self.isPlausibleEmail(email) {
                    problems.append(
                        .init(
                            code: .invalidValue, field: "contact_officer.email", line: sub["email"].flatMap(line(of:)),
                            message: "contact_officer.email: '\(email)' is not an email address"))
                }
                let telephone = text(sub["telephone"], "contact_officer.telephone")
                if let role {
                    contact = CoverReport.ContactOfficer(role: role, email: email, telephone: telephone)
                } else {
                    contactRoleMissing = !hasTypeProblem("contact_officer.role")
                }
            }
        } else {
            contactMissing = true
        }

        let appendices = list(fields["appendices"], "appendices") ?? []
        let backgroundPapers = list(fields["background_papers"], "background_papers") ?? []

        // Every required field that is absent, in template order, in one go.
        let required: [(String, Bool)] = [
            ("subject", subject == nil && !hasTypeProblem("subject")),
            ("report_of", reportOf == nil && !hasTypeProblem("report_of")),
            ("summary", summary == nil && !hasTypeProblem("summary")),
            ("recommendations", recommendations.isEmpty && !hasTypeProblem("recommendations")),
            ("reasons", reasons == nil && !hasTypeProblem("reasons")),
            ("contact_officer", contactMissing),
            ("contact_officer.role", contactRoleMissing),
        ]
        problems += required.filter(\.1).map { Self.missing($0.0) }

        guard problems.isEmpty, let subject, let reportOf, let summary, let reasons, let contact else { return nil }
        var report = CoverReport(
            subject: subject, reportOf: reportOf, summary: summary, recommendations: recommendations,
            reasons: reasons, contactOfficer: contact, body: body)
        report.wards = wards
        report.portfolio = portfolio
        report.isKeyDecision = keyDecision
        report.isInForwardPlan = forwardPlan
        report.forwardPlanDate = forwardPlanDate
        report.exemptParagraph = exempt
        report.alternativeOptions = alternativeOptions
        report.revenueCosts = revenueCosts
        report.capitalCosts = capitalCosts
        report.implications = implications
        report.corePurpose = corePurpose
        report.consultations = consultations
        report.implementationDate = implementationDate
        report.appendices = appendices
        report.backgroundPapers = backgroundPapers
        return report
    }

    // MARK: - Values

    private func hasTypeProblem(_ field: String) -> Bool {
        problems.contains { $0.field == field && $0.code != .missingField }
    }

    private func isNull(_ node: Node) -> Bool {
        if case .scalar(let scalar) = node, scalar.style == .plain, Self.nullSpellings.contains(scalar.string) {
            return true
        }
        return false
    }

    /// Text from a scalar; nil when absent, null or blank. A list or mapping is a problem.
    private mutating func text(_ node: Node?, _ field: String) -> String? {
        guard let node, !isNull(node) else { return nil }
        guard case .scalar(let scalar) = node else {
            problems.append(
                .init(code: .wrongType, field: field, line: line(of: node), message: "\(field): expected text, found \(kind(of: node))"))
            return nil
        }
        let value = scalar.string.trimmed
        return value.isEmpty ? nil : value
    }

    /// A list of text; one scalar is a list of one. Blank entries are dropped.
    private mutating func list(_ node: Node?, _ field: String) -> [String]? {
        guard let node, !isNull(node) else { return nil }
        switch node {
        case .scalar:
            return text(node, field).map { [$0] }
        case .sequence(let sequence):
            var values: [String] = []
            for (index, element) in sequence.enumerated() {
                guard case .scalar = element else {
                    problems.append(
                        .init(
                            code: .wrongType, field: field, line: line(of: element),
                            message: "\(field): entry \(index + 1) should be text, found \(kind(of: element))"))
                    continue
                }
                if let value = text(element, field) { values.append(value) }
            }
            return values
        default:
            problems.append(
                .init(code: .wrongType, field: field, line: line(of: node), message: "\(field): expected a list, found \(kind(of: node))"))
            return nil
        }
    }

    private mutating func yesNo(_ node: Node?, _ field: String) -> Bool? {
        guard let value = text(node, field), let node else { return nil }
        switch value.lowercased() {
        case "yes", "y", "true": return true
        case "no", "n", "false": return false
        default:
            problems.append(
                .init(code: .invalidValue, field: field, line: line(of: node), message: "\(field): expected yes or no, found '\(value)'"))
            return nil
        }
    }

    private mutating func date(_ node: Node?, _ field: String) -> LocalDate? {
        guard let value = text(node, field), let node else { return nil }
        guard let date = LocalDate(iso: value) else {
            problems.append(
                .init(
                    code: .invalidValue, field: field, line: line(of: node),
                    message: "\(field): expected a date written YYYY-MM-DD, like 2017-10-10, found '\(value)'"))
            return nil
        }
        return date
    }

    /// `no` (nil) or a paragraph 1 to 7 of Schedule 12A.
    private mutating func exemptParagraph(_ node: Node?) -> Int? {
        guard let value = text(node, "exempt"), let node else { return nil }
        switch value.lowercased() {
        case "no", "n", "false": return nil
        default: break
        }
        var digits = value.lowercased()
        for prefix in ["paragraph", "para"] where digits.hasPrefix(prefix) {
            digits = digits.dropFirst(prefix.count).trimmed
            break
        }
        if let paragraph = Int(digits), ScheduleTwelveA.paragraphs.contains(paragraph) {
            return paragraph
        }
        problems.append(
            .init(
                code: .invalidValue, field: "exempt", line: line(of: node),
                message: "exempt: expected no, or the paragraph of Schedule 12A to the Local Government Act 1972 "
                    + "that makes it exempt (1 to 7), found '\(value)'"))
        return nil
    }

    /// A nested mapping's values by key; unknown keys and a value that is not a mapping are problems.
    private mutating func mapping(_ node: Node, _ field: String, allowed: [String]) -> [String: Node]? {
        guard !isNull(node) else { return nil }
        guard case .mapping(let mapping) = node else {
            let keys = allowed.map { "\(field).\($0)" }.joined(separator: ", ")
            problems.append(
                .init(
                    code: .wrongType, field: field, line: line(of: node),
                    message: "\(field): expected a mapping with \(keys), found \(kind(of: node))"))
            return nil
        }
        return entries(of: mapping, path: field, allowed: allowed)
    }

    private mutating func readCorePurpose(_ node: Node) -> [CorePurposeHeading: String] {
        guard !isNull(node) else { return [:] }
        guard case .mapping(let mapping) = node else {
            problems.append(
                .init(
                    code: .wrongType, field: "core_purpose", line: line(of: node),
                    message: "core_purpose: expected a mapping of the core purpose headings to text, found \(kind(of: node))"))
            return [:]
        }
        var result: [CorePurposeHeading: String] = [:]
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            guard let heading = CorePurposeHeading(key: key) else {
                let headings = CorePurposeHeading.allCases.map(\.rawValue).joined(separator: ", ")
                problems.append(
                    .init(
                        code: .unknownKey, field: "core_purpose.\(key)", line: line(of: keyNode),
                        message: "core_purpose: unknown heading '\(key)'; the headings are \(headings)"))
                continue
            }
            if result[heading] != nil {
                problems.append(
                    .init(
                        code: .duplicateKey, field: "core_purpose.\(heading.rawValue)", line: line(of: keyNode),
                        message: "core_purpose: '\(heading.title)' is given twice"))
                continue
            }
            if let text = text(value, "core_purpose.\(heading.rawValue)") { result[heading] = text }
        }
        return result
    }

    /// The entries of `mapping` whose keys are `allowed`, reporting the others.
    private mutating func entries(of mapping: Node.Mapping, path: String?, allowed: [String]) -> [String: Node] {
        var result: [String: Node] = [:]
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let qualified = path.map { "\($0).\(key)" } ?? key
            guard allowed.contains(key) else {
                var message = "unknown key '\(qualified)'"
                let normalised = CorePurposeHeading.normalised(key)
                if let suggestion = allowed.first(where: { $0 == normalised || Self.isNearMiss($0, key.lowercased()) }) {
                    message += " (did you mean '\(path.map { "\($0).\(suggestion)" } ?? suggestion)'?)"
                } else if path == nil {
                    message += "; the template's keys are \(allowed.joined(separator: ", "))"
                } else {
                    message += "; \(path!) has \(allowed.joined(separator: ", "))"
                }
                problems.append(.init(code: .unknownKey, field: qualified, line: line(of: keyNode), message: message))
                continue
            }
            result[key] = value
        }
        return result
    }

    /// Whether `typed` is `key` with one letter wrong, missing, extra or two swapped.
    private static func isNearMiss(_ key: String, _ typed: String) -> Bool {
        let a = Array(key)
        let b = Array(typed)
        guard abs(a.count - b.count) <= 1, a != b else { return false }
        if a.count == b.count {
            let differences = zip(a, b).enumerated().filter { $0.element.0 != $0.element.1 }.map(\.offset)
            if differences.count == 1 { return true }
            if differences.count == 2, differences[1] == differences[0] + 1 {
                return a[differences[0]] == b[differences[1]] && a[differences[1]] == b[differences[0]]
            }
            return false
        }
        let (long, short) = a.count > b.count ? (a, b) : (b, a)
        var i = 0
        while i < short.count, long[i] == short[i] { i += 1 }
        return Array(long[(i + 1)...]) == Array(short[i...])
    }

    private static func isPlausibleEmail(_ text: String) -> Bool {
        EmailAddressRule.isPlausible(text)
    }

    // MARK: - Places

    private func line(of node: Node) -> Int? {
        node.mark.map { $0.line + lineOffset }
    }

    private func kind(of node: Node) -> String {
        switch node {
        case .scalar: "text"
        case .mapping: "a mapping (key: value lines)"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    private func problem(from error: YamlError) -> CoverReportError.Problem {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            var message = "the front matter is not valid YAML: \(problem)"
            if let context { message += " (\(context.text))" }
            return .init(code: .malformedFrontMatter, field: nil, line: mark.line + lineOffset, message: message)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return .init(
                code: .duplicateKey, field: duplicates.first, line: context.mark.line + lineOffset,
                message: "\(keys) \(duplicates.count == 1 ? "is" : "are") given more than once")
        default:
            return .init(
                code: .malformedFrontMatter, field: nil, line: lineOffset + 1,
                message: "the front matter is not valid YAML: \(error)")
        }
    }
}
