import GRDB
import Synchronization

/// How many committed transactions changed each table: read models built from a table keep
/// their value while its count stays the same.
///
/// A GRDB transaction observer counts, on the writer's queue, the tables each transaction
/// touched, and publishes the counts when it commits (a rolled-back transaction counts
/// nothing). Every write path is seen, whichever code wrote it, so a cached read model cannot
/// miss an invalidation that a new write path forgot to send.
///
/// Why a reader stays correct: it reads the count **before** reading the tables. The count rises
/// only after a commit, so a read that began after a count was published sees that commit; a
/// read racing a commit is at worst labelled with the older count, and the next request finds
/// the count changed and reads again.
public final class TableChanges: TransactionObserver, Sendable {
    /// The tables counted one by one; a change to any other table still counts in ``commits``.
    public let tables: Set<String>
    private let counts: Mutex<[String: UInt64]>
    private let committed = Atomic<UInt64>(0)
    /// Tables the transaction in hand has changed; touched only on the writer's queue.
    private let pending = Mutex<Set<String>>([])

    init(tables: Set<String>) {
        self.tables = tables
        self.counts = Mutex(Dictionary(uniqueKeysWithValues: tables.map { ($0, 0) }))
    }

    /// A number that changes whenever a committed transaction has changed one of `tables`.
    public func version(of tables: [String]) -> UInt64 {
        counts.withLock { counts in tables.reduce(0) { $0 &+ (counts[$1] ?? 0) } }
    }

    /// A number that changes whenever a committed transaction has changed any table at all: what
    /// a kept reply that may depend on anything stored is checked against.
    public var commits: UInt64 { committed.load(ordering: .acquiring) }

    /// Notes the table a statement is about to change, and declines its row-by-row events.
    ///
    /// GRDB asks this before every statement runs, with each table the statement may change (its
    /// triggers' and foreign keys' tables too, as SQLite's authorizer reports them). That is all a
    /// count needs: answering true would have SQLite call back for every row, which for an import
    /// of 100,000 rows is 400,000 callbacks to learn three table names. A statement that ends up
    /// changing no row still counts, which only makes a read model read again.
    public func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool {
        let table = eventKind.tableName
        pending.withLock { _ = $0.insert(table) }
        return false
    }

    public func databaseDidChange() {
        // Changes GRDB could not attribute: count every observed table.
        pending.withLock { $0.formUnion(tables) }
    }

    // Not called while ``observes(eventsOfKind:)`` declines row events; kept correct for the
    // protocol's sake, should GRDB ever deliver one.
    public func databaseDidChange(with event: DatabaseEvent) {
        let table = event.tableName
        pending.withLock { _ = $0.insert(table) }
    }

    public func databaseWillCommit() throws {}

    public func databaseDidCommit(_ db: Database) {
        let changed = pending.withLock { pending in
            defer { pending.removeAll() }
            return pending
        }
        guard !changed.isEmpty else { return }
        counts.withLock { counts in
            for table in changed where tables.contains(table) { counts[table, default: 0] &+= 1 }
        }
        committed.add(1, ordering: .releasing)
    }

    public func databaseDidRollback(_ db: Database) {
        pending.withLock { $0.removeAll() }
    }
}
