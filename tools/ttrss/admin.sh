#!/usr/bin/env bash
# What the sync tests and the benchmark do to a server started by tools/ttrss/start.sh, as
# its administrator would (needs root):
#   tools/ttrss/admin.sh STATE_DIR expire-sessions   every client session ends, as after a
#                                                   server restart or the session's timeout
#   tools/ttrss/admin.sh STATE_DIR update-feeds     tt-rss's own updater fetches every feed
#   tools/ttrss/admin.sh STATE_DIR stop-web         the web server goes away (the data stays)
#   tools/ttrss/admin.sh STATE_DIR add-user NAME PASSWORD   a user with API access (tests
#                                                   take one each, so that they share nothing)
#   tools/ttrss/admin.sh STATE_DIR set-password NAME PASSWORD   the user's password changed
#   tools/ttrss/admin.sh STATE_DIR sql FILE|-       runs SQL on tt-rss's database
# Ports as for start.sh (TTRSS_PG_PORT).
set -euo pipefail

state=$(cd "${1:?usage: tools/ttrss/admin.sh STATE_DIR COMMAND}" && pwd)
pg_port=${TTRSS_PG_PORT:-18381}
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
psql_app() { "$pgbin/psql" -X -q -v ON_ERROR_STOP=1 -h "$state/pgrun" -p "$pg_port" -U ttrss -d ttrss "$@"; }

case "${2:-}" in
    expire-sessions) psql_app -c "DELETE FROM ttrss_sessions" ;;
    update-feeds)
        cd /usr/share/tt-rss/www
        setpriv --reuid=www-data --regid=www-data --init-groups -- php -d display_errors=0 \
            -d auto_prepend_file="$state/run/settings.php" -d error_log="$state/log/php-error.log" \
            update.php --feeds --quiet >"$state/log/update.log" 2>&1 ;;
    stop-web)
        # PHP's workers are in the recorded process's group (start.sh): they go with it.
        pid=$(cat "$state/run/php.pid" 2>/dev/null || true)
        [[ -n $pid ]] && { kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null; }
        for _ in $(seq 100); do [[ -n $pid ]] && kill -0 -- "-$pid" 2>/dev/null || break; sleep 0.05; done
        rm -f "$state/run/php.pid" ;;
    add-user)
        psql_app -v name="${3:?add-user NAME PASSWORD}" -v pass="${4:?add-user NAME PASSWORD}" <<'SQL'
INSERT INTO ttrss_users (login, pwd_hash, access_level, created, salt)
    SELECT :'name', 'MODE2:' || encode(sha256(convert_to('bulletin' || :'pass', 'UTF8')), 'hex'), 0, NOW(), 'bulletin'
    WHERE NOT EXISTS (SELECT 1 FROM ttrss_users WHERE login = :'name');
INSERT INTO ttrss_user_prefs (owner_uid, pref_name, profile, value)
    SELECT id, 'ENABLE_API_ACCESS', NULL, 'true' FROM ttrss_users WHERE login = :'name'
    AND NOT EXISTS (SELECT 1 FROM ttrss_user_prefs p WHERE p.owner_uid = ttrss_users.id
                    AND p.pref_name = 'ENABLE_API_ACCESS' AND p.profile IS NULL);
SQL
        ;;
    set-password)
        # As the user's preferences would: tt-rss then ends the user's sessions (they keep
        # the hash they were opened with).
        psql_app -v name="${3:?set-password NAME PASSWORD}" -v pass="${4:?set-password NAME PASSWORD}" <<'SQL'
UPDATE ttrss_users SET salt = 'bulletin',
       pwd_hash = 'MODE2:' || encode(sha256(convert_to('bulletin' || :'pass', 'UTF8')), 'hex')
    WHERE login = :'name';
SQL
        ;;
    sql) if [[ ${3:--} == - ]]; then psql_app; else psql_app -f "$3"; fi ;;
    *) echo "usage: tools/ttrss/admin.sh STATE_DIR expire-sessions|update-feeds|stop-web|add-user NAME PASSWORD|set-password NAME PASSWORD|sql FILE" >&2; exit 2 ;;
esac
