"""After the meeting, over TCP: attendance and the quorum, declarations, minutes and resolutions,
a report requested for January 2018, executive decisions and call-in, RAG ratings and update
frequencies, measure targets and comparators."""

import json
import subprocess

import pytest
import redis

from conftest import BIN, ROOT, ReplyError

MEETING = "OSC-2017-11-14"
SECRETARY = "scrutiny.secretary@example.org"
OWNER = "head.childrens.social.care@example.org"


def ok(reply):
    assert not isinstance(reply, ReplyError), reply
    return json.loads(reply) if isinstance(reply, str) and reply[:1] in "[{" else reply


def signed_in(daemon, user="admin", token=None):
    conn = daemon.connect()
    assert conn.command("AUTH", user, token or daemon.admin_token) == "OK"
    return conn


def add_user(daemon, email, role, board=None):
    admin = signed_in(daemon)
    token = admin.command("USER", "ADD", email, role, *([f"board={board}"] if board else []))
    admin.close()
    assert not isinstance(token, ReplyError), token
    return token


@pytest.fixture
def world(demo_daemon):
    """The demo daemon with the Scrutiny secretary signed in and the 14 November report submitted."""
    token = add_user(demo_daemon, SECRETARY, "secretary", "OSC")
    secretary = signed_in(demo_daemon, SECRETARY, token)
    report = (ROOT / "Demo" / "reports" / f"{MEETING}.md").read_text()
    ok(secretary.command("REPORT", "SUBMIT", MEETING, "4", report))
    yield demo_daemon, secretary, token
    secretary.close()


def test_the_fourteenth_november_scrutiny_meeting_closes_the_loop(world):
    daemon, secretary, _ = world
    # Attendance: the chair and two members present, one with apologies and a substitute.
    for member, status in [("osc.chair@example.org", "present"), ("osc.vice.chair@example.org", "present"),
                           ("osc.member.1@example.org", "apologies")]:
        ok(secretary.command("ATTENDANCE", "RECORD", MEETING, member, status))
    attendance = ok(secretary.command("ATTENDANCE", "GET", MEETING))
    # Seven members, quorum "1/4 min 3": three needed, two present.
    assert (attendance["required"], attendance["voting_present"], attendance["quorate"]) == (3, 2, False)
    attendance = ok(secretary.command("ATTENDANCE", "SUBSTITUTE", MEETING, "substitute.councillor@example.org",
                                      "osc.member.1@example.org", "role=Substitute Councillor"))
    assert (attendance["voting_present"], attendance["quorate"]) == (3, True)
    assert attendance["substitutes"][0]["for_member"] == "osc.member.1@example.org"
    # A substitute for a member who was there is refused, naming why.
    reply = secretary.command("ATTENDANCE", "SUBSTITUTE", MEETING, "another.sub@example.org", "osc.chair@example.org")
    assert isinstance(reply, ReplyError) and reply.code == "BADARG" and "was present" in reply
    # A declaration on the report's item.
    attendance = ok(secretary.command("INTEREST", "DECLARE", MEETING, "4", "osc.vice.chair@example.org", "other_registrable",
                                      "Governor of a school named in the report", "left=no"))
    assert attendance["declarations"][0]["item"] == 4 and attendance["warnings"] == []

    # The minute takes the report's recommendation as its resolution.
    minutes = ok(secretary.command("MINUTES", "RECORD", MEETING, "4", "The Committee considered the scorecard."))
    resolution = minutes["items"][0]["resolutions"][0]
    assert resolution["id"] == f"{MEETING}/4.1"
    assert resolution["wording"] == "Reports continue to be provided on a six monthly basis"
    assert minutes["status"] == "draft" and minutes["next_meeting"] == "OSC-2018-01-09"
    # "The Board requested that an update report be presented in January 2018."
    effect = ok(secretary.command("RESOLUTION", "REPORT", resolution["id"], "OSC", "January 2018", OWNER,
                                  "Update report on performance", "role=Head of Children's Social Care"))
    assert effect["meeting"] == "OSC-2018-01-09" and effect["warning"] is None
    january = ok(daemon.connect().command("MEETING", "GET", "OSC-2018-01-09"))
    item = next(i for i in january["items"] if i["title"] == "Update report on performance")
    assert item["owner"] == OWNER and item["resolution"] == resolution["id"] and item["number"] == effect["item"]
    # Its owner is reminded like any report owner (draft due 5 working days before publication).
    preview = ok(secretary.command("REMIND", "PREVIEW", "2017-12-20T08:00:00Z"))
    due = [n for n in preview["notices"] if n["kind"] == "report.due" and n["report"]["title"] == "Update report on performance"]
    assert len(due) == 1 and due[0]["to"]["email"] == OWNER and due[0]["report"]["meeting_date"] == "2018-01-09"

    # The minutes are approved at the next meeting, and only there.
    wrong = secretary.command("MINUTES", "APPROVE", "OSC-2018-03-13", f"minutes={MEETING}")
    assert isinstance(wrong, ReplyError) and wrong.code == "BADARG" and "2018-01-09" in wrong
    approved = ok(secretary.command("MINUTES", "APPROVE", "OSC-2018-01-09"))
    assert approved["meeting"] == MEETING and approved["status"] == "approved" and approved["approved_at"] == "OSC-2018-01-09"
    again = secretary.command("MINUTES", "RECORD", MEETING, "4", "Changed afterwards")
    assert isinstance(again, ReplyError) and again.code == "CONFLICT"


