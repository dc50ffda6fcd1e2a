# Sourced by the benchmarks: the one place that knows the banner of `ecs-image sandbox serve`.

# parse_sandbox_banner FILE: sets SANDBOX_URL, SANDBOX_KEY_ID, SANDBOX_KEY_SECRET from what
# `sandbox serve` printed (empty when not printed yet).
parse_sandbox_banner() {
  local banner=$1
  SANDBOX_URL=$(grep -o 'https\?://[^ ]*' "$banner" | head -1 || true)
  SANDBOX_KEY_ID=$(grep -o 'ACCESS_KEY_ID[=: ]*[^ ]*' "$banner" | head -1 | sed 's/.*ACCESS_KEY_ID[=: ]*//' || true)
  SANDBOX_KEY_SECRET=$(grep -o 'ACCESS_KEY_SECRET[=: ]*[^ ]*' "$banner" | head -1 | sed 's/.*ACCESS_KEY_SECRET[=: ]*//' || true)
}

# await_sandbox_banner FILE: waits up to 10 s for the URL and the key pair to appear in FILE and
# parses them; fails (status 1) when they do not.
await_sandbox_banner() {
  local _
  for _ in $(seq 100); do
    parse_sandbox_banner "$1"
    if [ -n "$SANDBOX_URL" ] && [ -n "$SANDBOX_KEY_ID" ] && [ -n "$SANDBOX_KEY_SECRET" ]; then return 0; fi
    sleep 0.1
  done
  return 1
}
