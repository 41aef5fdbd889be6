"""The web portal over HTTP: every page and status, the access rules, feeds, downloads, sign-in."""

import hashlib
import html
import re
import time

import icalendar
import pytest
import requests

from portal_support import (DRAFT_MEETING, EXEMPT_MARKER, MEETING, PUBLIC_PHRASE, Portal, Published, add_user,
                            admin_connection, part)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """One daemon for the module: building packs renders PDFs, which is slow."""
    published = Published(tmp_path_factory)
    yield published
    published.stop()


@pytest.fixture
def published(site):
    return site.daemon, site.pack


def test_the_portal_prints_its_address_and_serves_the_home_page(demo_daemon):
    assert demo_daemon.http_url.startswith("http://127.0.0.1:")
    page = Portal(demo_daemon).get("/")
    assert page.status_code == 200
    assert page.headers["Content-Type"] == "text/html; charset=utf-8"
    assert '<html lang="en-GB">' in page.text
    assert page.text.count("<h1") == 1
    assert 'href="#main"' in page.text and '<main id="main"' in page.text
    assert 'action="/search"' in page.text


def test_every_response_carries_the_security_headers(published):
    daemon, pack = published
    portal = Portal(daemon)
    for path in ["/", "/boards", "/nowhere", f"/packs/{part(pack, 'public', 'html')['sha256']}.html", "/calendar.ics"]:
        reply = portal.get(path)
        csp = reply.headers["Content-Security-Policy"]
        assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp, path
        assert "script-src" not in csp and "unsafe-inline" not in csp, path
        assert reply.headers["X-Content-Type-Options"] == "nosniff", path
        assert reply.headers["Referrer-Policy"] == "same-origin", path
    assert "style-src 'self'" in portal.get("/").headers["Content-Security-Policy"]
    pack_csp = portal.get(f"/packs/{part(pack, 'public', 'html')['sha256']}.html").headers["Content-Security-Policy"]
    assert re.search(r"style-src 'sha256-[A-Za-z0-9+/=]+'", pack_csp), "a pack may use only its own inline stylesheet"


def test_unknown_pages_and_files_are_404_in_the_portals_style(demo_daemon):
    portal = Portal(demo_daemon)
    for path in ["/nowhere", "/boards/NOPE", "/meetings/OSC-2017-11-15", "/meetings/nonsense",
                 "/packs/" + "0" * 64 + ".pdf", "/packs/../../etc/passwd", "/packs/%2e%2e%2fquorum.sqlite",
                 "/assets/../Config/quorum.yaml", "/boards/NOPE/calendar.ics", "/packs/abc.exe"]:
        reply = portal.get(path)
        assert reply.status_code == 404, path
        assert "Page not found" in reply.text and "/assets/portal.css" in reply.text, path
        assert "daemon configuration" not in reply.text


def test_boards_list_public_boards_and_what_they_report_to(demo_daemon):
    portal = Portal(demo_daemon)
    page = portal.get("/boards")
    assert page.status_code == 200
    for code in ["OSC", "CABINET", "HWBB"]:
        assert f'href="/boards/{code}"' in page.text
    for code in ["LSCB", "CPB", "CYPCIB"]:
        assert f'href="/boards/{code}"' not in page.text, f"{code} does not meet in public"
    osc = portal.get("/boards/OSC")
    assert osc.status_code == 200
    assert "Overview and Scrutiny Committee" in osc.text
    assert "Chair of the Overview and Scrutiny Committee" in osc.text, "members are named by role"
    assert "@example.org" not in osc.text, "no email addresses on public pages"
    assert 'href="/meetings/OSC-2017-11-14"' in osc.text
    assert 'href="/boards/CABINET"' in osc.text, "Scrutiny reports to Cabinet"