def test_a_resolution_creates_and_updates_plan_actions(world):
    daemon, secretary, _ = world
    ok(secretary.command("MINUTES", "RECORD", MEETING, "4", "Considered.", "resolutions=none"))
    created = ok(secretary.command("RESOLUTION", "ADD", MEETING, "4", "That an audit of re-referrals be reported",
                                   "for=5", "against=1", "abstain=1"))
    assert created["carried"] and created["vote"]["in_favour"] == 5
    action = ok(secretary.command("RESOLUTION", "ACTION", created["id"], "1.1.40", "qa.lead@example.org", "2017-11-20",
                                  "Report re-referral audit findings", "frequency=monthly"))
    assert action["resolution"] == created["id"] and action["update_frequency"] == "monthly"
    admin = signed_in(daemon)
    assert ok(admin.command("ACTION", "GET", "1.1.40"))["resolution"] == created["id"]
    listed = ok(admin.command("ACTION", "LIST"))
    assert [(a["ref"], a["resolution"]) for a in listed if a["resolution"] is not None] == [("1.1.40", created["id"])]
    # It is in the lead's next digest.
    preview = ok(admin.command("REMIND", "PREVIEW", "2017-11-16T08:00:00Z"))
    digest = next(n for n in preview["notices"] if n["kind"] == "action.digest" and n["to"]["email"] == "qa.lead@example.org")
    assert [a["ref"] for a in digest["actions"]] == ["1.1.40"]
    updated = ok(secretary.command("RESOLUTION", "UPDATE", created["id"], "1.1.4", "Committee asked for the workshop dates",
                                   "review=2018-01"))
    assert updated["effective_review_date"] == "2018-01-31"
    assert created["id"] in updated["updates"][-1]["text"]
    # A tie without a casting vote is lost and sets nothing in motion.
    lost = ok(secretary.command("RESOLUTION", "ADD", MEETING, "4", "That the plan be withdrawn", "for=3", "against=3"))
    assert lost["carried"] is False
    refused = secretary.command("RESOLUTION", "REPORT", lost["id"], "OSC", "2018-01", OWNER, "x")
    assert isinstance(refused, ReplyError) and refused.code == "BADARG" and "not carried" in refused
    bad = secretary.command("RESOLUTION", "ADD", MEETING, "4", "x", "for=3", "against=2", "casting=for")
    assert isinstance(bad, ReplyError) and bad.code == "BADARG" and "tie" in bad
    admin.close()


