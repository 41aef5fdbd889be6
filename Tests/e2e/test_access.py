"""The access table, walked: every command against every kind of user, over TCP.

Each cell says whether the user gets past the operation's access rule. A refusal is NOAUTH (not
signed in) or NOPERM (signed in, not allowed), or NOTFOUND where the rule is to hide the thing
(an unpublished pack version). Anything else, success or an error about the arguments, means the
rule let the user through.
"""
import pytest

from conftest import ReplyError
from test_packs import EXEMPT_REPORT, raw_get

ROLES = ["anonymous", "admin", "secretary", "other_secretary", "analyst", "lead", "other_lead", "member", "other_member",
         "finance", "legal"]
ALL = set(ROLES)
SIGNED_IN = ALL - {"anonymous"}
ADMIN = {"admin"}
SECRETARY = {"admin", "secretary"}
MEMBERS = {"admin", "secretary", "member"}

USERS = {
    "secretary": ("scrutiny.officer@example.org", "secretary", "OSC"),
    "other_secretary": ("hwbb.officer@example.org", "secretary", "HWBB"),
    "analyst": ("performance.analyst@example.org", "analyst", None),
    # The lead of action 1.1.4 in the demo plan.
    "lead": ("quality.assurance.manager@example.org", "lead", None),
    "other_lead": ("another.lead@example.org", "lead", None),
    # Seated on the Scrutiny Committee by its board file.
    "member": ("osc.member.1@example.org", "member", "OSC"),
    "other_member": ("hwbb.member@example.org", "member", "HWBB"),
    # The officers who clear reports: each takes their own step, and beyond what every
    # signed-in user may (ACTION LIST and GET, CLEARANCE GET) nothing that is not public.
    "finance": ("finance.officer@example.org", "finance", None),
    "legal": ("legal.officer@example.org", "legal", None),
}
MEETING = "OSC-2017-11-14"


def refused(reply) -> bool:
    return isinstance(reply, ReplyError) and reply.code in ("NOAUTH", "NOPERM")


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """One demo daemon with a user of each kind, a published Scrutiny pack with an exempt part,
    a later unpublished version, and a published pack of the private LSCB."""
    import conftest
    from pathlib import Path
    tmp = tmp_path_factory.mktemp("access")
    config = conftest.write_config(tmp / "quorum.yaml")
    daemon = conftest.Daemon(tmp / "data", config, conftest.ROOT / "Boards", ["--demo-data", str(conftest.ROOT / "Demo")]).start()
    admin = daemon.connect()
    # Publishing waits for the PDF, made after the build's reply: minutes on a busy machine.
    admin.sock.settimeout(900)
    assert admin.command("AUTH", "admin", daemon.admin_token) == "OK"
    tokens = {"admin": ("admin", daemon.admin_token)}
    for role, (email, kind, board) in USERS.items():
        words = ["USER", "ADD", email, kind] + ([f"board={board}"] if board else [])
        token = admin.command(*words)
        assert not isinstance(token, ReplyError), token
        tokens[role] = (email, token)
    # An exempt item owned by the lead, so REPORT SUBMIT has an owner cell.
    item = conftest_json(admin.command("ITEM", "ADD", MEETING, "Placement contract", "exempt=3", "owner=quality.assurance.manager@example.org"))
    conftest_json(admin.command("REPORT", "SUBMIT", MEETING, str(item["number"]), EXEMPT_REPORT))
    published = conftest_json(admin.command("PACK", "BUILD", MEETING))
    assert any(p["part"] == "exempt" for p in published["parts"])
    assert not isinstance(admin.command("PACK", "PUBLISH", published["id"], "reason=access walk"), ReplyError)
    unpublished = conftest_json(admin.command("PACK", "BUILD", MEETING))
    # Its PDF is made after the build's reply (publishing the others waited for theirs).
    conftest.wait_for_pdf(admin, unpublished)
    lscb = conftest_json(admin.command("MEETING", "LIST", "LSCB", "2017-09-01", "2017-12-31"))[0]["id"]
    lscb_pack = conftest_json(admin.command("PACK", "BUILD", lscb))
    assert not isinstance(admin.command("PACK", "PUBLISH", lscb_pack["id"], "reason=access walk"), ReplyError)
    admin.close()
    yield {"daemon": daemon, "tokens": tokens, "published": published["id"], "unpublished": unpublished["id"],
           "lscb": lscb_pack["id"], "item": item["number"], "lscb_meeting": lscb}
    daemon.stop()


def conftest_json(reply):
    import json
    assert not isinstance(reply, ReplyError), reply
    return json.loads(reply)


