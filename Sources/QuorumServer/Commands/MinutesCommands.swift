import QuorumApplication
import QuorumDomain

/// ATTENDANCE, INTEREST, MINUTES and RESOLUTION: the record of a meeting and what it sets in motion.
enum MinutesCommands {
    static let specs: [CommandSpec] = [
        .document(
            "ATTENDANCE GET", usage: "<meeting-id>", summary: "who attended, whether the meeting was quorate, declarations of interest",
            .attendanceGet, arity: 1...1
        ) { context, invocation in
            try await context.application.meetingRecords.attendance(invocation.arguments[0], as: invocation.user)
        },
        .document(
            "ATTENDANCE RECORD", usage: "<meeting-id> <member-email> present|apologies|absent",
            summary: "record a member's attendance", .attendanceRecord, arity: 3...3
        ) { context, invocation in
            try await context.application.meetingRecords.recordAttendance(
                invocation.arguments[0], member: invocation.arguments[1], status: invocation.arguments[2], as: invocation.user)
        },
        .document(
            "ATTENDANCE SUBSTITUTE", usage: "<meeting-id> <substitute-email> <member-email> [role=<text>]",
            summary: "record a substitute who sat for a member", .attendanceSubstitute, arity: 3...4, argumentSize: .text
        ) { context, invocation in
            let options = try invocation.options(from: 3, allowed: ["role"])
            return try await context.application.meetingRecords.recordSubstitute(
                invocation.arguments[0], substitute: invocation.arguments[1], role: options["role"], for: invocation.arguments[2],
                as: invocation.user)
        },
        .document(
            "INTEREST DECLARE",
            usage: "<meeting-id> <item> <member-email> disclosable_pecuniary|other_registrable|non_registrable <nature> [left=yes] [dispensation=yes]",
            summary: "record a declaration of interest in an agenda item", .interestDeclare, arity: 5...7, argumentSize: .text
        ) { context, invocation in
            let options = try invocation.options(from: 5, allowed: ["left", "dispensation"])
            return try await context.application.meetingRecords.declare(
                invocation.arguments[0], item: invocation.arguments[1], member: invocation.arguments[2], kind: invocation.arguments[3],
                nature: invocation.arguments[4], leftRoom: try invocation.yesNo("left", in: options),
                dispensation: try invocation.yesNo("dispensation", in: options), as: invocation.user)
        },
        .document(
            "MINUTES GET", usage: "<meeting-id>", summary: "a meeting's minutes and resolutions, draft or approved",
            .minutesGet, arity: 1...1
        ) { context, invocation in
            try await context.application.meetingRecords.minutes(invocation.arguments[0], as: invocation.user)
        },
        .file(
            "MINUTES RENDER", usage: "<meeting-id> [html|pdf] [public|exempt]",
            summary: "the minutes as a document: Part I, or Part II with the exempt items", .minutesGet, arity: 1...3
        ) { context, invocation in
            let (format, part) = try invocation.formatAndPart(from: 1)
            return try await context.application.meetingRecords.renderMinutes(
                invocation.arguments[0], part: part, format: format, as: invocation.user)
        },
        .document(
            "MINUTES RECORD", usage: "<meeting-id> <item> <text> [resolutions=recommendations|none]",
            summary: "record an item's minute; its resolutions default to the report's recommendations",
            .minuteRecord, arity: 3...4, argumentSize: .document
        ) { context, invocation in
            let options = try invocation.options(from: 3, allowed: ["resolutions"])
            let defaults = options["resolutions"]?.lowercased() ?? "recommendations"
            guard ["recommendations", "none"].contains(defaults) else {
                throw CommandError.badArgument(invocation.name, "resolutions must be recommendations or none, not '\(defaults)'")
            }
            return try await context.application.meetingRecords.recordMinute(
                invocation.arguments[0], item: invocation.arguments[1], text: invocation.arguments[2],
                defaultResolutions: defaults == "recommendations", as: invocation.user)
        },
        .document(
            "MINUTES APPROVE", usage: "<meeting-id> [minutes=<meeting-id>]",
            summary: "approve, at this meeting, the minutes of the board's previous meeting", .minutesApprove,
            arity: 1...2
        ) { context, invocation in
            let options = try invocation.options(from: 1, allowed: ["minutes"])
            let document = try await context.application.meetingRecords.approveMinutes(
                at: invocation.arguments[0], minutesOf: options["minutes"], as: invocation.user)
            context.logger.info("minutes approved", metadata: ["minutes": "\(document.meeting)", "at": "\(invocation.arguments[0])"])
            return document
        },
        .document(
            "RESOLUTION ADD", usage: "<meeting-id> <item> <wording> [for=N against=N abstain=N] [casting=for|against]",
            summary: "add the item's next resolution, with its vote if one was taken", .resolutionAdd, arity: 3...7, argumentSize: .text
        ) { context, invocation in
            let options = try invocation.options(from: 3, allowed: ["for", "against", "abstain", "casting"])
            return try await context.application.meetingRecords.addResolution(
                invocation.arguments[0], item: invocation.arguments[1], wording: invocation.arguments[2],
                vote: try MinutesCommands.vote(options, invocation), as: invocation.user)
        },
        .document(
            "RESOLUTION AMEND", usage: "<resolution-id> <wording> [for=N against=N abstain=N] [casting=for|against]",
            summary: "amend a draft resolution's wording, and give it the vote taken on it", .resolutionAmend, arity: 2...6
        ) { context, invocation in
            let options = try invocation.options(from: 2, allowed: ["for", "against", "abstain", "casting"])
            return try await context.application.meetingRecords.amendResolution(
                invocation.arguments[0], wording: invocation.arguments[1], vote: try MinutesCommands.vote(options, invocation),
                as: invocation.user)
        },
        .document(
            "RESOLUTION ACTION", usage: "<resolution-id> <ref> <lead-email> <review> <text> [role=<lead role>] [frequency=<every…>]",
            summary: "create the plan action a resolution asks for, linked to it", .resolutionAction, arity: 5...7, argumentSize: .text
        ) { context, invocation in
            let options = try invocation.options(from: 5, allowed: ["role", "frequency"])
            let new = MeetingRecordService.NewAction(
                ref: invocation.arguments[1], text: invocation.arguments[4], leadEmail: invocation.arguments[2], leadRole: options["role"],
                reviewDate: invocation.arguments[3], frequency: options["frequency"])
            return try await context.application.meetingRecords.createAction(
                new, resolution: invocation.arguments[0], as: invocation.user)
        },
        .document(
            "RESOLUTION UPDATE", usage: "<resolution-id> <ref> <text> [review=<date>]",
            summary: "post the update to an action a resolution asks for", .resolutionUpdate, arity: 3...4, argumentSize: .text
        ) { context, invocation in
            let options = try invocation.options(from: 3, allowed: ["review"])
            return try await context.application.meetingRecords.updateAction(
                invocation.arguments[1], text: invocation.arguments[2], reviewDate: options["review"], resolution: invocation.arguments[0],
                as: invocation.user)
        },
        .document(
            "RESOLUTION REPORT", usage: "<resolution-id> <board> <month> <owner-email> <title> [role=<owner role>]",
            summary: "request a report for the board's first meeting in a month (\"January 2018\")", .resolutionReport,
            arity: 5...6, argumentSize: .text
        ) { context, invocation in
            let options = try invocation.options(from: 5, allowed: ["role"])
            return try await context.application.meetingRecords.requestReport(
                board: invocation.arguments[1], month: invocation.arguments[2], title: invocation.arguments[4],
                ownerEmail: invocation.arguments[3], ownerRole: options["role"], resolution: invocation.arguments[0], as: invocation.user)
        },
    ]

    static func vote(_ options: [String: String], _ invocation: CommandInvocation) throws(CommandError) -> Resolution.Vote? {
        do throws(MeetingRecordError) {
            return try Resolution.Vote(for: options["for"], against: options["against"], abstain: options["abstain"], casting: options["casting"])
        } catch {
            throw CommandError.badArgument(invocation.name, error.value.isEmpty ? "\(error.field)=: \(error.reason)" : error.description)
        }
    }
}