def test_a_defaulted_resolution_is_amended_and_given_its_vote(world):
    daemon, secretary, _ = world
    minutes = ok(secretary.command("MINUTES", "RECORD", MEETING, "4", "The Committee considered the scorecard."))
    resolution = minutes["items"][0]["resolutions"][0]
    assert resolution["vote"] is None
    amended = ok(secretary.command("RESOLUTION", "AMEND", resolution["id"],
                                   "Reports continue to be provided on a quarterly basis", "for=5", "against=1", "abstain=1"))
    assert amended["wording"] == "Reports continue to be provided on a quarterly basis"
    assert amended["vote"]["in_favour"] == 5 and amended["vote"]["against"] == 1 and amended["carried"] is True
    stored = ok(secretary.command("MINUTES", "GET", MEETING))["items"][0]["resolutions"][0]
    assert stored["wording"] == amended["wording"] and stored["vote"]["abstentions"] == 1
    bad = secretary.command("RESOLUTION", "AMEND", resolution["id"], "x", "for=3")
    assert isinstance(bad, ReplyError) and bad.code == "BADARG" and "against" in bad
    outsider = signed_in(daemon, "hwbb.secretary@example.org",
                         add_user(daemon, "hwbb.secretary@example.org", "secretary", "HWBB"))
    denied = outsider.command("RESOLUTION", "AMEND", resolution["id"], "x")
    assert isinstance(denied, ReplyError) and denied.code == "NOPERM"
    outsider.close()
    admin = signed_in(daemon)
    entries = json.loads(admin.command("AUDIT", "kind=resolution.amend"))
    assert [(e["user"], e["target"]) for e in entries] == [(SECRETARY, resolution["id"])]
    # Once approved at the next meeting, the resolution is not changed.
    ok(secretary.command("MINUTES", "APPROVE", "OSC-2018-01-09"))
    again = secretary.command("RESOLUTION", "AMEND", resolution["id"], "Rewritten")
    assert isinstance(again, ReplyError) and again.code == "CONFLICT"
    admin.close()


def test_an_ongoing_action_is_chased_for_its_update_and_carries_a_rag_rating(demo_daemon):
    token = add_user(demo_daemon, OWNER, "lead")
    lead = signed_in(demo_daemon, OWNER, token)
    # 1.1.3 is Ongoing: only its update frequency can bring it to the digest.
    action = ok(lead.command("ACTION", "UPDATE", "1.1.3", "Workshops continue", "rag=amber", "frequency=every 2 weeks"))
    assert action["rag"] == "amber" and action["update_frequency"] == "fortnightly"
    # The update is dated today (London): the next is due two weeks after it.
    import datetime
    from zoneinfo import ZoneInfo
    today = datetime.datetime.now(ZoneInfo("Europe/London")).date()
    chased_from = (today + datetime.timedelta(days=14)).isoformat()
    assert action["next_update_due"] == chased_from
    bad = lead.command("ACTION", "UPDATE", "1.1.3", "x", "rag=purple")
    assert isinstance(bad, ReplyError) and bad.code == "BADARG" and "red, amber or green" in bad
    bad = lead.command("ACTION", "UPDATE", "1.1.3", "x", "frequency=sometimes")
    assert isinstance(bad, ReplyError) and bad.code == "BADARG" and "fortnightly" in bad
    other = signed_in(demo_daemon, "another.lead@example.org", add_user(demo_daemon, "another.lead@example.org", "lead"))
    denied = other.command("ACTION", "UPDATE", "1.1.3", "x", "rag=red")
    assert isinstance(denied, ReplyError) and denied.code == "NOPERM"
    admin = signed_in(demo_daemon)
    day_after = (datetime.date.fromisoformat(chased_from) + datetime.timedelta(days=1)).isoformat()
    preview = ok(admin.command("REMIND", "PREVIEW", f"{day_after}T08:00:00Z"))
    items = [a for n in preview["notices"] if n["to"]["email"] == OWNER for a in n["actions"] if a["ref"] == "1.1.3"]
    assert len(items) == 1 and items[0]["update_due"] == chased_from and items[0]["review_date"] == "Ongoing"
    on_the_day = ok(admin.command("REMIND", "PREVIEW", f"{chased_from}T08:00:00Z"))
    assert not [a for n in on_the_day["notices"] for a in n["actions"] if a["ref"] == "1.1.3"]
    for conn in (lead, other, admin):
        conn.close()


