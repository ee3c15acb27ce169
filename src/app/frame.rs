//! One frame: take in finished saves and key presses, draw the shell and the page,
//! apply the commands the views pushed, and ask for the next repaint only when
//! something will change (an autosave due, a save running).

use std::time::Duration;

use egui::ViewportCommand;

use super::{NoticeLevel, PitchcraftApp};
use crate::app::hearing::NotHeard;
use crate::command::Command;
use crate::i18n::{Tr, fill, tr};
use crate::state::Pending;
use crate::state::Prompt;
use crate::state::voice::Said;
use crate::ui::{self, menu::MenuModel};

impl PitchcraftApp {
    pub(super) fn frame(&mut self, ui: &mut egui::Ui) {
        let started = std::time::Instant::now();
        self.frame_inner(ui);
        // PITCHCRAFT_TRACE_FRAMES: one line per frame, with when it began (ms since the first)
        // and how long the app's own work in it took (the probes and the benchmarks read it).
        if self.trace_frames {
            let first = *self.first_frame.get_or_insert(started);
            let at = started.duration_since(first).as_secs_f64() * 1_000.0;
            let took = started.elapsed().as_secs_f64() * 1_000.0;
            eprintln!("frame {} at {at:.1} ms took {took:.2} ms", self.frames);
        }
    }

    fn frame_inner(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let now = ctx.input(|input| input.time);
        self.time = now;
        self.frames += 1;
        self.apply_look(&ctx);
        while let Some(outcome) = self.saver.poll() {
            self.on_saved(outcome);
        }
        self.handle_close_request(&ctx);
        if ctx.input(|input| input.events.iter().any(|event| matches!(event, egui::Event::WindowFocused(true)))) {
            self.reload_if_changed_on_disk();
        }
        // Shortcuts are taken before the page is drawn (so no text field sees Ctrl+Z as
        // its own) but applied after the page's edits of this frame: Ctrl+S pressed right
        // after a keystroke saves that keystroke too.
        let shortcuts = if self.prompt.is_none() { Command::consume_shortcuts(&ctx) } else { Vec::new() };
        let dropped = ui::drop::dropped_files(&ctx);

        self.autostart();
        self.take_in_measured(&ctx);
        let posted_before_drawing = self.notices_posted;
        self.draw(ui);
        self.queue.extend(shortcuts);
        if !dropped.is_empty() {
            self.queue.push(Command::OpenDropped(dropped));
        }

        let recent_before = self.settings.recent.clone();
        let commands = std::mem::take(&mut self.queue);
        // A command changes what the next frame shows (a step, a page, an edit), and it is
        // applied after this frame was drawn: draw again, or the screen shows the old
        // state until the next mouse move.
        // Holding a notice under the pointer changes nothing on screen; asking for a frame
        // for it would redraw without end while the pointer rests there.
        if commands.iter().any(|command| !matches!(command, Command::HoldNotice(_))) {
            ctx.request_repaint();
        }
        for command in commands {
            self.apply(command, now);
        }
        if self.settings.recent != recent_before {
            self.recent_files = None;
        }
        if std::mem::take(&mut self.want_close) {
            ctx.send_viewport_cmd(ViewportCommand::Close);
        }
        self.update_title(&ctx);
        if self.poll_opening() || self.poll_print() {
            ctx.request_repaint_after(Duration::from_millis(100));
        }
        if self.notices_posted != posted_before_drawing {
            ctx.request_repaint();
        }
        self.schedule(&ctx, now);
        self.screenshot_step(&ctx);
    }

