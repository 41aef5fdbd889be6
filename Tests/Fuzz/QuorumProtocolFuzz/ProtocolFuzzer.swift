import CQuorumFuzz
import NIOCore
import QuorumProtocol

#if canImport(Glibc)
import Glibc
#endif

/// The checks run on every input: the request decoder (both ways of reading), the inline
/// splitter behind it, the reply decoder, and the round trip through the encoder.
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
