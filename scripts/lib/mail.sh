# A real SMTP server on 127.0.0.1 for the tests of the weekly digest: Python's aiosmtpd, in
# .build-venv-mail, delivering every message into a Maildir. Sourced by scripts/test.
#
#   convene_mail_start   starts it on a free port; exports CONVENE_TEST_SMTP_URL and CONVENE_TEST_MAILDIR
#   convene_mail_stop    stops it and removes the Maildir

convene_mail_start() {
    local root venv requirements port
    root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
    venv=$root/.build-venv-mail
    requirements=$root/Tests/mail/requirements.txt
    if [[ ! -x $venv/bin/python ]] || ! cmp -s "$requirements" "$venv/requirements.txt"; then
        convene_ensure_packages python3 python3-venv
        rm -rf "$venv"
        python3 -m venv "$venv"
        "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$requirements"
        cp "$requirements" "$venv/requirements.txt"
    fi
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    CONVENE_TEST_MAILDIR=$(mktemp -d "${TMPDIR:-/tmp}/convene-mail.XXXXXX")
    "$venv/bin/python" -m aiosmtpd -n -l "127.0.0.1:$port" -c aiosmtpd.handlers.Mailbox "$CONVENE_TEST_MAILDIR/box" \
        >"$CONVENE_TEST_MAILDIR.log" 2>&1 &
    CONVENE_MAIL_PID=$!
    for _ in $(seq 1 50); do
        if python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 1).close()" 2>/dev/null; then
            export CONVENE_TEST_SMTP_URL="smtp://127.0.0.1:$port" CONVENE_TEST_MAILDIR="$CONVENE_TEST_MAILDIR/box"
            echo "== an SMTP server (aiosmtpd) on 127.0.0.1:$port for the digest's tests"
            return 0
        fi
        sleep 0.2
    done
    echo "error: the test SMTP server did not start; its log:" >&2
    cat "$CONVENE_TEST_MAILDIR.log" >&2
    return 1
}

convene_mail_stop() {
    if [[ -n ${CONVENE_MAIL_PID:-} ]]; then
        kill "$CONVENE_MAIL_PID" 2>/dev/null || true
        wait "$CONVENE_MAIL_PID" 2>/dev/null || true
        CONVENE_MAIL_PID=
    fi
    if [[ -n ${CONVENE_TEST_MAILDIR:-} ]]; then
        rm -rf "$(dirname "$CONVENE_TEST_MAILDIR")" "$(dirname "$CONVENE_TEST_MAILDIR").log"
    fi
}
