# dmgbuild settings for Inkwell-<version>-macos-arm64.dmg (see build_dmg.sh):
#   dmgbuild -s packaging/macos/dmg_settings.py -D app=dist/Inkwell.app "Inkwell" dist/Inkwell-VERSION-macos-arm64.dmg
# dmgbuild executes this file with `defines` holding the -D values.
import os.path

application = defines.get("app", "dist/Inkwell.app")  # noqa: F821
appname = os.path.basename(application)

format = "UDZO"  # zlib-compressed, readable on every supported macOS
filesystem = "HFS+"
size = None  # computed from the contents

files = [application]
symlinks = {"Applications": "/Applications"}  # drag Inkwell onto Applications to install
badge_icon = None
icon = os.path.join(os.path.dirname(os.path.abspath(application)), "..", "resources", "icons", "inkwell.icns")
if not os.path.isfile(icon):
    icon = None
icon_locations = {appname: (140, 120), "Applications": (500, 120)}

background = "builtin-arrow"
show_status_bar = False
show_tab_view = False
show_toolbar = False
show_pathbar = False
show_sidebar = False
window_rect = ((200, 200), (640, 300))
default_view = "icon-view"
icon_size = 96
text_size = 13