def test_a_private_board_is_not_shown_to_the_public_at_all(site):
    portal = site.portal()
    assert portal.get("/boards/LSCB").status_code == 404
    assert portal.get("/boards/LSCB/calendar.ics").status_code == 404
    lscb_meeting = re.findall(r"LSCB-\d{4}-\d{2}-\d{2}", admin_connection(site.daemon).command("MEETING", "LIST", "LSCB"))[0]
    assert portal.get(f"/meetings/{lscb_meeting}").status_code == 404
    assert "LSCB" not in portal.get("/calendar.ics").text
    assert "Local Safeguarding" not in portal.get("/calendar?month=" + lscb_meeting[5:12]).text
    member = site.portal("lscb_member")
    assert member.get("/boards/LSCB").status_code == 200, "its members see it"
    assert member.get(f"/meetings/{lscb_meeting}").status_code == 200
    assert "Local Safeguarding" in member.get("/calendar?month=" + lscb_meeting[5:12]).text
    other = site.portal("osc_member")
    assert other.get("/boards/LSCB").status_code == 404, "a member of another board does not"
    assert other.get(f"/meetings/{lscb_meeting}").status_code == 404
    assert site.portal("hwbb_secretary").get("/boards/LSCB").status_code == 404
    assert site.portal("admin").get("/boards/LSCB").status_code == 200


def test_the_meeting_page_shows_the_agenda_deadline_and_published_versions(published):
    daemon, pack = published
    page = Portal(daemon).get(f"/meetings/{MEETING}")
    assert page.status_code == 200
    text = page.text
    assert "Tuesday 14 November 2017" in text and "6.30pm" in text and "Committee Room 1" in text
    assert "Monday 6 November 2017" in text, "the statutory publication date"
    assert "Bi-annual progress report, Children&#39;s Social Care performance" in text or \
        "Bi-annual progress report, Children's Social Care performance" in text
    assert "Placement commissioning contract" in text and "paragraph 3" in text, "exempt items by title and paragraph"
    agenda = html.unescape(text[text.index('id="agenda-heading"'):text.index('id="papers-heading"')])
    assert "Head of Children's Social Care" in agenda, "an owner is shown by the role the board files give them"
    assert "head.childrens.social.care@example.org" not in agenda
    assert "commissioning@example.org" in agenda, "an address that no file names is shown as it is"
    assert EXEMPT_MARKER not in text
    assert "<caption>" in text and 'scope="col"' in text and 'scope="row"' in text
    public_pdf = part(pack, "public", "pdf")["sha256"]
    assert f'href="/packs/{public_pdf}.pdf"' in text
    assert part(pack, "exempt", "pdf")["sha256"] not in text, "the public is not even given Part II's address"
    assert "Version 1" in text and "Published" in text


def test_pack_files_have_strong_etags_cache_forever_and_answer_304(published):
    daemon, pack = published
    portal = Portal(daemon)
    pdf = part(pack, "public", "pdf")
    reply = portal.get(f"/packs/{pdf['sha256']}.pdf")
    assert reply.status_code == 200
    assert reply.headers["Content-Type"] == "application/pdf"
    assert reply.content.startswith(b"%PDF") and hashlib.sha256(reply.content).hexdigest() == pdf["sha256"]
    assert reply.headers["ETag"] == f'"{pdf["sha256"]}"'
    assert "immutable" in reply.headers["Cache-Control"] and "max-age=31536000" in reply.headers["Cache-Control"]
    assert reply.headers["Content-Disposition"] == f'attachment; filename="{MEETING}-v1-public.pdf"'
    assert reply.headers["Accept-Ranges"] == "bytes"
    again = portal.get(f"/packs/{pdf['sha256']}.pdf", headers={"If-None-Match": reply.headers["ETag"]})
    assert again.status_code == 304 and again.content == b"" and again.headers["ETag"] == reply.headers["ETag"]
    stale = portal.get(f"/packs/{pdf['sha256']}.pdf", headers={"If-None-Match": '"' + "1" * 64 + '"'})
    assert stale.status_code == 200
    html = portal.get(f"/packs/{part(pack, 'public', 'html')['sha256']}.html")
    assert html.status_code == 200 and html.headers["Content-Type"] == "text/html; charset=utf-8"
    assert html.headers["Content-Disposition"] == f'inline; filename="{MEETING}-v1-public.html"'
    assert PUBLIC_PHRASE in html.text and EXEMPT_MARKER not in html.text


