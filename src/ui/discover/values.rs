//! Step 2, values: sort the cards one at a time (keys 1, 2, 3), see all piles side by
//! side, and rank a top of five to seven with what each value means to you.

use super::StepContext;
use crate::command::{Command, DocEdit};
use crate::i18n::values::value_text;
use crate::i18n::{Tr, fill};
use crate::logic::undo::EditKey;
use crate::logic::values::{
    TOP_MAX, TOP_MIN, add_custom, add_to_top, after_placing, dealing_order, first_unsorted, move_in_top, place,
    remove_from_top, unsort,
};
use crate::model::Pile;
use crate::ui::theme;
use crate::ui::widgets::{TextField, name_node};

/// The three views of the values step.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ValuesMode {
    /// One card at a time.
    #[default]
    Sort,
    /// All piles side by side.
    Piles,
    /// The ranked top.
    Top,
}

const PILES: [(Pile, Tr, egui::Key); 3] = [
    (Pile::VeryImportant, Tr::PileVeryImportant, egui::Key::Num1),
    (Pile::Important, Tr::PileImportant, egui::Key::Num2),
    (Pile::NotImportant, Tr::PileNotImportant, egui::Key::Num3),
];

pub(super) fn show(ui: &mut egui::Ui, deck: &[&str], cx: &mut StepContext<'_>) {
    let order = dealing_order(cx.document, deck);
    let sorted = order.iter().filter(|id| cx.document.values.cards.contains_key(*id)).count();
    let mode = cx.state.values_mode.unwrap_or(if sorted < order.len() { ValuesMode::Sort } else { ValuesMode::Top });
    ui.horizontal_wrapped(|ui| {
        for (choice, label) in [
            (ValuesMode::Sort, Tr::ValuesModeSort),
            (ValuesMode::Piles, Tr::ValuesModePiles),
            (ValuesMode::Top, Tr::ValuesModeTop),
        ] {
            if ui.add(egui::Button::selectable(mode == choice, cx.t(label))).clicked() {
                cx.state.values_mode = Some(choice);
            }
        }
        ui.separator();
        let status = fill(
            cx.t(Tr::ValuesStatus),
            &[("sorted", &sorted), ("total", &order.len()), ("ranked", &cx.document.values.ranking.len())],
        );
        ui.label(egui::RichText::new(status).weak());
    });
    ui.add_space(theme::SPACE_M);
    match mode {
        ValuesMode::Sort => sort_one_by_one(ui, &order, cx),
        ValuesMode::Piles => all_piles(ui, &order, cx),
        ValuesMode::Top => top(ui, cx),
    }
}

fn place_command(id: &str, pile: Pile) -> Command {
    let id = id.to_owned();
    Command::Edit(DocEdit::step(move |document| place(document, &id, pile)))
}

