#!/usr/bin/env python3
"""The kiosk on a machine ten times slower than a development one: the release kiosk in a
cgroup that gets 1/10 of a core (cgroup v1 cpu.cfs_quota_us 1000 per cpu.cfs_period_us
10000, or cgroup v2 cpu.max "1000 10000"), in an 80x24 pseudo-terminal. Prints, over RUNS
runs, the median and worst of:
  - the processor time each program used until its first frame, as it says on stderr at
    its end: on a busy machine the time waited varies, the processor time much less;
  - from the fork that execs it to the first full frame, for the kiosk and, in the same cgroup, for a bare ratatui
    program drawing a screen of the same kind (examples/bare_ratatui.rs);
  - the keys of a lieux search: "3" (the lieux screen), the first letter ("g": until its
    suggestions show), then "a", "p", then one-letter prefixes ("l", "s", "5", each typed on
    an empty field), each until the frame it caused is written.
The person reads the welcome PAUSE seconds (default 2) before pressing "3"; PAUSE=0 presses
at once (the worst case: what the kiosk prepares after its first frame is not ready yet).

Usage, as root (a cgroup is made and removed):
    cargo build --release && cargo build --release --example bare_ratatui
    ./target/release/borne --db DB lieux near 05000 --limit 1   # the data imported once
    benches/slow_machine.py DB [RUNS]
BORNE_BIN=path times another build of the kiosk. A key gets 5 s, a frame 20 s."""
import fcntl, os, random, re, select, signal, statistics, struct, subprocess, sys, tempfile, termios, time

db = sys.argv[1]
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
pause = float(os.environ.get("PAUSE", "2"))
here = os.path.dirname(os.path.abspath(__file__))
release = os.path.join(here, "..", "target", "release")
kiosk = os.environ.get("BORNE_BIN") or os.path.join(release, "borne")
bare = os.path.join(release, "examples", "bare_ratatui")
config = os.path.join(here, "..", "kiosk-config")
env = dict(os.environ, BORNE_NOW="2026-03-02T10:15", TERM="xterm-256color")
SHOW_CURSOR = b"\x1b[?25h"


def slow_cgroup():
    """A cgroup of 1/10 of a core: its cgroup.procs file, its directory, what it is, and the
    cgroup.procs file of the cgroup this process is in (to come back to after a spawn)."""
    name = f"borne-slow-{os.getpid()}"
    v1 = "/sys/fs/cgroup/cpu"
    if os.path.exists(os.path.join(v1, "cpu.cfs_quota_us")):
        path = os.path.join(v1, name)
        os.mkdir(path)
        with open(os.path.join(path, "cpu.cfs_period_us"), "w") as f:
            f.write("10000")
        with open(os.path.join(path, "cpu.cfs_quota_us"), "w") as f:
            f.write("1000")
        return (os.path.join(path, "cgroup.procs"), path, "v1 cpu.cfs_quota_us 1000/10000",
                home("cpu", v1))
    for root in ["/sys/fs/cgroup", "/sys/fs/cgroup/unified"]:
        controllers = os.path.join(root, "cgroup.controllers")
        if os.path.exists(controllers) and "cpu" in open(controllers).read().split():
            with open(os.path.join(root, "cgroup.subtree_control"), "w") as f:
                f.write("+cpu")
            path = os.path.join(root, name)
            os.mkdir(path)
            with open(os.path.join(path, "cpu.max"), "w") as f:
                f.write("1000 10000")
            return (os.path.join(path, "cgroup.procs"), path, "v2 cpu.max 1000 10000",
                    home("", root))
    sys.exit("no cgroup cpu controller here (v1 cpu, or v2 with cpu): run as root on Linux")


def home(controller, root):
    """The cgroup.procs file of this process's own cgroup in the hierarchy mounted at `root`
    (the one of `controller`, or the unified one for "")."""
    for line in open("/proc/self/cgroup"):
        _, controllers, path = line.rstrip("\n").split(":", 2)
        if controller in controllers.split(",") or (controller == "" and controllers == ""):
            return os.path.join(root, path.lstrip("/"), "cgroup.procs")
    return os.path.join(root, "cgroup.procs")


