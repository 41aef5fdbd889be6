"""USER REVOKE and USER ROTATE: the old token stops working at once, on connections already
signed in with it too, and no token reaches a log line or an error."""

import json
import signal

import pytest
import redis

from conftest import ReplyError

LEAD = "quality.assurance.manager@example.org"


def admin(daemon):
    connection = daemon.connect()
    assert connection.command("AUTH", "admin", daemon.admin_token) == "OK"
    return connection


def test_rotation_ends_the_old_tokens_open_connection_and_the_new_token_signs_in(daemon):
    boss = admin(daemon)
    old = boss.command("USER", "ADD", LEAD, "lead")
    lead = daemon.connect()
    assert lead.command("AUTH", LEAD, old) == "OK"
    assert json.loads(lead.command("WHOAMI"))["role"] == "lead"
    assert isinstance(lead.command("ACTION", "LIST"), str)

    new = boss.command("USER", "ROTATE", LEAD)
    assert len(new) == 64 and new != old
    # The connection opened with the old token is told so on its very next command ...
    refused = lead.command("ACTION", "LIST")
    assert isinstance(refused, ReplyError) and refused.code == "NOAUTH"
    assert "revoked or replaced" in refused and old not in refused
    # ... and is the public's from then on.
    assert json.loads(lead.command("WHOAMI"))["user"] is None
    assert lead.command("AUTH", LEAD, old).code == "WRONGPASS"
    assert lead.command("AUTH", LEAD, new) == "OK"
    assert json.loads(lead.command("WHOAMI"))["role"] == "lead"
    lead.close()
    boss.close()


def test_revocation_ends_every_connection_of_the_user_and_their_sign_in(daemon):
    boss = admin(daemon)
    token = boss.command("USER", "ADD", LEAD, "lead")
    first, second = daemon.connect(), daemon.connect()
    assert first.command("AUTH", LEAD, token) == "OK"
    # redis-py signs in with HELLO 3 AUTH on connect: the same token, another connection.
    client = redis.Redis(host="127.0.0.1", port=daemon.port, username=LEAD, password=token, decode_responses=True)
    assert json.loads(client.execute_command("WHOAMI"))["role"] == "lead"
    assert second.command("AUTH", LEAD, token) == "OK"
    pinging = daemon.connect()
    assert pinging.command("AUTH", LEAD, token) == "OK" and pinging.command("PING") == "PONG"

    assert boss.command("USER", "REVOKE", LEAD) == "OK"
    # A bare PING, answered from its bytes, is told of the revocation as any command is.
    assert pinging.command("PING").code == "NOAUTH"
    assert pinging.command("PING") == "PONG", "and is the public's from then on"
    assert first.command("ACTION", "LIST").code == "NOAUTH"
    assert second.command("ACTION", "GET", "1.1.4").code == "NOAUTH"
    with pytest.raises(redis.exceptions.AuthenticationError):
        client.execute_command("ACTION", "LIST")
    assert daemon.connect().command("AUTH", LEAD, token).code == "WRONGPASS"
    # Revoked means gone: a second revocation finds nobody, and USER ADD may add them again.
    assert boss.command("USER", "REVOKE", LEAD).code == "NOTFOUND"
    again = boss.command("USER", "ADD", LEAD, "lead")
    assert first.command("AUTH", LEAD, again) == "OK"
    # The admin's own sign-in is untouched by all this.
    assert json.loads(boss.command("WHOAMI"))["role"] == "admin"
    for connection in (first, second, boss):
        connection.close()


def test_the_admin_cannot_be_revoked_and_only_the_admin_may_revoke_or_rotate(daemon):
    boss = admin(daemon)
    refused = boss.command("USER", "REVOKE", "admin")
    assert refused.code == "BADARG" and "ROTATE" in refused
    token = boss.command("USER", "ADD", LEAD, "lead")
    lead = daemon.connect()
    assert lead.command("AUTH", LEAD, token) == "OK"
    assert lead.command("USER", "ROTATE", LEAD).code == "NOPERM"
    assert lead.command("USER", "REVOKE", LEAD).code == "NOPERM"
    assert daemon.connect().command("USER", "ROTATE", LEAD).code == "NOAUTH"
    assert boss.command("USER", "ROTATE", "nobody@example.org").code == "NOTFOUND"
    lead.close()
    boss.close()


def test_no_token_appears_in_the_log(make_daemon):
    daemon = make_daemon()
    boss = admin(daemon)
    tokens = [daemon.admin_token, boss.command("USER", "ADD", LEAD, "lead")]
    lead = daemon.connect()
    assert lead.command("AUTH", LEAD, tokens[1]) == "OK"
    tokens.append(boss.command("USER", "ROTATE", LEAD))
    lead.command("ACTION", "LIST")
    assert lead.command("AUTH", LEAD, tokens[1]).code == "WRONGPASS"
    assert boss.command("USER", "REVOKE", LEAD) == "OK"
    boss.close()
    lead.close()
    daemon.stop(signal.SIGTERM)
    log = daemon.process.stdout.read() + daemon.process.stderr.read()
    assert "user token replaced" in log and "user revoked" in log, "the log was read"
    for token in tokens:
        assert token not in log
