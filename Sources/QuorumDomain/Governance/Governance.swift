/// The validated set of boards: codes unique, every `reportsTo` known, no cycle in the
/// reporting graph.
public struct Governance: Sendable, Hashable {
    /// Boards in a stable order (by code).
    public let boards: [Board]
    private let index: [String: Int]

    /// Validates the boards' reporting graph.
    /// - Throws: `GovernanceError` naming the board at fault.
    public init(boards: [Board]) throws(GovernanceError) {
        var index: [String: Int] = [:]
        let sorted = boards.sorted { $0.code < $1.code }
        for (position, board) in sorted.enumerated() {
            guard index[board.code] == nil else { throw .duplicateCode(board.code) }
            index[board.code] = position
        }
        for board in sorted {
            for target in board.reportsTo {
                guard index[target] != nil else { throw .unknownBoard(board: board.code, reportsTo: target) }
                guard target != board.code else { throw .reportingCycle([board.code, board.code]) }
            }
        }
        // Each board's decisions are called in by one scrutiny board, so that who may call one
        // in is never in doubt.
        var scrutinisedBy: [String: String] = [:]
        for board in sorted {
            for target in board.scrutinises {
                guard index[target] != nil, target != board.code else {
                    throw .unknownScrutinised(board: board.code, scrutinises: target)
                }
                if let other = scrutinisedBy[target] {
                    throw .scrutinisedTwice(board: board.code, scrutinises: target, alsoBy: other)
                }
                scrutinisedBy[target] = board.code
            }
        }
        if let cycle = Governance.findCycle(in: sorted) { throw .reportingCycle(cycle) }
        self.boards = sorted
        self.index = index
    }

    public subscript(code: String) -> Board? {
        index[code].map { boards[$0] }
    }

    /// Boards that report to `code`.
    public func boards(reportingTo code: String) -> [Board] {
        boards.filter { $0.reportsTo.contains(code) }
    }

    /// A path of codes that returns to its start (`A → B → A`), or nil when the graph is acyclic.
    private static func findCycle(in boards: [Board]) -> [String]? {
        let edges = Dictionary(uniqueKeysWithValues: boards.map { ($0.code, $0.reportsTo) })
        enum Mark { case visiting, done }
        var marks: [String: Mark] = [:]
        var path: [String] = []

        func visit(_ code: String) -> [String]? {
            switch marks[code] {
            case .done: return nil
            case .visiting:
                let start = path.firstIndex(of: code)!
                return Array(path[start...]) + [code]
            case nil: break
            }
            marks[code] = .visiting
            path.append(code)
            for next in edges[code] ?? [] {
                if let cycle = visit(next) { return cycle }
            }
            path.removeLast()
            marks[code] = .done
            return nil
        }

        for board in boards {
            if let cycle = visit(board.code) { return cycle }
        }
        return nil
    }
}

/// Why a set of boards does not form a governance structure.
public enum GovernanceError: Error, Hashable, Sendable, CustomStringConvertible {
    case duplicateCode(String)
    case unknownBoard(board: String, reportsTo: String)
    case reportingCycle([String])
    /// `scrutinises:` names no other known board.
    case unknownScrutinised(board: String, scrutinises: String)
    /// Two boards' files say they scrutinise the same board.
    case scrutinisedTwice(board: String, scrutinises: String, alsoBy: String)

    /// The board the error belongs to, so that a loader can point at its file.
    public var board: String {
        switch self {
        case .duplicateCode(let code): code
        case .unknownBoard(let board, _): board
        case .reportingCycle(let path): path[0]
        case .unknownScrutinised(let board, _), .scrutinisedTwice(let board, _, _): board
        }
    }

    public var description: String {
        switch self {
        case .duplicateCode(let code):
            "board code \(code) is used by more than one board"
        case .unknownBoard(let board, let target):
            "board \(board) reports to \(target), which is not a known board"
        case .reportingCycle(let path):
            "the reporting graph has a cycle: \(path.joined(separator: " → "))"
        case .unknownScrutinised(let board, let target):
            "board \(board) scrutinises \(target), which is not another known board"
        case .scrutinisedTwice(let board, let target, let other):
            "board \(board) scrutinises \(target), which \(other) already scrutinises: one board calls in a board's decisions"
        }
    }
}
