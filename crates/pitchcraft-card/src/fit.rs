//! One page, always: when the content does not fit, first the type gets smaller (down to
//! 80 % of the design size), then the least important items are left out, one kind at a
//! time, and the person is told exactly which.

use typst_layout::PagedDocument;

use super::CardError;
use super::content::CardContent;
use super::typeset::compile;
use pitchcraft_core::i18n::Tr;

/// Type sizes tried when the card does not fit, as shares of the design size, largest first.
pub const SCALES: [f64; 5] = [1.0, 0.95, 0.9, 0.85, 0.8];

/// Type sizes tried when the card fits with room to spare, smallest first: a short card
/// gets larger type rather than an empty bottom half.
pub const LARGER_SCALES: [f64; 3] = [1.1, 1.2, 1.3];

/// Longest headline, name or contact line once shortened to fit.
const SHORT: usize = 120;

/// More items of a kind, or characters in one text, than the page can show even at the
/// smallest type: the text area is at most 757 pt high, a row of values (three to a row)
/// or strengths (two) takes at least 14 pt, a goal or pitch paragraph at least 6.5 pt,
/// and a line of at most 300 narrow glyphs at least 8 pt. Content beyond these can never
/// be printed, so it is cut before typesetting: a hand-edited file with 10,000 values or
/// a 10,000-word pitch then costs about what a full page costs, and what is cut would be
/// left out, and reported, by the omissions anyway.
const MOST_VALUES: usize = 180;
/// Strengths, goals and pitch paragraphs.
const MOST_ROWS: usize = 120;
/// Characters of any one text.
const MOST_CHARACTERS: usize = 30_000;

/// Something left out to make the card fit, least important first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Omission {
    /// The goals.
    Goals,
    /// The headline beyond 120 characters.
    LongHeadline,
    /// What each value means.
    ValueMeanings,
    /// The one-line descriptions of the strengths.
    SkillDescriptions,
    /// The proof stories (their metrics stay).
    ProofStories,
    /// Strengths after the third.
    StrengthsBeyondThree,
    /// Values after the fifth.
    ValuesBeyondFive,
    /// The pitch.
    Pitch,
    /// The strengths.
    Strengths,
    /// The values.
    Values,
    /// The brand statement.
    BrandStatement,
    /// Name and contact lines beyond 120 characters.
    LongContact,
}

impl Omission {
    /// Every omission, in the order they are made.
    pub const ALL: [Omission; 12] = [
        Omission::Goals,
        Omission::LongHeadline,
        Omission::ValueMeanings,
        Omission::SkillDescriptions,
        Omission::ProofStories,
        Omission::StrengthsBeyondThree,
        Omission::ValuesBeyondFive,
        Omission::Pitch,
        Omission::Strengths,
        Omission::Values,
        Omission::BrandStatement,
        Omission::LongContact,
    ];

    /// How the person is told.
    pub fn describe(self) -> Tr {
        match self {
            Omission::Goals => Tr::OmittedGoals,
            Omission::LongHeadline => Tr::OmittedLongHeadline,
            Omission::ValueMeanings => Tr::OmittedValueMeanings,
            Omission::SkillDescriptions => Tr::OmittedSkillDescriptions,
            Omission::ProofStories => Tr::OmittedProofStories,
            Omission::StrengthsBeyondThree => Tr::OmittedStrengthsBeyondThree,
            Omission::ValuesBeyondFive => Tr::OmittedValuesBeyondFive,
            Omission::Pitch => Tr::OmittedPitch,
            Omission::Strengths => Tr::OmittedStrengths,
            Omission::Values => Tr::OmittedValues,
            Omission::BrandStatement => Tr::OmittedBrandStatement,
            Omission::LongContact => Tr::OmittedLongContact,
        }
    }

