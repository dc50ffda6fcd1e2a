#!/usr/bin/env bash
# Start-up benchmark of the packaged tool, on Java 17 and Java 25 in the same rounds. Legs:
#   floor        java running an empty main, with the flags the launcher gives that java (no
#                archive of ecs-image's: nothing can be faster)
#   --version    ecs-image --version
#   status       ecs-image status of one image against a local `ecs-image sandbox serve`
#   hand-signed  the lower bound for one call: a one-file Java program that signs one DescribeImages
#                by hand (RPC signature V1, HMAC-SHA1) and POSTs it with HttpURLConnection,
#                compiled with inlined string concatenation, run with the launcher's flags
#   pop-core     the official Node client @alicloud/pop-core making the same DescribeImages (POST,
#                signature V1) with the same key pair (installed once into a cache folder outside
#                the repository; that the sandbox accepts its GET too is checked once)
# The launcher legs use the class-data archive each java makes first
# (JAVA_HOME=... ECS_IMAGE_CDS_CREATE=1 target/ecs-image); one that cannot be made is said, and
# those legs run without it.
# Each round runs every leg once, in a shuffled order (so a change of the machine's load hits all
# legs alike), after one warm-up run of each. It prints each leg's median wall time with its
# interquartile range, its ratio to the floor of its java, its median peak RSS, then the ratios
# issue 14 asks for and whether its targets are met.
#
# Usage:   mvn -B -q package -DskipTests && src/bench/startup.sh [RUNS]      (RUNS default 15)
# J17_HOME (default: the java on the PATH), J25_HOME (default /usr/lib/jvm/temurin-25-jdk-amd64):
#   the two JDKs; a missing one is skipped with a note.
# POP_CORE_DIR (default ${XDG_CACHE_HOME:-~/.cache}/ecs-image-bench): where pop-core is installed
#   (npm install --no-save --prefix DIR @alicloud/pop-core@1.8.0); without node and npm the leg is
#   skipped with a note.
# Peak RSS needs GNU time (/usr/bin/time; Debian: apt-get install time); without it RSS shows n/a.
set -euo pipefail
export LC_ALL=C # $EPOCHREALTIME with a dot
cd "$(dirname "$0")/../.."
# shellcheck source=src/bench/sandbox.sh
. src/bench/sandbox.sh
runs=${1:-15}
launcher=target/ecs-image
[ -x "$launcher" ] || { echo "no $launcher: run 'mvn -B -q package -DskipTests' first" >&2; exit 1; }
region=cn-hangzhou
image=m-bp1ujzde8gxd6ncf10ep # the sandbox's demo image, Available
statuses=Creating,Waiting,Available,UnAvailable,CreateFailed,Deprecated # what `status` asks for
pop_core_version=1.8.0
pop_core_dir=${POP_CORE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/ecs-image-bench}
timer=()
if /usr/bin/time -f %M true >/dev/null 2>&1; then timer=(/usr/bin/time -f %M -o); fi

