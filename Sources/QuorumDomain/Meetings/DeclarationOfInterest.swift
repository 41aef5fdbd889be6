/// A member's declaration of an interest in an agenda item, as the minutes record it.
///
/// The kinds are those of the Localism Act 2011 and the model code of conduct councils adopt:
/// a disclosable pecuniary interest bars the member from the discussion and the vote (s31), and
/// standing orders ask them to leave the room, unless they hold a dispensation (s33).
public struct DeclarationOfInterest: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// Localism Act 2011 s30: the member's (or partner's) employment, property, contracts…
        case disclosablePecuniary = "disclosable_pecuniary"
        /// An interest the code of conduct asks to be registered, other than a pecuniary one.
        case otherRegistrable = "other_registrable"
        /// An interest affecting the member's own or a relative's wellbeing or finances.
        case nonRegistrable = "non_registrable"
    }

    /// The member's email.
    public var member: String
    /// The agenda item's number.
    public var item: Int
    public var kind: Kind
    /// What the interest is, in the member's words.
    public var nature: String
    public var leftRoom: Bool
    public var dispensation: Bool

    public init(member: String, item: Int, kind: Kind, nature: String, leftRoom: Bool, dispensation: Bool = false) {
        self.member = member
        self.item = item
        self.kind = kind
        self.nature = nature
        self.leftRoom = leftRoom
        self.dispensation = dispensation
    }

    /// A warning for the minutes, or nil: a pecuniary interest whose member stayed without a dispensation.
    public var warning: String? {
        guard kind == .disclosablePecuniary, !leftRoom, !dispensation else { return nil }
        return "\(member) declared a disclosable pecuniary interest in item \(item) and stayed in the room without a dispensation"
    }
}