/// One card at a time, by button or key: 1, 2, 3 to sort, ← or Backspace to go back,
/// → to skip.
fn sort_one_by_one(ui: &mut egui::Ui, order: &[String], cx: &mut StepContext<'_>) {
    let document = cx.document;
    let current = cx.state.cursor.filter(|index| *index < order.len()).or_else(|| first_unsorted(order, document));
    let mut chosen: Option<Pile> = None;
    let mut step_to: Option<Option<usize>> = None;
    if cx.keys && !ui.ctx().text_edit_focused() {
        ui.input_mut(|input| {
            for (pile, _, key) in PILES {
                if input.consume_key(egui::Modifiers::NONE, key) {
                    chosen = Some(pile);
                }
            }
            let back = input.consume_key(egui::Modifiers::NONE, egui::Key::Backspace)
                || input.consume_key(egui::Modifiers::NONE, egui::Key::ArrowLeft);
            if back {
                let previous = current.map_or(order.len().checked_sub(1), |index| index.checked_sub(1));
                step_to = Some(previous.or(current));
            }
            if input.consume_key(egui::Modifiers::NONE, egui::Key::ArrowRight)
                && let Some(index) = current
            {
                step_to = Some(Some(index + 1).filter(|next| *next < order.len()));
            }
        });
    }

    match current {
        Some(index) => {
            let id = &order[index];
            let (name, description) = value_text(document, id, cx.language);
            let pile_now = document.values.cards.get(id).map(|choice| choice.pile);
            egui::Frame::group(ui.style()).corner_radius(theme::RADIUS).inner_margin(egui::Margin::same(20)).show(
                ui,
                |ui| {
                    ui.set_width(ui.available_width());
                    let position = fill(cx.t(Tr::CardPosition), &[("n", &(index + 1)), ("total", &order.len())]);
                    ui.label(egui::RichText::new(position).weak().small());
                    ui.label(egui::RichText::new(name).size(theme::CARD_NAME_SIZE).strong());
                    ui.add(egui::Label::new(egui::RichText::new(description).size(theme::LEAD_SIZE)).wrap());
                    ui.add_space(theme::SPACE_M);
                    ui.horizontal_wrapped(|ui| {
                        for (number, (pile, label, _)) in PILES.iter().enumerate() {
                            let text = format!("{}  {}", number + 1, cx.t(*label));
                            let button = egui::Button::new(text)
                                .selected(pile_now == Some(*pile))
                                .min_size(egui::vec2(theme::PILE_BUTTON_WIDTH, theme::BIG_BUTTON_HEIGHT));
                            if ui.add(button).clicked() {
                                chosen = Some(*pile);
                            }
                        }
                    });
                },
            );
            // Wrapped: in a narrow window the key hint goes on to a second line, not off
            // the edge.
            ui.horizontal_wrapped(|ui| {
                if ui.add_enabled(index > 0, egui::Button::new(cx.t(Tr::CardPrevious))).clicked() {
                    step_to = Some(Some(index - 1));
                }
                if ui.add_enabled(index + 1 < order.len(), egui::Button::new(cx.t(Tr::CardSkip))).clicked() {
                    step_to = Some(Some(index + 1));
                }
                ui.label(egui::RichText::new(cx.t(Tr::CardKeysHelp)).weak().small());
            });
            if let Some(pile) = chosen {
                cx.out.push(place_command(id, pile));
                cx.state.cursor = after_placing(order, document, index);
            }
        }
        None => {
            ui.label(fill(cx.t(Tr::AllSorted), &[("total", &order.len())]));
            ui.horizontal(|ui| {
                if ui.button(cx.t(Tr::ChooseTop)).clicked() {
                    cx.state.values_mode = Some(ValuesMode::Top);
                }
                if !order.is_empty() && ui.button(cx.t(Tr::CardPrevious)).clicked() {
                    step_to = Some(Some(order.len() - 1));
                }
            });
        }
    }
    if let Some(target) = step_to {
        cx.state.cursor = target;
    }
    ui.add_space(theme::SPACE_L);
    custom_value_form(ui, cx);
}

fn custom_value_form(ui: &mut egui::Ui, cx: &mut StepContext<'_>) {
    egui::CollapsingHeader::new(cx.t(Tr::AddOwnValue)).show(ui, |ui| {
        let (name, description) = &mut cx.state.new_value;
        let name_label = ui.label(crate::i18n::tr(cx.language, Tr::OwnValueName)).id;
        ui.add(egui::TextEdit::singleline(name).desired_width(f32::INFINITY)).labelled_by(name_label);
        let description_label = ui.label(crate::i18n::tr(cx.language, Tr::OwnValueDescription)).id;
        ui.add(egui::TextEdit::singleline(description).desired_width(f32::INFINITY)).labelled_by(description_label);
        if ui
            .add_enabled(!name.trim().is_empty(), egui::Button::new(crate::i18n::tr(cx.language, Tr::OwnValueAdd)))
            .clicked()
        {
            let (name, description) = std::mem::take(&mut cx.state.new_value);
            cx.out.push(Command::Edit(DocEdit::step(move |document| {
                add_custom(document, &name, &description);
            })));
        }
    });
}

/// The least width of a pile's column: its buttons and the longest names of the deck
/// ("Aanpassingsvermogen", "Verantwoordelijkheid") in full.
const PILE_COLUMN_WIDTH: f32 = 340.0;

