//! A private PulseAudio daemon for a test: its own XDG_RUNTIME_DIR and HOME (never the
//! user's sound server on a developer's desktop), a null sink "vmic" whose monitor is the
//! default source, so what is played into the sink is what a recorder hears.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::tools;

pub struct PulseServer {
    pub dir: tempfile::TempDir,
    daemon: Child,
}

impl PulseServer {
    /// Starts one, or says in one line why it cannot (and fails where `CI=true`).
    pub fn start() -> Option<PulseServer> {
        if !tools::available("pulseaudio", "pulseaudio") || !tools::available("pactl", "pulseaudio-utils") {
            return None;
        }
        let dir = tempfile::tempdir().unwrap();
        let daemon = Command::new("pulseaudio")
            .args(["-n", "--daemonize=no", "--exit-idle-time=-1", "--disallow-exit", "--log-target=stderr"])
            .args(["--load=module-native-protocol-unix auth-anonymous=1", "--load=module-null-sink sink_name=vmic"])
            .envs(env(dir.path()))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let server = PulseServer { dir, daemon };
        let deadline = Instant::now() + Duration::from_secs(10);
        while !server.pactl(&["info"]) {
            assert!(Instant::now() < deadline, "the private PulseAudio daemon did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        assert!(server.pactl(&["set-default-source", "vmic.monitor"]));
        assert!(server.pactl(&["set-default-sink", "vmic"]));
        Some(server)
    }

    /// The environment that points a client at this daemon.
    pub fn env(&self) -> Vec<(&'static str, String)> {
        env(self.dir.path())
    }

    pub fn pactl(&self, args: &[&str]) -> bool {
        Command::new("pactl").args(args).envs(self.env()).output().is_ok_and(|o| o.status.success())
    }

    /// Plays a file into the sink (what the recorder hears) and waits until it has played.
    #[allow(dead_code)]
    pub fn play(&self, file: &Path) {
        let status = Command::new("paplay").arg("--device=vmic").arg(file).envs(self.env()).status().unwrap();
        assert!(status.success(), "paplay {}", file.display());
    }

    /// Ends the daemon, as a crashed sound server or a pulled-out device would.
    pub fn kill(&mut self) {
        let _ = self.daemon.kill();
        let _ = self.daemon.wait();
    }
}

fn env(dir: &Path) -> Vec<(&'static str, String)> {
    let socket = format!("unix:{}", dir.join("pulse/native").display());
    let dir = dir.display().to_string();
    vec![("XDG_RUNTIME_DIR", dir.clone()), ("HOME", dir), ("PULSE_SERVER", socket)]
}

impl Drop for PulseServer {
    fn drop(&mut self) {
        self.kill();
    }
}
