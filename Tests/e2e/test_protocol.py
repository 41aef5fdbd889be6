"""The line protocol over real TCP against quorumd, byte for byte."""

import json

from conftest import ReplyError

BOARD_CODES = {"HWBB", "LSCB", "CPB", "CYPCIB", "CABINET", "OSC"}


def test_ping_answers_inline_and_as_a_resp_array(conn):
    assert conn.inline("PING") == "PONG"
    assert conn.command("PING") == "PONG"
    assert conn.command("PING", "hello there") == "hello there"
    assert conn.inline('ping "quoted words"') == "quoted words"


def test_board_list_serves_the_six_boards_of_the_governance_structure(conn):
    boards = json.loads(conn.command("BOARD", "LIST"))
    assert {b["code"] for b in boards} == BOARD_CODES
    osc = next(b for b in boards if b["code"] == "OSC")
    assert "Scrutiny" in osc["name"]
    assert osc["secretary"]["email"].endswith("@example.org")


def test_board_get_shows_members_cycles_and_who_reports_to_it(conn):
    hwbb = json.loads(conn.command("BOARD", "GET", "hwbb"))
    assert hwbb["code"] == "HWBB"
    assert hwbb["members"], "HWBB has members"
    assert hwbb["receives_reports_from"], "boards report to the Health and Wellbeing Board"
    for code in hwbb["receives_reports_from"]:
        board = json.loads(conn.command("BOARD", "GET", code))
        assert "HWBB" in board["reports_to"]


def test_meeting_list_includes_the_seed_meetings_with_publication_deadlines(conn):
    meetings = json.loads(conn.command("MEETING", "LIST", "OSC", "2017-09-01", "2017-11-30"))
    by_date = {m["date"]: m for m in meetings}
    assert "2017-09-26" in by_date and "2017-11-14" in by_date
    # Tuesday 14 November 2017: the five clear working days are 7-13 November, so Monday 6.
    assert by_date["2017-11-14"]["publish_by"] == "2017-11-06"
    assert all("2017-09-01" <= m["date"] <= "2017-11-30" for m in meetings)
    hwbb = json.loads(conn.command("MEETING", "LIST", "HWBB", "2018-12-01", "2018-12-31"))
    assert [m["date"] for m in hwbb] == ["2018-12-12"]
    assert hwbb[0]["publish_by"] == "2018-12-04"


def test_meeting_get_carries_agenda_and_the_report_due(conn):
    meeting = json.loads(conn.command("MEETING", "GET", "OSC-2017-11-14"))
    assert meeting["board"] == "OSC" and meeting["date"] == "2017-11-14"
    titles = [item["title"] for item in meeting["items"]]
    assert titles[:3] == ["Apologies for absence", "Declarations of interest", "Minutes of the previous meeting"]
    reports = meeting["reports"]
    assert any(r["cycle"] == "performance" and r["month"] == "2017-11" for r in reports)
    report = next(r for r in reports if r["cycle"] == "performance")
    assert report["publish_by"] == "2017-11-06"
    assert report["draft_due"] < report["publish_by"]
    assert report["submitted"] is False


def test_meeting_add_needs_a_signed_in_secretary_or_admin(daemon, conn):
    reply = conn.command("MEETING", "ADD", "OSC", "2018-12-12")
    assert isinstance(reply, ReplyError) and reply.code == "NOAUTH"
    assert conn.command("PING") == "PONG", "the connection stays usable"
    assert conn.command("AUTH", "admin", "not-the-token").code == "WRONGPASS"
    assert conn.command("AUTH", "admin", daemon.admin_token) == "OK"
    added = json.loads(conn.command("MEETING", "ADD", "OSC", "2018-12-12", "10:00", "Committee Room 2"))
    assert added["id"] == "OSC-2018-12-12"
    assert added["publish_by"] == "2018-12-04"
    assert added["origin"] == "added" and added["time"] == "10:00" and added["venue"] == "Committee Room 2"
    again = conn.command("MEETING", "ADD", "OSC", "2018-12-12")
    assert again.code == "CONFLICT"
    fetched = json.loads(conn.command("MEETING", "GET", "OSC-2018-12-12"))
    assert fetched["venue"] == "Committee Room 2"


def test_secretary_may_add_meetings_to_their_own_board_only(daemon, conn):
    assert conn.command("AUTH", "admin", daemon.admin_token) == "OK"
    token = conn.command("USER", "ADD", "scrutiny.officer@example.org", "secretary", "board=OSC")
    assert len(token) == 64
    secretary = daemon.connect()
    try:
        assert secretary.command("AUTH", "scrutiny.officer@example.org", token) == "OK"
        me = json.loads(secretary.command("WHOAMI"))
        assert me["role"] == "secretary" and me["board"] == "OSC"
        assert json.loads(secretary.command("MEETING", "ADD", "OSC", "2019-07-02"))["id"] == "OSC-2019-07-02"
        refused = secretary.command("MEETING", "ADD", "CPB", "2019-07-02")
        assert refused.code == "NOPERM"
    finally:
        secretary.close()
    lead = conn.command("USER", "ADD", "qa.manager@example.org", "lead")
    other = daemon.connect()
    try:
        assert other.command("AUTH", "qa.manager@example.org", lead) == "OK"
        assert other.command("USER", "ADD", "x@example.org", "lead").code == "NOPERM"
        assert other.command("MEETING", "ADD", "OSC", "2019-07-09").code == "NOPERM"
    finally:
        other.close()


