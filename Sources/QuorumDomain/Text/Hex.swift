/// Bytes written as lower-case hexadecimal, two digits a byte: content addresses, Message-IDs,
/// webhook ids and tokens are all written this way, so they compare as text.
///
/// ```swift
/// Hex.lowercase([0x00, 0x0f, 0xa0, 0xff])  // "000fa0ff"
/// ```
public enum Hex {
    /// The digits of `bytes`, two a byte, most significant first.
    public static func lowercase(_ bytes: some Sequence<UInt8>) -> String {
        var digits: [UInt8] = []
        digits.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            digits.append(digit(byte >> 4))
            digits.append(digit(byte & 0x0f))
        }
        return String(decoding: digits, as: UTF8.self)
    }

    @inline(__always)
    private static func digit(_ value: UInt8) -> UInt8 {
        value < 10 ? 0x30 + value : 0x61 - 10 + value  // "0"..."9", "a"..."f"
    }
}
