"""The portal in headless Chromium: a visitor's journey, a member's sign-in, and an axe-core audit of every page type."""

import hashlib
import os
import shutil
import time
from pathlib import Path

import axe_playwright_python
import pytest
from axe_selenium_python import Axe
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from portal_support import CABINET_MEETING, EXEMPT_MARKER, MEETING, PEOPLE, PUBLIC_PHRASE, Published, part, record_meeting_life

# axe-core 4.12 (with the WCAG 2.2 rules), injected through axe-selenium-python.
AXE_SCRIPT = str(Path(axe_playwright_python.__file__).parent / "axe.min.js")
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def chromium(download_dir: Path, width=1280, height=900):
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", f"--window-size={width},{height}"]:
        options.add_argument(argument)
    options.add_experimental_option("prefs", {
        "download.default_directory": str(download_dir), "download.prompt_for_download": False,
        "plugins.always_open_pdf_externally": True,
    })
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(60)
    return driver


@pytest.fixture
def browser(tmp_path):
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    driver = chromium(downloads)
    driver.downloads = downloads
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """One daemon for the module: building packs renders PDFs, which is slow."""
    published = Published(tmp_path_factory)
    yield published
    published.stop()


@pytest.fixture
def published(site):
    return site.daemon, site.pack


def follow(driver, element):
    """Clicks a link or a form's button and waits until the page it leads to has replaced this one:
    a page read straight after a click may still be the old one."""
    element.click()

    def replaced(_):
        # Chromium reports an element of a replaced page as stale, or, when the new page is still
        # being built, as "does not belong to the document": both mean the click's page has come.
        try:
            element.is_enabled()
            return False
        except StaleElementReferenceException:
            return True
        except WebDriverException as error:
            if "does not belong to the document" in str(error):
                return True
            raise

    WebDriverWait(driver, 30).until(replaced)


def sign_in(driver, base, email, token):
    driver.get(base + "/signin")
    driver.find_element(By.ID, "email").send_keys(email)
    driver.find_element(By.ID, "token").send_keys(token)
    follow(driver, driver.find_element(By.CSS_SELECTOR, ".signin-form button[type=submit]"))
    WebDriverWait(driver, 30).until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, ".signed-in")))


def test_a_visitor_finds_the_scrutiny_meeting_downloads_its_pdf_and_searches_it(published, browser):
    daemon, pack = published
    base = daemon.http_url
    browser.get(base + "/")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Council meetings, agendas and reports"
    follow(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "Tuesday 14 November 2017"))
    assert "Tuesday 14 November 2017" in browser.find_element(By.TAG_NAME, "h1").text
    assert "Overview and Scrutiny" in browser.find_element(By.TAG_NAME, "h1").text
    agenda = browser.find_element(By.CSS_SELECTOR, "table.agenda").text
    assert "Bi-annual progress report" in agenda and "Placement commissioning contract" in agenda
    browser.find_element(By.CSS_SELECTOR, ".downloads a.download").click()
    expected = part(pack, "public", "pdf")
    target = browser.downloads / f"{MEETING}-v1-public.pdf"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not target.exists():
        time.sleep(0.2)
    assert target.exists(), f"downloaded: {list(browser.downloads.iterdir())}"
    assert hashlib.sha256(target.read_bytes()).hexdigest() == expected["sha256"]
    browser.get(base + "/")
    box = browser.find_element(By.ID, "home-q")
    box.send_keys(f'"{PUBLIC_PHRASE}"')
    box.submit()
    results = WebDriverWait(browser, 30).until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "ol.results")))
    assert "14 November 2017" in results.text
    assert browser.find_elements(By.CSS_SELECTOR, "ol.results mark")


def test_a_member_signs_in_and_reads_the_exempt_part_the_public_cannot(site, browser):
    pack = site.pack
    base = site.daemon.http_url
    browser.get(base + f"/meetings/{MEETING}")
    assert not browser.find_elements(By.CSS_SELECTOR, ".downloads li.exempt"), "the public is offered Part I only"
    sign_in(browser, base, PEOPLE["osc_member"][0], site.tokens["osc_member"])
    browser.get(base + f"/meetings/{MEETING}")
    follow(browser, browser.find_element(By.CSS_SELECTOR, ".downloads li.exempt a"))
    assert EXEMPT_MARKER in browser.find_element(By.TAG_NAME, "body").text
    browser.get(base + "/signout")
    follow(browser, browser.find_element(By.CSS_SELECTOR, "main form button"))
    assert not browser.find_elements(By.CSS_SELECTOR, ".signed-in")
    browser.get(base + f"/packs/{part(pack, 'exempt', 'html')['sha256']}.html")
    assert EXEMPT_MARKER not in browser.page_source


def audit(driver, url):
    driver.get(url)
    axe = Axe(driver, script_url=AXE_SCRIPT)
    axe.inject()
    results = axe.run(options='{"runOnly": {"type": "tag", "values": %s}}' % str(WCAG_22_AA).replace("'", '"'))
    assert results["testEngine"]["version"].startswith("4."), "an axe-core with the WCAG 2.2 rules"
    return results


