"""AUDIT: every write leaves one entry (who, when, what), in the same transaction as the write,
with no token in it; the filters narrow it."""

import json

import pytest

from conftest import ReplyError
from test_packs import EXEMPT_REPORT

MEETING = "OSC-2017-11-14"
LEAD = "quality.assurance.manager@example.org"
# Every write operation, and the command that makes it in the session below.
WRITES = {
    "meeting.add", "item.add", "report.submit", "pack.build", "pack.publish", "plan.import", "measure.set",
    "action.update", "user.add", "user.rotate", "user.revoke", "remind.run", "outbox.retry",
    # The meeting record
    "attendance.record", "attendance.substitute", "interest.declare", "minutes.record", "resolution.add", "resolution.amend",
    "resolution.action",
    "resolution.update", "resolution.report", "minutes.approve", "decision.record", "decision.publish", "decision.callin",
    "decision.hear", "measure.target", "measure.comparator",
    # Before the meeting
    "forward.add", "forward.set", "forward.link", "notice.give", "notice.urgency",
    "clearance.submit", "clearance.finance", "clearance.legal", "clearance.return", "clearance.approve",
}
# The audit kind of a write command, where it is not the command's name with a dot: IMPORT is
# the plan's import.
AUDIT_KIND_OF_COMMAND = {"import": "plan.import"}
FINANCE = "finance.officer@example.org"
LEGAL = "legal.officer@example.org"
CABINET = "CABINET-2018-12-06"


def ok(reply):
    assert not isinstance(reply, ReplyError), reply
    return reply


def audit(conn, *words):
    return json.loads(ok(conn.command("AUDIT", *words)))


