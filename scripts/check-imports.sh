#!/usr/bin/env bash
# Fails when a source file imports something its folder may not (README, "Module map"):
# repl → Lang → Runtime → Kernels, each C library used from exactly one file.
set -euo pipefail
cd "$(dirname "$0")/.."

status=0
check() { # folder, allowed-regex, description
  local folder=$1 allowed=$2
  while IFS=: read -r file _ line; do
    module=$(sed -E 's/^[[:space:]]*(@[A-Za-z_()]+[[:space:]]+)*import[[:space:]]+(class |struct |enum |func )?([A-Za-z_]+).*/\3/' <<<"$line")
    if ! grep -Eqx "$allowed" <<<"$module"; then
      echo "check-imports: $file imports $module, which $folder may not" >&2
      status=1
    fi
  done < <(grep -rnE '^[[:space:]]*(@[A-Za-z_()]+[[:space:]]+)*import[[:space:]]' "$folder" --include='*.swift' || true)
}

check Sources/Kernels 'CBLAS|CKernels|Dispatch|Synchronization|Glibc|Musl'
check Sources/Runtime 'Kernels|CGD|GRDB|Foundation|FoundationNetworking|Dispatch|Synchronization|Glibc|Musl'
check Sources/Lang 'Runtime|Foundation|Dispatch|Synchronization|Glibc|Musl'
check Sources/repl 'Lang|CEditLine|ArgumentParser|Foundation|Dispatch|Glibc|Musl'

only_in() { # module, the files allowed to import it
  local module=$1
  shift
  while IFS= read -r f; do
    [[ " $* " == *" $f "* ]] && continue
    echo "check-imports: $f imports $module; only $* may" >&2
    status=1
  done < <(grep -rlE "^[[:space:]]*import[[:space:]]+$module\b" Sources --include='*.swift' || true)
}
only_in CBLAS Sources/Kernels/BLAS/BLAS.swift
only_in CKernels Sources/Kernels/BLAS/PanelMatrix.swift Sources/Kernels/Convolution/WinogradTiling+F4x3.swift \
  Sources/Kernels/Math/VectorExp.swift Sources/Kernels/BLAS/BLAS.swift Sources/Kernels/Support/ChunkPool.swift
# libgd serves two concerns, drawing charts and decoding images: one file each.
only_in CGD Sources/Runtime/Charts/GDCanvas.swift Sources/Runtime/Images/GDImageDecoder.swift
while IFS= read -r f; do
  case "$f" in Sources/Runtime/Store/*|Sources/Runtime/Features/*) ;; *)
    echo "check-imports: $f imports GRDB; only Runtime/Store and Runtime/Features (the databases) may" >&2
    status=1 ;;
  esac
done < <(grep -rlE '^[[:space:]]*import[[:space:]]+GRDB\b' Sources --include='*.swift' || true)
only_in CEditLine Sources/repl/LineEditing/EditLineReader.swift

# Inside Lang, only Builtins/ may see Runtime.
while IFS= read -r f; do
  case "$f" in Sources/Lang/Builtins/*) ;; *)
    echo "check-imports: $f imports Runtime; inside Lang only Builtins/ may" >&2
    status=1 ;;
  esac
done < <(grep -rlE '^[[:space:]]*import[[:space:]]+Runtime\b' Sources/Lang --include='*.swift' || true)

[ $status -eq 0 ] && echo "check-imports: ok"
exit $status
