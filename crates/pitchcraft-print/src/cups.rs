//! The CUPS server over IPP: its printers (CUPS-Get-Printers, CUPS-Get-Default), a job sent
//! (Print-Job) and its state (Get-Job-Attributes). Each request is one HTTP POST of
//! `application/ipp` to the server, which runs on this computer (`localhost:631`) unless
//! `CUPS_SERVER` names another.

use std::io::Read;
use std::time::Duration;

use ipp::operation::IppOperation;
use ipp::parser::IppParser;
use ipp::prelude::*;
use ipp::reader::IppReader;

use super::{JobOptions, JobState, JobStatus, PrintError, PrintService, Printer, PrinterState};

/// What a printers listing asks of each printer.
const PRINTER_ATTRIBUTES: [&str; 7] = [
    "printer-name",
    "printer-info",
    "printer-location",
    "printer-state",
    "printer-state-message",
    "printer-is-accepting-jobs",
    "sides-supported",
];

/// The answer to wait for, at most: a local service answers in milliseconds; one that
/// hangs must not hang the app's print dialog.
const TIMEOUT: Duration = Duration::from_secs(10);

/// A CUPS server.
#[derive(Clone, Debug)]
pub struct Cups {
    /// `host:port`.
    server: String,
    /// Who asks (the job's owner; CUPS-PDF writes into this user's `~/PDF`).
    user: String,
    /// One HTTP client for all requests: it keeps the connection to the server open while a
    /// job is followed (a poll every 200 ms) instead of opening one a request.
    agent: ureq::Agent,
}

impl Cups {
    /// The server of `CUPS_SERVER` (`host`, `host:port`), else this computer's; a socket
    /// path there (`/run/cups/cups.sock`) means this computer's too, over TCP.
    pub fn from_env() -> Cups {
        let named = std::env::var("CUPS_SERVER").ok().filter(|s| !s.trim().is_empty() && !s.starts_with('/'));
        Cups::at(named.as_deref().unwrap_or("localhost:631"))
    }

    /// The server at `host[:port]`.
    pub fn at(server: &str) -> Cups {
        let server = server.trim();
        let server = if server.rsplit_once(':').is_some_and(|(_, port)| port.parse::<u16>().is_ok()) {
            server.to_owned()
        } else {
            format!("{server}:631")
        };
        let user = ["USER", "LOGNAME", "USERNAME"]
            .iter()
            .find_map(|name| std::env::var(name).ok().filter(|value| !value.is_empty()))
            .or_else(account_name)
            .unwrap_or_else(|| "anonymous".to_owned());
        let agent = ureq::Agent::config_builder().timeout_global(Some(TIMEOUT)).http_status_as_error(false).build();
        Cups { server, user, agent: agent.into() }
    }

    /// Where the server is, as said in errors.
    pub fn server(&self) -> &str {
        &self.server
    }

    fn printer_uri(&self, printer: &str) -> Result<Uri, PrintError> {
        format!("ipp://{}/printers/{}", self.server, encode(printer))
            .parse()
            .map_err(|_| PrintError::UnknownPrinter(printer.to_owned()))
    }

    /// Sends one request to `path` and reads the answer; an error when the service says no.
    fn send(&self, path: &str, request: IppRequestResponse) -> Result<IppRequestResponse, PrintError> {
        let mut body = Vec::new();
        request.into_read().read_to_end(&mut body).map_err(|e| PrintError::Garbled(e.to_string()))?;
        let url = format!("http://{}{path}", self.server);
        let mut response = self
            .agent
            .post(&url)
            .header("Content-Type", "application/ipp")
            .send(&body[..])
            .map_err(|_| PrintError::Unreachable(self.server.clone()))?;
        if response.status() != 200 {
            return Err(PrintError::Refused(format!("HTTP {}", response.status())));
        }
        let bytes = response.body_mut().read_to_vec().map_err(|e| PrintError::Garbled(e.to_string()))?;
        let answer = IppParser::new(IppReader::new(std::io::Cursor::new(bytes)))
            .parse()
            .map_err(|e| PrintError::Garbled(e.to_string()))?;
        Ok(answer)
    }

    /// Cancels job `job` on `printer` (one not yet printed stops; one printed is left).
    pub fn cancel(&self, printer: &str, job: i32) -> Result<(), PrintError> {
        let uri = self.printer_uri(printer)?;
        let operation = IppOperationBuilder::cancel_job(uri, job).user_name(self.user.clone()).build();
        let answer = self.send(&format!("/printers/{}", encode(printer)), operation.into_ipp_request())?;
        let status = answer.header().status_code();
        if status.is_success() || status == StatusCode::ClientErrorNotPossible {
            Ok(())
        } else {
            Err(PrintError::Refused(status_text(&answer)))
        }
    }