/// Every card in its pile, with buttons to move it.
fn all_piles(ui: &mut egui::Ui, order: &[String], cx: &mut StepContext<'_>) {
    let document = cx.document;
    let mut columns: Vec<(Option<Pile>, Tr, Vec<&String>)> = vec![(None, Tr::PileUnsorted, Vec::new())];
    columns.extend(PILES.iter().map(|(pile, label, _)| (Some(*pile), *label, Vec::new())));
    for id in order {
        let pile = document.values.cards.get(id).map(|choice| choice.pile);
        if let Some(column) = columns.iter_mut().find(|(p, _, _)| *p == pile) {
            column.2.push(id);
        }
    }
    // Each pile in the alphabetical order of the names as shown, as the language's
    // dictionary has it.
    let language = cx.language;
    for (_, _, ids) in &mut columns {
        ids.sort_by_cached_key(|id| {
            let name = value_text(document, id, language).0;
            (crate::i18n::collate::sort_key(name, language), name.to_owned())
        });
    }
    let mut pile_list = |ui: &mut egui::Ui, (pile, label, ids): &(Option<Pile>, Tr, Vec<&String>)| {
        ui.label(egui::RichText::new(format!("{} ({})", cx.t(*label), ids.len())).strong());
        let row = egui::vec2(ui.available_width(), ui.spacing().interact_size.y);
        for id in ids {
            // Rows out of sight only take their space: a hundred cards stay cheap to draw.
            if !ui.is_rect_visible(egui::Rect::from_min_size(ui.cursor().min, row)) {
                ui.allocate_space(row);
                continue;
            }
            let (name, description) = value_text(document, id, cx.language);
            ui.allocate_ui_with_layout(row, egui::Layout::left_to_right(egui::Align::Center), |ui| {
                ui.set_min_size(row);
                for (number, (target, target_label, _)) in PILES.iter().enumerate() {
                    let here = *pile == Some(*target);
                    let button = ui
                        .add(egui::Button::selectable(here, (number + 1).to_string()).small())
                        .on_hover_text(cx.t(*target_label));
                    if button.clicked() && !here {
                        cx.out.push(place_command(id, *target));
                    }
                }
                if pile.is_some() {
                    let undo_sort = ui.small_button("↺").on_hover_text(cx.t(Tr::PileUnsortTip));
                    if undo_sort.clicked() {
                        let id = (*id).clone();
                        cx.out.push(Command::Edit(DocEdit::step(move |document| unsort(document, &id))));
                    }
                }
                // One tooltip: the name with its description (egui would add a second one
                // with the name alone when it is cut short).
                ui.add(egui::Label::new(name).truncate().show_tooltip_when_elided(false))
                    .on_hover_text(format!("{name}: {description}"));
            });
        }
        ui.add_space(theme::SPACE_M);
    };
    // As many piles side by side as leave a name its room: four on a wide page, two on
    // a narrower one, then one under the other.
    let across = ((ui.available_width() / PILE_COLUMN_WIDTH) as usize).clamp(1, columns.len());
    if across > 1 {
        for row in columns.chunks(across) {
            ui.columns(across, |uis| {
                for (ui, column) in uis.iter_mut().zip(row) {
                    pile_list(ui, column);
                }
            });
        }
    } else {
        for column in &columns {
            pile_list(ui, column);
        }
    }
}

/// The ranked top: add very important values, order them, say what each means.
fn top(ui: &mut egui::Ui, cx: &mut StepContext<'_>) {
    let document = cx.document;
    let ranking = &document.values.ranking;
    let candidates: Vec<&str> =
        document.values.in_pile(Pile::VeryImportant).filter(|id| !ranking.iter().any(|ranked| ranked == id)).collect();
    if cx.keys
        && !ui.ctx().text_edit_focused()
        && let Some(selected) = cx.state.ranked_selected.filter(|index| *index < ranking.len())
    {
        let (up, down) = ui.input_mut(|input| {
            (
                input.consume_key(egui::Modifiers::ALT, egui::Key::ArrowUp),
                input.consume_key(egui::Modifiers::ALT, egui::Key::ArrowDown),
            )
        });
        if up || down {
            let target = if up { selected.checked_sub(1) } else { Some(selected + 1).filter(|i| *i < ranking.len()) };
            if let Some(target) = target {
                cx.out.push(Command::Edit(DocEdit::step(move |document| {
                    move_in_top(document, selected, up);
                })));
                cx.state.ranked_selected = Some(target);
            }
        }
    }

    let wide = ui.available_width() >= theme::WIDE_LAYOUT;
    let candidates_list = |ui: &mut egui::Ui, cx: &mut StepContext<'_>| {
        ui.label(egui::RichText::new(cx.t(Tr::TopCandidates)).strong());
        if candidates.is_empty() {
            ui.add(egui::Label::new(egui::RichText::new(cx.t(Tr::TopNoCandidates)).weak()).wrap());
        }
        let full = ranking.len() >= TOP_MAX;
        for id in &candidates {
            let (name, description) = value_text(document, id, cx.language);
            let add = ui.add_enabled(!full, egui::Button::new(format!("+ {name}")));
            if add.on_hover_text(description).clicked() {
                let id = (*id).to_owned();
                cx.out.push(Command::Edit(DocEdit::step(move |document| {
                    add_to_top(document, &id);
                })));
            }
        }
        let very_important = document.values.in_pile(Pile::VeryImportant).count();
        if very_important < TOP_MIN {
            let text = fill(cx.t(Tr::TopTooFewVeryImportant), &[("count", &very_important), ("min", &TOP_MIN)]);
            ui.add(egui::Label::new(egui::RichText::new(text).color(theme::warn_color(ui))).wrap());
        }
    };
    if wide {
        ui.columns(2, |uis| {
            let [left, right] = uis else { return };
            candidates_list(left, cx);
            ranked_list(right, cx);
        });
    } else {
        candidates_list(ui, cx);
        ui.add_space(theme::SPACE_M);
        ranked_list(ui, cx);
    }
}