    fn draw(&mut self, ui: &mut egui::Ui) {
        let language = self.settings.language;
        let mut out = Vec::new();
        let menu = MenuModel {
            language,
            theme: self.settings.theme,
            has_document: self.session.is_some(),
            can_undo: self.session.as_ref().is_some_and(|session| session.can_undo()),
            can_redo: self.session.as_ref().is_some_and(|session| session.can_redo()),
            recent: &self.settings.recent,
        };
        // While a rehearsal runs, the teleprompter gets the room: no navigation or status
        // bar, and in full screen no menu either.
        let rehearsing = self.page == crate::state::Page::Rehearse && self.rehearse.in_run((self.clock)());
        let fullscreen = ui.ctx().input(|input| input.viewport().fullscreen.unwrap_or(false));
        if !(rehearsing && fullscreen) {
            egui::Panel::top("menu_bar").show(ui, |ui| ui::menu::show(ui, &menu, &mut out));
        }
        if !rehearsing {
            egui::Panel::bottom("status_bar").show(ui, |ui| {
                ui::status_bar::show(ui, language, self.session.as_ref(), self.settings.zoom);
            });
        }
        if self.session.is_some() && !rehearsing {
            egui::Panel::left("navigation")
                .resizable(false)
                .show(ui, |ui| ui::nav::show(ui, language, self.page, &mut out));
        }
        self.fade_notices(ui.ctx());
        egui::CentralPanel::default().show(ui, |ui| {
            ui::widgets::notices(ui, language, &self.notices, &mut out);
            match &self.session {
                Some(session) if self.page == crate::state::Page::Discover => {
                    let cx = ui::discover::StepContext {
                        document: &session.document,
                        opening: session.opening(),
                        language,
                        state: &mut self.discover,
                        out: &mut out,
                        keys: self.prompt.is_none(),
                    };
                    ui::discover::show(ui, self.settings.discover_step, cx);
                }
                Some(session) if self.page == crate::state::Page::Pitches => {
                    let cx = ui::pitches::PitchContext {
                        document: &session.document,
                        language,
                        state: &mut self.pitches,
                        out: &mut out,
                    };
                    ui::pitches::show(ui, cx);
                }
                Some(session) if self.page == crate::state::Page::Rehearse => {
                    let now = (self.clock)();
                    let voice = self.recorder.view(self.microphone.as_ref(), now);
                    let cx = ui::rehearse::RehearseContext {
                        document: &session.document,
                        language,
                        state: &mut self.rehearse,
                        settings: &mut self.settings.rehearse,
                        now,
                        out: &mut out,
                        keys: self.prompt.is_none(),
                        voice: &voice,
                    };
                    ui::rehearse::show(ui, cx);
                }
                Some(session) if self.page == crate::state::Page::Card => {
                    ui::card::show(ui, language, &session.document, &mut self.card, &mut out);
                }
                Some(session) if self.page == crate::state::Page::Network => {
                    let morning = self
                        .settings
                        .morning
                        .as_ref()
                        .filter(|(document, _)| session.path().is_some_and(|path| path == document))
                        .map(|(_, hour)| *hour);
                    let cx = ui::network::NetworkContext {
                        document: &session.document,
                        language,
                        morning,
                        today: self.today(),
                        state: &mut self.network,
                        out: &mut out,
                    };
                    ui::network::show(ui, cx);
                }
                Some(session) if self.page == crate::state::Page::Notes => {
                    ui::notes::show(ui, language, &session.document, &mut self.notes, &mut out);
                }
                Some(_) => {}
                None => {
                    let recent = &self.settings.recent;
                    let checked = self.recent_files.get_or_insert_with(|| ui::welcome::RecentFile::check(recent));
                    ui::welcome::show(ui, language, checked, &mut out);
                }
            }
        });
        if let Some(prompt) = &mut self.prompt {
            ui::prompts::show(ui.ctx(), language, prompt, &mut out);
        } else if let Some(dialog) = &mut self.print {
            ui::print::show(ui.ctx(), language, dialog, &mut out);
        }
        ui::drop::show_hover(ui.ctx(), language);
        self.queue.extend(out);
    }

