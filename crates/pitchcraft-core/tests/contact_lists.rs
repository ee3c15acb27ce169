//! Contact lists as their services write them (invented people): LinkedIn's connections with
//! its preamble, byte-order mark, hidden addresses, padding rows and older layout; Google
//! Contacts' two layouts with several values in a cell; Outlook; in Latin-1 and cut off;
//! and each merged into a network without duplicates and without overwriting.

use pitchcraft_core::logic::contact_lists::{Layout, import, read};
use pitchcraft_core::logic::people_merge::ImportWarning;
use pitchcraft_core::logic::vcard::decode;
use pitchcraft_core::model::{BrandDocument, Contact, Language, Network};

const LINKEDIN: &str = "\u{feff}Notes:\r\n\"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261\"\r\n\r\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\r\nAnouk,Jansen,https://www.linkedin.com/in/anouk-jansen-0a1b2c,,Rijnstate,Head of nursing,24 Aug 2023\r\nPieter,van Dijk,https://www.linkedin.com/in/pietervandijk,pieter@example.nl,\"Gemeente Arnhem, afdeling ICT\",Architect,03 Feb 2021\r\n,,,,,,\r\nMarleen,de Graaf,https://www.linkedin.com/in/marleen-de-graaf,,Zorgkantoor Oost,\"Manager, inkoop\",17 Nov 2025\r\n,,,,,,\r\n";

fn person<'a>(document: &'a BrandDocument, name: &str) -> &'a Contact {
    document.people.iter().find(|c| c.name == name).unwrap_or_else(|| panic!("{name} not among the people"))
}

#[test]
fn linkedin_connections_come_in_unsorted_with_the_day_we_connected() {
    let list = read(LINKEDIN).unwrap();
    assert_eq!(list.layout, Layout::LinkedIn);
    assert_eq!(list.rows.len(), 3, "the preamble and the padding rows are no people");
    let mut document = BrandDocument::default();
    let report = import(&mut document, list);
    assert_eq!((report.added, report.updated), (3, 0));
    let anouk = person(&document, "Anouk Jansen");
    assert_eq!(
        (anouk.organisation.as_str(), anouk.role.as_str(), anouk.email.as_str()),
        ("Rijnstate", "Head of nursing", "")
    );
    assert_eq!(anouk.website, "https://www.linkedin.com/in/anouk-jansen-0a1b2c");
    assert!(anouk.unsorted && anouk.sorted_network().is_none(), "the person chooses the network");
    assert_eq!(person(&document, "Pieter van Dijk").organisation, "Gemeente Arnhem, afdeling ICT");
    assert_eq!(person(&document, "Marleen de Graaf").role, "Manager, inkoop");
    let met: Vec<(String, String)> =
        document.encounters.iter().map(|e| (e.people[0].clone(), e.date.unwrap().to_string())).collect();
    assert!(met.contains(&(anouk.id.clone(), "2023-08-24".to_owned())), "{met:?}");
    assert_eq!(document.encounters[0].said, "Connected on LinkedIn");
    // Nobody unsorted is due for a keep-in-touch reminder, however long ago we connected.
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
    assert!(pitchcraft_core::logic::network::due_for_contact(&document, today).is_empty());

    // The same export again: nobody added, no second "connected on".
    let again = import(&mut document, read(LINKEDIN).unwrap());
    assert_eq!((again.added, again.updated), (0, 0));
    assert_eq!(document.people.len(), 3);
    assert_eq!(document.encounters.len(), 3);
}

#[test]
fn a_connection_matches_a_known_person_by_profile_or_address_and_overwrites_nothing() {
    let mut document = BrandDocument { language: Language::Nl, ..BrandDocument::default() };
    document.people.push(Contact {
        id: "anouk".into(),
        name: "Anouk J.".into(),
        role: "Hoofd verpleging".into(),
        website: "linkedin.com/in/anouk-jansen-0a1b2c/".into(),
        network: Network::Strategic,
        ..Contact::default()
    });
    document.people.push(Contact {
        id: "pieter".into(),
        name: "P. van Dijk".into(),
        email: "PIETER@example.nl".into(),
        ..Contact::default()
    });
    let report = import(&mut document, read(LINKEDIN).unwrap());
    assert_eq!((report.added, report.updated), (1, 2));
    let anouk = &document.people[0];
    assert_eq!((anouk.role.as_str(), anouk.organisation.as_str()), ("Hoofd verpleging", "Rijnstate"));
    assert!(!anouk.unsorted && anouk.network == Network::Strategic, "a known person keeps their network");
    assert_eq!(document.people[1].role, "Architect");
    assert!(document.encounters.iter().all(|e| e.said == "Verbonden op LinkedIn"), "in the document's language");
}

