//! The guided Discover path: its steps, how complete each is, which comes next, and the
//! gaps the Review step names. All of it follows from the document alone.

use serde::{Deserialize, Serialize};

use crate::logic::values::TOP_MIN;
use crate::model::{BrandDocument, Horizon, Network, Pile};

/// The most characters of a headline that fit on the card.
pub const HEADLINE_LIMIT: usize = 120;

/// A step of the Discover path, in order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Step {
    /// Who you are and how to reach you.
    #[default]
    Welcome,
    /// The values card sort and the ranked top.
    Values,
    /// Skills and proof.
    Expertise,
    /// One- and three-year goals.
    Goals,
    /// The people to reach.
    Audiences,
    /// Brand statement and headline.
    Brand,
    /// The whole profile and its gaps.
    Review,
}

impl Step {
    /// Every step, in order.
    pub const ALL: [Step; 7] =
        [Step::Welcome, Step::Values, Step::Expertise, Step::Goals, Step::Audiences, Step::Brand, Step::Review];

    /// The step after this one (Review is last).
    pub fn next(self) -> Step {
        Step::ALL.get(self.index() + 1).copied().unwrap_or(Step::Review)
    }

    /// The step before this one (Welcome is first).
    pub fn previous(self) -> Step {
        self.index().checked_sub(1).and_then(|i| Step::ALL.get(i).copied()).unwrap_or(Step::Welcome)
    }

    /// Position in the path, from 0.
    pub fn index(self) -> usize {
        Step::ALL.iter().position(|step| *step == self).unwrap_or(0)
    }
}

/// How many of a step's checkpoints are met.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    /// Checkpoints met.
    pub done: usize,
    /// Checkpoints in all.
    pub total: usize,
}

impl Progress {
    fn of(checks: &[bool]) -> Self {
        Self { done: checks.iter().filter(|met| **met).count(), total: checks.len() }
    }

    /// True when every checkpoint is met.
    pub fn is_complete(self) -> bool {
        self.done == self.total
    }
}

fn filled(text: &str) -> bool {
    !text.trim().is_empty()
}

/// True when `text` contains a digit: the simplest sign of a concrete number.
pub fn has_number(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_digit())
}

/// The skills that have a name.
fn named_skills(document: &BrandDocument) -> impl Iterator<Item = &crate::model::Skill> {
    document.expertise.iter().filter(|skill| filled(&skill.skill))
}

/// Whether a proof point tells something (a situation, an action, a result or a metric).
fn told(proof: &crate::model::ProofPoint) -> bool {
    [&proof.situation, &proof.action, &proof.result, &proof.metric].into_iter().any(|text| filled(text))
}

/// Cards of the deck and custom values not sorted into a pile yet.
pub fn unsorted(document: &BrandDocument, deck: &[&str]) -> usize {
    let sorted = |id: &str| document.values.cards.contains_key(id);
    deck.iter().filter(|id| !sorted(id)).count()
        + document.values.custom.keys().filter(|id| !sorted(id) && !deck.contains(&id.as_str())).count()
}

