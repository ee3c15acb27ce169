//! The contract of the language layer, written down: fragments as people type them, and the
//! sentence a draft makes of them. First person, infinitives, noun phrases, brackets and
//! symbols, in English and in Dutch.

use pitchcraft_core::logic::compose::read::{Field, read};
use pitchcraft_core::logic::compose::{fragment, numbers, say};
use pitchcraft_core::model::{Address, Language};

/// "I help {who} {outcome} by/with {how}." as the draft composes it.
fn statement(language: Language, who: &str, outcome: &str, how: &str) -> String {
    let outcome = read(outcome, Field::Outcome, language);
    let how = read(how, Field::How, language);
    let text = say::help_sentence(who, &outcome, &how, language).unwrap_or_default();
    numbers::speak(&text, language)
}

/// The ask as the draft says it.
fn ask(text: &str, language: Language, address: Address) -> String {
    say::ask(&read(text, Field::Ask, language), language, address).map(|said| said.text).unwrap_or_default()
}

/// The opening question from what the audience cares about.
fn cares_question(text: &str, language: Language, address: Address) -> Option<String> {
    let phrase = read(&fragment::first_clause(text), Field::Cares, language);
    say::cares_hook(&phrase, language, address).map(|said| said.text)
}

/// Every case as wanted; the mismatches reported together.
fn all_as_wanted<M: AsRef<str>, W: AsRef<str>>(cases: &[(M, W)]) {
    let wrong: Vec<String> = cases
        .iter()
        .filter(|(made, wanted)| made.as_ref() != wanted.as_ref())
        .map(|(made, wanted)| format!("\n  made: {}\n  want: {}", made.as_ref(), wanted.as_ref()))
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.concat());
}

#[test]
fn english_fragments_become_sentences() {
    let en = |who, outcome, how| statement(Language::En, who, outcome, how);
    let cases = [
        // First person, in every tense people use.
        (
            en("universities", "cut their energy bills", "I retrofit old buildings room by room"),
            "I help universities cut their energy bills by retrofitting old buildings room by room.",
        ),
        (
            en("retailers", "keep their shelves full", "I plan routes with the drivers, not for them."),
            "I help retailers keep their shelves full by planning routes with the drivers, not for them.",
        ),
        (
            en("teams", "work calmer", "I'm coaching team leads every week"),
            "I help teams work calmer by coaching team leads every week.",
        ),
        (
            en("clinics", "cut waiting times", "I always map the patient's journey first"),
            "I help clinics cut waiting times by always mapping the patient's journey first.",
        ),
        (
            en("schools", "save energy", "I've built sensor networks"),
            "I help schools save energy by having built sensor networks.",
        ),
        (
            en("councils", "hire faster", "We make job ads people read"),
            "I help councils hire faster by making job ads people read.",
        ),
        (
            en("bakeries", "waste less", "I see what sells before it is baked"),
            "I help bakeries waste less. I see what sells before it is baked.",
        ),
        (
            en("firms", "close the books sooner", "I cut the checklist in half"),
            "I help firms close the books sooner by cutting the checklist in half.",
        ),
        // Infinitives and "-ing" phrases.
        (
            en("practices", "keep their new therapists", "to coach new therapists in their first year"),
            "I help practices keep their new therapists by coaching new therapists in their first year.",
        ),
        (
            en("hospitals", "cut waiting times", "redesigning care with the people who run it"),
            "I help hospitals cut waiting times by redesigning care with the people who run it.",
        ),
        (
            en("warehouses", "ship on time", "plan shifts around the peaks"),
            "I help warehouses ship on time by planning shifts around the peaks.",
        ),
        (
            en("start-ups", "to grow", "test every price with ten customers"),
            "I help start-ups grow by testing every price with ten customers.",
        ),
        // Noun phrases.
        (
            en("bakeries", "cut food waste", "an app that predicts tomorrow's sales"),
            "I help bakeries cut food waste with an app that predicts tomorrow's sales.",
        ),
        (
            en("hospitals", "shorter waiting times", "lean process design"),
            "I help hospitals achieve shorter waiting times with lean process design.",
        ),
        (en("teams", "fewer meetings", ""), "I help teams achieve fewer meetings."),
        (
            en("municipalities", "cutting absence", "monthly check-ins"),
            "I help municipalities with cutting absence with monthly check-ins.",
        ),
        // Brackets, doubled and closing punctuation, capitals.
        (
            en("Universities", "Cut costs (energy first)", "Retrofitting old buildings!!"),
            "I help Universities cut costs, energy first. I do that by retrofitting old buildings.",
        ),
        (
            en("schools", "save energy", "  sensors  in every room (all 300) "),
            "I help schools save energy with sensors in every room, all 300.",
        ),
        (
            en("the NHS", "cut waiting lists", "[pilot] scheduling in blocks"),
            "I help the NHS cut waiting lists with pilot, scheduling in blocks.",
        ),
        // Symbols said aloud.
        (
            en("builders", "save €180,000 a year", "monthly forecasts"),
            "I help builders save 180,000 euros a year with monthly forecasts.",
        ),
        (en("shops", "sell 2× more", "better shelves"), "I help shops sell twice more with better shelves."),
        (
            en("clinics", "cut no-shows by 30%", "text reminders"),
            "I help clinics cut no-shows by 30 percent with text reminders.",
        ),
    ];
    all_as_wanted(&cases);
    assert!(cases.len() >= 20);
}