#[test]
fn an_older_linkedin_export_without_urls_still_reads() {
    let old = "Notes:\n\"...\"\n\nFirst Name,Last Name,Email Address,Company,Position,Connected On\nJoost,Mulder,,Waterschap Rivierenland,Hydroloog,05 Mar 2018\n";
    let list = read(old).unwrap();
    assert_eq!(list.rows.len(), 1);
    assert_eq!(list.rows[0].newcomer.website, "");
    assert_eq!(list.rows[0].connected_on.map(|d| d.to_string()).as_deref(), Some("2018-03-05"));
}

#[test]
fn google_contacts_in_both_layouts_with_several_values_in_a_cell() {
    let current = "First Name,Middle Name,Last Name,Phonetic First Name,Nickname,Birthday,Notes,Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,Organization Name,Organization Title,Website 1 - Label,Website 1 - Value\n\
        Femke,,de Wit,,,,Met at the housing congress,* myContacts ::: Wonen,* Work,femke@woonstad.example ::: f.dewit@gmail.example,Mobile,+31 6 2345 6789,Woonstad Zwolle,Teamleider klantcontact,,https://woonstad.example\n";
    let list = read(current).unwrap();
    assert_eq!(list.layout, Layout::Google);
    let femke = &list.rows[0].newcomer;
    assert_eq!(femke.name, "Femke de Wit");
    assert_eq!(femke.emails, ["femke@woonstad.example", "f.dewit@gmail.example"]);
    assert_eq!((femke.organisation.as_str(), femke.role.as_str()), ("Woonstad Zwolle", "Teamleider klantcontact"));
    assert_eq!(femke.tags, ["Wonen"], "Google's own groups are not labels");
    assert_eq!(femke.network, Some(Network::Operational));

    let old = "Name,Given Name,Additional Name,Family Name,Group Membership,E-mail 1 - Type,E-mail 1 - Value,E-mail 2 - Type,E-mail 2 - Value,Phone 1 - Type,Phone 1 - Value,Organization 1 - Name,Organization 1 - Title\n\
        Tobias Grey,Tobias,,Grey,* My Contacts ::: Charities,* Home,tobias@example.org,Work,t.grey@youthfund.example,Mobile,+44 7700 900123,Youth Fund Bristol,Data analyst\n";
    let list = read(old).unwrap();
    let tobias = &list.rows[0].newcomer;
    assert_eq!(tobias.name, "Tobias Grey");
    assert_eq!(tobias.emails, ["tobias@example.org", "t.grey@youthfund.example"]);
    assert_eq!(tobias.role, "Data analyst");
    // Known by his second address: one person, filled in.
    let mut document = BrandDocument::default();
    document.people.push(Contact {
        id: "tobias".into(),
        name: "Tobias".into(),
        email: "t.grey@youthfund.example".into(),
        ..Contact::default()
    });
    let report = import(&mut document, list);
    assert_eq!((report.added, report.updated, document.people.len()), (0, 1, 1));
    assert_eq!(document.people[0].organisation, "Youth Fund Bristol");
}

