//! Step 1, about you: name, role and how people reach you, and the profile's language.

use super::StepContext;
use crate::command::{Command, DocEdit};
use crate::i18n::Tr;
use crate::logic::undo::EditKey;
use crate::model::{Language, Person};
use crate::ui::widgets::TextField;

/// One field of the person: label, hint, and which field it edits.
struct PersonField {
    label: Tr,
    hint: Tr,
    key: &'static str,
    get: fn(&Person) -> &String,
    set: fn(&mut Person) -> &mut String,
}

const FIELDS: [PersonField; 7] = [
    PersonField { label: Tr::FieldName, hint: Tr::HintName, key: "name", get: |p| &p.name, set: |p| &mut p.name },
    PersonField { label: Tr::FieldRole, hint: Tr::HintRole, key: "role", get: |p| &p.role, set: |p| &mut p.role },
    PersonField {
        label: Tr::FieldOrganisation,
        hint: Tr::HintOrganisation,
        key: "organisation",
        get: |p| &p.organisation,
        set: |p| &mut p.organisation,
    },
    PersonField { label: Tr::FieldEmail, hint: Tr::HintEmail, key: "email", get: |p| &p.email, set: |p| &mut p.email },
    PersonField { label: Tr::FieldPhone, hint: Tr::HintPhone, key: "phone", get: |p| &p.phone, set: |p| &mut p.phone },
    PersonField {
        label: Tr::FieldWebsite,
        hint: Tr::HintWebsite,
        key: "website",
        get: |p| &p.website,
        set: |p| &mut p.website,
    },
    PersonField {
        label: Tr::FieldLocation,
        hint: Tr::HintLocation,
        key: "location",
        get: |p| &p.location,
        set: |p| &mut p.location,
    },
];

pub(super) fn show(ui: &mut egui::Ui, cx: &mut StepContext<'_>) {
    let focus = cx.take_focus();
    super::linkedin::about(ui, cx);
    for (index, field) in FIELDS.iter().enumerate() {
        let set = field.set;
        TextField::new((field.get)(&cx.document.person), EditKey::of(("person", field.key)))
            .label(cx.t(field.label))
            .hint(cx.t(field.hint))
            .focus(focus && index == 0)
            .show(ui, cx.out, move |document, text| *set(&mut document.person) = text);
    }
    ui.add_space(crate::ui::theme::SPACE_M);
    ui.label(cx.t(Tr::FieldProfileLanguage));
    ui.horizontal(|ui| {
        for language in Language::ALL {
            let chosen = cx.document.language == language;
            if ui.radio(chosen, language.native_name()).clicked() && !chosen {
                cx.out.push(Command::Edit(DocEdit::step(move |document| document.language = language)));
            }
        }
    });
    ui.add(egui::Label::new(egui::RichText::new(cx.t(Tr::ProfileLanguageHelp)).weak().small()).wrap());
}
