"""The meeting page's forms over HTTP: report clearance by each step's holder, a private meeting's
notices, attendance, declarations, the minutes with their resolutions and the approval of minutes by
the board's secretary, and an executive decision's publication and call-in. Each form is offered to, and accepted from, the
user the core's access rules name, refused (403) to everyone else including the public, refused
without its CSRF token, and a bad value comes back on the page with the field named and the
values kept. The tests of this module run in order: each takes the report a step further."""

import datetime
import json
import re

import pytest

from conftest import ROOT, Daemon, ReplyError, write_config
from portal_support import MEETING, REPORT_OWNER, Portal, add_user

REPORT_ITEM = "report:OSC/performance/2017-11"
REPORT = (ROOT / "Demo" / "reports" / f"{MEETING}.md").read_text()
APPROVER = "director.social.care.health@example.org"
PEOPLE = {
    "owner": (REPORT_OWNER, "lead", None),
    "finance": ("corporate.resources@example.org", "finance", None),
    "legal": ("regulation.compliance@example.org", "legal", None),
    "approver": (APPROVER, "lead", None),
    "osc_secretary": ("scrutiny.officer@example.org", "secretary", "OSC"),
    "osc_member": ("osc.member.1@example.org", "member", "OSC"),
    "hwbb_secretary": ("hwbb.officer@example.org", "secretary", "HWBB"),
    "cabinet_secretary": ("cabinet.officer@example.org", "secretary", "CABINET"),
}
NEXT_MEETING = "OSC-2018-01-09"
FORM_ID = "clearance-report-OSC-performance-2017-11"
ACTION = f"/meetings/{MEETING}/clearance"


class Site:
    def __init__(self, folder):
        self.daemon = Daemon(folder / "data", write_config(folder / "quorum.yaml"), ROOT / "Boards",
                             ["--demo-data", str(ROOT / "Demo")]).start()
        self.tokens = {key: add_user(self.daemon, email, role, board) for key, (email, role, board) in PEOPLE.items()}
        reply = self.connect("owner").command("REPORT", "SUBMIT", MEETING, REPORT_ITEM, REPORT)
        assert not isinstance(reply, ReplyError), reply
        # The next meeting takes an exempt item, so it needs notice of a private meeting.
        reply = self.connect("admin").command("ITEM", "ADD", NEXT_MEETING, "Placement contract award", "exempt=3")
        assert not isinstance(reply, ReplyError), reply

    def command(self, who, *args):
        reply = self.connect(who).command(*args)
        assert not isinstance(reply, ReplyError), (args, reply)
        return json.loads(reply) if isinstance(reply, str) and reply[:1] in "[{" else reply

    def connect(self, who):
        conn = self.daemon.connect()
        if who == "admin":
            assert conn.command("AUTH", "admin", self.daemon.admin_token) == "OK"
        else:
            assert conn.command("AUTH", PEOPLE[who][0], self.tokens[who]) == "OK"
        return conn

    def portal(self, who=None):
        portal = Portal(self.daemon)
        if who == "admin":
            return portal.sign_in("admin", self.daemon.admin_token)
        return portal.sign_in(PEOPLE[who][0], self.tokens[who]) if who else portal

    def stage(self):
        return json.loads(self.connect("osc_secretary").command("CLEARANCE", "GET", MEETING, REPORT_ITEM))["stage"]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    site = Site(tmp_path_factory.mktemp("portal-forms"))
    yield site
    site.daemon.stop()


def forms_on(html):
    """The actions and ids of the forms on a page, as (action, id) pairs."""
    return re.findall(r'<form class="action-form" id="([^"]+)" method="post" action="([^"]+)"', html)


def post_step(portal, step, **fields):
    data = {"csrf": portal.csrf(f"/meetings/{MEETING}"), "item": REPORT_ITEM, "step": step, **fields}
    return portal.post(ACTION, data)


def test_only_the_reports_owner_is_offered_its_submission(site):
    owner = site.portal("owner").get(f"/meetings/{MEETING}").text
    assert (f"{FORM_ID}-submit", ACTION) in forms_on(owner)
    assert "Reports waiting for you" in owner
    for who in [None, "finance", "legal", "osc_member", "hwbb_secretary"]:
        html = site.portal(who).get(f"/meetings/{MEETING}").text
        assert ACTION not in html and FORM_ID not in html, who
    # The secretary sees the whole dashboard, but the owner's step is not theirs to take.
    secretary = site.portal("osc_secretary").get(f"/meetings/{MEETING}").text
    assert 'id="dashboard-heading"' in secretary and ACTION not in secretary


def test_a_step_is_refused_to_everyone_but_its_holder_and_to_the_public(site):
    public = Portal(site.daemon)
    refused = public.post(ACTION, {"csrf": public.csrf(), "item": REPORT_ITEM, "step": "submit"})
    assert refused.status_code == 403 and "/signin?next=" in refused.text
    for who in ["finance", "osc_member", "osc_secretary", "admin"]:
        assert post_step(site.portal(who), "submit").status_code == 403, who
    assert site.stage() == "draft"


def test_a_step_without_its_form_token_is_refused_and_changes_nothing(site):
    owner = site.portal("owner")
    for token in [None, "forged"]:
        data = {"item": REPORT_ITEM, "step": "submit", **({"csrf": token} if token else {})}
        reply = owner.post(ACTION, data)
        assert reply.status_code == 403 and "The form has expired" in reply.text
    assert site.stage() == "draft"


