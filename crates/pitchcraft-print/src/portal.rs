//! The desktop's print portal (`org.freedesktop.portal.Print`), for where CUPS cannot be
//! reached from the app (a sandbox such as Flatpak, or a desktop that prints through
//! something else): the desktop shows its own print dialog (PreparePrint) and prints the
//! PDF handed to it as a file descriptor (Print). Each call answers on a Request object with
//! a Response signal: 0 done, 1 cancelled by the person, 2 failed.

use std::collections::HashMap;
use std::io::Write;

use zbus::blocking::{Connection, Proxy};
use zbus::zvariant::{Fd, OwnedObjectPath, OwnedValue, Value};

const DESTINATION: &str = "org.freedesktop.portal.Desktop";
const PATH: &str = "/org/freedesktop/portal/desktop";
const INTERFACE: &str = "org.freedesktop.portal.Print";

/// What became of a print through the portal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PortalOutcome {
    /// The desktop took the job.
    Printed,
    /// The person closed the desktop's print dialog.
    Cancelled,
}

/// The print portal on a session bus.
pub struct PrintPortal {
    connection: Connection,
}

impl PrintPortal {
    /// The portal of this session (`DBUS_SESSION_BUS_ADDRESS`), if the session has one.
    pub fn of_session() -> Result<PrintPortal, String> {
        let connection = Connection::session().map_err(|e| format!("no session bus: {e}"))?;
        PrintPortal::on(connection)
    }

    /// The portal on the bus at `address` (tests run a private one).
    pub fn at(address: &str) -> Result<PrintPortal, String> {
        let connection = zbus::blocking::connection::Builder::address(address)
            .and_then(|builder| builder.build())
            .map_err(|e| format!("no bus at {address}: {e}"))?;
        PrintPortal::on(connection)
    }

    fn on(connection: Connection) -> Result<PrintPortal, String> {
        let portal = PrintPortal { connection };
        // Present when it answers for its version.
        let properties = Proxy::new(&portal.connection, DESTINATION, PATH, "org.freedesktop.DBus.Properties")
            .map_err(|e| e.to_string())?;
        let _: OwnedValue = properties
            .call("Get", &(INTERFACE, "version"))
            .map_err(|_| "the desktop has no print portal".to_owned())?;
        Ok(portal)
    }

    /// Shows the desktop's print dialog for `title`, then prints `pdf` with what the person
    /// chose there. Blocks while the dialog is open: call it on a thread of its own.
    pub fn print(&self, title: &str, pdf: &[u8]) -> Result<PortalOutcome, String> {
        let print = Proxy::new(&self.connection, DESTINATION, PATH, INTERFACE).map_err(|e| e.to_string())?;
        let empty: HashMap<&str, Value<'_>> = HashMap::new();

        let token = "pitchcraft_prepare";
        let prepared = self.request(token, || {
            let mut options: HashMap<&str, Value<'_>> = HashMap::new();
            options.insert("handle_token", Value::from(token));
            print
                .call::<_, _, OwnedObjectPath>("PreparePrint", &("", title, &empty, &empty, options))
                .map(|_| ())
                .map_err(|e| e.to_string())
        })?;
        let (response, results) = prepared;
        match response {
            0 => {}
            1 => return Ok(PortalOutcome::Cancelled),
            _ => return Err("the desktop's print dialog failed".into()),
        }
        let job_token = results
            .get("token")
            .and_then(|value| u32::try_from(value).ok())
            .ok_or_else(|| "the desktop's print dialog gave no token".to_owned())?;

        // The portal reads the document from a file descriptor: a file only this user can
        // read, gone once handed over.
        let path = std::env::temp_dir().join(format!("pitchcraft-print-{}.pdf", std::process::id()));
        let mut file = std::fs::File::create(&path).map_err(|e| e.to_string())?;
        file.write_all(pdf).map_err(|e| e.to_string())?;
        let file = std::fs::File::open(&path).map_err(|e| e.to_string())?;
        let _ = std::fs::remove_file(&path);

        let token = "pitchcraft_print";
        let (response, _) = self.request(token, || {
            let mut options: HashMap<&str, Value<'_>> = HashMap::new();
            options.insert("handle_token", Value::from(token));
            options.insert("token", Value::from(job_token));
            print
                .call::<_, _, OwnedObjectPath>("Print", &("", title, Fd::from(&file), options))
                .map(|_| ())
                .map_err(|e| e.to_string())
        })?;
        match response {
            0 => Ok(PortalOutcome::Printed),
            1 => Ok(PortalOutcome::Cancelled),
            _ => Err("the desktop could not print it".into()),
        }
    }

    /// Makes a call that answers on a Request object, and waits for its Response. The
    /// object's path is known before the call (from the handle token), so the answer is
    /// listened for first and cannot be missed.
    fn request(
        &self,
        token: &str,
        call: impl FnOnce() -> Result<(), String>,
    ) -> Result<(u32, HashMap<String, OwnedValue>), String> {
        let sender =
            self.connection.unique_name().ok_or("no name on the bus")?.trim_start_matches(':').replace('.', "_");
        let path = format!("{PATH}/request/{sender}/{token}");
        let request = Proxy::new(&self.connection, DESTINATION, path, "org.freedesktop.portal.Request")
            .map_err(|e| e.to_string())?;
        let mut responses = request.receive_signal("Response").map_err(|e| e.to_string())?;
        call()?;
        let message = responses.next().ok_or("the portal did not answer")?;
        message.body().deserialize::<(u32, HashMap<String, OwnedValue>)>().map_err(|e| e.to_string())
    }
}
