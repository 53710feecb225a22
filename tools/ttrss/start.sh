#!/usr/bin/env bash
# Starts a private Tiny Tiny RSS server on 127.0.0.1 for Bulletin's sync tests and benchmark:
#   tools/ttrss/start.sh STATE_DIR      (prints the server's base address on its last line)
# - a PostgreSQL cluster of its own in STATE_DIR/pg (127.0.0.1:TTRSS_PG_PORT), with tt-rss's
#   schema and two users: TTRSS_USER with API access and "noapi" without it (same password);
# - tt-rss served by `php -S 127.0.0.1:TTRSS_PORT` with TTRSS_PHP_WORKERS workers (4), its settings given to PHP before tt-rss's
#   own config.php is read (auto_prepend_file), so that nothing under /etc changes and several
#   instances can run side by side;
# - the files of STATE_DIR/feeds served on 127.0.0.1:TTRSS_FEED_PORT, which tt-rss fetches
#   through the test-only loopback_fetch plugin.
# Running it again while the server is up only checks it. Needs root (tools/ttrss/install.sh
# first); stop it with tools/ttrss/stop.sh STATE_DIR.
set -euo pipefail

state=${1:?usage: tools/ttrss/start.sh STATE_DIR}
here=$(cd "$(dirname "$0")" && pwd)
port=${TTRSS_PORT:-18380}
pg_port=${TTRSS_PG_PORT:-18381}
feed_port=${TTRSS_FEED_PORT:-18382}
user=${TTRSS_USER:-bulletin}
password=${TTRSS_PASSWORD:-bulletin-test}
www=/usr/share/tt-rss/www
base="http://127.0.0.1:$port/"

die() { echo "tools/ttrss/start.sh: $*" >&2; exit 1; }
[[ $(id -u) -eq 0 ]] || die "needs root (it runs PostgreSQL and PHP as their own users)"
[[ -f $www/api/index.php ]] && command -v php >/dev/null || die "tt-rss is not installed: run tools/ttrss/install.sh"
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
[[ -x $pgbin/pg_ctl ]] || die "PostgreSQL is not installed: run tools/ttrss/install.sh"

mkdir -p "$state"/{pg,pgrun,log,feeds,run}
state=$(cd "$state" && pwd)
chmod 755 "$state" "$state/feeds" "$state/run"
chown postgres:postgres "$state/pg" "$state/pgrun"
chmod 700 "$state/pg"
chown www-data:www-data "$state/log"

