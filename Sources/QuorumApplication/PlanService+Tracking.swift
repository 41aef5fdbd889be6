import Foundation
import QuorumDomain
import QuorumStorage
import QuorumWire

/// The plan keeps pace: an action's RAG rating and update frequency, a measure's target, unit
/// and comparators.
extension PlanService {
    /// Posts an update as ``updateAction(_:text:reviewDate:completes:as:)`` does, and sets the
    /// lead's RAG rating (`red`, `amber`, `green`) and the update frequency (`monthly`,
    /// `every 2 weeks`) when given. Both are checked before anything is stored.
    public func updateAction(
        _ ref: String, text: String, reviewDate: String?, completes: Bool, rag: String?, frequency: String?, as user: User?
    ) async throws -> ActionDocument {
        // The same rule as the update, judged before the options are read: the action's lead or an admin.
        guard let action = try await database.planAction(ref: ref) else { throw ApplicationError(.notFound, "no action '\(ref)'") }
        try await authorizer.authorize(.actionUpdate, user, scope: AccessScope(actionLead: action.lead.email))
        var rating: RAGRating?
        if let rag {
            guard let parsed = RAGRating(parsing: rag) else {
                throw ApplicationError(.badArgument, "rag '\(rag)' is not red, amber or green")
            }
            rating = parsed
        }
        let every = try Self.frequency(frequency)
        var document = try await updateAction(ref, text: text, reviewDate: reviewDate, completes: completes, as: user)
        if rating != nil || every != nil {
            let tracked = try await database.setTracking(
                ref: ref, rag: rating, frequency: every, since: clock.today, by: user?.name ?? "", now: clock.now())
            document = ActionDocument(tracked, asOf: clock.today, detailed: true)
        }
        return try await withResolutions(document)
    }

    /// The action document with the resolutions that created and updated the action.
    func withResolutions(_ document: ActionDocument) async throws -> ActionDocument {
        var document = document
        if let links = try await database.resolutionsOfActions()[document.ref] {
            document.resolution = links.created
            document.updatedByResolutions = links.updated.isEmpty ? nil : links.updated
        }
        return document
    }

    /// Reads an update frequency, or nil; BADARG naming the forms.
    static func frequency(_ text: String?) throws -> UpdateFrequency? {
        guard let text else { return nil }
        do {
            return try UpdateFrequency(parsing: text)
        } catch {
            throw ApplicationError(.badArgument, "\(error)")
        }
    }

    // MARK: Targets and comparators

    /// Sets a measure's target (`18`, `85%`; `none` clears it) and, optionally, its unit
    /// (`percent`, `count`, `per_10000`, `days`).
    public func setTarget(measure id: String, target text: String, unit unitText: String?, as user: User?) async throws -> MeasureDocument {
        try await authorizer.authorize(.measureTarget, user)
        var target: Double?
        if text.lowercased() != "none" {
            target = try Self.number(text, "target")
        }
        var unit: MeasureUnit?
        if let unitText {
            guard let parsed = MeasureUnit(parsing: unitText) else {
                throw ApplicationError(.badArgument, "unit '\(unitText)' is not percent, count, per_10000 or days")
            }
            unit = parsed
        }
        do {
            try await audited(.measureTarget, by: user, target: id, ["target": text]) { try await database.setMeasureTarget(id, target: target, unit: unit, by: user?.name ?? "", now: clock.now()) }
        } catch MeetingRecordStoreError.unknownMeasure(let id) {
            throw ApplicationError(.notFound, "no measure '\(id)'")
        }
        return try await measureDocument(id)
    }

    /// Sets one of a measure's comparators: its kind (`national`, `statistical_neighbours`,
    /// `regional`), value, period and source.
    public func setComparator(
        measure id: String, kind kindText: String, value text: String, period periodText: String, source: String, as user: User?
    ) async throws -> MeasureDocument {
        try await authorizer.authorize(.measureComparator, user)
        guard let kind = Comparator.Kind(rawValue: kindText.lowercased()) else {
            let kinds = Comparator.Kind.allCases.map(\.rawValue).joined(separator: ", ")
            throw ApplicationError(.badArgument, "comparator '\(kindText)' is not one of \(kinds)")
        }
        let value = try Self.number(text, "value")
        let period: Period
        do {
            period = try Period(parsing: periodText)
        } catch {
            throw ApplicationError(.badArgument, "\(error) (periods look like 2017/18, 2017/18 Q2 or 2017-10)")
        }
        let source = source.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !source.isEmpty else { throw ApplicationError(.badArgument, "a comparator names its source") }
        do {
            try await audited(.measureComparator, by: user, target: id, ["comparator": kind.rawValue]) { try await database.setComparator(
                Comparator(kind: kind, value: value, period: period, source: source), measure: id, by: user?.name ?? "", now: clock.now()) }
        } catch MeetingRecordStoreError.unknownMeasure(let id) {
            throw ApplicationError(.notFound, "no measure '\(id)'")
        }
        return try await measureDocument(id)
    }

    private func measureDocument(_ id: String) async throws -> MeasureDocument {
        guard let measure = try await database.measures().first(where: { $0.id == id }) else {
            throw ApplicationError(.notFound, "no measure '\(id)'")
        }
        let values = try await database.measureValues().filter { $0.measureID == id }
        let latest = Scorecard.latestPeriod(in: values).flatMap { Scorecard.rows(measures: [measure], values: values, period: $0).first }
        return MeasureDocument(measure, latest: latest)
    }

    private static func number(_ text: String, _ what: String) throws -> Double {
        var digits = text
        if digits.hasSuffix("%") { digits.removeLast() }
        guard let value = Double(digits), value.isFinite else {
            throw ApplicationError(.badArgument, "\(what) '\(text)' is not a number")
        }
        return value
    }
}
