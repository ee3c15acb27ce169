//! Step 5, audiences: who you want to reach, in which of your three networks, what they
//! care about and what you will ask of them; with the balance over the networks.

use super::StepContext;
use crate::command::{Command, DocEdit};
use crate::i18n::{Tr, fill};
use crate::logic::compose::preview;
use crate::logic::undo::EditKey;
use crate::model::{Address, Audience, BrandDocument, Network};
use crate::ui::names::network_name;
use crate::ui::theme;
use crate::ui::widgets::TextField;

fn network_explained(network: Network) -> Tr {
    match network {
        Network::Operational => Tr::NetworkOperationalExplained,
        Network::Personal => Tr::NetworkPersonalExplained,
        Network::Strategic => Tr::NetworkStrategicExplained,
    }
}

/// A new audience id that no audience uses: `audience-1`, `audience-2`, …
fn new_audience_id(document: &BrandDocument) -> String {
    (1..)
        .map(|n| format!("audience-{n}"))
        .find(|id| document.audience(id).is_none())
        .unwrap_or_else(|| "audience".to_owned())
}

pub(super) fn show(ui: &mut egui::Ui, cx: &mut StepContext<'_>) {
    balance(ui, cx);
    ui.add_space(theme::SPACE_M);
    let focus = cx.take_focus();
    for (index, audience) in cx.document.audiences.iter().enumerate() {
        audience_card(ui, cx, index, audience, focus && index == 0);
    }
    if ui.button(cx.t(Tr::AddAudience)).clicked() {
        cx.out.push(Command::Edit(DocEdit::step(|document| {
            let id = new_audience_id(document);
            document.audiences.push(Audience { id, network: Network::Strategic, ..Audience::default() });
        })));
    }
}

/// How many audiences each network has, what each network is, and a nudge towards the
/// strategic one.
fn balance(ui: &mut egui::Ui, cx: &mut StepContext<'_>) {
    let total = cx.document.audiences.len().max(1) as f32;
    egui::Frame::group(ui.style()).corner_radius(theme::RADIUS).inner_margin(egui::Margin::same(12)).show(ui, |ui| {
        ui.set_width(ui.available_width());
        for network in Network::ALL {
            let count = cx.document.audiences.iter().filter(|audience| audience.network == network).count();
            ui.horizontal(|ui| {
                let label = format!("{} ({count})", cx.t(network_name(network)));
                ui.allocate_ui_with_layout(
                    egui::vec2(theme::NETWORK_LABEL_WIDTH, ui.spacing().interact_size.y),
                    egui::Layout::left_to_right(egui::Align::Center),
                    |ui| {
                        ui.set_min_width(theme::NETWORK_LABEL_WIDTH);
                        ui.label(egui::RichText::new(&label).strong());
                    },
                );
                let bar = ui.add(egui::ProgressBar::new(count as f32 / total).desired_width(theme::NETWORK_BAR_WIDTH));
                // Said as "operational (1)", a share out of 100.
                let share = f64::from(count as f32 / total * 100.0).round();
                ui.ctx().accesskit_node_builder(bar.id, move |node| {
                    node.set_label(label);
                    node.set_min_numeric_value(0.0);
                    node.set_max_numeric_value(100.0);
                    node.set_numeric_value(share);
                });
            });
            ui.add(egui::Label::new(egui::RichText::new(cx.t(network_explained(network))).weak().small()).wrap());
        }
        if !cx.document.audiences.iter().any(|audience| audience.network == Network::Strategic) {
            ui.add_space(theme::SPACE_S);
            ui.add(egui::Label::new(egui::RichText::new(cx.t(Tr::StrategicNudge)).color(theme::warn_color(ui))).wrap());
        }
    });
}