#[test]
fn dutch_fragments_become_sentences() {
    let nl = |who, outcome, how| statement(Language::Nl, who, outcome, how);
    let cases = [
        // Infinitive phrases take "te", particles split off.
        (
            nl("gemeenten", "het verzuim verlagen", "teamleiders leren eerder het gesprek aan te gaan"),
            "Ik help gemeenten het verzuim te verlagen door teamleiders te leren eerder het gesprek aan te gaan.",
        ),
        (
            nl("klantenserviceteams", "vragen in één keer oplossen", ""),
            "Ik help klantenserviceteams om vragen in één keer op te lossen.",
        ),
        (nl("ouderen", "sneller weer zelfstandig wonen", ""), "Ik help ouderen sneller weer zelfstandig te wonen."),
        (
            nl("maakbedrijven", "de doorlooptijd verkorten", "slimmer plannen met realtime data"),
            "Ik help maakbedrijven de doorlooptijd te verkorten door slimmer te plannen met realtime data.",
        ),
        (
            nl("teams", "beter samenwerken", "wekelijks samen de planning doornemen"),
            "Ik help teams beter samen te werken door wekelijks samen de planning door te nemen.",
        ),
        (
            nl("scholen", "energie besparen", "sensoren in elk lokaal inbouwen"),
            "Ik help scholen energie te besparen door sensoren in elk lokaal in te bouwen.",
        ),
        (
            nl("zorginstellingen", "personeel vasthouden", "nieuwe collega's een maatje geven"),
            "Ik help zorginstellingen personeel vast te houden door nieuwe collega's een maatje te geven.",
        ),
        (
            nl("winkels", "voorraad afbouwen", "om elke week de verkoop te meten"),
            "Ik help winkels voorraad af te bouwen door elke week de verkoop te meten.",
        ),
        // First person: the sentence is built so the fragment fits as written.
        (
            nl("ouderen", "sneller thuis herstellen", "Ik koppel vrijwilligers aan ouderen"),
            "Ik help ouderen sneller thuis te herstellen. Daarvoor koppel ik vrijwilligers aan ouderen.",
        ),
        (
            nl("teams", "rekeningen zelf corrigeren", "ik laat elke medewerker zelf beslissen."),
            "Ik help teams rekeningen zelf te corrigeren. Daarvoor laat ik elke medewerker zelf beslissen.",
        ),
        (
            nl("gemeenten", "minder verzuim", "Wij trainen teamleiders"),
            "Ik help gemeenten aan minder verzuim. Daarvoor trainen wij teamleiders.",
        ),
        (nl("artsen", "tijd winnen", "Ik"), "Ik help artsen tijd te winnen."),
        // Noun phrases.
        (
            nl("gemeenten", "minder verzuim", "slimme roosters"),
            "Ik help gemeenten aan minder verzuim met slimme roosters.",
        ),
        (
            nl("bakkerijen", "betere afspraken", "een app die de verkoop voorspelt"),
            "Ik help bakkerijen aan betere afspraken met een app die de verkoop voorspelt.",
        ),
        (
            nl("teams", "een rustiger maandafsluiting", "het automatiseren van boekingen"),
            "Ik help teams aan een rustiger maandafsluiting met het automatiseren van boekingen.",
        ),
        (nl("HR-teams", "de HR-cijfers begrijpen", ""), "Ik help HR-teams de HR-cijfers te begrijpen."),
        // Brackets, punctuation, symbols.
        (
            nl("Gemeenten", "Het verzuim verlagen (vooral kort verzuim)", "Slimme roosters!!"),
            "Ik help Gemeenten om het verzuim te verlagen, vooral kort verzuim. Dat doe ik met slimme roosters.",
        ),
        (
            nl("corporaties", "€40.000 per jaar besparen", "automatisering"),
            "Ik help corporaties 40.000 euro per jaar te besparen met automatisering.",
        ),
        (
            nl("ziekenhuizen", "de wachttijd met 30% verkorten", "blokplanning"),
            "Ik help ziekenhuizen om de wachttijd met 30 procent te verkorten met blokplanning.",
        ),
        (
            nl("teams", "3x zo snel werken", "betere overdracht"),
            "Ik help teams drie keer zo snel te werken met betere overdracht.",
        ),
        (
            nl("scholen", "van 9% naar 6% verzuim gaan", ""),
            "Ik help scholen om van negen naar zes procent verzuim te gaan.",
        ),
    ];
    all_as_wanted(&cases);
    assert!(cases.len() >= 20);
}

