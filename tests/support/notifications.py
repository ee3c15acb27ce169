#!/usr/bin/env python3
"""A stand-in desktop notification server for the tests, on the session bus given in
DBUS_SESSION_BUS_ADDRESS: it owns org.freedesktop.Notifications, writes each notification
it is sent (app name, summary, body, actions) as one JSON line to the file named first, and
then answers as a person would who clicks it: ActionInvoked with the first action, then
NotificationClosed. Prints "ready" once it owns the name."""

import json
import sys

from gi.repository import Gio, GLib

XML = """
<node>
  <interface name="org.freedesktop.Notifications">
    <method name="Notify">
      <arg type="s" direction="in"/><arg type="u" direction="in"/><arg type="s" direction="in"/>
      <arg type="s" direction="in"/><arg type="s" direction="in"/><arg type="as" direction="in"/>
      <arg type="a{sv}" direction="in"/><arg type="i" direction="in"/><arg type="u" direction="out"/>
    </method>
    <method name="CloseNotification"><arg type="u" direction="in"/></method>
    <method name="GetCapabilities"><arg type="as" direction="out"/></method>
    <method name="GetServerInformation">
      <arg type="s" direction="out"/><arg type="s" direction="out"/>
      <arg type="s" direction="out"/><arg type="s" direction="out"/>
    </method>
    <signal name="ActionInvoked"><arg type="u"/><arg type="s"/></signal>
    <signal name="NotificationClosed"><arg type="u"/><arg type="u"/></signal>
  </interface>
</node>
"""

out = open(sys.argv[1], "a")
loop = GLib.MainLoop()
counter = [0]


def answer(connection, notification, action):
    path, iface = "/org/freedesktop/Notifications", "org.freedesktop.Notifications"
    if action:
        connection.emit_signal(None, path, iface, "ActionInvoked", GLib.Variant("(us)", (notification, action)))
    connection.emit_signal(None, path, iface, "NotificationClosed", GLib.Variant("(uu)", (notification, 2)))
    return False


def call(connection, sender, path, iface, method, params, invocation):
    if method == "Notify":
        app, _replaces, _icon, summary, body, actions, _hints, _timeout = params.unpack()
        counter[0] += 1
        out.write(json.dumps({"app": app, "summary": summary, "body": body, "actions": actions}) + "\n")
        out.flush()
        invocation.return_value(GLib.Variant("(u)", (counter[0],)))
        GLib.timeout_add(300, answer, connection, counter[0], actions[0] if actions else None)
    elif method == "GetCapabilities":
        invocation.return_value(GLib.Variant("(as)", (["actions", "body"],)))
    elif method == "GetServerInformation":
        invocation.return_value(GLib.Variant("(ssss)", ("stand-in", "pitchcraft-tests", "1", "1.2")))
    else:
        invocation.return_value(None)


def acquired(connection, name):
    print("ready", flush=True)


node = Gio.DBusNodeInfo.new_for_xml(XML)
connection = Gio.bus_get_sync(Gio.BusType.SESSION, None)
connection.register_object("/org/freedesktop/Notifications", node.interfaces[0], call, None, None)
Gio.bus_own_name_on_connection(connection, "org.freedesktop.Notifications", 0, acquired, None)
GLib.timeout_add_seconds(60, loop.quit)
loop.run()
