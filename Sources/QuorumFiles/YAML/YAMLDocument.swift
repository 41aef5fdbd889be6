import Foundation
import Yams

/// Reads a YAML file into a located root value, turning every Yams and encoding failure into a
/// `FileProblem` with the file's line and column.
enum YAMLDocument {
    /// Reads `path` as UTF-8 text.
    ///
    /// - Parameter displayName: how the file is named in errors (`Boards/OSC.yaml`).
    static func readText(atPath path: String, displayName: String) throws(FileProblem) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let reason = !exists ? "no such file" : isDirectory.boolValue ? "is a folder, not a file" : "cannot be read"
            throw FileProblem(file: displayName, line: 0, column: 0, message: reason)
        }
        return try decodeUTF8(Array(data), file: displayName)
    }

    /// Decodes UTF-8, pointing at the first invalid byte's line and column when it is not.
    static func decodeUTF8(_ bytes: [UInt8], file: String) throws(FileProblem) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var line = 1
        var column = 1
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput:
                break decoding
            case .error:
                break decoding
            }
        }
        throw FileProblem(file: file, line: line, column: column, message: "the file is not valid UTF-8 text")
    }

    /// Parses one YAML document.
    ///
    /// - Returns: the root value, or nil when the document is empty (only comments or blank).
    static func parse(_ text: String, file: String) throws(FileProblem) -> YAMLValue? {
        let root: Node?
        do {
            // No implicit tags: YAMLValue reads every scalar as text and interprets it itself, and
            // Yams' default resolver runs several regular expressions on every scalar (ICU's).
            root = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            throw problem(from: error, text: text, file: file)
        } catch {
            throw FileProblem(file: file, line: 0, column: 0, message: "invalid YAML: \(error)")
        }
        guard let root else { return nil }
        if case .scalar(let scalar) = root, scalar.style == .plain, YAMLValue.nullSpellings.contains(scalar.string) {
            return nil
        }
        return YAMLValue(node: root, path: "", file: file)
    }

    private static func problem(from error: YamlError, text: String, file: String) -> FileProblem {
        func located(_ mark: Mark, _ problem: String, _ context: YamlError.Context?) -> FileProblem {
            var message = "invalid YAML: \(problem)"
            if let context {
                message += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
            }
            return FileProblem(file: file, line: mark.line, column: mark.column, message: message)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            return located(mark, problem, context)
        case .reader(let problem, let offset, _, _):
            let (line, column) = offset.map { position(ofCharacterOffset: $0, in: text) } ?? (0, 0)
            return FileProblem(file: file, line: line, column: column, message: "invalid YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            let noun = duplicates.count == 1 ? "key" : "keys"
            return FileProblem(
                file: file, line: context.mark.line, column: context.mark.column,
                message: "\(noun) \(keys) given more than once in the same mapping")
        default:
            return FileProblem(file: file, line: 0, column: 0, message: "invalid YAML: \(error)")
        }
    }

    /// 1-based line and column (in Unicode scalars) of the `offset`-th character.
    private static func position(ofCharacterOffset offset: Int, in text: String) -> (Int, Int) {
        var line = 1
        var column = 1
        for character in text.prefix(offset) {
            if character == "\n" || character == "\r\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return (line, column)
    }
}
