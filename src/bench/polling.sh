#!/usr/bin/env bash
# Polling benchmark: what following a copy costs and how late its end is seen. Each leg runs
# `ecs-image copy` of the demo image against its own `ecs-image sandbox serve --speed SPEED` and
# reports
#   DescribeImages per region-minute  the sandbox's `DescribeImages: HTTP 200` lines on stderr,
#                                     over the minutes each destination was waited for (from its
#                                     CopyImage to ecs-image printing it Available)
#   notice lag                        when ecs-image printed the copy Available minus when the copy
#                                     ended in the sandbox
# for this build and for a baseline, in two scenarios: a copy to one region and one to three.
# Every stderr line of both processes is stamped when it arrives ($EPOCHREALTIME). The end of a
# copy is exact from the sandbox's timeline: a copy is queued when CopyImage is answered (its log
# line), Waits a tenth of its run time, then runs 100/SPEED seconds (sandbox CopyJob/CopyQueue);
# one copy per region, so none queues behind another.
#
# Each round runs all legs at once (each with its own sandbox), so a change of the machine's load
# hits them alike; it prints the medians over the rounds and the ratios to the baseline.
#
# Usage:   mvn -B -q -o package -DskipTests && src/bench/polling.sh [RUNS]       (RUNS default 3)
# SPEED=1              sandbox speed in %/s: 1 is a 100 s copy (after 10 s Waiting)
# REGIONS=cn-shanghai  REGIONS_MANY=cn-shanghai,cn-beijing,cn-shenzhen    the two scenarios
# BASELINE=ca32b1e     a git ref to build the baseline from (default: the last commit with the
#                      adaptive interval), built once into target/bench-baseline-<commit>/;
#                      or --interval=D: this build with a fixed interval
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/bench/sandbox.sh
runs=${1:-3}
speed=${SPEED:-1}
one=${REGIONS:-cn-shanghai}
many=${REGIONS_MANY:-cn-shanghai,cn-beijing,cn-shenzhen}
baseline=${BASELINE:-ca32b1e}
image=m-bp1ujzde8gxd6ncf10ep
source_region=cn-hangzhou
launcher=target/ecs-image
[ -x "$launcher" ] || { echo "no $launcher: run 'mvn -B -q -o package -DskipTests' first" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The baseline: a launcher and the options it runs with.
baseline_options=()
if [[ $baseline == --interval* ]]; then
  baseline_launcher=$launcher
  baseline_options=("$baseline")
  baseline_name="this build, $baseline"
else
  commit=$(git rev-parse --short "$baseline^{commit}")
  dir=target/bench-baseline-$commit
  if [ ! -x "$dir/target/ecs-image" ]; then
    echo "building the baseline $baseline ($commit) into $dir ..." >&2
    rm -rf "$dir" && mkdir -p "$dir"
    git archive "$commit" | tar -x -C "$dir"
    if ! (cd "$dir" && mvn -B -q -o package -DskipTests > build.log 2>&1); then
      echo "cannot build $baseline: see $dir/build.log" >&2; exit 1
    fi
  fi
  baseline_launcher=$dir/target/ecs-image
  baseline_name="$baseline ($commit)"
fi

# Copies stdin to stdout, each line prefixed with the time it arrived (seconds, microseconds).
stamp() {
  local line
  while IFS= read -r line; do printf '%s %s\n' "$EPOCHREALTIME" "$line"; done
}

# leg DIR LAUNCHER REGIONS [COPY OPTION...]: one copy against a fresh sandbox; leaves in DIR the
# stamped stderr of the sandbox (sandbox) and of the copy (copy), and the result line (result):
#   <DescribeImages> <per region-minute> <lag of each region, s ...>
leg() {
  local dir=$1 leg_launcher=$2 regions=$3
  shift 3
  mkdir -p "$dir"
  "$leg_launcher" sandbox serve --port 0 --speed "$speed" > "$dir/banner" 2> >(stamp > "$dir/sandbox") &
  local sandbox_pid=$!
  if ! await_sandbox_banner "$dir/banner"; then
    echo "cannot read the sandbox banner:" >&2; sed 's/^/  | /' "$dir/banner" >&2
    kill "$sandbox_pid" 2>/dev/null; return 1
  fi
  local status=0
  ALIBABA_CLOUD_ACCESS_KEY_ID=$SANDBOX_KEY_ID ALIBABA_CLOUD_ACCESS_KEY_SECRET=$SANDBOX_KEY_SECRET \
    "$leg_launcher" --endpoint "$SANDBOX_URL" copy -i "$image" -r "$source_region" -t "$regions" \
    --progress plain "$@" 2>&1 > "$dir/out" | stamp > "$dir/copy" || status=$?
  sleep 0.5 # the sandbox's last lines through stamp
  kill "$sandbox_pid" 2>/dev/null || true
  wait "$sandbox_pid" 2>/dev/null || true
  if [ "$status" != 0 ]; then
    echo "the copy failed ($status):" >&2; sed 's/^/  | /' "$dir/copy" >&2; return 1
  fi
  awk -v regions="$regions" -v full="$(awk -v s="$speed" 'BEGIN { print 100 / s }')" '
    FILENAME ~ /sandbox$/ && /sandbox: CopyImage: HTTP 200/ { copied[++c] = $1 }
    FILENAME ~ /sandbox$/ && /sandbox: DescribeImages: HTTP 200/ { describes++ }
    FILENAME ~ /copy$/ && $4 == "Available" && !($2 in seen) { seen[$2] = $1 }
    END {
      n = split(regions, r, ",")
      if (c != n) { print "expected " n " CopyImage, saw " c > "/dev/stderr"; exit 1 }
      for (i = 1; i <= n; i++) {
        if (!(r[i] in seen)) { print r[i] " never printed Available" > "/dev/stderr"; exit 1 }
        minutes += (seen[r[i]] - copied[i]) / 60
        lags = lags " " sprintf("%.3f", seen[r[i]] - (copied[i] + full * 1.1))
      }
      printf "%d %.3f%s\n", describes, describes / minutes, lags
    }' "$dir/sandbox" "$dir/copy" > "$dir/result"
}

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "$("${JAVA_HOME:+$JAVA_HOME/bin/}java" -version 2>&1 | head -1); machine load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
echo "$runs rounds; sandbox speed $speed %/s (a copy Waits $(awk -v s="$speed" 'BEGIN { print 10 / s }') s, then runs $(awk -v s="$speed" 'BEGIN { print 100 / s }') s)"
echo "baseline: $baseline_name"
scenarios=(one many)
legs=(baseline new)
for round in $(seq "$runs"); do
  pids=()
  for scenario in "${scenarios[@]}"; do
    regions=${!scenario}
    leg "$work/$round/$scenario/baseline" "$baseline_launcher" "$regions" ${baseline_options[@]+"${baseline_options[@]}"} &
    pids+=($!)
    leg "$work/$round/$scenario/new" "$launcher" "$regions" &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid" || { echo "round $round failed" >&2; exit 1; }; done
  echo "round $round: $(for s in "${scenarios[@]}"; do for l in "${legs[@]}"; do printf '%s/%s [%s]  ' "$s" "$l" "$(cat "$work/$round/$s/$l/result")"; done; done)"
done

printf '\n%-34s %-9s %15s %18s %15s %13s\n' scenario leg DescribeImages "per region-minute" "lag median" "lag max"
declare -A rate_of lag_of
for scenario in "${scenarios[@]}"; do
  regions=${!scenario}
  for l in "${legs[@]}"; do
    results=$(cat "$work"/*/"$scenario/$l/result")
    lags=$(cut -d' ' -f3- <<< "$results" | tr ' ' '\n')
    rate_of[$l]=$(cut -d' ' -f2 <<< "$results" | median)
    lag_of[$l]=$(median <<< "$lags")
    printf '%-34s %-9s %15s %18.2f %13.2f s %11.2f s\n' "$regions" "$l" "$(cut -d' ' -f1 <<< "$results" | median)" \
      "${rate_of[$l]}" "${lag_of[$l]}" "$(sort -g <<< "$lags" | tail -1)"
  done
  printf '%-34s %-9s %15s %17.2fx %12.2fx\n' "" "new/base" "" \
    "$(awk -v a="${rate_of[new]}" -v b="${rate_of[baseline]}" 'BEGIN { print a / b }')" \
    "$(awk -v a="${lag_of[new]}" -v b="${lag_of[baseline]}" 'BEGIN { print (b == 0 ? 0 : a / b) }')"
done