#[test]
fn outlook_by_its_header_names_in_any_order() {
    let desktop = "Title,First Name,Middle Name,Last Name,Suffix,Company,Department,Job Title,Business Street,Business Phone,Mobile Phone,E-mail Address,E-mail Type,E-mail Display Name,E-mail 2 Address,Notes,Categories,Web Page\n\
        Dr.,Maren,,Holt,,Garden Supplies Leeds,Logistics,Operations director,,+44 113 496 0000,,maren.holt@garden.example,SMTP,Maren Holt,maren@holt.example,Asked about the pilot,Logistics;Leeds,https://garden.example\n";
    let list = read(desktop).unwrap();
    assert_eq!(list.layout, Layout::Outlook);
    let maren = &list.rows[0].newcomer;
    assert_eq!((maren.name.as_str(), maren.role.as_str()), ("Maren Holt", "Operations director"));
    assert_eq!(maren.emails, ["maren.holt@garden.example", "maren@holt.example"]);
    assert_eq!(maren.phone, "+44 113 496 0000");
    assert_eq!(maren.tags, ["Logistics", "Leeds"]);
    let web = "First Name,Last Name,Company,Job Title,Email Address,Mobile Phone\nMaren,Holt,Garden Supplies Leeds,Operations director,maren.holt@garden.example,+44 7700 900456\n";
    let list = read(web).unwrap();
    assert_eq!(list.layout, Layout::Outlook);
    assert_eq!(list.rows[0].newcomer.emails, ["maren.holt@garden.example"]);
}

#[test]
fn latin1_and_a_file_cut_off_in_its_last_row() {
    let latin1: Vec<u8> = b"First Name,Last Name,Company,Job Title,E-mail Address\nRen\xe9,Lef\xe8vre,Caf\xe9 du Nord,G\xe9rant,rene@example.fr\n".to_vec();
    let list = read(&decode(&latin1)).unwrap();
    assert_eq!(list.rows[0].newcomer.name, "René Lefèvre");
    let cut = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAnouk,Jansen,,,Rijnstate,Head of nursing,24 Aug 2023\nPieter,van Dijk,https://www.linkedin";
    let list = read(cut).unwrap();
    assert_eq!(list.rows.len(), 2, "what it holds is read");
    assert_eq!(list.warnings, [ImportWarning::CutOff("Pieter van Dijk".into())]);
}

#[test]
fn what_is_no_contact_list_is_a_clear_error() {
    for text in ["", "just some text\nwith lines\n", "Name,Amount\nrent,700\n", "\u{0}\u{1}binary"] {
        let error = read(text).unwrap_err();
        assert!(error.contains("not a contact list this app knows"), "{text:?}: {error}");
    }
}

/// A zip archive in memory holding `files` (name, bytes), deflated.
fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::Write;
    let mut out = std::io::Cursor::new(Vec::new());
    let mut writer = zip::ZipWriter::new(&mut out);
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in files {
        writer.start_file(*name, options).unwrap();
        writer.write_all(bytes).unwrap();
    }
    writer.finish().unwrap();
    out.into_inner()
}

#[test]
fn linkedins_archive_as_downloaded_is_read_in_memory_and_a_zip_bomb_is_refused_unopened() {
    use pitchcraft_core::logic::people_import::{MAX_UNPACKED, import_bytes};
    let archive = zip_of(&[
        (
            "Basic_LinkedInDataExport_12-05-2026/Profile.csv",
            b"First Name,Last Name,Headline\nSanne,de Vries,Operations\n",
        ),
        ("Basic_LinkedInDataExport_12-05-2026/connections.CSV", LINKEDIN.as_bytes()),
    ]);
    let mut document = BrandDocument::default();
    let report = import_bytes(&mut document, &archive).unwrap();
    assert_eq!(report.added, 3);
    // Without Connections.csv, damaged, or a bomb: clear errors, nothing imported.
    let without = zip_of(&[("Profile.csv", b"First Name\nSanne\n")]);
    let error = import_bytes(&mut document, &without).unwrap_err();
    assert!(error.contains("no Connections.csv"), "{error}");
    let error = import_bytes(&mut document, &archive[..archive.len() / 2]).unwrap_err();
    assert!(error.contains("not a readable zip archive"), "{error}");
    let zeros = vec![b'0'; (MAX_UNPACKED + 1024 * 1024) as usize];
    let bomb = zip_of(&[("Connections.csv", &zeros)]);
    assert!(bomb.len() < 1024 * 1024, "{} bytes packed", bomb.len());
    let error = import_bytes(&mut document, &bomb).unwrap_err();
    assert!(error.contains("would unpack to 65 MB"), "{error}");
    assert_eq!(document.people.len(), 3);
}

