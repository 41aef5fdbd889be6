import QuorumDomain

/// Each kind of notice (``Notice/Kind``) has three templates in `Notifications/`:
/// `<stem>.subject.mustache`, `<stem>.text.mustache` and `<stem>.html.mustache`, the stem being
/// the kind with `.` read as `_` (`action.digest` → `action_digest`).
extension Notice.Kind {
    /// The templates' file-name stem: `action_digest`, `signin_link`, `test`.
    public var templateStem: String { rawValue.replacingOccurrences(of: ".", with: "_") }

    /// The template files of this kind, in the order subject, text, HTML.
    public var fileNames: [String] {
        TemplatePart.allCases.map { fileName(of: $0) }
    }

    func fileName(of part: TemplatePart) -> String {
        "\(templateStem).\(part.rawValue).mustache"
    }
}
