/// The notices before a meeting held (in part) in private, SI 2012/2089 reg 5: a first notice of
/// intention 28 clear days before, then a further notice 5 clear days before that also gives the
/// representations received about holding it in private and the response to them. Both state the
/// reasons for meeting in private. When the date makes this impracticable, the meeting may still
/// be private with the scrutiny chair's agreement that it is urgent (reg 5(6)), followed by a
/// notice of the reasons (reg 5(7)).
///
/// ```swift
/// let notices = PrivateMeetingNotices(
///     meetingDate: LocalDate(year: 2018, month: 12, day: 12)!,
///     first: .init(givenOn: LocalDate(year: 2018, month: 11, day: 13)!, reasons: "Paragraph 1: individual cases"))
/// notices.checks(asOf: LocalDate(year: 2018, month: 12, day: 1)!, calendar: WorkingDayCalendar())
/// // first: given; second: due 2018-12-06
/// ```
public struct PrivateMeetingNotices: Hashable, Sendable, Codable {
    public var meetingDate: LocalDate
    public var first: Notice?
    public var second: Notice?
    /// Reg 5(6): who agreed the meeting is urgent and cannot reasonably be deferred, and when.
    public var urgency: UrgencyAgreement?

    /// A notice as given: the day and what it said.
    public struct Notice: Hashable, Sendable, Codable {
        public var givenOn: LocalDate
        /// The statement of reasons for meeting in private (reg 5(3), 5(5)(a)).
        public var reasons: String
        /// Representations received about why the meeting should be open (second notice only).
        public var representations: [String]
        /// The response to them (reg 5(5)(c)); needed when there are any.
        public var response: String?

        public init(givenOn: LocalDate, reasons: String, representations: [String] = [], response: String? = nil) {
            self.givenOn = givenOn
            self.reasons = reasons
            self.representations = representations
            self.response = response
        }
    }

    /// Reg 5(6) and (7).
    public struct UrgencyAgreement: Hashable, Sendable, Codable {
        public var agreedBy: String
        public var agreedOn: LocalDate
        public var reasonsPublishedOn: LocalDate?

        public init(agreedBy: String, agreedOn: LocalDate, reasonsPublishedOn: LocalDate? = nil) {
            self.agreedBy = agreedBy
            self.agreedOn = agreedOn
            self.reasonsPublishedOn = reasonsPublishedOn
        }
    }

    public init(meetingDate: LocalDate, first: Notice? = nil, second: Notice? = nil, urgency: UrgencyAgreement? = nil) {
        self.meetingDate = meetingDate
        self.first = first
        self.second = second
        self.urgency = urgency
    }

    /// The last day for the first notice: 28 clear days before the meeting.
    public func firstDue(calendar: WorkingDayCalendar) -> LocalDate {
        NoticePeriod.privateMeetingFirst.deadline(before: meetingDate, calendar: calendar)
    }

    /// The last day for the second notice: 5 clear days before the meeting.
    public func secondDue(calendar: WorkingDayCalendar) -> LocalDate {
        NoticePeriod.privateMeetingSecond.deadline(before: meetingDate, calendar: calendar)
    }

    /// Both notices as they stand on `today`: first, then second.
    ///
    /// A notice is incomplete without its reasons; the second also when it records
    /// representations but no response. With an urgency agreement on record (made on or before
    /// the meeting, by someone named) a late or missing notice is excused, and carries a problem
    /// only while the agreement's notice of reasons is not published.
    public func checks(asOf today: LocalDate, calendar: WorkingDayCalendar) -> [NoticeCheck] {
        var firstProblems: [String] = []
        var secondProblems: [String] = []
        if let first, first.reasons.trimmingWhitespace().isEmpty {
            firstProblems.append("it does not state the reasons for meeting in private")
        }
        if let second {
            if second.reasons.trimmingWhitespace().isEmpty {
                secondProblems.append("it does not state the reasons for meeting in private")
            }
            if !second.representations.isEmpty, (second.response ?? "").trimmingWhitespace().isEmpty {
                secondProblems.append(
                    "\(second.representations.count) representation\(second.representations.count == 1 ? "" : "s") received but no response stated")
            }
        }
        var checks = [
            NoticeCheck(kind: .privateFirstNotice, due: firstDue(calendar: calendar), given: first?.givenOn, asOf: today, problems: firstProblems),
            NoticeCheck(kind: .privateSecondNotice, due: secondDue(calendar: calendar), given: second?.givenOn, asOf: today, problems: secondProblems),
        ]
        if let urgency, urgency.agreedOn <= meetingDate, !urgency.agreedBy.trimmingWhitespace().isEmpty {
            for index in checks.indices where checks[index].status.needsWarning {
                checks[index].excuse = "excused by the urgency agreement of \(urgency.agreedOn) (reg 5(6))"
                if urgency.reasonsPublishedOn == nil {
                    checks[index].problems.append("the notice of reasons for the urgency (reg 5(7)) is not yet published")
                }
            }
        }
        return checks
    }
}
