import Foundation
import QuorumDomain

/// Loads the board files (`Boards/*.yaml`, one per board, named by its code) into a validated
/// `Governance`, reporting the first problem with its file, line and column.
///
/// ```swift
/// let governance = try BoardFileLoader.loadGovernance(from: "Boards")
/// governance["OSC"]?.calendar.meetingDates(through: horizon)
/// ```
///
/// A board file reads:
///
/// ```yaml
/// code: OSC
/// name: Overview and Scrutiny Committee (Children's Services and Safeguarding)
/// chair: { role: Chair of the Overview and Scrutiny Committee, email: osc.chair@example.org }
/// secretary: { role: Democratic Services Officer (Scrutiny), email: scrutiny.secretary@example.org }
/// members:
///   - { role: Vice-Chair of the Overview and Scrutiny Committee, email: osc.vice.chair@example.org }
/// reports_to: [CABINET]
/// public: true
/// meetings:
///   time: "18:30"
///   venue: "Committee Room 1, Town Hall"
///   start: 2017-01-10
///   rule: "FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU;UNTIL=20191231"
///   dates: [2017-09-26]
///   cancelled: [2017-09-12]
/// cycles:
///   - key: performance
///     title: Bi-annual progress report, Children's Social Care performance
///     report_of: Director of Social Care and Health
///     owner: { role: Head of Children's Social Care, email: head.childrens.social.care@example.org }
///     every: 6 months
///     first: 2017-11
///     appendices: [scorecard, action_tracker]
/// ```
public enum BoardFileLoader {
    /// Loads every `*.yaml` file of `directory`, in name order, into a `Governance`.
    ///
    /// Hidden files are skipped, and so are files that are not YAML (a `README.md` may sit
    /// beside the boards); a `.yml` file is an error, so that a misnamed board is not silently
    /// left out.
    ///
    /// - Parameter directory: the folder, as it should be named in errors (`Boards`).
    /// - Throws: `BoardFileError` at the first problem: YAML syntax, a missing, unknown or
    ///   ill-typed key, a bad code, date, month, time, email, rule or cadence, a file not named
    ///   after its board's code, a `reports_to` naming no board, or a cycle in the reporting graph.
    public static func loadGovernance(from directory: String) throws(BoardFileError) -> Governance {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw BoardFileError(file: directory, line: 0, column: 0, message: "no such folder of board files")
        }
        guard isDirectory.boolValue else {
            throw BoardFileError(file: directory, line: 0, column: 0, message: "is a file, not the folder of board files")
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw BoardFileError(
                file: directory, line: 0, column: 0,
                message: "cannot list the board files: \((error as NSError).localizedDescription)")
        }
        var files: [(file: String, text: String)] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            if name.hasSuffix(".yml") {
                throw BoardFileError(
                    file: path, line: 0, column: 0,
                    message: "board files end in .yaml: rename it \(name.dropLast(4)).yaml")
            }
            guard name.hasSuffix(".yaml") else { continue }
            do {
                files.append((path, try YAMLDocument.readText(atPath: path, displayName: path)))
            } catch {
                throw BoardFileError(error)
            }
        }
        guard !files.isEmpty else {
            throw BoardFileError(file: directory, line: 0, column: 0, message: "no board files (*.yaml) found")
        }
        return try loadGovernance(texts: files)
    }

    /// Loads every `*.yaml` file of the folder at `directory`.
    ///
    /// - Throws: `BoardFileError`, as `loadGovernance(from:)` with a path does.
    public static func loadGovernance(from directory: URL) throws(BoardFileError) -> Governance {
        try loadGovernance(from: directory.path)
    }

    /// Loads board files given as text (tests, tools): each `file` names the file in errors
    /// and must end in `<code>.yaml`.
    ///
    /// - Throws: `BoardFileError` at the first problem of any file, then the first problem
    ///   of the reporting graph, at the `reports_to` entry of the board at fault.
    public static func loadGovernance(texts files: [(file: String, text: String)]) throws(BoardFileError) -> Governance {
        var decoded: [String: DecodedBoardFile] = [:]
        for (file, text) in files {
            let board: DecodedBoardFile
            do {
                board = try BoardFileDecoder.decode(text: text, file: file)
            } catch {
                throw BoardFileError(error)
            }
            if let other = decoded[board.board.code] {
                throw BoardFileError(
                    board.codeLocation.problem("the board \(board.board.code) is already defined in \(other.file)"))
            }
            decoded[board.board.code] = board
        }
        do {
            return try Governance(boards: decoded.values.map(\.board))
        } catch {
            throw locate(error, in: decoded)
        }
    }

    /// Reads one board file's text into a `Board`, without the checks that need the other
    /// boards (whether `reports_to` names known boards, reporting cycles).
    ///
    /// - Parameters:
    ///   - text: the file's YAML.
    ///   - file: the file's name or path for errors; its last component must be `<code>.yaml`.
    /// - Throws: `BoardFileError` at the first problem.
    public static func loadBoard(text: String, file: String) throws(BoardFileError) -> Board {
        do {
            return try BoardFileDecoder.decode(text: text, file: file).board
        } catch {
            throw BoardFileError(error)
        }
    }

    /// Points a governance error at the `reports_to` entry (or, failing that, the code) of the
    /// board at fault.
    static func locate(_ error: GovernanceError, in files: [String: DecodedBoardFile]) -> BoardFileError {
        guard let file = files[error.board] else {
            return BoardFileError(file: error.board, line: 0, column: 0, message: error.description)
        }
        func atReportsTo(_ target: String, _ message: String) -> BoardFileError {
            let location = file.location(ofReportTo: target)
            return BoardFileError(file: file.file, line: location.line, column: location.column, message: "reports_to: \(message)")
        }
        switch error {
        case .unknownBoard(_, let target):
            return atReportsTo(target, "\(target) is not a known board")
        case .reportingCycle(let path):
            let target = path.count > 1 ? path[1] : path[0]
            return atReportsTo(target, "\(target) makes a reporting cycle: \(path.joined(separator: " → "))")
        case .duplicateCode(let code):
            return BoardFileError(file.codeLocation.problem("the board code \(code) is used by more than one file"))
        case .unknownScrutinised(_, let target):
            return BoardFileError(file.location(ofScrutinised: target).problem("\(target) is not a known board"))
        case .scrutinisedTwice(_, let target, let other):
            return BoardFileError(
                file.location(ofScrutinised: target).problem(
                    "\(target) is already scrutinised by \(other): only one board may call in its decisions"))
        }
    }
}