@pytest.fixture(scope="module")
def session(tmp_path_factory):
    """A demo daemon on which the admin and a lead make every kind of write once."""
    import conftest
    tmp = tmp_path_factory.mktemp("audit")
    daemon = conftest.Daemon(tmp / "data", conftest.write_config(tmp / "quorum.yaml"), conftest.ROOT / "Boards",
                             ["--demo-data", str(conftest.ROOT / "Demo")]).start()
    admin = daemon.connect()
    assert admin.command("AUTH", "admin", daemon.admin_token) == "OK"
    tokens = [daemon.admin_token]
    ok(admin.command("MEETING", "ADD", "OSC", "2018-12-12", "18:00", "Committee Room 1"))
    item = json.loads(ok(admin.command("ITEM", "ADD", MEETING, "Placement contract", "exempt=3", f"owner={LEAD}")))
    ok(admin.command("REPORT", "SUBMIT", MEETING, str(item["number"]), EXEMPT_REPORT))
    pack = json.loads(ok(admin.command("PACK", "BUILD", MEETING)))
    ok(admin.command("PACK", "PUBLISH", pack["id"], "reason=audit walk"))
    measure = json.loads(ok(admin.command("MEASURE", "LIST")))[0]["id"]
    ok(admin.command("IMPORT", "values", f"measure_id,period,value\n{measure},2017/18 Q1,10\n"))
    ok(admin.command("MEASURE", "SET", measure, "2017/18 Q2", "42"))
    tokens.append(ok(admin.command("USER", "ADD", LEAD, "lead")))
    tokens.append(ok(admin.command("USER", "ROTATE", LEAD)))
    lead = daemon.connect()
    assert lead.command("AUTH", LEAD, tokens[-1]) == "OK"
    ok(lead.command("ACTION", "UPDATE", "1.1.4", "Audit of supervision under way"))
    ok(admin.command("REMIND", "RUN", "2017-11-01T08:00:00Z"))
    pending = json.loads(ok(admin.command("OUTBOX", "LIST", "pending")))
    assert pending, "the sweep enqueued notices"
    ok(admin.command("OUTBOX", "RETRY", str(pending[0]["id"])))
    # The meeting record's writes, before the revocation that the filter test takes as the newest.
    for words in (["ATTENDANCE", "RECORD", MEETING, "osc.chair@example.org", "present"],
                  ["ATTENDANCE", "SUBSTITUTE", MEETING, "substitute@example.org", "osc.member.1@example.org"],
                  ["INTEREST", "DECLARE", MEETING, "4", "osc.chair@example.org", "non_registrable", "A relative in care"],
                  ["MINUTES", "RECORD", MEETING, "4", "Considered.", "resolutions=none"],
                  ["RESOLUTION", "ADD", MEETING, "4", "That an update report be presented in January 2018"],
                  ["RESOLUTION", "AMEND", f"{MEETING}/4.1", "That an update report be presented in January 2018, as amended",
                   "for=6", "against=1"],
                  ["RESOLUTION", "ACTION", f"{MEETING}/4.1", "1.1.40", LEAD, "2018-01", "Report the audit"],
                  ["RESOLUTION", "UPDATE", f"{MEETING}/4.1", "1.1.4", "Committee asked for dates"],
                  ["RESOLUTION", "REPORT", f"{MEETING}/4.1", "OSC", "January 2018", LEAD, "Update report"],
                  ["MINUTES", "APPROVE", "OSC-2018-01-09"],
                  ["DECISION", "RECORD", "CAB-1", "CABINET", "2018-05-02", "Adopt the strategy"],
                  ["DECISION", "PUBLISH", "CAB-1", "on=2018-05-04"],
                  ["DECISION", "CALLIN", "CAB-1", "Not consulted", "on=2018-05-08"],
                  ["DECISION", "HEAR", "CAB-1", "2018-05-22", "outcome=no_further_action"],
                  ["MEASURE", "TARGET", measure, "18"],
                  ["MEASURE", "COMPARATOR", measure, "national", "15.1", "2016/17", "DfE 2017"]):
        ok(admin.command(*words))
    # Before the meeting: the Forward Plan, the private-meeting notices, and a report's clearance
    # with a return, each step by its own holder.
    ok(admin.command("FORWARD", "ADD", "FP-2018-07", "CABINET", "Sufficiency strategy", f"meeting={CABINET}",
                     "published=2018-11-01"))
    ok(admin.command("FORWARD", "SET", "FP-2018-07", "title=Sufficiency strategy 2019-2022"))
    key_item = json.loads(ok(admin.command("ITEM", "ADD", CABINET, "Sufficiency strategy")))
    ok(admin.command("FORWARD", "LINK", "FP-2018-07", CABINET, str(key_item["number"])))
    ok(admin.command("NOTICE", "GIVE", MEETING, "first", "2017-10-16", "The placement contract names a provider"))
    ok(admin.command("NOTICE", "URGENCY", MEETING, "Chair of the Overview and Scrutiny Committee", "2017-11-10"))
    holders = {}
    for email, role in ((FINANCE, "finance"), (LEGAL, "legal")):
        tokens.append(ok(admin.command("USER", "ADD", email, role)))
        holders[email] = daemon.connect()
        assert holders[email].command("AUTH", email, tokens[-1]) == "OK"
    number = str(item["number"])
    ok(lead.command("CLEARANCE", "SUBMIT", MEETING, number, f"of={LEAD}"))
    ok(holders[FINANCE].command("CLEARANCE", "FINANCE", MEETING, number, "FD.5470/18", "Head of Corporate Resources"))
    ok(holders[LEGAL].command("CLEARANCE", "RETURN", MEETING, number, "Add the contract's value"))
    ok(lead.command("CLEARANCE", "SUBMIT", MEETING, number))
    ok(holders[FINANCE].command("CLEARANCE", "FINANCE", MEETING, number, "FD.5470/18", "Head of Corporate Resources"))
    ok(holders[LEGAL].command("CLEARANCE", "LEGAL", MEETING, number, "LD.4595/18", "Chief Legal and Democratic Officer"))
    ok(lead.command("CLEARANCE", "APPROVE", MEETING, number))
    for conn in [lead, *holders.values()]:
        conn.close()
    added = ok(admin.command("USER", "ADD", "another.lead@example.org", "lead"))
    tokens.append(added)
    ok(admin.command("USER", "REVOKE", "another.lead@example.org"))
    yield {"daemon": daemon, "admin": admin, "tokens": tokens, "pack": pack["id"], "measure": measure, "item": number}
    admin.close()
    daemon.stop()


