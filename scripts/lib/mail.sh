# Real SMTP servers on 127.0.0.1 for the tests of the weekly digest: Python's aiosmtpd (in .build-venv-mail), one
# plain, one that requires STARTTLS and credentials, one with TLS from the start and credentials
# (Tests/mail/servers.py), with a certificate authority made for the run. Sourced by scripts/test.
#
#   convene_mail_start   starts them on free ports; exports CONVENE_TEST_SMTP_URL, CONVENE_TEST_SMTP_STARTTLS_URL and
#                        CONVENE_TEST_SMTPS_URL, and the Maildir each delivers into (CONVENE_TEST_MAILDIR, …_STARTTLS,
#                        …_SMTPS)
#   convene_mail_stop    stops them and removes the Maildirs and certificates

convene_mail_start() {
    local root venv requirements dir ports
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
    command -v openssl >/dev/null || convene_ensure_packages openssl
    dir=$(mktemp -d "${TMPDIR:-/tmp}/convene-mail.XXXXXX")
    CONVENE_MAIL_DIR=$dir
    # A certificate authority for this run, and the servers' certificate for 127.0.0.1 signed by it.
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Convene test CA" \
        -keyout "$dir/ca.key" -out "$dir/ca.pem" >"$dir/openssl.log" 2>&1
    openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -keyout "$dir/server.key" -out "$dir/server.csr" \
        >>"$dir/openssl.log" 2>&1
    printf 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' >"$dir/server.ext"
    openssl x509 -req -days 2 -in "$dir/server.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" -CAcreateserial \
        -extfile "$dir/server.ext" -out "$dir/server.pem" >>"$dir/openssl.log" 2>&1
    read -r -a ports < <(python3 -c '
import socket
sockets = [socket.socket() for _ in range(3)]
for s in sockets: s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in sockets))')
    "$venv/bin/python" "$root/Tests/mail/servers.py" "$dir" "$dir/server.pem" "$dir/server.key" "${ports[@]}" \
        >"$dir/servers.log" 2>&1 &
    CONVENE_MAIL_PID=$!
    for _ in $(seq 1 100); do
        if grep -q '^ready' "$dir/servers.log" 2>/dev/null; then
            export CONVENE_TEST_SMTP_URL="smtp://127.0.0.1:${ports[0]}" CONVENE_TEST_MAILDIR="$dir/plain"
            export CONVENE_TEST_SMTP_STARTTLS_URL="smtp://digest:s3cret@127.0.0.1:${ports[1]}?starttls=1&ca_file=$dir/ca.pem"
            export CONVENE_TEST_MAILDIR_STARTTLS="$dir/starttls"
            export CONVENE_TEST_SMTPS_URL="smtps://digest:s3cret@127.0.0.1:${ports[2]}?ca_file=$dir/ca.pem"
            export CONVENE_TEST_MAILDIR_SMTPS="$dir/smtps"
            echo "== SMTP servers (aiosmtpd) on 127.0.0.1:${ports[0]} (plain), :${ports[1]} (STARTTLS), :${ports[2]} (TLS) for the digest's tests"
            return 0
        fi
        if ! kill -0 "$CONVENE_MAIL_PID" 2>/dev/null; then break; fi
        sleep 0.2
    done
    echo "error: the test SMTP servers did not start; their log:" >&2
    cat "$dir/servers.log" "$dir/openssl.log" >&2
    return 1
}

convene_mail_stop() {
    if [[ -n ${CONVENE_MAIL_PID:-} ]]; then
        kill "$CONVENE_MAIL_PID" 2>/dev/null || true
        wait "$CONVENE_MAIL_PID" 2>/dev/null || true
        CONVENE_MAIL_PID=
    fi
    if [[ -n ${CONVENE_MAIL_DIR:-} ]]; then
        rm -rf "$CONVENE_MAIL_DIR"
        CONVENE_MAIL_DIR=
    fi
}
