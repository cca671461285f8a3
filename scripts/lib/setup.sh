# shellcheck shell=bash
# Installing the Debian packages that Convene's scripts need.
# Sourced by scripts/test and scripts/demo; defines functions only.
#
#   convene_missing_packages PKG...            print (one per line) those not present
#   convene_ensure_packages [--optional] PKG...
#        Installs whatever is missing when we are root (apt-get update once, then
#        apt-get install, non-interactive). When not root, prints exactly what to
#        install and returns 1 (with --optional: warns and returns 0 instead).
#
# CONVENE_PRETEND_MISSING="pkg ..." makes those packages count as missing (for
# testing this file without uninstalling anything).

_CONVENE_APT_UPDATED=${_CONVENE_APT_UPDATED:-0}

_convene_say() { printf '%s\n' "$*" >&2; }

# True when PKG (or what we need from it) is already on the machine.
_convene_package_present() {
    local pkg=$1 p
    for p in ${CONVENE_PRETEND_MISSING:-}; do
        [[ $p == "$pkg" ]] && return 1
    done
    # What we actually use from a package counts, however it got there.
    case $pkg in
        graphviz)
            command -v dot >/dev/null 2>&1 && return 0 ;;
        postgresql)
            compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null && return 0 ;;
    esac
    command -v dpkg-query >/dev/null 2>&1 || return 1
    [[ $(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null) == "install ok installed" ]]
}

convene_missing_packages() {
    local pkg
    for pkg in "$@"; do
        _convene_package_present "$pkg" || printf '%s\n' "$pkg"
    done
}

convene_ensure_packages() {
    local optional=0
    if [[ ${1:-} == --optional ]]; then optional=1; shift; fi
    local missing=()
    mapfile -t missing < <(convene_missing_packages "$@")
    ((${#missing[@]} == 0)) && return 0

    if [[ $(id -u) != 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
        if ((optional)); then
            _convene_say "note: optional Debian package(s) not installed: ${missing[*]}"
            _convene_say "      (install with: sudo apt-get install -y ${missing[*]})"
            return 0
        fi
        _convene_say "error: missing Debian package(s): ${missing[*]}"
        _convene_say "       install with: sudo apt-get update && sudo apt-get install -y ${missing[*]}"
        _convene_say "       (or run this script as root and it installs them itself)"
        return 1
    fi

    _convene_say "== installing Debian package(s): ${missing[*]}"
    local ok=1
    if [[ $_CONVENE_APT_UPDATED != 1 ]]; then
        if DEBIAN_FRONTEND=noninteractive apt-get update -q; then
            _CONVENE_APT_UPDATED=1
        else
            ok=0
        fi
    fi
    if ((ok)) && ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"; then
        ok=0
    fi
    if ((ok)); then
        # Check the packages really are there now (and not pretended missing).
        local still=()
        mapfile -t still < <(CONVENE_PRETEND_MISSING='' convene_missing_packages "${missing[@]}")
        ((${#still[@]} == 0)) && return 0
        missing=("${still[@]}")
    fi
    if ((optional)); then
        _convene_say "warning: could not install optional package(s): ${missing[*]}; going on without them"
        return 0
    fi
    _convene_say "error: could not install Debian package(s): ${missing[*]}"
    return 1
}
