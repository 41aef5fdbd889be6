/// The cover report's "(A) Internal Consultations", written from the clearance record in the
/// council's wording.
extension ReportClearance {
    /// "The Head of Corporate Resources (FD.5470/18) and the Chief Legal and Democratic Officer
    /// (LD.4595/18) have been consulted and any comments have been incorporated into the report."
    ///
    /// With one clearance only, "… has been consulted …"; with none, nil (the cover then says so
    /// rather than inventing a consultation).
    public var internalConsultations: String? {
        Self.internalConsultations(finance: finance, legal: legal)
    }

    /// What the cover says when the record holds no clearance: a report never sent through
    /// clearance, or one not yet cleared by finance or legal. It claims nobody, whatever the
    /// report's own text said.
    public static let noInternalConsultations =
        "No internal consultations have been recorded: the report has not been cleared by finance or legal."

    /// The Internal Consultations of a report whose clearance record is `clearance` (nil when it
    /// has none): the officers who cleared it, or ``noInternalConsultations``.
    public static func internalConsultations(of clearance: ReportClearance?) -> String {
        clearance?.internalConsultations ?? noInternalConsultations
    }

    static func internalConsultations(finance: Clearance?, legal: Clearance?) -> String? {
        let named = [finance, legal].compactMap { $0 }.map { "\(withArticle($0.title)) (\($0.reference))" }
        guard !named.isEmpty else { return nil }
        let subject = named.count == 1 ? named[0] : "\(named[0]) and \(named[1])"
        let verb = named.count == 1 ? "has" : "have"
        return subject.capitalisedFirst + " \(verb) been consulted and any comments have been incorporated into the report."
    }

    /// "the Head of Corporate Resources"; a title that already starts with an article keeps it.
    private static func withArticle(_ title: String) -> String {
        let lower = title.lowercased()
        return lower.hasPrefix("the ") || lower.hasPrefix("a ") || lower.hasPrefix("an ") ? title : "the \(title)"
    }
}
