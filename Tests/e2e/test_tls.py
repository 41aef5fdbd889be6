"""TLS end to end, with a certificate the test makes and two real TLS clients: redis-cli and
openssl s_client. TLS 1.2 and 1.3 are accepted; older versions are not."""

import subprocess

import pytest
import redis

from conftest import ReplyError


@pytest.fixture
def certificate(tmp_path):
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
         "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"],
        check=True, capture_output=True)
    return cert, key


def s_client(port: int, cert, *options, data: bytes = b"PING\r\nQUIT\r\n") -> subprocess.CompletedProcess:
    return subprocess.run(
        ["openssl", "s_client", "-connect", f"127.0.0.1:{port}", "-CAfile", str(cert), "-verify_return_error",
         "-quiet", *options],
        input=data, capture_output=True, timeout=30)


def test_tls_on_its_own_port_serves_redis_cli_and_s_client_while_plain_tcp_stays(make_daemon, certificate):
    cert, key = certificate
    daemon = make_daemon(f"tls: {{ cert: {cert}, key: {key}, listen: 127.0.0.1:0 }}\n")
    assert daemon.tls_port and daemon.tls_port != daemon.port

    cli = subprocess.run(
        ["redis-cli", "--tls", "--cacert", str(cert), "-h", "127.0.0.1", "-p", str(daemon.tls_port), "PING"],
        capture_output=True, text=True, timeout=30)
    assert cli.returncode == 0 and cli.stdout.strip() == "PONG", cli
    boards = subprocess.run(
        ["redis-cli", "--tls", "--cacert", str(cert), "-h", "127.0.0.1", "-p", str(daemon.tls_port), "BOARD", "GET", "OSC"],
        capture_output=True, text=True, timeout=30)
    assert '"code"' in boards.stdout and "OSC" in boards.stdout, boards

    for version in ["-tls1_2", "-tls1_3"]:
        result = s_client(daemon.tls_port, cert, version)
        assert b"+PONG\r\n" in result.stdout, (version, result)

    # The plain port still speaks plain RESP.
    assert daemon.connect().command("PING") == "PONG"
    # A client that checks the certificate against another CA is refused.
    other = subprocess.run(
        ["redis-cli", "--tls", "-h", "127.0.0.1", "-p", str(daemon.tls_port), "PING"],
        capture_output=True, text=True, timeout=30)
    assert "PONG" not in other.stdout


def test_tls_1_1_and_1_0_are_refused(make_daemon, certificate):
    cert, key = certificate
    daemon = make_daemon(f"tls: {{ cert: {cert}, key: {key}, listen: 127.0.0.1:0 }}\n")
    for version in ["-tls1_1", "-tls1"]:
        result = s_client(daemon.tls_port, cert, version, "-cipher", "DEFAULT@SECLEVEL=0")
        assert b"PONG" not in result.stdout, (version, result)
        assert result.returncode != 0
        # The server answered the handshake with TLS's protocol_version alert (70): it was the
        # version that was refused, not the connection that failed.
        assert b"alert protocol version" in result.stderr and b"alert number 70" in result.stderr, (version, result.stderr)
    assert b"+PONG" in s_client(daemon.tls_port, cert).stdout


def test_tls_in_place_of_plain_tcp_and_redis_py_over_it(make_daemon, certificate):
    cert, key = certificate
    daemon = make_daemon(f"tls: {{ cert: {cert}, key: {key} }}\n")
    assert daemon.tls_port is None
    client = redis.Redis(host="127.0.0.1", port=daemon.port, ssl=True, ssl_ca_certs=str(cert), protocol=2,
                         socket_timeout=30)
    assert client.ping() is True
    client.execute_command("AUTH", "admin", daemon.admin_token)
    assert "admin" in client.execute_command("WHOAMI").decode()
    # Plain RESP on the TLS port gets nothing back.
    plain = daemon.connect()
    plain.sock.settimeout(3)
    plain.send_raw(b"PING\r\n")
    try:
        data = plain.sock.recv(100)
    except OSError:
        data = b""
    assert b"PONG" not in data


def test_a_key_that_is_not_a_key_stops_start_up_naming_the_file(make_daemon, certificate, tmp_path):
    cert, _ = certificate
    bogus = tmp_path / "bogus.pem"
    bogus.write_text("not a key\n")
    with pytest.raises(RuntimeError) as failure:
        make_daemon(f"tls: {{ cert: {cert}, key: {bogus} }}\n")
    assert f"tls.key: {bogus}" in str(failure.value)