def test_a_pdf_is_served_in_byte_ranges(published):
    daemon, pack = published
    portal = Portal(daemon)
    pdf = part(pack, "public", "pdf")
    whole = portal.get(f"/packs/{pdf['sha256']}.pdf").content
    first = portal.get(f"/packs/{pdf['sha256']}.pdf", headers={"Range": "bytes=0-99"})
    assert first.status_code == 206
    assert first.headers["Content-Range"] == f"bytes 0-99/{len(whole)}"
    assert first.content == whole[:100]
    tail = portal.get(f"/packs/{pdf['sha256']}.pdf", headers={"Range": "bytes=-50"})
    assert tail.status_code == 206 and tail.content == whole[-50:]
    outside = portal.get(f"/packs/{pdf['sha256']}.pdf", headers={"Range": f"bytes={len(whole)}-"})
    assert outside.status_code == 416 and outside.headers["Content-Range"] == f"bytes */{len(whole)}"
    changed = portal.get(f"/packs/{pdf['sha256']}.pdf", headers={"Range": "bytes=0-99", "If-Range": '"other"'})
    assert changed.status_code == 200 and changed.content == whole


def test_exempt_parts_reach_only_the_boards_members_secretary_and_admins(site):
    pack = site.pack
    exempt_pdf = f"/packs/{part(pack, 'exempt', 'pdf')['sha256']}.pdf"
    exempt_html = f"/packs/{part(pack, 'exempt', 'html')['sha256']}.html"
    anonymous = site.portal()
    refused = anonymous.get(exempt_pdf)
    assert refused.status_code == 403 and "Sign in" in refused.text and EXEMPT_MARKER not in refused.text
    assert anonymous.get(exempt_html).status_code == 403
    other_board = site.portal("cpb_member")
    assert other_board.get(exempt_html).status_code == 403
    assert exempt_pdf not in other_board.get(f"/meetings/{MEETING}").text
    assert site.portal("lead").get(exempt_pdf).status_code == 403
    assert site.portal("hwbb_secretary").get(exempt_pdf).status_code == 403, "the secretary of another board"
    member = site.portal("osc_member")
    assert exempt_pdf in member.get(f"/meetings/{MEETING}").text, "a member is offered Part II"
    reply = member.get(exempt_html)
    assert reply.status_code == 200 and EXEMPT_MARKER in reply.text
    assert reply.headers["Cache-Control"].startswith("private"), "no shared cache keeps an exempt part"
    assert site.portal("osc_secretary").get(exempt_pdf).status_code == 200
    assert site.portal("admin").get(exempt_pdf).status_code == 200


def test_unpublished_versions_are_the_secretarys_only(site):
    draft_pdf = f"/packs/{part(site.draft, 'public', 'pdf')['sha256']}.pdf"
    anonymous = site.portal()
    assert anonymous.get(draft_pdf).status_code == 404
    assert "not been published" in anonymous.get(f"/meetings/{DRAFT_MEETING}").text
    member = site.portal("osc_member")
    assert member.get(draft_pdf).status_code == 404, "members read published versions only"
    assert "Not published" not in member.get(f"/meetings/{DRAFT_MEETING}").text
    secretary = site.portal("osc_secretary")
    page = secretary.get(f"/meetings/{DRAFT_MEETING}")
    assert "Not published" in page.text and "Build warnings" in page.text and "not been submitted" in page.text
    assert secretary.get(draft_pdf).status_code == 200
    assert site.portal("hwbb_secretary").get(draft_pdf).status_code == 404
    assert site.portal("admin").get(draft_pdf).status_code == 200


def test_sign_in_sets_a_signed_http_only_cookie_and_sign_out_ends_it(demo_daemon):
    token = add_user(demo_daemon, "osc.member.1@example.org", "member", "OSC")
    portal = Portal(demo_daemon)
    csrf = portal.csrf()
    reply = portal.post("/signin", {"csrf": csrf, "email": "osc.member.1@example.org", "token": token, "next": "/boards"})
    assert reply.status_code == 303 and reply.headers["Location"] == "/boards"
    cookie = next(c for c in reply.headers["Set-Cookie"].split(", ") if c.startswith("quorum_session="))
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie
    assert "Signed in as" in portal.get("/").text
    stolen = portal.session.cookies.get("quorum_session")
    portal.post("/signout", {"csrf": portal.csrf("/signout")})
    assert "Signed in as" not in portal.get("/").text
    replay = requests.get(demo_daemon.http_url + "/", cookies={"quorum_session": stolen}, timeout=30)
    assert "Signed in as" not in replay.text, "a session ended by sign-out cannot be replayed"
    forged = requests.get(demo_daemon.http_url + "/", cookies={"quorum_session": stolen[:-2] + "xx"}, timeout=30)
    assert "Signed in as" not in forged.text


