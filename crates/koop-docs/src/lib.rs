//! Documents made from values, with no I/O: the caller passes the data (already in the
//! reader's language) and gets bytes or text back: iCalendar agendas, and PDF
//! documents (agendas, table plans, lists).

#![deny(missing_docs)]

pub mod ical;
pub mod pdf;
