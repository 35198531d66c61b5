#!/usr/bin/env bash
# OrderStatusFlow launcher. `./run.sh` runs the demo, `./run.sh test` the test suite, `./run.sh bench` the
# measurements (src/OrderStatusFlow.Bench); everything else is
# forwarded to the osf CLI (see README), which is exec'd so that SIGTERM/Ctrl+C reach it directly.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if ! command -v dotnet >/dev/null 2>&1; then
  echo "run.sh: the .NET 10 SDK is required (dotnet not found on PATH). Install it from your package manager or https://dot.net." >&2
  exit 1
fi

# The service and the bench run from a ReadyToRun publish in artifacts/ (compiled ahead of time: start-up and the
# first cycle spend little on the JIT; README "Performance"). Publishing is incremental: an unchanged tree costs
# about as much as a build; the first one compiles Roslyn too (under a minute on 2 cores).
publish_quietly() {
  local log
  log="$(mktemp)"
  if ! dotnet publish "$1" -c Release --use-current-runtime --self-contained false -o "$2" --nologo -v q -clp:NoSummary >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    echo "run.sh: build failed (see above)." >&2
    exit 1
  fi
  rm -f "$log"
}

cmd="${1:-demo}"
case "$cmd" in
  test)
    shift
    dotnet build OrderStatusFlow.sln -c Release --nologo -v q -clp:NoSummary
    out="$(mktemp)"
    set +e
    dotnet test OrderStatusFlow.sln -c Release --no-build --nologo "$@" 2>&1 | tee "$out"
    rc=${PIPESTATUS[0]}
    set -e
    # One closing line over all test projects: "N passed, N failed, N skipped".
    awk '/^(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { v = $(i+1); gsub(/,/, "", v);
           if ($i == "Failed:") f += v; if ($i == "Passed:") p += v; if ($i == "Skipped:") s += v } }
         END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$out"
    rm -f "$out"
    exit "$rc"
    ;;
  bench)
    # The measurement tools live in their own project (src/OrderStatusFlow.Bench), outside the product.
    shift
    publish_quietly src/OrderStatusFlow.Bench/OrderStatusFlow.Bench.csproj "$ROOT/artifacts/bench"
    exec dotnet "$ROOT/artifacts/bench/osf-bench.dll" "$@"
    ;;
  *)
    publish_quietly src/OrderStatusFlow.Service/OrderStatusFlow.Service.csproj "$ROOT/artifacts/osf"
    if [ $# -eq 0 ]; then set -- demo; fi
    exec dotnet "$ROOT/artifacts/osf/osf.dll" "$@"
    ;;
esac