    /// Applies one command. The only place where the document, the settings and the
    /// open file change.
    pub(super) fn apply(&mut self, command: Command, now: f64) {
        match command {
            Command::New => self.guard(Pending::New),
            Command::Open => self.guard(Pending::Open),
            Command::OpenPath(path) => self.guard(Pending::OpenPath(path)),
            Command::OpenDropped(paths) => {
                let paths = self.take_in_dropped(paths, now);
                if let Some((first, others)) = paths.split_first() {
                    self.tell_not_opened(first, others);
                    self.guard(Pending::OpenPath(first.clone()));
                }
            }
            Command::OpenSample => self.guard(Pending::OpenSample),
            Command::OpenBackup(path) => self.guard(Pending::OpenBackup(path)),
            Command::CreateAt(path) => self.guard(Pending::CreateAt(path)),
            Command::Save => self.save(false),
            Command::SaveAs => self.save_as(None),
            Command::SaveTo(path, then) => self.save_to(path, then),
            Command::ExportCard => self.export_card(crate::command::CardFormat::Pdf),
            Command::ExportCardAs(format) => self.export_card(format),
            Command::ExportCardTo(path, format) => self.write_card(&path, format),
            Command::Print(what) => self.open_print(what),
            Command::PrintSend(sides) => self.send_print(sides),
            Command::PrintClose => self.close_print(),
            Command::PrintWithDesktop => self.print_with_desktop(),
            Command::PrintInViewer => {
                let what = self.print.as_ref().map(|dialog| dialog.what.clone());
                self.close_print();
                match what {
                    Some(crate::printing::Printable::Brief(event)) => self.open_brief(&event),
                    Some(_) => self.print_card(),
                    None => {}
                }
            }
            Command::OpenBrief(event) => self.open_brief(&event),
            Command::NetworkFile(what) => self.ask_network_file(what),
            Command::NetworkFileAt(what, path) => self.network_file_at(what, &path, now),
            Command::Quit => self.want_close = true,
            Command::About => self.show_about(),
            Command::Undo => {
                self.drop_undo_notices();
                if let Some(session) = &mut self.session {
                    session.undo(now);
                    self.discover.reset_positions();
                }
            }
            Command::Redo => {
                self.drop_undo_notices();
                if let Some(session) = &mut self.session {
                    session.redo(now);
                    self.discover.reset_positions();
                }
            }
            Command::SetTheme(theme) => self.settings.theme = theme,
            Command::SetLanguage(language) => self.settings.language = language,
            Command::ZoomIn => self.settings.zoom_by(0.1),
            Command::ZoomOut => self.settings.zoom_by(-0.1),
            Command::ZoomReset => self.settings.zoom = 1.0,
            Command::GoTo(page) => self.page = page,
            Command::SetStep(step) => {
                self.page = crate::state::Page::Discover;
                self.settings.discover_step = step;
                self.discover.focus_first_field = true;
            }
            Command::Edit(edit) => {
                // An "Undo" on a notice undoes the last edit: once another edit comes, the
                // notice would undo that one instead, so it goes.
                self.drop_undo_notices();
                if let Some(session) = &mut self.session {
                    session.apply(edit, now);
                }
            }
            Command::Deleted(text) => self.notify_with(NoticeLevel::Info, text, Some(super::NoticeAction::Undo)),
            Command::AnswerUnsaved(choice) => self.answer_unsaved(choice),
            Command::AnswerConflict(choice) => self.answer_conflict(choice),
            Command::Dismiss => self.prompt = None,
            Command::DismissNotice(index) => {
                if index < self.notices.len() {
                    self.notices.remove(index);
                }
            }
            Command::HoldNotice(index) => {
                let now = (self.clock)();
                if let Some(notice) = self.notices.get_mut(index) {
                    notice.since = now;
                }
            }
            Command::ForgetRecent(path) => self.settings.forget(&path),
            Command::Voice(request) => self.voice(request),
            Command::MorningReminder(hour) => self.set_morning(hour),
        }
    }

    /// Sets up or takes away the morning digest of the open document, and says so.
    fn set_morning(&mut self, hour: Option<u8>) {
        let document = self.session.as_ref().and_then(|session| session.path().map(|path| path.to_path_buf()));
        let Some(document) = document else {
            self.notify(NoticeLevel::Warning, self.tr(Tr::NetMorningSaveFirst).to_owned());
            return;
        };
        match (self.morning)(hour.map(|hour| (document.as_path(), hour))) {
            Ok(how) => {
                self.settings.morning = hour.map(|hour| (document.clone(), hour));
                let text = match (how, hour) {
                    (Some(crate::morning::Installed::Timer), Some(hour)) => {
                        fill(self.tr(Tr::NetMorningTimer), &[("hour", &format!("{hour:02}:00"))])
                    }
                    (Some(_), _) => self.tr(Tr::NetMorningLogin).to_owned(),
                    (None, _) => self.tr(Tr::NetMorningOff).to_owned(),
                };
                self.notify(NoticeLevel::Info, text);
            }
            Err(why) => {
                let text = fill(self.tr(Tr::NetMorningFailed), &[("error", &why)]);
                self.notify(NoticeLevel::Warning, text);
            }
        }
    }