def test_a_wrong_token_or_empty_fields_are_errors_linked_to_their_fields(demo_daemon):
    portal = Portal(demo_daemon)
    empty = portal.post("/signin", {"csrf": portal.csrf(), "email": "", "token": ""})
    assert empty.status_code == 400
    assert 'href="#email"' in empty.text and 'href="#token"' in empty.text
    assert 'aria-describedby="email-error"' in empty.text and 'aria-invalid="true"' in empty.text
    wrong = portal.post("/signin", {"csrf": portal.csrf(), "email": "admin", "token": "not-the-token"})
    assert wrong.status_code == 401 and "do not match" in wrong.text
    assert wrong.text.count('aria-invalid="true"') == 1 and 'aria-describedby="token-error"' in wrong.text, \
        "only the field at fault is marked"
    assert 'value="admin"' in wrong.text, "what was typed is kept"
    assert "quorum_session" not in wrong.headers.get("Set-Cookie", "")


def test_forms_without_the_visitors_csrf_token_are_refused(demo_daemon):
    portal = Portal(demo_daemon)
    portal.get("/signin")
    no_token = portal.post("/signin", {"email": "admin", "token": demo_daemon.admin_token})
    assert no_token.status_code == 403 and "expired" in no_token.text
    other = Portal(demo_daemon)
    foreign = portal.post("/signin", {"csrf": other.csrf(), "email": "admin", "token": demo_daemon.admin_token})
    assert foreign.status_code == 403, "a token from another visitor's page does not pass"
    assert "quorum_session" not in foreign.headers.get("Set-Cookie", "")
    signed_in = Portal(demo_daemon).sign_in("admin", demo_daemon.admin_token)
    assert signed_in.post("/signout", {}).status_code == 403
    assert "Signed in as" in signed_in.get("/").text, "a refused sign-out leaves the session"


def test_a_session_ends_when_the_users_token_changes(demo_daemon, tmp_path):
    portal = Portal(demo_daemon).sign_in("admin", demo_daemon.admin_token)
    assert "Signed in as" in portal.get("/").text
    # Replacing the admin's token hash stands in for a revocation: the session must not outlive it.
    import sqlite3
    db = sqlite3.connect(demo_daemon.data_dir / "quorum.sqlite")
    db.execute("UPDATE user SET tokenHash = randomblob(32) WHERE email = 'admin'")
    db.commit()
    db.close()
    assert "Signed in as" not in portal.get("/").text


def test_request_size_and_method_limits(demo_daemon):
    portal = Portal(demo_daemon)
    big = portal.post("/signin", {"csrf": portal.csrf(), "email": "x" * 40_000, "token": "y"})
    assert big.status_code == 413
    assert requests.delete(demo_daemon.http_url + "/", timeout=30).status_code in (404, 405)
    head = requests.head(demo_daemon.http_url + "/boards", timeout=30)
    assert head.status_code == 200 and head.content == b""


def test_the_calendar_shows_a_month_and_refuses_a_bad_one(demo_daemon):
    portal = Portal(demo_daemon)
    page = portal.get("/calendar?month=2017-11")
    assert page.status_code == 200
    assert "Calendar: November 2017" in page.text
    assert 'href="/meetings/OSC-2017-11-14"' in page.text
    assert "<caption>Meetings in November 2017</caption>" in page.text
    assert 'href="/calendar?month=2017-10"' in page.text and 'href="/calendar?month=2017-12"' in page.text
    assert portal.get("/calendar?month=November").status_code == 400


