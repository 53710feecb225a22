#!/usr/bin/env bash
# Stops what tools/ttrss/start.sh STATE_DIR started, by the process ids it recorded and by
# pg_ctl on its own cluster; nothing else. --purge also deletes STATE_DIR (the server's data).
#   tools/ttrss/stop.sh STATE_DIR [--purge]
set -uo pipefail

state=${1:?usage: tools/ttrss/stop.sh STATE_DIR [--purge]}
[[ -d $state ]] || exit 0
[[ $(id -u) -eq 0 ]] || { echo "tools/ttrss/stop.sh: needs root" >&2; exit 1; }

# Each recorded process leads a process group of its own (start.sh runs it under setsid):
# the group goes with it, so that PHP's workers do not go on answering without it.
stop_pid() {
    local file=$1 pid
    [[ -s $file ]] || return 0
    pid=$(cat "$file")
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null
        for _ in $(seq 100); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 0.05; done
        kill -KILL -- "-$pid" 2>/dev/null
    fi
    rm -f "$file"
}
stop_pid "$state/run/php.pid"
stop_pid "$state/run/feeds.pid"
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [[ -n $pgbin && -s $state/pg/PG_VERSION ]]; then
    setpriv --reuid=postgres --regid=postgres --init-groups -- "$pgbin/pg_ctl" -D "$state/pg" -m immediate -w -t 30 stop >/dev/null 2>&1
fi
[[ ${2:-} == --purge ]] && rm -rf "$state"
exit 0
