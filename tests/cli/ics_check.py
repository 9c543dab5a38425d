#!/usr/bin/python3
"""Reads a calendar written by `cursus export --format ics` with the
icalendar module, a second reader besides our own unit test, and checks
what a calendar application relies on.

Usage: ics_check.py FILE EVENTS

Prints one TAP line per check and the plan ("1..N") last. Failed checks
are "not ok" lines and the exit status stays 0, as TAP carries them; the
status is 1 only when FILE cannot be read or parsed at all, 2 on a usage
error. Without the icalendar module (Debian: python3-icalendar) the whole
plan is skipped."""

import datetime
import sys


class Tap:
    def __init__(self):
        self.n = 0

    def check(self, ok, what, why=None):
        self.n += 1
        print("%s %d - %s" % ("ok" if ok else "not ok", self.n, what))
        if not ok and why:
            print("# " + why)
        return ok

    def done(self):
        print("1..%d" % self.n)


def is_date(value):
    # datetime is a subclass of date: an all-day event must be a bare date.
    return isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)


def check_lines(tap, data):
    lines = data.split(b"\r\n")
    bad = [i + 1 for i, line in enumerate(lines[:-1]) if b"\n" in line or b"\r" in line
           or len(line) > 75]
    tap.check(data.endswith(b"\r\n") and not bad,
              "every line ends with CRLF and has at most 75 octets",
              "first bad line: %d" % bad[0] if bad else "no CRLF at the end")


def event_problems(event):
    """What is wrong with one event, as a list of words (empty when fine)."""
    start = event.get("DTSTART")
    end = event.get("DTEND")
    start = start.dt if start is not None else None
    end = end.dt if end is not None else None
    problems = []
    if not (is_date(start) and is_date(end)):
        problems.append("DTSTART %r and DTEND %r are not dates" % (start, end))
    elif not datetime.timedelta(days=1) <= end - start <= datetime.timedelta(days=7):
        problems.append("DTEND is not 1 to 7 days after DTSTART")
    elif monday(start) != monday(end - datetime.timedelta(days=1)):
        problems.append("the event runs past a Sunday")
    if event.get("DTSTAMP") is None or event.get("SUMMARY") is None:
        problems.append("no DTSTAMP or SUMMARY")
    return problems


def monday(day):
    return day - datetime.timedelta(days=day.weekday())


def event_start(event):
    start = event.get("DTSTART")
    return start.dt if start is not None and is_date(start.dt) else None


def check_calendar(tap, cal, expected):
    tap.check(cal.name == "VCALENDAR" and str(cal.get("VERSION")) == "2.0"
              and cal.get("PRODID") is not None,
              "a VCALENDAR with VERSION 2.0 and a PRODID")
    events = cal.walk("VEVENT")
    tap.check(len(events) == expected, "%d event%s" % (expected, "" if expected == 1 else "s"),
              "found %d" % len(events))
    uids = [str(e.get("UID")) for e in events]
    tap.check(None not in [e.get("UID") for e in events] and len(set(uids)) == len(uids),
              "UIDs are present and unique")
    bad = [(str(e.get("UID", "?")), p) for e in events for p in event_problems(e)]
    tap.check(not bad, "every event is all-day days of one week, with DTSTAMP and SUMMARY",
              "%s: %s" % bad[0] if bad else None)
    starts = [event_start(e) for e in events]
    steps = [monday(b) - monday(a) for a, b in zip(starts, starts[1:]) if a and b]
    tap.check(len(steps) == max(len(events) - 1, 0)
              and all(s == datetime.timedelta(days=7) for s in steps)
              and all(s.weekday() == 0 for s in starts[1:] if s),
              "events follow each other a week apart, each after the first on a Monday")


def main(argv):
    if len(argv) != 3 or not argv[2].isdigit():
        print("usage: ics_check.py FILE EVENTS", file=sys.stderr)
        return 2
    try:
        import icalendar
    except ImportError:
        print("1..0 # SKIP no icalendar module (python3-icalendar)")
        return 0
    try:
        with open(argv[1], "rb") as f:
            data = f.read()
        cal = icalendar.Calendar.from_ical(data)
    except (OSError, ValueError) as e:
        print("ics_check.py: %s: %s" % (argv[1], e), file=sys.stderr)
        return 1
    tap = Tap()
    check_lines(tap, data)
    check_calendar(tap, cal, int(argv[2]))
    tap.done()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
