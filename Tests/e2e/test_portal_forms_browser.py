"""The meeting page's forms in headless Chromium: each role's forms, sent without JavaScript, and an
axe-core audit (WCAG 2.2 AA) of the pages with the forms shown and with an error on them."""

import datetime

import pytest
from axe_selenium_python import Axe
from selenium.webdriver.common.by import By

from portal_support import MEETING
from test_portal_browser import AXE_SCRIPT, WCAG_22_AA, chromium, follow, sign_in
from test_portal_forms import FORM_ID, NEXT_MEETING, PEOPLE, Site


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    site = Site(tmp_path_factory.mktemp("portal-forms-browser"))
    site.command("admin", "DECISION", "RECORD", "CAB-BROWSER-1", "CABINET", datetime.date.today().isoformat(), "Open a new children's home")
    yield site
    site.daemon.stop()


@pytest.fixture
def browser(tmp_path):
    driver = chromium(tmp_path)
    yield driver
    driver.quit()


def violations(browser):
    axe = Axe(browser, script_url=AXE_SCRIPT)
    axe.inject()
    found = axe.run(options='{"runOnly": {"type": "tag", "values": %s}}' % str(WCAG_22_AA).replace("'", '"'))
    assert len(found["passes"]) > 10, "the audit ran its rules"
    return [(v["id"], [n["target"] for n in v["nodes"]]) for v in found["violations"]]


def as_user(browser, site, who):
    sign_in(browser, site.daemon.http_url, PEOPLE[who][0], site.tokens[who])


def test_the_owners_submission_form_passes_the_audit_and_its_error_links_to_the_field(site, browser):
    as_user(browser, site, "owner")
    browser.get(f"{site.daemon.http_url}/meetings/{MEETING}")
    field = browser.find_element(By.ID, f"{FORM_ID}-submit-of")
    assert browser.find_element(By.CSS_SELECTOR, f"label[for='{FORM_ID}-submit-of']").is_displayed()
    assert violations(browser) == []
    field.clear()
    field.send_keys("not an address")
    follow(browser, browser.find_element(By.ID, f"{FORM_ID}-submit-submit"))
    summary = browser.find_element(By.CSS_SELECTOR, ".error-summary")
    link = summary.find_element(By.CSS_SELECTOR, f"a[href='#{FORM_ID}-submit-of']")
    assert "is not an email address" in link.text
    assert browser.find_element(By.ID, f"{FORM_ID}-submit-of").get_attribute("value") == "not an address"
    assert browser.find_element(By.ID, f"{FORM_ID}-submit-of").get_attribute("aria-invalid") == "true"
    # The summary comes before the forms, so the keyboard reaches it first.
    order = browser.execute_script(
        "return document.querySelector('.error-summary').compareDocumentPosition(document.getElementById(arguments[0]))",
        f"{FORM_ID}-submit-of")
    assert order & 4, "the field follows the error summary"
    assert violations(browser) == []
    field = browser.find_element(By.ID, f"{FORM_ID}-submit-of")
    field.clear()
    field.send_keys("director.social.care.health@example.org")
    follow(browser, browser.find_element(By.ID, f"{FORM_ID}-submit-submit"))
    assert site.stage() == "submitted"
    assert browser.current_url.endswith(f"/meetings/{MEETING}#{FORM_ID}")


def test_the_finance_officers_form_rejects_a_bad_reference_on_the_page(site, browser):
    as_user(browser, site, "finance")
    browser.get(f"{site.daemon.http_url}/meetings/{MEETING}")
    assert violations(browser) == []
    browser.find_element(By.ID, f"{FORM_ID}-finance-reference").send_keys("FD5470")
    browser.find_element(By.ID, f"{FORM_ID}-finance-title").send_keys("Head of Corporate Resources")
    follow(browser, browser.find_element(By.ID, f"{FORM_ID}-finance-submit"))
    assert browser.find_elements(By.CSS_SELECTOR, f".error-summary a[href='#{FORM_ID}-finance-reference']")
    assert browser.find_element(By.ID, f"{FORM_ID}-finance-title").get_attribute("value") == "Head of Corporate Resources"
    assert violations(browser) == []
    assert site.stage() == "submitted"


def test_the_secretarys_pages_with_every_form_pass_the_audit(site, browser):
    as_user(browser, site, "osc_secretary")
    base = site.daemon.http_url
    browser.get(f"{base}/meetings/{MEETING}")
    assert browser.find_elements(By.CSS_SELECTOR, "form[action$='/attendance']")
    assert browser.find_elements(By.CSS_SELECTOR, "form[action$='/declarations']")
    assert violations(browser) == []
    chair = "attendance-osc-chair-example-org"
    browser.find_element(By.ID, f"{chair}-status-substitute").click()
    browser.find_element(By.ID, f"{chair}-substitute").send_keys("not an address")
    follow(browser, browser.find_element(By.ID, f"{chair}-submit"))
    assert browser.find_elements(By.CSS_SELECTOR, f".error-summary a[href='#{chair}-substitute']")
    assert violations(browser) == []
    browser.get(f"{base}/meetings/{NEXT_MEETING}")
    assert browser.find_elements(By.ID, "notice-second-representations")
    assert violations(browser) == []


