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

extension ForwardPlanEntry {
    /// The entry as a reader sees it. The notice of an exempt key decision still lists it
    /// (SI 2012/2089 reg 9(1)): its reference, the matter, the decision maker, the date, the
    /// Schedule 12A paragraph and the notice it was given are public. What the regulations let
    /// the council withhold (reg 9(2): no exempt information in the notice) is the report's
    /// particulars: its title and its owner. A reader of the decision maker's exempt papers
    /// (`readsExemptPapers`) sees everything; anyone else sees the entry with those withheld.
    public func particulars(readsExemptPapers: Bool) -> ForwardPlanEntry {
        guard withholdsReport(from: readsExemptPapers) else { return self }
        var shown = self
        shown.reportTitle = nil
        shown.reportOwner = nil
        return shown
    }

    /// Whether the report's particulars are withheld from a reader: only of an exempt entry,
    /// and only from one who does not read its decision maker's exempt papers.
    public func withholdsReport(from readsExemptPapers: Bool) -> Bool {
        isExempt && !readsExemptPapers
    }
}