def test_the_owner_submits_and_the_page_redirects_to_the_report(site):
    reply = post_step(site.portal("owner"), "submit", of=APPROVER)
    assert reply.status_code == 303, reply.text
    assert reply.headers["Location"] == f"/meetings/{MEETING}#{FORM_ID}"
    assert site.stage() == "submitted"
    finance = site.portal("finance").get(f"/meetings/{MEETING}").text
    assert (f"{FORM_ID}-finance", ACTION) in forms_on(finance) and (f"{FORM_ID}-return", ACTION) in forms_on(finance)
    assert (f"{FORM_ID}-submit", ACTION) not in forms_on(site.portal("owner").get(f"/meetings/{MEETING}").text)


def test_a_bad_finance_reference_comes_back_with_the_field_named_and_the_values_kept(site):
    finance = site.portal("finance")
    reply = post_step(finance, "finance", reference="LD.4595/18", title="Head of Corporate Resources")
    assert reply.status_code == 400
    html = reply.text
    assert "<title>Error:" in html
    field = f"{FORM_ID}-finance-reference"
    assert f'<a href="#{field}">' in html, "the error summary links to the reference field"
    assert f'id="{field}-error"' in html and "a finance reference starts FD" in html
    assert re.search(rf'id="{field}" name="reference" value="LD.4595/18"[^>]*aria-invalid="true"', html)
    assert 'value="Head of Corporate Resources"' in html, "the other field keeps its value"
    assert site.stage() == "submitted"
    missing = post_step(finance, "finance", reference="FD.5470/18", title="  ")
    assert missing.status_code == 400 and f'<a href="#{FORM_ID}-finance-title">' in missing.text


def test_finance_and_legal_clear_each_with_their_own_role_and_the_officer_approves(site):
    assert post_step(site.portal("legal"), "finance", reference="FD.5470/18", title="Head of Corporate Resources").status_code == 403
    assert post_step(site.portal("finance"), "finance", reference="FD.5470/18", title="Head of Corporate Resources").status_code == 303
    assert site.stage() == "finance_cleared"
    # The same step again is refused on the page: the report has moved on.
    again = post_step(site.portal("finance"), "finance", reference="FD.5470/18", title="Head of Corporate Resources")
    assert again.status_code == 409 and "There is a problem" in again.text and "this step needs it" in again.text
    assert post_step(site.portal("finance"), "legal", reference="LD.4595/18", title="Chief Legal Officer").status_code == 403
    bad = post_step(site.portal("legal"), "legal", reference="LD-4595", title="Chief Legal and Democratic Officer")
    assert bad.status_code == 400 and f'<a href="#{FORM_ID}-legal-reference">' in bad.text
    assert post_step(site.portal("legal"), "legal", reference="LD.4595/18", title="Chief Legal and Democratic Officer").status_code == 303
    assert site.stage() == "legal_cleared"
    assert (f"{FORM_ID}-approve", ACTION) in forms_on(site.portal("approver").get(f"/meetings/{MEETING}").text)
    for who in ["owner", "osc_secretary", "admin"]:
        assert post_step(site.portal(who), "approve").status_code == 403, who
    assert post_step(site.portal("approver"), "approve").status_code == 303
    assert site.stage() == "approved"
    dashboard = site.portal("osc_secretary").get(f"/meetings/{MEETING}").text
    assert "FD.5470/18" in dashboard and "LD.4595/18" in dashboard


def test_the_secretary_sends_an_approved_report_back_with_a_comment(site):
    secretary = site.portal("osc_secretary")
    html = secretary.get(f"/meetings/{MEETING}").text
    assert (f"{FORM_ID}-return", ACTION) in forms_on(html), "the build's holder may send an approved report back"
    assert post_step(site.portal("approver"), "return", comment="Not mine to return now").status_code == 403
    empty = post_step(secretary, "return", comment=" ")
    assert empty.status_code == 400 and f'<a href="#{FORM_ID}-return-comment">' in empty.text
    assert "the comment is empty" in empty.text
    assert site.stage() == "approved"
    assert post_step(secretary, "return", comment="The figures for October are missing").status_code == 303
    assert site.stage() == "draft"
    owner = site.portal("owner").get(f"/meetings/{MEETING}").text
    assert "Returned: The figures for October are missing" in owner and (f"{FORM_ID}-submit", ACTION) in forms_on(owner)


def post_form(portal, action, page, **fields):
    return portal.post(action, {"csrf": portal.csrf(page), **fields})


# Notice of a private meeting: the board's secretary records each notice as given.

NOTICES = f"/meetings/{NEXT_MEETING}/notices"


def test_only_the_boards_secretary_is_offered_the_notices_and_others_are_refused(site):
    html = site.portal("osc_secretary").get(f"/meetings/{NEXT_MEETING}").text
    assert ("notice-first", NOTICES) in forms_on(html) and ("notice-second", NOTICES) in forms_on(html)
    assert 'id="notice-second-representations"' in html and 'id="notice-second-response"' in html
    for who in [None, "osc_member", "hwbb_secretary", "owner"]:
        assert NOTICES not in site.portal(who).get(f"/meetings/{NEXT_MEETING}").text, who
    for who in [None, "osc_member", "hwbb_secretary"]:
        reply = post_form(site.portal(who), NOTICES, "/signin", kind="first", given_on="2017-12-01", reasons="Paragraph 3")
        assert reply.status_code == 403, who
    forged = site.portal("osc_secretary").post(NOTICES, {"csrf": "forged", "kind": "first", "given_on": "2017-12-01", "reasons": "r"})
    assert forged.status_code == 403 and "The form has expired" in forged.text
    assert site.command("osc_secretary", "NOTICE", "LIST", NEXT_MEETING)["first"] is None


