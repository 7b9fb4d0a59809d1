#!/usr/bin/env bash
# Measures, in tmux, how long the explorer takes from being started to drawing its first
# frame (the loading screen) and to showing the data, for one dataset file:
#
#     scripts/first-frame.sh big.json [runs]
#
# Each run starts `hustings FILE` in a fresh 200×50 tmux session and polls the screen every
# few milliseconds; the times include the shell starting the binary, so they are upper bounds.
# Then it presses q: quitting must work while loading. Uses target/release/hustings unless
# HUSTINGS names another binary.
set -euo pipefail
file=${1:?usage: first-frame.sh FILE [runs]}
runs=${2:-5}
bin=${HUSTINGS:-target/release/hustings}
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
session=hustings-first-frame-$$
trap 'tmux kill-session -t "$session" 2>/dev/null || true' EXIT
for run in $(seq "$runs"); do
  tmux new-session -d -s "$session" -x 200 -y 50
  sleep 0.3
  start=$(now_ms)
  tmux send-keys -t "$session" "exec $bin $file" Enter
  first='' data=''
  while [ -z "$data" ]; do
    screen=$(tmux capture-pane -p -t "$session")
    if [ -z "$first" ] && grep -q -e 'Loading' -e ' contests' <<<"$screen"; then
      first=$(( $(now_ms) - start ))
    fi
    if grep -q ' of [0-9]* contests' <<<"$screen"; then
      data=$(( $(now_ms) - start ))
    fi
    if [ $(( $(now_ms) - start )) -gt 600000 ]; then echo "timed out" >&2; exit 1; fi
    sleep 0.005
  done
  tmux send-keys -t "$session" q
  sleep 0.3
  tmux kill-session -t "$session" 2>/dev/null || true
  echo "run $run: first frame ${first} ms, data shown ${data} ms"
done
