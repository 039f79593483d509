#!/usr/bin/env bash
# Runs once, when the postgres container starts on an empty volume (/docker-entrypoint-initdb.d): one login role
# and one database per service, each database owned by its role and closed to the others, so a service reaches
# only its own data. Passwords come from the container's environment (docker-compose.yaml, from .env).
# `pnpm compose:rehearsal` runs this same file against its own Postgres, with PGHOST/PGPORT pointing there.
set -eo pipefail

create_service_database() {
  local role=$1 database=$2 password=$3
  # psql variables (:"name" quotes an identifier, :'name' a literal) keep the values out of the SQL text.
  psql -v ON_ERROR_STOP=1 --no-psqlrc --username "${POSTGRES_USER:-postgres}" --dbname "${POSTGRES_DB:-postgres}" \
    --set=role="$role" --set=database="$database" --set=password="$password" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
CREATE DATABASE :"database" OWNER :"role";
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
SQL
  echo "init-databases: role $role owns database $database"
}

create_service_database account shop_account "${ACCOUNT_DB_PASSWORD:?ACCOUNT_DB_PASSWORD is not set}"
create_service_database catalog shop_catalog "${CATALOG_DB_PASSWORD:?CATALOG_DB_PASSWORD is not set}"
create_service_database order shop_order "${ORDER_DB_PASSWORD:?ORDER_DB_PASSWORD is not set}"
