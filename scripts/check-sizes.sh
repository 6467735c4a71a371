#!/usr/bin/env bash
# Enforces the file-size budget: at most 400 code lines per Swift file (comment and blank
# lines not counted). A file may exceed it only when listed in scripts/size-allowlist.txt
# with a reason; nothing may exceed 600. Generated files (*+Generated.swift) are exempt.
set -euo pipefail
cd "$(dirname "$0")/.."

status=0
while IFS= read -r f; do
  [ -f "$f" ] || continue
  case "$f" in *+Generated.swift) continue ;; esac # generated code: regenerate, don't split
  n=$(grep -cvE '^[[:space:]]*(//.*)?$' "$f" || true)
  if [ "$n" -gt 600 ]; then
    echo "check-sizes: $f has $n code lines (limit 600): split it" >&2
    status=1
  elif [ "$n" -gt 400 ] && ! grep -q "^$f " scripts/size-allowlist.txt; then
    echo "check-sizes: $f has $n code lines (budget 400): split it or list it with a reason in scripts/size-allowlist.txt" >&2
    status=1
  fi
done < <({
  git ls-files 'Sources/*.swift' 'Tests/*.swift'
  git ls-files --others --exclude-standard 'Sources/*.swift' 'Tests/*.swift'
} 2>/dev/null | sort -u)

[ $status -eq 0 ] && echo "check-sizes: ok"
exit $status
