/// The descriptions of exempt information in Part 1 of Schedule 12A to the Local Government Act
/// 1972 (as amended in 2006): the paragraph an exempt agenda item cites.
public enum ScheduleTwelveA {
    /// The paragraphs there are: 1 to 7.
    public static let paragraphs = 1...7

    /// The paragraph's description of the information it covers, or nil for a number outside 1 to 7.
    public static func description(ofParagraph paragraph: Int) -> String? {
        switch paragraph {
        case 1: "Information relating to any individual."
        case 2: "Information which is likely to reveal the identity of an individual."
        case 3:
            "Information relating to the financial or business affairs of any particular person "
                + "(including the authority holding that information)."
        case 4:
            "Information relating to any consultations or negotiations, or contemplated consultations or "
                + "negotiations, in connection with any labour relations matter arising between the authority "
                + "or a Minister of the Crown and employees of, or office holders under, the authority."
        case 5:
            "Information in respect of which a claim to legal professional privilege could be maintained "
                + "in legal proceedings."
        case 6:
            "Information which reveals that the authority proposes to give under any enactment a notice under "
                + "or by virtue of which requirements are imposed on a person, or to make an order or direction "
                + "under any enactment."
        case 7:
            "Information relating to any action taken or to be taken in connection with the prevention, "
                + "investigation or prosecution of crime."
        default: nil
        }
    }

    /// "Exempt information: Schedule 12A paragraph 3": how a pack marks an exempt item.
    public static func marking(paragraph: Int) -> String {
        "Exempt information: Schedule 12A paragraph \(paragraph)"
    }
}
