#!/usr/bin/python3
"""Read Inkwell's accessibility tree from outside the app, the way a screen reader (Orca) does: over AT-SPI.

Starts a virtual screen (Xvfb), a D-Bus session with the AT-SPI bus, and the real app; opens the task panes through
their View menu entries (AT-SPI actions, as a reader would); prints the role and name of every control in the window,
then opens each dialog from its menu entry and does the same; then listens to what the app announces (a notice, and
with --run a continuation written by the model: started, its sentences, finished). Exits non-zero if an interactive
control has no name or an expected announcement was not heard. See docs/accessibility.md.

Run with the system Python, which has pyatspi (Debian: python3-pyatspi, at-spi2-core, xvfb, dbus-x11):
    /usr/bin/python3 tools/atspi_tree.py [--all] [--no-dialogs] [--run 180 --cache .test-cache/home/cache]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
# Roles a user acts on: each needs a name. Labels, panels and scroll bars are read through what they belong to.
INTERACTIVE = {
    "push button",
    "toggle button",
    "check box",
    "radio button",
    "combo box",
    "text",
    "entry",
    "password text",
    "list",
    "list box",
    "tree",
    "tree table",
    "table",
    "spin button",
    "slider",
    "page tab",
}
# Containers printed for orientation (with their children indented under them).
HEADINGS = {"frame", "dialog", "page tab list", "menu bar", "panel", "filler", "split pane", "scroll pane"}
# The View menu entries that open the panes (a dock hidden at start is not in the window's tree).
PANE_ENTRIES = ("Summarize Pane", "Translate Pane", "Chat Pane", "Outline", "History")
# The menu entries that open dialogs, and the buttons that close them again.
DIALOG_ENTRIES = (
    "Settings…",
    "Model Manager…",
    "Keyboard Shortcuts",
    "Customize Shortcuts…",
    "Custom Actions…",
    "About Inkwell",
)
CLOSERS = {"Close", "Cancel", "Close the model manager"}
DEFAULT_TIMEOUTS = (800, 15000)  # libatspi's: a call's timeout, and a longer one while an application starts


def _start_screen() -> tuple[subprocess.Popen[bytes], str]:
    for number in range(90, 130):
        display = f":{number}"
        if Path(f"/tmp/.X11-unix/X{number}").exists():
            continue
        screen = subprocess.Popen(["Xvfb", display, "-screen", "0", "1400x900x24", "-nolisten", "tcp"])
        for _ in range(50):
            if subprocess.run(["xdpyinfo", "-display", display], capture_output=True).returncode == 0:
                return screen, display
            time.sleep(0.1)
        screen.kill()
    raise SystemExit("no free X display for Xvfb")


def _start_session_bus(env: dict[str, str]) -> tuple[str, int]:
    out = subprocess.run(["dbus-launch", "--sh-syntax"], env=env, capture_output=True, text=True, check=True).stdout
    address = re.search(r"DBUS_SESSION_BUS_ADDRESS='([^']+)'", out)
    pid = re.search(r"DBUS_SESSION_BUS_PID=(\d+)", out)
    if address is None or pid is None:
        raise SystemExit(f"dbus-launch said: {out}")
    return address.group(1), int(pid.group(1))


def _name(node: Any) -> str:
    """The name a reader says: the accessible name, or for a combo box (whose name is its current item in Qt on
    Linux) the label it is labelled by, as Orca does."""
    import pyatspi

    name = (node.name or "").strip()
    role = node.getRoleName()
    if role == "combo box" or not name:
        labels = []
        for relation in node.getRelationSet():
            if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
                labels += [(relation.getTarget(i).name or "").strip() for i in range(relation.getNTargets())]
        labelled = " ".join(label for label in labels if label)
        if labelled:
            return f"{labelled} ({name})" if name and role == "combo box" else labelled
    return name


def _find_app(pid: int, timeout: float) -> Any:
    import pyatspi

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            try:
                if app is not None and app.get_process_id() == pid and app.childCount > 0:
                    frame = app.getChildAtIndex(0)
                    if frame is not None and frame.childCount > 0:
                        return app
            except Exception:  # an application leaving the bus while we look
                continue
        time.sleep(0.5)
    return None


def _walk(node: Any, depth: int = 0) -> Any:
    yield node, depth
    try:
        count = node.childCount
    except Exception:  # a node gone while we walk
        return
    for i in range(count):
        child = node.getChildAtIndex(i)
        if child is not None:
            yield from _walk(child, depth + 1)


def _menu_entries(app: Any) -> dict[str, Any]:
    """The menu bar's entries by name (without the mnemonic's &)."""
    entries: dict[str, Any] = {}
    for node, _depth in _walk(app):
        if node.getRoleName() in ("check menu item", "menu item") and node.name:
            entries.setdefault(node.name.replace("&", ""), node)
    return entries


def _press(node: Any) -> None:
    """Do a control's first action, as a reader's user would. An entry that opens a modal dialog answers only when the
    dialog closes (Qt replies after exec() returns), so the call gives up after a second; the app keeps serving."""
    import pyatspi

    pyatspi.setTimeout(1000, 0)
    try:
        action = node.queryAction()
        if action.nActions > 0:
            action.doAction(0)
    except Exception:  # the late reply of a modal dialog's entry: the dialog is open all the same
        pass
    finally:
        pyatspi.setTimeout(*DEFAULT_TIMEOUTS)


def _open_panes(entries: dict[str, Any]) -> list[str]:
    opened = []
    for name in PANE_ENTRIES:
        if name in entries:
            _press(entries[name])
            opened.append(name)
    return opened


def _windows(app: Any) -> list[Any]:
    return [window for i in range(app.childCount) if (window := app.getChildAtIndex(i)) is not None]


def _open_dialog(app: Any, entry: Any) -> Any:
    """Open a dialog from its menu entry; the dialog's accessible, or None if none appeared within 15 s."""
    before = {(w.getRoleName(), w.name) for w in _windows(app)}
    _press(entry)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        for window in _windows(app):
            if (window.getRoleName(), window.name) not in before and window.childCount > 0:
                time.sleep(0.5)  # its children register as it shows
                return window
        time.sleep(0.2)
    return None


