/// Why a clearance step was refused: which step, and what was wrong (the wrong person, the wrong
/// stage, a bad reference, a return without its comment).
public struct ClearanceError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Hashable, Sendable, Codable {
        /// The user does not hold the role that owns the step.
        case notPermitted = "not_permitted"
        /// The report is not at the stage the step starts from.
        case wrongStage = "wrong_stage"
        /// A finance or legal reference not of the form `FD.5470/18`.
        case invalidReference = "invalid_reference"
        /// A return without a comment, or a clearance without the officer's title.
        case missingText = "missing_text"
    }

    public var code: Code
    public var step: ClearanceStep.Kind
    /// The sentence after the step: "only a finance officer may; lead@example.org is a lead".
    public var detail: String

    public init(_ code: Code, step: ClearanceStep.Kind, detail: String) {
        self.code = code
        self.step = step
        self.detail = detail
    }

    public var description: String { "cannot \(step.label): \(detail)" }
}
