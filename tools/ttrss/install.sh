#!/usr/bin/env bash
# Installs Tiny Tiny RSS (Debian 12's tt-rss), PHP and PostgreSQL for the sync tests, without
# a web server and without starting any service: tools/ttrss/start.sh runs a private instance.
# Idempotent; needs root (tools/dev runs it through sudo when you are not).
set -euo pipefail

[[ $(id -u) -eq 0 ]] || { echo "tools/ttrss/install.sh: needs root" >&2; exit 1; }
here=$(cd "$(dirname "$0")" && pwd)

mapfile -t packages < <(grep -v '^#' "$here/debian-packages.txt" | grep -v '^$')
installed() {
    local pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || return 1
    done
}
installed "${packages[@]}" && exit 0

export DEBIAN_FRONTEND=noninteractive
apt_install() {
    apt-get install -y -qq --no-install-recommends --no-upgrade \
        -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "$@"
}
# dbconfig-common configures no database (start.sh makes its own) and no web server is set up.
debconf-set-selections <<'SEL'
tt-rss tt-rss/dbconfig-install boolean false
tt-rss tt-rss/dbconfig-upgrade boolean false
tt-rss tt-rss/dbconfig-remove boolean false
tt-rss tt-rss/database-type select pgsql
tt-rss tt-rss/reconfigure-webserver multiselect
SEL
# Keep the packages' scripts from starting PostgreSQL's main cluster or tt-rss's updater, where
# the machine has no policy of its own.
policy=/usr/sbin/policy-rc.d
if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy"
    chmod 755 "$policy"
    trap 'rm -f "$policy"' EXIT
fi
[[ -n "$(find /var/lib/apt/lists -name '*Packages*' -print -quit 2>/dev/null)" ]] || apt-get update -qq
# tt-rss (the last) on its own, once its alternatives are there.
installed "${packages[@]:0:${#packages[@]}-1}" || apt_install "${packages[@]:0:${#packages[@]}-1}"
installed tt-rss || apt_install tt-rss
[[ -f /usr/share/tt-rss/www/api/index.php ]] || { echo "tools/ttrss/install.sh: tt-rss is not where expected" >&2; exit 1; }
echo "tools/ttrss/install.sh: tt-rss $(dpkg-query -W -f='${Version}' tt-rss) installed (see $here/start.sh)"
