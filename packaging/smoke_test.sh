#!/usr/bin/env bash
# Install the .deb and check it as a user would, then check that an upgrade and a removal keep the user's data.
#
#   sudo packaging/smoke_test.sh dist/inkwell_<version>_amd64.deb
#
# Run as root (dpkg). The app runs with a fresh, empty HOME and no INKWELL_HOME, as a first start would.
# SOURCE_PYTHON (default: .venv/bin/python of this checkout) runs the same `generate` from source for comparison and
# writes the user data the upgrade must keep. Prints one PASS/FAIL line per step; exits 0 only if all passed.
# Ends with the package installed.
set -u

if [ $# -ne 1 ] || [ ! -f "$1" ]; then
    echo "usage: $0 PATH/TO/inkwell_VERSION_amd64.deb" >&2
    exit 2
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "run as root: dpkg -i needs it" >&2
    exit 2
fi

DEB=$(realpath "$1")
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SOURCE_PYTHON=${SOURCE_PYTHON:-$ROOT/.venv/bin/python}
VERSION=$(dpkg-deb -f "$DEB" Version)
WORK=$(mktemp -d /tmp/inkwell-smoke.XXXXXX)
USER_HOME=$WORK/home
SOURCE_HOME=$WORK/source-home
mkdir -p "$USER_HOME" "$SOURCE_HOME"
PROMPT="The quick brown fox"
PASSED=0
FAILED=0

# A clean environment: nothing from this shell (no INKWELL_HOME, no XDG_* folders, no virtualenv).
as_user() {
    env -i PATH=/usr/bin:/bin HOME="$USER_HOME" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen "$@"
}
from_source() {
    (cd "$ROOT" && env -i PATH=/usr/bin:/bin HOME="$2" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen PYTHONPATH="$ROOT" \
        "$SOURCE_PYTHON" "${@:3}")
}

# step NAME COMMAND...: runs the command, prints PASS or FAIL (with the end of its output), counts the result.
step() {
    local name=$1
    shift
    local log=$WORK/step-$((PASSED + FAILED + 1)).log
    local started=$SECONDS
    if "$@" >"$log" 2>&1; then
        PASSED=$((PASSED + 1))
        printf 'PASS  %-58s %4ss\n' "$name" $((SECONDS - started))
    else
        FAILED=$((FAILED + 1))
        printf 'FAIL  %-58s %4ss\n' "$name" $((SECONDS - started))
        tail -n 15 "$log" | sed 's/^/        /'
    fi
}

install_deb() {
    dpkg -i "$1" && [ "$(dpkg-query -W -f='${Version}' inkwell)" = "$2" ] && [ -x /usr/bin/inkwell ] || return 1
    touch "$INSTALLED_MARKER"  # whatever under /usr/lib/inkwell is newer than this, the app wrote
}

check_version() {
    local out
    out=$(as_user /usr/bin/inkwell --version) || return 1
    echo "$out"
    [ "$out" = "Inkwell ${VERSION%%+*}" ]
}

check_generate() {
    local installed source
    installed=$(as_user /usr/bin/inkwell generate --greedy --dtype float32 --max-new-tokens 24 "$PROMPT") || return 1
    source=$(from_source x "$SOURCE_HOME" -m app generate --greedy --dtype float32 --max-new-tokens 24 "$PROMPT") \
        || return 1
    printf 'installed: %q\nsource:    %q\n' "$installed" "$source"
    [ -n "$installed" ] && [ "$installed" = "$source" ]
}

check_self_test() {
    local out
    out=$(as_user /usr/bin/inkwell --self-test 2>&1) || { echo "$out"; return 1; }
    echo "$out"
    [ "$(echo "$out" | tail -n 1)" = "self-test ok" ] || return 1
    if [ -n "${1:-}" ]; then
        echo "$out" | grep -qx "$1"
    fi
}

check_models_list() {
    local out
    out=$(as_user /usr/bin/inkwell models list) || return 1
    echo "$out"
    echo "$out" | grep -qi "smollm2"
}

seed_user_data() {
    from_source x "$USER_HOME" packaging/linux/seed_user_data.py
}

repack_higher_version() {
    local tree=$WORK/repack
    rm -rf "$tree"
    dpkg-deb -R "$DEB" "$tree" || return 1
    sed -i "s/^Version: .*/Version: $UPGRADE_VERSION/" "$tree/DEBIAN/control"
    dpkg-deb --root-owner-group -Zgzip -z1 --build "$tree" "$UPGRADE_DEB" >/dev/null
    rm -rf "$tree"
    [ "$(dpkg-deb -f "$UPGRADE_DEB" Version)" = "$UPGRADE_VERSION" ]
}

user_files_present() {
    ls -l "$USER_HOME/.config/Inkwell/settings.ini" "$USER_HOME/.local/share/Inkwell/conversations.sqlite3" \
        "$USER_HOME"/.local/share/Inkwell/recovery/session-*/smoke.json || return 1
    grep -q "temperature=0.5" "$USER_HOME/.config/Inkwell/settings.ini"
}

install_prefix_unchanged() {
    local changed new
    changed=$(dpkg -V inkwell)
    new=$(find /usr/lib/inkwell -newer "$INSTALLED_MARKER" -print)
    echo "dpkg -V: ${changed:-nothing changed}"
    echo "changed under /usr/lib/inkwell since the upgrade: ${new:-none}"
    [ -z "$changed" ] && [ -z "$new" ]
}

remove_keeps_user_files() {
    dpkg -r inkwell || return 1
    [ ! -e /usr/bin/inkwell ] && [ ! -e /usr/lib/inkwell/inkwell ] || return 1
    user_files_present
}

UPGRADE_VERSION="${VERSION}+smoke1"
UPGRADE_DEB=$WORK/inkwell_${UPGRADE_VERSION}_amd64.deb
INSTALLED_MARKER=$WORK/installed-marker
EXPECTED_DATA="user data: 2 settings, 1 conversations (2 messages), 1 recovery files"

echo "Smoke test of $DEB (version $VERSION), fresh HOME $USER_HOME"
step "dpkg -i $(basename "$DEB")" install_deb "$DEB" "$VERSION"
step "inkwell --version" check_version
step "inkwell generate (greedy, float32, 24 tokens) = source output" check_generate
step "inkwell --self-test" check_self_test
step "inkwell models list" check_models_list
step "user data written: settings, a conversation, a recovery file" seed_user_data
step "repack as version $UPGRADE_VERSION" repack_higher_version
step "upgrade in place with dpkg -i to $UPGRADE_VERSION" install_deb "$UPGRADE_DEB" "$UPGRADE_VERSION"
step "user files kept by the upgrade" user_files_present
step "upgraded app opens them (self-test reports them)" check_self_test "$EXPECTED_DATA"
step "dpkg -V: nothing changed under the install prefix" install_prefix_unchanged
step "dpkg -r keeps the user's files" remove_keeps_user_files
step "reinstall $(basename "$DEB") (left installed)" install_deb "$DEB" "$VERSION"
step "installed app runs after the reinstall" check_version

echo "$PASSED passed, $FAILED failed (logs in $WORK)"
[ "$FAILED" -eq 0 ]
