/// A dated progress update on an action: the seed's "Update Commentary", or what a lead posts
/// with `ACTION UPDATE`. An update may also move the action's review date or complete it.
public struct ActionUpdate: Hashable, Sendable, Codable {
    /// The day the update reports on (the `updated_on` column; the day it was posted otherwise).
    public var date: LocalDate
    /// What was done, in the lead's words.
    public var text: String
    /// Who wrote it: an email address, or `import` for updates that came in a CSV file.
    public var author: String
    /// A new review date that the update sets, if any. The most recent update that sets one
    /// decides the action's ``PlanAction/effectiveReviewDate``.
    public var newReviewDate: LocalDate?
    /// Whether the update reports the action complete.
    public var completes: Bool

    /// An update dated `date`; by default it neither moves the review date nor completes the action.
    public init(date: LocalDate, text: String, author: String, newReviewDate: LocalDate? = nil, completes: Bool = false) {
        self.date = date
        self.text = text
        self.author = author
        self.newReviewDate = newReviewDate
        self.completes = completes
    }
}
