#!/usr/bin/env bash
# Links a Demo Bank connection through the built-in sandbox with curl only, then lists what FireSync synced.
# Start FireSync first (./mvnw spring-boot:run). Usage: scripts/connect-demo.sh [base-url] [token-file]
set -euo pipefail
BASE=${1:-http://localhost:3000}
TOKEN=$(tr -d '[:space:]' < "${2:-data/admin-token}")
AUTH="Authorization: Bearer $TOKEN"

json_field() { # the first string value of a JSON key, enough for these answers
    sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p" | head -n 1
}

echo "1. Ask FireSync for a connect URL"
url=$(curl -fsS -H "$AUTH" "$BASE/api/auth/powens/url" | json_field url)
echo "   $url"

echo "2. Submit the sandbox webview form (Demo Bank)"
callback=$(curl -fsS -o /dev/null -w '%{redirect_url}' -X POST "$url" \
    --data-urlencode bank=demo --data-urlencode login=demo-user --data-urlencode password=demo-password)
echo "   redirected to ${callback%%\?*}"

echo "3. Follow the redirect to FireSync's callback"
curl -fsS -H 'Accept: application/json' "$callback"
echo

echo "4. Wait for the first sync to complete"
for _ in $(seq 1 120); do
    if curl -fsS -H "$AUTH" "$BASE/api/sync/status" | grep -q '"lastSuccessAt":"'; then
        break
    fi
    sleep 1
done

echo "5. Accounts"
curl -fsS -H "$AUTH" "$BASE/api/accounts"
echo
echo "6. Latest transactions"
curl -fsS -H "$AUTH" "$BASE/api/transactions?limit=5"
echo
