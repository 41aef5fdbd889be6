import QuorumDomain

/// A meeting's minutes as the pack prints them: under the next meeting's "Minutes of the
/// previous meeting" item (Part I shows the public minutes), or as a document of their own, whose
/// Part II holds the minutes of the exempt items.
public struct MinutesContent: Hashable, Sendable {
    public struct Resolution: Hashable, Sendable {
        /// `OSC-2017-11-14/4.1`.
        public var reference: String
        public var number: Int
        public var wording: String
        public var carried: Bool
        /// "5 for, 1 against, 1 abstention", or nil when resolved without a vote.
        public var vote: String?

        public init(reference: String, number: Int, wording: String, carried: Bool, vote: String?) {
            self.reference = reference
            self.number = number
            self.wording = wording
            self.carried = carried
            self.vote = vote
        }
    }

    /// A member's declaration of interest in an item, as the minute records it.
    public struct Declaration: Hashable, Sendable {
        /// The member as the minutes name people: by role.
        public var member: String
        public var kind: DeclarationOfInterest.Kind
        /// What the interest is, in the member's words.
        public var nature: String
        public var leftRoom: Bool
        public var dispensation: Bool

        public init(member: String, kind: DeclarationOfInterest.Kind, nature: String, leftRoom: Bool, dispensation: Bool = false) {
            self.member = member
            self.kind = kind
            self.nature = nature
            self.leftRoom = leftRoom
            self.dispensation = dispensation
        }
    }

    /// Whether the meeting was quorate: the voting members it needed and those present.
    public struct Quorum: Hashable, Sendable {
        /// `1/4 min 3`: the board file's rule.
        public var rule: String
        /// The chair and the members the rule counts.
        public var membership: Int
        public var required: Int
        /// Members present and substitutes.
        public var present: Int

        public init(rule: String, membership: Int, required: Int, present: Int) {
            self.rule = rule
            self.membership = membership
            self.required = required
            self.present = present
        }

        public var isQuorate: Bool { present >= required }
    }

    public struct Item: Hashable, Sendable {
        public var number: Int
        public var title: String
        public var text: String
        public var exemptParagraph: Int?
        /// The declarations of interest in the item, in the order made.
        public var declarations: [Declaration]
        public var resolutions: [Resolution]

        public init(
            number: Int, title: String, text: String, exemptParagraph: Int?, declarations: [Declaration] = [], resolutions: [Resolution]
        ) {
            self.number = number
            self.title = title
            self.text = text
            self.exemptParagraph = exemptParagraph
            self.declarations = declarations
            self.resolutions = resolutions
        }
    }

    public var boardName: String
    public var meetingDate: LocalDate
    /// Nil while a draft; the approving meeting's date once approved.
    public var approvedOn: LocalDate?
    /// Who was there, as the minutes open: "Present: …", "Substitutes: …", "Apologies: …", "Absent: …".
    public var attendance: [(label: String, names: [String])]
    /// Whether the meeting was quorate; nil when no attendance is recorded.
    public var quorum: Quorum?
    public var items: [Item]

    public init(
        boardName: String, meetingDate: LocalDate, approvedOn: LocalDate?, attendance: [(label: String, names: [String])],
        quorum: Quorum? = nil, items: [Item]
    ) {
        self.boardName = boardName
        self.meetingDate = meetingDate
        self.approvedOn = approvedOn
        self.attendance = attendance
        self.quorum = quorum
        self.items = items
    }

    public static func == (lhs: MinutesContent, rhs: MinutesContent) -> Bool {
        lhs.boardName == rhs.boardName && lhs.meetingDate == rhs.meetingDate && lhs.approvedOn == rhs.approvedOn
            && lhs.items == rhs.items && lhs.quorum == rhs.quorum && lhs.attendance.map(\.label) == rhs.attendance.map(\.label)
            && lhs.attendance.map(\.names) == rhs.attendance.map(\.names)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(boardName)
        hasher.combine(meetingDate)
        hasher.combine(items)
    }

    /// The items in `part`: exempt items only in Part II, the rest only in Part I.
    public func items(in part: PackPart) -> [Item] {
        items.filter { ($0.exemptParagraph != nil) == (part == .exempt) }
    }
}

