#!/usr/bin/env bash
# The CTest fixture of the sync tests (tests/sync/CMakeLists.txt):
#   tools/ttrss/fixture.sh start STATE_DIR   starts the server and writes its address to
#                                           STATE_DIR/url; where it cannot run here (not
#                                           root, tt-rss not installed) writes the reason to
#                                           STATE_DIR.skip instead and succeeds, so that the
#                                           tests skip with that reason
#   tools/ttrss/fixture.sh stop STATE_DIR    stops it and deletes its data
# In CI (CI set) a server that cannot start is a failure, never a skip.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
verb=${1:?usage: fixture.sh start|stop STATE_DIR}
state=${2:?usage: fixture.sh start|stop STATE_DIR}

skip() {
    if [[ -n ${CI:-} ]]; then
        echo "tools/ttrss/fixture.sh: $1 (in CI the sync tests must run)" >&2
        exit 1
    fi
    echo "$1" >"$state.skip"
    echo "tools/ttrss/fixture.sh: the sync tests will skip: $1" >&2
    exit 0
}

case "$verb" in
    start)
        rm -f "$state.skip" "$state/url"
        [[ $(id -u) -eq 0 ]] || skip "the Tiny Tiny RSS server needs root to start (PostgreSQL and PHP run as their own users)"
        [[ -f /usr/share/tt-rss/www/api/index.php ]] || skip "tt-rss is not installed (tools/ttrss/install.sh, which tools/dev runs)"
        # A server left by a run that was cut short starts from empty.
        "$here/stop.sh" "$state" --purge
        url=$("$here/start.sh" "$state" | tail -n 1) || { echo "tools/ttrss/fixture.sh: the server did not start" >&2; exit 1; }
        echo "$url" >"$state/url"
        ;;
    stop)
        rm -f "$state.skip"
        [[ $(id -u) -eq 0 ]] && "$here/stop.sh" "$state" --purge
        exit 0
        ;;
    *) echo "usage: fixture.sh start|stop STATE_DIR" >&2; exit 2 ;;
esac