as() { local who=$1; shift; setpriv --reuid="$who" --regid="$who" --init-groups -- "$@"; }
psql_as() { "$pgbin/psql" -X -q -v ON_ERROR_STOP=1 -h "$state/pgrun" -p "$pg_port" "$@"; }
alive() { [[ -s $1 ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

# PostgreSQL: durability is not wanted for a throw-away test server.
if [[ ! -s $state/pg/PG_VERSION ]]; then
    as postgres "$pgbin/initdb" -D "$state/pg" -U postgres -E UTF8 --locale=C.UTF-8 --auth-local=trust \
        --auth-host=trust >"$state/log/initdb.log" 2>&1 || { cat "$state/log/initdb.log" >&2; die "initdb failed"; }
fi
if ! as postgres "$pgbin/pg_ctl" -D "$state/pg" status >/dev/null 2>&1; then
    touch "$state/log/postgres.log" && chown postgres:postgres "$state/log/postgres.log"
    as postgres "$pgbin/pg_ctl" -D "$state/pg" -l "$state/log/postgres.log" -w -t 60 start \
        -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $state/pgrun -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=32MB -c max_connections=40" \
        >/dev/null || { tail -20 "$state/log/postgres.log" >&2; die "PostgreSQL did not start"; }
fi
if [[ $(psql_as -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'ttrss'") != 1 ]]; then
    psql_as -U postgres -d postgres -c "CREATE ROLE ttrss LOGIN" -c "CREATE DATABASE ttrss OWNER ttrss TEMPLATE template0 ENCODING 'UTF8'"
fi
if [[ $(psql_as -U ttrss -d ttrss -tAc "SELECT to_regclass('public.ttrss_version') IS NOT NULL") != t ]]; then
    psql_as -U ttrss -d ttrss -1 -f /usr/share/tt-rss/schema/ttrss_schema_pgsql.sql >"$state/log/schema.log" 2>&1 \
        || { tail -20 "$state/log/schema.log" >&2; die "loading tt-rss's schema failed"; }
fi
# The users, with a known password (tt-rss's MODE2: sha256 of salt and password).
psql_as -U ttrss -d ttrss -v pass="$password" -v api_user="$user" <<'SQL'
INSERT INTO ttrss_users (login, pwd_hash, access_level, created)
    SELECT u, 'x', 0, NOW() FROM (VALUES (:'api_user'), ('noapi')) AS n(u)
    WHERE NOT EXISTS (SELECT 1 FROM ttrss_users WHERE login = u);
UPDATE ttrss_users SET salt = 'bulletin', otp_enabled = false,
       pwd_hash = 'MODE2:' || encode(sha256(convert_to('bulletin' || :'pass', 'UTF8')), 'hex')
    WHERE login IN (:'api_user', 'noapi');
DELETE FROM ttrss_user_prefs WHERE pref_name = 'ENABLE_API_ACCESS' AND profile IS NULL
    AND owner_uid IN (SELECT id FROM ttrss_users WHERE login IN (:'api_user', 'noapi'));
INSERT INTO ttrss_user_prefs (owner_uid, pref_name, profile, value)
    SELECT id, 'ENABLE_API_ACCESS', NULL, CASE WHEN login = 'noapi' THEN 'false' ELSE 'true' END
    FROM ttrss_users WHERE login IN (:'api_user', 'noapi');
SQL

# tt-rss's settings for this instance; config.php's own define()s of the same names are then
# ignored (PHP keeps the first definition of a constant).
cat >"$state/run/settings.php" <<PHP
<?php
define('DB_TYPE', 'pgsql');
define('DB_HOST', '127.0.0.1');
define('DB_PORT', '$pg_port');
define('DB_USER', 'ttrss');
define('DB_NAME', 'ttrss');
define('DB_PASS', '');
define('SELF_URL_PATH', '$base');
define('CHECK_FOR_UPDATES', false);
define('PLUGINS', 'auth_internal, note, loopback_fetch');
define('LOG_DESTINATION', 'syslog');
define('BULLETIN_FEED_PORT', $feed_port);
// update.php --feeds runs a PHP of its own for each feed: give it these settings too.
define('PHP_EXECUTABLE', '/usr/bin/php -d auto_prepend_file=$state/run/settings.php -d display_errors=0');
// update.php's locks, this instance's own, so that instances side by side never wait on each other.
define('LOCK_DIRECTORY', '$state/run/lock');
PHP
chmod 644 "$state/run/settings.php"
install -d -o www-data -g www-data "$state/run/lock"
install -D -m 644 "$here/loopback_fetch/init.php" "$www/plugins.local/loopback_fetch/init.php"
# tt-rss's cache and lock folders are written by the web server's user.
mkdir -p /var/cache/tt-rss/js
chown www-data:www-data /var/cache/tt-rss/* /var/lib/tt-rss /var/lib/tt-rss/feed-icons 2>/dev/null || true

if ! alive "$state/run/feeds.pid"; then
    setsid setpriv --reuid=nobody --regid=nogroup --clear-groups -- /usr/bin/python3 -m http.server "$feed_port" \
        --bind 127.0.0.1 --directory "$state/feeds" >"$state/log/feeds.log" 2>&1 </dev/null &
    echo $! >"$state/run/feeds.pid"
fi
# Several PHP workers, as tt-rss runs behind php-fpm (5 children by default): a client's
# requests sent together are answered side by side, not one after another. The workers are
# the children of the recorded process, in its process group: stop.sh signals the group.
if ! alive "$state/run/php.pid"; then
    (cd "$www" && export PHP_CLI_SERVER_WORKERS=${TTRSS_PHP_WORKERS:-4} && exec setsid setpriv --reuid=www-data --regid=www-data --init-groups -- \
        php -d auto_prepend_file="$state/run/settings.php" -d display_errors=0 -d log_errors=1 \
            -d error_log="$state/log/php-error.log" -d memory_limit=256M -S "127.0.0.1:$port" -t "$www" \
        >"$state/log/php.log" 2>&1 </dev/null) &
    echo $! >"$state/run/php.pid"
fi

login="{\"op\":\"login\",\"user\":\"$user\",\"password\":\"$password\"}"
for _ in $(seq 150); do
    if curl -fsS -m 5 -H 'Content-Type: application/json' -d "$login" "${base}api/" 2>/dev/null | grep -q '"session_id"'; then
        echo "$base"
        exit 0
    fi
    alive "$state/run/php.pid" || { tail -20 "$state/log/php.log" >&2; die "php -S stopped"; }
    sleep 0.2
done
die "the API did not answer a login at ${base}api/ (see $state/log)"