def test_the_cabinet_secretarys_decision_page_passes_the_audit(site, browser):
    as_user(browser, site, "cabinet_secretary")
    browser.get(f"{site.daemon.http_url}/decisions/CAB-BROWSER-1")
    assert browser.find_elements(By.ID, "decision-publish-on")
    assert violations(browser) == []
    # Left empty, the day of publication is today.
    follow(browser, browser.find_element(By.ID, "decision-publish-submit"))
    assert site.command("admin", "DECISION", "GET", "CAB-BROWSER-1")["published_on"] == datetime.date.today().isoformat()
    assert not browser.find_elements(By.ID, "decision-publish-on")
    assert violations(browser) == []


def test_the_secretarys_minutes_forms_pass_the_audit_with_and_without_errors(site, browser):
    as_user(browser, site, "osc_secretary")
    browser.get(f"{site.daemon.http_url}/meetings/{MEETING}")
    assert browser.find_element(By.CSS_SELECTOR, "label[for='minute-text']").is_displayed()
    assert violations(browser) == []
    follow(browser, browser.find_element(By.ID, "minute-submit"))
    assert browser.find_elements(By.CSS_SELECTOR, ".error-summary a[href='#minute-text']")
    assert violations(browser) == []
    browser.find_element(By.ID, "minute-text").send_keys("The Committee considered the scorecard.")
    browser.find_element(By.ID, "minute-recommendations").click()
    follow(browser, browser.find_element(By.ID, "minute-submit"))
    assert browser.current_url.endswith(f"/meetings/{MEETING}#record-minutes-heading")
    browser.find_element(By.ID, "resolution-wording").send_keys("That the scorecard be noted")
    browser.find_element(By.ID, "resolution-for").send_keys("many")
    follow(browser, browser.find_element(By.ID, "resolution-submit"))
    assert browser.find_elements(By.CSS_SELECTOR, ".error-summary a[href='#resolution-for']")
    assert browser.find_element(By.ID, "resolution-wording").get_attribute("value") == "That the scorecard be noted"
    assert violations(browser) == []
    field = browser.find_element(By.ID, "resolution-for")
    field.clear()
    field.send_keys("5")
    browser.find_element(By.ID, "resolution-against").send_keys("0")
    follow(browser, browser.find_element(By.ID, "resolution-submit"))
    [resolution] = site.command("osc_secretary", "MINUTES", "GET", MEETING)["items"][0]["resolutions"]
    assert resolution["wording"] == "That the scorecard be noted" and resolution["vote"]["in_favour"] == 5
    amend = "amend-" + resolution["id"].replace("/", "-").replace(".", "-")
    assert browser.current_url.endswith(f"/meetings/{MEETING}#{amend}")
    assert browser.find_element(By.ID, f"{amend}-wording").get_attribute("value") == "That the scorecard be noted"
    assert violations(browser) == []


def test_the_cabinet_secretarys_forward_plan_and_register_forms_pass_the_audit(site, browser):
    as_user(browser, site, "cabinet_secretary")
    base = site.daemon.http_url
    browser.get(f"{base}/forward-plan")
    assert browser.find_element(By.CSS_SELECTOR, "label[for='forward-add-reference']").is_displayed()
    assert violations(browser) == []
    browser.find_element(By.ID, "forward-add-reference").send_keys("FP-BROWSER-1")
    browser.find_element(By.ID, "forward-add-title").send_keys("Award the home care contract")
    browser.find_element(By.ID, "forward-add-exempt").send_keys("three")
    follow(browser, browser.find_element(By.ID, "forward-add-submit"))
    assert browser.find_elements(By.CSS_SELECTOR, ".error-summary a[href='#forward-add-exempt']")
    assert browser.find_element(By.ID, "forward-add-reference").get_attribute("value") == "FP-BROWSER-1"
    assert violations(browser) == []
    field = browser.find_element(By.ID, "forward-add-exempt")
    field.clear()
    follow(browser, browser.find_element(By.ID, "forward-add-submit"))
    assert browser.current_url.endswith("/forward-plan#FP-BROWSER-1")
    assert browser.find_elements(By.ID, "forward-set-FP-BROWSER-1-urgency_by")
    assert violations(browser) == []
    browser.get(f"{base}/decisions")
    browser.find_element(By.ID, "decision-record-reference").send_keys("CAB-BROWSER-2")
    browser.find_element(By.ID, "decision-record-decided_on").send_keys("not a day")
    follow(browser, browser.find_element(By.ID, "decision-record-submit"))
    assert browser.find_elements(By.CSS_SELECTOR, ".error-summary a[href='#decision-record-decided_on']")
    assert violations(browser) == []
