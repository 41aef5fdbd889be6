/// The eight headings of the council's core purpose, under which every cover report says what
/// the proposal contributes ("Contribution to the Council's Core Purpose").
///
/// In front matter each is a key of `core_purpose`, written in snake_case
/// (`protect_the_most_vulnerable`) or as the template writes it ("Protect the most
/// vulnerable"): both read the same.
public enum CorePurposeHeading: String, Hashable, Sendable, CaseIterable, Comparable {
    case protectTheMostVulnerable = "protect_the_most_vulnerable"
    case facilitateConfidentAndResilientCommunities = "facilitate_confident_and_resilient_communities"
    case commissionBrokerAndProvideCoreServices = "commission_broker_and_provide_core_services"
    case placeLeadershipAndInfluencer = "place_leadership_and_influencer"
    case driversOfChangeAndReform = "drivers_of_change_and_reform"
    case facilitateSustainableEconomicProsperity = "facilitate_sustainable_economic_prosperity"
    case greaterIncomeForSocialInvestment = "greater_income_for_social_investment"
    case cleanerGreener = "cleaner_greener"

    /// The heading as the template prints it.
    public var title: String {
        switch self {
        case .protectTheMostVulnerable: "Protect the most vulnerable"
        case .facilitateConfidentAndResilientCommunities: "Facilitate confident and resilient communities"
        case .commissionBrokerAndProvideCoreServices: "Commission, broker and provide core services"
        case .placeLeadershipAndInfluencer: "Place – leadership and influencer"
        case .driversOfChangeAndReform: "Drivers of change and reform"
        case .facilitateSustainableEconomicProsperity: "Facilitate sustainable economic prosperity"
        case .greaterIncomeForSocialInvestment: "Greater income for social investment"
        case .cleanerGreener: "Cleaner Greener"
        }
    }

    /// The heading for a front-matter key in snake_case or as the template writes it, ignoring
    /// case and punctuation; nil when it is none of the eight.
    public init?(key: String) {
        self.init(rawValue: Self.normalised(key))
    }

    /// Lower case, every run of characters other than letters and digits one underscore.
    static func normalised(_ key: String) -> String {
        var result = ""
        var pendingUnderscore = false
        for character in key.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingUnderscore && !result.isEmpty { result.append("_") }
                pendingUnderscore = false
                result.append(character)
            } else {
                pendingUnderscore = true
            }
        }
        return result
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