    /// The name of the system's default printer, if one is set.
    fn default_name(&self) -> Result<Option<String>, PrintError> {
        let mut request = IppRequestResponse::new(IppVersion::v1_1(), Operation::CupsGetDefault, None);
        ask_for(&mut request, &["printer-name"]);
        let answer = self.send("/", request)?;
        if !answer.header().status_code().is_success() {
            return Ok(None);
        }
        Ok(first_group(&answer, DelimiterTag::PrinterAttributes).and_then(|group| text(group, "printer-name")))
    }
}

impl PrintService for Cups {
    fn printers(&self) -> Result<Vec<Printer>, PrintError> {
        let mut request = IppRequestResponse::new(IppVersion::v1_1(), Operation::CupsGetPrinters, None);
        ask_for(&mut request, &PRINTER_ATTRIBUTES);
        let answer = self.send("/", request)?;
        let status = answer.header().status_code();
        // CUPS answers "not found" when it has no printers at all.
        if status == StatusCode::ClientErrorNotFound {
            return Ok(Vec::new());
        }
        if !status.is_success() {
            return Err(PrintError::Refused(status_text(&answer)));
        }
        let default = self.default_name()?;
        let printers = answer
            .attributes()
            .groups_of(DelimiterTag::PrinterAttributes)
            .filter_map(|group| {
                let name = text(group, "printer-name")?;
                let state = match integer(group, "printer-state") {
                    Some(4) => PrinterState::Processing,
                    Some(5) => PrinterState::Stopped,
                    _ => PrinterState::Idle,
                };
                let duplex = values(group, "sides-supported").iter().any(|side| side.starts_with("two-sided"));
                Some(Printer {
                    is_default: default.as_deref() == Some(name.as_str()),
                    info: text(group, "printer-info").unwrap_or_default(),
                    location: text(group, "printer-location").unwrap_or_default(),
                    message: text(group, "printer-state-message").unwrap_or_default(),
                    accepting: boolean(group, "printer-is-accepting-jobs").unwrap_or(true),
                    state,
                    duplex,
                    name,
                })
            })
            .collect();
        Ok(printers)
    }

    fn submit(&self, printer: &str, pdf: &[u8], options: &JobOptions) -> Result<i32, PrintError> {
        let uri = self.printer_uri(printer)?;
        let payload = IppPayload::new(std::io::Cursor::new(pdf.to_vec()));
        let operation = IppOperationBuilder::print_job(uri, payload)
            .user_name(self.user.clone())
            .job_title(options.title.clone())
            .document_format("application/pdf")
            .attributes(options.attributes())
            .build();
        let answer = self.send(&format!("/printers/{}", encode(printer)), operation.into_ipp_request())?;
        let status = answer.header().status_code();
        match status {
            StatusCode::ClientErrorNotFound => return Err(PrintError::UnknownPrinter(printer.to_owned())),
            StatusCode::ServerErrorNotAcceptingJobs => {
                return Err(PrintError::NotAccepting { printer: printer.to_owned(), reason: status_text(&answer) });
            }
            _ if !status.is_success() => return Err(PrintError::Refused(status_text(&answer))),
            _ => {}
        }
        first_group(&answer, DelimiterTag::JobAttributes)
            .and_then(|group| integer(group, "job-id"))
            .ok_or_else(|| PrintError::Garbled("no job number in the answer".into()))
    }

