#!/usr/bin/env bash
# Builds the Teams app package: fills the bot's app id and domain into a copy of the manifest,
# validates it offline against the bundled schema, and zips it with its localization file and icons.
#
#   manifest/build-package.sh <app-id> <domain> [version] [-o <out.zip>]
#
#   app-id   the bot's Microsoft App ID (Bot:AppId; the managed identity's client id)
#   domain   the host name of the bot's web app, for example cxbot-abc123.azurewebsites.net
#   version  the app package version (semver x.y.z, default 1.0.0); raise it for every upload
#   -o       where to write the package (default manifest/build/cxbot.zip)
#
# Environment (optional): CXBOT_WEBSITE_URL, CXBOT_PRIVACY_URL, CXBOT_TERMS_URL for the developer
# links Teams shows on the app's page (default https://<domain>/).
set -euo pipefail

manifest_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$manifest_dir/.." && pwd)"
out="$manifest_dir/build/cxbot.zip"

usage() {
  sed -n '5,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

positional=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    -o) [[ $# -ge 2 ]] || usage; out="$2"; shift 2 ;;
    -h|--help) usage ;;
    *) positional+=("$1"); shift ;;
  esac
done
[[ ${#positional[@]} -ge 2 && ${#positional[@]} -le 3 ]] || usage
app_id="${positional[0]}"
domain="${positional[1]}"
version="${positional[2]:-1.0.0}"

guid='^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$'
host='^([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}$'
semver='^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$'
url='^https://[^[:space:]"\\|]+$'
[[ "$app_id" =~ $guid ]] || { echo "app id must be a GUID, got '$app_id'" >&2; exit 2; }
[[ "$app_id" != "00000000-0000-0000-0000-000000000000" ]] || { echo "app id must be the bot's real app id" >&2; exit 2; }
[[ "$domain" =~ $host ]] || { echo "domain must be a host name without scheme or path, got '$domain'" >&2; exit 2; }
[[ "$version" =~ $semver ]] || { echo "version must be x.y.z, got '$version'" >&2; exit 2; }
website_url="${CXBOT_WEBSITE_URL:-https://$domain/}"
privacy_url="${CXBOT_PRIVACY_URL:-https://$domain/}"
terms_url="${CXBOT_TERMS_URL:-https://$domain/}"
for link in "$website_url" "$privacy_url" "$terms_url"; do
  [[ "$link" =~ $url ]] || { echo "developer links must be https URLs, got '$link'" >&2; exit 2; }
done

command -v node >/dev/null || { echo "Node.js is required (node on PATH)" >&2; exit 1; }
[[ -d "$repo_root/node_modules/@microsoft/app-manifest" ]] || {
  echo "@microsoft/app-manifest is not installed: run 'npm ci' in $repo_root first" >&2; exit 1; }

staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
cp "$manifest_dir/manifest.json" "$manifest_dir/nl-nl.json" "$manifest_dir/color.png" "$manifest_dir/outline.png" "$staging/"

# Set by field on the parsed JSON (no text substitution); the inputs were checked above.
APP_ID="$app_id" DOMAIN="$domain" VERSION="$version" \
WEBSITE_URL="$website_url" PRIVACY_URL="$privacy_url" TERMS_URL="$terms_url" \
node --input-type=module -e '
  import { readFileSync, writeFileSync } from "node:fs";
  const file = process.argv[1];
  const env = process.env;
  const manifest = JSON.parse(readFileSync(file, "utf8"));
  manifest.id = env.APP_ID;
  manifest.version = env.VERSION;
  for (const bot of manifest.bots) bot.botId = env.APP_ID;
  for (const extension of manifest.composeExtensions ?? []) extension.botId = env.APP_ID;
  manifest.developer.websiteUrl = env.WEBSITE_URL;
  manifest.developer.privacyUrl = env.PRIVACY_URL;
  manifest.developer.termsOfUseUrl = env.TERMS_URL;
  manifest.validDomains = manifest.validDomains.map((d) => d.replaceAll("{{BOT_DOMAIN}}", env.DOMAIN));
  writeFileSync(file, JSON.stringify(manifest, null, 2) + "\n");
' "$staging/manifest.json"

node "$manifest_dir/validate.mjs" --no-placeholders "$staging/manifest.json"

mkdir -p "$(dirname "$out")"
node "$manifest_dir/tools/zip.mjs" "$out" "$staging"
echo "Teams app package: $out (app id $app_id, domain $domain, version $version)"
