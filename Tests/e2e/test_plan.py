"""The improvement plan and the scorecard over TCP: import, judge, update, permissions."""

import json
import shutil
import subprocess

import pytest

from conftest import BIN, ROOT, ReplyError

DEMO = ROOT / "Demo"


def signed_in(daemon, user="admin", token=None):
    conn = daemon.connect()
    assert conn.command("AUTH", user, token or daemon.admin_token) == "OK"
    return conn


def add_user(daemon, email, role, board=None):
    admin = signed_in(daemon)
    words = ["USER", "ADD", email, role] + ([f"board={board}"] if board else [])
    token = admin.command(*words)
    admin.close()
    assert not isinstance(token, ReplyError), token
    return signed_in(daemon, email, token)


def import_demo(conn):
    counts = {}
    for kind in ["recommendations", "actions", "measures", "values"]:
        reply = conn.command("IMPORT", kind, (DEMO / f"{kind}.csv").read_bytes())
        assert not isinstance(reply, ReplyError), reply
        counts[kind] = json.loads(reply)
    return counts


def test_an_analyst_imports_the_demo_files_and_reads_the_scorecard_back(daemon):
    analyst = add_user(daemon, "performance.analyst@example.org", "analyst")
    counts = import_demo(analyst)
    assert counts["recommendations"]["created"] == 5
    assert counts["actions"]["created"] >= 40 and counts["actions"]["updates_added"] > 0
    assert counts["measures"]["created"] >= 40
    public = daemon.connect()
    rows = {row["id"]: row for row in json.loads(public.command("SCORECARD", "2017/18"))}
    leavers = next(r for r in rows.values() if r["value"] == 91.2)
    assert leavers["previous"] == 92.7 and leavers["previous_period"] == "2016/17"
    assert leavers["band"] == "good" and leavers["direction"] == "declining"
    assessments = next(r for r in rows.values() if r["value"] == 76.4)
    assert assessments["band"] == "requires_improvement"
    re_referrals = next(r for r in rows.values() if r["value"] == 17.1)
    assert re_referrals["polarity"] == "lower" and re_referrals["direction"] == "improving"
    assert all(set(r) >= {"id", "value", "previous", "band", "direction"} for r in rows.values())
    # Importing the same files again changes nothing.
    again = import_demo(analyst)
    assert all(c["created"] == 0 and c["updated"] == 0 for c in again.values())
    assert again["actions"]["updates_added"] == 0


def test_a_bad_row_stores_nothing_and_names_line_and_column(daemon):
    analyst = add_user(daemon, "performance.analyst@example.org", "analyst")
    import_demo(analyst)
    before = analyst.command("SCORECARD", "2017/18")
    measure = json.loads(before)[0]["id"]
    bad = f"measure_id,period,value\n{measure},2018/19,50\n{measure},2019/20,fifty\n"
    reply = analyst.command("IMPORT", "values", bad)
    assert reply.code == "BADINPUT"
    assert reply == "BADINPUT line 3: value: 'fifty' is not a number"
    assert analyst.command("SCORECARD", "2017/18") == before, "the existing scorecard is untouched"
    rows = json.loads(analyst.command("SCORECARD", "2018/19"))
    assert all(r["value"] is None for r in rows), "line 2 was not stored either"
    actions = (DEMO / "actions.csv").read_text().splitlines()
    broken = "\n".join(actions[:3] + [actions[3].replace(",open,", ",stalled,", 1)]) + "\n"
    if ",stalled," in broken:
        reply = analyst.command("IMPORT", "actions", broken)
        assert reply.code == "BADINPUT" and reply.startswith("BADINPUT line 4: status:")
    header_only = "ref,recommendation,action\n"
    assert analyst.command("IMPORT", "actions", header_only).startswith("BADINPUT line 1: header: missing")
    assert analyst.command("IMPORT", "budgets", "x").code == "BADARG"


def test_only_analysts_and_admins_import_and_set_values(demo_daemon):
    lead = add_user(demo_daemon, "qa.lead@example.org", "lead")
    assert lead.command("IMPORT", "values", "measure_id,period,value\n").code == "NOPERM"
    assert lead.command("MEASURE", "SET", "M1.1.04", "2018/19", "80").code == "NOPERM"
    public = demo_daemon.connect()
    assert public.command("IMPORT", "values", "measure_id,period,value\n").code == "NOAUTH"
    analyst = add_user(demo_daemon, "performance.analyst@example.org", "analyst")
    row = json.loads(analyst.command("MEASURE", "SET", "M1.1.04", "2018/19", "91"))
    assert row["band"] == "outstanding" and row["previous"] == 76.4 and row["direction"] == "improving"
    assert analyst.command("MEASURE", "SET", "NOPE", "2018/19", "1").code == "NOTFOUND"
    assert analyst.command("MEASURE", "SET", "M1.1.04", "2018/20", "1").code == "BADARG"
    assert analyst.command("MEASURE", "SET", "M1.1.04", "2018/19", "lots").code == "BADARG"


