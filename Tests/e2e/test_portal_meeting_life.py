"""The portal's pages for a meeting's life over HTTP: the Forward Plan, notice of a private meeting,
minutes with attendance and declarations, the secretary's clearance dashboard and the executive
decisions register, each as the public, a member and a secretary see it."""

import pytest

from conftest import ROOT, Daemon, ReplyError, write_config
from portal_support import (CABINET_MEETING, DRAFT_MEETING, EXEMPT_INTEREST_MARKER, EXEMPT_MINUTE_MARKER, EXEMPT_PLAN_MARKER,
                            EXEMPT_RESOLUTION_MARKER, MEETING, PRIVATE_DECISION_MARKER, REPORT_OWNER,
                            UNPUBLISHED_DECISION_MARKER, UNPUBLISHED_PLAN_MARKER, Portal, add_user, record_meeting_life)

REPORT_ITEM = "report:OSC/performance/2017-11"
REPORT = (ROOT / "Demo" / "reports" / f"{MEETING}.md").read_text().replace(
    "The Head of Corporate Resources (FD 4914/17) and Head of Regulation and Compliance (LD 4108/17) have been consulted",
    "Nobody has yet been consulted")
PEOPLE = {
    "osc_member": ("osc.member.1@example.org", "member", "OSC"),
    "osc_secretary": ("scrutiny.officer@example.org", "secretary", "OSC"),
    "hwbb_secretary": ("hwbb.officer@example.org", "secretary", "HWBB"),
    "lscb_member": ("lscb.member@example.org", "member", "LSCB"),
    "owner": (REPORT_OWNER, "lead", None),
    "finance": ("corporate.resources@example.org", "finance", None),
}


class Site:
    def __init__(self, folder):
        self.daemon = Daemon(folder / "data", write_config(folder / "quorum.yaml"), ROOT / "Boards",
                             ["--demo-data", str(ROOT / "Demo")]).start()
        self.tokens = {key: add_user(self.daemon, email, role, board) for key, (email, role, board) in PEOPLE.items()}
        # Scrutiny's performance report, submitted by its owner and cleared by finance.
        owner, finance = self.connect("owner"), self.connect("finance")
        for conn, args in [(owner, ("REPORT", "SUBMIT", MEETING, REPORT_ITEM, REPORT)),
                           (owner, ("CLEARANCE", "SUBMIT", MEETING, REPORT_ITEM)),
                           (finance, ("CLEARANCE", "FINANCE", MEETING, REPORT_ITEM, "FD 4914/17", "Head of Corporate Resources"))]:
            reply = conn.command(*args)
            assert not isinstance(reply, ReplyError), (args, reply)
        record_meeting_life(self.daemon)

    def connect(self, who):
        conn = self.daemon.connect()
        assert conn.command("AUTH", PEOPLE[who][0], self.tokens[who]) == "OK"
        return conn

    def portal(self, who=None):
        portal = Portal(self.daemon)
        if who == "admin":
            return portal.sign_in("admin", self.daemon.admin_token)
        return portal.sign_in(PEOPLE[who][0], self.tokens[who]) if who else portal


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    site = Site(tmp_path_factory.mktemp("meeting-life"))
    yield site
    site.daemon.stop()


def section(html, heading_id):
    """The text of the page's <section> whose heading has this id ("" when there is none)."""
    start = html.find(f'id="{heading_id}"')
    return "" if start < 0 else html[start:html.find("</section>", start)]


def test_the_public_forward_plan_lists_published_entries_and_exempt_ones_by_title_and_paragraph(site):
    page = site.portal().get("/forward-plan")
    assert page.status_code == 200
    html = page.text
    assert "Children&#39;s social care sufficiency strategy" in html or "Children's social care sufficiency strategy" in html
    entry = html[html.find('id="FP-2018-07"'):html.find('id="FP-2018-12"')]
    assert f'href="/meetings/{CABINET_MEETING}"' in entry, "the expected meeting links to its page"
    assert "Thursday 6 December 2018" in entry and "Thursday 1 November 2018" in entry
    assert "Head of Children" in entry and "Cabinet" in entry
    assert "28 clear days&#39; notice given" in entry or "28 clear days' notice given" in entry
    # An exempt entry is on the plan as the law has it: the decision, its maker, date and notice in
    # public, the report's particulars withheld (the same rule as the published document's).
    exempt = html[html.find('id="FP-2018-12"'):]
    assert "Residential care contract award" in exempt and "Schedule 12A, paragraph 3" in exempt
    assert "Thursday 6 December 2018" in exempt and "General exception (regulation 10)" in exempt
    assert "Withheld: exempt information under Schedule 12A, paragraph 3" in exempt
    for hidden in [EXEMPT_PLAN_MARKER, UNPUBLISHED_PLAN_MARKER, "FP-2019-01", "@example.org"]:
        assert hidden not in html, hidden
    assert 'href="/forward-plan.html"' in html and 'href="/forward-plan.pdf"' in html
    document = site.portal().get("/forward-plan.html")
    assert document.status_code == 200 and "FP-2018-07" in document.text and UNPUBLISHED_PLAN_MARKER not in document.text
    assert "style-src 'sha256-" in document.headers["Content-Security-Policy"]