work=$(mktemp -d)
sandbox_pid=
cleanup() {
  if [ -n "$sandbox_pid" ]; then kill "$sandbox_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# --- The JDKs -------------------------------------------------------------------------------------
default_java=$(command -v java || true)
declare -A jdk=([17]=${J17_HOME:-${default_java:+$(dirname "$(dirname "$(readlink -f "$default_java")")")}}
                [25]=${J25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64})
javas=()
for v in 17 25; do
  if [ -n "${jdk[$v]}" ] && [ -x "${jdk[$v]}/bin/java" ] && [ -x "${jdk[$v]}/bin/javac" ]; then
    javas+=("$v")
  else
    echo "Java $v: no JDK at '${jdk[$v]}' (set J${v}_HOME); its legs are skipped"
  fi
done
[ ${#javas[@]} -gt 0 ] || exit 1

# launcher_flags V: sets the array flags_V to the JVM options the launcher gives java V, without
# an archive: it runs a copy of the launcher (beside a link to the jar, so that nothing it does
# touches target/) with a stand-in java that records its arguments, in a JDK folder that has
# the real one's release file.
launcher_flags() {
  local v=$1 line word
  local dir=$work/flags$v
  mkdir -p "$dir/jdk/bin"
  cp "${jdk[$v]}/release" "$dir/jdk/"
  printf '#!/bin/sh\necho "$*" >> "%s/calls"\n' "$dir" > "$dir/jdk/bin/java"
  chmod +x "$dir/jdk/bin/java"
  cp "$launcher" "$dir/ecs-image"
  ln -s "$PWD/target/ecs-image.jar" "$dir/ecs-image.jar"
  JAVA_HOME=$dir/jdk "$dir/ecs-image" --version >/dev/null 2>&1 || true
  line=$(grep -e ' --version$' "$dir/calls" | head -1 || true)
  local -n flags="flags_$v"
  flags=()
  for word in ${line%% -jar *}; do
    case $word in
      -D*|-XX:SharedArchiveFile=*|-XX:AOTCache=*|-XX:AOTMode=*) ;;
      -*) flags+=("$word") ;;
    esac
  done
  [ -n "$line" ] || { echo "Java $v: cannot tell the launcher's JVM flags; the floor runs without"; }
}

# --- The programs of the floor and hand-signed legs --------------------------------------------
cat > "$work/Empty.java" <<'EOF'
public class Empty { public static void main(String[] a) {} }
EOF
cat > "$work/HandSigned.java" <<'EOF'
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Args: ENDPOINT REGION IMAGE STATUSES; the key pair from ALIBABA_CLOUD_ACCESS_KEY_ID/SECRET. */
public class HandSigned {
    public static void main(String[] args) throws Exception {
        Map<String, String> p = new TreeMap<>();
        p.put("Action", "DescribeImages");
        p.put("Version", "2014-05-26");
        p.put("Format", "JSON");
        p.put("AccessKeyId", System.getenv("ALIBABA_CLOUD_ACCESS_KEY_ID"));
        p.put("SignatureMethod", "HMAC-SHA1");
        p.put("SignatureVersion", "1.0");
        p.put("SignatureNonce", Long.toHexString(ThreadLocalRandom.current().nextLong()));
        p.put("Timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        p.put("RegionId", args[1]);
        p.put("ImageId", args[2]);
        p.put("Status", args[3]);
        p.put("PageNumber", "1");
        p.put("PageSize", "100");
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, String> e : p.entrySet()) {
            query.append(query.length() == 0 ? "" : "&").append(enc(e.getKey())).append('=').append(enc(e.getValue()));
        }
        Mac mac = Mac.getInstance("HmacSHA1");
        String key = System.getenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET") + "&";
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        byte[] digest = mac.doFinal(("POST&%2F&" + enc(query.toString())).getBytes(StandardCharsets.UTF_8));
        query.append("&Signature=").append(enc(Base64.getEncoder().encodeToString(digest)));
        HttpURLConnection http = (HttpURLConnection) URI.create(args[0] + "/").toURL().openConnection();
        http.setRequestMethod("POST");
        http.setDoOutput(true);
        http.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
        try (OutputStream out = http.getOutputStream()) {
            out.write(query.toString().getBytes(StandardCharsets.UTF_8));
        }
        int code = http.getResponseCode();
        try (InputStream in = code == 200 ? http.getInputStream() : http.getErrorStream()) {
            System.out.println(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        System.exit(code == 200 ? 0 : 1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }
}
EOF
cat > "$work/pop-core.js" <<'EOF'
// Args: NODE_MODULES ENDPOINT REGION IMAGE STATUSES [METHOD]; the key pair from ALIBABA_CLOUD_ACCESS_KEY_ID/SECRET.
const [modules, endpoint, region, image, statuses, method = 'POST'] = process.argv.slice(2);
const RPCClient = require(`${modules}/@alicloud/pop-core`).RPCClient;
const client = new RPCClient({
  endpoint, apiVersion: '2014-05-26',
  accessKeyId: process.env.ALIBABA_CLOUD_ACCESS_KEY_ID, accessKeySecret: process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET,
});
client.request('DescribeImages', { RegionId: region, ImageId: image, Status: statuses, PageNumber: 1, PageSize: 100 },
  { method })
  .then((answer) => console.log(JSON.stringify(answer)), (e) => { console.error(e.message); process.exitCode = 1; });
EOF

# --- Measuring ----------------------------------------------------------------------------------
# A leg NAME runs the array cmd_NAME, with JAVA_HOME=${home_of[NAME]}; title_of[NAME] names it.
declare -A home_of title_of
legs=()
# define NAME TITLE JAVA_HOME COMMAND...: a leg.
define() {
  local -n cmd="cmd_$1"
  title_of[$1]=$2
  home_of[$1]=$3
  legs+=("$1")
  shift 3
  cmd=("$@")
}

# measure LEG: runs it once and appends "<wall µs> <peak RSS KiB or n/a>" to $work/LEG; on failure
# says so with its output, and fails.
measure() {
  local leg=$1 start end status=0 rss=n/a lines
  # shellcheck disable=SC2178 # a nameref to an array
  local -n cmd="cmd_$leg"
  start=${EPOCHREALTIME/./}
  JAVA_HOME=${home_of[$leg]:-} "${timer[@]}" ${timer[@]+"$work/rss"} "${cmd[@]}" > "$work/out" 2>&1 || status=$?
  end=${EPOCHREALTIME/./}
  if [ "$status" != 0 ]; then
    echo "${title_of[$leg]}: failed ($status): ${cmd[*]}" >&2
    sed 's/^/  | /' "$work/out" >&2
    return 1
  fi
  if [ ${#timer[@]} -gt 0 ]; then mapfile -t lines < "$work/rss"; rss=${lines[-1]}; fi
  echo "$(( end - start )) $rss" >> "$work/$leg"
}

# stats: reads numbers, prints "median q1 q3" (quartiles interpolated between the sorted values).
stats() {
  sort -g | awk '
    function q(p,  h, i) { h = 1 + (NR - 1) * p; i = int(h); return v[i] + (h - i) * (v[i + 1] - v[i]) }
    { v[NR] = $1 }
    END { v[NR + 1] = v[NR]; print q(0.5), q(0.25), q(0.75) }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print ""; else printf "%.2f", a / b }'; }

# --- The legs -------------------------------------------------------------------------------------
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) before the run"
"$launcher" sandbox serve --port 0 > "$work/banner" 2> "$work/sandbox.log" &
sandbox_pid=$!
if ! await_sandbox_banner "$work/banner"; then
  echo "cannot read the URL and key pair from the sandbox banner:" >&2
  sed 's/^/  | /' "$work/banner" "$work/sandbox.log" >&2
  exit 1
fi
export ALIBABA_CLOUD_ACCESS_KEY_ID=$SANDBOX_KEY_ID ALIBABA_CLOUD_ACCESS_KEY_SECRET=$SANDBOX_KEY_SECRET
call=("$SANDBOX_URL" "$region" "$image" "$statuses")
echo "DescribeImages of $image in $region against ecs-image sandbox serve at $SANDBOX_URL"

for v in "${javas[@]}"; do
  home=${jdk[$v]}
  launcher_flags "$v"
  # shellcheck disable=SC2178 # a nameref to an array
  declare -n flags="flags_$v"
  mkdir -p "$work/$v"
  # String concatenation inlined: on Java 17 its invokedynamic start-up costs the lower bound ~40 ms.
  "$home/bin/javac" -XDstringConcat=inline -d "$work/$v" "$work/Empty.java" "$work/HandSigned.java"
  archive="archive made"
  if ! JAVA_HOME=$home ECS_IMAGE_CDS_CREATE=1 "$launcher" > "$work/archive" 2>&1; then
    archive="NO archive, these legs run without one: $(tr '\n' ' ' < "$work/archive")"
  fi
  echo "Java $v: $("$home/bin/java" -version 2>&1 | head -1) at $home"
  echo "  launcher's JVM flags: ${flags[*]:-none}; $archive"
  define "floor$v" "$v floor" "$home" "$home/bin/java" ${flags[@]+"${flags[@]}"} -cp "$work/$v" Empty
  define "version$v" "$v --version" "$home" "$launcher" --version
  define "status$v" "$v status" "$home" "$launcher" status --region "$region" --image-id "$image" --endpoint "$SANDBOX_URL"
  define "hand$v" "$v hand-signed" "$home" "$home/bin/java" ${flags[@]+"${flags[@]}"} -cp "$work/$v" HandSigned "${call[@]}"
  unset -n flags
done

# pop-core: installed once; the sandbox must accept its signature.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "pop-core: skipped, no node or npm on the PATH"
else
  if [ ! -f "$pop_core_dir/node_modules/@alicloud/pop-core/package.json" ]; then
    echo "pop-core: installing @alicloud/pop-core@$pop_core_version into $pop_core_dir ..."
    mkdir -p "$pop_core_dir"
    npm install --no-save --no-audit --no-fund --prefix "$pop_core_dir" "@alicloud/pop-core@$pop_core_version" > "$work/npm" 2>&1 \
      || { echo "pop-core: npm install failed:"; sed 's/^/  | /' "$work/npm"; }
  fi
  if [ -f "$pop_core_dir/node_modules/@alicloud/pop-core/package.json" ]; then
    define popcore pop-core "" node "$work/pop-core.js" "$pop_core_dir/node_modules" "${call[@]}"
    get="the sandbox accepts its GET too"
    if ! node "$work/pop-core.js" "$pop_core_dir/node_modules" "${call[@]}" GET > "$work/get" 2>&1; then
      get="the sandbox REFUSES its GET: $(cat "$work/get")"
    fi
    echo "pop-core: @alicloud/pop-core $(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' \
      "$pop_core_dir/node_modules/@alicloud/pop-core/package.json") on node $(node --version), POST, signature V1; $get"
  fi
fi

# The warm-up: one run of each leg; a leg refused by the sandbox is dropped with what it said.
working=()
for leg in "${legs[@]}"; do
  if measure "$leg" 2> "$work/refusal"; then
    working+=("$leg")
  else
    echo "${title_of[$leg]}: dropped, its first run failed:"
    sed 's/^/  /' "$work/refusal"
  fi
  : > "$work/$leg"
done
legs=("${working[@]}")
[ ${#legs[@]} -gt 0 ] || { echo "no leg left to measure" >&2; exit 1; }

echo "$runs rounds of ${#legs[@]} legs in a shuffled order, after a warm-up run of each ..."
for _ in $(seq "$runs"); do
  for leg in $(shuf -e "${legs[@]}"); do measure "$leg"; done
done
echo "machine load $(cut -d' ' -f1-3 /proc/loadavg) after the run"

# --- The report -----------------------------------------------------------------------------------
declare -A ms rss
printf '\n%-16s %9s %18s %8s %10s\n' leg median "IQR (% of median)" /floor "peak RSS"
for leg in "${legs[@]}"; do
  read -r median q1 q3 < <(cut -d' ' -f1 "$work/$leg" | stats)
  ms[$leg]=$(awk -v m="$median" 'BEGIN { printf "%.1f", m / 1000 }')
  rss[$leg]=n/a
  if [ ${#timer[@]} -gt 0 ]; then
    rss[$leg]=$(cut -d' ' -f2 "$work/$leg" | stats | awk '{ printf "%.1f", $1 / 1024 }')
  fi
  floor=floor${leg//[!0-9]/}
  [ "$leg" != popcore ] || floor=floor17
  printf '%-16s %6.0f ms %7.0f ms (%3.0f %%) %7sx %6s MiB\n' "${title_of[$leg]}" "${ms[$leg]}" \
    "$(awk -v a="$q1" -v b="$q3" 'BEGIN { print (b - a) / 1000 }')" \
    "$(awk -v a="$q1" -v b="$q3" -v m="$median" 'BEGIN { print 100 * (b - a) / m }')" \
    "$(ratio "${ms[$leg]}" "${ms[$floor]:-}")" "${rss[$leg]}"
done
[ -z "${ms[popcore]:-}" ] || echo "(pop-core's /floor is to the Java 17 floor)"

# Ratios and targets; a ratio that cannot be formed (a leg skipped) shows as n/a.
echo
printf '%-22s %8s %8s\n' "" "Java 17" "Java 25"
row() {
  local name=$1 num=$2 den=$3
  printf '%-22s %7sx %7sx\n' "$name" "$(ratio "${ms[${num}17]:-}" "${ms[${den}17]:-}")" \
    "$(ratio "${ms[${num}25]:-}" "${ms[${den}25]:-}")"
}
for v in 17 25; do ms[popcore$v]=${ms[popcore]:-}; done
row "status / floor" status floor
row "status / pop-core" status popcore
row "--version / floor" version floor
row "hand-signed / floor" hand floor
row "pop-core / floor" popcore floor
printf '%-22s %4s MiB %4s MiB\n' "status peak RSS" "${rss[status17]:-n/a}" "${rss[status25]:-n/a}"

# target NAME VALUE LIMIT UNIT: one line, "met" when VALUE <= LIMIT.
target() {
  local verdict
  if [ -z "$2" ] || [ "$2" = n/a ]; then verdict="n/a (leg skipped)"
  elif awk -v a="$2" -v b="$3" 'BEGIN { exit !(a <= b) }'; then verdict="met ($2$4)"
  else verdict="not met ($2$4)"; fi
  printf '  %-38s %s\n' "$1" "$verdict"
}
echo
echo "issue 14 targets (medians of this run):"
target "status <= 1.4x pop-core on Java 17" "$(ratio "${ms[status17]:-}" "${ms[popcore]:-}")" 1.4 x
target "status <= 1.1x pop-core on Java 25" "$(ratio "${ms[status25]:-}" "${ms[popcore]:-}")" 1.1 x
for v in 17 25; do
  target "--version <= 1.6x floor on Java $v" "$(ratio "${ms[version$v]:-}" "${ms[floor$v]:-}")" 1.6 x
done
for v in 17 25; do
  target "status peak RSS <= 55 MiB on Java $v" "${rss[status$v]:-}" 55 " MiB"
done
