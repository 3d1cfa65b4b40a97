#!/usr/bin/env bash
# The test command: brings up the local stack (real Kafka, Redis, PostgreSQL; no Docker), then runs the
# whole build with every test: unit tests, @QuarkusTest per service, the end-to-end PipelineIT, and the
# formatting check. Extra arguments go to Maven (e.g. -pl rules-service -am).
set -euo pipefail
REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$REPO_ROOT"

MVN="$REPO_ROOT/mvnw" deploy/local/stack.sh up
# tests use the stack above; "containers" would use Testcontainers where a Docker engine runs
export TEST_SERVICES_MODE=${TEST_SERVICES_MODE:-local}
exec ./mvnw -B verify "$@"
