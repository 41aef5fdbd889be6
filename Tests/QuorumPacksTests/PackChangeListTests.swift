import Foundation
import QuorumDomain
import Testing

@testable import QuorumPacks

@Suite struct PackChangeListTests {
    private func entry(_ key: String, _ hash: String, number: Int = 1) -> PackChangeList.Entry {
        .init(key: key, number: number, title: "Item \(key)", contentHash: hash, isExempt: false)
    }

    @Test func itemsAreAddedReplacedOrRemovedByKeyAndContentHash() {
        let previous = [entry("a", "1"), entry("b", "2"), entry("c", "3")]
        let current = [entry("a", "1"), entry("c", "33"), entry("d", "4")]
        let changes = PackChangeList(previous: previous, current: current)
        #expect(changes.added.map(\.key) == ["d"])
        #expect(changes.replaced.map(\.key) == ["c"])
        #expect(changes.replaced.first?.contentHash == "33")
        #expect(changes.removed.map(\.key) == ["b"])
        #expect(!changes.isEmpty)
    }

    @Test func theSameItemsMakeNoChanges() {
        let items = [entry("a", "1"), entry("b", "2")]
        #expect(PackChangeList(previous: items, current: items).isEmpty)
        #expect(PackChangeList(previous: [], current: []).isEmpty)
    }

    @Test func aFirstVersionAddsEverything() {
        let changes = PackChangeList(previous: [], current: [entry("a", "1"), entry("b", "2")])
        #expect(changes.added.map(\.key) == ["a", "b"])
        #expect(changes.replaced.isEmpty && changes.removed.isEmpty)
    }

    @Test func aNewVersionNumberBuildTimeOrWarningChangesNoItem() throws {
        let content = try SamplePack.content()
        var renumbered = content
        renumbered.version = 3
        renumbered.builtAt = Date(timeIntervalSince1970: 1_510_000_000)
        renumbered.warnings = ["A new warning"]
        let renderer = PackRenderer()
        let before = renderer.itemEntries(for: content)
        let after = renderer.itemEntries(for: renumbered)
        #expect(before == after, "the cover is not part of an item's content")
        #expect(PackChangeList(previous: before, current: after).isEmpty)
    }

    @Test func aResubmittedReportNewDataAndAWithdrawnItemAreTheSupplementaryPack() throws {
        let content = try SamplePack.content()
        var next = content
        next.items[3].report!.summary = "A revised summary."
        next.items[4].report = try CoverReport.parse(markdown: CoverReportParsingTests.minimal)
        next.items.remove(at: 5)
        next.items.append(.init(key: "late-item", number: 6, title: "Urgent item"))
        let renderer = PackRenderer()
        let changes = PackChangeList(previous: renderer.itemEntries(for: content), current: renderer.itemEntries(for: next))
        #expect(changes.replaced.map(\.number) == [4, 5])
        #expect(changes.added.map(\.key) == ["late-item"])
        #expect(changes.removed.map(\.key) == ["item-6"])
        #expect(changes.removed.first?.isExempt == true)
    }

    @Test func newScorecardFiguresReplaceTheItemThatShowsThem() throws {
        let content = try SamplePack.content()
        var next = content
        next.scorecard!.groups[0].measures[0].value = 90
        let renderer = PackRenderer()
        let changes = PackChangeList(previous: renderer.itemEntries(for: content), current: renderer.itemEntries(for: next))
        #expect(changes.replaced.map(\.key) == ["OSC/performance/2017-11"])
    }

    @Test func entriesCarryKeysNumbersTitlesAndSHA256Hashes() throws {
        let entries = PackRenderer().itemEntries(for: try SamplePack.content())
        #expect(entries.map(\.key) == ["apologies", "declarations", "minutes", "OSC/performance/2017-11", "OSC/lscb-annual/2017-11", "item-6"])
        #expect(entries.allSatisfy { ContentAddress(hex: $0.contentHash) != nil })
        #expect(Set(entries.map(\.contentHash)).count == entries.count)
        #expect(entries.map(\.isExempt) == [false, false, false, false, false, true])
    }
}

@Suite struct ContentAddressTests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    ])
    func theAddressIsTheSHA256OfTheBytesInHex(_ text: String, _ hex: String) {
        #expect(ContentAddress(of: Data(text.utf8)).hex == hex)
        #expect(ContentAddress(ofUTF8: text).hex == hex)
        #expect(ContentAddress.sha256Hex(Array(text.utf8)) == hex)
    }

    @Test func writtenAddressesAreCheckedAndLowerCased() {
        let upper = "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"
        #expect(ContentAddress(hex: upper)?.hex == upper.lowercased())
        #expect(ContentAddress(hex: "abc") == nil)
        #expect(ContentAddress(hex: String(repeating: "g", count: 64)) == nil)
    }
}
