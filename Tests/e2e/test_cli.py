"""The quorum command-line client against a running quorumd."""

import json
import subprocess
from pathlib import Path

from conftest import BIN, ReplyError

FIXTURES = Path(__file__).parent / "fixtures"


def quorum(daemon, *args, token=False, timeout=30):
    env = {"QUORUM_PORT": str(daemon.port), "PATH": "/usr/bin:/bin"}
    if token:
        env["QUORUM_TOKEN_FILE"] = str(daemon.data_dir / "admin.token")
    return subprocess.run([str(BIN / "quorum"), *args], capture_output=True, text=True, timeout=timeout, env=env)


def test_boards_prints_a_table_of_the_six_boards(daemon):
    result = quorum(daemon, "boards")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split()[:2] == ["CODE", "REPORTS"]
    codes = {line.split()[0] for line in lines[2:]}
    assert codes == {"HWBB", "LSCB", "CPB", "CYPCIB", "CABINET", "OSC"}


def test_meetings_json_is_the_servers_document(daemon):
    result = quorum(daemon, "meetings", "OSC", "--from", "2017-11-01", "--to", "2017-11-30", "--json")
    assert result.returncode == 0, result.stderr
    meetings = json.loads(result.stdout)
    assert [m["id"] for m in meetings] == ["OSC-2017-11-14"]