def test_every_page_type_passes_an_axe_wcag_22_aa_audit(site, browser):
    daemon, pack = site.daemon, site.pack
    base = daemon.http_url
    # Minutes (approved), notices, a Forward Plan and decisions: the meeting-life pages with content.
    record_meeting_life(daemon, approve=True)
    public_pages = [
        "/", "/boards", "/boards/OSC", f"/meetings/{MEETING}", "/meetings/CABINET-2017-11-02", "/calendar?month=2017-11",
        "/search", f'/search?q="{PUBLIC_PHRASE}"', "/search?q=care&from=14/11/2017", "/signin", "/signout", "/nowhere",
        f"/packs/{part(pack, 'exempt', 'pdf')['sha256']}.pdf", "/forward-plan", f"/meetings/{CABINET_MEETING}", "/decisions",
        "/decisions/CAB-2018-05-02-1", f"/meetings/{MEETING}/minutes/exempt.html",
    ]
    failures = {}
    checked = 0
    for path in public_pages:
        results = audit(browser, base + path)
        checked += len(results["passes"])
        if results["violations"]:
            failures[path] = [(v["id"], [n["target"] for n in v["nodes"]]) for v in results["violations"]]
    # A signed-in secretary's meeting page (build warnings, unpublished versions) and a sign-in with errors.
    browser.get(base + "/signin")
    follow(browser, browser.find_element(By.CSS_SELECTOR, ".signin-form button[type=submit]"))
    results = Axe(browser, script_url=AXE_SCRIPT)
    results.inject()
    errors = results.run(options='{"runOnly": {"type": "tag", "values": %s}}' % str(WCAG_22_AA).replace("'", '"'))
    assert browser.find_elements(By.CSS_SELECTOR, ".error-summary a[href='#email']"), "the errors link to their fields"
    if errors["violations"]:
        failures["/signin (errors)"] = [v["id"] for v in errors["violations"]]
    # The emailed link's pages: the address refused, "check your email", the link's own page, a link that fails.
    browser.get(base + "/signin")
    browser.find_element(By.ID, "link-email").send_keys("not an address")
    follow(browser, browser.find_element(By.CSS_SELECTOR, "form[action='/signin/email'] button"))
    assert browser.find_elements(By.CSS_SELECTOR, ".error-summary a[href='#link-email']"), "the error links to its field"
    failures.update({"/signin (link errors)": v for v in [audit_here(browser)] if v})
    browser.find_element(By.ID, "link-email").clear()
    browser.find_element(By.ID, "link-email").send_keys("nobody@example.org")
    follow(browser, browser.find_element(By.CSS_SELECTOR, "form[action='/signin/email'] button"))
    assert "Check your email" in browser.page_source
    failures.update({"/signin/email": v for v in [audit_here(browser)] if v})
    results = audit(browser, base + "/signin/link?token=" + "0" * 64)
    if results["violations"]:
        failures["/signin/link"] = [v["id"] for v in results["violations"]]
    follow(browser, browser.find_element(By.CSS_SELECTOR, "form[action='/signin/link'] button"))
    assert "does not work" in browser.page_source
    failures.update({"/signin/link (failed)": v for v in [audit_here(browser)] if v})
    sign_in(browser, base, PEOPLE["osc_secretary"][0], site.tokens["osc_secretary"])
    for path in ["/", f"/meetings/{MEETING}", "/meetings/OSC-2018-01-09", "/forward-plan", "/decisions", "/signout"]:
        results = audit(browser, base + path)
        if results["violations"]:
            failures[f"{path} (secretary)"] = [(v["id"], [n["target"] for n in v["nodes"]]) for v in results["violations"]]
    assert checked > 100, "the audit ran its rules"
    assert failures == {}


def audit_here(browser):
    """The WCAG 2.2 AA violations of the page the browser is on (after a form was sent)."""
    results = Axe(browser, script_url=AXE_SCRIPT)
    results.inject()
    found = results.run(options='{"runOnly": {"type": "tag", "values": %s}}' % str(WCAG_22_AA).replace("'", '"'))
    return [v["id"] for v in found["violations"]]


def test_pages_reflow_at_320_pixels_without_sideways_scrolling(published, tmp_path):
    daemon, _ = published
    record_meeting_life(daemon, approve=True)
    driver = chromium(tmp_path, width=320, height=800)
    try:
        for path in ["/", "/boards", "/boards/OSC", f"/meetings/{MEETING}", "/calendar?month=2017-11", f'/search?q="{PUBLIC_PHRASE}"', "/signin",
                     "/forward-plan", f"/meetings/{CABINET_MEETING}", "/decisions", "/decisions/CAB-2018-05-02-1"]:
            driver.get(daemon.http_url + path)
            width = driver.execute_script("return document.documentElement.scrollWidth")
            viewport = driver.execute_script("return document.documentElement.clientWidth")
            assert width <= viewport, f"{path} scrolls sideways at 320px ({width} > {viewport})"
    finally:
        driver.quit()


def test_the_focus_is_visible_and_the_skip_link_comes_first(site, browser):
    browser.get(site.daemon.http_url + "/")
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys("\t")
    focused = browser.switch_to.active_element
    assert focused.get_attribute("class") == "skip-link" and focused.is_displayed()
    outline = browser.execute_script(
        "const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.boxShadow, s.backgroundColor]")
    assert outline[0] != "none" or outline[1] != "none" or outline[2] not in ("rgba(0, 0, 0, 0)", "transparent")
    focused.send_keys("\n")
    assert browser.switch_to.active_element.get_attribute("id") == "main"
