//! From "Print" to the job queued, for each of the three documents: the PDF made on the
//! document's paper, then sent to CUPS over IPP and accepted (the job's number back). Needs
//! the print server of `scripts/setup-cups.sh` (its virtual PDF printer); without it says
//! so and measures nothing. `cargo bench --bench print`.

use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use pitchcraft::printing::{self, Cups, PrintService, Printable, Request};

fn print_to_queued(c: &mut Criterion) {
    let cups = Cups::from_env();
    if !cups.printers().is_ok_and(|printers| printers.iter().any(|p| p.name == "PDF")) {
        eprintln!("bench print: no CUPS with the printer PDF here (scripts/setup-cups.sh); nothing measured");
        return;
    }
    let document = pitchcraft::storage::sample_document().expect("the sample parses");
    let mut group = c.benchmark_group("print to queued");
    group.sample_size(10).measurement_time(Duration::from_secs(10));
    let event = document.events[0].id.clone();
    for (name, what) in [
        ("brand card", Printable::Card),
        ("business cards", Printable::BusinessCards),
        ("event brief", Printable::Brief(event)),
    ] {
        let request = Request::new(&document, what);
        // Timed: the PDF made and the job accepted. Then it is cancelled, untimed, so the
        // virtual printer does not write hundreds of PDFs and CUPS's queue stays short.
        group.bench_function(name, |b| {
            b.iter_custom(|iterations| {
                let mut spent = Duration::ZERO;
                for _ in 0..iterations {
                    let start = Instant::now();
                    let job = printing::make(&document, &request).expect("made");
                    let id = cups.submit("PDF", &job.pdf, &job.options).expect("queued");
                    spent += start.elapsed();
                    let _ = cups.cancel("PDF", id);
                }
                spent
            })
        });
    }
    group.finish();
}

criterion_group!(benches, print_to_queued);
criterion_main!(benches);
