# Sourced by .ci/run: a PostgreSQL for the gateway's integration tests, which run against the
# embedded H2 and against PostgreSQL. Installs PostgreSQL from the Debian packages when missing,
# starts the first cluster, creates a user with a fresh random password and an empty database,
# and exports SAMNAV_TEST_POSTGRES_URL, SAMNAV_TEST_PG_USER and SAMNAV_TEST_PG_PASSWORD.
# The password lives only in this environment; it is never written to a file or a command line.
# When SAMNAV_TEST_POSTGRES_URL is already set, the database it names is used as it is.

if [ -z "${SAMNAV_TEST_POSTGRES_URL:-}" ]; then
  if ! command -v pg_lsclusters >/dev/null 2>&1 || [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q postgresql
  fi
  if [ -z "$(pg_lsclusters --no-header)" ]; then
    pg_createcluster "$(ls /usr/lib/postgresql | sort -V | tail -n 1)" main
  fi
  read -r PG_VERSION PG_CLUSTER PG_PORT PG_STATUS _ <<<"$(pg_lsclusters --no-header | head -n 1)"
  if [ "$PG_STATUS" != "online" ]; then
    pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start
  fi
  export SAMNAV_TEST_PG_USER="${SAMNAV_TEST_PG_USER:-samnav_ci}"
  SAMNAV_TEST_PG_PASSWORD="$(od -An -tx1 -N24 /dev/urandom | tr -d ' \n')"
  export SAMNAV_TEST_PG_PASSWORD
  PG_DATABASE="${SAMNAV_TEST_PG_DATABASE:-samnav_ci}"
  # through standard input, so the password never shows in a process list
  printf "SET client_min_messages = warning;\nSELECT 'CREATE ROLE %s LOGIN' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%s') \\gexec\n
ALTER ROLE %s WITH LOGIN PASSWORD '%s';\n
DROP DATABASE IF EXISTS %s;\n
CREATE DATABASE %s OWNER %s ENCODING 'UTF8' TEMPLATE template0;\n" \
    "$SAMNAV_TEST_PG_USER" "$SAMNAV_TEST_PG_USER" "$SAMNAV_TEST_PG_USER" "$SAMNAV_TEST_PG_PASSWORD" \
    "$PG_DATABASE" "$PG_DATABASE" "$SAMNAV_TEST_PG_USER" \
    | (cd / && runuser -u postgres -- psql -q -X -v ON_ERROR_STOP=1 -p "$PG_PORT" -d postgres >/dev/null)
  export SAMNAV_TEST_POSTGRES_URL="jdbc:postgresql://localhost:$PG_PORT/$PG_DATABASE"
  echo "PostgreSQL $PG_VERSION for the integration tests: $SAMNAV_TEST_POSTGRES_URL (user $SAMNAV_TEST_PG_USER)"
fi
