#!/usr/bin/env bash
# The installed-app checks of smoke_test.sh for any OS (the release workflow runs it on Windows and macOS, in Git Bash
# on Windows): version, `generate` equal to the source checkout's, --self-test, `models list`, with fresh user
# folders (INKWELL_HOME: on Windows, platformdirs asks the shell for the folders, so HOME cannot redirect them).
#
#   packaging/smoke_bundle.sh PATH/TO/EXECUTABLE      (inkwell, Inkwell.app/Contents/MacOS/inkwell, inkwell-cli.exe)
set -uo pipefail

EXE=$1
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SOURCE_PYTHON=${SOURCE_PYTHON:-$ROOT/.venv/bin/python}
WORK=$(mktemp -d)
PROMPT="The quick brown fox"
FAILED=0
VERSION=$(cd "$ROOT" && "$SOURCE_PYTHON" -c 'import app; print(app.__version__)')

check() {
    local name=$1
    shift
    if "$@" >"$WORK/log" 2>&1; then
        echo "PASS  $name"
    else
        echo "FAIL  $name"
        tail -n 15 "$WORK/log" | sed 's/^/        /'
        FAILED=1
    fi
}

# Output only: Windows console programs end lines with CRLF.
run() { INKWELL_HOME="$WORK/user" QT_QPA_PLATFORM=offscreen "$EXE" "$@" | tr -d '\r'; }

version() { [ "$(run --version)" = "Inkwell $VERSION" ]; }
generate() {
    local installed source
    installed=$(run generate --greedy --dtype float32 --max-new-tokens 24 "$PROMPT") || return 1
    source=$(cd "$ROOT" && INKWELL_HOME="$WORK/source" "$SOURCE_PYTHON" -m app generate --greedy --dtype float32 \
        --max-new-tokens 24 "$PROMPT" | tr -d '\r') || return 1
    printf 'installed: %q\nsource:    %q\n' "$installed" "$source"
    [ -n "$installed" ] && [ "$installed" = "$source" ]
}
self_test() { run --self-test 2>&1 | tee /dev/stderr | tail -n 1 | grep -qx "self-test ok"; }
models_list() { run models list | grep -qi smollm2; }

check "inkwell --version" version
check "inkwell generate = source output" generate
check "inkwell --self-test" self_test
check "inkwell models list" models_list
[ "$FAILED" -eq 0 ]
