#!/usr/bin/env bash
# Deploys CxBot to Azure with the az CLI: the resources of azuredeploy.json, the app itself, and the
# Teams app package built with the deployment's bot id and domain.
#
#   infra/deploy.sh -g <resource-group> [-l <location>] [-p <parameters.json>] [-v <package-version>] [-- name=value ...]
#
#   -g  resource group (created when -l is given and it does not exist)
#   -l  region for a new resource group, for example westeurope
#   -p  parameters file (default infra/azuredeploy.parameters.json; start from the .example.json beside it)
#   -v  Teams app package version x.y.z (default 1.0.0); raise it whenever you upload a new package
#   --  anything after it is passed to the deployment as extra parameters, for example apiKeyHash=<hash>
#
# Needs: az (signed in with `az login`, Owner or User Access Administrator on the resource group for the
# storage role assignments), the .NET 10 SDK, Node.js.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
deployment_name="cxbot"
group=""
location=""
parameters="$repo_root/infra/azuredeploy.parameters.json"
version="1.0.0"
extra=()

usage() {
  sed -n '5,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    -g) [[ $# -ge 2 ]] || usage; group="$2"; shift 2 ;;
    -l) [[ $# -ge 2 ]] || usage; location="$2"; shift 2 ;;
    -p) [[ $# -ge 2 ]] || usage; parameters="$2"; shift 2 ;;
    -v) [[ $# -ge 2 ]] || usage; version="$2"; shift 2 ;;
    --) shift; extra=("$@"); break ;;
    *) usage ;;
  esac
done
[[ -n "$group" ]] || usage
[[ -f "$parameters" ]] || { echo "parameters file $parameters not found: copy infra/azuredeploy.parameters.example.json and fill it in" >&2; exit 2; }
for tool in az dotnet node; do
  command -v "$tool" >/dev/null || { echo "$tool is required" >&2; exit 1; }
done
az account show -o none || { echo "sign in first: az login" >&2; exit 1; }

work="$(mktemp -d)"
chmod 700 "$work"
trap 'rm -rf "$work"' EXIT

if [[ -n "$location" ]]; then
  az group create -n "$group" -l "$location" -o none
fi

# A template deployment replaces the web app's settings with the template's list. Settings added by
# hand since the last run (Roles__*, a second Api__Keys__1 during key rotation, ...) are read first
# and put back afterwards; the template's own settings always win.
previous_app="$(az deployment group show -g "$group" -n "$deployment_name" \
  --query properties.outputs.webAppName.value -o tsv 2>/dev/null || true)"
if [[ -n "$previous_app" ]]; then
  az webapp config appsettings list -g "$group" -n "$previous_app" -o json > "$work/settings-before.json"
fi

echo "Deploying azuredeploy.json to resource group $group ..."
az deployment group create -g "$group" -n "$deployment_name" \
  --template-file "$repo_root/azuredeploy.json" \
  --parameters "@$parameters" "${extra[@]}" -o none

output() {
  az deployment group show -g "$group" -n "$deployment_name" --query "properties.outputs.$1.value" -o tsv
}
web_app="$(output webAppName)"
bot_id="$(output botId)"
app_domain="$(output appDomain)"
endpoint="$(output messagingEndpoint)"

if [[ -f "$work/settings-before.json" ]]; then
  az webapp config appsettings list -g "$group" -n "$web_app" -o json > "$work/settings-after.json"
  node --input-type=module -e '
    import { readFileSync, writeFileSync } from "node:fs";
    const [before, after, out] = process.argv.slice(1);
    const managed = new Set(JSON.parse(readFileSync(after, "utf8")).map((s) => s.name));
    const kept = JSON.parse(readFileSync(before, "utf8")).filter((s) => !managed.has(s.name));
    writeFileSync(out, JSON.stringify(kept.map(({ name, value, slotSetting }) => ({ name, value, slotSetting }))));
    if (kept.length) console.log(`Restoring settings added by hand: ${kept.map((s) => s.name).join(", ")}`);
  ' "$work/settings-before.json" "$work/settings-after.json" "$work/settings-kept.json"
  if [[ "$(cat "$work/settings-kept.json")" != "[]" ]]; then
    az webapp config appsettings set -g "$group" -n "$web_app" --settings "@$work/settings-kept.json" -o none
  fi
fi

echo "Publishing the app to $web_app ..."
dotnet publish "$repo_root/src/CxBot.App/CxBot.App.csproj" -c Release -o "$work/publish" --nologo
node "$repo_root/manifest/tools/zip.mjs" "$work/app.zip" "$work/publish"
az webapp deploy -g "$group" -n "$web_app" --src-path "$work/app.zip" --type zip -o none

if [[ ! -d "$repo_root/node_modules/@microsoft/app-manifest" ]]; then
  (cd "$repo_root" && npm ci --no-audit --no-fund)
fi
"$repo_root/manifest/build-package.sh" "$bot_id" "$app_domain" "$version"

cat <<DONE

Deployed.
  Messaging endpoint  $endpoint
  Bot (app) id        $bot_id
  Teams app package   $repo_root/manifest/build/cxbot.zip
Next: upload the package in Teams, add the bot to the supervisors' team and designate the alerts
channel (docs/deployment.md).
DONE
