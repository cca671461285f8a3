"""Compares Convene's expansion of calendar files with a third-party expander: Python's recurring-ical-events.

    python Tests/calendar/check_expansions.py FOLDER...   compare every expansion (*.json) in the folders
    python Tests/calendar/check_expansions.py --self-test show that a differing occurrence is caught

The Swift test writesCorpusExpansionsForThePythonCheck writes one JSON file per calendar of Tests/corpus/calendars
(and the two client fixtures) into $CONVENE_ICS_OUT/expansions: the file it read (`source`, relative to the
repository), the window (`from`, `to`: UTC instants), the zone Convene reads all-day events and floating times in
(`floating`: X-WR-TIMEZONE, else Europe/London), the IANA zone Convene took for each TZID the file names (`zones`),
and Convene's occurrences (`starts`: UTC instants, one per meeting, cancelled occurrences included).

recurring-ical-events expands the same file over the same window. A file passes when both give the same start
instants, as many times each. Only occurrences that start in the window count (recurring-ical-events also returns
those that began before it and run into it). All-day dates and floating times are read in the `floating` zone, as
Convene reads them. Where icalendar does not know a TZID (Outlook's older display names, such as
"(UTC-05:00) Eastern Time (US & Canada)") it leaves the time without a zone; that time is then read in the zone
Convene mapped the name to, and the check says so: the expansion and the offsets are still the third party's.

Prints one line per file and 'N passed, N failed' at the end; exits non-zero when any file fails.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from datetime import date, datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events

ROOT = Path(__file__).resolve().parents[2]


def instant(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)


def utc_text(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def zone_named(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name)
    except (ValueError, KeyError):  # ZoneInfoNotFoundError is a KeyError
        return None


def place_unknown_zones(calendar: icalendar.Calendar, zones: dict[str, str]) -> list[str]:
    """Gives a zone to the times icalendar left without one though the file names a TZID it does not know,
    the zone Convene maps that name to; says which, for the report."""
    notes: set[str] = set()
    for component in calendar.walk("VEVENT"):
        for name in ("DTSTART", "DTEND", "RECURRENCE-ID"):
            prop = component.get(name)
            tzid = prop.params.get("TZID") if prop is not None else None
            zone = zone_named(zones[tzid]) if tzid in zones else None
            if zone and isinstance(prop.dt, datetime) and prop.dt.tzinfo is None:
                placed = icalendar.vDDDTypes(prop.dt.replace(tzinfo=zone))
                component.pop(name)
                component.add(name, placed.dt)
                notes.add(f"icalendar does not know the zone '{tzid}': read in {zones[tzid]}, as Convene maps it")
    return sorted(notes)


def third_party_starts(data: bytes, start: datetime, end: datetime, floating: str, zones: dict[str, str]):
    """The start instants recurring-ical-events gives, and notes on names it could not place."""
    calendar = icalendar.Calendar.from_ical(data)
    floating_zone = ZoneInfo(floating)
    # A day either side, so that an occurrence starting in the window is found whatever the zones.
    span_start = (start.astimezone(floating_zone).replace(tzinfo=None)).date()
    span_end = (end.astimezone(floating_zone).replace(tzinfo=None)).date()
    span_start = date.fromordinal(span_start.toordinal() - 1)
    span_end = date.fromordinal(span_end.toordinal() + 2)
    notes = place_unknown_zones(calendar, zones)
    starts: list[str] = []
    for occurrence in recurring_ical_events.of(calendar).between(span_start, span_end):
        value = occurrence["DTSTART"].dt
        if isinstance(value, datetime):
            if value.tzinfo is None:
                value = value.replace(tzinfo=floating_zone)
        else:
            value = datetime(value.year, value.month, value.day, tzinfo=floating_zone)
        if start <= value < end:
            starts.append(utc_text(value))
    return starts, notes


def compare(expansion: dict, data: bytes) -> tuple[list[str], list[str]]:
    """(differences, notes) between Convene's expansion and the third party's for one file."""
    start, end = instant(expansion["from"]), instant(expansion["to"])
    theirs, notes = third_party_starts(data, start, end, expansion["floating"], expansion.get("zones", {}))
    ours = Counter(expansion["starts"])
    found = Counter(theirs)
    differences = [
        f"{when}: Convene has {ours[when]}, recurring-ical-events has {found[when]}"
        for when in sorted(set(ours) | set(found))
        if ours[when] != found[when]
    ]
    return differences, notes


def check(path: Path) -> tuple[bool, list[str]]:
    expansion = json.loads(path.read_text())
    source = ROOT / expansion["source"]
    differences, notes = compare(expansion, source.read_bytes())
    lines = [f"note: {note}" for note in notes]
    if differences:
        lines += differences[:20] + ([f"… and {len(differences) - 20} more"] if len(differences) > 20 else [])
    return not differences, [f"{expansion['source']}: {len(expansion['starts'])} occurrences"] + lines


SELF_TEST_CALENDAR = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Convene//self-test//EN\r\nBEGIN:VEVENT\r\nUID:board@example\r\n"
    "DTSTAMP:20260101T000000Z\r\nDTSTART;TZID=Europe/London:20260305T100000\r\n"
    "DTEND;TZID=Europe/London:20260305T110000\r\nRRULE:FREQ=WEEKLY;COUNT=5\r\nSUMMARY:Board\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:board@example\r\nDTSTAMP:20260101T000000Z\r\n"
    "RECURRENCE-ID;TZID=Europe/London:20260319T100000\r\nDTSTART;TZID=Europe/London:20260320T140000\r\n"
    "DTEND;TZID=Europe/London:20260320T150000\r\nSUMMARY:Board (moved)\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)
# The clocks go forward on 29 March 2026: 10:00 in London is 09:00 UTC from then on.
SELF_TEST_RIGHT = [
    "2026-03-05T10:00:00Z", "2026-03-12T10:00:00Z", "2026-03-20T14:00:00Z", "2026-03-26T10:00:00Z",
    "2026-04-02T09:00:00Z",
]
SELF_TEST_WRONG = {
    "an occurrence an hour out (London's clock change missed)": SELF_TEST_RIGHT[:4] + ["2026-04-02T10:00:00Z"],
    "a moved occurrence also kept at its old time": SELF_TEST_RIGHT + ["2026-03-19T10:00:00Z"],
    "an occurrence missing": SELF_TEST_RIGHT[:4],
    "the same occurrence twice": SELF_TEST_RIGHT + SELF_TEST_RIGHT[-1:],
}


def self_test() -> int:
    def expansion(starts: list[str]) -> dict:
        return {"from": "2026-01-01T00:00:00Z", "to": "2027-01-01T00:00:00Z", "floating": "Europe/London",
                "starts": starts}

    failures = 0
    differences, _ = compare(expansion(SELF_TEST_RIGHT), SELF_TEST_CALENDAR.encode())
    print(f"{'ok  ' if not differences else 'FAIL'} the right occurrences pass: {differences or 'no difference'}")
    failures += 1 if differences else 0
    for what, starts in SELF_TEST_WRONG.items():
        differences, _ = compare(expansion(starts), SELF_TEST_CALENDAR.encode())
        print(f"{'ok  ' if differences else 'FAIL'} {what}: {differences[0] if differences else 'not caught'}")
        failures += 0 if differences else 1
    print(f"{len(SELF_TEST_WRONG) + 1 - failures} passed, {failures} failed")
    return 1 if failures else 0


def main(arguments: list[str]) -> int:
    if arguments == ["--self-test"]:
        return self_test()
    paths = sorted(p for argument in arguments for p in Path(argument).glob("*.json"))
    if not paths:
        print("no expansions (*.json) found", file=sys.stderr)
        return 2
    failed = 0
    for path in paths:
        passed, lines = check(path)
        print(f"{'ok  ' if passed else 'FAIL'} {lines[0]}")
        for line in lines[1:]:
            print(f"     {line}")
        failed += 0 if passed else 1
    print(f"{len(paths) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