def _close_dialog(app: Any, dialog: Any) -> None:
    name = dialog.name
    for node, _depth in _walk(dialog):
        if node.getRoleName() == "push button" and node.name in CLOSERS:
            _press(node)
            break
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(w.name == name for w in _windows(app)):
        time.sleep(0.2)


POLITENESS = {1: "polite", 2: "assertive"}  # ATSPI_LIVE_POLITE, ATSPI_LIVE_ASSERTIVE


class _Announcements:
    """What the app announces (AT-SPI "object:announcement" events), heard as a screen reader hears them."""

    def __init__(self) -> None:
        import pyatspi

        self.heard: list[tuple[float, str, str]] = []  # seconds since listening began, text, politeness
        self._began = time.monotonic()
        self._until: Callable[[str], bool] | None = None
        # Registered before the app starts: Qt sends announcements only while someone listens for them.
        pyatspi.Registry.registerEventListener(self._on_event, "object:announcement")

    def _on_event(self, event: Any) -> None:
        import pyatspi
        from gi.repository import GLib

        text = str(event.any_data)
        self.heard.append((time.monotonic() - self._began, text, POLITENESS.get(event.detail1, "?")))
        if self._until is not None and self._until(text):
            self._until = None
            GLib.idle_add(pyatspi.Registry.stop)

    def wait(self, since: int, until: Callable[[str], bool], timeout: float) -> list[tuple[float, str, str]]:
        """Listen until an announcement satisfies `until` or `timeout` seconds pass; what was heard from the
        `since`-th announcement on. Take `since` before the action: libatspi may deliver events while the action's
        call waits for its reply."""
        import pyatspi
        from gi.repository import GLib

        if any(until(text) for _at, text, _p in self.heard[since:]):
            return self.heard[since:]
        self._until = until
        timer = GLib.timeout_add(int(timeout * 1000), pyatspi.Registry.stop)
        pyatspi.Registry.start()
        if self._until is None:  # stopped by an announcement: the timer would stop a later wait early
            GLib.source_remove(timer)
        self._until = None
        return self.heard[since:]