    /// Hands a request of the Rehearse page to the recorder; a finished run's take goes to
    /// the outcome waiting for its rating.
    fn voice(&mut self, request: crate::command::VoiceRequest) {
        use crate::command::VoiceRequest;
        match request {
            VoiceRequest::StopHearing => {
                if let Some(hearing) = &self.hearing {
                    hearing.stop();
                }
                return;
            }
            VoiceRequest::Hear => {
                self.start_hearing();
                return;
            }
            VoiceRequest::GetModel => {
                if self.fetching.is_none() {
                    self.fetching = Some(super::hearing::Fetching::start(self.transcriber.clone()));
                }
                self.set_said(Said::Fetching(0, 0));
                return;
            }
            VoiceRequest::StopGettingModel => {
                if let Some(fetching) = &self.fetching {
                    fetching.stop();
                }
                return;
            }
            _ => {}
        }
        let recordings = pitchcraft_voice::recordings::folder_for(self.session.as_ref().and_then(|s| s.path()));
        let around = super::recorder::Surroundings {
            microphone: self.microphone.as_ref(),
            recordings: &recordings,
            device: self.settings.rehearse.input_device.as_deref(),
            record: self.settings.rehearse.record,
            language: self.settings.language,
        };
        if let Some(take) = self.recorder.apply(request, &around)
            && let Some(outcome) = &mut self.rehearse.outcome
        {
            outcome.take = Some(take);
        }
    }

    /// The figures of a measured take go to the outcome they belong to; while the recorder
    /// is busy (measuring, a check, playback) the page is drawn again soon.
    fn take_in_measured(&mut self, ctx: &egui::Context) {
        if let Some(measured) = self.recorder.measured()
            && let Some(take) = self.rehearse.outcome.as_mut().and_then(|o| o.take.as_mut())
        {
            let heard_next = measured.is_ok();
            take.measured = Some(measured);
            // The take is kept as FLAC by now: what was said is heard next.
            if heard_next {
                self.start_hearing();
            }
        }
        if self.recorder.busy() {
            ctx.request_repaint_after(Duration::from_millis(50));
        }
        self.take_in_fetched(ctx);
        self.take_in_heard(ctx);
    }

    /// Starts hearing the finished run's take, when there is a model to hear it with.
    fn start_hearing(&mut self) {
        let Some(take) = self.rehearse.outcome.as_mut().and_then(|o| o.take.as_mut()) else { return };
        if let Some(earlier) = self.hearing.take() {
            earlier.stop();
        }
        if !self.transcriber.ready() {
            take.said = Some(Said::NoModel(None));
            return;
        }
        let recordings = pitchcraft_voice::recordings::folder_for(self.session.as_ref().and_then(|s| s.path()));
        self.hearing = Some(super::hearing::Hearing::start(
            self.transcriber.clone(),
            recordings.join(&take.file),
            take.file.clone(),
            take.language,
            take.sections.clone(),
        ));
        take.said = Some(Said::Hearing(0.0));
    }

    /// What is known of what was said in the finished run's take.
    fn set_said(&mut self, said: Said) {
        if let Some(take) = self.rehearse.outcome.as_mut().and_then(|o| o.take.as_mut()) {
            take.said = Some(said);
        }
    }