fn audience_card(ui: &mut egui::Ui, cx: &mut StepContext<'_>, index: usize, audience: &Audience, focus: bool) {
    egui::Frame::group(ui.style()).corner_radius(theme::RADIUS).inner_margin(egui::Margin::same(12)).show(ui, |ui| {
        ui.set_width(ui.available_width());
        TextField::new(&audience.name, EditKey::of(("audience", index)))
            .label(cx.t(Tr::FieldAudience))
            .hint(cx.t(Tr::HintAudience))
            .focus(focus)
            .show(ui, cx.out, move |document, text| {
                if let Some(audience) = document.audiences.get_mut(index) {
                    audience.name = text;
                }
            });
        ui.horizontal_wrapped(|ui| {
            ui.label(cx.t(Tr::FieldNetwork));
            for network in Network::ALL {
                let chosen = audience.network == network;
                let radio =
                    ui.radio(chosen, cx.t(network_name(network))).on_hover_text(cx.t(network_explained(network)));
                if radio.clicked() && !chosen {
                    cx.out.push(Command::Edit(DocEdit::step(move |document| {
                        if let Some(audience) = document.audiences.get_mut(index) {
                            audience.network = network;
                        }
                    })));
                }
            }
        });
        // Dutch drafts speak to this audience as "u" or "je"; English is "you" either way, so
        // the choice shows only where a Dutch pitch can be made for them.
        let dutch = crate::logic::draft::profile_language(cx.document) == crate::model::Language::Nl
            || cx
                .document
                .pitches
                .iter()
                .any(|p| p.audience == audience.id && p.language == crate::model::Language::Nl);
        ui.horizontal_wrapped(|ui| {
            if !dutch {
                return;
            }
            ui.label(cx.t(Tr::FieldAddress)).on_hover_text(cx.t(Tr::FieldAddressHelp));
            let effective = audience.address();
            for (address, name) in [(Address::Formal, Tr::AddressFormal), (Address::Informal, Tr::AddressInformal)] {
                let chosen = effective == address;
                if ui.radio(chosen, cx.t(name)).on_hover_text(cx.t(Tr::FieldAddressHelp)).clicked() && !chosen {
                    cx.out.push(Command::Edit(DocEdit::step(move |document| {
                        if let Some(audience) = document.audiences.get_mut(index) {
                            audience.address = Some(address);
                        }
                    })));
                }
            }
        });
        TextField::new(&audience.cares_about, EditKey::of(("audience.cares", index)))
            .label(cx.t(Tr::FieldCaresAbout))
            .hint(cx.t(Tr::HintCaresAbout))
            .multiline(2)
            .show(ui, cx.out, move |document, text| {
                if let Some(audience) = document.audiences.get_mut(index) {
                    audience.cares_about = text;
                }
            });
        super::pitch_preview(ui, cx, preview::cares(cx.document, audience));
        TextField::new(&audience.ask, EditKey::of(("audience.ask", index)))
            .label(cx.t(Tr::FieldAsk))
            .hint(cx.t(Tr::HintAsk))
            .multiline(2)
            .show(ui, cx.out, move |document, text| {
                if let Some(audience) = document.audiences.get_mut(index) {
                    audience.ask = text;
                }
            });
        super::pitch_preview(ui, cx, preview::ask(cx.document, audience));
        let used_by = cx.document.pitches.iter().filter(|pitch| pitch.audience == audience.id).count();
        crate::ui::widgets::trailing_row(ui, |ui| {
            let remove = ui.small_button(cx.t(Tr::RemoveAudience));
            let remove = if used_by > 0 {
                remove.on_hover_text(fill(cx.t(Tr::RemoveAudienceUsed), &[("count", &used_by)]))
            } else {
                remove
            };
            if remove.clicked() {
                cx.out.push(Command::Edit(DocEdit::step(move |document| {
                    if index < document.audiences.len() {
                        document.audiences.remove(index);
                    }
                })));
                let name =
                    if audience.name.trim().is_empty() { cx.t(Tr::UntitledAudience) } else { audience.name.trim() };
                cx.out.push(Command::Deleted(fill(cx.t(Tr::DeletedAudience), &[("name", &name)])));
            }
        });
    });
    ui.add_space(theme::SPACE_S);
}
