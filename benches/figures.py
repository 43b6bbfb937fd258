#!/usr/bin/env python3
"""Runs the benchmarks, reads their figures, and says which are past their goal.

    benches/figures.py                 run every bench, print the table
    benches/figures.py places booking  only these (the ids below)
    benches/figures.py --write         also put the table in benches/README.md

The table in benches/README.md (between its two `figures` markers) is what this script wrote
last: a figure is never typed by hand, so one that regresses is seen. The exit status is 1
when a figure is past its goal, 2 when a bench could not run or its output could not be read.
Needs a release build for `start`, `memory` and `slow` (`cargo build --release`, and
`cargo build --release --example bare_ratatui`), tmux for `memory`, root for `slow`,
PostgreSQL's programs for `network` and `queue`.
"""
import datetime, os, re, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
UNITS_MS = {"ns": 1e-6, "µs": 1e-3, "us": 1e-3, "ms": 1.0, "s": 1000.0}


def divan_medians(out, name):
    """The median (ms) of each line of divan's table for the bench `name` (its arguments'
    lines under it, or its own line)."""
    medians, inside = [], False
    for line in out.splitlines():
        cells = [c.strip() for c in line.split("│")]
        label = re.sub(r"^[\s├╰│─]+", "", cells[0]).split()
        if label and label[0] == name:
            inside = True
            if len(cells) < 4 or not cells[3]:
                continue
        elif inside and label and not re.match(r"^\d+$", label[0]):
            inside = False
        if inside and len(cells) >= 4:
            m = re.match(r"([\d.]+)\s*(ns|µs|us|ms|s)$", cells[2])
            if m:
                medians.append(float(m.group(1)) * UNITS_MS[m.group(2)])
    if not medians:
        raise ValueError(f"no divan line for {name}")
    return medians


def number(out, pattern):
    m = re.search(pattern, out)
    if not m:
        raise ValueError(f"no match for /{pattern}/")
    return float(m.group(1))


def release_db():
    """A kiosk file with the national data imported once, for the start benches."""
    db = os.path.join(tempfile.mkdtemp(prefix="borne-figures"), "n.db")
    subprocess.run([os.path.join(ROOT, "target/release/borne"), "--db", db, "lieux", "near",
                    "05000", "--limit", "1"], check=True, capture_output=True)
    return db


# id: (command, [(what, how to read it, unit, goal: (≤ or ≥, value) or None)])
BENCHES = {
    "places": (["cargo", "bench", "--bench", "places"], [
        ("commune suggestion per keystroke, worst median of 100 queries",
         lambda o: max(divan_medians(o, "autocomplete_keystroke")), "ms", ("≤", 1.0)),
        ("nearest lieux of a postal code (20,000 lieux), median",
         lambda o: divan_medians(o, "nearest_lieux_for_a_postal_code")[0], "ms", ("≤", 0.5)),
        ("start to first frame, in process, median",
         lambda o: divan_medians(o, "start_to_first_frame")[0], "ms", ("≤", 5.0)),
        ("import of 20,000 generated lieux, median",
         lambda o: divan_medians(o, "import_20000_lieux")[0] / 1000, "s", None),
    ]),
    "booking": (["cargo", "bench", "--bench", "booking"], [
        ("free slots, 10 counsellors × 13 weeks, median",
         lambda o: divan_medians(o, "free_slots_10_counsellors_3_months")[0], "ms", ("≤", 5.0)),
    ]),
    "import": (["cargo", "bench", "--bench", "import_memory"], [
        ("import of 200,000 JSON lieux, time",
         lambda o: number(o, r"lieux from a .*?: ([\d.]+) s"), "s", ("≤", 10.0)),
        ("import of 200,000 JSON lieux, peak memory",
         lambda o: number(o, r"peak memory ([\d.]+) MiB"), "MiB", ("≤", 100.0)),
    ]),
    "lieux_update": (["cargo", "bench", "--bench", "lieux_update"], [
        ("national feed update, 18,000 lieux over HTTP, time",
         lambda o: number(o, r"shipped lieux: ([\d.]+) s"), "s", ("≤", 5.0)),
        ("national feed update, peak memory",
         lambda o: number(o, r"peak memory ([\d.]+) MiB"), "MiB", ("≤", 30.0)),
    ]),
    "network": (["cargo", "bench", "--bench", "network", "--", "20"], [
        ("booking attempt at 20 network kiosks, p99",
         lambda o: number(o, r"20 kiosks × \d+ attempts on \d+ slots: .*?p99 ([\d.]+) ms"),
         "ms", ("≤", 20.0)),
        ("booking attempt at 20 network kiosks, p50",
         lambda o: number(o, r"20 kiosks × \d+ attempts on \d+ slots: .*?p50 ([\d.]+) ms"),
         "ms", None),
    ]),
    "queue": (["cargo", "bench", "--bench", "queue"], [
        ("queue ticket, p99", lambda o: number(o, r"tickets: \d+ — .*?p99 ([\d.]+) ms"),
         "ms", ("≤", 20.0)),
        ("queue call, p99", lambda o: number(o, r"calls: \d+ — .*?p99 ([\d.]+) ms"),
         "ms", ("≤", 20.0)),
    ]),
    "start": (lambda: ["benches/start_pty.py", release_db(), "30"], [
        ("start to first frame, release binary in an 80×24 pty, median",
         lambda o: number(o, r"median ([\d.]+) ms"), "ms", ("≤", 5.0)),
    ]),
    "memory": (["benches/session_memory.sh"], [
        ("whole-session peak RSS, six lieux searches",
         lambda o: number(o, r"after six searches: VmHWM:\s+(\d+) kB") / 1024, "MiB",
         ("≤", 12.0)),
    ]),
    "slow": (lambda: ["benches/slow_machine.py", release_db(), "11"], [
        ("first frame on 1/10 of a core, kiosk ÷ bare ratatui",
         lambda o: number(o, r"first frame: the kiosk takes ([\d.]+)x"), "×", ("≤", 1.5)),
        ("processor time to the first frame, kiosk ÷ bare ratatui",
         lambda o: number(o, r"processor time to the first frame: the kiosk takes ([\d.]+)x"),
         "×", None),
    ]),
}