def test_the_calendar_feeds_load_in_a_calendar_parser(demo_daemon):
    portal = Portal(demo_daemon)
    reply = portal.get("/boards/OSC/calendar.ics")
    assert reply.status_code == 200 and reply.headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert b"\r\n" in reply.content and all(len(line) <= 75 for line in reply.content.split(b"\r\n"))
    calendar = icalendar.Calendar.from_ical(reply.content)
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/London"
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    meeting = events[f"{MEETING}@127.0.0.1"]
    start = meeting.decoded("DTSTART")
    assert (start.year, start.month, start.day, start.hour, start.minute) == (2017, 11, 14, 18, 30)
    summer = events["OSC-2017-07-11@127.0.0.1"]
    assert summer.decoded("DTSTART").utcoffset().total_seconds() == 3600, "18:30 BST in July"
    assert start.utcoffset().total_seconds() == 0, "18:30 GMT in November"
    assert str(meeting["URL"]).endswith(f"/meetings/{MEETING}")
    assert int(meeting["SEQUENCE"]) == 0 and str(meeting["STATUS"]) == "CONFIRMED"
    assert meeting.get("DTSTAMP") is not None
    # Boards/OSC.yaml cancels 12 September 2017 (moved to the 26th): subscribers' copies must go.
    assert str(events["OSC-2017-09-12@127.0.0.1"]["STATUS"]) == "CANCELLED"
    assert str(events["OSC-2017-09-26@127.0.0.1"]["STATUS"]) == "CONFIRMED"
    all_boards = icalendar.Calendar.from_ical(portal.get("/calendar.ics").content)
    uids = {str(e["UID"]) for e in all_boards.walk("VEVENT")}
    assert f"{MEETING}@127.0.0.1" in uids
    assert not any(uid.startswith(("LSCB-", "CPB-", "CYPCIB-")) for uid in uids)


def test_a_meeting_that_moves_raises_its_sequence(demo_daemon):
    portal = Portal(demo_daemon)
    def sequence():
        calendar = icalendar.Calendar.from_ical(portal.get("/boards/OSC/calendar.ics").content)
        return next(int(e["SEQUENCE"]) for e in calendar.walk("VEVENT") if str(e["UID"]).startswith(MEETING))
    assert sequence() == 0
    import sqlite3
    db = sqlite3.connect(demo_daemon.data_dir / "quorum.sqlite")
    db.execute("UPDATE meeting SET time = '19:00' WHERE id = ?", (MEETING,))
    db.commit()
    db.close()
    assert sequence() == 1