def test_a_notice_with_a_bad_day_comes_back_with_the_field_named(site):
    secretary = site.portal("osc_secretary")
    reply = post_form(secretary, NOTICES, f"/meetings/{NEXT_MEETING}", kind="first", given_on="1/12/2017", reasons="Paragraph 3")
    assert reply.status_code == 400
    assert '<a href="#notice-first-given_on">' in reply.text and "is not a date" in reply.text
    assert 'value="1/12/2017"' in reply.text and ">Paragraph 3</textarea>" in reply.text
    late = post_form(secretary, NOTICES, f"/meetings/{NEXT_MEETING}", kind="first", given_on="2018-01-10", reasons="Paragraph 3")
    assert late.status_code == 400 and '<a href="#notice-first-given_on">' in late.text and "comes after the meeting" in late.text
    assert site.command("osc_secretary", "NOTICE", "LIST", NEXT_MEETING)["first"] is None


def test_the_secretary_records_both_notices_with_the_representations_and_the_response(site):
    secretary = site.portal("osc_secretary")
    first = post_form(secretary, NOTICES, f"/meetings/{NEXT_MEETING}", kind="first", given_on="2017-12-01",
                      reasons="Paragraph 3: the providers' prices")
    assert first.status_code == 303 and first.headers["Location"] == f"/meetings/{NEXT_MEETING}#notices-heading"
    second = post_form(secretary, NOTICES, f"/meetings/{NEXT_MEETING}", kind="second", given_on="2017-12-29",
                       reasons="Paragraph 3: the providers' prices",
                       representations="A parent asked for the item in public\nA provider asked for its name to be withheld",
                       response="The prices stay exempt; the decision will be published")
    assert second.status_code == 303
    notices = site.command("osc_secretary", "NOTICE", "LIST", NEXT_MEETING)
    assert notices["first"]["given_on"] == "2017-12-01"
    assert notices["second"]["representations"] == ["A parent asked for the item in public",
                                                    "A provider asked for its name to be withheld"]
    assert notices["second"]["response"] == "The prices stay exempt; the decision will be published"
    public = site.portal().get(f"/meetings/{NEXT_MEETING}").text
    assert "A parent asked for the item in public" in public and "given Friday 1 December 2017" in public


URGENCY = f"/meetings/{NEXT_MEETING}/urgency"


def test_only_the_boards_secretary_records_that_the_private_meeting_is_urgent(site):
    page = f"/meetings/{NEXT_MEETING}"
    assert ("notice-urgency", URGENCY) in forms_on(site.portal("osc_secretary").get(page).text)
    for who in [None, "osc_member", "hwbb_secretary", "owner"]:
        assert URGENCY not in site.portal(who).get(page).text, who
    for who in [None, "osc_member", "hwbb_secretary"]:
        reply = post_form(site.portal(who), URGENCY, "/signin", agreed_by="Chair of the Council", agreed_on="2017-12-20")
        assert reply.status_code == 403, who
    unsigned = site.portal("osc_secretary").post(URGENCY, {"agreed_by": "Chair of the Council", "agreed_on": "2017-12-20"})
    assert unsigned.status_code == 403 and "The form has expired" in unsigned.text
    secretary = site.portal("osc_secretary")
    late = post_form(secretary, URGENCY, page, agreed_by="Chair of the Council", agreed_on="2018-01-10")
    assert late.status_code == 400 and '<a href="#notice-urgency-agreed_on">' in late.text and "comes after the meeting" in late.text
    assert 'id="notice-urgency-agreed_by" name="agreed_by" value="Chair of the Council"' in late.text
    soon = post_form(secretary, URGENCY, page, agreed_by="Chair of the Council", agreed_on="2017-12-20", reasons_on="soon")
    assert soon.status_code == 400 and '<a href="#notice-urgency-reasons_on">' in soon.text and 'value="soon"' in soon.text
    assert site.command("osc_secretary", "NOTICE", "LIST", NEXT_MEETING)["urgency"] is None
    done = post_form(secretary, URGENCY, page, agreed_by="Chair of the Council", agreed_on="2017-12-20", reasons_on="2017-12-21")
    assert done.status_code == 303 and done.headers["Location"] == f"{page}#notices-heading"
    assert site.command("osc_secretary", "NOTICE", "LIST", NEXT_MEETING)["urgency"] == {
        "agreed_by": "Chair of the Council", "agreed_on": "2017-12-20", "reasons_published_on": "2017-12-21"}
    assert "The meeting is urgent: agreed by the Chair of the Council" in site.portal().get(page).text


# Attendance, declarations and the minutes: the board's secretary.

ATTENDANCE = f"/meetings/{MEETING}/attendance"
MEMBERS = ["osc.chair@example.org", "osc.vice.chair@example.org", "osc.member.1@example.org", "osc.member.2@example.org",
           "osc.member.3@example.org", "osc.diocesan.representative@example.org", "osc.parent.governor@example.org"]


