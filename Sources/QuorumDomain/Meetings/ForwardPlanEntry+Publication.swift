extension ForwardPlanEntry {
    /// Whether the entry is public on `day`: published on the plan, or made known by a reg 10
    /// notice or reg 11 reasons, on or before it. Before that it is there only for its
    /// decision maker's secretary and admins (docs/meetings.md).
    public func isPublic(on day: LocalDate) -> Bool {
        [firstPublished, generalException?.noticePublishedOn, specialUrgency?.reasonsPublishedOn]
            .contains { $0.map { $0 <= day } ?? false }
    }

    /// A short digest of everything the entry records (FNV-1a, 64 bits, in hex): the same
    /// entry gives the same digest in every process and release, and any change gives another.
    public var revision: String {
        let fields: [String?] = [
            reference, title, decisionMaker, meetingDate?.description, reportTitle, reportOwner?.email, reportOwner?.role,
            firstPublished?.description, exemptParagraph.map(String.init), generalException?.chairInformedOn?.description,
            generalException?.noticePublishedOn?.description, generalException?.reasonsPublishedOn?.description,
            specialUrgency?.agreedBy, specialUrgency?.agreedOn?.description, specialUrgency?.reasonsPublishedOn?.description,
        ]
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for field in fields {
            // A field is its length and its bytes, or a lone marker when absent, so no two
            // different entries run together into the same text.
            let bytes = field.map { Array("\($0.utf8.count):\($0)".utf8) } ?? [0xff]
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
