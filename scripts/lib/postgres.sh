# shellcheck shell=bash
# A throwaway PostgreSQL cluster for tests. Sourced; defines functions only.
#
#   convene_pg_start    creates and starts a fresh cluster in a new temp dir,
#                       listening on 127.0.0.1 only, with role convene/convene
#                       owning database convene_test. Sets and exports:
#                         CONVENE_PG_DIR      the temp dir (data, socket, log)
#                         CONVENE_PG_PORT     the TCP port on 127.0.0.1
#                         CONVENE_PG_VERSION  the server's major version
#                         CONVENE_PG_URL      postgres://convene:convene@127.0.0.1:PORT/convene_test
#   convene_pg_stop     stops it (pg_ctl stop -m fast) and removes the dir.
#                       Safe to call more than once, or with nothing started.
#   convene_pg_bindir   prints the server binaries' dir (highest version).
#
# Callers should `trap convene_pg_stop EXIT` before convene_pg_start.
# Never touches the system's own cluster or service.
#
# Knobs: CONVENE_PG_BINDIR (server binaries), CONVENE_PG_PORT_BASE (first
# port tried, default 54329), CONVENE_PG_OS_USER (when root, the OS user the
# server runs as, default postgres), CONVENE_PG_TMPDIR (default /tmp).

_convene_pg_say() { printf '%s\n' "$*" >&2; }

convene_pg_bindir() {
    if [[ -n ${CONVENE_PG_BINDIR:-} ]]; then
        printf '%s\n' "$CONVENE_PG_BINDIR"
        return 0
    fi
    local d best=''
    while IFS= read -r d; do
        [[ -x $d/initdb && -x $d/pg_ctl && -x $d/postgres && -x $d/psql ]] && best=$d
    done < <(compgen -G '/usr/lib/postgresql/*/bin' | sort -V)
    [[ -n $best ]] || return 1
    printf '%s\n' "$best"
}

# Run a command as the OS user that owns the cluster (from / so that an
# unreadable current directory, such as /root, does not bother it).
_convene_pg_as() {
    if [[ $(id -u) == 0 ]]; then
        (cd / && runuser -u "${CONVENE_PG_OS_USER:-postgres}" -- "$@")
    else
        (cd / && "$@")
    fi
}