def attendance_form(email):
    return "attendance-" + re.sub(r"[^A-Za-z0-9]", "-", email)


def test_the_secretary_is_offered_a_form_for_each_member_and_nobody_else_is(site):
    html = site.portal("osc_secretary").get(f"/meetings/{MEETING}").text
    found = [form for form, action in forms_on(html) if action == ATTENDANCE]
    assert found == [attendance_form(email) for email in MEMBERS]
    assert ("declaration", f"/meetings/{MEETING}/declarations") in forms_on(html)
    for who in [None, "osc_member", "hwbb_secretary", "owner", "finance"]:
        page = site.portal(who).get(f"/meetings/{MEETING}").text
        assert ATTENDANCE not in page and "/declarations" not in page, who
    for who in [None, "osc_member", "hwbb_secretary"]:
        reply = post_form(site.portal(who), ATTENDANCE, "/signin", member=MEMBERS[0], status="present")
        assert reply.status_code == 403, who
        reply = post_form(site.portal(who), f"/meetings/{MEETING}/declarations", "/signin", item="4", member=MEMBERS[1],
                          kind="other_registrable", nature="Governor")
        assert reply.status_code == 403, who
    forged = site.portal("osc_secretary").post(ATTENDANCE, {"member": MEMBERS[0], "status": "present"})
    assert forged.status_code == 403
    assert site.command("osc_secretary", "ATTENDANCE", "GET", MEETING)["present"] == []


def test_the_secretary_records_attendance_and_a_substitute(site):
    secretary = site.portal("osc_secretary")
    for email, status in [(MEMBERS[0], "present"), (MEMBERS[1], "present"), (MEMBERS[2], "present"), (MEMBERS[3], "apologies")]:
        reply = post_form(secretary, ATTENDANCE, f"/meetings/{MEETING}", member=email, status=status)
        assert reply.status_code == 303 and reply.headers["Location"] == f"/meetings/{MEETING}#{attendance_form(email)}"
    form = attendance_form(MEMBERS[2])
    missing = post_form(secretary, ATTENDANCE, f"/meetings/{MEETING}", member=MEMBERS[2], status="substitute", substitute="")
    assert missing.status_code == 400 and f'<a href="#{form}-substitute">' in missing.text
    bad = post_form(secretary, ATTENDANCE, f"/meetings/{MEETING}", member=MEMBERS[2], status="substitute",
                    substitute="not an address", substitute_role="Substitute Councillor")
    assert bad.status_code == 400 and f'<a href="#{form}-substitute">' in bad.text and "is not an email address" in bad.text
    assert 'value="not an address"' in bad.text and 'value="Substitute Councillor"' in bad.text
    assert re.search(rf'id="{form}-status-substitute" name="status" value="substitute" checked', bad.text)
    attendance = site.command("osc_secretary", "ATTENDANCE", "GET", MEETING)
    assert MEMBERS[2] in [p["email"] for p in attendance["present"]], "a refused substitute leaves the member as they were"
    good = post_form(secretary, ATTENDANCE, f"/meetings/{MEETING}", member=MEMBERS[2], status="substitute",
                     substitute="substitute.councillor@example.org", substitute_role="Substitute Councillor")
    assert good.status_code == 303, good.text
    attendance = site.command("osc_secretary", "ATTENDANCE", "GET", MEETING)
    assert [p["email"] for p in attendance["present"]] == MEMBERS[:2]
    assert sorted(p["email"] for p in attendance["apologies"]) == sorted([MEMBERS[2], MEMBERS[3]])
    assert [(s["person"]["email"], s["for_member"]) for s in attendance["substitutes"]] == [
        ("substitute.councillor@example.org", MEMBERS[2])]
    assert attendance["voting_present"] == 3 and attendance["quorate"]


def test_the_secretary_records_a_declaration_and_a_bad_one_names_its_field(site):
    secretary = site.portal("osc_secretary")
    action = f"/meetings/{MEETING}/declarations"
    empty = post_form(secretary, action, f"/meetings/{MEETING}", item="4", member=MEMBERS[1], kind="other_registrable", nature=" ")
    assert empty.status_code == 400 and '<a href="#declaration-nature">' in empty.text
    stranger = post_form(secretary, action, f"/meetings/{MEETING}", item="4", member="nobody@example.org", kind="other_registrable",
                         nature="Governor of a school named in the report")
    assert stranger.status_code == 400 and '<a href="#declaration-member">' in stranger.text
    assert "Governor of a school named in the report" in stranger.text, "the nature is kept"
    good = post_form(secretary, action, f"/meetings/{MEETING}", item="4", member=MEMBERS[1], kind="other_registrable",
                     nature="Governor of a school named in the report", left="yes")
    assert good.status_code == 303
    declarations = site.command("osc_secretary", "ATTENDANCE", "GET", MEETING)["declarations"]
    assert [(d["member"], d["item"], d["kind"], d["left_room"]) for d in declarations] == [
        (MEMBERS[1], 4, "other_registrable", True)]


# The minutes: the board's secretary records each item's minute, its resolutions and their votes.

MINUTE = f"/meetings/{MEETING}/minutes"
RESOLUTIONS = f"/meetings/{MEETING}/resolutions"
AMEND = f"/meetings/{MEETING}/resolutions/amend"
RESOLUTION = f"{MEETING}/4.1"
AMEND_FORM = "amend-" + re.sub(r"[^A-Za-z0-9]", "-", RESOLUTION)