fn ranked_list(ui: &mut egui::Ui, cx: &mut StepContext<'_>) {
    let document = cx.document;
    let ranking = &document.values.ranking;
    let title = fill(cx.t(Tr::TopTitle), &[("count", &ranking.len()), ("min", &TOP_MIN), ("max", &TOP_MAX)]);
    ui.label(egui::RichText::new(title).strong());
    if ranking.is_empty() {
        ui.add(egui::Label::new(egui::RichText::new(cx.t(Tr::TopEmpty)).weak()).wrap());
    }
    for (index, id) in ranking.iter().enumerate() {
        let choice = document.values.cards.get(id).cloned().unwrap_or_default();
        let (name, _) = value_text(document, id, cx.language);
        egui::Frame::group(ui.style()).corner_radius(theme::RADIUS).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                let selected = cx.state.ranked_selected == Some(index);
                let label =
                    egui::Button::selectable(selected, egui::RichText::new(format!("{}. {name}", index + 1)).strong());
                let row = ui.add(label).on_hover_text(cx.t(Tr::TopMoveKeys));
                if row.clicked() || row.gained_focus() {
                    cx.state.ranked_selected = Some(index);
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    // ↑, ↓ and × from left to right, in that order for Tab too, each named
                    // after the value it moves ("Move up: Care").
                    let width = 3.0 * (ui.spacing().interact_size.y + ui.spacing().item_spacing.x);
                    let size = egui::vec2(width, ui.spacing().interact_size.y);
                    ui.allocate_ui_with_layout(size, egui::Layout::left_to_right(egui::Align::Center), |ui| {
                        for (arrow, up, enabled) in [("↑", true, index > 0), ("↓", false, index + 1 < ranking.len())]
                        {
                            let tip = if up { Tr::TopMoveUp } else { Tr::TopMoveDown };
                            let button = ui.add_enabled(enabled, egui::Button::new(arrow).small());
                            name_node(ui, button.id, &format!("{}: {name}", cx.t(tip)));
                            if button.on_hover_text(cx.t(tip)).clicked() {
                                cx.out.push(Command::Edit(DocEdit::step(move |document| {
                                    move_in_top(document, index, up);
                                })));
                            }
                        }
                        let remove_id = id.clone();
                        let remove = ui.small_button("×");
                        name_node(ui, remove.id, &format!("{}: {name}", cx.t(Tr::TopRemove)));
                        if remove.on_hover_text(cx.t(Tr::TopRemove)).clicked() {
                            cx.out.push(Command::Edit(DocEdit::step(move |document| {
                                remove_from_top(document, &remove_id)
                            })));
                            cx.state.ranked_selected = None;
                        }
                    });
                });
            });
            let meaning_id = id.clone();
            TextField::new(&choice.meaning, EditKey::of(("value.meaning", id.as_str())))
                .label(cx.t(Tr::ValueMeaning))
                .hint(cx.t(Tr::ValueMeaningHint))
                .multiline(2)
                .show(ui, cx.out, move |document, text| {
                    if let Some(choice) = document.values.cards.get_mut(&meaning_id) {
                        choice.meaning = text;
                    }
                });
            let mut never_print = choice.never_print;
            let toggle = ui.checkbox(&mut never_print, cx.t(Tr::NeverPrint)).on_hover_text(cx.t(Tr::NeverPrintTip));
            if toggle.changed() {
                let id = id.clone();
                cx.out.push(Command::Edit(DocEdit::step(move |document| {
                    if let Some(choice) = document.values.cards.get_mut(&id) {
                        choice.never_print = never_print;
                    }
                })));
            }
        });
    }
}
