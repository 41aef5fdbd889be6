import Foundation

extension ClientOptions {
    /// Runs a command whose reply is a JSON document of type `D` and shows it with `present`;
    /// with `--json` it prints the server's JSON instead.
    func show<D: Decodable>(_ words: [String], as type: D.Type, _ present: (D) -> Void) async throws {
        guard let document = try await callDocument(words, as: type) else { return }
        present(document)
    }

    /// Runs a command whose reply is a file (HTML or PDF) and writes it to `output`, saying so on
    /// standard error, or to standard output when `output` is nil.
    func download(_ words: [String], to output: String?) async throws {
        let reply = try await call(words)
        guard case .bulkString(let buffer) = reply else { throw ClientError(message: "unexpected reply \(reply)") }
        let data = Data(buffer.readableBytesView)
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: data) else {
                throw ClientError(message: "cannot write \(output)")
            }
            FileHandle.standardError.write(Data("wrote \(output) (\(data.count) bytes)\n".utf8))
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}

/// The `key=value` words of the options that are given, in order:
/// `optionWords(["role": "Chair", "frequency": nil])` is `["role=Chair"]`.
func optionWords(_ options: KeyValuePairs<String, String?>) -> [String] {
    options.compactMap { key, value in value.map { "\(key)=\($0)" } }
}