def _check_announcements(
    app: Any, entries: dict[str, Any], listener: _Announcements, run_timeout: float | None
) -> bool:
    """A notice (Help > Copy Diagnostics) must be announced; with `run_timeout`, continue writing too: started, the
    text in sentences, finished. False if an expected announcement was not heard."""
    ok = True
    since = len(listener.heard)
    _press(entries["Copy Diagnostics"])
    # Copying the diagnostics reads every installed package's version: seconds on a busy machine.
    heard = listener.wait(since, lambda text: text.startswith("Diagnostics copied"), 60)
    print("\nAnnounced after Help > Copy Diagnostics:")
    print("\n".join(f"  [{politeness}] {text}" for _at, text, politeness in heard) or "  nothing")
    ok = ok and any(text.startswith("Diagnostics copied") for _at, text, _p in heard)
    if run_timeout is not None:
        editor = next(n for n, _depth in _walk(app) if n.getRoleName() == "text" and n.name == "Document text")
        opening = "The harbour was quiet that morning, and"
        editor.queryEditableText().insertText(0, opening, len(opening))
        editor.queryText().setCaretOffset(len(opening))
        since = len(listener.heard)
        _press(entries["Continue Writing"])
        heard = listener.wait(
            since, lambda text: text.startswith(("Continue writing finished", "Continue writing failed")), run_timeout
        )
        print(f"\nAnnounced after typing “{opening}” and AI > Continue Writing (seconds after the key):")
        start = heard[0][0] if heard else 0.0
        print(
            "\n".join(f"  {at - start:5.1f} s [{politeness}] {text}" for at, text, politeness in heard) or "  nothing"
        )
        texts = [text for _at, text, _p in heard]
        ok = (
            ok
            and bool(texts)
            and texts[0] == "Continue writing started."
            and texts[-1].startswith("Continue writing finished")
        )
    return ok


def _focusable(node: Any) -> bool:
    """A read-only text view (the chat, a diff) has the role "label" in Qt, yet takes the keyboard: it needs a name.
    Only one on screen: a hidden label (the notice bar's, between notices) is named by the text it will show."""
    import pyatspi

    if node.getRoleName() != "label":
        return False
    states = node.getState()
    return bool(states.contains(pyatspi.STATE_FOCUSABLE) and states.contains(pyatspi.STATE_SHOWING))


