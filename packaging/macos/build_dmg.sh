#!/usr/bin/env bash
# macOS: Inkwell.app from packaging/inkwell.spec, signed and notarized when the credentials are set, in a .dmg.
#   PYTHON=.venv/bin/python packaging/macos/build_dmg.sh
# Signing: INKWELL_CODESIGN_IDENTITY ("Developer ID Application: ..."), in a keychain the caller unlocked.
# Notarization: INKWELL_NOTARY_PROFILE, a profile stored with `xcrun notarytool store-credentials`.
# Without them the app is ad-hoc signed (runs on this Mac; Gatekeeper asks elsewhere).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PY=${PYTHON:-$ROOT/.venv/bin/python}
cd "$ROOT"
VERSION=$("$PY" -c 'import app; print(app.__version__)')
APP=dist/Inkwell.app
DMG=dist/Inkwell-$VERSION-macos-arm64.dmg

"$PY" -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller packaging/inkwell.spec
"$APP/Contents/MacOS/inkwell" --version

if [ -n "${INKWELL_CODESIGN_IDENTITY:-}" ]; then
    # PyInstaller signed every binary with the identity; sign the bundle as a whole with the hardened runtime.
    codesign --force --deep --options runtime --timestamp \
        --entitlements packaging/macos/entitlements.plist --sign "$INKWELL_CODESIGN_IDENTITY" "$APP"
    codesign --verify --deep --strict --verbose=2 "$APP"
fi

rm -f "$DMG"
"$PY" -m dmgbuild -s packaging/macos/dmg_settings.py -D app="$APP" "Inkwell" "$DMG"

if [ -n "${INKWELL_CODESIGN_IDENTITY:-}" ]; then
    codesign --force --timestamp --sign "$INKWELL_CODESIGN_IDENTITY" "$DMG"
fi
if [ -n "${INKWELL_CODESIGN_IDENTITY:-}" ] && [ -n "${INKWELL_NOTARY_PROFILE:-}" ]; then
    xcrun notarytool submit "$DMG" --keychain-profile "$INKWELL_NOTARY_PROFILE" --wait
    xcrun stapler staple "$DMG"
    spctl --assess --type open --context context:primary-signature --verbose "$DMG"
fi
ls -l "$DMG"
