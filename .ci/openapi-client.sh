#!/usr/bin/env bash
# The sample's OpenAPI document as an API consumer uses it (issue 21): starts the sample on a free
# port, fetches /v3/api-docs, lints it with Redocly's recommended rules (no error allowed),
# generates a typescript-fetch client with openapi-generator, compiles it with tsc --strict and
# fires a transition with it (200, then 412 for a stale If-Match, 401 without credentials).
# It runs the jar of the last build (./mvnw verify or package; .ci/run builds it first).
# The npm tools are pinned in .ci/openapi-client/package.json and installed under
# sample-app/target/openapi-client; openapi-generator's jar comes from Maven Central.
set -euo pipefail
cd "$(dirname "$0")/.."

work=sample-app/target/openapi-client
jar=$(ls sample-app/target/sample-app-*.jar 2>/dev/null | grep -v -- '-plain' | head -n1 || true)
if [ -z "$jar" ]; then
  ./mvnw -B -q -pl sample-app -DskipTests package
  jar=$(ls sample-app/target/sample-app-*.jar | grep -v -- '-plain' | head -n1)
fi
rm -rf "$work"
mkdir -p "$work"
cp .ci/openapi-client/package.json .ci/openapi-client/openapitools.json .ci/openapi-client/fire.ts "$work/"

java -jar "$jar" --server.port=0 --server.address=127.0.0.1 --spring.main.banner-mode=off > "$work/sample.log" 2>&1 &
sample=$!
trap 'kill "$sample" 2>/dev/null || true; wait "$sample" 2>/dev/null || true' EXIT
port=""
for _ in $(seq 1 120); do
  port=$(sed -n 's/.*Tomcat started on port \([0-9]*\).*/\1/p' "$work/sample.log" | head -n1)
  [ -n "$port" ] && break
  kill -0 "$sample" 2>/dev/null || { cat "$work/sample.log"; echo "the sample did not start" >&2; exit 1; }
  sleep 1
done
[ -n "$port" ] || { cat "$work/sample.log"; echo "the sample did not start in time" >&2; exit 1; }
base="http://127.0.0.1:$port"
curl -sSf -u staff@example.com:password "$base/v3/api-docs" -o "$work/api-docs.json"

cd "$work"
npm install --no-audit --no-fund --loglevel=error
echo "--- redocly lint (recommended)"
npx --no-install redocly lint --extends=recommended --format=summary api-docs.json
echo "--- openapi-generator typescript-fetch"
npx --no-install openapi-generator-cli generate -g typescript-fetch -i api-docs.json -o client \
  --additional-properties=supportsES6=true > generate.log 2>&1 || { cat generate.log; exit 1; }
echo "--- tsc --strict"
npx --no-install tsc --strict --noEmitOnError --target ES2020 --module commonjs --lib ES2020,DOM --types node --outDir out fire.ts
echo "--- the generated client against $base"
node out/fire.js "$base"
