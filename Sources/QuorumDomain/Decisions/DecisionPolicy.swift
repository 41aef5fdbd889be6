/// The council's rules for executive decisions, in working days.
///
/// Defaults: a decision is **published within 2 working days** of being made, the figure many
/// constitutions set for the record SI 2012/2089 reg 12 asks for "as soon as reasonably
/// practicable"; and the **call-in period ends 5 working days after publication**, the period
/// most overview and scrutiny procedure rules give (Local Government Act 2000 s9F lets scrutiny
/// call a decision in; the period is the constitution's).
public struct DecisionPolicy: Hashable, Sendable, Codable {
    public var publicationWorkingDays: Int
    public var callInWorkingDays: Int

    public init(publicationWorkingDays: Int = 2, callInWorkingDays: Int = 5) {
        self.publicationWorkingDays = max(0, publicationWorkingDays)
        self.callInWorkingDays = max(0, callInWorkingDays)
    }
}
