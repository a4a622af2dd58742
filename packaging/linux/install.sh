#!/bin/sh
# Install artdesk's desktop integration files (desktop entry, AppStream metainfo, icons)
# into the freedesktop layout under a prefix:
#
#   $PREFIX/share/applications/io.artdesk.Artdesk.desktop
#   $PREFIX/share/metainfo/io.artdesk.Artdesk.metainfo.xml
#   $PREFIX/share/icons/hicolor/<N>x<N>/apps/artdesk.png   (16 ... 512)
#   $PREFIX/share/icons/hicolor/scalable/apps/artdesk.svg
#
# The desktop entry runs `artdesk`, which must be on PATH (pip/pipx install or the bundle).
#
# Usage: install.sh [--prefix DIR] [--uninstall]
#   PREFIX   defaults to ~/.local (per-user); use /usr/local or /usr for system-wide.
#   DESTDIR  optional staging root prepended to every path (for distribution packaging);
#            caches are not refreshed when it is set.
set -eu

APP_ID=io.artdesk.Artdesk
ICON_NAME=artdesk
SIZES="16 24 32 48 64 128 256 512"

HERE=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
RESOURCES=$(CDPATH= cd -- "$HERE/../../resources" && pwd)

PREFIX=${PREFIX:-"$HOME/.local"}
DESTDIR=${DESTDIR:-}
MODE=install

usage() {
    awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
}

while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) [ $# -ge 2 ] || { echo "install.sh: --prefix needs a directory" >&2; exit 2; }
                  PREFIX=$2; shift 2 ;;
        --prefix=*) PREFIX=${1#--prefix=}; shift ;;
        --uninstall) MODE=uninstall; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "install.sh: unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
done

case "$PREFIX" in
    /*) ;;
    *) echo "install.sh: PREFIX must be an absolute path, got '$PREFIX'" >&2; exit 2 ;;
esac

SHARE="$DESTDIR$PREFIX/share"

# Every file this script manages, as "source|destination" lines.
manifest() {
    echo "$HERE/$APP_ID.desktop|$SHARE/applications/$APP_ID.desktop"
    echo "$HERE/$APP_ID.metainfo.xml|$SHARE/metainfo/$APP_ID.metainfo.xml"
    for n in $SIZES; do
        echo "$RESOURCES/icons/hicolor/${n}x${n}/apps/$ICON_NAME.png|$SHARE/icons/hicolor/${n}x${n}/apps/$ICON_NAME.png"
    done
    echo "$RESOURCES/icons/$ICON_NAME.svg|$SHARE/icons/hicolor/scalable/apps/$ICON_NAME.svg"
}

refresh_caches() {
    [ -z "$DESTDIR" ] || return 0
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$SHARE/applications" 2>/dev/null || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$SHARE/icons/hicolor/index.theme" ]; then
        gtk-update-icon-cache -q -t "$SHARE/icons/hicolor" 2>/dev/null || true
    fi
}

if [ "$MODE" = uninstall ]; then
    manifest | while IFS='|' read -r src dst; do
        if [ -e "$dst" ]; then
            rm -f -- "$dst"
            echo "removed $dst"
        fi
    done
    refresh_caches
    exit 0
fi

# Check every source first so a missing icon does not leave a half-done install.
missing=$(manifest | while IFS='|' read -r src dst; do [ -f "$src" ] || echo "  $src"; done)
if [ -n "$missing" ]; then
    printf 'install.sh: missing source files (run: python resources/make_icons.py):\n%s\n' \
        "$missing" >&2
    exit 1
fi

manifest | while IFS='|' read -r src dst; do
    mkdir -p -- "$(dirname -- "$dst")"
    cp -- "$src" "$dst"
    chmod 644 -- "$dst"
    echo "installed $dst"
done
refresh_caches
