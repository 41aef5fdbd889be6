extension ArgumentErrorTests {
    /// Attendance, minutes, resolutions, decisions and measure targets.
    static let meetingRecordCases: [Case] = [
        Case("ATTENDANCE", "GET", "NOPE-2017-11-14", code: "NOTFOUND", names: "NOPE-2017-11-14"),
        Case("ATTENDANCE", "RECORD", "OSC-2017-11-14", "osc.chair@example.org", "asleep", code: "BADARG", names: "asleep"),
        Case("ATTENDANCE", "RECORD", "OSC-2017-11-14", "mayor@example.org", "present", code: "BADARG", names: "mayor@example.org"),
        Case("ATTENDANCE", "SUBSTITUTE", "OSC-2017-11-14", "not-an-address", "osc.member.1@example.org", code: "BADARG", names: "not-an-address"),
        Case("INTEREST", "DECLARE", "OSC-2017-11-14", "1", "osc.chair@example.org", "hobby", "x", code: "BADARG", names: "hobby"),
        Case("INTEREST", "DECLARE", "OSC-2017-11-14", "1", "osc.chair@example.org", "other_registrable", "x", "left=maybe",
             code: "BADARG", names: "left"),
        Case("MINUTES", "GET", "NOPE-2017-11-14", code: "NOTFOUND", names: "NOPE-2017-11-14"),
        Case("MINUTES", "RENDER", "OSC-2017-11-14", "docx", code: "BADARG", names: "docx"),
        Case("MINUTES", "RECORD", "OSC-2017-11-14", "99", "Considered.", code: "NOTFOUND", names: "99"),
        Case("MINUTES", "RECORD", "OSC-2017-11-14", "4", "Considered.", "resolutions=some", code: "BADARG", names: "some"),
        Case("MINUTES", "APPROVE", "OSC-2017-11-14", "minutes=NOPE-2017-01-01", code: "NOTFOUND", names: "NOPE-2017-01-01"),
        Case("RESOLUTION", "ADD", "OSC-2017-11-14", "4", "That it be noted", "for=many", code: "BADARG", names: "many"),
        Case("RESOLUTION", "ACTION", "OSC-2017-11-14", "1.1.40", "a@example.org", "2018-01", "x", code: "BADARG", names: "OSC-2017-11-14"),
        Case("RESOLUTION", "UPDATE", "OSC-2017-11-14/4.1", "1.1.4", "x", code: "NOTFOUND", names: "OSC-2017-11-14/4.1"),
        Case("RESOLUTION", "REPORT", "OSC-2017-11-14/4.x", "OSC", "2018-01", "a@example.org", "x", code: "BADARG", names: "OSC-2017-11-14/4.x"),
        Case("DECISION", "LIST", "NOPE", code: "NOTFOUND", names: "NOPE"),
        Case("DECISION", "GET", "NOPE-1", code: "NOTFOUND", names: "NOPE-1"),
        Case("DECISION", "RECORD", "CAB-1", "CABINET", "2018-02-30", "A decision", code: "BADARG", names: "2018-02-30"),
        Case("DECISION", "PUBLISH", "NOPE-1", code: "NOTFOUND", names: "NOPE-1"),
        Case("DECISION", "CALLIN", "NOPE-1", "A reason", code: "NOTFOUND", names: "NOPE-1"),
        Case("DECISION", "HEAR", "NOPE-1", "2018-05-20", code: "NOTFOUND", names: "NOPE-1"),
        Case("MEASURE", "TARGET", "M9", "many", code: "BADARG", names: "many"),
        Case("MEASURE", "COMPARATOR", "M9", "county", "1", "2017/18", "x", code: "BADARG", names: "county"),
    ]
}
