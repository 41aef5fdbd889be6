/// The three templates of a notice kind.
enum TemplatePart: String, CaseIterable, Sendable {
    case subject
    case text
    case html
}
