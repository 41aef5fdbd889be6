import CQuorumFuzz
import NIOCore
import QuorumProtocol

#if canImport(Glibc)
import Glibc
#endif

/// The checks run on every input: the request decoder (both ways of reading), the inline
/// splitter behind it, the command grammar on every request decoded (name, arity, text,
/// `key=value` options), the reply decoder, and the round trip through the encoder.
///
/// Each check is a `precondition`, so a broken one stops the run as a crash that libFuzzer
/// saves as a reproducer. Limits are small so that inputs reach them.
enum ProtocolFuzzer {
    static let configuration = RESPDecoderConfiguration(
        maxInlineBytes: 64, maxBulkBytes: 32, maxArrayCount: 8, maxRequestBytes: 64, maxNestingDepth: 8)

    /// What reading a stream gave, in order, for comparing two ways of feeding it.
    enum Event: Equatable {
        case request([[UInt8]])
        case tooLarge(String)
        case error(String)
    }

    static func check(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        // The same bytes must read the same whole, split in two, and one byte at a time.
        let whole = readRequests([bytes[...]])
        let cut = Int(bytes[0]) % bytes.count
        let halves = readRequests([bytes[..<cut], bytes[cut...]])
        precondition(whole == halves, "split at \(cut) reads differently")
        if bytes.count <= 64 {
            let bytewise = readRequests(bytes.indices.map { bytes[$0...$0] })
            precondition(whole == bytewise, "byte-at-a-time reads differently")
        }

        // Every request read re-encodes to bytes that read back as the same request.
        for event in whole {
            guard case .request(let words) = event else { continue }
            precondition(!words.isEmpty, "an empty request was returned")
            var encoded = ByteBuffer()
            encoded.writeRESPValue(RESPValue(RESPRequest(arguments: words.map { ByteBuffer(bytes: $0) })))
            let again = readRequests([Array(encoded.readableBytesView)[...]], configuration: RESPDecoderConfiguration())
            precondition(again == [.request(words)], "round trip changed the request")
            let request = RESPRequest(arguments: words.map { ByteBuffer(bytes: $0) })
            _ = request.name
            for index in words.indices {
                let text = try? request.string(at: index)
                precondition((text == nil) == (String(validating: words[index], as: UTF8.self) == nil))
            }
            checkGrammar(request, words)
        }

        // The ByteToMessageDecoder path refuses where `next` drops, never the other way round.
        var strict = RESPRequestDecoder(configuration: configuration)
        var buffer = ByteBuffer(bytes: bytes)
        var strictRequests: [[[UInt8]]] = []
        while true {
            do {
                guard let request = try strict.decode(buffer: &buffer) else { break }
                strictRequests.append(request.arguments.map { Array($0.readableBytesView) })
            } catch {
                break
            }
        }
        let lenientRequests = whole.compactMap { event -> [[UInt8]]? in
            if case .request(let words) = event { return words }
            return nil
        }
        precondition(lenientRequests.starts(with: strictRequests), "the strict decoder read a request the lenient did not")

        // The reply decoder: never crashes, never returns more than the input could hold.
        var replies = RESPValueDecoder(configuration: configuration)
        var replyBuffer = ByteBuffer(bytes: bytes)
        var count = 0
        while count < bytes.count {
            do {
                guard try replies.decode(buffer: &replyBuffer) != nil else { break }
                count += 1
            } catch {
                break
            }
        }
        precondition(count <= bytes.count)
    }

    /// A command table in the shape of the server's: single commands, groups with subcommands,
    /// a name that is both (COMMAND), optional and required arguments, options.
    static let shapes: [CommandShape] = [
        CommandShape(name: "PING", usage: "[message]", arity: 0...1, argumentSize: .document),
        CommandShape(name: "AUTH", usage: "<user> <token>", arity: 2...2),
        CommandShape(name: "QUIT", usage: "", arity: 0...0),
        CommandShape(name: "AUDIT", usage: "[since] [user=<email>] [kind=<kind>] [limit=<n>]", arity: 0...4),
        CommandShape(name: "COMMAND", usage: "", arity: 0...0),
        CommandShape(name: "COMMAND COUNT", usage: "", arity: 0...0),
        CommandShape(name: "COMMAND DOCS", usage: "[command …]", arity: ClosedRange<Int>(uncheckedBounds: (0, Int.max))),
        CommandShape(name: "BOARD GET", usage: "<code>", arity: 1...1),
        CommandShape(name: "BOARD LIST", usage: "", arity: 0...0),
        CommandShape(name: "ACTION LIST", usage: "[status=…] [lead=<email>] [asof=YYYY-MM-DD]", arity: 0...3),
        CommandShape(name: "MEETING ADD", usage: "<board> <YYYY-MM-DD> [HH:MM] [venue]", arity: 2...4, argumentSize: .text),
    ]
    static let grammar = CommandGrammar(shapes)
    static let optionKeys = ["status", "lead", "asof", "user", "kind", "limit"]