extension PackRenderer {
    /// The minutes as a document of their own: Part I (public) or Part II (the exempt items).
    public func renderMinutesHTML(_ minutes: MinutesContent, part: PackPart) -> String {
        let status = minutes.approvedOn.map { "approved \(PackFormat.date($0))" } ?? "draft"
        let title = "\(minutes.boardName): minutes of \(PackFormat.longDate(minutes.meetingDate)), \(part.titleLabel), \(status)"
        let body: Markup = """
            <main id="main">
            <h1>\(title)</h1>
            \(minutesBody(minutes, part: part, headingLevel: 2))</main>

            """
        return document(title: title, kind: .part(part), body: body)
    }

    /// The minutes under an item of the next meeting's pack: the public minutes, and a line for
    /// each exempt item saying its minute is in Part II.
    func minutesSection(_ minutes: MinutesContent, item: MeetingPackContent.Item) -> Markup {
        let anchor = Self.anchor(item)
        let status = minutes.approvedOn == nil ? "Draft minutes, for approval" : "Minutes"
        return """
            <section class="minutes" id="\(anchor)-minutes" aria-labelledby="\(anchor)-minutes-heading">
            <h3 id="\(anchor)-minutes-heading">\(status): meeting of \(PackFormat.longDate(minutes.meetingDate))</h3>
            \(minutesBody(minutes, part: .public, headingLevel: 4))</section>

            """
    }

    private func minutesBody(_ minutes: MinutesContent, part: PackPart, headingLevel: Int) -> Markup {
        var html: Markup = .empty
        if part == .public {
            for line in minutes.attendance where !line.names.isEmpty {
                html += "<p class=\"minutes-attendance\"><strong>\(line.label):</strong> \(line.names.joined(separator: "; "))</p>\n"
            }
            if let quorum = minutes.quorum {
                let members = quorum.present == 1 ? "1 voting member was" : "\(quorum.present) voting members were"
                html += """
                    <p class="minutes-quorum">The meeting was \(quorum.isQuorate ? "quorate" : "not quorate"): \(members) present \
                    (substitutes counted) and \(quorum.required) required (quorum \(quorum.rule) of a membership of \(quorum.membership)).</p>

                    """
            }
        }
        let heading = Markup(trusted: "h\(min(max(headingLevel, 2), 6))")
        for item in minutes.items {
            if let paragraph = item.exemptParagraph, part == .public {
                html += """
                    <p class="minutes-exempt">Minute \(item.number) (\(item.title)) is exempt under \
                    \(ScheduleTwelveA.marking(paragraph: paragraph)) and is in the Part II minutes.</p>

                    """
                continue
            }
            guard (item.exemptParagraph != nil) == (part == .exempt) else { continue }
            html += "<\(heading) class=\"minute-heading\">\(item.number). \(item.title)</\(heading)>\n"
            for declaration in item.declarations {
                html += "<p class=\"minutes-declaration\">\(Self.declarationSentence(declaration))</p>\n"
            }
            html += paragraphs(item.text)
            if !item.resolutions.isEmpty {
                html += "<p>Resolved:</p>\n<ol class=\"resolutions\">\n"
                for resolution in item.resolutions {
                    let vote = resolution.vote.map { " (\($0))" } ?? ""
                    let outcome = resolution.carried ? "" : " Not carried."
                    html += "<li id=\"resolution-\(item.number)-\(resolution.number)\">\(resolution.wording)\(vote)\(outcome)</li>\n"
                }
                html += "</ol>\n"
            }
        }
        return html
    }

    /// "Vice-Chair declared an other registrable interest (Governor of a school named in the
    /// report) and left the room for the item."
    static func declarationSentence(_ declaration: MinutesContent.Declaration) -> String {
        let kind = switch declaration.kind {
        case .disclosablePecuniary: "a disclosable pecuniary interest"
        case .otherRegistrable: "an other registrable interest"
        case .nonRegistrable: "a non-registrable interest"
        }
        let room = declaration.leftRoom ? "left the room for the item" : "remained in the room"
        let dispensation = declaration.dispensation ? ", holding a dispensation" : ""
        return "Declaration of interest: \(declaration.member) declared \(kind) (\(declaration.nature)) and \(room)\(dispensation)."
    }
}