def test_only_the_boards_secretary_is_offered_the_minutes_forms_and_others_are_refused(site):
    html = site.portal("osc_secretary").get(f"/meetings/{MEETING}").text
    assert ("minute", MINUTE) in forms_on(html) and ("resolution", RESOLUTIONS) in forms_on(html)
    assert 'id="resolution-casting"' in html and AMEND not in html, "no resolution yet to amend"
    for who in [None, "osc_member", "hwbb_secretary", "owner"]:
        actions = [action for _, action in forms_on(site.portal(who).get(f"/meetings/{MEETING}").text)]
        assert MINUTE not in actions and RESOLUTIONS not in actions, who
    for who in [None, "osc_member", "hwbb_secretary"]:
        portal = site.portal(who)
        assert post_form(portal, MINUTE, "/signin", item="4", text="The Committee noted the scorecard.").status_code == 403, who
        assert post_form(portal, RESOLUTIONS, "/signin", item="4", wording="That the report be noted").status_code == 403, who
        assert post_form(portal, AMEND, "/signin", resolution=RESOLUTION, wording="That the report be noted").status_code == 403, who
    forged = site.portal("osc_secretary").post(MINUTE, {"csrf": "forged", "item": "4", "text": "The Committee noted the scorecard."})
    assert forged.status_code == 403 and "The form has expired" in forged.text
    unsigned = site.portal("osc_secretary").post(RESOLUTIONS, {"item": "4", "wording": "That the report be noted"})
    assert unsigned.status_code == 403 and "The form has expired" in unsigned.text
    assert site.command("osc_secretary", "MINUTES", "GET", MEETING)["items"] == []


def test_the_secretary_records_a_minute_and_a_resolution_with_its_vote(site):
    secretary = site.portal("osc_secretary")
    page = f"/meetings/{MEETING}"
    empty = post_form(secretary, MINUTE, page, item="4", text="  ")
    assert empty.status_code == 400 and '<a href="#minute-text">' in empty.text
    early = post_form(secretary, RESOLUTIONS, page, item="4", wording="That the scorecard be noted", **{"for": "5", "against": "0"})
    assert early.status_code == 400 and '<a href="#resolution-item">' in early.text and "has no minute yet" in early.text
    minute = post_form(secretary, MINUTE, page, item="4", text="The Committee considered the scorecard.")
    assert minute.status_code == 303 and minute.headers["Location"] == f"{page}#record-minutes-heading"
    items = site.command("osc_secretary", "MINUTES", "GET", MEETING)["items"]
    assert [(i["item"], i["text"], i["resolutions"]) for i in items] == [(4, "The Committee considered the scorecard.", [])]
    bad = post_form(secretary, RESOLUTIONS, page, item="4", wording="That the scorecard be noted", against="0", abstain="1",
                    **{"for": "five"})
    assert bad.status_code == 400 and '<a href="#resolution-for">' in bad.text and "is not a number of votes" in bad.text
    assert re.search(r'id="resolution-for" name="for" value="five"[^>]*aria-invalid="true"', bad.text)
    assert ">That the scorecard be noted</textarea>" in bad.text and 'id="resolution-abstain" name="abstain" value="1"' in bad.text
    assert site.command("osc_secretary", "MINUTES", "GET", MEETING)["items"][0]["resolutions"] == []
    good = post_form(secretary, RESOLUTIONS, page, item="4", wording="That the scorecard be noted", against="0", abstain="1",
                     **{"for": "5"})
    assert good.status_code == 303 and good.headers["Location"] == f"{page}#{AMEND_FORM}"
    [resolution] = site.command("osc_secretary", "MINUTES", "GET", MEETING)["items"][0]["resolutions"]
    assert (resolution["id"], resolution["wording"], resolution["carried"]) == (RESOLUTION, "That the scorecard be noted", True)
    assert (resolution["vote"]["in_favour"], resolution["vote"]["against"], resolution["vote"]["abstentions"]) == (5, 0, 1)


def test_the_secretary_amends_a_draft_resolution_and_a_bad_casting_vote_names_its_field(site):
    secretary = site.portal("osc_secretary")
    page = f"/meetings/{MEETING}"
    html = secretary.get(page).text
    assert (AMEND_FORM, AMEND) in forms_on(html) and ">That the scorecard be noted</textarea>" in html
    for who in ["osc_member", "hwbb_secretary"]:
        assert AMEND not in site.portal(who).get(page).text, who
    tie = post_form(secretary, AMEND, page, resolution=RESOLUTION, wording="That the scorecard be noted with concern",
                    against="2", casting="for", **{"for": "3"})
    assert tie.status_code == 400 and f'<a href="#{AMEND_FORM}-casting">' in tie.text and "only on a tie" in tie.text
    assert ">That the scorecard be noted with concern</textarea>" in tie.text
    assert site.command("osc_secretary", "MINUTES", "GET", MEETING)["items"][0]["resolutions"][0]["wording"] == "That the scorecard be noted"
    done = post_form(secretary, AMEND, page, resolution=RESOLUTION, wording="That the scorecard be noted with concern",
                     against="3", casting="for", **{"for": "3"})
    assert done.status_code == 303 and done.headers["Location"] == f"{page}#{AMEND_FORM}"
    [resolution] = site.command("osc_secretary", "MINUTES", "GET", MEETING)["items"][0]["resolutions"]
    assert resolution["wording"] == "That the scorecard be noted with concern" and resolution["vote"]["casting_vote"] == "for"
    assert resolution["carried"]