def test_every_write_leaves_one_entry_naming_who_when_and_what(session):
    entries = audit(session["admin"], "limit=10000")
    kinds = [e["kind"] for e in entries]
    assert set(kinds) == WRITES
    assert kinds.count("user.add") == 4 and kinds.count("pack.build") == 1
    # Each step of clearance once per time it is taken: the return made submit and finance twice.
    assert [kinds.count(k) for k in ("clearance.submit", "clearance.finance", "clearance.legal", "clearance.return",
                                      "clearance.approve")] == [2, 2, 1, 1, 1]
    assert [kinds.count(k) for k in ("forward.add", "forward.set", "forward.link", "notice.give", "notice.urgency")] == [1] * 5
    by_kind = {e["kind"]: e for e in reversed(entries)}
    assert by_kind["meeting.add"]["target"] == "OSC-2018-12-12"
    assert by_kind["meeting.add"]["details"] == {"board": "OSC", "date": "2018-12-12", "time": "18:00",
                                                "venue": "Committee Room 1"}
    assert by_kind["pack.publish"]["target"] == session["pack"]
    assert by_kind["pack.publish"]["details"]["reason"] == "audit walk"
    assert by_kind["measure.set"]["details"] == {"period": "2017/18 Q2", "value": "42"}
    assert by_kind["user.add"]["details"] == {"role": "lead"}
    assert by_kind["action.update"]["user"] == LEAD and by_kind["action.update"]["target"] == "1.1.4"
    assert by_kind["forward.add"]["target"] == "FP-2018-07"
    assert by_kind["forward.add"]["details"] == {"decision_maker": "CABINET", "meeting": CABINET, "published": "2018-11-01"}
    assert by_kind["forward.set"]["details"] == {"title": "Sufficiency strategy 2019-2022"}
    assert by_kind["forward.link"]["details"]["meeting"] == CABINET
    assert by_kind["notice.give"]["target"] == MEETING
    assert by_kind["notice.give"]["details"] == {"notice": "first", "given_on": "2017-10-16", "representations": "0"}
    assert by_kind["notice.urgency"]["details"] == {
        "notice": "urgency", "agreed_by": "Chair of the Overview and Scrutiny Committee", "agreed_on": "2017-11-10"}
    # Each clearance step by its holder, on the meeting's item, naming the step.
    holders = {"clearance.submit": LEAD, "clearance.finance": FINANCE, "clearance.legal": LEGAL, "clearance.return": LEGAL,
               "clearance.approve": LEAD}
    for kind, holder in holders.items():
        steps = [e for e in entries if e["kind"] == kind]
        assert {e["user"] for e in steps} == {holder}, kind
        assert all(e["details"]["meeting"] == MEETING and e["target"].startswith(MEETING + " ") for e in steps), kind
    assert by_kind["clearance.return"]["details"]["step"] == "return"
    assert "Add the contract's value" not in json.dumps(entries), "a comment is the record's, not the audit's"
    assert all(e["user"] == "admin" for e in entries if e["kind"] != "action.update" and e["kind"] not in holders)
    assert all(e["at"].startswith("20") and e["at"][19] in "+-" for e in entries)
    ids = [e["id"] for e in entries]
    assert ids == sorted(ids, reverse=True), "newest first"


def test_every_command_flagged_write_is_one_this_session_audits(session):
    # COMMAND INFO says which commands write (from the operations' declarations); each of them
    # must appear above, so a new write command comes with its audit entry and this list.
    admin = session["admin"]
    writes = admin.command("COMMAND", "LIST", "FILTERBY", "ACLCAT", "write")
    assert writes, "no command is flagged write"
    kinds = {AUDIT_KIND_OF_COMMAND.get(name, name.replace("|", ".")) for name in writes}
    assert len(kinds) == len(writes), f"two write commands share an audit kind: {sorted(writes)}"
    assert kinds == WRITES, f"flagged write, not audited here: {sorted(kinds - WRITES)}; audited, not flagged: {sorted(WRITES - kinds)}"


def test_no_token_appears_in_any_entry(session):
    text = session["admin"].command("AUDIT", "limit=10000")
    assert "user.rotate" in text
    for token in session["tokens"]:
        assert token not in text
    assert EXEMPT_REPORT.strip().splitlines()[-1] not in text, "a report is named, not copied"


def test_a_refused_or_failed_write_leaves_no_entry(session):
    admin = session["admin"]
    before = audit(admin, "limit=10000")
    assert admin.command("MEETING", "ADD", "OSC", "2018-12-12").code == "CONFLICT"
    assert admin.command("IMPORT", "values", "measure_id,period,value\nNO.SUCH,2017/18,1\n").code == "BADINPUT"
    assert admin.command("USER", "ROTATE", "nobody@example.org").code == "NOTFOUND"
    public = session["daemon"].connect()
    assert public.command("MEETING", "ADD", "OSC", "2019-01-09").code == "NOAUTH"
    public.close()
    assert audit(admin, "limit=10000") == before


def test_filters_by_user_kind_area_since_and_limit(session):
    admin = session["admin"]
    assert [e["kind"] for e in audit(admin, f"user={LEAD}")] == [
        "clearance.approve", "clearance.submit", "clearance.submit", "action.update"]
    assert sorted(e["kind"] for e in audit(admin, "kind=user")) == ["user.add"] * 4 + ["user.revoke", "user.rotate"]
    assert sorted(e["kind"] for e in audit(admin, "kind=clearance", f"user={FINANCE}")) == ["clearance.finance"] * 2
    assert [e["target"] for e in audit(admin, "kind=user.rotate")] == [LEAD]
    assert audit(admin, "2999-01-01") == []
    everything = audit(admin, "limit=10000")
    assert audit(admin, "2000-01-01", "limit=10000") == everything
    newest = audit(admin, "limit=1")
    assert newest == everything[:1]
    since = audit(admin, newest[0]["at"], "kind=user.revoke")
    assert [e["id"] for e in since] == [newest[0]["id"]]
    assert admin.command("AUDIT", "yesterday").code == "BADARG"
    assert admin.command("AUDIT", "kind=meeting%").code == "BADARG"
    assert admin.command("AUDIT", "limit=0").code == "BADARG"