def test_a_cabinet_decision_is_published_called_in_and_heard(demo_daemon):
    cabinet = signed_in(demo_daemon, "cabinet.secretary@example.org",
                        add_user(demo_daemon, "cabinet.secretary@example.org", "secretary", "CABINET"))
    scrutiny = signed_in(demo_daemon, SECRETARY, add_user(demo_daemon, SECRETARY, "secretary", "OSC"))
    ok(cabinet.command("DECISION", "RECORD", "CAB-2018-05-02-1", "CABINET", "2018-05-02", "Adopt the sufficiency strategy"))
    denied = scrutiny.command("DECISION", "PUBLISH", "CAB-2018-05-02-1", "on=2018-05-04")
    assert isinstance(denied, ReplyError) and denied.code == "NOPERM"
    published = ok(cabinet.command("DECISION", "PUBLISH", "CAB-2018-05-02-1", "on=2018-05-04"))
    # Early May bank holiday on Monday 7 May 2018: the call-in ends Monday 14 May.
    assert published["call_in_ends"] == "2018-05-14"
    late = scrutiny.command("DECISION", "CALLIN", "CAB-2018-05-02-1", "Too late", "on=2018-05-15")
    assert isinstance(late, ReplyError) and late.code == "BADARG" and "2018-05-14" in late
    denied = cabinet.command("DECISION", "CALLIN", "CAB-2018-05-02-1", "Own goal", "on=2018-05-08")
    assert isinstance(denied, ReplyError) and denied.code == "NOPERM"
    called = ok(scrutiny.command("DECISION", "CALLIN", "CAB-2018-05-02-1", "Families were not consulted",
                                 "by=osc.member.1@example.org,osc.member.2@example.org", "on=2018-05-08"))
    assert called["implementation"]["state"] == "suspended"
    heard = ok(scrutiny.command("DECISION", "HEAR", "CAB-2018-05-02-1", "2018-05-22", "outcome=no_further_action"))
    assert heard["implementation"] == {"state": "implementable", "from": "2018-05-23", "until": None,
                                       "immediately": False, "referred_back": False}
    # The public reads decisions, through any Redis client.
    client = redis.Redis(host="127.0.0.1", port=demo_daemon.port, decode_responses=True)
    listed = json.loads(client.execute_command("DECISION", "LIST", "CABINET"))
    assert [d["reference"] for d in listed] == ["CAB-2018-05-02-1"]
    # redis-py reads NOAUTH as an authentication error.
    with pytest.raises(redis.exceptions.AuthenticationError, match="DECISION RECORD needs a signed-in user"):
        client.execute_command("DECISION", "RECORD", "X-1", "CABINET", "2018-05-02", "x")
    urgent = ok(cabinet.command("DECISION", "RECORD", "CAB-2018-05-18-1", "CABINET", "2018-05-18", "Emergency contract",
                                "urgent=Placements are needed before the next Cabinet"))
    assert urgent["implementation"]["immediately"] is True and urgent["implementation"]["from"] == "2018-05-18"
    cabinet.close()
    scrutiny.close()


