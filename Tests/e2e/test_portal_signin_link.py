"""The emailed sign-in link, end to end: asked for on the portal, sent through the outbox to a real
SMTP server (aiosmtpd), followed, signed in; used twice or late, refused; the same answer for an
unknown address."""

import re
import time

import pytest

from portal_support import Portal, add_user, admin_connection
from receivers import start_smtp
from test_delivery import wait_until

MEMBER = "osc.member.1@example.org"
REFUSED = "osc.member.2@example.org"


@pytest.fixture
def mailbox():
    box = start_smtp()
    yield box
    box.controller.stop()


def smtp_config(mailbox):
    return (f'smtp: {{ url: "smtp://127.0.0.1:{mailbox.port}/quorum.test", from: "Quorum <quorum@example.org>", '
            'starttls: false }\n'
            'reminders: { sweep_at: "off" }\n'
            "delivery: { retry_delays_seconds: [1, 1, 1], poll_seconds: 1 }\n")


def wait_for_mail(mailbox, count, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with mailbox.lock:
            if len(mailbox.messages) >= count:
                return list(mailbox.messages)
        time.sleep(0.2)
    raise AssertionError(f"expected {count} messages, got {len(mailbox.messages)}")


def ask_for_link(portal, email):
    return portal.post("/signin/email", {"csrf": portal.csrf(), "email": email})


def link_in(message):
    text = message.get_body(preferencelist=("plain",)).get_content()
    match = re.search(r"(http://\S+/signin/link\?token=[0-9a-f]{64})", text)
    assert match, text
    return match.group(1)


def follow(portal, link):
    """Opens the emailed link (which changes nothing) and presses its button."""
    path = link[len(portal.base):]
    page = portal.get(path)
    assert page.status_code == 200, page.text
    token = re.search(r'name="token" value="([0-9a-f]{64})"', page.text).group(1)
    return portal.post("/signin/link", {"csrf": portal.csrf(path), "token": token})


def test_an_emailed_link_signs_in_once(make_daemon, mailbox):
    daemon = make_daemon(smtp_config(mailbox))
    add_user(daemon, MEMBER, "member", "OSC")
    visitor = Portal(daemon)
    assert "Email me a link" in visitor.get("/signin").text
    sent = ask_for_link(visitor, MEMBER)
    assert sent.status_code == 200 and "Check your email" in sent.text
    message = wait_for_mail(mailbox, 1)[0]
    assert message["rcpt"] == [MEMBER]
    assert "sign-in link" in message["message"]["Subject"]
    link = link_in(message["message"])
    token = link.rsplit("=", 1)[1]

    # Opening the link changes nothing: a mail scanner that follows it does not use it up.
    assert visitor.get(link[len(visitor.base):]).status_code == 200
    signed_in = follow(visitor, link)
    assert signed_in.status_code == 303 and signed_in.headers["Location"] == "/"
    assert MEMBER in visitor.get("/signout").text, "signed in as the member"

    outsider = Portal(daemon)
    again = follow(outsider, link)
    assert again.status_code == 400 and "used already" in again.text
    assert "quorum_session" not in outsider.session.cookies
    # Each request is its own link.
    ask_for_link(visitor, MEMBER)
    second = link_in(wait_for_mail(mailbox, 2)[1]["message"])
    assert second.rsplit("=", 1)[1] != token


def test_an_unknown_address_gets_the_same_answer_and_no_mail(make_daemon, mailbox):
    daemon = make_daemon(smtp_config(mailbox))
    add_user(daemon, MEMBER, "member", "OSC")
    visitor = Portal(daemon)
    unknown = ask_for_link(visitor, "nobody.here@example.org")
    known = ask_for_link(visitor, MEMBER)
    assert unknown.status_code == known.status_code == 200
    assert unknown.text.replace("nobody.here@example.org", "X") == known.text.replace(MEMBER, "X"), \
        "the page does not tell whether the address has an account"
    messages = wait_for_mail(mailbox, 1)
    time.sleep(2)
    assert [m["rcpt"] for m in mailbox.messages] == [[MEMBER]]
    bad = ask_for_link(visitor, "not an address")
    assert bad.status_code == 400 and 'aria-describedby="link-email-error"' in bad.text
    assert not visitor.post("/signin/email", {"email": MEMBER}).status_code == 200, "no CSRF token, no mail"
    assert len(messages) == 1


def test_a_link_that_is_late_or_mistyped_fails_clearly(make_daemon, mailbox, tmp_path):
    daemon = make_daemon(smtp_config(mailbox))
    add_user(daemon, MEMBER, "member", "OSC")
    visitor = Portal(daemon)
    ask_for_link(visitor, MEMBER)
    link = link_in(wait_for_mail(mailbox, 1)[0]["message"])
    # Age the link past its fifteen minutes in the store (the daemon's clock is the system's).
    import sqlite3
    db = sqlite3.connect(daemon.data_dir / "quorum.sqlite")
    rows = db.execute("SELECT expiresAt FROM signInLink").fetchall()
    assert len(rows) == 1 and token_free(db, link), "only the token's hash is stored"
    db.execute("UPDATE signInLink SET expiresAt = '2000-01-01T00:00:00Z'")
    db.commit()
    db.close()
    late = follow(visitor, link)
    assert late.status_code == 400 and "expired" in late.text and "15 minutes" in late.text
    mistyped = follow(visitor, link[:-1] + ("0" if link[-1] != "0" else "1"))
    assert mistyped.status_code == 400 and "not a sign-in link" in mistyped.text
    assert "quorum_session" not in visitor.session.cookies


def token_free(db, link):
    return not columns_holding(db, re.escape(link.rsplit("=", 1)[1]), tables=("signInLink", "portalSession"))


def columns_holding(db, pattern, tables=None):
    """Every table.column of the store whose text (or blob, read as UTF-8) matches `pattern`."""
    found = set()
    names = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for table in names if tables is None else tables:
        columns = [row[1] for row in db.execute(f'PRAGMA table_info("{table}")')]
        for row in db.execute(f'SELECT * FROM "{table}"'):
            for column, value in zip(columns, row):
                if isinstance(value, bytes):
                    value = value.decode("utf-8", "ignore")
                if isinstance(value, str) and re.search(pattern, value):
                    found.add(f"{table}.{column}")
    return found


def outbox_list(daemon):
    """OUTBOX LIST as the admin reads it: the raw reply, and its rows."""
    import json
    reply = admin_connection(daemon).command("OUTBOX", "LIST")
    return reply, json.loads(reply)


ANY_LINK = r"token=[0-9a-f]{64}"


def test_a_links_token_is_never_listed_and_leaves_the_store_once_sent_or_dead(make_daemon, mailbox):
    import sqlite3
    daemon = make_daemon(smtp_config(mailbox))
    add_user(daemon, MEMBER, "member", "OSC")
    add_user(daemon, REFUSED, "member", "OSC")
    store = sqlite3.connect(daemon.data_dir / "quorum.sqlite")
    visitor = Portal(daemon)

    # While the message waits to be sent, the outbox holds the link (it must, to send it), but
    # OUTBOX LIST never shows it.
    mailbox.slow = 2.0
    ask_for_link(visitor, MEMBER)
    waiting = store.execute("SELECT status, notice FROM outbox WHERE destination = ?", (MEMBER,)).fetchone()
    assert waiting[0] in ("pending", "sending")
    token = re.search(r"token=([0-9a-f]{64})", waiting[1]).group(1)
    reply, rows = outbox_list(daemon)
    assert [row["kind"] for row in rows] == ["signin.link"] and token not in reply

    emailed = link_in(wait_for_mail(mailbox, 1)[0]["message"])
    assert emailed.endswith(token)
    assert wait_until(lambda: outbox_list(daemon)[1][0]["status"] == "sent")
    assert not columns_holding(store, re.escape(token)), "sent: the token is nowhere in the store"
    assert token not in outbox_list(daemon)[0]

    # A message the mail server refuses goes dead, and its link with it.
    mailbox.slow = 0
    mailbox.reject.add(REFUSED)
    ask_for_link(visitor, REFUSED)
    assert wait_until(lambda: any(row["to"] == REFUSED and row["status"] == "dead" for row in outbox_list(daemon)[1]))
    assert not columns_holding(store, ANY_LINK), "dead: no link is left in the store"
    reply, rows = outbox_list(daemon)
    assert not re.search(ANY_LINK, reply)
    dead = next(row for row in rows if row["to"] == REFUSED)
    refused = admin_connection(daemon).command("OUTBOX", "RETRY", str(dead["id"]))
    assert "ask for a new one" in str(refused), "a link that is gone cannot be sent again"
    store.close()


def test_without_a_mail_server_no_link_is_offered(make_daemon):
    daemon = make_daemon()
    visitor = Portal(daemon)
    assert "Email me a link" not in visitor.get("/signin").text
    assert visitor.post("/signin/email", {"csrf": visitor.csrf(), "email": MEMBER}).status_code in (404, 405)
