import GRDB

extension AppDatabase {
    /// Append-only: a shipped migration is never edited, a change is a new migration.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: governance and users") { db in
            try db.create(table: "board") { t in
                t.primaryKey("code", .text)
                t.column("name", .text).notNull()
                t.column("meetsInPublic", .boolean).notNull()
                t.column("isActive", .boolean).notNull().defaults(to: true)
                // The board as its file describes it, as JSON: BOARD GET serves it whole.
                t.column("document", .jsonText).notNull()
                t.column("syncedAt", .text).notNull()
            }
            try db.create(table: "boardMember") { t in
                t.column("boardCode", .text).notNull().references("board", onDelete: .cascade)
                t.column("email", .text).notNull().collate(.nocase)
                t.column("role", .text).notNull()
                // chair, secretary or member
                t.column("position", .text).notNull()
                t.primaryKey(["boardCode", "email", "position"])
            }
            try db.create(table: "meeting") { t in
                t.primaryKey("id", .text)
                t.column("boardCode", .text).notNull().references("board", onDelete: .restrict)
                t.column("date", .text).notNull()
                t.column("time", .text).notNull()
                t.column("venue", .text).notNull()
                // calendar: from the board file; added: over the wire (kept across syncs)
                t.column("origin", .text).notNull()
                t.column("addedBy", .text)
                t.column("createdAt", .text).notNull()
                t.uniqueKey(["boardCode", "date"])
            }
            try db.create(table: "user") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("email", .text).notNull().unique().collate(.nocase)
                t.column("role", .text).notNull()
                t.column("boardCode", .text)
                t.column("tokenHash", .blob).notNull()
                t.column("createdAt", .text).notNull()
            }
        }
        migrator.registerMigration("v2: improvement plan and scorecard") { db in
            try db.create(table: "recommendation") { t in
                t.primaryKey("id", .text)
                t.column("priority", .integer).notNull()
                t.column("priorityTitle", .text).notNull()
                t.column("title", .text).notNull()
                t.column("ambition", .text).notNull()
            }
            try db.create(table: "action") { t in
                t.primaryKey("ref", .text)
                t.column("recommendationId", .text).notNull().references("recommendation", onDelete: .restrict)
                t.column("text", .text).notNull()
                // As written: 2017-10-31, Ongoing or Completed (month forms are stored as their last day).
                t.column("reviewDate", .text).notNull()
                t.column("leadRole", .text).notNull()
                t.column("leadEmail", .text).notNull().collate(.nocase).indexed()
                t.column("status", .text).notNull()
            }
            try db.create(table: "actionUpdate") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("actionRef", .text).notNull().references("action", onDelete: .cascade).indexed()
                t.column("date", .text).notNull()
                t.column("text", .text).notNull()
                t.column("author", .text).notNull()
                t.column("newReviewDate", .text)
                t.column("completes", .boolean).notNull()
                t.column("recordedAt", .text).notNull()
            }
            try db.create(table: "measure") { t in
                t.primaryKey("id", .text)
                t.column("recommendationId", .text).notNull().references("recommendation", onDelete: .restrict)
                t.column("name", .text).notNull()
                t.column("shows", .text).notNull()
                t.column("polarity", .text).notNull()
                t.column("requiresImprovement", .text)
                t.column("good", .text)
                t.column("outstanding", .text)
                t.column("isAudit", .boolean).notNull()
                // Import order, so the scorecard reads in the plan's order.
                t.column("position", .integer).notNull()
            }
            try db.create(table: "measureValue") { t in
                t.column("measureId", .text).notNull().references("measure", onDelete: .cascade)
                t.column("period", .text).notNull()
                t.column("value", .double).notNull()
                t.column("recordedBy", .text).notNull()
                t.column("recordedAt", .text).notNull()
                t.primaryKey(["measureId", "period"])
            }
            // Who changed what and when: every change to an action or a value.
            try db.create(table: "auditEntry") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("at", .text).notNull()
                t.column("actor", .text).notNull()
                // action, value, measure, recommendation
                t.column("subject", .text).notNull()
                t.column("subjectKey", .text).notNull()
                t.column("change", .text).notNull()
                t.column("details", .jsonText).notNull()
                t.column("via", .text).notNull()
            }
            try db.create(index: "auditEntry_subject", on: "auditEntry", columns: ["subject", "subjectKey"])
        }
        migrator.registerMigration("v3: sweeps and the outbox") { db in
            try db.create(table: "sweep") { t in
                t.autoIncrementedPrimaryKey("id")
                // The instant the sweep judged things as of, and that instant's London date.
                t.column("asOf", .text).notNull()
                t.column("asOfDate", .text).notNull()
                // daily, catch-up or manual
                t.column("trigger", .text).notNull()
                t.column("ranAt", .text).notNull()
                t.column("enqueued", .integer).notNull()
            }
            try db.create(table: "outbox") { t in
                t.autoIncrementedPrimaryKey("id")
                // The notice's identity plus the channel: what makes a second sweep enqueue nothing.
                t.column("key", .text).notNull().unique()
                t.column("noticeKey", .text).notNull().indexed()
                // email or webhook
                t.column("channel", .text).notNull()
                // The notice kind for email; the event name for a webhook.
                t.column("kind", .text).notNull()
                // An email address, or a webhook URL.
                t.column("destination", .text).notNull()
                t.column("notice", .jsonText).notNull()
                t.column("sweepId", .integer).references("sweep", onDelete: .setNull)
                // pending, sending, sent or dead
                t.column("status", .text).notNull().indexed()
                t.column("attempts", .integer).notNull().defaults(to: 0)
                t.column("nextAttemptAt", .text).notNull()
                t.column("lastError", .text)
                t.column("createdAt", .text).notNull()
                t.column("sentAt", .text)
            }
            // Which action listings were sent: an action is listed again only under a new key.
            try db.create(table: "actionListing") { t in
                t.primaryKey("key", .text)
                t.column("outboxKey", .text).notNull()
                t.column("listedAt", .text).notNull()
            }
            try db.create(table: "schedulerState") { t in
                t.primaryKey("name", .text)
                t.column("value", .text).notNull()
            }
        }
        migrator.registerMigration("v4: agenda items, reports and packs") { db in
            // Items a secretary adds; the opening items and the reports due come from the calendar.
            try db.create(table: "agendaItem") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("meetingId", .text).notNull().references("meeting", onDelete: .cascade)
                t.column("title", .text).notNull()
                t.column("ownerEmail", .text)
                t.column("isKeyDecision", .boolean).notNull()
                // Schedule 12A paragraph (1-7) when exempt.
                t.column("exemptParagraph", .integer)
                // When the Forward Plan or private-meeting notice was given.
                t.column("noticeGiven", .text)
                t.column("addedBy", .text).notNull()
                t.column("addedAt", .text).notNull()
            }
            // Every submission is kept; the latest for an item is the one in the pack.
            try db.create(table: "report") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("meetingId", .text).notNull().references("meeting", onDelete: .cascade)
                // report:<occurrence id> or item:<agendaItem id>
                t.column("itemKey", .text).notNull()
                t.column("occurrenceId", .text).indexed()
                t.column("markdown", .text).notNull()
                t.column("subject", .text).notNull()
                t.column("submittedBy", .text).notNull()
                t.column("submittedAt", .text).notNull()
            }
            try db.create(index: "report_item", on: "report", columns: ["meetingId", "itemKey"])
            try db.create(table: "pack") { t in
                t.primaryKey("id", .text)
                t.column("meetingId", .text).notNull().references("meeting", onDelete: .restrict)
                t.column("version", .integer).notNull()
                t.column("builtAt", .text).notNull()
                t.column("builtBy", .text).notNull()
                t.column("warnings", .jsonText).notNull()
                // Item keys and content hashes: what the next version's change list compares.
                t.column("manifest", .jsonText).notNull()
                t.column("changes", .jsonText).notNull()
                t.column("publishedAt", .text)
                t.column("publishedBy", .text)
                t.column("isLate", .boolean)
                t.column("lateReason", .text)
                t.uniqueKey(["meetingId", "version"])
            }
            try db.create(table: "packPart") { t in
                t.column("packId", .text).notNull().references("pack", onDelete: .cascade)
                // public or exempt
                t.column("part", .text).notNull()
                // html or pdf
                t.column("format", .text).notNull()
                t.column("sha256", .text).notNull()
                t.column("size", .integer).notNull()
                t.primaryKey(["packId", "part", "format"])
            }
        }
        migrator.registerMigration("v5: webhook endpoints") { db in
            // An endpoint that answered 410 Gone is disabled until an operator re-enables it.
            try db.create(table: "webhookEndpoint") { t in
                t.primaryKey("url", .text)
                t.column("disabledAt", .text).notNull()
                t.column("reason", .text).notNull()
            }
        }
        migrator.registerMigration("v6: portal sessions, sign-in links, search and calendar sequence") { db in
            // A web session: the cookie carries the id, the table only its hash. The token hash
            // it was opened with ends it when the user's token changes.
            try db.create(table: "portalSession") { t in
                t.primaryKey("idHash", .blob)
                t.column("userEmail", .text).notNull().collate(.nocase).indexed()
                t.column("tokenHash", .blob).notNull()
                t.column("createdAt", .text).notNull()
                t.column("expiresAt", .text).notNull()
            }
            // A single-use emailed sign-in link, stored as its hash.
            try db.create(table: "signInLink") { t in
                t.primaryKey("tokenHash", .blob)
                t.column("userEmail", .text).notNull().collate(.nocase)
                t.column("expiresAt", .text).notNull()
                t.column("usedAt", .text)
            }
            // Published public parts, as text, for the portal's search.
            try db.execute(
                sql: """
                    CREATE VIRTUAL TABLE packSearch USING fts5(
                        packId UNINDEXED, meetingId UNINDEXED, boardCode UNINDEXED, meetingDate UNINDEXED,
                        title, body, tokenize = 'porter unicode61')
                    """)
            // Calendar feeds say SEQUENCE; it rises whenever a meeting's time or venue changes.
            try db.alter(table: "meeting") { t in
                t.add(column: "sequence", .integer).notNull().defaults(to: 0)
            }
            try db.execute(
                sql: """
                    CREATE TRIGGER meetingMoved AFTER UPDATE OF time, venue, date ON meeting
                    WHEN OLD.time IS NOT NEW.time OR OLD.venue IS NOT NEW.venue OR OLD.date IS NOT NEW.date
                    BEGIN UPDATE meeting SET sequence = OLD.sequence + 1 WHERE id = NEW.id; END
                    """)
        }
        migrator.registerMigration("audit log: one entry per write, who, when, what") { db in
            // One row per write operation (AUDIT); auditEntry keeps field-by-field history.
            try db.create(table: "auditLog") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("at", .text).notNull().indexed()
                t.column("actor", .text).notNull().collate(.nocase).indexed()
                // The operation's name: meeting.add, user.rotate, …
                t.column("operation", .text).notNull()
                // What it touched: a meeting id, a pack id, an email, …
                t.column("target", .text).notNull()
                // Its arguments, secrets left out, as JSON.
                t.column("details", .jsonText).notNull()
            }
        }
        migrator.registerMigration("packs: a version's PDF is made after the build's reply") { db in
            // pending: still to be made from the stored HTML (again after a restart); ready: its
            // PDF parts are stored; failed: pdfError says why. Versions built before are ready.
            try db.alter(table: "pack") { t in
                t.add(column: "pdfState", .text).notNull().defaults(to: "ready")
                t.add(column: "pdfError", .text)
            }
        }
        migrator.registerMigration("v7 before the meeting: forward plan, private-meeting notices, report clearance") { db in
            // Key decisions on the Forward Plan (SI 2012/2089 reg 9), with what was done under the
            // general exception (reg 10) and special urgency (reg 11), as JSON.
            try db.create(table: "forwardPlanEntry") { t in
                t.primaryKey("reference", .text)
                t.column("title", .text).notNull()
                t.column("decisionMaker", .text).notNull().references("board", onDelete: .restrict).indexed()
                t.column("meetingId", .text).references("meeting", onDelete: .setNull).indexed()
                t.column("meetingDate", .text)
                t.column("reportTitle", .text)
                t.column("reportOwnerRole", .text)
                t.column("reportOwnerEmail", .text).collate(.nocase)
                t.column("firstPublished", .text)
                t.column("exemptParagraph", .integer)
                t.column("generalException", .jsonText)
                t.column("specialUrgency", .jsonText)
                t.column("createdBy", .text).notNull()
                t.column("createdAt", .text).notNull()
                t.column("updatedAt", .text).notNull()
            }
            // The agenda item that carries a key decision: an added item or a cycle's report.
            try db.create(table: "forwardPlanItem") { t in
                t.column("meetingId", .text).notNull().references("meeting", onDelete: .cascade)
                t.column("itemKey", .text).notNull()
                t.column("reference", .text).notNull().references("forwardPlanEntry", onDelete: .cascade).indexed()
                t.primaryKey(["meetingId", "itemKey"])
            }
            // The notices of intention to meet in private (reg 5), as given.
            try db.create(table: "privateMeetingNotice") { t in
                t.column("meetingId", .text).notNull().references("meeting", onDelete: .cascade)
                // first (28 clear days) or second (5 clear days)
                t.column("notice", .text).notNull()
                t.column("givenOn", .text).notNull()
                t.column("reasons", .text).notNull()
                t.column("representations", .jsonText).notNull()
                t.column("response", .text)
                t.column("recordedBy", .text).notNull()
                t.column("recordedAt", .text).notNull()
                t.primaryKey(["meetingId", "notice"])
            }
            try db.create(table: "privateMeetingUrgency") { t in
                t.primaryKey("meetingId", .text).references("meeting", onDelete: .cascade)
                t.column("agreedBy", .text).notNull()
                t.column("agreedOn", .text).notNull()
                t.column("reasonsPublishedOn", .text)
                t.column("recordedBy", .text).notNull()
                t.column("recordedAt", .text).notNull()
            }
            // Each report's clearance: its stage, and the whole record with every step as JSON.
            try db.create(table: "reportClearance") { t in
                t.column("meetingId", .text).notNull().references("meeting", onDelete: .cascade)
                t.column("itemKey", .text).notNull()
                // The report's subject (or the item's title) when it was last moved: what a chase names.
                t.column("title", .text).notNull()
                t.column("stage", .text).notNull().indexed()
                t.column("record", .jsonText).notNull()
                t.column("updatedAt", .text).notNull()
                t.primaryKey(["meetingId", "itemKey"])
            }
        }
        migrator.registerMigration("v7: after the meeting: attendance, minutes, resolutions, decisions, action tracking, measure targets") { db in
            try AppDatabase.createMeetingRecordTables(db)
        }
        migrator.registerMigration("packs: the reason for publishing with reports not yet approved, apart from lateness") { db in
            // Publication of a pack holding a report not yet approved needs the secretary's
            // reason: kept with the reports it covered ("3. Title", as JSON), not as a late reason.
            try db.alter(table: "pack") { t in
                t.add(column: "unapprovedReason", .text)
                t.add(column: "unapprovedReports", .jsonText)
            }
        }
        migrator.registerMigration("audit entries and action updates: row ids without AUTOINCREMENT") { db in
            // AUTOINCREMENT makes SQLite read and rewrite the table's row in sqlite_sequence on
            // every insert, and an import inserts one audit entry per row. What it adds, ids never
            // reused after a delete, these tables do not need: their rows are never deleted, so
            // a new row's id is one more than the largest, in order, as before. SQLite cannot
            // change a key in place: each table is made again with its columns as they stand,
            // filled from the old one, which is then dropped.
            try db.create(table: "auditEntryRows") { t in
                t.primaryKey("id", .integer)
                t.column("at", .text).notNull()
                t.column("actor", .text).notNull()
                t.column("subject", .text).notNull()
                t.column("subjectKey", .text).notNull()
                t.column("change", .text).notNull()
                t.column("details", .jsonText).notNull()
                t.column("via", .text).notNull()
            }
            try db.execute(
                sql: "INSERT INTO auditEntryRows (id, at, actor, subject, subjectKey, change, details, via) SELECT id, at, actor, subject, subjectKey, change, details, via FROM auditEntry")
            try db.drop(table: "auditEntry")
            try db.rename(table: "auditEntryRows", to: "auditEntry")
            try db.create(index: "auditEntry_subject", on: "auditEntry", columns: ["subject", "subjectKey"])

            try db.create(table: "actionUpdateRows") { t in
                t.primaryKey("id", .integer)
                t.column("actionRef", .text).notNull().references("action", onDelete: .cascade)
                t.column("date", .text).notNull()
                t.column("text", .text).notNull()
                t.column("author", .text).notNull()
                t.column("newReviewDate", .text)
                t.column("completes", .boolean).notNull()
                t.column("recordedAt", .text).notNull()
            }
            try db.execute(
                sql: "INSERT INTO actionUpdateRows (id, actionRef, date, text, author, newReviewDate, completes, recordedAt) SELECT id, actionRef, date, text, author, newReviewDate, completes, recordedAt FROM actionUpdate")
            try db.drop(table: "actionUpdate")
            try db.rename(table: "actionUpdateRows", to: "actionUpdate")
            try db.create(index: "actionUpdate_on_actionRef", on: "actionUpdate", columns: ["actionRef"])
        }
        return migrator
    }
}