#[test]
fn the_listener_is_you_and_the_ask_is_one_question() {
    let cases = [
        (
            ask("a tour of their buildings with me", Language::En, Address::Formal),
            "Could we find time soon for a tour of your buildings with me?",
        ),
        (
            ask("compare notes on their peak-season planning", Language::En, Address::Formal),
            "Shall we compare notes on your peak-season planning?",
        ),
        (
            ask("Join a quarterly peer group, starting in March.", Language::En, Address::Informal),
            "Would you join a quarterly peer group, starting in March?",
        ),
        (
            ask("Could I present the approach at your next round table?", Language::En, Address::Formal),
            "Could I present the approach at your next round table?",
        ),
        (
            ask("een kop koffie over hun verzuimcijfers", Language::Nl, Address::Formal),
            "Heeft u binnenkort tijd voor een kop koffie over uw verzuimcijfers?",
        ),
        (
            ask("een gesprek over een pilot in hun regio", Language::Nl, Address::Informal),
            "Heb je binnenkort tijd voor een gesprek over een pilot in jouw regio?",
        ),
        (
            ask("een ochtend bij ons meeluisteren", Language::Nl, Address::Informal),
            "Zou je een ochtend bij ons willen meeluisteren?",
        ),
        (
            ask("samen een proef starten in mei", Language::Nl, Address::Formal),
            "Zullen we in mei samen een proef starten?",
        ),
    ];
    all_as_wanted(&cases);
    assert_eq!(
        cares_question("Waiting lists and cost; they want results.", Language::En, Address::Formal).as_deref(),
        Some("Where do you stand on waiting lists and cost?")
    );
    assert_eq!(
        cares_question("they want results they can show", Language::En, Address::Formal).as_deref(),
        Some("You want results you can show. Does that sound familiar?")
    );
    assert_eq!(
        cares_question("tekort aan personeel en hun verzuim", Language::Nl, Address::Formal).as_deref(),
        Some("Hoe kijkt u aan tegen tekort aan personeel en uw verzuim?")
    );
}

#[test]
fn hostile_fragments_never_panic_and_always_give_text() {
    use pitchcraft_core::logic::draft::draft;
    use pitchcraft_core::model::{Audience, BrandDocument, Network, ProofPoint, Skill};
    let hostile = [
        "",
        " ",
        "to",
        "I",
        "Ik",
        "(",
        ")",
        "[[[]]]",
        "?",
        "!!!",
        "-",
        "- -",
        "€",
        "€€",
        "%",
        "-%",
        "2×",
        "×",
        "x",
        "1.2.3,4,5",
        "9999999999999999999999%",
        "-0%",
        "İstanbul İİİ",
        "ﬁne",
        "KELVIN K",
        "😀😀 sales 😀",
        "مرحبا بالعالم",
        "שלום עולם",
        "Привет мир",
        "一二三 四五",
        "I'm",
        "we're",
        "I've",
        "ik ben",
        "te te te",
        "\u{0}",
        "a\tb\nc",
        "by by by by",
        "their their",
        "hun hun",
        "€ ",
        "€1.5m",
        "3 → 4 →",
        "from to",
        "van naar",
        "x".repeat(2000).leak(),
    ];
    for language in [Language::En, Language::Nl] {
        for text in hostile {
            for address in [Address::Formal, Address::Informal] {
                let _ = ask(text, language, address);
                let _ = cares_question(text, language, address);
                let _ = say::to_listener(text, language, address);
            }
            let _ = statement(language, text, text, text);
            let _ = numbers::speak(text, language);
            let _ = numbers::metric(text, language);
            let _ = fragment::sentence(text);
            let mut document = BrandDocument::default();
            document.person.name = text.to_owned();
            document.person.role = text.to_owned();
            document.brand_parts.who = text.to_owned();
            document.brand_parts.outcome = text.to_owned();
            document.brand_parts.how = text.to_owned();
            let proof = ProofPoint {
                situation: text.into(),
                action: text.into(),
                result: text.into(),
                metric: text.into(),
                signature: true,
                ..ProofPoint::default()
            };
            document.expertise.push(Skill { proof: vec![proof], ..Skill::default() });
            let audience = Audience {
                id: "a".into(),
                name: text.into(),
                network: Network::Strategic,
                cares_about: text.into(),
                ask: text.into(),
                address: None,
            };
            document.audiences.push(audience.clone());
            for seconds in [5, 30, 600] {
                let drafted = draft(&document, Some(&audience), seconds, language, 150.0);
                assert_eq!(drafted.sections.len(), 5, "{text:?}");
                assert!(drafted.sections.iter().all(|s| !s.text.trim().is_empty()), "{text:?}: {:?}", drafted.sections);
            }
        }
    }
}