    /// Leaves this out of `content`; false when there was nothing to leave out.
    pub(crate) fn apply(self, content: &mut CardContent) -> bool {
        let before = content.clone();
        match self {
            Omission::Goals => content.goals.clear(),
            Omission::LongHeadline => content.headline = content.headline.as_deref().map(shorten),
            Omission::ValueMeanings => content.values.iter_mut().for_each(|value| value.meaning = None),
            Omission::SkillDescriptions => content.strengths.iter_mut().for_each(|s| s.description = None),
            Omission::ProofStories => content.strengths.iter_mut().for_each(|s| s.proof = None),
            Omission::StrengthsBeyondThree => content.strengths.truncate(3),
            Omission::ValuesBeyondFive => content.values.truncate(5),
            Omission::Pitch => content.pitch = None,
            Omission::Strengths => content.strengths.clear(),
            Omission::Values => content.values.clear(),
            Omission::BrandStatement => content.brand = None,
            Omission::LongContact => {
                content.name = shorten(&content.name);
                content.role = content.role.as_deref().map(shorten);
                content.contact.iter_mut().for_each(|line| *line = shorten(line));
            }
        }
        *content != before
    }
}

/// `content` without what no page could show (see [`MOST_VALUES`]).
fn within_page_limits(mut content: CardContent) -> CardContent {
    fn cut(text: &mut String) {
        if let Some((end, _)) = text.char_indices().nth(MOST_CHARACTERS) {
            text.truncate(end);
        }
    }
    content.values.truncate(MOST_VALUES);
    content.strengths.truncate(MOST_ROWS);
    content.goals.truncate(MOST_ROWS);
    let CardContent { name, headline, role, contact, brand, values, strengths, pitch, goals, .. } = &mut content;
    let texts = [name]
        .into_iter()
        .chain(headline.iter_mut())
        .chain(role.iter_mut())
        .chain(contact.iter_mut())
        .chain(brand.iter_mut());
    texts.for_each(cut);
    for value in values {
        cut(&mut value.name);
        value.meaning.iter_mut().for_each(cut);
    }
    for strength in strengths {
        cut(&mut strength.name);
        [&mut strength.description, &mut strength.proof, &mut strength.metric].into_iter().flatten().for_each(cut);
    }
    if let Some(pitch) = pitch {
        cut(&mut pitch.title);
        pitch.paragraphs.truncate(MOST_ROWS);
        pitch.paragraphs.iter_mut().for_each(cut);
    }
    for goal in goals {
        cut(&mut goal.horizon);
        cut(&mut goal.statement);
    }
    content
}

/// `text` cut to 120 characters at a word, with an ellipsis.
fn shorten(text: &str) -> String {
    if text.chars().count() <= SHORT {
        return text.to_owned();
    }
    let cut: String = text.chars().take(SHORT - 1).collect();
    let cut = match cut.rfind(' ') {
        Some(space) if space > SHORT / 2 => &cut[..space],
        _ => &cut,
    };
    format!("{}…", cut.trim_end())
}

/// A card that fits one page.
pub struct Fitted {
    /// What is on it.
    pub content: CardContent,
    /// The type size used.
    pub scale: f64,
    /// What was left out, in order.
    pub omitted: Vec<Omission>,
    /// The typeset page.
    pub document: PagedDocument,
}

/// Content with the first `count` applicable omissions made.
fn omit(content: &CardContent, count: usize) -> (CardContent, Vec<Omission>) {
    let mut result = content.clone();
    let mut made = Vec::new();
    for omission in Omission::ALL {
        if made.len() == count {
            break;
        }
        if omission.apply(&mut result) {
            made.push(omission);
        }
    }
    (result, made)
}

/// Fits `content` on one page: the largest type that fits as it is; otherwise the fewest
/// omissions that fit at the smallest type, then the largest type that fits with those.
pub fn fit(content: CardContent) -> Result<Fitted, CardError> {
    let content = within_page_limits(content);
    if let Some((scale, document)) = largest_fitting_scale(&content, true)? {
        let document = balanced(&content, scale, document)?;
        return Ok(Fitted { content, scale, omitted: Vec::new(), document });
    }
    let smallest = SCALES[SCALES.len() - 1];
    let possible = omit(&content, Omission::ALL.len()).1.len();
    // The fewest omissions that fit, by bisection: `low` does not fit, `high` does (or is
    // everything that can go).
    let (mut low, mut high) = (0, possible);
    while high - low > 1 {
        let middle = (low + high) / 2;
        if fits(&omit(&content, middle).0, smallest)?.is_some() {
            high = middle;
        } else {
            low = middle;
        }
    }
    let (reduced, omitted) = omit(&content, high);
    // A card that lost something never gets larger type than the design size.
    match largest_fitting_scale(&reduced, false)? {
        Some((scale, document)) => {
            let document = balanced(&reduced, scale, document)?;
            Ok(Fitted { content: reduced, scale, omitted, document })
        }
        None => Err(CardError::DoesNotFit),
    }
}

