/// Where a report stands on its way into a pack: draft, submitted for clearance, cleared by
/// finance, cleared by legal, approved by the officer it is "of", in the pack.
public enum ClearanceStage: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    case draft
    case submitted
    case financeCleared = "finance_cleared"
    case legalCleared = "legal_cleared"
    case approved
    case inPack = "in_pack"

    /// The step that moves a report on from this stage, or nil in the pack.
    public var nextStep: ClearanceStep.Kind? {
        switch self {
        case .draft: .submit
        case .submitted: .clearFinance
        case .financeCleared: .clearLegal
        case .legalCleared: .approve
        case .approved: .addToPack
        case .inPack: nil
        }
    }

    /// "draft", "submitted for clearance", "cleared by finance"…
    public var label: String {
        switch self {
        case .draft: "draft"
        case .submitted: "submitted for clearance"
        case .financeCleared: "cleared by finance"
        case .legalCleared: "cleared by legal"
        case .approved: "approved"
        case .inPack: "in the pack"
        }
    }

    public static func < (lhs: ClearanceStage, rhs: ClearanceStage) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