/// The checkpoints of `step`, met or not. `deck` is the ids of the built-in cards.
pub fn progress(step: Step, document: &BrandDocument, deck: &[&str]) -> Progress {
    let person = &document.person;
    match step {
        Step::Welcome => Progress::of(&[
            filled(&person.name),
            filled(&person.role) || filled(&person.organisation),
            filled(&person.email) || filled(&person.phone) || filled(&person.website),
        ]),
        // Sorting is the way to a top, not a goal of its own: once the top is ranked, the
        // cards left unsorted do not keep the step from being done.
        Step::Values => {
            let ranked = &document.values.ranking;
            let very_important = document.values.in_pile(Pile::VeryImportant).count();
            Progress::of(&[
                very_important >= TOP_MIN || ranked.len() >= TOP_MIN,
                ranked.len() >= TOP_MIN,
                !ranked.is_empty()
                    && ranked
                        .iter()
                        .all(|id| document.values.cards.get(id).is_some_and(|choice| filled(&choice.meaning))),
            ])
        }
        // Only skills with a name count: an empty one just added is not expertise yet.
        Step::Expertise => {
            let skills: Vec<_> = named_skills(document).collect();
            Progress::of(&[
                !skills.is_empty(),
                !skills.is_empty() && skills.iter().all(|skill| skill.proof.iter().any(told)),
                skills.iter().flat_map(|skill| &skill.proof).any(|proof| proof.signature && told(proof)),
            ])
        }
        // A goal or audience just added and still empty is work to come, not a gap in what
        // is done: it does not take a finished step's ✓ away.
        Step::Goals => {
            let goals: Vec<_> = document.goals.iter().filter(|goal| filled(&goal.statement)).collect();
            Progress::of(&[
                goals.iter().any(|goal| goal.horizon == Horizon::OneYear),
                goals.iter().any(|goal| goal.horizon == Horizon::ThreeYears),
                !goals.is_empty() && goals.iter().all(|goal| filled(&goal.network_help)),
            ])
        }
        Step::Audiences => {
            let audiences: Vec<_> = document
                .audiences
                .iter()
                .filter(|audience| filled(&audience.name) || filled(&audience.cares_about) || filled(&audience.ask))
                .collect();
            Progress::of(&[
                !audiences.is_empty(),
                !audiences.is_empty() && audiences.iter().all(|audience| filled(&audience.cares_about)),
                !audiences.is_empty() && audiences.iter().all(|audience| filled(&audience.ask)),
            ])
        }
        Step::Brand => Progress::of(&[
            filled(&document.brand_statement),
            filled(&person.headline) && person.headline.chars().count() <= HEADLINE_LIMIT,
        ]),
        Step::Review => Progress::of(&[gaps(document, deck).is_empty()]),
    }
}

/// The first step that is not complete yet; Review when all are.
pub fn next_step(document: &BrandDocument, deck: &[&str]) -> Step {
    Step::ALL[..Step::ALL.len() - 1]
        .iter()
        .copied()
        .find(|step| !progress(*step, document, deck).is_complete())
        .unwrap_or(Step::Review)
}

/// Something missing from the profile, and the step that fixes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Gap {
    /// No name.
    NoName,
    /// No way to reach the person.
    NoContact,
    /// Cards still to sort.
    ValuesUnsorted {
        /// How many.
        left: usize,
    },
    /// Fewer than five ranked values.
    TopTooSmall {
        /// How many are ranked.
        ranked: usize,
    },
    /// A ranked value without the person's own words.
    MeaningMissing {
        /// The value id.
        value: String,
    },
    /// No skills.
    NoSkills,
    /// A skill without proof.
    SkillWithoutProof {
        /// The skill.
        skill: String,
    },
    /// A proof point without a number.
    ProofWithoutNumber {
        /// The skill it proves.
        skill: String,
    },
    /// No signature story.
    NoSignatureStory,
    /// No one-year goal.
    NoOneYearGoal,
    /// No three-year goal.
    NoThreeYearGoal,
    /// A goal without the network's help.
    GoalWithoutHelp {
        /// The goal, shortened.
        goal: String,
    },
    /// No audiences.
    NoAudiences,
    /// An audience without an ask.
    AudienceWithoutAsk {
        /// The audience.
        audience: String,
    },
    /// No audience in the strategic network.
    NoStrategicAudience,
    /// No brand statement.
    NoBrandStatement,
    /// No headline.
    NoHeadline,
    /// The headline does not fit on the card.
    HeadlineTooLong {
        /// Its length in characters.
        chars: usize,
    },
}

impl Gap {
    /// The step where this gap is fixed.
    pub fn step(&self) -> Step {
        match self {
            Gap::NoName | Gap::NoContact => Step::Welcome,
            Gap::ValuesUnsorted { .. } | Gap::TopTooSmall { .. } | Gap::MeaningMissing { .. } => Step::Values,
            Gap::NoSkills | Gap::SkillWithoutProof { .. } | Gap::ProofWithoutNumber { .. } | Gap::NoSignatureStory => {
                Step::Expertise
            }
            Gap::NoOneYearGoal | Gap::NoThreeYearGoal | Gap::GoalWithoutHelp { .. } => Step::Goals,
            Gap::NoAudiences | Gap::AudienceWithoutAsk { .. } | Gap::NoStrategicAudience => Step::Audiences,
            Gap::NoBrandStatement | Gap::NoHeadline | Gap::HeadlineTooLong { .. } => Step::Brand,
        }
    }
}

