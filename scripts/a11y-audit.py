#!/usr/bin/env python3
"""What a screen reader meets in the running app, page by page: walks the accessibility tree
that Pitchcraft exposes over AT-SPI (as Orca reads it) and counts the nodes, the interactive
ones, those without a name, and sibling buttons that share a name. Moves between pages by
pressing the navigation buttons through AT-SPI itself, as an assistive tool would.

Usage: a11y-audit.py [--pages] [--json]   (the app must be running on the session's AT-SPI
bus; scripts/check-a11y.sh starts everything needed.)
"""
import json
import sys
import time

import pyatspi

INTERACTIVE = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX, pyatspi.ROLE_RADIO_BUTTON,
    pyatspi.ROLE_ENTRY, pyatspi.ROLE_TEXT, pyatspi.ROLE_PASSWORD_TEXT, pyatspi.ROLE_COMBO_BOX,
    pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_SLIDER, pyatspi.ROLE_LINK, pyatspi.ROLE_MENU_ITEM,
    pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_CHECK_MENU_ITEM, pyatspi.ROLE_RADIO_MENU_ITEM,
}


def find_app(name="pitchcraft", timeout=30.0):
    deadline = time.time() + timeout
    while time.time() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for index in range(desktop.childCount):
            app = desktop.getChildAtIndex(index)
            if app is not None and (app.name or "").lower().startswith(name):
                return app
        time.sleep(0.5)
    sys.exit(f"a11y-audit: no application named {name} on the AT-SPI bus within {timeout:.0f} s")


def walk(node, depth=0):
    yield node, depth
    for index in range(node.childCount):
        child = node.getChildAtIndex(index)
        if child is not None:
            yield from walk(child, depth + 1)


def is_editable_text(node):
    try:
        return node.getState().contains(pyatspi.STATE_EDITABLE)
    except Exception:
        return False


def audit(app):
    nodes = interactive = 0
    unnamed, duplicates = [], []
    frames = []
    for node, _ in walk(app):
        nodes += 1
        role = node.getRole()
        if role == pyatspi.ROLE_FRAME:
            frames.append(node.name or "")
        if role in INTERACTIVE or (role == pyatspi.ROLE_TEXT and is_editable_text(node)):
            interactive += 1
            if not (node.name or "").strip():
                unnamed.append(f"{node.getRoleName()} under {node.parent.getRoleName() if node.parent else '?'}")
        if node.childCount > 1:
            names = {}
            for index in range(node.childCount):
                child = node.getChildAtIndex(index)
                if child is not None and child.getRole() in (pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON):
                    name = (child.name or "").strip()
                    if name:
                        names[name] = names.get(name, 0) + 1
            duplicates += [f"{name} ×{count}" for name, count in names.items() if count > 1]
    return {"nodes": nodes, "interactive": interactive, "unnamed": unnamed, "duplicates": duplicates, "frames": frames}


def press(app, name):
    for node, _ in walk(app):
        if node.getRole() in (pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON) and node.name == name:
            action = node.queryAction()
            for index in range(action.nActions):
                if action.getName(index) in ("click", "press", "activate", "default", "Click"):
                    action.doAction(index)
                    return True
            if action.nActions:
                action.doAction(0)
                return True
    return False


def focused_name(app):
    for node, _ in walk(app):
        try:
            if node.getState().contains(pyatspi.STATE_FOCUSED) and node.getRole() != pyatspi.ROLE_FRAME:
                return node.name or ""
        except Exception:
            continue
    return None


def frame_name(app):
    for node, _ in walk(app):
        if node.getRole() == pyatspi.ROLE_FRAME:
            return node.name or ""
    return ""


def tab_to(app, name, pid, limit=40):
    """Presses Tab in the app's window (xdotool) until `name` has the keyboard; True when it did."""
    import subprocess
    window = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(pid)], capture_output=True,
                            text=True).stdout.split()
    if not window:
        return False
    subprocess.run(["xdotool", "windowfocus", "--sync", window[0]], check=False)
    for _ in range(limit):
        if focused_name(app) == name:
            return True
        subprocess.run(["xdotool", "key", "--window", window[0], "Tab"], check=False)
        time.sleep(0.3)
    return focused_name(app) == name


def failures(report, expect_frame):
    found = []
    for page, audit_of in report.items():
        if "error" in audit_of:
            found.append(f"{page}: {audit_of['error']}")
            continue
        found += [f"{page}: unnamed {item}" for item in audit_of["unnamed"]]
        found += [f"{page}: buttons sharing a name: {item}" for item in audit_of["duplicates"]]
        if not any(expect_frame in frame for frame in audit_of["frames"]):
            found.append(f"{page}: the frame is named {audit_of['frames']}, not after the window title")
    return found


def main():
    app = find_app()
    time.sleep(1.0)
    report = {}
    problems = []
    if "--pages" in sys.argv:
        pages = [arg.split("=", 1)[1].split(",") for arg in sys.argv if arg.startswith("--names=")]
        names = pages[0] if pages else ["Discover", "Pitches", "Rehearse", "Card", "Network", "Notes"]
        for name in names:
            if not press(app, name):
                report[name] = {"error": "no navigation button with this name"}
                continue
            time.sleep(1.5)
            report[name] = audit(app)
    else:
        report["screen"] = audit(app)
        # The welcome cards: buttons Tab reaches, and Enter presses.
        cards = [arg.split("=", 1)[1].split(",") for arg in sys.argv if arg.startswith("--cards=")]
        pid = [arg.split("=", 1)[1] for arg in sys.argv if arg.startswith("--pid=")]
        if cards and pid:
            names = {node.name for node, _ in walk(app) if node.getRole() == pyatspi.ROLE_PUSH_BUTTON}
            problems += [f"welcome: no button named {card}" for card in cards[0] if card not in names]
            sample = cards[0][1]
            if not tab_to(app, sample, pid[0]):
                problems.append(f"welcome: Tab never reached {sample}")
            else:
                import subprocess
                subprocess.run(["xdotool", "key", "Return"], check=False)
                deadline = time.time() + 10
                while time.time() < deadline and "Sanne de Vries" not in frame_name(app):
                    time.sleep(0.3)
                if "Sanne de Vries" not in frame_name(app):
                    problems.append(f"welcome: Enter on {sample} did not open the sample (frame: {frame_name(app)!r})")
                else:
                    print(f"welcome: Tab reached {sample}; Enter opened the sample ({frame_name(app)!r})")
    if "--assert" in sys.argv:
        problems = failures(report, "Pitchcraft") + problems
    if "--json" in sys.argv:
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        for page, found in report.items():
            if "error" in found:
                print(f"{page}: {found['error']}")
                continue
            print(f"{page}: {found['nodes']} nodes, {found['interactive']} interactive, "
                  f"{len(found['unnamed'])} unnamed, {len(found['duplicates'])} duplicate names; frame {found['frames']}")
            for item in found["unnamed"][:10]:
                print(f"  unnamed: {item}")
            for item in found["duplicates"][:10]:
                print(f"  duplicate: {item}")
    if problems:
        print("\n".join(f"a11y: {problem}" for problem in problems), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
