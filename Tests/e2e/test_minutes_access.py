"""The access table of the meeting record, walked: each attendance, minutes, resolution, decision
and measure-target command against every kind of user, over TCP.

As in test_access.py, a refusal is NOAUTH (not signed in) or NOPERM; anything else (success, or an
error about the arguments after the access check) means the rule let the user through. Writes are
given arguments that fail after the check, so the walk changes nothing."""
import json

import pytest

import conftest
from conftest import ReplyError

ROLES = ["anonymous", "admin", "secretary", "other_secretary", "cabinet_secretary", "analyst", "lead", "other_lead", "member",
         "other_member"]
ALL = set(ROLES)
ADMIN = {"admin"}
SECRETARY = {"admin", "secretary"}
MEMBERS = {"admin", "secretary", "member"}
ANALYSTS = {"admin", "analyst"}

USERS = {
    "secretary": ("scrutiny.officer@example.org", "secretary", "OSC"),
    "other_secretary": ("hwbb.officer@example.org", "secretary", "HWBB"),
    "cabinet_secretary": ("cabinet.officer@example.org", "secretary", "CABINET"),
    "analyst": ("performance.analyst@example.org", "analyst", None),
    "lead": ("quality.assurance.manager@example.org", "lead", None),
    "other_lead": ("another.lead@example.org", "lead", None),
    "member": ("osc.member.1@example.org", "member", "OSC"),
    "other_member": ("hwbb.member@example.org", "member", "HWBB"),
}
MEETING = "OSC-2017-11-14"
RESOLUTION = f"{MEETING}/4.1"


def refused(reply) -> bool:
    return isinstance(reply, ReplyError) and reply.code in ("NOAUTH", "NOPERM")


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """A demo daemon with a user of each kind, a minute with a resolution, and a published Cabinet decision."""
    tmp = tmp_path_factory.mktemp("minutes-access")
    config = conftest.write_config(tmp / "quorum.yaml")
    daemon = conftest.Daemon(tmp / "data", config, conftest.ROOT / "Boards", ["--demo-data", str(conftest.ROOT / "Demo")]).start()
    admin = daemon.connect()
    assert admin.command("AUTH", "admin", daemon.admin_token) == "OK"
    tokens = {"admin": ("admin", daemon.admin_token)}
    for role, (email, kind, board) in USERS.items():
        token = admin.command("USER", "ADD", email, kind, *([f"board={board}"] if board else []))
        assert not isinstance(token, ReplyError), token
        tokens[role] = (email, token)
    for words in (["MINUTES", "RECORD", MEETING, "4", "Considered.", "resolutions=none"],
                  ["RESOLUTION", "ADD", MEETING, "4", "That an update report be presented in January 2018"],
                  ["DECISION", "RECORD", "CAB-1", "CABINET", "2018-05-02", "Adopt the strategy"],
                  ["DECISION", "PUBLISH", "CAB-1", "on=2018-05-04"]):
        reply = admin.command(*words)
        assert not isinstance(reply, ReplyError), reply
    admin.close()
    yield {"daemon": daemon, "tokens": tokens}
    daemon.stop()


CELLS = [
    (["ATTENDANCE", "GET", MEETING], MEMBERS),
    (["ATTENDANCE", "RECORD", MEETING, "osc.chair@example.org", "asleep"], SECRETARY),
    (["ATTENDANCE", "SUBSTITUTE", MEETING, "not-an-address", "osc.member.2@example.org"], SECRETARY),
    (["INTEREST", "DECLARE", MEETING, "4", "osc.member.2@example.org", "hobby", "x"], SECRETARY),
    (["MINUTES", "GET", MEETING], MEMBERS),
    (["MINUTES", "RECORD", MEETING, "4", " "], SECRETARY),
    (["MINUTES", "APPROVE", MEETING], SECRETARY),
    (["RESOLUTION", "ADD", MEETING, "4", " "], SECRETARY),
    (["RESOLUTION", "ACTION", RESOLUTION, "1.1.x", "a@example.org", "2018-01", "x"], SECRETARY),
    (["RESOLUTION", "UPDATE", RESOLUTION, "9.9.9", "x"], SECRETARY),
    (["RESOLUTION", "REPORT", RESOLUTION, "OSC", "Smarch 2018", "a@example.org", "x"], SECRETARY),
    (["DECISION", "LIST"], ALL),
    (["DECISION", "GET", "CAB-1"], ALL),
    (["DECISION", "RECORD", "CAB-1", "CABINET", "2018-05-02", "Again"], {"admin", "cabinet_secretary"}),
    (["DECISION", "PUBLISH", "CAB-1"], {"admin", "cabinet_secretary"}),
    (["DECISION", "CALLIN", "CAB-1", " "], SECRETARY),
    (["DECISION", "HEAR", "CAB-1", "2018-05-20"], SECRETARY),
    (["MEASURE", "TARGET", "NO.SUCH", "1"], ANALYSTS),
    (["MEASURE", "COMPARATOR", "NO.SUCH", "national", "1", "2017/18", "x"], ANALYSTS),
    (["ACTION", "UPDATE", "1.1.4", "x", "rag=purple"], {"admin", "lead"}),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("words,allowed", CELLS, ids=[" ".join(c[0][:2]) for c in CELLS])
def test_each_meeting_record_command_admits_exactly_its_roles(world, role, words, allowed):
    conn = world["daemon"].connect()
    try:
        if role != "anonymous":
            name, token = world["tokens"][role]
            assert conn.command("AUTH", name, token) == "OK"
        reply = conn.command(*words)
        assert refused(reply) == (role not in allowed), f"{role} {' '.join(words)}: {reply!r}"
        if role == "anonymous" and role not in allowed:
            assert reply.code == "NOAUTH"
        if role in allowed and words[0] not in ("DECISION",) and words[1] not in ("GET", "LIST"):
            # A permitted write met its argument error, so nothing changed.
            assert isinstance(reply, ReplyError), f"{role} {' '.join(words)} changed something: {reply!r}"
    finally:
        conn.close()


def test_the_walk_changed_nothing(world):
    admin = world["daemon"].connect()
    assert admin.command("AUTH", "admin", world["daemon"].admin_token) == "OK"
    minutes = json.loads(admin.command("MINUTES", "GET", MEETING))
    assert [r["id"] for r in minutes["items"][0]["resolutions"]] == [RESOLUTION]
    assert minutes["status"] == "draft"
    assert json.loads(admin.command("ATTENDANCE", "GET", MEETING))["present"] == []
    admin.close()
