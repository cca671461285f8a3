"""Checks Convene's calendar feeds with a third-party parser: Python's icalendar package.

    python Tests/calendar/check_feeds.py FILE_OR_FOLDER...   check .ics files (a folder: every .ics in it)
    python Tests/calendar/check_feeds.py --self-test         show that broken feeds are caught

A feed passes when icalendar reads it as exactly one calendar with no error recorded on any component or
property (icalendar keeps going past a bad value and only records it, so the errors are looked at here), and
when it keeps the rules RFC 5545 sets for a published feed: CRLF line endings, lines of at most 75 octets with
no character split, VERSION 2.0 and a PRODID, UID, DTSTAMP and DTSTART on every event, UID and DTSTAMP on every
to-do, no event ending before it starts, and no UID (with its RECURRENCE-ID) used twice.

Prints one line per file and 'N passed, N failed' at the end; exits non-zero when any file fails.
"""

from __future__ import annotations

import sys
from datetime import date, datetime, timezone
from pathlib import Path

import icalendar


def problems(data: bytes) -> list[str]:
    """Everything wrong with one feed; empty when it is sound."""
    found: list[str] = []
    if not data.endswith(b"\r\n"):
        found.append("the file does not end with CRLF")
    for number, line in enumerate(data.split(b"\r\n")[:-1], start=1):
        if b"\n" in line or b"\r" in line:
            found.append(f"line {number}: a line ends without CRLF")
        if len(line) > 75:
            found.append(f"line {number}: {len(line)} octets; at most 75 are allowed")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            found.append(f"line {number}: a character is split across lines, or the text is not UTF-8")
    if found:
        return found

    try:
        calendars = icalendar.Calendar.from_ical(data, multiple=True)
    except ValueError as error:
        return [f"icalendar cannot read the file: {error}"]
    if len(calendars) != 1:
        return [f"expected one VCALENDAR, found {len(calendars)}"]
    calendar = calendars[0]

    for component in calendar.walk():
        found += [f"{component.name} {name}: {message}" for name, message in component.errors]
    if str(calendar.get("VERSION", "")) != "2.0":
        found.append("VCALENDAR: VERSION is not 2.0")
    if not calendar.get("PRODID"):
        found.append("VCALENDAR: no PRODID")

    seen: set[tuple[str, str]] = set()
    for kind, required in (("VEVENT", ("UID", "DTSTAMP", "DTSTART")), ("VTODO", ("UID", "DTSTAMP"))):
        for component in calendar.walk(kind):
            uid = str(component.get("UID", ""))
            for name in required:
                if name not in component:
                    found.append(f"{kind} {uid or '(no UID)'}: no {name}")
            for name in ("DTSTAMP", "DTSTART", "DTEND", "DUE", "RECURRENCE-ID"):
                if name in component:
                    try:
                        component.decoded(name)
                    except Exception as error:  # icalendar raises several kinds
                        found.append(f"{kind} {uid}: {name} cannot be read: {error}")
            if kind == "VEVENT":
                key = (uid, str(component.get("RECURRENCE-ID", "")))
                if key in seen:
                    found.append(f"VEVENT {uid}: the UID is used twice")
                seen.add(key)
                if "DTSTART" in component and "DTEND" in component and not found:
                    if comparable(component.decoded("DTEND")) < comparable(component.decoded("DTSTART")):
                        found.append(f"VEVENT {uid}: ends before it starts")
    return found


def comparable(value: date | datetime) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    return datetime(value.year, value.month, value.day, tzinfo=timezone.utc)


def feeds(arguments: list[str]) -> list[Path]:
    paths: list[Path] = []
    for argument in arguments:
        path = Path(argument)
        paths += sorted(path.glob("*.ics")) if path.is_dir() else [path]
    return paths


GOOD = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Convene//Convene//EN\r\nBEGIN:VEVENT\r\nUID:1@convene\r\n"
    "DTSTAMP:20240301T090000Z\r\nDTSTART:20240410T090000Z\r\nDTEND:20240410T103000Z\r\nSUMMARY:Board\r\n"
    "END:VEVENT\r\nEND:VCALENDAR\r\n"
)
BROKEN = {
    "a bad date": GOOD.replace("DTSTART:20240410T090000Z", "DTSTART:2024-13-01"),
    "a line with no colon": GOOD.replace("SUMMARY:Board", "SUMMARY Board"),
    "an unterminated BEGIN": GOOD.replace("END:VEVENT\r\nEND:VCALENDAR\r\n", ""),
    "a missing DTSTAMP": GOOD.replace("DTSTAMP:20240301T090000Z\r\n", ""),
    "bare line feeds": GOOD.replace("\r\n", "\n"),
    "an unfolded long line": GOOD.replace("SUMMARY:Board", "SUMMARY:" + "Board " * 20),
    "an end before the start": GOOD.replace("DTEND:20240410T103000Z", "DTEND:20240410T080000Z"),
}


def self_test() -> int:
    failures = 0
    if problems(GOOD.encode()):
        print(f"FAIL a sound feed is refused: {problems(GOOD.encode())}")
        failures += 1
    for what, text in BROKEN.items():
        found = problems(text.encode())
        print(f"{'ok  ' if found else 'FAIL'} {what}: {found[0] if found else 'not caught'}")
        failures += 0 if found else 1
    print(f"{len(BROKEN) + 1 - failures} passed, {failures} failed")
    return 1 if failures else 0


def main(arguments: list[str]) -> int:
    if arguments == ["--self-test"]:
        return self_test()
    paths = feeds(arguments)
    if not paths:
        print("no .ics files given", file=sys.stderr)
        return 2
    failed = 0
    for path in paths:
        found = problems(path.read_bytes())
        print(f"{'ok  ' if not found else 'FAIL'} {path}")
        for problem in found:
            print(f"     {problem}")
        failed += 1 if found else 0
    print(f"{len(paths) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
