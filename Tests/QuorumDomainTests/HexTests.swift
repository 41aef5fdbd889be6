import Testing

@testable import QuorumDomain

@Suite struct HexTests {
    @Test(arguments: [
        ([UInt8](), ""),
        ([0x00], "00"),
        ([0x0f, 0xa0, 0xff], "0fa0ff"),
        ([0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef], "0123456789abcdef"),
    ])
    func bytesAreWrittenAsTwoLowerCaseDigitsEach(bytes: [UInt8], hex: String) {
        #expect(Hex.lowercase(bytes) == hex)
    }

    @Test func everyByteMatchesPrintfFormatting() {
        for byte in UInt8.min...UInt8.max {
            let expected = (byte < 16 ? "0" : "") + String(byte, radix: 16)
            #expect(Hex.lowercase([byte]) == expected)
        }
    }
}