    /// How far fetching the model got; once it is here, the take is heard.
    fn take_in_fetched(&mut self, ctx: &egui::Context) {
        let Some(fetching) = &self.fetching else { return };
        let Some(result) = fetching.result() else {
            let (done, total) = fetching.progress();
            self.set_said(Said::Fetching(done, total));
            ctx.request_repaint_after(Duration::from_millis(100));
            return;
        };
        self.fetching = None;
        match result {
            Ok(()) => self.start_hearing(),
            Err(NotHeard::Stopped) => self.set_said(Said::NoModel(None)),
            Err(NotHeard::Failed(why)) => self.set_said(Said::NoModel(Some(why))),
            Err(NotHeard::OtherLanguage(_)) => self.set_said(Said::NoModel(None)),
        }
        ctx.request_repaint();
    }

    /// How far the hearing got goes to the outcome; once heard, the words are held against
    /// the script. An attempt kept meanwhile gets its transcript when it comes.
    fn take_in_heard(&mut self, ctx: &egui::Context) {
        let Some(hearing) = &self.hearing else { return };
        let result = hearing.result();
        let (sections, pitch_language) = (hearing.sections.clone(), hearing.language);
        let file = hearing.file.clone();
        let progress = hearing.progress();
        let outcome_take =
            self.rehearse.outcome.as_mut().and_then(|o| o.take.as_mut()).filter(|take| take.file == file);
        let Some(result) = result else {
            if let Some(take) = outcome_take {
                take.said = Some(Said::Hearing(progress));
            }
            ctx.request_repaint_after(Duration::from_millis(100));
            return;
        };
        self.hearing = None;
        let language = self.settings.language;
        let said = match result {
            Ok(words) => {
                let sections: Vec<&str> = sections.iter().map(String::as_str).collect();
                let comparison = crate::logic::transcript::compare(&sections, &words, pitch_language);
                let kept = comparison.to_kept(&words);
                if outcome_take.is_none() {
                    self.keep_transcript_of_kept_attempt(&file, kept);
                    return;
                }
                Said::Heard(std::sync::Arc::new(comparison), kept)
            }
            Err(NotHeard::Stopped) => Said::Stopped,
            Err(NotHeard::OtherLanguage(other)) => Said::Failed(fill(
                tr(language, Tr::SaidOtherLanguage),
                &[
                    ("heard", &tr(language, crate::i18n::language_key(other))),
                    ("pitch", &tr(language, crate::i18n::language_key(pitch_language))),
                ],
            )),
            Err(NotHeard::Failed(why)) => Said::Failed(why),
        };
        if let Some(outcome) = self.rehearse.outcome.as_mut()
            && let Some(take) = outcome.take.as_mut().filter(|t| t.file == file)
        {
            take.said = Some(said);
            // Sections not marked with a key get their times from where their words were
            // heard, for the planned-against-actual table and the attempt kept.
            let sections = take.sections.len();
            if outcome.section_ms.len() < sections {
                let end = outcome.duration.as_millis() as u64;
                // The take began before the run's clock (the count-in) and ends with it.
                let clock_start =
                    (take.samples * 1_000 / u64::from(pitchcraft_voice::resample::RATE)).saturating_sub(end);
                let boundaries: Vec<Option<u64>> = crate::logic::voice::boundaries_ms(&take.to_take(), sections)
                    .into_iter()
                    .map(|at| at.map(|ms| ms.saturating_sub(clock_start)))
                    .collect();
                if let Some(durations) = crate::logic::voice::section_durations(&boundaries, end) {
                    outcome.section_ms = durations;
                }
            }
        }
        ctx.request_repaint();
    }

    /// The transcript of a take whose attempt was kept while it was heard goes to that
    /// attempt (a discarded run's take has none, and the words go).
    fn keep_transcript_of_kept_attempt(&mut self, file: &str, kept: crate::model::TakeTranscript) {
        let Some(session) = &mut self.session else { return };
        let Some(index) =
            session.document.rehearsals.iter().position(|a| a.take.as_ref().is_some_and(|take| take.file == file))
        else {
            return;
        };
        let now = self.time;
        session.apply(
            crate::state::DocEdit::step(move |document| {
                if let Some(take) = document.rehearsals.get_mut(index).and_then(|a| a.take.as_mut()) {
                    take.transcript = Some(kept);
                }
            }),
            now,
        );
    }

