//! Pure rules of the app: functions with explicit inputs (time is passed in, never read),
//! unit-tested without a window.

pub mod analysis;
pub mod attendee_lists;
pub mod brand;
pub mod calendar;
pub mod capture;
pub mod compose;
pub mod contact_lists;
pub mod diff;
pub mod digest;
pub mod discover;
pub mod draft;
pub mod invitations;
pub mod linkedin_profile;
pub mod markdown;
pub mod morning;
pub mod network;
pub mod people_import;
pub mod people_merge;
pub mod pitches;
pub mod rate;
pub mod rehearsal;
pub mod remarks;
pub mod summary;
pub mod timer;
pub mod transcript;
pub mod undo;
pub mod validate;
pub mod values;
pub mod vcard;
pub mod voice;
