//! The network's file work on an address book of 5,000 people: importing their vCards
//! into an empty document and again (every card a duplicate), exporting them as vCard 4.0,
//! the calendar of 5,000 follow-ups, and LinkedIn's Connections.csv of 5,000 connections
//! (read and merged, into an empty document and again). `cargo bench -p pitchcraft-core
//! --bench network`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use pitchcraft_core::logic::{calendar, contact_lists, network, vcard};
use pitchcraft_core::model::{BrandDocument, Contact, FollowUp};

const PEOPLE: usize = 5_000;

fn address_book() -> Vec<Contact> {
    (0..PEOPLE)
        .map(|n| Contact {
            id: format!("person-{n}"),
            name: format!("Person {n} van der Berg"),
            organisation: format!("Ziekenhuis {}", n % 40),
            role: "Manager zorglogistiek".into(),
            email: format!("person{n}@example.org"),
            phone: format!("+31 6 {n:08}"),
            tags: vec!["zorg".into()],
            ..Contact::default()
        })
        .collect()
}

fn network_benches(c: &mut Criterion) {
    let people = address_book();
    let cards = vcard::export(&people);
    let mut group = c.benchmark_group("network_5000_people");
    group.sample_size(20);
    group.bench_function("vcard_export", |b| b.iter(|| black_box(vcard::export(black_box(&people)))));
    group.bench_function("vcard_import_new", |b| {
        b.iter(|| {
            let mut document = BrandDocument::default();
            black_box(vcard::import(&mut document, black_box(&cards)))
        })
    });
    // LinkedIn's export: the preamble, most addresses hidden, a profile address each.
    let mut connections = String::from(
        "Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\n\n\
         First Name,Last Name,URL,Email Address,Company,Position,Connected On\n",
    );
    for n in 0..PEOPLE {
        let email = if n % 5 == 0 { format!("person{n}@example.org") } else { String::new() };
        connections.push_str(&format!(
            "Person {n},van der Berg,https://www.linkedin.com/in/person-{n},{email},\"Ziekenhuis {}, zorglogistiek\",Manager,{:02} Mar 2024\n",
            n % 40,
            n % 28 + 1
        ));
    }
    group.bench_function("linkedin_import_new", |b| {
        b.iter(|| {
            let mut document = BrandDocument::default();
            let list = contact_lists::read(black_box(&connections)).expect("a list");
            black_box(contact_lists::import(&mut document, list))
        })
    });
    let mut linked = BrandDocument::default();
    contact_lists::import(&mut linked, contact_lists::read(&connections).expect("a list"));
    group.bench_function("linkedin_import_again", |b| {
        b.iter(|| {
            let mut document = linked.clone();
            let list = contact_lists::read(black_box(&connections)).expect("a list");
            black_box(contact_lists::import(&mut document, list))
        })
    });
    let mut full = BrandDocument::default();
    vcard::import(&mut full, &cards);
    group.bench_function("vcard_import_all_duplicates", |b| {
        b.iter(|| {
            let mut document = full.clone();
            black_box(vcard::import(&mut document, black_box(&cards)))
        })
    });
    let mut document = BrandDocument { people, ..BrandDocument::default() };
    let start: chrono::NaiveDate = "2026-11-28".parse().expect("a date");
    document.follow_ups = (0..PEOPLE)
        .map(|n| FollowUp {
            id: format!("follow-up-{n}"),
            person: Some(format!("person-{n}")),
            text: "Send the summary".into(),
            due: Some(start + chrono::Days::new((n % 60) as u64)),
            ..FollowUp::default()
        })
        .collect();
    let now = start.and_hms_opt(10, 0, 0).expect("a time");
    group.bench_function("ics_follow_ups", |b| {
        b.iter(|| {
            let open: Vec<&FollowUp> = network::agenda(&document, start).all().collect();
            black_box(calendar::export(&document, &[], &open, now))
        })
    });
    group.finish();
}

criterion_group!(benches, network_benches);
criterion_main!(benches);