/// A short label for a piece of text: its first words.
fn label(text: &str, fallback: &str) -> String {
    let text = text.trim();
    if text.is_empty() {
        return fallback.to_owned();
    }
    let short: String = text.chars().take(47).collect();
    if short.len() < text.len() { format!("{}…", short.trim_end()) } else { short }
}

/// Everything missing from the profile, in the order of the path.
pub fn gaps(document: &BrandDocument, deck: &[&str]) -> Vec<Gap> {
    let mut found = Vec::new();
    let person = &document.person;
    if !filled(&person.name) {
        found.push(Gap::NoName);
    }
    if !(filled(&person.email) || filled(&person.phone) || filled(&person.website)) {
        found.push(Gap::NoContact);
    }

    let ranked = document.values.ranking.len();
    let left = unsorted(document, deck);
    if left > 0 && ranked < TOP_MIN {
        found.push(Gap::ValuesUnsorted { left });
    }
    if ranked < TOP_MIN {
        found.push(Gap::TopTooSmall { ranked });
    }
    for id in &document.values.ranking {
        if !document.values.cards.get(id).is_some_and(|choice| filled(&choice.meaning)) {
            found.push(Gap::MeaningMissing { value: id.clone() });
        }
    }

    if named_skills(document).next().is_none() {
        found.push(Gap::NoSkills);
    }
    for (index, skill) in document.expertise.iter().enumerate() {
        if !filled(&skill.skill) && !skill.proof.iter().any(told) {
            continue;
        }
        let name = label(&skill.skill, &format!("#{}", index + 1));
        if !skill.proof.iter().any(told) {
            found.push(Gap::SkillWithoutProof { skill: name.clone() });
        }
        for proof in skill.proof.iter().filter(|proof| told(proof)) {
            if !has_number(&proof.metric) && !has_number(&proof.result) {
                found.push(Gap::ProofWithoutNumber { skill: name.clone() });
            }
        }
    }
    let any_proof = document.expertise.iter().any(|skill| !skill.proof.is_empty());
    if any_proof && !document.expertise.iter().flat_map(|skill| &skill.proof).any(|proof| proof.signature) {
        found.push(Gap::NoSignatureStory);
    }

    for (horizon, gap) in [(Horizon::OneYear, Gap::NoOneYearGoal), (Horizon::ThreeYears, Gap::NoThreeYearGoal)] {
        if !document.goals.iter().any(|goal| goal.horizon == horizon && filled(&goal.statement)) {
            found.push(gap);
        }
    }
    for (index, goal) in document.goals.iter().enumerate() {
        if !filled(&goal.network_help) {
            found.push(Gap::GoalWithoutHelp { goal: label(&goal.statement, &format!("#{}", index + 1)) });
        }
    }

    if document.audiences.is_empty() {
        found.push(Gap::NoAudiences);
    }
    for (index, audience) in document.audiences.iter().enumerate() {
        if !filled(&audience.ask) {
            found.push(Gap::AudienceWithoutAsk { audience: label(&audience.name, &format!("#{}", index + 1)) });
        }
    }
    if !document.audiences.iter().any(|audience| audience.network == Network::Strategic) {
        found.push(Gap::NoStrategicAudience);
    }

    if !filled(&document.brand_statement) {
        found.push(Gap::NoBrandStatement);
    }
    let headline = person.headline.chars().count();
    if !filled(&person.headline) {
        found.push(Gap::NoHeadline);
    } else if headline > HEADLINE_LIMIT {
        found.push(Gap::HeadlineTooLong { chars: headline });
    }
    found
}

