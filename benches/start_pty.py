#!/usr/bin/env python3
"""Start to first full frame of the release kiosk in an 80x24 pseudo-terminal, national data
already imported: the time from exec until the frame ends (its key bar written, the cursor
shown).
Usage: benches/start_pty.py DB [RUNS]   (run `borne --db DB lieux near 05000` once first)"""
import fcntl, os, select, signal, statistics, struct, subprocess, sys, termios, time

db = sys.argv[1]
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 20
binary = os.environ.get("BORNE_BIN") or os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "target", "release", "borne")
env = dict(os.environ, BORNE_NOW="2026-03-02T10:15", TERM="xterm-256color")
times = []
for _ in range(runs):
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    start = time.perf_counter()
    child = subprocess.Popen([binary, "--db", db], stdin=slave, stdout=slave, stderr=slave,
                             env=env, start_new_session=True)
    seen = b""
    while not (b"contraste" in seen and b"\x1b[?25h" in seen.split(b"contraste")[-1]):
        ready, _, _ = select.select([master], [], [], 5)
        if not ready:
            sys.exit(f"no frame after 5 s: {seen[-200:]!r}")
        seen += os.read(master, 65536)
    times.append((time.perf_counter() - start) * 1000)
    child.send_signal(signal.SIGTERM)
    child.wait()
    os.close(master)
    os.close(slave)
print(f"start to first frame, {runs} runs: median {statistics.median(times):.1f} ms, "
      f"min {min(times):.1f} ms, max {max(times):.1f} ms")
