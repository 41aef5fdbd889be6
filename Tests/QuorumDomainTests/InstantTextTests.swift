import Foundation
import Testing

import QuorumDomain

@Suite("Instants on the wire")
struct InstantTextTests {
    @Test(arguments: [
        ("2017-11-01T08:00:00Z", 1_509_523_200),
        ("2017-11-01T08:00:00+00:00", 1_509_523_200),
        ("2017-11-01T09:00:00+01:00", 1_509_523_200),
        // No offset: London time. 1 November 2017 is GMT; 1 July 2017 is BST.
        ("2017-11-01T08:00", 1_509_523_200),
        ("2017-07-01T08:00:00", 1_498_892_400),
        // The spring gap: 01:30 on 26 March 2017 does not exist and means 02:30 BST (01:30 UTC).
        ("2017-03-26T01:30", 1_490_491_800),
        // The autumn overlap: 01:30 on 29 October 2017 happens twice; the first, BST, is meant.
        ("2017-10-29T01:30", 1_509_237_000),
    ])
    func parsesUTCOffsetsAndLondonWallTime(text: String, seconds: Int) {
        #expect(InstantText.parse(text) == Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    @Test(arguments: [0, 1_509_523_200.75, 1_490_491_799.999, 951_782_400, 4_107_542_399, -86_401.5, 1_540_688_400])
    func storedInstantsAreWrittenInUTCToTheSecondAsFoundationWritesThem(seconds: Double) {
        let instant = Date(timeIntervalSince1970: seconds)
        let formatter = ISO8601DateFormatter()
        let whole = Date(timeIntervalSince1970: seconds.rounded(.down))
        #expect(instant.utcISOText == formatter.string(from: whole))
    }

    @Test func aStoredInstantReadsBackAsTheSameSecond() {
        #expect(Date(timeIntervalSince1970: 1_509_523_200.75).utcISOText == "2017-11-01T08:00:00Z")
        #expect(InstantText.parse(Date(timeIntervalSince1970: 951_782_400).utcISOText) == Date(timeIntervalSince1970: 951_782_400))
    }

    @Test(arguments: ["yesterday", "2017-11-01", "2017-13-01T08:00Z", "2017-11-01T25:00Z", "2017-11-01T08:00:00+25:00", ""])
    func refusesWhatIsNotAnInstant(text: String) {
        #expect(InstantText.parse(text) == nil)
    }
}