def test_a_measures_target_and_comparators_reach_the_scorecard(demo_daemon):
    analyst = signed_in(demo_daemon, "performance.analyst@example.org",
                        add_user(demo_daemon, "performance.analyst@example.org", "analyst"))
    rows = ok(analyst.command("SCORECARD", "2017/18"))
    row = next(r for r in rows if r["value"] == 17.1)  # re-referrals, lower is better
    measure = ok(analyst.command("MEASURE", "TARGET", row["id"], "18", "unit=per_10000"))
    assert measure["target"] == 18 and measure["unit"] == "per_10000"
    ok(analyst.command("MEASURE", "COMPARATOR", row["id"], "national", "21.9", "2016/17", "DfE Characteristics of children in need 2017"))
    judged = next(r for r in ok(demo_daemon.connect().command("SCORECARD", "2017/18")) if r["id"] == row["id"])
    assert judged["target"] == 18 and judged["meets_target"] is True
    assert judged["comparators"] == [{"kind": "national", "value": 21.9, "period": "2016/17",
                                      "source": "DfE Characteristics of children in need 2017", "standing": "better"}]
    assert judged["formatted"] == "17.1 per 10,000"
    bad = analyst.command("MEASURE", "COMPARATOR", row["id"], "county", "1", "2016/17", "x")
    assert isinstance(bad, ReplyError) and bad.code == "BADARG" and "statistical_neighbours" in bad
    listed = next(m for m in ok(demo_daemon.connect().command("MEASURE", "LIST")) if m["id"] == row["id"])
    assert listed["target"] == 18 and listed["comparators"][0]["kind"] == "national"
    analyst.close()


def test_the_scorecard_gives_direction_against_the_previous_period_and_the_same_one_a_year_before(demo_daemon):
    admin = signed_in(demo_daemon)
    # Average caseload (lower is better): 20 in October 2017 (the demo's figure), 22 in September,
    # 18 in October 2016. Better than the month before, worse than a year before.
    ok(admin.command("MEASURE", "SET", "M3.03", "2017-09", "22"))
    ok(admin.command("MEASURE", "SET", "M3.03", "2016-10", "18"))
    row = next(r for r in ok(admin.command("SCORECARD", "2017-10")) if r["id"] == "M3.03")
    assert (row["value"], row["previous"], row["previous_period"], row["direction"]) == (20, 22, "2017-09", "improving")
    assert (row["year_ago"], row["year_ago_period"], row["direction_since_year_ago"]) == (18, "2016-10", "declining")
    admin.close()


def test_the_quorum_client_records_and_reads_attendance(world):
    daemon, _, token = world
    env = {"QUORUM_PORT": str(daemon.port), "QUORUM_USER": SECRETARY, "QUORUM_TOKEN": token, "PATH": "/usr/bin:/bin"}
    run = lambda *args: subprocess.run([str(BIN / "quorum"), *args], capture_output=True, text=True, env=env, timeout=60)
    recorded = run("attendance", "record", MEETING, "osc.chair@example.org", "present")
    assert recorded.returncode == 0, recorded.stderr
    shown = run("attendance", "get", MEETING, "--json")
    assert shown.returncode == 0, shown.stderr
    assert [p["email"] for p in json.loads(shown.stdout)["present"]] == ["osc.chair@example.org"]
    refused = subprocess.run([str(BIN / "quorum"), "attendance", "get", MEETING], capture_output=True, text=True,
                             env={"QUORUM_PORT": str(daemon.port), "PATH": "/usr/bin:/bin", "QUORUM_USER": "nobody@example.org",
                                  "QUORUM_TOKEN": "wrong"}, timeout=60)
    assert refused.returncode != 0


def test_the_quorum_client_renders_amends_and_approves_minutes(world, tmp_path):
    daemon, secretary, token = world
    env = {"QUORUM_PORT": str(daemon.port), "QUORUM_USER": SECRETARY, "QUORUM_TOKEN": token, "PATH": "/usr/bin:/bin"}
    run = lambda *args: subprocess.run([str(BIN / "quorum"), *args], capture_output=True, text=True, env=env, timeout=60)
    ok(secretary.command("MINUTES", "RECORD", MEETING, "4", "The Committee considered the scorecard."))
    amended = run("resolution", "amend", f"{MEETING}/4.1", "Reports be provided quarterly", "--for", "6", "--against", "1")
    assert amended.returncode == 0, amended.stderr
    assert amended.stdout.strip() == f"{MEETING}/4.1 Reports be provided quarterly [6 for, 1 against, 0 abstaining]"
    out = tmp_path / "minutes.html"
    rendered = run("minutes", "render", MEETING, "-o", str(out))
    assert rendered.returncode == 0, rendered.stderr
    html = out.read_text()
    assert "The Committee considered the scorecard." in html and "Reports be provided quarterly (6 for, 1 against" in html
    # minutes= names the minuted meeting; one that is not the meeting before is refused.
    wrong = run("minutes", "approve", "OSC-2018-03-13", "--minutes", MEETING)
    assert wrong.returncode != 0 and "2018-01-09" in wrong.stderr
    approved = run("minutes", "approve", "OSC-2018-01-09", "--minutes", MEETING)
    assert approved.returncode == 0, approved.stderr
    assert approved.stdout.startswith(f"Minutes of {MEETING}: approved at OSC-2018-01-09")


