#!/usr/bin/env bash
# scripts/bench-startup.sh — how long `ssl` takes to reach its prompt (issue #7: under 100 ms).
#
#   scripts/bench-startup.sh                      # release build, 20 runs of each measurement
#   SSL_BIN=.build/release/ssl SSL_STARTUP_RUNS=50 scripts/bench-startup.sh
#
# Two measurements, both wall-clock from process start:
#   prompt  time until "ssl> " appears on a fresh pseudo-terminal (the REPL banner path:
#           libedit, history file, session), then `quit`;
#   inline  `ssl -e ''` to exit (flag parsing, session set-up, no terminal).
# History goes to a temporary XDG_STATE_HOME, never the user's. Prints one JSON line (for
# scripts/bench) and exits 1 when the prompt median exceeds SSL_STARTUP_BUDGET_MS (100).
# Needs python3 (standard library only); hyperfine is not needed.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
if [[ -z "${SSL_BIN:-}" ]]; then
  SCRATCH="${SSL_STARTUP_SCRATCH:-.build}"
  swift build -c release --scratch-path "$SCRATCH" --product ssl >&2
  SSL_BIN="$SCRATCH/release/ssl"
fi
[[ -x "$SSL_BIN" ]] || { echo "bench-startup: no executable at $SSL_BIN" >&2; exit 1; }

STATE="$(mktemp -d -t ssl-startup.XXXXXX)"
trap 'rm -rf "$STATE"' EXIT
SSL_BIN="$SSL_BIN" STATE="$STATE" RUNS="${SSL_STARTUP_RUNS:-20}" \
BUDGET="${SSL_STARTUP_BUDGET_MS:-100}" python3 - <<'PY'
import json, os, pty, select, statistics, subprocess, sys, time

binary, runs, budget = os.environ["SSL_BIN"], int(os.environ["RUNS"]), float(os.environ["BUDGET"])
env = dict(os.environ, XDG_STATE_HOME=os.environ["STATE"], HOME=os.environ["STATE"],
           NO_COLOR="1", TERM="dumb")

def prompt_ms():
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(binary, [binary], env)
    seen, elapsed = b"", None
    deadline = start + 10
    while elapsed is None and time.perf_counter() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready:
            try:
                seen += os.read(fd, 4096)
            except OSError:
                break
            if b"ssl> " in seen:
                elapsed = (time.perf_counter() - start) * 1000
    # `quit`, not Ctrl-D: on the first prompt the terminal may still be in canonical mode,
    # where Ctrl-D is an end-of-file marker that is lost when libedit switches modes.
    os.write(fd, b"quit\r")
    try:  # keep reading: on exit libedit restores the terminal with TCSADRAIN
        while os.read(fd, 4096):
            pass
    except OSError:
        pass
    os.waitpid(pid, 0)
    os.close(fd)
    if elapsed is None:
        sys.exit(f"bench-startup: no prompt within 10 s; output {seen!r}")
    return elapsed

def inline_ms():
    start = time.perf_counter()
    subprocess.run([binary, "-e", ""], env=env, check=True, stdin=subprocess.DEVNULL)
    return (time.perf_counter() - start) * 1000

for warm in range(2):  # page cache, dynamic loader
    prompt_ms(); inline_ms()
prompt = [prompt_ms() for _ in range(runs)]
inline = [inline_ms() for _ in range(runs)]
row = {
    "bench": "startup", "binary": binary, "runs": runs,
    "prompt_ms_median": round(statistics.median(prompt), 1),
    "prompt_ms_max": round(max(prompt), 1),
    "inline_ms_median": round(statistics.median(inline), 1),
    "budget_ms": budget,
}
print(json.dumps(row))
if row["prompt_ms_median"] > budget:
    sys.exit(f"bench-startup: prompt after {row['prompt_ms_median']} ms, "
             f"over the {budget} ms budget")
PY
