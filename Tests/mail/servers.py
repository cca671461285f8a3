"""The SMTP servers the weekly digest's tests send to, all on 127.0.0.1, each delivering into its own Maildir:

- plain: no TLS, no credentials;
- starttls: STARTTLS required before anything else, then AUTH PLAIN as digest / s3cret;
- smtps: TLS from the start, then AUTH PLAIN as digest / s3cret.

Usage: servers.py ROOT CERT KEY PLAIN_PORT STARTTLS_PORT SMTPS_PORT. Prints "ready" once all three answer, then
serves until it is sent SIGTERM or SIGINT.
"""

import signal
import ssl
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Mailbox
from aiosmtpd.smtp import AuthResult, LoginPassword

USER, PASSWORD = b"digest", b"s3cret"


def authenticate(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.login == USER and auth_data.password == PASSWORD
    # Not "handled": the server itself answers a refusal with 535.
    return AuthResult(success=ok, handled=False)


def main():
    root, cert, key = sys.argv[1:4]
    plain, starttls, smtps = (int(port) for port in sys.argv[4:7])
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    controllers = [
        Controller(Mailbox(f"{root}/plain"), hostname="127.0.0.1", port=plain),
        Controller(
            Mailbox(f"{root}/starttls"), hostname="127.0.0.1", port=starttls, tls_context=context,
            require_starttls=True, authenticator=authenticate, auth_required=True),
        # TLS from the start: the connection is already private, so AUTH needs no STARTTLS.
        Controller(
            Mailbox(f"{root}/smtps"), hostname="127.0.0.1", port=smtps, ssl_context=context,
            server_hostname="127.0.0.1", authenticator=authenticate, auth_required=True, auth_require_tls=False),
    ]
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    for controller in controllers:
        controller.start()
    print("ready", flush=True)
    stop.wait()
    for controller in controllers:
        controller.stop()


if __name__ == "__main__":
    main()
