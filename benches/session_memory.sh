#!/usr/bin/env bash
# Needs tmux and a release build (cargo build --release). Prints VmHWM (peak RSS).
# Whole-session peak memory: start, then six lieux searches in six départements, details opened.
cd "$(dirname "$0")/.."
T=$(mktemp -d)
./target/release/borne --db $T/b.db lieux near 05000 --limit 1 >/dev/null 2>&1
T_SOCKET="borne-bench-$$"
tmux -L "$T_SOCKET" new-session -d -s k -x 80 -y 24 "BORNE_NOW=2026-03-02T10:15 ./target/release/borne --db $T/b.db"
until tmux -L "$T_SOCKET" capture-pane -t k -p 2>/dev/null | grep -q Bienvenue; do sleep 0.1; done
PID=$(tmux -L "$T_SOCKET" display -p -t k '#{pane_pid}')
echo "after start: $(grep VmHWM /proc/$PID/status)"
for cp in 05000 75011 13001 69003 97400 33000; do
  tmux -L "$T_SOCKET" send-keys -t k 3; sleep 0.3; tmux -L "$T_SOCKET" send-keys -t k "$cp"; sleep 0.4; tmux -L "$T_SOCKET" send-keys -t k Enter; sleep 0.6
  tmux -L "$T_SOCKET" send-keys -t k 1; sleep 0.4; tmux -L "$T_SOCKET" capture-pane -t k -p | sed -n 5p; tmux -L "$T_SOCKET" send-keys -t k Home; sleep 0.3
done
echo "after six searches: $(grep VmHWM /proc/$PID/status)"
tmux -L "$T_SOCKET" kill-server