def test_a_lead_updates_their_own_actions_only_and_history_records_who(demo_daemon):
    admin = signed_in(demo_daemon)
    actions = json.loads(admin.command("ACTION", "LIST"))
    mine = actions[0]
    theirs = next(a for a in actions if a["lead"]["email"] != mine["lead"]["email"])
    lead = add_user(demo_daemon, mine["lead"]["email"], "lead")
    refused = lead.command("ACTION", "UPDATE", theirs["ref"], "Not mine to update")
    assert refused.code == "NOPERM"
    updated = json.loads(lead.command("ACTION", "UPDATE", mine["ref"], "Training refreshed", "review=2027-03"))
    assert updated["effective_review_date"] == "2027-03-31"
    assert updated["updates"][-1]["text"] == "Training refreshed"
    assert updated["updates"][-1]["author"] == mine["lead"]["email"]
    done = json.loads(lead.command("ACTION", "UPDATE", mine["ref"], "All teams trained", "status=complete"))
    assert done["status"] == "complete"
    detail = json.loads(admin.command("ACTION", "GET", mine["ref"]))
    assert [h["by"] for h in detail["history"]][-2:] == [mine["lead"]["email"]] * 2
    assert detail["history"][-1]["details"]["status"] == "complete"
    assert lead.command("ACTION", "UPDATE", mine["ref"], "x", "review=someday").code == "BADARG"
    assert lead.command("ACTION", "UPDATE", "9.9.9", "x").code == "NOTFOUND"
    assert json.loads(admin.command("ACTION", "UPDATE", theirs["ref"], "Chased by the board"))["ref"] == theirs["ref"]


def test_action_list_filters_by_state_lead_and_recommendation_as_of_a_date(demo_daemon):
    conn = signed_in(demo_daemon)
    overdue = json.loads(conn.command("ACTION", "LIST", "status=overdue", "asof=2017-11-01"))
    assert overdue and all(a["status"] == "overdue" and a["as_of"] == "2017-11-01" for a in overdue)
    assert all(a["effective_review_date"] < "2017-11-01" for a in overdue)
    assert all(a["days_overdue"] >= 1 for a in overdue)
    lead = overdue[0]["lead"]["email"]
    theirs = json.loads(conn.command("ACTION", "LIST", f"lead={lead}"))
    assert theirs and all(a["lead"]["email"] == lead for a in theirs)
    rec = json.loads(conn.command("ACTION", "LIST", "rec=1.3"))
    assert rec and all(a["recommendation"] == "1.3" for a in rec)
    assert conn.command("ACTION", "LIST", "status=late").code == "BADARG"
    assert conn.command("ACTION", "LIST", "colour=red").code == "BADARG"
    public = demo_daemon.connect()
    assert public.command("ACTION", "LIST").code == "NOAUTH"


def test_measure_list_shows_thresholds_as_written_and_the_latest_band(demo_daemon):
    conn = demo_daemon.connect()
    measures = json.loads(conn.command("MEASURE", "LIST"))
    assert len(measures) >= 40
    trend = [m for m in measures if m["polarity"] in ("increase", "decrease")]
    assert trend and all(m["thresholds"] is None for m in trend)
    banded = [m for m in measures if m["thresholds"]]
    assert all(set(m["thresholds"]) == {"requires_improvement", "good", "outstanding"} for m in banded)
    reported = [m for m in measures if m["latest"]]
    assert any(m["latest"]["band"] == "good" for m in reported)


REDIS_CLI = shutil.which("redis-cli")


@pytest.mark.skipif(REDIS_CLI is None, reason="redis-cli is installed by make test (redis-tools)")
def test_redis_cli_imports_a_file_from_stdin(daemon):
    admin = ["--user", "admin", "--pass", daemon.admin_token, "--no-auth-warning"]
    out = subprocess.run([REDIS_CLI, "-p", str(daemon.port), *admin, "-x", "IMPORT", "recommendations"],
                         stdin=open(DEMO / "recommendations.csv", "rb"), capture_output=True, text=True, timeout=20,
                         check=True)
    assert json.loads(out.stdout)["created"] == 5


def test_the_cli_imports_with_a_progress_line_and_prints_the_scorecard(daemon, tmp_path):
    env = {"QUORUM_PORT": str(daemon.port), "QUORUM_TOKEN_FILE": str(daemon.data_dir / "admin.token"),
           "PATH": "/usr/bin:/bin"}
    for kind in ["recommendations", "actions", "measures", "values"]:
        result = subprocess.run([str(BIN / "quorum"), "import", kind, str(DEMO / f"{kind}.csv")], capture_output=True,
                                text=True, timeout=30, env=env)
        assert result.returncode == 0, result.stderr
        assert result.stderr.startswith(f"importing {DEMO / kind}.csv:")
        assert "rows checked and stored" in result.stdout
    card = subprocess.run([str(BIN / "quorum"), "scorecard", "2017/18"], capture_output=True, text=True, timeout=30,
                          env=env)
    assert card.returncode == 0, card.stderr
    line = next(l for l in card.stdout.splitlines() if " 91.2 " in l)
    assert "✓ Good" in line and "↓ declining" in line and "92.7 (2016/17)" in line
    overdue = subprocess.run([str(BIN / "quorum"), "actions", "--status", "overdue", "--as-of", "2017-11-01"],
                             capture_output=True, text=True, timeout=30, env=env)
    assert overdue.returncode == 0, overdue.stderr
    assert "overdue" in overdue.stdout and "as of 2017-11-01" in overdue.stdout
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    bad = subprocess.run([str(BIN / "quorum"), "import", "values", str(empty)], capture_output=True, text=True,
                         timeout=30, env=env)
    assert bad.returncode != 0 and "BADINPUT line 1" in bad.stderr
