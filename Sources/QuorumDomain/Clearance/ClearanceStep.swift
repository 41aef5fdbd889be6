/// One move of a report through clearance, with what it carries.
public enum ClearanceStep: Hashable, Sendable {
    /// The owner submits the draft for clearance.
    case submit
    /// A finance officer clears it; `title` is how the cover names them ("Head of Corporate Resources").
    case clearFinance(reference: ClearanceReference, title: String)
    /// A legal officer clears it ("Chief Legal and Democratic Officer").
    case clearLegal(reference: ClearanceReference, title: String)
    /// The officer the report is "of" approves it.
    case approve
    /// The board's secretary puts it in the pack.
    case addToPack
    /// Whoever holds the next step sends it back to draft, saying why.
    case returnToDraft(comment: String)

    /// The step without its data.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case submit
        case clearFinance = "clear_finance"
        case clearLegal = "clear_legal"
        case approve
        case addToPack = "add_to_pack"
        case returnToDraft = "return"

        /// "submit the report for clearance", "clear it for finance"…
        public var label: String {
            switch self {
            case .submit: "submit the report for clearance"
            case .clearFinance: "clear the report for finance"
            case .clearLegal: "clear the report for legal"
            case .approve: "approve the report"
            case .addToPack: "put the report in the pack"
            case .returnToDraft: "return the report to draft"
            }
        }
    }

    public var kind: Kind {
        switch self {
        case .submit: .submit
        case .clearFinance: .clearFinance
        case .clearLegal: .clearLegal
        case .approve: .approve
        case .addToPack: .addToPack
        case .returnToDraft: .returnToDraft
        }
    }
}