    /// The grammar on one decoded request: never a crash, and what it gives is consistent
    /// with the words.
    static func checkGrammar(_ request: RESPRequest, _ words: [[UInt8]]) {
        let texts = words.map { String(validating: $0, as: UTF8.self) }
        do {
            let command = try grammar.resolve(request)
            guard let shape = grammar.shapes[command.name] else { preconditionFailure("resolved to an unknown name") }
            precondition(shape.arity.contains(command.arguments.count), "arity not held")
            if let maximum = shape.argumentSize.maxBytes {
                precondition(command.arguments.allSatisfy { $0.utf8.count <= maximum }, "an argument over the command's size")
            }
            precondition(!texts.contains(nil), "text that is not UTF-8 was resolved")
            let nameWords = command.name.split(separator: " ").count
            precondition(command.arguments == texts.dropFirst(nameWords).map { $0! }, "the arguments are not the words after the name")
            precondition(texts[0]!.uppercased() == String(command.name.split(separator: " ")[0]), "the name is not the first word")
            // The options: every one given is an allowed key, from an argument holding `=`.
            for start in 0...command.arguments.count {
                do {
                    let options = try CommandGrammar.options(command.arguments.dropFirst(start), command: command.name, allowed: optionKeys)
                    precondition(options.count == command.arguments.count - start, "an option was lost")
                    precondition(options.keys.allSatisfy(optionKeys.contains), "an option not allowed was kept")
                } catch {
                    precondition(error.code == .badarg && error.message.hasPrefix("\(command.name): "), "\(error)")
                }
            }
        } catch {
            switch error.code {
            case .badarg:
                precondition(texts.contains(nil), "BADARG for text that is UTF-8: \(error)")
                precondition(error.message.hasSuffix("is not valid UTF-8"))
            case .err:
                precondition(!texts.contains(nil), "ERR before the UTF-8 check: \(error)")
            case .toobig:
                precondition(!texts.contains(nil), "TOOBIG before the UTF-8 check: \(error)")
                precondition(words.contains { $0.count > ArgumentSize.short.maxBytes! }, "TOOBIG for arguments that fit: \(error)")
            }
        }
    }

    /// Feeds `reads` to one decoder as a connection would, collecting what it gives.
    static func readRequests(
        _ reads: [ArraySlice<UInt8>], configuration: RESPDecoderConfiguration = configuration
    ) -> [Event] {
        var decoder = RESPRequestDecoder(configuration: configuration)
        var buffer = ByteBuffer()
        var events: [Event] = []
        for read in reads {
            buffer.writeBytes(read)
            while true {
                do {
                    guard let next = try decoder.next(from: &buffer) else { break }
                    switch next {
                    case .request(let request):
                        events.append(.request(request.arguments.map { Array($0.readableBytesView) }))
                    case .tooLarge(let refusal):
                        precondition(refusal.size > Int64(refusal.maximum) || refusal.limit == .requestBytes)
                        events.append(.tooLarge(refusal.description))
                    }
                } catch {
                    events.append(.error(error.description))
                    return events
                }
            }
            buffer.discardReadBytes()
        }
        return events
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    ProtocolFuzzer.check(bytes)
    return 0
}

#if QUORUM_FUZZING
/// SwiftPM aliases `main` to this symbol; hand the process to libFuzzer's driver.
@_cdecl("QuorumProtocolFuzz_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzTestOneInput(data, size) }
}
#else
/// Without libFuzzer: runs every file named (or every file in every folder named) through the
/// same checks, so the corpus doubles as a regression test.
@main
struct CorpusReplay {
    static func main() throws {
        var count = 0
        for path in CommandLine.arguments.dropFirst() {
            for file in files(at: path) {
                guard let bytes = read(file) else { continue }
                ProtocolFuzzer.check(bytes)
                count += 1
            }
        }
        print("QuorumProtocolFuzz: \(count) inputs replayed, no failure")
    }

    static func files(at path: String) -> [String] {
        guard let directory = opendir(path) else { return [path] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if !name.hasPrefix(".") { names.append(path + "/" + name) }
        }
        return names.sorted()
    }

    static func read(_ path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = fread(&chunk, 1, chunk.count, file)
            if count <= 0 { break }
            bytes += chunk[..<count]
        }
        return bytes
    }
}
#endif