def test_draft_minutes_are_carried_by_the_next_pack_and_rendered_with_part_two_apart(world):
    daemon, secretary, _ = world
    exempt = ok(secretary.command("ITEM", "ADD", MEETING, "Residential placement contract", "exempt=3"))
    ok(secretary.command("MINUTES", "RECORD", MEETING, "4", "The Committee considered the scorecard."))
    ok(secretary.command("MINUTES", "RECORD", MEETING, str(exempt["number"]), "The contract price was agreed at the confidential rate."))
    public = secretary.command("MINUTES", "RENDER", MEETING, "html", "public")
    assert "The Committee considered the scorecard." in public
    assert "confidential rate" not in public and "Part II minutes" in public
    part_two = secretary.command("MINUTES", "RENDER", MEETING, "html", "exempt")
    assert "confidential rate" in part_two and "considered the scorecard" not in part_two
    # Signed in by the client itself, so that a reconnection (a PDF is slow on a busy machine)
    # signs in again, and given the time the PDF takes.
    client = redis.Redis(host="127.0.0.1", port=daemon.port, decode_responses=False, username=SECRETARY,
                         password=world[2], socket_timeout=300)
    pdf = client.execute_command("MINUTES", "RENDER", MEETING, "pdf")
    assert pdf.startswith(b"%PDF")
    # The Part II minutes as a PDF: the exempt item's minute, and not the public one.
    exempt_pdf = client.execute_command("MINUTES", "RENDER", MEETING, "pdf", "exempt")
    assert exempt_pdf.startswith(b"%PDF")
    client.close()
    texts = [subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True).stdout.decode()
             for data in (pdf, exempt_pdf)]
    flat = [" ".join(text.split()) for text in texts]
    assert "The Committee considered the scorecard." in flat[0] and "confidential rate" not in flat[0]
    assert "The contract price was agreed at the confidential rate." in flat[1]
    assert "considered the scorecard" not in flat[1] and "Part II" in flat[1]
    # The next meeting's pack carries the draft under "Minutes of the previous meeting".
    pack = ok(secretary.command("PACK", "BUILD", "OSC-2018-01-09"))
    html = secretary.command("PACK", "GET", pack["id"], "html", "public")
    assert "Draft minutes, for approval" in html and "The Committee considered the scorecard." in html
    assert "Reports continue to be provided on a six monthly basis" in html
    assert "confidential rate" not in html
    ok(secretary.command("MINUTES", "APPROVE", "OSC-2018-01-09"))
    rebuilt = ok(secretary.command("PACK", "BUILD", "OSC-2018-01-09"))
    html = secretary.command("PACK", "GET", rebuilt["id"], "html", "public")
    assert "Draft minutes, for approval" not in html and "Minutes: meeting of Tuesday 14 November 2017" in html
    # Members read the minutes; another board's secretary does not.
    other = signed_in(daemon, "hwbb.secretary@example.org", add_user(daemon, "hwbb.secretary@example.org", "secretary", "HWBB"))
    denied = other.command("MINUTES", "RENDER", MEETING)
    assert isinstance(denied, ReplyError) and denied.code == "NOPERM"
    other.close()