def spawn(argv, procs):
    """The program started in the slow cgroup: its process id, the terminal, when exec began.
    posix_spawn (a vfork) so that the processor time and page faults the program reports are
    its own from exec on: a fork of this Python process, with Python code run before the
    exec, added ~180 page faults and a millisecond to both programs and shrank their ratio.
    This process enters the cgroup for the spawn, which the child inherits, and leaves it."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    actions = [(os.POSIX_SPAWN_DUP2, slave, 0), (os.POSIX_SPAWN_DUP2, slave, 1),
               (os.POSIX_SPAWN_DUP2, errors.fileno(), 2)]
    write(procs, os.getpid())
    started = time.perf_counter()
    try:
        child = os.posix_spawn(argv[0], argv, env, file_actions=actions, setsid=True)
    finally:
        write(back, os.getpid())
    os.close(slave)
    return child, master, started


def write(path, pid):
    with open(path, "w") as f:
        f.write(str(pid))


def cpu_of_first_frame():
    """The processor time to the first frame, in ms, and the page faults taken meanwhile, as
    the program said them on stderr at its end ("first frame drawn cpu_us=N page_faults=M");
    the file is emptied for the next run."""
    errors.seek(0)
    found = re.findall(rb"first frame drawn cpu_us=(\d+) page_faults=(\d+)", errors.read())
    errors.seek(0)
    errors.truncate()
    return (int(found[-1][0]) / 1000, int(found[-1][1])) if found else (float("nan"), 0)


def read_until(master, done, seconds, what, start=None):
    """Reads the terminal until `done(seen)`; the time since `start` (now if not given), ms."""
    start, seen = start or time.perf_counter(), b""
    while not done(seen):
        ready, _, _ = select.select([master], [], [], seconds)
        if not ready:
            sys.exit(f"{what}: nothing after {seconds} s: {seen[-300:]!r}")
        seen += os.read(master, 65536)
    return (time.perf_counter() - start) * 1000


def first_frame(master, started):
    """From the fork that execs the program to its first full frame."""
    return read_until(
        master,
        lambda s: b"contraste" in s and SHOW_CURSOR in s.split(b"contraste")[-1],
        20, "first frame", started)


def key(master, text, until=None):
    """Types `text`; the time until the frame it caused (and `until` on screen) is written."""
    os.write(master, text.encode())
    if until is None:
        return read_until(master, lambda s: SHOW_CURSOR in s, 5, repr(text))
    marker = until.encode()
    return read_until(master, lambda s: marker in s and SHOW_CURSOR in s.split(marker)[-1],
                      5, repr(text))


def drain(master):
    while select.select([master], [], [], 0.2)[0]:
        os.read(master, 65536)


errors = tempfile.TemporaryFile()
procs, group, kind, back = slow_cgroup()
figures = {}
child = None


def ended(who, master):
    """Waits for the program told to end, and keeps what it said of its first frame."""
    global child
    os.waitpid(child, 0)
    child = None
    os.close(master)
    cpu, faults = cpu_of_first_frame()
    figures.setdefault(f"{who}: its CPU time", []).append(cpu)
    figures.setdefault(f"{who}: page faults", []).append(faults)


def run_bare():
    global child
    child, master, started = spawn([bare], procs)
    figures.setdefault("bare ratatui: first frame", []).append(first_frame(master, started))
    os.write(master, b"q")
    ended("bare ratatui", master)


def run_kiosk():
    global child
    child, master, started = spawn([kiosk, "--config", config, "--db", db], procs)
    figures.setdefault("kiosk: first frame", []).append(first_frame(master, started))
    time.sleep(pause)
    drain(master)
    steps = [("3", "Votre code postal"), ("g", "Guillestre"), ("a", None), ("p", None)]
    for text, until in steps:
        figures.setdefault(f"key {text!r}", []).append(key(master, text, until))
    for letter in ["l", "s", "5"]:
        key(master, "\x7f\x7f\x7f")
        drain(master)
        figures.setdefault(f"prefix {letter!r} alone", []).append(key(master, letter))
    os.kill(child, signal.SIGTERM)
    ended("kiosk", master)


# Which program goes first changes from run to run: the second of two programs spawned one
# after the other took 0.15-0.3 ms more processor time here, whichever it was.
order = random.Random(7)
try:
    for _ in range(runs):
        for run in order.sample([run_bare, run_kiosk], 2):
            run()
finally:
    if child is not None:
        os.kill(child, signal.SIGKILL)
        os.waitpid(child, 0)
    os.rmdir(group)

print(f"1/10 of a core ({kind}), {runs} runs, the person reads the welcome {pause:g} s:")
for what, times in figures.items():
    unit = "  " if "faults" in what else "ms"
    print(f"  {what:28} median {statistics.median(times):7.1f} {unit}   worst {max(times):7.1f} {unit}")
ratio = statistics.median(figures["kiosk: first frame"]) / statistics.median(
    figures["bare ratatui: first frame"])
print(f"  first frame: the kiosk takes {ratio:.2f}x the bare ratatui program")
cpu = statistics.median(figures["kiosk: its CPU time"]) / statistics.median(
    figures["bare ratatui: its CPU time"])
print(f"  processor time to the first frame: the kiosk takes {cpu:.2f}x the bare program")
# The start's functions are placed together only while their names, in .cargo/start-order.txt,
# are the binary's (benches/start_order.py writes them again after a compiler or dependency
# update).
listed = os.path.join(here, "..", ".cargo", "start-order.txt")
names = subprocess.run(["nm", "--defined-only", kiosk], capture_output=True, text=True).stdout
if os.path.exists(listed) and names:
    defined = {p[2] for p in (l.split() for l in names.splitlines()) if len(p) == 3}
    wanted = open(listed).read().split()
    found = sum(1 for n in wanted if n in defined)
    print(f"  start order: {found} of the {len(wanted)} functions listed are in the binary")
    if found < len(wanted):
        # `cargo bench` builds the binary again with the dev-dependencies' features, and so
        # under other names.
        print("  (after `cargo bench`, `cargo build --release` again; after a compiler or "
              "dependency update, benches/start_order.py DB)")