def test_errors_are_coded_and_leave_the_connection_usable(daemon, conn):
    cases = [
        (("NOSUCH",), "ERR"),
        (("MEETING",), "ERR"),
        (("MEETING", "FROB"), "ERR"),
        (("MEETING", "LIST"), "ERR"),
        (("MEETING", "LIST", "OSC", "2017-13-01"), "BADARG"),
        (("MEETING", "LIST", "OSC", "2017-11-30", "2017-11-01"), "BADARG"),
        (("MEETING", "LIST", "NOPE"), "NOTFOUND"),
        (("MEETING", "GET", "OSC-2017-11-15"), "NOTFOUND"),
        (("BOARD", "GET", "NOPE"), "NOTFOUND"),
        (("CYCLE", "LIST", "asof=yesterday"), "BADARG"),
        (("PING", "a", "b"), "ERR"),
    ]
    for words, code in cases:
        reply = conn.command(*words)
        assert isinstance(reply, ReplyError), words
        assert reply.code == code, (words, reply)
        assert conn.command("PING") == "PONG"
    assert conn.command("AUTH", "admin", daemon.admin_token) == "OK"
    for words, code in [
        (("MEETING", "ADD", "OSC", "2018-02-30"), "BADARG"),
        (("MEETING", "ADD", "OSC", "2018-12-13", "25:00"), "BADARG"),
        (("USER", "ADD", "not-an-email", "lead"), "BADARG"),
        (("USER", "ADD", "a@example.org", "wizard"), "BADARG"),
        (("USER", "ADD", "a@example.org", "secretary"), "BADARG"),
        (("USER", "ADD", "a@example.org", "member", "board=NOPE"), "NOTFOUND"),
    ]:
        reply = conn.command(*words)
        assert isinstance(reply, ReplyError) and reply.code == code, (words, reply)
    unknown = conn.command("NOSUCH", "x")
    assert "NOSUCH" in unknown


def test_invalid_utf8_is_refused_with_the_argument_named(conn):
    reply = conn.command(b"PING", b"\xff\xfe")
    assert reply.code == "BADARG" and "argument 2" in reply
    assert conn.command("PING") == "PONG"


def test_a_malformed_frame_gets_a_protocol_error_then_the_connection_closes(conn):
    conn.send_raw(b"*1\r\n$abc\r\n")
    reply = conn.read_reply()
    assert isinstance(reply, ReplyError) and "Protocol error" in reply
    assert conn.is_closed()


def test_pipelined_requests_are_answered_in_order(conn):
    conn.send_raw(b"PING one\r\nPING two\r\n*1\r\n$4\r\nPING\r\n")
    assert [conn.read_reply() for _ in range(3)] == ["one", "two", "PONG"]


def test_quit_replies_ok_and_closes(conn):
    assert conn.command("QUIT") == "OK"
    assert conn.is_closed()


def test_info_reports_version_clients_and_boards(conn):
    info = conn.command("INFO")
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    assert fields["boards"] == "6"
    assert int(fields["connected_clients"]) >= 1
    assert fields["quorum_version"]


def test_help_lists_every_command_and_one_command_usage(conn):
    lines = conn.command("HELP")
    names = " ".join(lines)
    for command in ["PING", "INFO", "AUTH", "WHOAMI", "QUIT", "BOARD LIST", "BOARD GET", "MEETING LIST",
                    "MEETING GET", "MEETING ADD", "CYCLE LIST", "USER ADD"]:
        assert command in names
    one = conn.command("HELP", "MEETING", "ADD")
    assert len(one) == 1 and "<YYYY-MM-DD>" in one[0]


def test_cycle_list_gives_the_next_occurrence_and_deadlines(conn):
    cycles = json.loads(conn.command("CYCLE", "LIST", "OSC", "asof=2017-10-01"))
    performance = next(c for c in cycles if c["cycle"]["key"] == "performance")
    assert performance["next"]["meeting_id"] == "OSC-2017-11-14"
    assert performance["next"]["publish_by"] == "2017-11-06"
    every = json.loads(conn.command("CYCLE", "LIST"))
    assert {c["board"] for c in every} <= {"HWBB", "LSCB", "CPB", "CYPCIB", "CABINET", "OSC"}
    assert any(o.get("warning") for c in every for o in c["occurrences"]), \
        "a cycle with no meeting to bind to is flagged for the secretary"