/// The owner's side of a LinkedIn export (an invented person): profile, positions, skills,
/// endorsements and recommendations, file names in the cases different exports use.
fn owners_export() -> Vec<u8> {
    let folder = "Complete_LinkedInDataExport_12-05-2026";
    zip_of(&[
        (&format!("{folder}/Connections.csv"), LINKEDIN.as_bytes()),
        (
            &format!("{folder}/Profile.csv"),
            "First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers\n\
             Ilse,Verhoeven,,,,IT-architect in de zorg | Zorgdata die klopt,\"Ik verbind systemen, zodat verpleging minder overtypt.\",Hospitals,,\"Nijmegen, Gelderland, Netherlands\",,[PERSONAL:https://ilseverhoeven.example/],\n"
                .as_bytes(),
        ),
        (
            &format!("{folder}/POSITIONS.csv"),
            b"Company Name,Title,Description,Location,Started On,Finished On\n\
              Gemeente Arnhem,Informatieadviseur,,Arnhem,Mar 2014,Dec 2018\n\
              Rivierenland Ziekenhuis,IT-architect,Koppelingen en data,Tiel,Jan 2019,\n",
        ),
        (&format!("{folder}/skills.csv"), b"Name\nHL7 FHIR\nEnterprise-architectuur\nProjectmanagement\nTOGAF\n"),
        (
            &format!("{folder}/Endorsement_Received_Info.csv"),
            b"Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,Endorser Public Url,Endorsement Status\n\
              2024/01/02 10:00:00 UTC,TOGAF,Joris,Bakker,www.linkedin.com/in/jorisbakker,ACCEPTED\n\
              2024/02/02 10:00:00 UTC,TOGAF,Fenna,Smit,www.linkedin.com/in/fennasmit,ACCEPTED\n\
              2024/03/02 10:00:00 UTC,HL7 FHIR,Joris,Bakker,www.linkedin.com/in/jorisbakker,ACCEPTED\n\
              2024/04/02 10:00:00 UTC,Projectmanagement,Kees,Mol,www.linkedin.com/in/keesmol,REJECTED\n",
        ),
        (
            &format!("{folder}/Recommendations_Received.csv"),
            "First Name,Last Name,Company,Job Title,Text,Creation Date,Status\n\
             Joris,Bakker,Rivierenland Ziekenhuis,Hoofd IT,\"Ilse bracht onze koppelingen terug van 40 naar 12,\n zonder dat de afdelingen er last van hadden.\",01/15/24,VISIBLE\n\
             Fenna,Smit,Gemeente Arnhem,Teamleider,Liever niet getoond.,02/15/24,HIDDEN\n"
                .as_bytes(),
        ),
    ])
}

