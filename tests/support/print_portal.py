#!/usr/bin/env python3
"""A stand-in desktop print portal for the tests, on the session bus given in
DBUS_SESSION_BUS_ADDRESS: it owns org.freedesktop.portal.Desktop and answers
org.freedesktop.portal.Print as a desktop does whose person presses "Print" in its dialog
(or "Cancel", when the title holds "cancel"): PreparePrint answers with a token, Print
reads the document from the file descriptor it is handed and writes it to the file named
first, then answers done. Prints "ready" once it owns the name."""

import os
import sys

from gi.repository import Gio, GLib

XML = """
<node>
  <interface name="org.freedesktop.portal.Print">
    <method name="PreparePrint">
      <arg type="s" direction="in"/><arg type="s" direction="in"/><arg type="a{sv}" direction="in"/>
      <arg type="a{sv}" direction="in"/><arg type="a{sv}" direction="in"/><arg type="o" direction="out"/>
    </method>
    <method name="Print">
      <arg type="s" direction="in"/><arg type="s" direction="in"/><arg type="h" direction="in"/>
      <arg type="a{sv}" direction="in"/><arg type="o" direction="out"/>
    </method>
    <property name="version" type="u" access="read"/>
  </interface>
</node>
"""

out_path = sys.argv[1]
loop = GLib.MainLoop()


def request_path(sender, options):
    token = options.get("handle_token", "t")
    return "/org/freedesktop/portal/desktop/request/%s/%s" % (sender[1:].replace(".", "_"), token)


def respond(connection, destination, path, code, results):
    connection.emit_signal(destination, path, "org.freedesktop.portal.Request", "Response",
                           GLib.Variant("(ua{sv})", (code, results)))
    return False


def call(connection, sender, path, iface, method, params, invocation):
    if method == "PreparePrint":
        _parent, title, _settings, _setup, options = params.unpack()
        handle = request_path(sender, options)
        invocation.return_value(GLib.Variant("(o)", (handle,)))
        if "cancel" in title.lower():
            GLib.timeout_add(50, respond, connection, sender, handle, 1, {})
        else:
            results = {"settings": GLib.Variant("a{sv}", {}), "page-setup": GLib.Variant("a{sv}", {}),
                       "token": GLib.Variant("u", 7)}
            GLib.timeout_add(50, respond, connection, sender, handle, 0, results)
    elif method == "Print":
        _parent, title, fd_index, options = params.unpack()
        fds = invocation.get_message().get_unix_fd_list()
        fd = fds.get(fd_index)
        with os.fdopen(fd, "rb") as document, open(out_path, "wb") as out:
            out.write(document.read())
        handle = request_path(sender, options)
        invocation.return_value(GLib.Variant("(o)", (handle,)))
        code = 0 if options.get("token") == 7 else 2
        GLib.timeout_add(50, respond, connection, sender, handle, code, {})


def get_property(connection, sender, path, iface, name):
    return GLib.Variant("u", 2)


def on_bus(connection, name):
    node = Gio.DBusNodeInfo.new_for_xml(XML)
    connection.register_object("/org/freedesktop/portal/desktop", node.interfaces[0], call, get_property, None)


def on_name(connection, name):
    print("ready", flush=True)


Gio.bus_own_name(Gio.BusType.SESSION, "org.freedesktop.portal.Desktop", Gio.BusNameOwnerFlags.NONE,
                 on_bus, on_name, lambda *a: loop.quit())
loop.run()