def test_the_atom_feed_lists_published_packs(published):
    daemon, pack = published
    import xml.etree.ElementTree as ET
    reply = Portal(daemon).get("/packs.atom")
    assert reply.status_code == 200 and reply.headers["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(reply.content)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = feed.findall("a:entry", ns)
    assert len(entries) == 1
    assert "14 November 2017" in entries[0].find("a:title", ns).text
    enclosure = next(l for l in entries[0].findall("a:link", ns) if l.get("rel") == "enclosure")
    assert enclosure.get("href").endswith(part(pack, "public", "pdf")["sha256"] + ".pdf")


def test_search_finds_a_phrase_of_the_published_cover_report(published):
    daemon, pack = published
    portal = Portal(daemon)
    reply = portal.get("/search", params={"q": f'"{PUBLIC_PHRASE}"'})
    assert reply.status_code == 200
    assert f'href="/meetings/{MEETING}"' in reply.text
    assert "<mark>" in reply.text
    assert "1 result for" in reply.text
    words = portal.get("/search", params={"q": "refreshed inspection", "board": "OSC", "from": "2017-11-01", "to": "2017-11-30"})
    assert f'href="/meetings/{MEETING}"' in words.text
    assert "0 results" in portal.get("/search", params={"q": "refreshed", "from": "2018-01-01"}).text
    assert "0 results" in portal.get("/search", params={"q": EXEMPT_MARKER}).text, "Part II is never indexed"
    hostile = portal.get("/search", params={"q": 'NEAR( "a" OR * ) AND -'})
    assert hostile.status_code == 200
    bad = portal.get("/search", params={"q": "care", "from": "14/11/2017"})
    assert bad.status_code == 400 and 'href="#from"' in bad.text and 'aria-describedby="from-error date-hint"' in bad.text
    assert bad.text.count('aria-invalid="true"') == 1 and bad.text.count('class="field field-error"') == 1
    assert 'value="14/11/2017"' in bad.text, "the mistyped date is shown back"


def test_search_never_returns_unpublished_versions(site):
    # The draft for 9 January 2018 is built but not published: its words are not found.
    reply = site.portal().get("/search", params={"q": "care", "from": "2018-01-01", "to": "2018-01-31"})
    assert reply.status_code == 200 and "0 results" in reply.text
    assert DRAFT_MEETING not in site.portal().get("/search", params={"q": "report"}).text


def test_the_portal_can_be_switched_off(make_daemon):
    daemon = make_daemon(args=["--http-listen", "off"])
    assert daemon.http_url is None
    conn = daemon.connect()
    assert conn.command("PING") == "PONG"


def test_a_broken_template_stops_start_up_naming_it(make_daemon, tmp_path):
    import shutil
    from conftest import ROOT
    portal_dir = tmp_path / "Portal"
    shutil.copytree(ROOT / "Portal", portal_dir)
    (portal_dir / "templates" / "meeting.mustache").write_text("{{<layout}}{{$main}}<h1>x</h1>{{#open}}{{/main}}{{/layout}}")
    with pytest.raises(RuntimeError) as failure:
        make_daemon(config_extra=f"http:\n  portal_dir: {portal_dir}\n")
    assert "meeting.mustache" in str(failure.value)


def _outward_address():
    """This machine's address on its network (not loopback), for a client that is not local."""
    import socket
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.255.255.255", 1))  # no packet is sent for a UDP connect
        return probe.getsockname()[0]
    finally:
        probe.close()


def test_metrics_are_served_to_this_machine_and_to_admins_only(make_daemon):
    daemon = make_daemon(args=["--http-listen", "0.0.0.0:0"])
    port = daemon.http_url.rsplit(":", 1)[1]
    local = f"http://127.0.0.1:{port}"
    requests.get(local + "/boards", timeout=30)
    requests.get(local + "/nowhere", timeout=30)
    metrics = requests.get(local + "/metrics", timeout=30)
    assert metrics.status_code == 200 and metrics.headers["Content-Type"].startswith("text/plain; version=0.0.4")
    assert 'hb_requests{http_route="/boards",http_request_method="GET",http_response_status_code="200"}' in metrics.text
    assert 'http_response_status_code="404"' in metrics.text
    assert "http_server_request_duration" in metrics.text
    assert 'quorum_outbox_depth_notices{status="pending"}' in metrics.text
    assert "quorum_protocol_open_connections " in metrics.text
    address = _outward_address()
    assert not address.startswith("127."), "the test needs a non-loopback address"
    remote = f"http://{address}:{port}"
    refused = requests.get(remote + "/metrics", timeout=30)
    assert refused.status_code == 403 and "hb_requests" not in refused.text
    portal = Portal(daemon)
    portal.base = remote
    portal.sign_in("admin", daemon.admin_token)
    assert "hb_requests" in portal.get("/metrics").text
    member = Portal(daemon)
    member.base = remote
    member.sign_in("osc.member@example.org", add_user(daemon, "osc.member@example.org", "member", "OSC"))
    assert member.get("/metrics").status_code == 403


def test_a_secretary_builds_and_publishes_from_the_meeting_page_giving_a_reason_when_late(site):
    meeting = "OSC-2018-03-13"
    path = f"/meetings/{meeting}"
    member = site.portal("osc_member")
    assert "Build a new version" not in member.get(path).text
    assert member.post(path + "/build", {"csrf": member.csrf(path)}).status_code == 403, "a member may not build"
    secretary = site.portal("osc_secretary")
    assert secretary.post(path + "/build", {}).status_code == 403, "no CSRF token, no build"
    built = secretary.post(path + "/build", {"csrf": secretary.csrf(path)}, timeout=900)
    assert built.status_code == 303 and built.headers["Location"] == f"{path}#{meeting}-v1"
    page = secretary.get(path).text
    assert "Not published" in page and "Publish version 1" in page
    assert 'aria-invalid' not in page and 'class="error-message"' not in page, "no error before one is made"
    assert "not been published" in site.portal().get(path).text, "the public sees nothing yet"
    late = secretary.post(path + "/publish", {"csrf": secretary.csrf(path), "pack": f"{meeting}-v1", "reason": ""})
    assert late.status_code == 400
    assert f'href="#reason-{meeting}-v1"' in late.text and f'aria-describedby="reason-{meeting}-v1-error"' in late.text
    assert "2018-03-05" in late.text, "the statutory deadline the core computed"
    other = site.portal("hwbb_secretary")
    refused = other.post(path + "/publish", {"csrf": other.csrf(path), "pack": f"{meeting}-v1", "reason": "x"})
    assert refused.status_code == 403
    done = secretary.post(path + "/publish", {"csrf": secretary.csrf(path), "pack": f"{meeting}-v1",
                                              "reason": "Demonstration of a late publication"})
    assert done.status_code == 303
    public = site.portal().get(path).text
    assert "Version 1" in public and "Demonstration of a late publication" in public
    again = secretary.post(path + "/publish", {"csrf": secretary.csrf(path), "pack": f"{meeting}-v1", "reason": "again"})
    assert again.status_code == 409


def test_metrics_count_protocol_commands_by_name(daemon):
    conn = daemon.connect()
    for _ in range(3):
        assert conn.command("PING") == "PONG"
    conn.command("BOARD", "LIST")
    conn.command("BOARD", "LIST")  # the reply kept from the first
    conn.command("FLUSHALL")
    conn.command("MEETING", "GET", "OSC-1999-01-01")
    text = requests.get(daemon.http_url + "/metrics", timeout=30).text
    counts = dict(re.findall(r'^quorum_protocol_commands(?:_total)?\{command="([^"]+)"\} (\d+)', text, re.M))
    assert counts.get("PING") == "3" and counts.get("BOARD LIST") == "2", counts
    assert counts.get("unknown") == "1", "a command the table does not have is counted under one name, not its own"
    assert "FLUSHALL" not in text
    errors = dict(re.findall(r'^quorum_protocol_command_errors(?:_total)?\{command="([^"]+)"\} (\d+)', text, re.M))
    assert errors.get("MEETING GET") == "1" and errors.get("PING", "0") == "0", errors
    assert re.search(r'^quorum_protocol_command_duration_seconds\w*\{command="PING"', text, re.M), "latency by command"
    timed = dict(re.findall(r'^quorum_protocol_command_duration_seconds_count\{command="([^"]+)"\} (\d+)', text, re.M))
    assert timed.get("BOARD LIST") == "1", ("the latency of a command that ran; a kept reply is counted, not timed", timed)


def test_a_session_ends_when_the_users_token_is_rotated_or_revoked(daemon):
    rotated, revoked = "osc.member.7@example.org", "osc.member.8@example.org"
    portal = {email: Portal(daemon).sign_in(email, add_user(daemon, email, "member", "OSC")) for email in (rotated, revoked)}
    for email, visitor in portal.items():
        assert email in visitor.get("/signout").text, "signed in"
    admin = admin_connection(daemon)
    new_token = admin.command("USER", "ROTATE", rotated)
    assert isinstance(new_token, str) and len(new_token) == 64
    page = portal[rotated].get("/signout")
    assert rotated not in page.text and "You are not signed in" in page.text, "the old token's session ended at the next request"
    assert "quorum_session=;" in page.headers.get("Set-Cookie", "") or "quorum_session=\"\"" in page.headers.get("Set-Cookie", "")
    assert Portal(daemon).sign_in(rotated, new_token), "the new token signs in"
    assert admin.command("USER", "REVOKE", revoked) == "OK"
    assert revoked not in portal[revoked].get("/signout").text, "a revoked user's session ended"
    refused = Portal(daemon)
    reply = refused.post("/signin", {"csrf": refused.csrf(), "email": revoked, "token": "0" * 64, "next": "/"})
    assert reply.status_code == 401