def test_meeting_add_with_the_admin_token_reports_the_publication_deadline(daemon):
    result = quorum(daemon, "meeting", "add", "OSC-2018-12-12", token=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Added OSC-2018-12-12 on Wednesday 2018-12-12 at ")
    assert "2018-12-04" in result.stdout
    # The older form, a board code and a date, names a meeting too.
    older = quorum(daemon, "meeting", "add", "OSC", "2018-12-19", token=True)
    assert older.returncode == 0, older.stderr
    assert older.stdout.startswith("Added OSC-2018-12-19 on ")
    listed = quorum(daemon, "meetings", "OSC", "--from", "2018-12-12", "--to", "2018-12-19")
    assert "OSC-2018-12-12" in listed.stdout and "OSC-2018-12-19" in listed.stdout


def test_meeting_add_without_a_token_fails_with_the_servers_error(daemon):
    result = quorum(daemon, "meeting", "add", "OSC-2018-12-12")
    assert result.returncode != 0
    assert "NOAUTH" in result.stderr


def test_host_and_port_flags_override_the_environment(daemon):
    result = subprocess.run([str(BIN / "quorum"), "ping", "--port", str(daemon.port)], capture_output=True,
                            text=True, timeout=30, env={"QUORUM_PORT": "1", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "PONG"


def test_whoami_reads_the_servers_document_signed_in_or_not(daemon):
    signed_in = quorum(daemon, "whoami", token=True)
    assert signed_in.returncode == 0, signed_in.stderr
    assert signed_in.stdout.strip() == "admin (admin)"
    anonymous = quorum(daemon, "whoami")
    assert anonymous.returncode == 0, anonymous.stderr
    assert anonymous.stdout.strip() == "- (public)"


def test_scorecard_prints_values_as_the_server_writes_them(demo_daemon):
    result = quorum(demo_daemon, "scorecard", "2017/18", token=True)
    assert result.returncode == 0, result.stderr
    rows = {line.split()[0]: line.split() for line in result.stdout.splitlines()[2:] if line.startswith("M")}
    # ID, PERIOD, VALUE: a whole number without a fraction, a decimal as it is.
    assert rows["M1.1.13"][1:3] == ["2017/18", "46"]
    assert rows["M1.1.04"][1:3] == ["2017/18", "76.4"]


def test_every_pack_command_names_the_meeting_by_its_id(demo_daemon, tmp_path):
    meeting = "OSC-2017-11-14"
    submitted = quorum(demo_daemon, "report", "submit", meeting, "4", str(FIXTURES / "osc-performance-report.md"), token=True)
    assert submitted.returncode == 0, submitted.stderr
    assert submitted.stdout.startswith('Submitted "') and f"for item 4 of {meeting}." in submitted.stdout

    built = quorum(demo_daemon, "pack", "build", meeting, "--wait", token=True, timeout=900)
    assert built.returncode == 0, built.stderr
    assert built.stdout.splitlines()[0].startswith(f"{meeting}-v1: version 1, publish by 2017-11-")
    assert built.stdout.splitlines()[0].endswith(", pdf ready"), built.stdout
    assert "  public pdf: " in built.stdout

    listed = quorum(demo_daemon, "pack", "list", meeting, token=True)
    assert listed.returncode == 0, listed.stderr
    row = listed.stdout.splitlines()[2].split()
    assert row[0] == f"{meeting}-v1" and row[3:5] == ["-", "-"]

    by_id = tmp_path / "by-id.html"
    got = quorum(demo_daemon, "pack", "get", meeting, "-o", str(by_id), token=True, timeout=60)
    assert got.returncode == 0, got.stderr
    assert "<html" in by_id.read_text()

    # The older form, a board code and a date, still names the same meeting.
    by_date = tmp_path / "by-date.html"
    got = quorum(demo_daemon, "pack", "get", "OSC", "2017-11-14", "-o", str(by_date), token=True, timeout=60)
    assert got.returncode == 0, got.stderr
    assert by_date.read_bytes() == by_id.read_bytes()

    wrong = quorum(demo_daemon, "pack", "get", "OSC", "2017-11", token=True)
    assert wrong.returncode != 0
    assert "'2017-11' is not a date" in wrong.stderr


def test_user_rotate_prints_a_new_token_once_revoke_ends_it_and_audit_shows_both(daemon):
    email = "clerk@example.org"
    added = quorum(daemon, "user", "add", email, "analyst", token=True)
    assert added.returncode == 0, added.stderr
    first = added.stdout.strip()

    def whoami(secret):
        return quorum(daemon, "whoami", "--user", email, "--token", secret)

    assert whoami(first).stdout.strip() == f"{email} (analyst)"
    rotated = quorum(daemon, "user", "rotate", email, token=True)
    assert rotated.returncode == 0, rotated.stderr
    second = rotated.stdout.strip()
    assert second and second != first and len(rotated.stdout.splitlines()) == 1
    assert whoami(first).returncode != 0, "the old token stops working"
    assert whoami(second).stdout.strip() == f"{email} (analyst)"
    # Only an admin rotates or revokes.
    refused = quorum(daemon, "user", "rotate", email, "--user", email, "--token", second)
    assert refused.returncode != 0 and "NOPERM" in refused.stderr
    revoked = quorum(daemon, "user", "revoke", email, token=True)
    assert revoked.returncode == 0, revoked.stderr
    assert revoked.stdout.strip() == f"{email} revoked"
    assert whoami(second).returncode != 0
    missing = quorum(daemon, "user", "revoke", email, token=True)
    assert missing.returncode != 0 and "NOTFOUND" in missing.stderr

    audit = quorum(daemon, "audit", "--kind", "user", token=True)
    assert audit.returncode == 0, audit.stderr
    lines = audit.stdout.splitlines()
    assert lines[0].split() == ["AT", "USER", "KIND", "TARGET", "DETAILS"]
    rows = [line.split() for line in lines[2:]]
    # Newest first: revoke, rotate, add; each by admin, on the clerk; no token anywhere.
    assert [(r[1], r[2], r[3]) for r in rows] == [
        ("admin", "user.revoke", email), ("admin", "user.rotate", email), ("admin", "user.add", email)]
    assert first not in audit.stdout and second not in audit.stdout
    only = quorum(daemon, "audit", "2000-01-01", "--kind", "user.rotate", "--by", "admin", "--limit", "5", token=True)
    assert [line.split()[2] for line in only.stdout.splitlines()[2:]] == ["user.rotate"]
    as_json = json.loads(quorum(daemon, "audit", "--kind", "user.add", "--json", token=True).stdout)
    assert [e["kind"] for e in as_json] == ["user.add"] and as_json[0]["details"].get("role") == "analyst"
    bad = quorum(daemon, "audit", "yesterday", token=True)
    assert bad.returncode != 0 and "BADARG" in bad.stderr


def test_forward_clearance_and_notice_commands_drive_the_before_meeting_workflow(demo_daemon):
    cabinet = "CABINET-2018-12-06"

    def run(*args, **kwargs):
        result = quorum(demo_daemon, *args, **kwargs)
        assert result.returncode == 0, (args, result.stderr)
        return result.stdout

    def as_user(email, role):
        token = run("user", "add", email, role, token=True).strip()
        return ["--user", email, "--token", token]

    added = run("forward", "add", "FP-2018-07", "CABINET", "Sufficiency strategy", f"meeting={cabinet}",
                "published=2018-11-01", token=True)
    assert added.splitlines()[0] == f"FP-2018-07: Sufficiency strategy (CABINET, expected 2018-12-06)"
    run("forward", "add", "FP-2018-08", "CABINET", "Residential care contract", f"meeting={cabinet}", token=True)
    listed = run("forward", "list", "CABINET", "--as-of", "2018-11-02", token=True).splitlines()
    assert listed[0].split()[:2] == ["REFERENCE", "DECISION"]
    rows = {line.split()[0]: line.split() for line in listed[2:]}
    assert rows["FP-2018-07"][-2:] == ["forward_plan", "compliant"] and rows["FP-2018-08"][-2:] == ["forward_plan", "pending"]
    got = run("forward", "get", "FP-2018-08", "--as-of", "2018-11-02", token=True)
    assert "Notice as of 2018-11-02: forward_plan, pending" in got

    # An exempt item makes the meeting private in part: its notices are due.
    item = demo_daemon.connect()
    assert item.command("AUTH", "admin", demo_daemon.admin_token) == "OK"
    added_item = item.command("ITEM", "ADD", cabinet, "Placement contract award", "exempt=3")
    assert not isinstance(added_item, ReplyError), added_item
    notices = run("notice", "list", cabinet, "--as-of", "2018-11-01", token=True)
    assert notices.startswith(f"{cabinet} (2018-12-06): exempt items ")
    first = run("notice", "list", cabinet, "--as-of", "2018-11-10", token=True)
    assert notices != first, "the first notice is due on 2018-11-01 and late by 2018-11-10"

    dashboard = run("clearance", "dashboard", cabinet, "--as-of", "2018-11-02", token=True)
    assert "Key decision FP-2018-08: forward_plan, pending" in dashboard
    due = [line for line in dashboard.splitlines() if line.startswith("Due: ")]
    assert any(line.startswith("Due: key decision FP-2018-08: ") and "2018-11-07" in line for line in due), dashboard
    assert any("2018-11-07" in line and "key decision" not in line for line in due), dashboard

    urgent = run("notice", "urgency", cabinet, "Chair of Overview and Scrutiny", "2018-11-20", "--reasons", "2018-11-21",
                 token=True)
    assert urgent.startswith(f"{cabinet} (2018-12-06)")
    refused = quorum(demo_daemon, "notice", "urgency", cabinet, "Chair", "2018-12-07", token=True)
    assert refused.returncode != 0 and "BADARG" in refused.stderr

    # A report through clearance, each step by its own holder.
    meeting = "OSC-2017-11-14"
    run("report", "submit", meeting, "4", str(FIXTURES / "osc-performance-report.md"), token=True)
    owner = as_user("head.childrens.social.care@example.org", "lead")
    finance = as_user("corporate.resources@example.org", "finance")
    assert "Stage: draft" in run("clearance", "get", meeting, "4", token=True)
    submitted = run("clearance", "submit", meeting, "4", *owner)
    assert "Stage: submitted for clearance; waiting for clear_finance by " in submitted, submitted
    wrong = quorum(demo_daemon, "clearance", "finance", meeting, "4", "FD 4914/17", "Head of Corporate Resources", *owner)
    assert wrong.returncode != 0 and "NOPERM" in wrong.stderr
    cleared = run("clearance", "finance", meeting, "4", "FD 4914/17", "Head of Corporate Resources", *finance)
    assert "clear_finance  corporate.resources@example.org FD 4914/17" in cleared, cleared
    board = run("clearance", "dashboard", meeting, "--as-of", "2017-10-27", token=True)
    row = next(line for line in board.splitlines() if line.startswith("report:OSC/performance/2017-11 "))
    assert " finance_cleared " in row and " clear_legal " in row and " 2017-11-01 " in row, board
