#!/usr/bin/env bash
# Start-up benchmark of the packaged tool: median wall time and peak RSS over RUNS runs (after one
# warm-up) of
#   floor      java running an empty main, with the launcher's JVM flags (nothing can be faster)
#   version    ecs-image --version
#   noarchive  the same without the launcher's class-data archive (what the archive brings)
#   help       ecs-image --help (builds and renders the whole command model)
#   status     ecs-image status of one image against a local `ecs-image sandbox serve`
# and each one's ratio to the floor.
#
# Usage:   mvn -B -q package -DskipTests && src/bench/startup.sh [RUNS]      (RUNS default 10)
# Another JVM: JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 src/bench/startup.sh
#   (make its archive first: JAVA_HOME=... ECS_IMAGE_CDS_CREATE=1 target/ecs-image)
# Peak RSS needs GNU time (/usr/bin/time; Debian: apt-get install time); without it RSS shows n/a.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-10}
launcher=target/ecs-image
[ -x "$launcher" ] || { echo "no $launcher: run 'mvn -B -q package -DskipTests' first" >&2; exit 1; }
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
gnu_time=
if /usr/bin/time -f %M true >/dev/null 2>&1; then gnu_time=/usr/bin/time; fi

work=$(mktemp -d)
sandbox_pid=
cleanup() {
  if [ -n "$sandbox_pid" ]; then kill "$sandbox_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# One run: prints "<wall ms> <peak RSS KiB or n/a>".
measure() {
  local start end rss=n/a
  start=$(date +%s%N)
  if [ -n "$gnu_time" ]; then
    "$gnu_time" -f %M -o "$work/rss" "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; return 1; }
    rss=$(tail -1 "$work/rss")
  else
    "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; return 1; }
  fi
  end=$(date +%s%N)
  echo "$(( (end - start) / 1000000 )) $rss"
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

# bench LEG...: a warm-up of each, then RUNS rounds that run each leg once (so a change in the
# machine's load hits all legs alike), then one line per leg. A leg NAME runs the array cmd_NAME.
bench() {
  local leg floor_ms=
  for leg in "$@"; do
    local -n cmd="cmd_$leg"
    measure "${cmd[@]}" >/dev/null
    : > "$work/$leg"
  done
  for _ in $(seq "$runs"); do
    for leg in "$@"; do
      local -n cmd="cmd_$leg"
      measure "${cmd[@]}" >> "$work/$leg"
    done
  done
  printf '%-10s %11s %14s %8s\n' leg wall "peak RSS" "/floor"
  for leg in "$@"; do
    local ms rss ratio
    ms=$(cut -d' ' -f1 "$work/$leg" | median)
    rss=$(cut -d' ' -f2 "$work/$leg" | { if [ -n "$gnu_time" ]; then median | awk '{ printf "%.1f", $1 / 1024 }'; else echo n/a; fi; })
    [ -n "$floor_ms" ] || floor_ms=$ms
    ratio=$(awk -v a="$ms" -v b="$floor_ms" 'BEGIN { printf "%.2f", a / b }')
    printf '%-10s %8s ms %10s MiB %7sx\n' "$leg" "$ms" "$rss" "$ratio"
  done
}

# The floor: an empty main, compiled here, with the flags the launcher gives the JVM.
mkdir -p "$work/empty"
printf 'public class Empty { public static void main(String[] a) {} }\n' > "$work/empty/Empty.java"
"${JAVA_HOME:+$JAVA_HOME/bin/}javac" -d "$work/empty" "$work/empty/Empty.java"

echo "$("$java" -version 2>&1 | head -1); $runs runs each after a warm-up; median wall time, median peak RSS"
archive=$(ls target/ecs-image.jsa target/ecs-image.aot 2>/dev/null | tr '\n' ' ' || true)
echo "class-data archives in target/: ${archive:-none} (used only when made by this java)"
cmd_floor=("$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$work/empty" Empty)
cmd_version=("$launcher" --version)
cmd_noarchive=("$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar target/ecs-image.jar --version)
cmd_help=("$launcher" --help)
legs=(floor version noarchive help)

# The sandbox banner: parse_sandbox_banner and await_sandbox_banner, shared with polling.sh.
. src/bench/sandbox.sh
# The image the status leg asks about (an Available image the sandbox seeds).
STATUS_REGION=${STATUS_REGION:-cn-hangzhou}
STATUS_IMAGE=${STATUS_IMAGE:-m-bp1ujzde8gxd6ncf10ep}

echo "machine load: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown) (1, 5, 15 min)"
if ! "$launcher" --help | grep -qw sandbox; then
  echo "status: skipped, this build has no 'ecs-image sandbox' command yet"
  bench "${legs[@]}"
  exit 0
fi
"$launcher" sandbox serve --port 0 > "$work/banner" 2>&1 &
sandbox_pid=$!
if ! await_sandbox_banner "$work/banner"; then
  echo "status: cannot read the URL and key pair from the sandbox banner:" >&2
  sed 's/^/  | /' "$work/banner" >&2
  exit 1
fi
export ALIBABA_CLOUD_ACCESS_KEY_ID=$SANDBOX_KEY_ID ALIBABA_CLOUD_ACCESS_KEY_SECRET=$SANDBOX_KEY_SECRET
cmd_status=("$launcher" status --region "$STATUS_REGION" --image-id "$STATUS_IMAGE" --endpoint "$SANDBOX_URL")
"${cmd_status[@]}" >/dev/null || { echo "status: the status leg fails: ${cmd_status[*]}" >&2; exit 1; }
bench "${legs[@]}" status