def _report(app: Any, everything: bool) -> tuple[list[str], list[str]]:
    lines, unnamed = [], []
    for node, depth in _walk(app):
        role = node.getRoleName()
        parent = node.parent
        if role in INTERACTIVE and parent is not None and parent.getRoleName() == "combo box":
            continue  # a combo box's popup list: read as part of the combo box
        if role in INTERACTIVE or _focusable(node):
            name = _name(node)
            lines.append(f"{'  ' * depth}{role}: {name or '<NO NAME>'}")
            if not name:
                unnamed.append(f"{role} in {parent.getRoleName() if parent else '?'} {parent.name if parent else ''}")
        elif everything or role in HEADINGS:
            name = (node.name or "").strip()
            if everything or name:
                lines.append(f"{'  ' * depth}[{role}] {name}")
    return lines, unnamed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--all", action="store_true", help="print every node, not only controls and named groups")
    parser.add_argument("--timeout", type=float, default=90.0, help="seconds to wait for the window")
    parser.add_argument("--no-dialogs", action="store_true", help="only the main window and its panes")
    parser.add_argument(
        "--run",
        type=float,
        metavar="SECONDS",
        help="also continue a sentence with the model and listen to the announcements for up to SECONDS",
    )
    parser.add_argument(
        "--cache",
        type=Path,
        help="the app's cache folder to use (it keeps the converted built-in model; a fresh one converts it first, "
        "which takes minutes), e.g. .test-cache/home/cache",
    )
    parser.add_argument("--python", default=str(REPO / ".venv" / "bin" / "python"), help="the app's interpreter")
    args = parser.parse_args()
    for tool in ("Xvfb", "xdpyinfo", "dbus-launch"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is missing (Debian: sudo apt-get install xvfb x11-utils dbus-x11)")
    if not Path(BUS_LAUNCHER).exists():
        raise SystemExit("at-spi-bus-launcher is missing (Debian: sudo apt-get install at-spi2-core)")

    screen, display = _start_screen()
    home = tempfile.mkdtemp(prefix="inkwell-atspi-")
    if args.cache is not None:
        os.symlink(args.cache.resolve(), Path(home) / "cache")
    env = dict(os.environ, DISPLAY=display)
    env.pop("QT_QPA_PLATFORM", None)
    address, bus_pid = _start_session_bus(env)
    env["DBUS_SESSION_BUS_ADDRESS"] = address
    launcher = subprocess.Popen([BUS_LAUNCHER, "--launch-immediately"], env=env)
    app_process: subprocess.Popen[bytes] | None = None
    try:
        os.environ.update(DISPLAY=display, DBUS_SESSION_BUS_ADDRESS=address)
        import pyatspi  # noqa: F401  (after the bus address is set: it connects on import)

        listener = _Announcements()
        app_env = dict(env, QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", INKWELL_HOME=home, PYTHONPATH=str(REPO))
        app_process = subprocess.Popen(
            [args.python, "-m", "app"], cwd=REPO, env=app_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        app = _find_app(app_process.pid, args.timeout)
        if app is None:
            print(f"no Inkwell window on the AT-SPI bus after {args.timeout:.0f} s", file=sys.stderr)
            return 2
        entries = _menu_entries(app)
        opened = _open_panes(entries)
        time.sleep(1.0)  # the panes' widgets register on the bus as they show
        lines, unnamed = _report(app, args.all)
        print(f"Inkwell (pid {app_process.pid}) over AT-SPI; panes opened: {', '.join(opened) or 'none'}")
        print("\n".join(lines))
        controls = sum(1 for line in lines if not line.lstrip().startswith("["))
        if not args.no_dialogs:
            for name in DIALOG_ENTRIES:
                dialog = _open_dialog(app, entries[name]) if name in entries else None
                if dialog is None:
                    print(f"\n{name}: no dialog appeared", file=sys.stderr)
                    unnamed.append(f"the dialog of {name} (it did not open)")
                    continue
                dialog_lines, dialog_unnamed = _report(dialog, args.all)
                print(f"\nDialog from {name}")
                print("\n".join(dialog_lines))
                controls += sum(1 for line in dialog_lines if not line.lstrip().startswith("["))
                unnamed += dialog_unnamed
                _close_dialog(app, dialog)
        print(f"\n{controls} interactive controls, {len(unnamed)} without a name")
        for item in unnamed:
            print(f"UNNAMED: {item}", file=sys.stderr)
        announced = _check_announcements(app, entries, listener, args.run)
        if not announced:
            print("an expected announcement was not heard", file=sys.stderr)
        return 1 if unnamed or not announced else 0
    finally:
        if app_process is not None:
            app_process.send_signal(signal.SIGTERM)
            try:
                app_process.wait(10)
            except subprocess.TimeoutExpired:
                app_process.kill()
        launcher.terminate()
        os.kill(bus_pid, signal.SIGTERM)
        screen.terminate()
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
