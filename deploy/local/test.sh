#!/usr/bin/env bash
# The test command: brings up the local stack (real Kafka, Redis, PostgreSQL; no Docker), then runs the
# whole build with every test: unit tests, @QuarkusTest per service, the end-to-end PipelineIT, and the
# formatting check. Extra arguments go to Maven (e.g. -pl rules-service -am).
set -euo pipefail
REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$REPO_ROOT"

MVN="$REPO_ROOT/mvnw" deploy/local/stack.sh up

# the analytics page is tested in a real headless browser; where Chromium cannot be installed that one
# test is skipped (JUnit assumption), so a failed install warns instead of failing the run
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "test: installing chromium, chromium-driver, fonts-noto-cjk for the browser test"
    { DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        chromium chromium-driver fonts-noto-cjk; } >/dev/null 2>&1 ||
      echo "test: warning: could not install chromium; the browser test will be skipped" >&2
  else
    echo "test: warning: chromium/chromedriver missing; the browser test will be skipped" >&2
  fi
fi
# tests use the stack above; "containers" would use Testcontainers where a Docker engine runs
# deploy's ManifestsTest checks the KEDA objects with node (npm package @kubernetes-models/keda)
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "test: installing nodejs and npm for the KEDA schema check"
    { DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm; } >/dev/null 2>&1 ||
      echo "test: warning: could not install nodejs/npm; the KEDA schema check will fail in CI" >&2
  fi
fi
export TEST_SERVICES_MODE=${TEST_SERVICES_MODE:-local}
exec ./mvnw -B verify "$@"
