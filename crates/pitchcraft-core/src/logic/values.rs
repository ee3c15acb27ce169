//! The rules of the values card sort: dealing order, placing a card in a pile, and the
//! ranked top of five to seven. Each function changes a document in place and is used
//! inside an undoable edit.

use crate::model::{BrandDocument, CustomValue, Pile};

/// A top needs at least this many values.
pub const TOP_MIN: usize = 5;
/// And holds at most this many.
pub const TOP_MAX: usize = 7;

/// The cards in dealing order: the deck, then the person's own values.
pub fn dealing_order(document: &BrandDocument, deck: &[&str]) -> Vec<String> {
    let mut order: Vec<String> = deck.iter().map(|id| (*id).to_owned()).collect();
    order.extend(document.values.custom.keys().filter(|id| !deck.contains(&id.as_str())).cloned());
    order
}

/// The position of the first card not sorted yet.
pub fn first_unsorted(order: &[String], document: &BrandDocument) -> Option<usize> {
    order.iter().position(|id| !document.values.cards.contains_key(id))
}

/// Where the sort goes after the card at `index` was placed: the next card if it is sorted
/// already (the person is walking back through earlier cards), else the first unsorted one.
pub fn after_placing(order: &[String], document: &BrandDocument, index: usize) -> Option<usize> {
    match order.get(index + 1) {
        Some(next) if document.values.cards.contains_key(next) => Some(index + 1),
        _ => None,
    }
}

/// Puts card `id` in `pile`, keeping what the person wrote about it. A card that leaves the
/// very important pile leaves the top as well.
pub fn place(document: &mut BrandDocument, id: &str, pile: Pile) {
    document.values.cards.entry(id.to_owned()).or_default().pile = pile;
    if pile != Pile::VeryImportant {
        document.values.ranking.retain(|ranked| ranked != id);
    }
}

/// Takes card `id` out of the piles again.
pub fn unsort(document: &mut BrandDocument, id: &str) {
    document.values.cards.remove(id);
    document.values.ranking.retain(|ranked| ranked != id);
}

/// Adds a very important value to the bottom of the top. False when the top is full or the
/// value is not in the very important pile.
pub fn add_to_top(document: &mut BrandDocument, id: &str) -> bool {
    let very_important = document.values.cards.get(id).is_some_and(|choice| choice.pile == Pile::VeryImportant);
    let ranking = &mut document.values.ranking;
    if !very_important || ranking.len() >= TOP_MAX || ranking.iter().any(|ranked| ranked == id) {
        return false;
    }
    ranking.push(id.to_owned());
    true
}

/// Takes a value out of the top (it stays very important).
pub fn remove_from_top(document: &mut BrandDocument, id: &str) {
    document.values.ranking.retain(|ranked| ranked != id);
}

/// Moves the ranked value at `index` one place up (`up`) or down. Returns its new index.
pub fn move_in_top(document: &mut BrandDocument, index: usize, up: bool) -> usize {
    let ranking = &mut document.values.ranking;
    let target = if up { index.checked_sub(1) } else { Some(index + 1) };
    match target {
        Some(target) if index < ranking.len() && target < ranking.len() => {
            ranking.swap(index, target);
            target
        }
        _ => index,
    }
}

/// Moves the ranked value at `from` to position `to` (drag and drop).
pub fn reorder_top(document: &mut BrandDocument, from: usize, to: usize) {
    let ranking = &mut document.values.ranking;
    if from < ranking.len() {
        let id = ranking.remove(from);
        ranking.insert(to.min(ranking.len()), id);
    }
}

