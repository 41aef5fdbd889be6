"""A loopback SMTP sink (aiosmtpd) that keeps each message's envelope and arrival time, and the
smtplib script that is the delivery benchmark's anchor."""

import smtplib
import threading
import time

from aiosmtpd.controller import Controller

from .processes import free_port


class Sink:
    def __init__(self):
        self.messages = []
        self.lock = threading.Lock()
        self.port = free_port()
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.messages.append({"from": envelope.mail_from, "rcpt": list(envelope.rcpt_tos),
                                  "content": envelope.original_content or envelope.content,
                                  "at": time.monotonic()})
        return "250 Message accepted"

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc):
        self.controller.stop()

    def count(self) -> int:
        with self.lock:
            return len(self.messages)


def send_with_smtplib(port: int, messages) -> float:
    """Sends the same messages over one smtplib connection; returns the seconds taken."""
    began = time.monotonic()
    with smtplib.SMTP("127.0.0.1", port, local_hostname="bench.example.org", timeout=60) as client:
        for message in messages:
            client.sendmail(message["from"], message["rcpt"], message["content"])
    return time.monotonic() - began