def test_the_decision_makers_secretary_sees_an_exempt_entrys_route_and_the_unpublished_entry(site):
    html = site.portal("admin").get("/forward-plan").text
    exempt = html[html.find('id="FP-2018-12"'):html.find('id="FP-2019-01"')]
    assert EXEMPT_PLAN_MARKER in exempt
    assert "General exception (regulation 10)" in exempt
    assert "Tell the chair of the scrutiny committee in writing" in exempt, "what the route needs"
    assert UNPUBLISHED_PLAN_MARKER in html and "Not yet published" in html
    # A member of another board reads neither.
    member = site.portal("osc_member").get("/forward-plan").text
    assert EXEMPT_PLAN_MARKER not in member and UNPUBLISHED_PLAN_MARKER not in member


def test_a_private_meetings_notices_and_its_key_decision_item_show_on_its_page(site):
    html = site.portal().get(f"/meetings/{CABINET_MEETING}").text
    notices = section(html, "notices-heading")
    assert "First notice" in notices and "given Monday 5 November 2018" in notices
    assert "Paragraph 3: the bidders" in notices and "Placement contract award" in notices
    assert "Second notice" in notices and "missing: was due" in notices
    agenda = section(html, "agenda-heading")
    assert 'href="/forward-plan#FP-2018-07"' in agenda, "the key decision item names its Forward Plan entry"
    # A meeting with no exempt item has no notice section.
    assert "notices-heading" not in site.portal().get("/meetings/CABINET-2017-11-02").text


def test_draft_minutes_reach_the_boards_members_only_and_are_marked_draft(site):
    public = site.portal().get(f"/meetings/{MEETING}").text
    assert "minutes-heading" not in public and "The Committee considered the scorecard" not in public
    for path in ["public.html", "public.pdf", "exempt.html"]:
        assert site.portal().get(f"/meetings/{MEETING}/minutes/{path}").status_code == 404, path
    assert "minutes-heading" not in site.portal("hwbb_secretary").get(f"/meetings/{MEETING}").text
    member = section(site.portal("osc_member").get(f"/meetings/{MEETING}").text, "minutes-heading")
    assert "Draft" in member and "The Committee considered the scorecard." in member
    assert EXEMPT_MINUTE_MARKER in member and EXEMPT_RESOLUTION_MARKER in member, "members read Part II"
    assert EXEMPT_INTEREST_MARKER in member, "and the declarations on its items"
    assert f'href="/meetings/{MEETING}/minutes/exempt.html"' in member
    assert 'id="resolution-4-1"' in member
    exempt = site.portal("osc_member").get(f"/meetings/{MEETING}/minutes/exempt.html")
    assert exempt.status_code == 200 and EXEMPT_MINUTE_MARKER in exempt.text
    assert "no-store" in exempt.headers["Cache-Control"]


def test_a_requested_report_names_the_resolution_that_created_it(site):
    agenda = section(site.portal().get(f"/meetings/{DRAFT_MEETING}").text, "agenda-heading")
    assert "Update report on performance" in agenda
    assert f'href="/meetings/{MEETING}#resolution-4-1"' in agenda and f"{MEETING}/4.1" in agenda


def test_the_secretary_sees_the_clearance_dashboard_and_nobody_else_does(site):
    html = site.portal("osc_secretary").get(f"/meetings/{MEETING}").text
    dashboard = section(html, "dashboard-heading")
    assert "Report clearance" in dashboard
    assert "cleared by finance" in dashboard and "FD 4914/17" in dashboard and "corporate.resources@example.org" in dashboard
    assert "Next: Clear the report for legal" in dashboard and "Late" in dashboard
    # Due dates count back from publication on Monday 6 November 2017.
    for due in ["Monday 30 October 2017", "Wednesday 1 November 2017", "Friday 3 November 2017", "Monday 6 November 2017"]:
        assert due in dashboard, due
    for who in [None, "osc_member", "hwbb_secretary"]:
        assert "dashboard-heading" not in site.portal(who).get(f"/meetings/{MEETING}").text, who


