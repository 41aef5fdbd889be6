import QuorumDomain

/// One board file read into a `Board`, with the places that cross-file checks point at.
struct DecodedBoardFile {
    var board: Board
    var file: String
    /// The `code:` value, for problems with the board as a whole.
    var codeLocation: YAMLValue
    /// Each `reports_to` entry and where it is written.
    var reportsToEntries: [(code: String, location: YAMLValue)]
    /// The `reports_to` key, when present.
    var reportsToKey: YAMLValue?

    /// Each `scrutinises` entry and where it is written.
    var scrutinisesEntries: [(code: String, location: YAMLValue)] = []

    /// Where to report a problem with the `scrutinises` entry `target`.
    func location(ofScrutinised target: String) -> YAMLValue {
        scrutinisesEntries.first { $0.code == target }?.location ?? codeLocation
    }

    /// Where to report a problem with the edge from this board to `target`.
    func location(ofReportTo target: String) -> YAMLValue {
        reportsToEntries.first { $0.code == target }?.location ?? reportsToKey ?? codeLocation
    }
}