def test_the_secretary_approves_the_previous_minutes_at_the_next_meeting(site):
    site.command("osc_secretary", "MINUTES", "RECORD", MEETING, "4", "The Committee considered the scorecard.", "resolutions=none")
    action = f"/meetings/{NEXT_MEETING}/approve-minutes"
    html = site.portal("osc_secretary").get(f"/meetings/{NEXT_MEETING}").text
    assert ("approve-minutes", action) in forms_on(html) and "Tuesday 14 November 2017" in html
    for who in [None, "osc_member", "hwbb_secretary"]:
        assert action not in site.portal(who).get(f"/meetings/{NEXT_MEETING}").text, who
        assert post_form(site.portal(who), action, "/signin", minutes_of=MEETING).status_code == 403, who
    assert site.portal("osc_secretary").post(action, {"minutes_of": MEETING}).status_code == 403, "no form token"
    assert site.command("osc_secretary", "MINUTES", "GET", MEETING)["status"] == "draft"
    reply = post_form(site.portal("osc_secretary"), action, f"/meetings/{NEXT_MEETING}", minutes_of=MEETING)
    assert reply.status_code == 303 and reply.headers["Location"] == f"/meetings/{MEETING}#minutes-heading"
    minutes = site.command("osc_secretary", "MINUTES", "GET", MEETING)
    assert minutes["status"] == "approved" and minutes["approved_at"] == NEXT_MEETING
    assert action not in site.portal("osc_secretary").get(f"/meetings/{NEXT_MEETING}").text
    again = post_form(site.portal("osc_secretary"), action, f"/meetings/{NEXT_MEETING}", minutes_of=MEETING)
    assert again.status_code == 409 and "already approved" in again.text


def test_the_minutes_forms_are_withdrawn_and_refused_once_the_minutes_are_approved(site):
    secretary = site.portal("osc_secretary")
    page = f"/meetings/{MEETING}"
    actions = [action for _, action in forms_on(secretary.get(page).text)]
    assert ATTENDANCE in actions, "the record's other forms are still there"
    assert MINUTE not in actions and RESOLUTIONS not in actions and AMEND not in actions
    before = site.command("osc_secretary", "MINUTES", "GET", MEETING)["items"]
    for action, fields in [(MINUTE, {"item": "4", "text": "A later account"}),
                           (RESOLUTIONS, {"item": "4", "wording": "That the report be withdrawn"}),
                           (AMEND, {"resolution": RESOLUTION, "wording": "That the report be withdrawn"})]:
        reply = post_form(secretary, action, page, **fields)
        assert reply.status_code == 409 and "are approved and are not changed" in reply.text, action
    assert site.command("osc_secretary", "MINUTES", "GET", MEETING)["items"] == before


# Executive decisions: Cabinet's secretary publishes, the scrutiny committee's records a call-in.

def test_the_decision_makers_secretary_publishes_a_decision_and_scrutiny_calls_it_in(site):
    today = datetime.date.today().isoformat()
    reference = "CAB-FORMS-1"
    site.command("admin", "DECISION", "RECORD", reference, "CABINET", today, "Commission a new fostering service")
    page = f"/decisions/{reference}"
    publish, callin = f"{page}/publish", f"{page}/callin"
    html = site.portal("cabinet_secretary").get(page).text
    assert ("decision-publish", publish) in forms_on(html) and callin not in html
    assert site.portal().get(page).status_code == 404, "unpublished: not there for the public"
    for who in [None, "osc_secretary", "hwbb_secretary", "osc_member"]:
        assert post_form(site.portal(who), publish, "/signin", on=today).status_code == 403, who
    assert site.portal("cabinet_secretary").post(publish, {"on": today}).status_code == 403, "no form token"
    bad = post_form(site.portal("cabinet_secretary"), publish, page, on="2026-02-30")
    assert bad.status_code == 400 and '<a href="#decision-publish-on">' in bad.text and 'value="2026-02-30"' in bad.text
    assert site.command("admin", "DECISION", "GET", reference)["published_on"] is None
    assert post_form(site.portal("cabinet_secretary"), publish, page, on="").status_code == 303
    assert site.command("admin", "DECISION", "GET", reference)["published_on"] == today
    public = site.portal().get(page).text
    assert "Commission a new fostering service" in public and callin not in public and publish not in public
    # The call-in belongs to the scrutiny committee's secretary, and only theirs is offered it.
    assert site.command("admin", "DECISION", "GET", reference)["call_in_by"] == "OSC"
    assert ("decision-callin", callin) in forms_on(site.portal("osc_secretary").get(page).text)
    for who in ["hwbb_secretary", "cabinet_secretary"]:
        assert callin not in site.portal(who).get(page).text, who
    for who in [None, "cabinet_secretary", "hwbb_secretary", "osc_member"]:
        reply = post_form(site.portal(who), callin, "/signin", reason="Families were not consulted", members="osc.member.1@example.org")
        assert reply.status_code == 403, who
    early = post_form(site.portal("osc_secretary"), callin, page, reason="Families were not consulted",
                      members="osc.member.1@example.org", on="2000-01-01")
    assert early.status_code == 400 and '<a href="#decision-callin-on">' in early.text
    assert "Families were not consulted</textarea>" in early.text
    assert site.command("admin", "DECISION", "GET", reference)["call_in"] is None
    done = post_form(site.portal("osc_secretary"), callin, page, reason="Families were not consulted",
                     members="osc.member.1@example.org\nosc.member.2@example.org")
    assert done.status_code == 303
    called = site.command("admin", "DECISION", "GET", reference)["call_in"]
    assert called["reason"] == "Families were not consulted" and called["by"] == ["osc.member.1@example.org", "osc.member.2@example.org"]
    assert "Called in: suspended" in site.portal().get(page).text


