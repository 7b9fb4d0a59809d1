#!/usr/bin/env bash
# Measures how soon the explorer draws its first frame, and that q quits while it is still
# loading, for one dataset file:
#
#     scripts/first-frame.sh big.json [runs]
#
# Each run starts `hustings FILE` in a fresh 200×50 tmux session under strace, which stamps
# the exec and every write to the terminal; the first frame is the first write of a screen's
# worth of bytes. After WAIT seconds (default 2, while a large file is still loading) it
# presses q and reports how long the process took to exit. Needs tmux and strace; uses
# target/release/hustings unless HUSTINGS names another binary.
set -euo pipefail
file=${1:?usage: first-frame.sh FILE [runs]}
runs=${2:-5}
bin=${HUSTINGS:-target/release/hustings}
wait_s=${WAIT:-2}
log=$(mktemp)
session=hustings-first-frame-$$
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -f "$log"' EXIT
for run in $(seq "$runs"); do
  tmux new-session -d -s "$session" -x 200 -y 50
  sleep 0.3
  tmux send-keys -t "$session" \
    "strace -f --seccomp-bpf -ttt -e trace=execve,write,exit_group -o $log $bin $file; exit" Enter
  sleep "$wait_s"
  loading=$(tmux capture-pane -p -t "$session" | grep -c 'Loading' || true)
  quit_at=$(date +%s.%N)
  tmux send-keys -t "$session" q
  for _ in $(seq 100); do
    grep -q 'exit_group' "$log" && break
    sleep 0.05
  done
  awk -v quit="$quit_at" -v run="$run" -v loading="$loading" '
    /execve\(/ && !start { start = $2 }
    /write\(1,/ && !first { n = $NF; if (n + 0 > 100) first = $2 }
    /exit_group/ { exit_at = $2 }
    END {
      printf "run %d: first frame %.1f ms after exec; %s; q exited the process in %.0f ms\n",
        run, (first - start) * 1000,
        (loading > 0 ? "still loading when q was pressed" : "data already shown when q was pressed"),
        (exit_at - quit) * 1000
    }' "$log"
  tmux kill-session -t "$session" 2>/dev/null || true
done