/// The page of `content` at `scale` with its room spread between the sections; the page
/// as it was (`fitted`) should the spreading ever make it longer than one page.
fn balanced(content: &CardContent, scale: f64, fitted: PagedDocument) -> Result<PagedDocument, CardError> {
    let document = compile(content, scale, true)?;
    Ok(if document.pages().len() == 1 { document } else { fitted })
}

/// The typeset page of `content` at `scale`, when it is one page.
fn fits(content: &CardContent, scale: f64) -> Result<Option<PagedDocument>, CardError> {
    let document = compile(content, scale, false)?;
    Ok((document.pages().len() == 1).then_some(document))
}

/// The largest type at which `content` is one page: the design size first (most cards),
/// then larger ones while they fit; when the design size does not fit, the smallest, so
/// that content which cannot fit at all costs two typesets, not five.
fn largest_fitting_scale(content: &CardContent, grow: bool) -> Result<Option<(f64, PagedDocument)>, CardError> {
    let [design, between @ .., smallest] = SCALES;
    if let Some(mut document) = fits(content, design)? {
        let mut scale = design;
        for larger in LARGER_SCALES.into_iter().filter(|_| grow) {
            match fits(content, larger)? {
                Some(bigger) => (scale, document) = (larger, bigger),
                None => break,
            }
        }
        return Ok(Some((scale, document)));
    }
    let Some(at_smallest) = fits(content, smallest)? else { return Ok(None) };
    for scale in between {
        if let Some(document) = fits(content, scale)? {
            return Ok(Some((scale, document)));
        }
    }
    Ok(Some((smallest, at_smallest)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortening_cuts_at_a_word() {
        assert_eq!(shorten("short"), "short");
        let long = "word ".repeat(60);
        let short = shorten(&long);
        assert!(short.ends_with('…') && short.chars().count() <= SHORT, "{short}");
        assert!(!short.contains("wor…"), "cut at a word: {short}");
        assert_eq!(shorten(&"x".repeat(200)).chars().count(), SHORT);
    }

    /// The sample's content with far too much of everything.
    fn overfull() -> CardContent {
        let sample = pitchcraft_core::storage::sample_document().unwrap();
        let mut content = crate::content(&sample, sample.card.paper, &sample.card.sections, None);
        content.goals = vec![crate::CardGoal { horizon: "In one year".into(), statement: "Grow. ".repeat(40) }; 3];
        content.values = (1..=40)
            .map(|rank| crate::CardValue {
                rank,
                name: format!("Value {rank}"),
                meaning: Some("What it means to me, said in a full sentence.".into()),
            })
            .collect();
        content.strengths = (1..=20)
            .map(|n| crate::CardStrength {
                name: format!("Strength {n}"),
                description: Some("What this strength does for the people around me.".into()),
                proof: Some("Cut the waiting time by a third in one year, with the same staff.".into()),
                metric: Some("-33 %".into()),
            })
            .collect();
        content
    }

    #[test]
    fn it_leaves_out_no_more_than_it_has_to() {
        let content = overfull();
        let fitted = fit(content.clone()).unwrap();
        assert_eq!(fitted.document.pages().len(), 1);
        let made = fitted.omitted.len();
        assert!(made >= 1, "the overfull card needed omissions");
        assert_eq!(fitted.omitted, omit(&content, made).1);
        // One omission fewer does not fit, even at the smallest type.
        let smallest = SCALES[SCALES.len() - 1];
        let fewer = omit(&content, made - 1).0;
        assert!(
            compile(&fewer, smallest, false).unwrap().pages().len() > 1,
            "{:?} were enough",
            &fitted.omitted[..made - 1]
        );
    }

    #[test]
    fn omissions_that_change_nothing_are_not_reported() {
        let mut content = overfull();
        content.goals.clear();
        content.headline = Some("Calmer clinics".into());
        assert_eq!(omit(&content, 1).1, [Omission::ValueMeanings]);
    }
}
