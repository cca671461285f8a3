# shellcheck shell=bash
# Signing in to a running `convene serve` as a browser does, for the scripts that read its pages. Sourced; defines
# functions only.
#
#   convene_sign_in URL EMAIL PASSWORD JAR    the sign-in form's token, then the form; prints the session cookie's
#                                             value (empty when the sign-in failed); the cookies stay in JAR
#   convene_post_form URL PATH JAR NAME=VALUE...
#                                             posts a form as the session in JAR, with the form token of the page
#                                             at PATH

_convene_form_token() { sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' | head -1; }

convene_sign_in() {
    local url=$1 email=$2 password=$3 jar=$4 csrf
    rm -f "$jar"
    csrf=$(curl -fsS -c "$jar" "$url/sign-in" | _convene_form_token)
    curl -fsS -o /dev/null -b "$jar" -c "$jar" --data-urlencode "email=$email" --data-urlencode "password=$password" \
        --data-urlencode "csrf_token=$csrf" "$url/sign-in" || return 1
    awk '$6 == "convene-session" { print $7 }' "$jar"
}

convene_post_form() {
    local url=$1 path=$2 jar=$3 csrf field
    shift 3
    csrf=$(curl -fsS -b "$jar" "$url$path" | _convene_form_token)
    local data=(--data-urlencode "csrf_token=$csrf")
    for field in "$@"; do data+=(--data-urlencode "$field"); done
    curl -fsS -o /dev/null -b "$jar" -c "$jar" "${data[@]}" "$url$path"
}
