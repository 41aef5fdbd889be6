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
