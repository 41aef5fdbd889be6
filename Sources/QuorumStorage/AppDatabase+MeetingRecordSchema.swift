import GRDB

extension AppDatabase {
    /// The tables of what happens at and after a meeting (migration v7): who attended, the
    /// declarations of interest, the minutes and their resolutions, what each resolution set in
    /// motion, executive decisions and their call-in, and the plan's update cycle (RAG rating,
    /// update frequency) and measure targets and comparators.
    ///
    /// Kept apart from the action and measure tables so that an import, which rewrites those rows,
    /// never loses a lead's rating or an analyst's target.
    static func createMeetingRecordTables(_ db: Database) throws {
        // One row per member of the board whose attendance is recorded, and one per substitute.
        try db.create(table: "attendance") { t in
            t.column("meetingId", .text).notNull().references("meeting", onDelete: .cascade)
            t.column("email", .text).notNull().collate(.nocase)
            t.column("role", .text).notNull()
            // present, apologies, absent, or substitute
            t.column("status", .text).notNull()
            // For a substitute: the member they sat for.
            t.column("substituteFor", .text).collate(.nocase)
            t.column("recordedBy", .text).notNull()
            t.column("recordedAt", .text).notNull()
            t.primaryKey(["meetingId", "email"])
        }
        try db.create(table: "declaration") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("meetingId", .text).notNull().references("meeting", onDelete: .cascade).indexed()
            t.column("itemNumber", .integer).notNull()
            t.column("memberEmail", .text).notNull().collate(.nocase)
            // disclosable_pecuniary, other_registrable or non_registrable
            t.column("kind", .text).notNull()
            t.column("nature", .text).notNull()
            t.column("leftRoom", .boolean).notNull()
            t.column("dispensation", .boolean).notNull()
            t.column("recordedBy", .text).notNull()
            t.column("recordedAt", .text).notNull()
        }
        // One minute per agenda item.
        try db.create(table: "minute") { t in
            t.column("meetingId", .text).notNull().references("meeting", onDelete: .cascade)
            t.column("itemNumber", .integer).notNull()
            t.column("itemKey", .text).notNull()
            t.column("title", .text).notNull()
            t.column("text", .text).notNull()
            // Minutes of an exempt item go in Part II.
            t.column("exemptParagraph", .integer)
            t.column("recordedBy", .text).notNull()
            t.column("recordedAt", .text).notNull()
            t.primaryKey(["meetingId", "itemNumber"])
        }
        try db.create(table: "resolution") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("meetingId", .text).notNull()
            t.column("itemNumber", .integer).notNull()
            // 1, 2, 3… in the order taken within the item.
            t.column("number", .integer).notNull()
            t.column("wording", .text).notNull()
            t.column("inFavour", .integer)
            t.column("against", .integer)
            t.column("abstentions", .integer)
            t.column("castingVote", .text)
            t.column("recordedBy", .text).notNull()
            t.column("recordedAt", .text).notNull()
            t.uniqueKey(["meetingId", "itemNumber", "number"])
            t.foreignKey(["meetingId", "itemNumber"], references: "minute", onDelete: .cascade)
        }
        // Approved minutes: approved at the board's next meeting.
        try db.create(table: "minutesApproval") { t in
            t.primaryKey("meetingId", .text).references("meeting", onDelete: .cascade)
            t.column("approvedAtMeetingId", .text).notNull().references("meeting", onDelete: .restrict)
            t.column("approvedBy", .text).notNull()
            t.column("approvedAt", .text).notNull()
        }
        // What a resolution set in motion: a new action, an update of one, a requested report.
        try db.create(table: "resolutionEffect") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("resolutionId", .integer).notNull().references("resolution", onDelete: .restrict).indexed()
            // new_action, update_action or report
            t.column("kind", .text).notNull()
            t.column("actionRef", .text).indexed()
            // The agenda item a requested report became, when it bound to a meeting.
            t.column("agendaItemId", .integer).references("agendaItem", onDelete: .setNull).indexed()
            t.column("boardCode", .text)
            t.column("month", .text)
            t.column("title", .text)
            t.column("ownerEmail", .text).collate(.nocase)
            t.column("ownerRole", .text)
            t.column("createdBy", .text).notNull()
            t.column("createdAt", .text).notNull()
        }
        try db.create(table: "executiveDecision") { t in
            t.primaryKey("reference", .text)
            t.column("title", .text).notNull()
            t.column("decisionMaker", .text).notNull().references("board", onDelete: .restrict)
            t.column("decidedOn", .text).notNull()
            t.column("publishedOn", .text)
            t.column("urgencyReason", .text)
            t.column("callInRequestedOn", .text)
            t.column("callInBy", .jsonText)
            t.column("callInReason", .text)
            t.column("hearingDate", .text)
            // pending, no_further_action or referred_back
            t.column("callInOutcome", .text)
            t.column("recordedBy", .text).notNull()
            t.column("recordedAt", .text).notNull()
        }
        try db.create(table: "actionTracking") { t in
            t.primaryKey("actionRef", .text).references("action", onDelete: .cascade)
            // red, amber or green
            t.column("rag", .text)
            // weekly, monthly, every 3 weeks…
            t.column("updateFrequency", .text)
            // When the frequency was set: the chase counts from here until the first update.
            t.column("frequencySince", .text)
            t.column("setBy", .text).notNull()
            t.column("setAt", .text).notNull()
        }
        try db.create(table: "measureTarget") { t in
            t.primaryKey("measureId", .text).references("measure", onDelete: .cascade)
            t.column("target", .double)
            // percent, count, per_10000 or days
            t.column("unit", .text)
        }
        try db.create(table: "measureComparator") { t in
            t.column("measureId", .text).notNull().references("measure", onDelete: .cascade)
            // national, statistical_neighbours or regional
            t.column("kind", .text).notNull()
            t.column("value", .double).notNull()
            t.column("period", .text).notNull()
            t.column("source", .text).notNull()
            t.primaryKey(["measureId", "kind"])
        }
    }
}