def test_the_scrutiny_secretary_records_the_call_ins_hearing_and_outcome(site):
    reference = "CAB-FORMS-1"
    page = f"/decisions/{reference}"
    hearing = f"{page}/hearing"
    assert ("decision-hearing", hearing) in forms_on(site.portal("osc_secretary").get(page).text)
    for who in [None, "osc_member", "hwbb_secretary", "cabinet_secretary"]:
        assert hearing not in site.portal(who).get(page).text, who
    today = datetime.date.today().isoformat()
    for who in [None, "cabinet_secretary", "hwbb_secretary", "osc_member"]:
        reply = post_form(site.portal(who), hearing, "/signin", on=today, outcome="no_further_action")
        assert reply.status_code == 403, who
    secretary = site.portal("osc_secretary")
    assert secretary.post(hearing, {"on": today, "outcome": "no_further_action"}).status_code == 403, "no form token"
    early = post_form(secretary, hearing, page, on="2000-01-01", outcome="no_further_action")
    assert early.status_code == 400 and '<a href="#decision-hearing-on">' in early.text and "is before the call-in" in early.text
    assert 'value="2000-01-01"' in early.text
    assert re.search(r'id="decision-hearing-outcome-no_further_action" name="outcome" value="no_further_action" checked', early.text)
    odd = post_form(secretary, hearing, page, on=today, outcome="quashed")
    assert odd.status_code == 400 and '<a href="#decision-hearing-outcome">' in odd.text
    assert site.command("admin", "DECISION", "GET", reference)["call_in"]["hearing_date"] is None
    done = post_form(secretary, hearing, page, on=today, outcome="no_further_action")
    assert done.status_code == 303 and done.headers["Location"] == page
    called = site.command("admin", "DECISION", "GET", reference)["call_in"]
    assert (called["hearing_date"], called["outcome"]) == (today, "no_further_action")
    assert hearing not in site.portal("osc_secretary").get(page).text, "heard, with its outcome: no form"


def test_the_decision_makers_secretary_records_a_decision_from_the_register(site):
    reference = "CAB-FORMS-2"
    html = site.portal("cabinet_secretary").get("/decisions").text
    assert ("decision-record", "/decisions") in forms_on(html)
    makers = re.search(r'<select id="decision-record-decision_maker".*?</select>', html, re.S).group(0)
    assert re.findall(r'<option value="([^"]+)"', makers) == ["CABINET"]
    for who in [None, "osc_member", "owner"]:
        assert "decision-record" not in site.portal(who).get("/decisions").text, who
    today = datetime.date.today().isoformat()
    decision = {"reference": reference, "decision_maker": "CABINET", "decided_on": today, "title": "Close the Elm Street day centre"}
    for who in [None, "osc_member", "osc_secretary", "hwbb_secretary"]:
        assert post_form(site.portal(who), "/decisions", "/signin", **decision).status_code == 403, who
    secretary = site.portal("cabinet_secretary")
    assert secretary.post("/decisions", decision).status_code == 403, "no form token"
    bad = post_form(secretary, "/decisions", "/decisions", **{**decision, "decided_on": "last Tuesday"})
    assert bad.status_code == 400 and "<title>Error:" in bad.text and '<a href="#decision-record-decided_on">' in bad.text
    assert 'value="last Tuesday"' in bad.text and ">Close the Elm Street day centre</textarea>" in bad.text
    assert reference not in [d["reference"] for d in site.command("admin", "DECISION", "LIST", "CABINET")]
    done = post_form(secretary, "/decisions", "/decisions", **decision)
    assert done.status_code == 303 and done.headers["Location"] == f"/decisions/{reference}"
    recorded = site.command("admin", "DECISION", "GET", reference)
    assert (recorded["title"], recorded["decision_maker"], recorded["decided_on"], recorded["published_on"]) == (
        "Close the Elm Street day centre", "CABINET", today, None)
    again = post_form(secretary, "/decisions", "/decisions", **decision)
    assert again.status_code == 409 and '<a href="#decision-record-reference">' in again.text and "already recorded" in again.text


# The Forward Plan: the decision maker's secretary puts a key decision on it and records the steps
# of the general exception and special urgency.

FORWARD_ADD = "/forward-plan/entries"
ENTRY = "FP-FORMS-1"
FORWARD_SET = f"/forward-plan/entries/{ENTRY}"
SET_FORM = f"forward-set-{ENTRY}"


def decision_makers(html):
    select = re.search(r'<select id="forward-add-decision_maker".*?</select>', html, re.S)
    return re.findall(r'<option value="([^"]+)"', select.group(0)) if select else []


