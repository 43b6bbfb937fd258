#!/usr/bin/env python3
"""Writes .cargo/start-order.txt: the functions of the kiosk's binary that run from exec to its
first frame, for the linker to place side by side (build.rs passes the file to lld as
--symbol-ordering-file for the release `borne` on x86_64-unknown-linux-gnu).

Why: the start runs 450 KB of code spread over 5.6 MB; the kernel maps code 64 KiB at a time,
on the first touch of each window, and the start touched 58 windows (4.5 µs a fault on the
development machine). Placed together they take 7: 48 faults and about 0.5 ms less before the
first frame.

The names are the linker's (mangled, with a hash of the crate's version and of the compiler):
after a compiler upgrade or a dependency's update, names that no longer exist are ignored and
the start slowly spreads out again; run this again then. It says how many of the listed
functions the binary still has before writing the new list.

Usage (valgrind; the release profile keeps the symbols, whose names depend on the profile):
    cargo build --release
    ./target/release/borne --db DB lieux near 05000 --limit 1   # the data, once
    benches/start_order.py DB            # then build again: the list is linked in
"""
import fcntl, os, re, select, signal, struct, subprocess, sys, tempfile, termios, time

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.join(here, "..")
db = sys.argv[1]
binary = os.path.realpath(os.path.join(root, "target", "release", "borne"))
listed = os.path.normpath(os.path.join(root, ".cargo", "start-order.txt"))
# The first thing the kiosk does after its first frame: opening its database.
AFTER_FIRST_FRAME = "_ZN5borne5store6sqlite11SqliteStore14open_unchecked*"


def defined(path):
    """The functions the binary defines, by their mangled names."""
    out = subprocess.run(["nm", "--defined-only", path], capture_output=True, text=True,
                         check=True).stdout
    return {p[2] for p in (l.split() for l in out.splitlines())
            if len(p) == 3 and p[1] in "tTwW"}


def run_until_first_frame(out):
    """The kiosk under callgrind in an 80x24 pseudo-terminal, until its first frame is drawn
    and the profile of everything before it written."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = dict(os.environ, BORNE_NOW="2026-03-02T10:15", TERM="xterm-256color")
    argv = ["valgrind", "--tool=callgrind", "--demangle=no", f"--callgrind-out-file={out}",
            f"--dump-before={AFTER_FIRST_FRAME}", binary, "--db", db,
            "--config", os.path.join(root, "kiosk-config")]
    with open(out + ".log", "wb") as log:
        child = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=log, env=env,
                                 start_new_session=True)
    os.close(slave)
    seen, deadline = b"", time.time() + 120
    while not os.path.exists(out + ".1") and time.time() < deadline:
        ready, _, _ = select.select([master], [], [], 0.5)
        if ready:
            try:
                seen += os.read(master, 65536)
            except OSError:
                break
    time.sleep(1)
    os.killpg(child.pid, signal.SIGTERM)
    child.wait()
    os.close(master)
    if not os.path.exists(out + ".1"):
        sys.exit(f"no profile before the first frame: is {AFTER_FIRST_FRAME} still a function "
                 f"of {binary}? (valgrind said: {open(out + '.log').read()[-400:]})")
    return open(out + ".1").read()


def functions_run(profile, names_defined):
    """The binary's functions in the profile, in its order, once each."""
    names, objects = {}, {}
    for kind, number, name in re.findall(r"^c?(fn|ob)=\((\d+)\) (.*)$", profile, re.M):
        (names if kind == "fn" else objects)[number] = name
    run, current = [], None
    for line in profile.splitlines():
        if m := re.match(r"^ob=\((\d+)\)", line):
            current = objects.get(m.group(1), "")
        elif (m := re.match(r"^fn=\((\d+)\)", line)) and current == os.path.realpath(binary):
            name = names[m.group(1)]
            if name in names_defined and name not in run:
                run.append(name)
    return run


names_defined = defined(binary)
if os.path.exists(listed):
    before = [l for l in open(listed).read().split() if l]
    still = sum(1 for n in before if n in names_defined)
    print(f"{listed}: {still} of its {len(before)} functions are still in {binary}")
with tempfile.TemporaryDirectory() as tmp:
    run = functions_run(run_until_first_frame(os.path.join(tmp, "callgrind.out")),
                        names_defined)
if len(run) < 100:
    sys.exit(f"only {len(run)} functions before the first frame: not written")
with open(listed, "w") as f:
    f.write("\n".join(run) + "\n")
print(f"{listed}: {len(run)} functions, from exec to the first frame")
