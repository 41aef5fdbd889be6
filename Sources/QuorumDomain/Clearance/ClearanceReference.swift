/// The reference a finance or legal officer gives when clearing a report: `FD.5470/18` (finance
/// document 5470 of 2018) or `LD.4595/18`. The cover's Internal Consultations quote it.
///
/// Written as the two letters, a full stop (or a space, as older covers write `FD 4914/17`), one
/// to six digits, a slash and the two-digit year. It keeps the separator it was written with.
///
/// ```swift
/// try ClearanceReference(parsing: "FD.5470/18", for: .finance).number  // 5470
/// try ClearanceReference(parsing: "LD.4595/18", for: .finance)         // throws: a finance reference starts FD
/// ```
public struct ClearanceReference: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Which clearance it belongs to.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case finance
        case legal

        /// `FD` or `LD`.
        public var prefix: String { self == .finance ? "FD" : "LD" }
    }

    public let kind: Kind
    public let number: Int
    /// The two-digit year: 18 for 2018.
    public let year: Int
    /// As written: `FD.5470/18`.
    public let description: String

    /// - Throws: ``ClearanceError`` (``ClearanceError/Code/invalidReference``) saying what is wrong.
    public init(parsing text: String, for kind: Kind) throws(ClearanceError) {
        let written = text.trimmingWhitespace()
        let form = "a \(kind.rawValue) reference is written like \(kind.prefix).5470/18"
        func refuse(_ reason: String) -> ClearanceError {
            ClearanceError(.invalidReference, step: kind == .finance ? .clearFinance : .clearLegal, detail: "'\(text)': \(reason)")
        }
        guard written.count >= 6 else { throw refuse(form) }
        let prefix = written.prefix(2)
        guard prefix == kind.prefix else { throw refuse("a \(kind.rawValue) reference starts \(kind.prefix); \(form)") }
        let separator = written.dropFirst(2).first
        guard separator == "." || separator == " " else { throw refuse(form) }
        let rest = written.dropFirst(3).split(separator: "/", omittingEmptySubsequences: false)
        guard rest.count == 2, (1...6).contains(rest[0].count), rest[0].allSatisfy(\.isASCIIDigit), rest[1].count == 2,
            rest[1].allSatisfy(\.isASCIIDigit), let number = Int(rest[0]), let year = Int(rest[1])
        else { throw refuse(form) }
        self.kind = kind
        self.number = number
        self.year = year
        self.description = written
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        let kind: Kind = text.hasPrefix("LD") ? .legal : .finance
        do {
            self = try ClearanceReference(parsing: text, for: kind)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