/// Adds a value of the person's own; returns its id (`custom-` and a slug of the name).
/// Returns `None` for an empty name.
pub fn add_custom(document: &mut BrandDocument, name: &str, description: &str) -> Option<String> {
    let name = name.trim();
    if name.is_empty() {
        return None;
    }
    let slug: String =
        name.to_lowercase().chars().map(|c| if c.is_alphanumeric() { c } else { '-' }).collect::<String>();
    let slug = slug.split('-').filter(|part| !part.is_empty()).collect::<Vec<_>>().join("-");
    let base = format!("custom-{}", if slug.is_empty() { "value" } else { &slug });
    let id = (1..)
        .map(|n| if n == 1 { base.clone() } else { format!("{base}-{n}") })
        .find(|id| !document.values.custom.contains_key(id))
        .unwrap_or(base);
    document
        .values
        .custom
        .insert(id.clone(), CustomValue { name: name.to_owned(), description: description.trim().to_owned() });
    Some(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DECK: &[&str] = &["care", "fame", "honesty", "reliability", "simplicity", "curiosity", "courage", "humour"];

    fn sorted_very_important(ids: &[&str]) -> BrandDocument {
        let mut document = BrandDocument::default();
        for id in ids {
            place(&mut document, id, Pile::VeryImportant);
        }
        document
    }

    #[test]
    fn cards_are_dealt_in_deck_order_then_custom_ones() {
        let mut document = BrandDocument::default();
        let id = add_custom(&mut document, "Stewardship", "Leave it better.").unwrap();
        let order = dealing_order(&document, DECK);
        assert_eq!(order.last(), Some(&id));
        assert_eq!(first_unsorted(&order, &document), Some(0));
        place(&mut document, "care", Pile::Important);
        assert_eq!(first_unsorted(&order, &document), Some(1));
    }

    #[test]
    fn walking_back_revisits_sorted_cards_then_returns_to_the_first_unsorted() {
        let mut document = BrandDocument::default();
        let order = dealing_order(&document, DECK);
        for id in ["care", "fame", "honesty"] {
            place(&mut document, id, Pile::Important);
        }
        // Back at card 0, re-sorted: card 1 is sorted, so the sort stays on the walk back.
        place(&mut document, "care", Pile::VeryImportant);
        assert_eq!(after_placing(&order, &document, 0), Some(1));
        assert_eq!(after_placing(&order, &document, 2), None, "card 3 is new again");
        assert_eq!(first_unsorted(&order, &document), Some(3));
    }

    #[test]
    fn leaving_very_important_leaves_the_top_but_keeps_the_meaning() {
        let mut document = sorted_very_important(&["care"]);
        document.values.cards.get_mut("care").unwrap().meaning = "Patients first.".into();
        assert!(add_to_top(&mut document, "care"));
        place(&mut document, "care", Pile::Important);
        assert!(document.values.ranking.is_empty());
        assert_eq!(document.values.cards["care"].meaning, "Patients first.");
    }

    #[test]
    fn the_top_holds_at_most_seven_very_important_values() {
        let mut document = sorted_very_important(DECK);
        place(&mut document, "humour", Pile::Important);
        assert!(!add_to_top(&mut document, "humour"), "only very important values");
        for id in &DECK[..7] {
            add_to_top(&mut document, id);
        }
        assert_eq!(document.values.ranking.len(), 7);
        assert!(!add_to_top(&mut document, "care"), "no duplicates");
        place(&mut document, "humour", Pile::VeryImportant);
        assert!(!add_to_top(&mut document, "humour"), "full at seven");
    }

    #[test]
    fn ranking_moves_stay_inside_the_list() {
        let mut document = sorted_very_important(&["care", "fame", "honesty"]);
        for id in ["care", "fame", "honesty"] {
            add_to_top(&mut document, id);
        }
        assert_eq!(move_in_top(&mut document, 0, true), 0);
        assert_eq!(move_in_top(&mut document, 0, false), 1);
        assert_eq!(document.values.ranking, ["fame", "care", "honesty"]);
        assert_eq!(move_in_top(&mut document, 2, false), 2);
        reorder_top(&mut document, 2, 0);
        assert_eq!(document.values.ranking, ["honesty", "fame", "care"]);
        reorder_top(&mut document, 0, 99);
        assert_eq!(document.values.ranking, ["fame", "care", "honesty"]);
        assert_eq!(move_in_top(&mut document, 9, true), 9);
    }

    #[test]
    fn custom_values_get_unique_readable_ids() {
        let mut document = BrandDocument::default();
        assert_eq!(add_custom(&mut document, "  ", ""), None);
        assert_eq!(add_custom(&mut document, "Open Source!", "").as_deref(), Some("custom-open-source"));
        assert_eq!(add_custom(&mut document, "open source", "").as_deref(), Some("custom-open-source-2"));
        assert_eq!(add_custom(&mut document, "🚀", "").as_deref(), Some("custom-value"));
    }
}
