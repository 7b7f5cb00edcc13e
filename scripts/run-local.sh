#!/usr/bin/env bash
# Runs CxBot on this machine, offline: Azurite (data kept in .local/azurite), the bot without authentication, and
# the Microsoft 365 Agents Playground as the Teams client. Ctrl-C stops everything this script started.
#   PORT             the bot's port (default 3978)
#   PLAYGROUND_PORT  the Playground's port (default 56150; a free one when busy)
# Other configuration can be passed as environment variables, e.g. Logging__LogLevel__Default=Debug.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/lib/tools.sh

readonly bot_port="${PORT:-3978}"
readonly playground_port="${PLAYGROUND_PORT:-56150}"
readonly conversation_id="cxbot-local-personal-chat"
# The Playground's current user (Alex Wilber), made a supervisor so supervisor commands can be tried.
readonly local_user_aad_object_id="00000000-0000-0000-0000-0000000000020"
# Azurite's well-known development account; public and the same in every Azurite.
readonly azurite_account_key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
readonly logs=.local/logs

pids=()
stop() {
  trap - EXIT INT TERM
  local pid
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

http_ok() (
  status=""
  exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
  printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$2" >&3
  read -r -t 5 _ status _ <&3 || true
  [[ "$status" == 200 ]]
)

# Waits until `check` succeeds; fails with the log's tail when the process ends or time is up.
wait_until() {
  local what=$1 pid=$2 log=$3 seconds=$4
  shift 4
  local deadline=$((SECONDS + seconds))
  until "$@" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null; then
      [[ -f "$log" ]] && tail -n 30 "$log" >&2
      die "$what stopped before it was ready."
    fi
    if ((SECONDS >= deadline)); then
      [[ -f "$log" ]] && tail -n 30 "$log" >&2
      die "$what was not ready within $seconds s."
    fi
    sleep 0.2
  done
}

# The port a log line like "<prefix><port>" names; empty while there is none.
logged_port() {
  sed -n "s|.*$2\([0-9][0-9]*\).*|\1|p" "$1" | head -n 1
}

require_command dotnet "Install the .NET SDK named in global.json."
ensure_node_tools
mkdir -p .local/azurite .local/playground "$logs"

echo "Building the bot ..."
dotnet build src/CxBot.App -c Debug --nologo -v quiet
readonly bot_dll=src/CxBot.App/bin/Debug/net10.0/CxBot.App.dll

if port_in_use "$bot_port"; then
  die "Port $bot_port is in use; choose another with PORT=<port>."
fi

# Azurite on the default development ports 10000-10002, each replaced by a free one when busy.
azurite_port() { if port_in_use "$1"; then echo 0; else echo "$1"; fi; }
node_modules/.bin/azurite \
  --blobHost 127.0.0.1 --blobPort "$(azurite_port 10000)" \
  --queueHost 127.0.0.1 --queuePort "$(azurite_port 10001)" \
  --tableHost 127.0.0.1 --tablePort "$(azurite_port 10002)" \
  --location .local/azurite --skipApiVersionCheck --loose --disableTelemetry --silent \
  >"$logs/azurite.log" 2>&1 &
readonly azurite_pid=$!
pids+=("$azurite_pid")
listening="service is successfully listening at http://127.0.0.1:"
azurite_port_of() { logged_port "$logs/azurite.log" "$1 $listening"; }
azurite_ready() { [[ -n "$(azurite_port_of Blob)" && -n "$(azurite_port_of Queue)" && -n "$(azurite_port_of Table)" ]]; }
wait_until "Azurite" "$azurite_pid" "$logs/azurite.log" 30 azurite_ready
blob_port=$(azurite_port_of Blob)
queue_port=$(azurite_port_of Queue)
table_port=$(azurite_port_of Table)
storage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$azurite_account_key;"
storage+="BlobEndpoint=http://127.0.0.1:$blob_port/devstoreaccount1;"
storage+="QueueEndpoint=http://127.0.0.1:$queue_port/devstoreaccount1;"
storage+="TableEndpoint=http://127.0.0.1:$table_port/devstoreaccount1;"

# A key for the local contacts API; only its hash is given to the bot, as in production.
readonly local_api_key="${CXBOT_LOCAL_API_KEY:-local-dev-key}"
local_api_key_hash=$(printf '%s' "$local_api_key" | sha256sum | cut -d' ' -f1)
readonly local_api_key_hash

# The bot; its log goes to this terminal. The content root is the project folder, as with `dotnet run`.
(
  cd src/CxBot.App
  export ASPNETCORE_URLS="http://127.0.0.1:$bot_port"
  export ASPNETCORE_ENVIRONMENT=Development
  export Bot__AllowUnauthenticated=true
  export Storage__ConnectionString="$storage"
  export Roles__Supervisors__0="$local_user_aad_object_id"
  export Api__Keys__0="$local_api_key_hash"
  exec dotnet "bin/Debug/net10.0/CxBot.App.dll"
) &
readonly bot_pid=$!
pids+=("$bot_pid")
wait_until "The bot ($bot_dll)" "$bot_pid" /dev/null 60 http_ok "$bot_port" /healthz

# The Playground writes devTools/ logs into its working folder.
(
  cd .local/playground
  export TEAMSAPPTESTER_BROWSER=none
  exec ../../node_modules/.bin/agentsplayground -e "http://127.0.0.1:$bot_port/api/messages" -c msteams --dt \
    -p "$playground_port" --conversation-id "$conversation_id"
) >"$logs/playground.log" 2>&1 &
readonly playground_pid=$!
pids+=("$playground_pid")
playground_port_logged() { [[ -n "$(logged_port "$logs/playground.log" "Listening on ")" ]]; }
wait_until "The Agents Playground" "$playground_pid" "$logs/playground.log" 30 playground_port_logged
actual_playground_port=$(logged_port "$logs/playground.log" "Listening on ")
wait_until "The Agents Playground" "$playground_pid" "$logs/playground.log" 30 http_ok "$actual_playground_port" /_debug/ping

cat <<MESSAGE

  CxBot runs locally.

    Open http://127.0.0.1:$actual_playground_port

  You are Alex Wilber (aadObjectId $local_user_aad_object_id), a supervisor.
  Bot:      http://127.0.0.1:$bot_port/api/messages (no authentication)
  Storage:  Azurite on ports $blob_port/$queue_port/$table_port, data in .local/azurite
  Logs:     $logs/ and the bot's output below. Ctrl-C stops everything.

  Send yourself a survey (as the contact-center platform would):
    curl -s -X POST http://127.0.0.1:$bot_port/api/contacts -H 'Content-Type: application/json' \\
      -H 'X-Api-Key: $local_api_key' -d '{"contactId":"local-'"\$(date +%s)"'","customer":{"aadObjectId":"$local_user_aad_object_id",
      "tenantId":"00000000-0000-0000-0000-0000000000001"},"agent":{"id":"a1","displayName":"Sam"},"queue":"billing",
      "channel":"phone","endedAt":"'"\$(date -u +%FT%TZ)"'"}'

MESSAGE

# Runs until Ctrl-C, or until one of the processes ends.
set +e
wait -n "${pids[@]}"
status=$?
echo "A process ended (exit code $status); stopping the others." >&2
exit "$status"