def past(value, goal):
    return goal is not None and (value > goal[1] if goal[0] == "≤" else value < goal[1])


def run(ids):
    rows, broken = [], []
    for bench in ids:
        command, figures = BENCHES[bench]
        try:
            argv = command() if callable(command) else command
            done = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True)
        except (OSError, subprocess.CalledProcessError) as e:
            broken.append(f"{bench}: {e}")
            continue
        out = done.stdout + done.stderr
        if done.returncode != 0:
            broken.append(f"{bench}: exit {done.returncode}: {out.strip()[-300:]}")
            continue
        for what, read, unit, goal in figures:
            try:
                value = read(out)
            except ValueError as e:
                broken.append(f"{bench}: {what}: {e}")
                continue
            rows.append((bench, what, value, unit, goal))
    return rows, broken


HEADER = ["| bench | what | figure | goal | | measured |", "|---|---|---|---|---|---|"]


def table_rows(rows, when):
    lines = []
    for bench, what, value, unit, goal in rows:
        goal_text = f"{goal[0]} {goal[1]:g} {unit}" if goal else "—"
        flag = "**past its goal**" if past(value, goal) else ("within" if goal else "")
        lines.append(f"| `{bench}` | {what} | {value:.3g} {unit} | {goal_text} | {flag} | {when} |")
    return lines


README = os.path.join(ROOT, "benches/README.md")
START, END = "<!-- figures: start -->", "<!-- figures: end -->"


def kept_rows(ids):
    """The README's rows of the benches not run this time, in the benches' order."""
    readme = open(README, encoding="utf-8").read()
    if START not in readme or END not in readme:
        sys.exit(f"{README}: the markers {START} and {END} are missing")
    inside = readme.split(START, 1)[1].split(END, 1)[0]
    return [l for l in inside.splitlines()
            if re.match(r"^\| `(\w+)` \|", l) and re.match(r"^\| `(\w+)` \|", l).group(1) not in ids]


def write(lines):
    readme = open(README, encoding="utf-8").read()
    head, rest = readme.split(START, 1)
    _, tail = rest.split(END, 1)
    order = list(BENCHES)
    lines = sorted(lines, key=lambda l: order.index(re.match(r"^\| `(\w+)`", l).group(1)))
    body = "\n".join(HEADER + lines)
    open(README, "w", encoding="utf-8").write(f"{head}{START}\n{body}\n{END}{tail}")


def main(args):
    writing = "--write" in args
    ids = [a for a in args if a != "--write"] or list(BENCHES)
    unknown = [i for i in ids if i not in BENCHES]
    if unknown:
        sys.exit(f"unknown bench {', '.join(unknown)}; known: {', '.join(BENCHES)}")
    kept = kept_rows(ids) if writing else []
    rows, broken = run(ids)
    when = (f"{datetime.date.today().isoformat()}, load {os.getloadavg()[0]:.1f} "
            f"on {os.cpu_count()} cores")
    lines = table_rows(rows, when)
    print("\n".join(HEADER + lines))
    for b in broken:
        print(f"not read: {b}", file=sys.stderr)
    if writing and rows:
        write(kept + lines)
    if broken:
        return 2
    return 1 if any(past(v, g) for _, _, v, _, g in rows) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