#[test]
fn the_owners_linkedin_profile_becomes_suggestions_that_overwrite_nothing() {
    use pitchcraft_core::logic::linkedin_profile::{AboutField, add_skill, fill_about, use_recommendation};
    use pitchcraft_core::logic::people_import::profile_from_archive;
    use pitchcraft_core::model::{ProofPoint, Skill};

    let profile = profile_from_archive(&owners_export()).expect("the profile is in the archive");
    assert_eq!(profile.headline, "IT-architect in de zorg | Zorgdata die klopt");
    assert_eq!(profile.website, "https://ilseverhoeven.example/");
    let current = profile.current_position().expect("a current position");
    assert_eq!((current.title.as_str(), current.company.as_str()), ("IT-architect", "Rivierenland Ziekenhuis"));
    // Most endorsed first; a rejected endorsement counts for nothing; then the export's order.
    let skills: Vec<(&str, u32)> = profile.skills.iter().map(|s| (s.name.as_str(), s.endorsements)).collect();
    assert_eq!(skills, [("TOGAF", 2), ("HL7 FHIR", 1), ("Enterprise-architectuur", 0), ("Projectmanagement", 0)]);
    // Only what the owner shows; the text's line break read as a space.
    assert_eq!(profile.recommendations.len(), 1);
    assert_eq!(profile.recommendations[0].attribution(), "Joris Bakker, Hoofd IT, Rivierenland Ziekenhuis");
    assert!(profile.recommendations[0].text.contains("van 40 naar 12, zonder"), "{}", profile.recommendations[0].text);

    // The person typed a role and one of the skills (in other letters): those stay.
    let mut document = BrandDocument::default();
    document.person.role = "Architect".into();
    document.expertise.push(Skill { skill: "hl7 fhir".into(), proof: vec![ProofPoint::default()], ..Skill::default() });
    let fills = profile.about_fills(&document);
    let fields: Vec<AboutField> = fills.iter().map(|(field, _)| *field).collect();
    assert_eq!(fields, [AboutField::Organisation, AboutField::Location, AboutField::Website]);
    fill_about(&mut document, &fills);
    assert_eq!(document.person.role, "Architect", "typed, never overwritten");
    assert_eq!(document.person.organisation, "Rivierenland Ziekenhuis");
    assert_eq!(document.person.location, "Nijmegen, Gelderland, Netherlands");
    assert!(profile.about_fills(&document).is_empty());

    let to_add: Vec<&str> = profile.skills_to_add(&document).iter().map(|s| s.name.as_str()).collect();
    assert_eq!(to_add, ["TOGAF", "Enterprise-architectuur", "Projectmanagement"]);
    add_skill(&mut document, "TOGAF");
    add_skill(&mut document, "togaf");
    assert_eq!(document.expertise.len(), 2, "a skill once");

    // The recommendation goes into the skill's empty proof, once, with who said it.
    let recommendation = profile.recommendations[0].clone();
    use_recommendation(&mut document, 0, &recommendation);
    use_recommendation(&mut document, 1, &recommendation);
    let proofs: Vec<&ProofPoint> = document.expertise.iter().flat_map(|s| &s.proof).collect();
    assert_eq!(proofs.iter().filter(|p| !p.quote.is_empty()).count(), 1);
    assert_eq!(document.expertise[0].proof.len(), 1, "the empty proof took it");
    assert_eq!(document.expertise[0].proof[0].quote_by, "Joris Bakker, Hoofd IT, Rivierenland Ziekenhuis");
    assert!(profile.recommendations_to_use(&document).is_empty());

    // The quote is kept in the file and read back.
    let text = pitchcraft_core::storage::to_ron(&document).unwrap();
    let (back, _) = pitchcraft_core::storage::parse_document(text.as_bytes()).unwrap();
    assert_eq!(back.expertise[0].proof[0].quote, recommendation.text);
}

#[test]
fn an_archive_without_the_owners_files_offers_no_profile() {
    use pitchcraft_core::logic::people_import::profile_from_archive;
    assert_eq!(profile_from_archive(&zip_of(&[("Connections.csv", LINKEDIN.as_bytes())])), None);
    assert_eq!(profile_from_archive(LINKEDIN.as_bytes()), None);
    assert_eq!(profile_from_archive(&owners_export()[..200]), None);
}

#[test]
fn an_archive_cut_short_after_its_connections_is_read_with_a_warning() {
    use pitchcraft_core::logic::people_import::import_bytes;
    let archive = owners_export();
    // Cut in the files after Connections.csv: the directory at the end is gone.
    let cut = &archive[..archive.len() * 2 / 3];
    let mut document = BrandDocument::default();
    let report = import_bytes(&mut document, cut).unwrap();
    assert_eq!(report.added, 3);
    assert_eq!(report.warnings, [ImportWarning::ArchiveCutShort]);
    // Cut inside Connections.csv itself: nothing to read, a clear error.
    let error = import_bytes(&mut BrandDocument::default(), &archive[..300]).unwrap_err();
    assert!(error.contains("not a readable zip archive"), "{error}");
}

#[test]
fn a_100_mb_line_is_no_list_and_a_100_mb_field_is_no_person() {
    let line = "x".repeat(100 * 1024 * 1024);
    let error = read(&line).unwrap_err();
    assert!(error.contains("not a contact list"), "{error}");
    assert!(pitchcraft_core::logic::attendee_lists::read(&line).is_err());

    let list = format!(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAnouk,Jansen,,,{line},Nurse,24 Aug 2023\nPieter,van Dijk,,,Gemeente,Architect,03 Feb 2021\n"
    );
    drop(line);
    let list = read(&list).unwrap();
    assert_eq!(list.rows.len(), 1);
    assert_eq!(list.rows[0].newcomer.name, "Pieter van Dijk");
    assert_eq!(list.skipped, ["row 1: a field of 102400 KB, longer than any contact detail"]);
}