def test_approved_minutes_are_public_without_their_exempt_items(site):
    conn = site.connect("osc_secretary")
    reply = conn.command("MINUTES", "APPROVE", DRAFT_MEETING)
    assert not isinstance(reply, ReplyError), reply
    html = site.portal().get(f"/meetings/{MEETING}").text
    minutes = section(html, "minutes-heading")
    assert "The Committee considered the scorecard." in minutes and "Draft" not in minutes
    assert "That an update report be presented in January 2018" in minutes and "5 for, 0 against" in minutes
    assert f'href="/meetings/{DRAFT_MEETING}"' in minutes and "Tuesday 9 January 2018" in minutes
    assert "The meeting was quorate" in minutes and "3 voting members present" in minutes
    assert "Chair of the Overview and Scrutiny Committee" in minutes and "Substitute Councillor" in minutes
    assert "Governor of a school named in the report" in minutes and "Other registrable interest" in minutes
    assert "Residential placement contract" in minutes and "is in Part II" in minutes
    for hidden in [EXEMPT_MINUTE_MARKER, EXEMPT_RESOLUTION_MARKER, EXEMPT_INTEREST_MARKER, "@example.org", "minutes/exempt."]:
        assert hidden not in minutes, hidden
    public = site.portal().get(f"/meetings/{MEETING}/minutes/public.html")
    assert public.status_code == 200 and "The Committee considered the scorecard." in public.text
    assert EXEMPT_MINUTE_MARKER not in public.text
    refused = site.portal().get(f"/meetings/{MEETING}/minutes/exempt.html")
    assert refused.status_code == 403 and EXEMPT_MINUTE_MARKER not in refused.text and "/signin?next=" in refused.text
    assert site.portal("hwbb_secretary").get(f"/meetings/{MEETING}/minutes/exempt.html").status_code == 403
    assert site.portal().get(f"/meetings/{MEETING}/minutes/minutes.exe").status_code == 404


def test_the_decisions_register_shows_call_in_and_implementation(site):
    page = site.portal().get("/decisions")
    assert page.status_code == 200
    html = page.text
    called = html[html.find('id="CAB-2018-05-02-1"'):]
    called = called[:called.find("</li>")]
    assert "Adopt the sufficiency strategy" in called and "Friday 4 May 2018" in called
    assert "Monday 14 May 2018" in called, "the call-in period ends after the bank holiday"
    assert "Called in: suspended" in called and "Families were not consulted" in called
    urgent = html[html.find('id="CAB-2018-05-18-1"'):]
    urgent = urgent[:urgent.find("</li>")]
    assert "Immediately (urgent: Placements are needed before the next Cabinet)" in urgent
    for hidden in [UNPUBLISHED_DECISION_MARKER, PRIVATE_DECISION_MARKER]:
        assert hidden not in html, hidden
    one = site.portal().get("/decisions/CAB-2018-05-02-1")
    assert one.status_code == 200 and "Adopt the sufficiency strategy" in one.text
    for reference in ["CAB-2018-06-01-1", "LSCB-2018-05-02-1", "NOPE-1"]:
        assert site.portal().get(f"/decisions/{reference}").status_code == 404, reference
    assert UNPUBLISHED_DECISION_MARKER in site.portal("admin").get("/decisions").text
    assert PRIVATE_DECISION_MARKER in site.portal("lscb_member").get("/decisions/LSCB-2018-05-02-1").text
    home = site.portal().get("/").text
    assert 'href="/decisions/CAB-2018-05-02-1"' in home and UNPUBLISHED_DECISION_MARKER not in home


def test_every_page_links_to_the_forward_plan_and_the_decisions(site):
    for path in ["/", "/boards", "/forward-plan", "/decisions"]:
        html = site.portal().get(path).text
        assert 'href="/forward-plan"' in html and 'href="/decisions"' in html, path
    assert 'href="/forward-plan" aria-current="page"' in site.portal().get("/forward-plan").text


def test_a_private_boards_approved_minutes_reach_its_members_only_whatever_the_url(site):
    conn = site.daemon.connect()
    assert conn.command("AUTH", "admin", site.daemon.admin_token) == "OK"
    for args in [("MINUTES", "RECORD", "LSCB-2017-01-19", "1", "PRIVATE-BOARD-MINUTE-4120", "resolutions=none"),
                 ("MINUTES", "APPROVE", "LSCB-2017-03-16")]:
        reply = conn.command(*args)
        assert not isinstance(reply, ReplyError), (args, reply)
    for path in ["/meetings/LSCB-2017-01-19", "/meetings/LSCB-2017-01-19/minutes/public.html",
                 "/meetings/LSCB-2017-01-19/minutes/exempt.html"]:
        reply = site.portal().get(path)
        assert reply.status_code == 404 and "PRIVATE-BOARD-MINUTE-4120" not in reply.text, path
        assert site.portal("osc_member").get(path).status_code == 404, path
    assert "PRIVATE-BOARD-MINUTE-4120" in site.portal("lscb_member").get("/meetings/LSCB-2017-01-19").text
    assert "PRIVATE-BOARD-MINUTE-4120" in site.portal("lscb_member").get("/meetings/LSCB-2017-01-19/minutes/public.html").text