    fn show_about(&mut self) {
        let document = self.session.as_ref().and_then(|session| session.path().map(|path| path.to_path_buf()));
        self.prompt = Some(Prompt::About(crate::state::About {
            backups: document.as_deref().map(crate::storage::backup_dir),
            document,
            settings: super::settings::settings_path(),
        }));
    }

    /// Takes away the successes that have been up long enough, and asks for a frame when
    /// the next one is due (nothing else may repaint meanwhile).
    fn fade_notices(&mut self, ctx: &egui::Context) {
        let now = (self.clock)();
        self.notices.retain(|notice| notice.left(now) != Some(std::time::Duration::ZERO));
        if let Some(next) = self.notices.iter().filter_map(|notice| notice.left(now)).min() {
            ctx.request_repaint_after(next);
        }
    }

    fn drop_undo_notices(&mut self) {
        self.notices.retain(|notice| notice.action != Some(super::NoticeAction::Undo));
    }

    /// `PITCHCRAFT_AUTOSTART_REHEARSAL`: rehearse the first pitch at once, for the
    /// benchmarks of a running timer.
    fn autostart(&mut self) {
        let Some(auto_scroll) = self.autostart_rehearsal.take() else { return };
        let Some(session) = &self.session else { return };
        let Some(pitch) = session.document.pitches.first() else { return };
        self.page = crate::state::Page::Rehearse;
        self.settings.rehearse.count_in = false;
        self.settings.rehearse.auto_scroll = auto_scroll;
        let now = (self.clock)();
        ui::rehearse::start(&mut self.rehearse, &self.settings.rehearse, &session.document, pitch, now);
        // PITCHCRAFT_AUTOSTART_RECORD: and record the voice (the benchmark of recording's cost).
        if std::env::var_os("PITCHCRAFT_AUTOSTART_RECORD").is_some() {
            self.settings.rehearse.record = true;
            let id = pitch.id.clone();
            self.voice(crate::command::VoiceRequest::Record { pitch: id, at: now });
        }
    }

    /// A close request from the window manager or Quit: let it through only when
    /// nothing would be lost, otherwise cancel it and ask.
    fn handle_close_request(&mut self, ctx: &egui::Context) {
        if !ctx.input(|input| input.viewport().close_requested()) || self.close_allowed {
            return;
        }
        if self.screenshot.is_some() || self.ready_to_leave(&Pending::Quit) {
            self.close_allowed = true;
        } else {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
        }
    }

    /// Theme and zoom are applied when they change, not every frame.
    fn apply_look(&mut self, ctx: &egui::Context) {
        let look = (self.settings.theme, (self.settings.zoom * 100.0).round() as u32);
        if self.applied_look != Some(look) {
            ctx.set_theme(self.settings.theme.preference());
            ctx.set_zoom_factor(self.settings.zoom);
            self.applied_look = Some(look);
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = match &self.session {
            Some(session) => session.title(self.tr(Tr::Untitled)),
            None => "Pitchcraft".to_owned(),
        };
        if title != self.window_title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
        // The window as a screen reader meets it says the same as its title bar (the
        // root node is built anew each pass).
        let name = self.window_title.clone();
        ctx.accesskit_node_builder(egui::accesskit_root_id(), move |node| node.set_label(name));
    }

    /// Starts a due autosave, or asks for a repaint when it will be due. Nothing is
    /// requested while idle, so an idle window costs no CPU.
    fn schedule(&mut self, ctx: &egui::Context, now: f64) {
        let due = self.session.as_ref().and_then(|session| session.autosave_due_in(now));
        match due {
            Some(seconds) if seconds <= 0.0 => {
                self.save(false);
                if let Some(super::SaveStatus::Failed(message)) = self.session.as_ref().map(|s| s.status()) {
                    self.notify(NoticeLevel::Warning, message);
                }
            }
            Some(seconds) => ctx.request_repaint_after(Duration::from_secs_f64(seconds)),
            None => {}
        }
    }

    /// True when a prompt of this kind is open (for tests).
    pub fn prompt_is(&self, matches: impl Fn(&Prompt) -> bool) -> bool {
        self.prompt.as_ref().is_some_and(matches)
    }
}
