import Foundation
import QuorumDomain
import Mustache

/// The notice templates of `Notifications/`, loaded and checked once at start-up.
///
/// Each ``Notice/Kind`` has a subject, a plain-text and an HTML template
/// (swift-mustache). Subject and text templates are rendered without HTML escaping; the
/// HTML template escapes every `{{value}}`. Loading renders every template against
/// ``sampleContext(for:)``, so that a template that does not parse, or that names a value
/// the kind does not have (a typo such as `{{reveiw_date}}`, which Mustache would quietly
/// render as nothing), stops the daemon at start-up with the file, line and reason, not at
/// send time.
///
/// ```swift
/// let templates = try NotificationTemplates(directory: "Notifications")
/// let notice = try templates.render(kind: .actionDigest, context: context)
/// // notice.subject, notice.text, notice.html
/// ```
public struct NotificationTemplates: Sendable {
    /// The folder the templates were read from.
    public let directory: String
    private let templates: [Notice.Kind: [TemplatePart: MustacheTemplate]]

    /// Subject and text templates are plain text: a pragma ahead of the file's first line
    /// turns off HTML escaping. It sits on a line of its own, which Mustache removes, so
    /// reported line numbers are one more than the file's (``init(directory:)`` corrects them).
    private static let textPragma = "{{% CONTENT_TYPE: TEXT}}\n"

    /// Reads and checks every template in `directory`.
    /// - Throws: ``NotificationTemplateError`` naming the first template file that is missing,
    ///   does not parse, names an unknown value or renders an empty subject.
    public init(directory: String) throws(NotificationTemplateError) {
        self.directory = directory
        var templates: [Notice.Kind: [TemplatePart: MustacheTemplate]] = [:]
        for kind in Notice.Kind.allCases {
            for part in TemplatePart.allCases {
                let path = (directory as NSString).appendingPathComponent(kind.fileName(of: part))
                let template = try Self.load(path: path, part: part)
                try Self.check(template, path: path, kind: kind, part: part)
                templates[kind, default: [:]][part] = template
            }
        }
        self.templates = templates
    }

    /// Renders a notice.
    /// - Parameters:
    ///   - kind: which notice.
    ///   - context: its values, as `[String: Any]` of strings, numbers, booleans, arrays and
    ///     dictionaries (see `Notifications/README.md` for each kind's keys).
    /// - Returns: the subject on one line, the text part and the HTML part.
    /// - Throws: ``NotificationTemplateError`` when the subject renders empty.
    public func render(kind: Notice.Kind, context: [String: Any]) throws(NotificationTemplateError)
        -> (subject: String, text: String, html: String)
    {
        let parts = templates[kind]!
        let subject = MIMEEncoding.singleLine(parts[.subject]!.render(context))
        guard !subject.isEmpty else {
            throw NotificationTemplateError(
                file: (directory as NSString).appendingPathComponent(kind.fileName(of: .subject)),
                reason: "the subject is empty for this notice")
        }
        return (subject, parts[.text]!.render(context), parts[.html]!.render(context))
    }

    /// Renders a notice from a stored (`Codable`) context.
    public func render(kind: Notice.Kind, context: [String: TemplateValue]) throws(NotificationTemplateError)
        -> (subject: String, text: String, html: String)
    {
        try render(kind: kind, context: context.compactMapValues(\.mustacheValue))
    }

    private static func load(path: String, part: TemplatePart) throws(NotificationTemplateError) -> MustacheTemplate {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw NotificationTemplateError(file: path, reason: "the template file is missing or unreadable")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw NotificationTemplateError(file: path, reason: "the template is not UTF-8 text")
        }
        let isText = part != .html
        do {
            return try MustacheTemplate(string: isText ? textPragma + text : text)
        } catch let error as MustacheTemplate.ParserError {
            let line = error.context.lineNumber - (isText ? 1 : 0)
            throw NotificationTemplateError(
                file: path, line: max(1, line), column: error.context.columnNumber, reason: Self.explain(error.error))
        } catch {
            throw NotificationTemplateError(file: path, reason: "\(error)")
        }
    }

    /// Renders `template` against the kind's sample and fails on a value the kind lacks, or
    /// on an empty subject.
    private static func check(
        _ template: MustacheTemplate, path: String, kind: Notice.Kind, part: TemplatePart
    ) throws(NotificationTemplateError) {
        let recorder = TemplateLookupRecorder()
        let sample = sampleContext(for: kind)
        // Once as it is and once with every flag flipped, to reach both sides of each {{#flag}}.
        let output = template.render(recorder.wrap(sample.compactMapValues(\.mustacheValue)))
        _ = template.render(recorder.wrap(sample.mapValues(\.negatingFlags).compactMapValues(\.mustacheValue)))
        if let unknown = recorder.unknownNames.sorted().first {
            let known = sample.keys.sorted().joined(separator: ", ")
            throw NotificationTemplateError(
                file: path, line: line(of: unknown, in: template.description, part: part),
                reason: "{{\(unknown)}} is not one of the values of the \(kind.templateStem) notice (they are: \(known))")
        }
        if part == .subject, MIMEEncoding.singleLine(output).isEmpty {
            throw NotificationTemplateError(file: path, reason: "the subject renders empty")
        }
    }

    /// The line of the first tag naming `name`, in the file's own numbering.
    private static func line(of name: String, in text: String, part: TemplatePart) -> Int? {
        let lines = text.components(separatedBy: "\n")
        let pattern = try? NSRegularExpression(
            pattern: "\\{\\{\\{?\\s*[#^/&]?\\s*\(NSRegularExpression.escapedPattern(for: name))\\s*\\}")
        for (index, line) in lines.enumerated() {
            let range = NSRange(line.startIndex..., in: line)
            if pattern?.firstMatch(in: line, range: range) != nil {
                return index + (part == .html ? 1 : 0)
            }
        }
        return nil
    }

    private static func explain(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "a section is closed with a name that does not match the one it was opened with"
        case .unfinishedName: return "a tag is not finished: check its name and its closing }}"
        case .expectedSectionEnd: return "a section is opened but never closed (a {{/name}} is missing)"
        case .invalidSetDelimiter: return "a set-delimiter tag {{=… …=}} is malformed"
        case .transformAppliedToInheritanceSection: return "a transform cannot be applied to an inherited section"
        case .illegalTokenInsideInheritSection: return "only {{$block}} sections may appear inside a {{<parent}}"
        case .textInsideInheritSection: return "text cannot appear inside a {{<parent}} outside a block"
        case .invalidConfigVariableSyntax: return "a {{% pragma}} is malformed"
        case .unrecognisedConfigVariable: return "a {{% pragma}} is not one that Mustache knows"
        }
    }
}
