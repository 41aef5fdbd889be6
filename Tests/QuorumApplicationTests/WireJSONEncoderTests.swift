import Foundation
import QuorumApplication
import QuorumDomain
import QuorumPacks
import QuorumWire
import Testing

/// The server writes replies with `WireJSONEncoder`; clients decode what Foundation's encoder, in
/// `WireCoding`'s configuration, would have written. The two must agree byte for byte.
@Suite("The wire JSON encoder writes what Foundation's encoder writes")
struct WireJSONEncoderTests {
    func expectSameBytes(_ value: some Encodable, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let reference = String(decoding: try WireCoding.makeEncoder().encode(value), as: UTF8.self)
        let fast = String(decoding: try WireJSONEncoder().encode(value), as: UTF8.self)
        #expect(fast == reference, "\(what)", sourceLocation: sourceLocation)
    }

    struct Awkward: Codable {
        var plainText = "Tab\there, \"quoted\", back\\slash, a/slash, line\nbreak\r, bell \u{07}, unit \u{1F}, del \u{7F}"
        var unicodeText = "Café – naïve “quotes” 🏳️‍🌈 \u{2028}"
        var emptyText = ""
        var numbers: [Double] = [76.4, 85, -0.5, 0, -0.0, 1e21, 1.0e-7, 0.1 + 0.2, 123456789.125, 17.1, 1e16, 5e-324]
        var integers: [Int] = [0, -1, Int.max, Int.min]
        var otherIntegers: [Int64] = [Int64.min, 7]
        var small: UInt8 = 255
        var single: Float = 0.1
        var singles: [Float] = [2, 1.5e-3]
        var flags = [true, false]
        var missing: String? = nil
        var present: String? = "here"
        @EncodedAsNull var nulled: Int? = nil
        var sha256 = "abc"
        var myURLProperty = 1
        var pdfUA = true
        var aBC = 2
        var x = 3
        var nested: [[String: Double]] = [["camelCase": 1.5, "b": 2, "A": 3]]
        var dictionary: [String: String] = ["keepsItsCase": "yes", "snake_already": "too", "Zed": "z", "alpha": "a"]
        var empties: [String] = []
        var emptyObject: [String: Int] = [:]
    }

    /// Hand-written encoding: keys out of order, nested containers left open while the parent
    /// goes on, an empty value.
    struct HandWritten: Encodable {
        enum Keys: String, CodingKey { case zeta, alpha, middleKey, list, empty }
        enum Inner: String, CodingKey { case yKey, xKey }
        struct Nothing: Encodable { func encode(to encoder: any Encoder) throws {} }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode("z", forKey: .zeta)
            var inner = container.nestedContainer(keyedBy: Inner.self, forKey: .middleKey)
            try inner.encode(2, forKey: .yKey)
            var list = container.nestedUnkeyedContainer(forKey: .list)
            try inner.encode(1, forKey: .xKey)
            try list.encode(3)
            var deeper = list.nestedContainer(keyedBy: Inner.self)
            try deeper.encode(true, forKey: .yKey)
            try deeper.encodeNil(forKey: .xKey)
            try list.encode(4.25)
            try container.encode(Nothing(), forKey: .empty)
            try container.encode(["b": 1, "a": 2], forKey: .alpha)
        }
    }

    @Test func handWrittenEncodings() throws {
        try expectSameBytes(HandWritten(), "nested containers")
        try expectSameBytes([HandWritten(), HandWritten()], "in an array")
    }

    @Test func awkwardValuesAndKeys() throws {
        try expectSameBytes(Awkward(), "awkward values")
        try expectSameBytes([Awkward(), Awkward()], "an array of them")
        try expectSameBytes("a bare string", "a string at the top")
        try expectSameBytes(42.5, "a number at the top")
    }

    @Test func keysConvertAsFoundationConvertsThem() throws {
        for key in ["a", "ab", "aB", "aBC", "aBCd", "myURLProperty", "sha256", "part2Html", "pdfUA", "URL", "UrlValue", "x1Y2", "_private", "already_snake", "ABCdef", "aBcDeF"] {
            try expectSameBytes([key: 1].mapKeysAsCodingKeys(), "key \(key)")
        }
    }

    @Test func everyKindOfDocumentFromTheDemo() async throws {
        let fixture = try await ApplicationFixture(pdf: PDFRenderer(configuration: .init(executable: "/nonexistent/weasyprint")))
        let application = fixture.application
        let admin = fixture.admin
        for file in ["recommendations", "measures", "values", "actions"] {
            _ = try await application.plan.importCSV(file, csv: try ApplicationFixture.demo("\(file).csv"), as: admin)
        }
        try expectSameBytes(try await application.governance.boards(as: nil), "BOARD LIST")
        try expectSameBytes(try await application.governance.board("OSC", as: nil), "BOARD GET")
        try expectSameBytes(try await application.governance.meetings(of: "OSC", from: nil, to: nil, as: nil), "MEETING LIST")
        try expectSameBytes(try await application.governance.meeting("OSC-2017-11-14", as: nil), "MEETING GET")
        try expectSameBytes(try await application.governance.cycles(of: nil, asOf: nil, as: nil), "CYCLE LIST")
        try expectSameBytes(try await application.plan.actions(.init(), as: admin), "ACTION LIST")
        try expectSameBytes(try await application.plan.actions(.init(state: "overdue"), as: admin), "ACTION LIST overdue")
        try expectSameBytes(try await application.plan.action("1.1.4", asOf: nil, as: admin), "ACTION GET")
        // A self-writing document with every optional field set, so that each of its keys is written.
        var everything = try await application.plan.action("1.1.4", asOf: nil, as: admin)
        everything.rag = "amber"
        everything.updateFrequency = "monthly"
        everything.nextUpdateDue = "2017-12-31"
        everything.resolution = "OSC-2017-11-14/4.1"
        everything.updatedByResolutions = ["OSC-2017-11-14/4.2"]
        everything.updateChased = true
        try expectSameBytes([everything], "ACTION GET, every field")
        try expectSameBytes(try await application.plan.measures(as: nil), "MEASURE LIST")
        try expectSameBytes(try await application.plan.scorecard(period: "2017/18", as: nil), "SCORECARD")
        try expectSameBytes(try await application.notifications.preview(asOf: nil, as: admin), "REMIND PREVIEW")
        try expectSameBytes(try await application.clearance.readiness(meeting: "OSC-2017-11-14", asOf: nil, as: admin), "MEETING READINESS")
        try expectSameBytes(try await application.packs.build("OSC-2017-11-14", as: admin), "PACK BUILD")
        try expectSameBytes(try await application.packs.versions(of: "OSC-2017-11-14", as: admin), "PACK LIST")
        try expectSameBytes(try await application.audit.entries(since: nil, user: nil, kind: nil, limit: nil, as: admin), "AUDIT")
        await application.packs.pdfMaker.stop()
    }
}

private struct DynamicKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// A one-key object whose key goes through the key strategy (a dictionary's keys do not).
private struct KeyedByCodingKeys: Encodable {
    let entries: [String: Int]

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: DynamicKey.self)
        for (key, value) in entries { try container.encode(value, forKey: DynamicKey(stringValue: key)) }
    }
}

extension Dictionary where Key == String, Value == Int {
    fileprivate func mapKeysAsCodingKeys() -> some Encodable { KeyedByCodingKeys(entries: self) }
}
