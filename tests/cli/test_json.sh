#!/bin/sh
# status --json and schedule --json: valid JSON, every key of cursus(1)'s
# JSON OUTPUT with its type, and the same figures as the text views for
# the same state (PRODUCT.md §2: one accounting, every view formats it).
. "$TOP_SRCDIR/tests/cli/lib.sh"

export CURSUS_STATE="$WORK/state/progress.yaml"
c() { run "$CURSUS" --data "$SPECS" "$@"; }
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3

# check NAME MODE [FILES...]: runs the Python check MODE on the files; an
# "ok" when it passes, else "not ok" with what it printed.
check() {
	name=$1
	shift
	if "$PY" - "$@" >"$WORK/py" 2>&1 <<'EOF'
import datetime, json, re, sys

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

def load(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if not text.endswith("}\n"):
        sys.exit("output does not end with one newline after the document")
    return json.loads(text)

def num(v): return isinstance(v, (int, float)) and not isinstance(v, bool)
def integer(v): return isinstance(v, int) and not isinstance(v, bool)
def date(v): return isinstance(v, str) and DATE.match(v) is not None
def string(v): return isinstance(v, str)
def boolean(v): return isinstance(v, bool)
def null(f): return lambda v: v is None or f(v)
def one_of(*words): return lambda v: v in words
def hundredths(v): return num(v) and abs(v * 100 - round(v * 100)) < 1e-6

VERDICT = one_of("not_started", "on_plan", "ahead", "behind", "done")
def verdict(v):
    return (isinstance(v, dict) and list(v) == ["verdict", "hours"] and
            VERDICT(v["verdict"]) and hundredths(v["hours"]))
def projection(v):
    return (isinstance(v, dict) and list(v) == ["kind", "date"] and
            one_of("plan", "pace", "none", "done")(v["kind"]) and null(date)(v["date"]) and
            (v["date"] is not None) == (v["kind"] in ("plan", "pace")))

STATUS = {
    "id": string, "title": string, "group": string,
    "option": null(lambda v: isinstance(v, str) and len(v) == 1),
    "state": one_of("not_chosen", "not_started", "in_progress", "all_done", "earned"),
    "today": date, "percent_done": integer,
    "courses_done": integer, "courses": integer,
    "modules_done": integer, "modules": integer,
    "effort_hours": hundredths, "pace_hours_per_week": hundredths,
    "plan_start": date, "plan_end": date, "plan_weeks": integer,
    "planned_to_date_hours": hundredths, "planned_by_week_end_hours": hundredths,
    "work_done_hours": hundredths, "hours_studied": hundredths,
    "work": verdict, "hours": verdict,
    "recent_pace_hours_per_week": null(hundredths),
    "projection": projection, "overloaded": boolean, "end_at_pace": null(date),
    "earned_on": null(date), "orphan_ticks": integer,
}
SLICE = {"number": integer, "hours": hundredths}
def slices(v): return isinstance(v, list) and all(keys(s, SLICE) for s in v)
WEEK = {
    "number": integer, "monday": date, "sunday": date, "first": date, "last": date,
    "month": integer, "calendar_month": integer,
    "planned_hours": hundredths, "logged_hours": hundredths,
    "when": one_of("past", "current", "future"), "courses": slices,
}
COURSE = {"number": integer, "title": string, "stated_hours": null(hundredths),
          "planned_hours": hundredths}
SCHEDULE = {
    "id": string, "title": string, "today": date,
    "effort_hours": hundredths, "pace_hours_per_week": hundredths,
    "plan_start": date, "plan_end": date, "plan_weeks": integer,
    "weeks": lambda v: isinstance(v, list) and all(keys(w, WEEK) for w in v),
    "logged_before_hours": hundredths, "logged_after_hours": hundredths,
    "courses": lambda v: isinstance(v, list) and all(keys(c, COURSE) for c in v),
    "overloaded": boolean, "end_at_pace": null(date),
}

def keys(obj, schema, where=""):
    if not isinstance(obj, dict) or list(obj) != list(schema):
        print("keys%s: %s, expected %s" % (where, list(obj) if isinstance(obj, dict) else obj,
                                            list(schema)))
        return False
    good = True
    for k, test in schema.items():
        if not test(obj[k]):
            print("%s%s: bad value %r" % (where, k, obj[k]))
            good = False
    return good

def text_hours(s):
    """"5.6 h" of the text views, as a number."""
    return float(s.rstrip(" h"))

def field(text, label):
    for line in text.splitlines():
        if line.startswith(label):
            return line[len(label):].strip()
    sys.exit("no '%s' line in the text status" % label)

def verdict_text(v):
    """The JSON verdict as the text words, with the text's hours."""
    return {"not_started": "not started", "on_plan": "on plan", "done": "all done",
            "ahead": "ahead by", "behind": "behind by"}[v["verdict"]]

def same_verdict(text, v, what):
    words = verdict_text(v)
    if not text.startswith(words):
        sys.exit("%s: text says '%s', JSON %r" % (what, text, v))
    if v["verdict"] in ("ahead", "behind"):
        # The text shows tenths, the JSON hundredths of the same figure.
        if abs(text_hours(text[len(words):].strip()) - v["hours"]) > 0.051:
            sys.exit("%s: text says '%s', JSON %r" % (what, text, v))

mode = sys.argv[1]
if mode == "status":
    if not keys(load(sys.argv[2]), STATUS):
        sys.exit(1)
elif mode == "schedule":
    if not keys(load(sys.argv[2]), SCHEDULE):
        sys.exit(1)
elif mode == "unchosen":
    doc = load(sys.argv[2])
    want = {"state": "not_chosen", "choices": [{"group": "P4", "options": ["P4-A", "P4-B"]}]}
    if doc != want or list(doc) != ["state", "choices"]:
        sys.exit("got %r" % doc)
elif mode == "same-as-text":
    doc = load(sys.argv[2])
    with open(sys.argv[3], encoding="utf-8") as f:
        text = f.read()
    done = field(text, "Done:")
    want = "%d%% of the work (courses %d/%d, modules %d/%d)" % (
        doc["percent_done"], doc["courses_done"], doc["courses"],
        doc["modules_done"], doc["modules"])
    if done != want:
        sys.exit("Done: text '%s', JSON '%s'" % (done, want))
    state = field(text, "State:")
    words = {"not_chosen": "not chosen", "not_started": "not started",
             "in_progress": "in progress", "all_done": "all modules done",
             "earned": "earned"}[doc["state"]]
    if not state.startswith(words):
        sys.exit("State: text '%s', JSON %s" % (state, doc["state"]))
    if doc["earned_on"] is not None and state != "earned on " + doc["earned_on"]:
        sys.exit("State: text '%s', JSON earned_on %s" % (state, doc["earned_on"]))
    work, wv = field(text, "Work:").split(" done: ")
    if abs(text_hours(work) - doc["work_done_hours"]) > 0.051:
        sys.exit("Work: text '%s', JSON %s" % (work, doc["work_done_hours"]))
    same_verdict(wv, doc["work"], "Work")
    hours, hv = field(text, "Hours:").split(" studied: ")
    if text_hours(hours) != doc["hours_studied"]:
        sys.exit("Hours: text '%s', JSON %s" % (hours, doc["hours_studied"]))
    same_verdict(hv, doc["hours"], "Hours")
    plan = field(text, "Plan:")
    want = "%s to %s, %d weeks" % (doc["plan_start"], doc["plan_end"], doc["plan_weeks"])
    if plan != want:
        sys.exit("Plan: text '%s', JSON '%s'" % (plan, want))
    projected = field(text, "Projected:")
    p = doc["projection"]
    if p["kind"] == "done" and projected != "-":
        sys.exit("Projected: text '%s', JSON %r" % (projected, p))
    if p["kind"] == "none" and not projected.startswith("none"):
        sys.exit("Projected: text '%s', JSON %r" % (projected, p))
    if p["date"] and not projected.startswith(p["date"]):
        sys.exit("Projected: text '%s', JSON %r" % (projected, p))
    if p["kind"] == "plan" and "the plan's end" not in projected:
        sys.exit("Projected: text '%s', JSON %r" % (projected, p))
    pace = field(text, "Pace:")
    if (doc["recent_pace_hours_per_week"] is None) != pace.startswith("plan:"):
        sys.exit("Pace: text '%s', JSON %r" % (pace, doc["recent_pace_hours_per_week"]))
    load_line = [l for l in text.splitlines() if l.startswith("Load:")]
    if doc["overloaded"] != bool(load_line):
        sys.exit("Load: text %r, JSON overloaded %r" % (load_line, doc["overloaded"]))
    if doc["overloaded"] and not load_line[0].endswith("finish on " + doc["end_at_pace"]):
        sys.exit("Load: text %r, JSON end_at_pace %r" % (load_line, doc["end_at_pace"]))
    if doc["orphan_ticks"] != 0 or "belong" in text:
        sys.exit("orphan ticks where there are none")
elif mode == "logged-adds-up":
    sched, status = load(sys.argv[2]), load(sys.argv[3])
    total = (sum(w["logged_hours"] for w in sched["weeks"]) +
             sched["logged_before_hours"] + sched["logged_after_hours"])
    if abs(total - status["hours_studied"]) > 0.005 * (len(sched["weeks"]) + 3):
        sys.exit("weeks + before + after = %s, hours_studied = %s" %
                 (total, status["hours_studied"]))
    if len(sys.argv) > 4:  # which of the outside rows should hold hours
        want = sys.argv[4]
        have = ("before" if sched["logged_before_hours"] > 0 else "") + \
               ("after" if sched["logged_after_hours"] > 0 else "")
        if have != want:
            sys.exit("hours outside the weeks: %r, expected %r" % (have, want))
elif mode == "schedule-as-model":
    sched, status = load(sys.argv[2]), load(sys.argv[3])
    for k in ("id", "title", "today", "effort_hours", "pace_hours_per_week",
              "plan_start", "plan_end", "plan_weeks", "overloaded", "end_at_pace"):
        if sched[k] != status[k]:
            sys.exit("%s: schedule %r, status %r" % (k, sched[k], status[k]))
    numbers = [c["number"] for c in sched["courses"]]
    if numbers != list(range(1, len(numbers) + 1)) or len(numbers) != status["courses"]:
        sys.exit("course numbers %r" % numbers)
    for w in sched["weeks"]:
        thursday = datetime.date.fromisoformat(w["monday"]) + datetime.timedelta(days=3)
        if w["calendar_month"] != thursday.month:
            sys.exit("week %d: calendar_month %d, its Thursday %s" %
                     (w["number"], w["calendar_month"], thursday))
        for s in w["courses"]:
            if s["number"] not in numbers:
                sys.exit("week %d plans course %d" % (w["number"], s["number"]))
    current = [w for w in sched["weeks"] if w["when"] == "current"]
    inside = sched["plan_start"] <= sched["today"] <= sched["plan_end"]
    if len(current) != (1 if inside else 0):
        sys.exit("%d current weeks" % len(current))
elif mode == "stated":
    sched = load(sys.argv[2])
    stated = [c["stated_hours"] for c in sched["courses"]]
    want = [None if h == "null" else float(h) for h in sys.argv[3].split(",")]
    if stated != want:
        sys.exit("stated hours %r, expected %r" % (stated, want))
    planned = sum(c["planned_hours"] for c in sched["courses"])
    if abs(planned - sched["effort_hours"]) > 0.01 * len(stated):
        sys.exit("planned hours add up to %s, effort %s" % (planned, sched["effort_hours"]))
elif mode == "field":
    doc = load(sys.argv[2])
    for path in sys.argv[3:]:
        key, want = path.split("=", 1)
        v = doc
        for part in key.split("."):
            v = v[int(part)] if isinstance(v, list) else v[part]
        if json.dumps(v) != want:
            sys.exit("%s is %s, expected %s" % (key, json.dumps(v), want))
else:
    sys.exit("unknown check " + mode)
EOF
	then
		ok "$name"
	else
		not_ok "$name"
		sed 's/^/# /' "$WORK/py"
	fi
}

# json_and_text NAME DATE: status --json and status at DATE, checked
# against each other; the schedule's Logged rows add up to the hours.
json_and_text() {
	c --today "$2" status --json
	expect_status "$1: status --json" 0
	expect_empty "$1: status --json" err
	cp "$WORK/out" "$WORK/status.json"
	check "$1: status --json has every key, each of its type" status "$WORK/status.json"
	c --today "$2" status
	cp "$WORK/out" "$WORK/status.txt"
	check "$1: status --json says what status says" same-as-text \
		"$WORK/status.json" "$WORK/status.txt"
	c --today "$2" schedule --json
	expect_status "$1: schedule --json" 0
	cp "$WORK/out" "$WORK/schedule.json"
	check "$1: schedule --json has every key, each of its type" schedule "$WORK/schedule.json"
	check "$1: schedule --json is the same plan" schedule-as-model \
		"$WORK/schedule.json" "$WORK/status.json"
	check "$1: weeks' logged hours add up to the hours studied" logged-adds-up \
		"$WORK/schedule.json" "$WORK/status.json" ${3-}
}

# Before any choice: the choices to make, and exit 0.
c --today 2026-11-24 status --json
expect_status "status --json before any choice" 0
check "status --json before any choice: the choices" unchosen "$WORK/out"
[ ! -e "$CURSUS_STATE" ] && ok "status --json does not create the progress file" ||
	not_ok "status --json created the progress file"
c --today 2026-11-24 schedule --json
expect_status "schedule --json before any choice" 1
expect_empty "schedule --json before any choice" out
expect_grep "schedule --json says what to do" err "no program chosen yet"

# --json goes with status and schedule only.
for cmd in list "show P4-A" compare "log 1" "tick 1" earned export check; do
	# shellcheck disable=SC2086 # the command and its arguments
	c --today 2026-11-24 $cmd --json
	expect_status "--json refused for $cmd" 1
	expect_grep "--json refused for $cmd: said why" err "json does not go with"
done
c --today 2026-11-24 --json
expect_status "--json without a command" 1
expect_grep "--json without a command: said why" err "json goes with a command"
c --today 2026-11-24 status --json extra
expect_status "status --json takes no arguments" 1

# Chosen, starting later: not started.
c --today 2026-11-24 choose P4-A --start 2026-12-07
expect_status "choose P4-A to start on 2026-12-07" 0
json_and_text "before the start" 2026-11-26
check "before the start: not started" field "$WORK/status.json" \
	'state="not_started"' 'work.verdict="not_started"' 'hours.verdict="not_started"' \
	'percent_done=0' 'hours_studied=0.0' 'option="A"' 'group="P4"' \
	'projection.kind="plan"' 'recent_pace_hours_per_week=null' 'earned_on=null' \
	'end_at_pace=null' 'overloaded=false'

# Hours before the start, then the plan moved to today: their own row.
c --today 2026-11-26 log 1.25
c --today 2026-11-30 choose P4-A --start 2026-11-30
json_and_text "hours before the start" 2026-11-30 before
check "hours before the start: in logged_before_hours" field "$WORK/schedule.json" \
	'logged_before_hours=1.25' 'weeks.0.when="current"'

# In progress: hours and ticks over two months, checked along the way.
c --today 2026-12-01 log 1h30
c --today 2026-12-02 tick 1.1
c --today 2026-12-03 log 2
json_and_text "week 1" 2026-12-03 before
check "week 1: in progress, the projection is the plan's end" field "$WORK/status.json" \
	'state="in_progress"' 'projection.kind="plan"' 'hours_studied=4.75'
for d in 2026-12-07 2026-12-09 2026-12-11 2026-12-14 2026-12-16 2026-12-21; do
	c --today "$d" log 1.5
done
c --today 2026-12-21 tick 1.2
json_and_text "week 4" 2026-12-22 before
json_and_text "week 6, nothing since" 2027-01-05 before
check "week 6: a projection at the learner's pace" field "$WORK/status.json" \
	'projection.kind="pace"'
json_and_text "week 14, nothing since" 2027-03-05 before
check "week 14: overloaded" field "$WORK/status.json" 'overloaded=true' \
	'hours.verdict="behind"' 'work.verdict="behind"'

# Locale: the decimal point whatever LC_ALL says.
run env LC_ALL=fr_FR.UTF-8 LC_NUMERIC=fr_FR.UTF-8 "$CURSUS" --data "$SPECS" --today 2026-12-22 \
	status --json
cp "$WORK/out" "$WORK/status-fr.json"
check "the decimal point in any locale" field "$WORK/status-fr.json" 'hours_studied=13.75'

# After the plan's end: hours in their own row.
c --today 2027-04-20 log 2 --date 2027-04-19
json_and_text "after the end" 2027-04-20 beforeafter
check "after the end: in logged_after_hours" field "$WORK/schedule.json" \
	'logged_after_hours=2.0' 'logged_before_hours=1.25'

# Every module ticked, then earned.
c --today 2027-04-20 tick 1
c --today 2027-04-20 tick 2
c --today 2027-04-20 tick 3
json_and_text "all done" 2027-04-20 beforeafter
check "all done: 100 %, nothing projected" field "$WORK/status.json" \
	'state="all_done"' 'percent_done=100' 'work.verdict="done"' \
	'projection={"kind": "done", "date": null}' 'recent_pace_hours_per_week=null' \
	'courses_done=3' 'modules_done=30' 'modules=30'
c --today 2027-04-21 earned --date 2027-04-21
json_and_text "earned" 2027-04-21 beforeafter
check "earned: the date" field "$WORK/status.json" 'state="earned"' \
	'earned_on="2027-04-21"'

# Course hours: stated beside planned, null where the spec gives none.
c --today 2027-04-21 schedule --json
check "P4-A: the spec's hours, scaled to the effort" stated "$WORK/out" 16.0,18.0,17.0
c --today 2027-04-21 --program P4-B schedule --json
expect_status "schedule --json of another program" 0
check "P4-B: no hours published" stated "$WORK/out" null,null,null,null,null,null,null,null,null,null
c --today 2027-04-21 --program P4-B status --json
cp "$WORK/out" "$WORK/status.json"
check "status --json of a program not chosen" status "$WORK/status.json"
check "status --json of a program not chosen: its state" field "$WORK/status.json" \
	'state="not_chosen"' 'id="P4-B"'

# On plan, with two weeks to measure: the recent pace is said (3 h each
# Monday while the work keeps up: 12 h in the 23 days since the start),
# the projection stays the plan's end.
export CURSUS_STATE="$WORK/state/on-plan.yaml"
c --today 2026-11-23 choose P4-A
for tick in 1.1:2026-11-23 1.2.1:2026-11-28 1.2.2:2026-12-03 1.2.3:2026-12-08 \
	1.3:2026-12-13; do
	c --today 2026-12-15 tick "${tick%%:*}" --date "${tick#*:}"
done
for d in 2026-11-23 2026-11-30 2026-12-07 2026-12-14; do
	c --today 2026-12-15 log 3 --date "$d"
done
json_and_text "on plan, two weeks and more" 2026-12-15
check "on plan: the recent pace measured" field "$WORK/status.json" \
	'work.verdict="on_plan"' 'projection.kind="plan"' 'recent_pace_hours_per_week=3.65'
expect_grep "on plan: the recent pace in the text" status.txt \
	"3.7 h/week studied lately (plan: 5 h/week)"

# Fewer than 4 weeks since the start: the recent pace is over all of them,
# to the day (7 h on the first day, 17 days in: 2.9 h a week), never the
# last whole weeks alone, which would leave the first day's hours out.
export CURSUS_STATE="$WORK/state/first-days.yaml"
c --today 2026-11-23 choose P4-A
c --today 2026-11-23 log 7
c --today 2026-11-23 tick 1.1
c --today 2026-12-09 status
expect_grep "the first days' hours count in the recent pace" out \
	"^Pace: *2.9 h/week studied lately"
export CURSUS_STATE="$WORK/state/no-study.yaml"
c --today 2026-11-23 choose P4-A
c --today 2026-11-23 tick 1.1
c --today 2026-12-09 status
expect_grep "no study at all: said since when" out "none: no study since the start"

done_testing
