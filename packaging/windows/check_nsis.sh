#!/usr/bin/env bash
# Compile packaging/windows/inkwell.nsi with makensis (Debian package `nsis`) against a stand-in payload folder, to
# check the script without a Windows build. The real installer is made in CI from the PyInstaller folder.
#   packaging/windows/check_nsis.sh
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PY=${PYTHON:-$ROOT/.venv/bin/python}
command -v makensis >/dev/null || { echo "makensis not found: apt-get install nsis" >&2; exit 1; }
VERSION=$(cd "$ROOT" && "$PY" -c 'import app; print(app.__version__)')
WORK=$ROOT/build/nsis-check
PAYLOAD=$WORK/Inkwell
OUT=$WORK/Inkwell-$VERSION-windows-x86_64-setup.exe
rm -rf "$WORK"
mkdir -p "$PAYLOAD/_internal/resources"
# The same shape as the PyInstaller folder: the two executables and _internal.
printf 'stand-in' > "$PAYLOAD/Inkwell.exe"
printf 'stand-in' > "$PAYLOAD/inkwell-cli.exe"
cp "$ROOT/resources/icons/inkwell.svg" "$PAYLOAD/_internal/resources/"

# makensis resolves relative paths against the script's folder, as on Windows.
cd "$ROOT/packaging/windows"
makensis -V2 -WX -DVERSION="$VERSION" -DPAYLOAD="$PAYLOAD" -DOUTFILE="$OUT" inkwell.nsi
test -s "$OUT"
echo "compiled $(basename "$OUT") ($(stat -c %s "$OUT") bytes) against a stand-in payload"