# (command words, who gets through). Writes are given arguments that fail after the access check
# (a duplicate, a bad CSV, an unknown id) wherever that keeps the walk from changing the world.
CELLS = [
    (["BOARD", "LIST"], ALL),
    (["BOARD", "GET", "OSC"], ALL),
    (["MEETING", "LIST", "OSC"], ALL),
    (["MEETING", "GET", MEETING], ALL),
    (["MEETING", "ADD", "OSC", "2017-11-14"], SECRETARY),
    (["CYCLE", "LIST", "OSC"], ALL),
    (["WHOAMI"], ALL),
    (["USER", "ADD", "scrutiny.officer@example.org", "lead"], ADMIN),
    (["USER", "REVOKE", "nobody@example.org"], ADMIN),
    (["USER", "ROTATE", "nobody@example.org"], ADMIN),
    (["AUDIT", "kind=nosuch"], ADMIN),
    (["IMPORT", "values", "measure_id,period,value\nNO.SUCH,2017/18,1\n"], {"admin", "analyst"}),
    (["ACTION", "LIST"], SIGNED_IN),
    (["ACTION", "GET", "1.1.4"], SIGNED_IN),
    (["ACTION", "UPDATE", "1.1.4", " "], {"admin", "lead"}),
    (["MEASURE", "LIST"], ALL),
    (["MEASURE", "SET", "NO.SUCH", "2017/18", "1"], {"admin", "analyst"}),
    (["SCORECARD", "2017/18"], ALL),
    (["REMIND", "PREVIEW", "2017-11-01T08:00:00Z"], {"admin", "secretary", "other_secretary"}),
    (["REMIND", "RUN", "not-an-instant"], ADMIN),
    (["OUTBOX", "LIST"], ADMIN),
    (["OUTBOX", "RETRY", "999999"], ADMIN),
    (["NOTIFY", "TEST", "email", "not an address"], ADMIN),
    (["ITEM", "ADD", MEETING, " "], SECRETARY),
    (["PACK", "BUILD", "OSC-2017-11-14"], SECRETARY),
    (["FORWARD", "LIST"], ALL),
    (["FORWARD", "ADD", "FP-ACCESS", "OSC", " "], SECRETARY),
    (["FORWARD", "DOCUMENT", "html"], ALL),
    (["NOTICE", "LIST", MEETING], SECRETARY),
    (["NOTICE", "GIVE", MEETING, "first", "2017-11-15", "after the meeting"], SECRETARY),
    (["MEETING", "READINESS", MEETING], SECRETARY),
    (["CLEARANCE", "GET", MEETING, "99"], SIGNED_IN),
    # Finance and legal clear for themselves alone: no admin, secretary or lead may, nor each
    # other. (A permitted officer then meets the report's stage: CONFLICT, not a refusal.)
    (["CLEARANCE", "FINANCE", MEETING, "4", "FD.1/17", "Head of Corporate Resources"], {"finance"}),
    (["CLEARANCE", "LEGAL", MEETING, "4", "LD.1/17", "Head of Legal"], {"legal"}),
    # Only the report's owner submits it (the cycle's owner here, none of these users).
    (["CLEARANCE", "SUBMIT", MEETING, "4"], set()),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("words,allowed", CELLS, ids=[" ".join(c[0][:2]) for c in CELLS])
def test_each_command_admits_exactly_its_roles(world, role, words, allowed):
    conn = world["daemon"].connect()
    try:
        if role != "anonymous":
            name, token = world["tokens"][role]
            assert conn.command("AUTH", name, token) == "OK"
        reply = conn.command(*words)
        assert refused(reply) == (role not in allowed), f"{role} {' '.join(words)}: {reply!r}"
        if role == "anonymous" and role not in allowed:
            assert reply.code == "NOAUTH"
    finally:
        conn.close()


@pytest.mark.parametrize("role", ROLES)
def test_report_submit_admits_the_owner_the_secretary_and_admins(world, role):
    conn = world["daemon"].connect()
    if role != "anonymous":
        name, token = world["tokens"][role]
        assert conn.command("AUTH", name, token) == "OK"
    reply = conn.command("REPORT", "SUBMIT", MEETING, str(world["item"]), "not a report")
    # The item's owner is the lead; the report is malformed, so a permitted user gets BADINPUT.
    assert refused(reply) == (role not in {"admin", "secretary", "lead"}), f"{role}: {reply!r}"
    conn.close()


@pytest.mark.parametrize("role", ROLES)
def test_pack_publish_admits_the_secretary_and_admins(world, role):
    conn = world["daemon"].connect()
    if role != "anonymous":
        name, token = world["tokens"][role]
        assert conn.command("AUTH", name, token) == "OK"
    # Already published: a permitted user gets CONFLICT.
    reply = conn.command("PACK", "PUBLISH", world["published"], "reason=again")
    assert refused(reply) == (role not in SECRETARY), f"{role}: {reply!r}"
    conn.close()


def part_cells():
    return [
        ("published public", "published", "public", ALL),
        ("published exempt", "published", "exempt", MEMBERS),
        ("unpublished", "unpublished", "public", SECRETARY),
        ("private board", "lscb", "public", ADMIN),
    ]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("case,pack,part,allowed", part_cells(), ids=[c[0] for c in part_cells()])
def test_each_pack_part_reaches_exactly_its_readers(world, role, case, pack, part, allowed):
    token = None
    if role != "anonymous":
        name, secret = world["tokens"][role]
        token = (name, secret)
    reply = raw_get(world["daemon"], world[pack], "pdf", part, token=token)
    if isinstance(reply, str):
        reply = reply.encode()
    denied = reply.startswith(b"-NOAUTH") or reply.startswith(b"-NOPERM") or reply.startswith(b"-NOTFOUND")
    assert denied == (role not in allowed), f"{role} {case}: {reply[:80]!r}"
    if role in allowed:
        assert b"%PDF" in reply[:64]


@pytest.mark.parametrize("role", ROLES)
def test_pack_list_shows_unpublished_versions_only_to_the_secretary(world, role):
    import json
    conn = world["daemon"].connect()
    if role != "anonymous":
        name, token = world["tokens"][role]
        assert conn.command("AUTH", name, token) == "OK"
    versions = [v["id"] for v in json.loads(conn.command("PACK", "LIST", MEETING))]
    assert world["published"] in versions
    assert (world["unpublished"] in versions) == (role in SECRETARY), f"{role}: {versions}"
    private = json.loads(conn.command("PACK", "LIST", world["lscb_meeting"]))
    assert (len(private) > 0) == (role in ADMIN), f"{role}: {private}"
    conn.close()
