/// Who may run an operation, declared next to it and checked in one place.
///
/// Rules compose with `anyOf`, as authorization policies do: `MEETING ADD` is
/// `.anyOf([.role(.admin), .secretaryOfBoard])`. A rule is judged against the acting user and
/// the scope the operation resolved (the board of the meeting, the lead of the action).
public indirect enum AccessRule: Hashable, Sendable {
    /// Anyone, signed in or not.
    case anyone
    /// Any signed-in user.
    case signedIn
    /// A signed-in user with this role (any board).
    case role(Role)
    /// The secretary of the board in scope.
    case secretaryOfBoard
    /// A member of the board in scope: a `member` user of that board, or a person seated on it in
    /// its board file.
    case memberOfBoard
    /// The lead of the action in scope.
    case leadOfAction
    /// The owner of the agenda item in scope.
    case ownerOfItem
    case anyOf([AccessRule])

    /// Whether `user` (nil: the public) passes in `scope`.
    public func allows(_ user: User?, in scope: AccessScope) -> Bool {
        switch self {
        case .anyone:
            return true
        case .signedIn:
            return user != nil
        case .role(let role):
            return user?.role == role
        case .secretaryOfBoard:
            guard let user, let board = scope.boardCode else { return false }
            return user.role == .secretary && user.boardCode == board
        case .memberOfBoard:
            guard let user, let board = scope.boardCode else { return false }
            return (user.role == .member && user.boardCode == board) || scope.seats.contains(board)
        case .leadOfAction:
            guard let user, let lead = scope.actionLead else { return false }
            return EmailAddressRule.same(user.name, lead)
        case .ownerOfItem:
            guard let user, let owner = scope.itemOwner else { return false }
            return EmailAddressRule.same(user.name, owner)
        case .anyOf(let rules):
            return rules.contains { $0.allows(user, in: scope) }
        }
    }

    /// Whether the rule could admit `user` in some scope: judged before an operation reads its
    /// arguments, so that someone it can never admit learns nothing from argument errors.
    public func couldAllow(_ user: User?) -> Bool {
        switch self {
        case .anyone: true
        case .signedIn, .memberOfBoard, .leadOfAction, .ownerOfItem: user != nil
        case .role(let role): user?.role == role
        case .secretaryOfBoard: user?.role == .secretary
        case .anyOf(let rules): rules.contains { $0.couldAllow(user) }
        }
    }

    /// Whether judging the rule needs the boards the user sits on (a database read).
    public var needsSeats: Bool {
        switch self {
        case .memberOfBoard: true
        case .anyOf(let rules): rules.contains(where: \.needsSeats)
        default: false
        }
    }

    /// Whether the rule can pass for someone not signed in.
    public var admitsThePublic: Bool {
        switch self {
        case .anyone: true
        case .anyOf(let rules): rules.contains(where: \.admitsThePublic)
        default: false
        }
    }

    /// The rule in words, as HELP and `docs/access.md` show it.
    public var description: String {
        switch self {
        case .anyone: "anyone"
        case .signedIn: "signed-in users"
        case .role(let role): role.rawValue
        case .secretaryOfBoard: "secretary of the board"
        case .memberOfBoard: "members of the board"
        case .leadOfAction: "the action's lead"
        case .ownerOfItem: "the item's owner"
        case .anyOf(let rules): rules.map(\.description).joined(separator: ", ")
        }
    }
}

/// What an operation resolved before its access is judged: the board, the action's lead, the
/// item's owner, and the boards the user sits on.
public struct AccessScope: Hashable, Sendable {
    public var boardCode: String?
    public var actionLead: String?
    public var itemOwner: String?
    /// Board codes whose board file seats the user (filled only when a rule needs it).
    public var seats: Set<String>

    public init(boardCode: String? = nil, actionLead: String? = nil, itemOwner: String? = nil, seats: Set<String> = []) {
        self.boardCode = boardCode
        self.actionLead = actionLead
        self.itemOwner = itemOwner
        self.seats = seats
    }

    public static let none = AccessScope()
}