    fn status(&self, printer: &str, job: i32) -> Result<JobStatus, PrintError> {
        let uri = self.printer_uri(printer)?;
        let operation = IppOperationBuilder::get_job_attributes(uri, job).user_name(self.user.clone()).build();
        let mut request = operation.into_ipp_request();
        ask_for(
            &mut request,
            &["job-id", "job-state", "job-state-message", "job-state-reasons", "job-printer-state-message"],
        );
        let answer = self.send(&format!("/printers/{}", encode(printer)), request)?;
        if !answer.header().status_code().is_success() {
            return Err(PrintError::Refused(status_text(&answer)));
        }
        let group = first_group(&answer, DelimiterTag::JobAttributes)
            .ok_or_else(|| PrintError::Garbled("no job in the answer".into()))?;
        let state = match integer(group, "job-state") {
            Some(3) => JobState::Pending,
            Some(4) => JobState::Held,
            Some(5) => JobState::Processing,
            Some(6) => JobState::Stopped,
            Some(7) => JobState::Canceled,
            Some(8) => JobState::Aborted,
            Some(9) => JobState::Completed,
            other => return Err(PrintError::Garbled(format!("job state {other:?}"))),
        };
        // The most telling words: the job's own message, else the printer's, else its
        // reasons ("job-canceled-by-user").
        // A failure's reasons are words worth saying ("job-canceled-by-user"); otherwise they
        // only restate the state ("job-printing").
        let reasons: Vec<String> = values(group, "job-state-reasons").into_iter().filter(|r| r != "none").collect();
        let failed = matches!(state, JobState::Stopped | JobState::Canceled | JobState::Aborted);
        let message = [text(group, "job-state-message"), text(group, "job-printer-state-message")]
            .into_iter()
            .flatten()
            .find(|message| !message.trim().is_empty())
            .unwrap_or_else(|| if failed { reasons.join(", ") } else { String::new() });
        Ok(JobStatus { id: job, state, message })
    }
}

/// The name of the account this runs as, from the system's account list (a service or a
/// cron job may have no `USER`): its jobs are its own, not "anonymous".
fn account_name() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let uid = status.lines().find_map(|line| line.strip_prefix("Uid:"))?.split_whitespace().next()?.to_owned();
    let accounts = std::fs::read_to_string("/etc/passwd").ok()?;
    accounts.lines().find_map(|line| {
        let mut fields = line.split(':');
        let name = fields.next()?;
        (fields.nth(1)? == uid).then(|| name.to_owned())
    })
}

/// Adds `requested-attributes` to a request's operation attributes.
fn ask_for(request: &mut IppRequestResponse, names: &[&str]) {
    let names = names.iter().map(|name| IppValue::Keyword((*name).to_owned())).collect();
    request
        .attributes_mut()
        .add(DelimiterTag::OperationAttributes, IppAttribute::new("requested-attributes", IppValue::Array(names)));
}

fn first_group(answer: &IppRequestResponse, tag: DelimiterTag) -> Option<&IppAttributeGroup> {
    answer.attributes().groups_of(tag).next()
}

/// The service's words for a status: its `status-message`, else the status code.
fn status_text(answer: &IppRequestResponse) -> String {
    first_group(answer, DelimiterTag::OperationAttributes)
        .and_then(|group| text(group, "status-message"))
        .unwrap_or_else(|| format!("{:?}", answer.header().status_code()))
}

fn text(group: &IppAttributeGroup, name: &str) -> Option<String> {
    match group.attributes().get(name)?.value() {
        IppValue::NoValue => None,
        value => Some(value.to_string()),
    }
}

fn integer(group: &IppAttributeGroup, name: &str) -> Option<i32> {
    match group.attributes().get(name)?.value() {
        IppValue::Integer(value) | IppValue::Enum(value) => Some(*value),
        _ => None,
    }
}

fn boolean(group: &IppAttributeGroup, name: &str) -> Option<bool> {
    match group.attributes().get(name)?.value() {
        IppValue::Boolean(value) => Some(*value),
        _ => None,
    }
}

/// Every value of a one-or-many attribute, as text.
fn values(group: &IppAttributeGroup, name: &str) -> Vec<String> {
    match group.attributes().get(name).map(IppAttribute::value) {
        Some(IppValue::Array(values)) => values.iter().map(ToString::to_string).collect(),
        Some(value) => vec![value.to_string()],
        None => Vec::new(),
    }
}

/// A queue name in a URI path (CUPS names are letters, digits, `-` and `_`, but a
/// printer's name is the person's input here).
fn encode(name: &str) -> String {
    name.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_server_comes_with_its_port() {
        assert_eq!(Cups::at("print.example").server(), "print.example:631");
        assert_eq!(Cups::at("localhost:8631").server(), "localhost:8631");
        assert_eq!(encode("Office LaserJet/2"), "Office%20LaserJet%2F2");
    }

    #[test]
    fn nothing_listening_is_said_in_words() {
        // A port nothing listens on (bound and dropped, so it was free a moment ago).
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let cups = Cups::at(&format!("127.0.0.1:{port}"));
        let error = cups.printers().unwrap_err();
        assert_eq!(error, PrintError::Unreachable(format!("127.0.0.1:{port}")));
        assert!(error.to_string().contains("does not answer"), "{error}");
    }
}