/// How many cards are in the very important pile.
pub fn very_important_count(document: &BrandDocument) -> usize {
    document.values.in_pile(Pile::VeryImportant).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Audience, Goal, ProofPoint, Skill, ValueChoice};

    const DECK: &[&str] = &["a", "b", "c"];

    fn sample() -> BrandDocument {
        crate::storage::sample_document().unwrap()
    }

    #[test]
    fn an_empty_goal_or_audience_just_added_keeps_the_steps_tick() {
        let mut sample = crate::storage::sample_document().unwrap();
        let of = |document: &BrandDocument, step| progress(step, document, &[]);
        let before = (of(&sample, Step::Goals), of(&sample, Step::Audiences));
        sample.goals.push(crate::model::Goal { horizon: Horizon::OneYear, ..Default::default() });
        sample.audiences.push(crate::model::Audience::default());
        assert_eq!((of(&sample, Step::Goals), of(&sample, Step::Audiences)), before);
    }

    #[test]
    fn steps_walk_forward_and_back_within_the_path() {
        assert_eq!(Step::Welcome.next(), Step::Values);
        assert_eq!(Step::Review.next(), Step::Review);
        assert_eq!(Step::Welcome.previous(), Step::Welcome);
        assert_eq!(Step::Review.previous(), Step::Brand);
        assert_eq!(Step::ALL.map(Step::index), [0, 1, 2, 3, 4, 5, 6]);
    }

    #[test]
    fn an_empty_document_starts_at_welcome_and_has_every_gap() {
        let document = BrandDocument::default();
        assert_eq!(next_step(&document, DECK), Step::Welcome);
        for step in Step::ALL {
            assert!(!progress(step, &document, DECK).is_complete(), "{step:?}");
        }
        let found = gaps(&document, DECK);
        assert!(found.contains(&Gap::NoName));
        assert!(found.contains(&Gap::ValuesUnsorted { left: 3 }));
        assert!(found.contains(&Gap::TopTooSmall { ranked: 0 }));
        assert!(found.contains(&Gap::NoStrategicAudience));
        assert!(!found.contains(&Gap::NoSignatureStory), "no proof yet, so no signature to ask for");
    }

    #[test]
    fn the_next_step_is_the_first_incomplete_one() {
        let mut document = BrandDocument::default();
        document.person.name = "Sanne".into();
        document.person.role = "Operations manager".into();
        document.person.email = "sanne@example.org".into();
        assert_eq!(next_step(&document, DECK), Step::Values);
        for (id, pile) in [("a", Pile::VeryImportant), ("b", Pile::Important), ("c", Pile::NotImportant)] {
            document.values.cards.insert(id.into(), ValueChoice { pile, ..Default::default() });
        }
        // Every card sorted, but one very important value is not a top to rank yet.
        assert_eq!(progress(Step::Values, &document, DECK), Progress { done: 0, total: 3 });
        assert_eq!(next_step(&document, DECK), Step::Values);
    }

    #[test]
    fn the_values_step_is_done_when_the_top_is_ranked_not_when_every_card_is_sorted() {
        let document = sample();
        let mut deck: Vec<&str> = document.values.cards.keys().map(String::as_str).collect();
        assert!(progress(Step::Values, &document, &deck).is_complete());
        deck.extend(["new-1", "new-2"]);
        assert!(progress(Step::Values, &document, &deck).is_complete(), "two unsorted cards do not matter");
        assert!(!gaps(&document, &deck).iter().any(|gap| matches!(gap, Gap::ValuesUnsorted { .. })));

        // Five very important cards out of seventy, ranked with meanings: done.
        let mut quick = BrandDocument::default();
        for id in ["a", "b", "c", "d", "e"] {
            let choice = ValueChoice { pile: Pile::VeryImportant, meaning: "Mine.".into(), ..Default::default() };
            quick.values.cards.insert(id.into(), choice);
            quick.values.ranking.push(id.into());
        }
        let seventy: Vec<String> = (0..65).map(|n| format!("card-{n}")).collect();
        let deck: Vec<&str> = ["a", "b", "c", "d", "e"].into_iter().chain(seventy.iter().map(String::as_str)).collect();
        assert!(progress(Step::Values, &quick, &deck).is_complete());
        // Without a ranked top, the unsorted cards are the way there and are a gap.
        quick.values.ranking.clear();
        assert_eq!(progress(Step::Values, &quick, &deck), Progress { done: 1, total: 3 });
        assert!(gaps(&quick, &deck).contains(&Gap::ValuesUnsorted { left: 65 }));
    }

    #[test]
    fn an_empty_skill_is_not_expertise() {
        let mut document = BrandDocument::default();
        document.expertise.push(crate::model::Skill::default());
        assert_eq!(progress(Step::Expertise, &document, DECK), Progress { done: 0, total: 3 });
        assert!(gaps(&document, DECK).contains(&Gap::NoSkills));
        assert!(!gaps(&document, DECK).iter().any(|gap| matches!(gap, Gap::SkillWithoutProof { .. })));
        document.expertise[0].skill = "Lean process design".into();
        document.expertise[0].proof.push(ProofPoint { signature: true, ..ProofPoint::default() });
        assert_eq!(
            progress(Step::Expertise, &document, DECK),
            Progress { done: 1, total: 3 },
            "an empty proof is no proof"
        );
        document.expertise[0].proof[0].result = "Waiting fell by 32 percent.".into();
        assert!(progress(Step::Expertise, &document, DECK).is_complete());
    }

    #[test]
    fn the_sample_has_only_the_gaps_it_really_has() {
        let document = sample();
        let deck: Vec<&str> = document.values.cards.keys().map(String::as_str).collect();
        let found = gaps(&document, &deck);
        // "Leading change without a title" has a proof without a number; faith has a meaning.
        assert_eq!(found, [Gap::ProofWithoutNumber { skill: "Leading change without a title".into() }]);
        assert_eq!(found[0].step(), Step::Expertise);
    }

    #[test]
    fn a_metric_or_a_number_in_the_result_counts_as_proof() {
        let mut document = BrandDocument::default();
        let proof = |metric: &str, result: &str| ProofPoint {
            metric: metric.into(),
            result: result.into(),
            signature: true,
            ..Default::default()
        };
        document.expertise.push(Skill {
            skill: "Planning".into(),
            proof: vec![proof("", "fewer complaints"), proof("-20%", ""), proof("", "from 9 to 3 a week")],
            ..Default::default()
        });
        let found = gaps(&document, &[]);
        assert_eq!(found.iter().filter(|gap| matches!(gap, Gap::ProofWithoutNumber { .. })).count(), 1);
        assert!(!found.contains(&Gap::NoSignatureStory));
    }

    #[test]
    fn goals_and_audiences_gaps_name_what_is_missing() {
        let mut document = BrandDocument::default();
        document.goals.push(Goal {
            horizon: Horizon::ThreeYears,
            statement: "Become director".into(),
            ..Default::default()
        });
        document.audiences.push(Audience {
            name: "Board members".into(),
            network: Network::Strategic,
            ..Default::default()
        });
        let found = gaps(&document, &[]);
        assert!(found.contains(&Gap::NoOneYearGoal));
        assert!(!found.contains(&Gap::NoThreeYearGoal));
        assert!(found.contains(&Gap::GoalWithoutHelp { goal: "Become director".into() }));
        assert!(found.contains(&Gap::AudienceWithoutAsk { audience: "Board members".into() }));
        assert!(!found.contains(&Gap::NoStrategicAudience));
    }

    #[test]
    fn a_long_headline_is_a_gap_and_long_labels_are_shortened() {
        let mut document = BrandDocument::default();
        document.person.headline = "x".repeat(121);
        assert!(gaps(&document, &[]).contains(&Gap::HeadlineTooLong { chars: 121 }));
        document.person.headline = "😀".repeat(120);
        assert!(!gaps(&document, &[]).iter().any(|gap| matches!(gap, Gap::HeadlineTooLong { .. })));
        assert_eq!(label(&"word ".repeat(40), "?").chars().count(), 48, "47 characters and an ellipsis");
    }
}