def test_only_a_decision_makers_secretary_is_offered_the_forward_plan_entry_form(site):
    html = site.portal("cabinet_secretary").get("/forward-plan").text
    assert ("forward-add", FORWARD_ADD) in forms_on(html) and decision_makers(html) == ["CABINET"]
    assert "CABINET" not in decision_makers(site.portal("osc_secretary").get("/forward-plan").text)
    for who in [None, "osc_member", "owner"]:
        assert FORWARD_ADD not in site.portal(who).get("/forward-plan").text, who
    entry = {"reference": ENTRY, "title": "Award the home care contract", "decision_maker": "CABINET"}
    for who in [None, "osc_member", "osc_secretary", "hwbb_secretary"]:
        assert post_form(site.portal(who), FORWARD_ADD, "/signin", **entry).status_code == 403, who
    unsigned = site.portal("cabinet_secretary").post(FORWARD_ADD, entry)
    assert unsigned.status_code == 403 and "The form has expired" in unsigned.text
    assert ENTRY not in [e["reference"] for e in site.command("admin", "FORWARD", "LIST")]


def test_the_secretary_adds_an_entry_and_a_bad_paragraph_names_its_field(site):
    secretary = site.portal("cabinet_secretary")
    entry = {"reference": ENTRY, "title": "Award the home care contract", "decision_maker": "CABINET",
             "report": "Home care contract award", "owner": REPORT_OWNER, "owner_role": "Director of Adult Services"}
    bad = post_form(secretary, FORWARD_ADD, "/forward-plan", exempt="three", **entry)
    assert bad.status_code == 400 and "<title>Error:" in bad.text
    assert '<a href="#forward-add-exempt">' in bad.text and "is not a paragraph" in bad.text
    assert re.search(r'id="forward-add-exempt" name="exempt" value="three"[^>]*aria-invalid="true"', bad.text)
    assert ">Award the home care contract</textarea>" in bad.text and 'value="Home care contract award"' in bad.text
    nine = post_form(secretary, FORWARD_ADD, "/forward-plan", exempt="9", **entry)
    assert nine.status_code == 400 and '<a href="#forward-add-exempt">' in nine.text, re.findall(r'error-summary.*?</ul>', nine.text, re.S)
    nowhere = post_form(secretary, FORWARD_ADD, "/forward-plan", exempt="3", meeting="NOWHERE-2018-01-01", **entry)
    assert nowhere.status_code == 400 and '<a href="#forward-add-meeting">' in nowhere.text
    assert ENTRY not in [e["reference"] for e in site.command("admin", "FORWARD", "LIST")]
    good = post_form(secretary, FORWARD_ADD, "/forward-plan", exempt="3", **entry)
    assert good.status_code == 303 and good.headers["Location"] == f"/forward-plan#{ENTRY}"
    added = site.command("admin", "FORWARD", "GET", ENTRY)
    assert (added["title"], added["decision_maker"], added["exempt_paragraph"]) == ("Award the home care contract", "CABINET", 3)
    again = post_form(secretary, FORWARD_ADD, "/forward-plan", **entry)
    assert again.status_code == 409 and '<a href="#forward-add-reference">' in again.text


def test_the_secretary_records_the_general_exception_and_urgency_steps_on_an_entry(site):
    secretary = site.portal("cabinet_secretary")
    assert (SET_FORM, FORWARD_SET) in forms_on(secretary.get("/forward-plan").text)
    for who in [None, "osc_member", "osc_secretary"]:
        assert FORWARD_SET not in site.portal(who).get("/forward-plan").text, who
        assert post_form(site.portal(who), FORWARD_SET, "/signin", chair_informed="2017-12-01").status_code == 403, who
    assert secretary.post(FORWARD_SET, {"chair_informed": "2017-12-01"}).status_code == 403, "no form token"
    unnamed = post_form(secretary, FORWARD_SET, "/forward-plan", urgency_on="2017-12-04", chair_informed="2017-12-01")
    assert unnamed.status_code == 400 and f'<a href="#{SET_FORM}-urgency_by">' in unnamed.text
    assert re.search(rf'id="{SET_FORM}-chair_informed" name="chair_informed" value="2017-12-01"', unnamed.text)
    baddate = post_form(secretary, FORWARD_SET, "/forward-plan", exception_notice="4 Dec")
    assert baddate.status_code == 400 and f'<a href="#{SET_FORM}-exception_notice">' in baddate.text
    before = site.command("admin", "FORWARD", "GET", ENTRY)
    assert before.get("general_exception") is None and before.get("special_urgency") is None
    done = post_form(secretary, FORWARD_SET, "/forward-plan", chair_informed="2017-12-01", exception_notice="2017-12-04",
                     exception_reasons="2017-12-04")
    assert done.status_code == 303 and done.headers["Location"] == f"/forward-plan#{ENTRY}"
    urgent = post_form(secretary, FORWARD_SET, "/forward-plan", urgency_by="Chair of the Overview and Scrutiny Committee",
                       urgency_on="2017-12-05", urgency_reasons="2017-12-06")
    assert urgent.status_code == 303
    entry = site.command("admin", "FORWARD", "GET", ENTRY)
    assert entry["general_exception"] == {"chair_informed_on": "2017-12-01", "notice_published_on": "2017-12-04",
                                          "reasons_published_on": "2017-12-04"}
    assert entry["special_urgency"]["agreed_by"] == "Chair of the Overview and Scrutiny Committee"
    assert entry["special_urgency"]["agreed_on"] == "2017-12-05"
