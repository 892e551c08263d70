#!/bin/sh
# Applies the pending SQL migrations in a directory to $DATABASE_URL, oldest first, all of them
# and their bookkeeping rows in ONE transaction: a failure leaves the database exactly as it was,
# so a failed migration step needs no undo (a rollback only undoes steps that completed).
# Usage: migrate.sh up|status <directory of NNNN_name.sql files>
set -eu

usage() { echo "usage: $0 up|status <migrations directory>" >&2; exit 64; }
[ $# -eq 2 ] || usage
command=$1
dir=$2
case $command in up|status) ;; *) usage ;; esac
: "${DATABASE_URL:?DATABASE_URL must name the database to migrate}"
[ -d "$dir" ] || { echo "migrate: no such directory: $dir" >&2; exit 66; }

# Keep the log to what happened, not "already exists, skipping" notices.
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"

psql_q() { psql "$DATABASE_URL" -X -q -v ON_ERROR_STOP=1 "$@"; }

psql_q -c "CREATE TABLE IF NOT EXISTS schema_migrations (
  version text PRIMARY KEY,
  applied_at timestamptz NOT NULL DEFAULT now())"

# Collect the pending files as psql arguments: -f FILE -c "INSERT ... VERSION" for each.
set --
pending=0
for file in "$dir"/*.sql; do
  [ -e "$file" ] || continue
  version=$(basename "$file" .sql)
  case $version in *[!A-Za-z0-9_-]*) echo "migrate: bad file name: $file" >&2; exit 65 ;; esac
  if [ "$(psql_q -tA -c "SELECT 1 FROM schema_migrations WHERE version = '$version'")" = 1 ]; then
    [ "$command" = status ] && echo "applied  $version"
    continue
  fi
  pending=$((pending + 1))
  echo "pending  $version"
  set -- "$@" -f "$file" -c "INSERT INTO schema_migrations (version) VALUES ('$version')"
done

if [ "$command" = up ] && [ "$pending" -gt 0 ]; then
  psql_q --single-transaction "$@"
fi
[ "$command" = up ] && echo "migrate: $pending migration(s) applied"
exit 0