# Is something answering on 127.0.0.1:PORT?
_convene_port_busy() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Clusters left behind by runs that died without cleaning up (their owner
# process is gone): stop them and remove their dirs.
_convene_pg_reap_stale() {
    local base=${CONVENE_PG_TMPDIR:-/tmp} d pid bindir
    bindir=$(convene_pg_bindir) || return 0
    for d in "$base"/convene-pg.*; do
        [[ -f $d/owner.pid ]] || continue
        pid=$(<"$d/owner.pid") || continue
        [[ $pid =~ ^[0-9]+$ ]] || continue
        [[ -d /proc/$pid ]] && continue
        _convene_pg_say "removing stale test cluster $d"
        if [[ -f $d/data/postmaster.pid ]]; then
            _convene_pg_as "$bindir/pg_ctl" -D "$d/data" stop -m immediate -w -t 20 >/dev/null 2>&1 || true
        fi
        rm -rf -- "$d" 2>/dev/null || true
    done
}

convene_pg_start() {
    if [[ -n ${CONVENE_PG_DIR:-} ]]; then
        _convene_pg_say "error: a test cluster is already running in $CONVENE_PG_DIR"
        return 1
    fi
    local bindir
    if ! bindir=$(convene_pg_bindir); then
        _convene_pg_say "error: no PostgreSQL server found under /usr/lib/postgresql/*/bin (Debian package: postgresql)"
        return 1
    fi
    local version
    version=$(basename "$(dirname "$bindir")")
    local os_user=${CONVENE_PG_OS_USER:-postgres}
    if [[ $(id -u) == 0 ]] && ! id -u "$os_user" >/dev/null 2>&1; then
        _convene_pg_say "error: running as root, but there is no OS user '$os_user' to run PostgreSQL as (set CONVENE_PG_OS_USER)"
        return 1
    fi

    _convene_pg_reap_stale

    local base=${CONVENE_PG_TMPDIR:-/tmp} dir
    if ! dir=$(mktemp -d "$base/convene-pg.XXXXXX") || [[ -z $dir || ! -d $dir ]]; then
        _convene_pg_say "error: could not make a temp dir under $base"
        return 1
    fi
    # From here on convene_pg_stop knows what to remove.
    export CONVENE_PG_DIR=$dir
    printf '%s\n' "$$" >"$dir/owner.pid" || return 1
    if [[ $(id -u) == 0 ]]; then
        chown "$os_user": "$dir" || return 1
    fi
    chmod 700 "$dir" || return 1

    if ! _convene_pg_as "$bindir/initdb" -D "$dir/data" -U postgres \
            --auth-local=trust --auth-host=scram-sha-256 \
            --encoding=UTF8 --no-locale --no-instructions >"$dir/initdb.log" 2>&1; then
        _convene_pg_say "error: initdb failed:"
        cat "$dir/initdb.log" >&2
        return 1
    fi
    cat >>"$dir/data/postgresql.conf" <<CONF || return 1

# Convene throwaway test cluster
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
max_connections = 600
fsync = off
synchronous_commit = off
full_page_writes = off
logging_collector = off
CONF

    local port=${CONVENE_PG_PORT_BASE:-54329} last=$(( ${CONVENE_PG_PORT_BASE:-54329} + 100 )) log started=0
    while ((port < last)); do
        if _convene_port_busy "$port"; then
            port=$((port + 1))
            continue
        fi
        log=$dir/postgres-$port.log
        if _convene_pg_as "$bindir/pg_ctl" -D "$dir/data" -l "$log" -o "-p $port" -w -t 60 start >/dev/null 2>&1; then
            started=1
            break
        fi
        if grep -qE 'could not bind|Address already in use|could not create any TCP/IP sockets' "$log" 2>/dev/null; then
            port=$((port + 1))   # lost a race for the port: try the next one
            continue
        fi
        _convene_pg_say "error: PostgreSQL did not start; its log:"
        cat "$log" >&2 2>/dev/null || true
        return 1
    done
    if ((!started)); then
        _convene_pg_say "error: found no free port on 127.0.0.1 from ${CONVENE_PG_PORT_BASE:-54329} to $((last - 1))"
        return 1
    fi
    export CONVENE_PG_PORT=$port CONVENE_PG_VERSION=$version

    if ! _convene_pg_as "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -p "$port" -U postgres -d postgres \
            -c "CREATE ROLE convene LOGIN CREATEDB PASSWORD 'convene'" \
            -c "CREATE DATABASE convene_test OWNER convene" >"$dir/setup.log" 2>&1; then
        _convene_pg_say "error: could not create role/database:"
        cat "$dir/setup.log" >&2
        return 1
    fi
    export CONVENE_PG_URL="postgres://convene:convene@127.0.0.1:$port/convene_test"
}

# For fault tests: stop the running test cluster as an outage would (fast shutdown, every connection cut), and start
# it again on the same port with its data.
convene_pg_pause() {
    local bindir
    bindir=$(convene_pg_bindir) || return 1
    _convene_pg_as "$bindir/pg_ctl" -D "$CONVENE_PG_DIR/data" -m fast -w stop >/dev/null
}

convene_pg_resume() {
    local bindir
    bindir=$(convene_pg_bindir) || return 1
    _convene_pg_as "$bindir/pg_ctl" -D "$CONVENE_PG_DIR/data" -l "$CONVENE_PG_DIR/postgres-$CONVENE_PG_PORT.log" \
        -o "-p $CONVENE_PG_PORT" -w -t 60 start >/dev/null
}

# A new empty database owned by the test role; prints its URL.
convene_pg_createdb() {
    local bindir
    bindir=$(convene_pg_bindir) || return 1
    _convene_pg_as "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$CONVENE_PG_DIR" -p "$CONVENE_PG_PORT" -U postgres \
        -d postgres -c "CREATE DATABASE $1 OWNER convene" >/dev/null || return 1
    echo "postgres://convene:convene@127.0.0.1:$CONVENE_PG_PORT/$1"
}

convene_pg_stop() {
    local dir=${CONVENE_PG_DIR:-}
    unset CONVENE_PG_DIR CONVENE_PG_PORT CONVENE_PG_URL CONVENE_PG_VERSION
    [[ -n $dir && -d $dir ]] || return 0
    # Only ever remove a dir this file made.
    [[ $(basename "$dir") == convene-pg.* ]] || return 0
    if [[ -f $dir/data/postmaster.pid ]]; then
        local bindir
        if bindir=$(convene_pg_bindir); then
            _convene_pg_as "$bindir/pg_ctl" -D "$dir/data" stop -m fast -w -t 30 >/dev/null 2>&1 ||
                _convene_pg_as "$bindir/pg_ctl" -D "$dir/data" stop -m immediate -w -t 30 >/dev/null 2>&1 || true
        fi
        if [[ -f $dir/data/postmaster.pid ]]; then
            local pid
            pid=$(head -n1 "$dir/data/postmaster.pid" 2>/dev/null || true)
            if [[ $pid =~ ^[0-9]+$ ]]; then kill -KILL "$pid" 2>/dev/null || true; fi
        fi
    fi
    rm -rf -- "$dir" || true
    return 0
}
