//! The UI's two languages. Every text has a German and an English form in one table,
//! so a key cannot exist in one language only. Enum values (organisation kinds, …)
//! are translated under `kind.<enum>.<value>`; unknown keys show the key itself, which
//! the page tests catch.

use std::collections::HashMap;
use std::sync::LazyLock;

/// A UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// German (the default).
    De,
    /// English.
    En,
}

impl Lang {
    /// Parses `de` or `en`.
    pub fn parse(code: &str) -> Option<Lang> {
        match code.trim().get(..2).map(str::to_ascii_lowercase).as_deref() {
            Some("de") => Some(Lang::De),
            Some("en") => Some(Lang::En),
            _ => None,
        }
    }

    /// The ISO code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
        }
    }

    /// The texts of this language.
    pub fn texts(self) -> Texts {
        Texts(self)
    }

    /// The locale the engines render reasons in.
    pub fn locale(self) -> koop_core::matching::Locale {
        match self {
            Lang::De => koop_core::matching::Locale::De,
            Lang::En => koop_core::matching::Locale::En,
        }
    }
}

/// Lookup of UI texts in one language.
#[derive(Debug, Clone, Copy)]
pub struct Texts(Lang);

impl Texts {
    /// The text for `key`, or the key itself when it is missing.
    pub fn get(&self, key: &str) -> String {
        match TABLE.get(key) {
            Some((de, en)) => match self.0 {
                Lang::De => (*de).to_owned(),
                Lang::En => (*en).to_owned(),
            },
            None => key.to_owned(),
        }
    }
}

static TABLE: LazyLock<HashMap<&'static str, (&'static str, &'static str)>> =
    LazyLock::new(|| TEXTS.iter().map(|(k, de, en)| (*k, (*de, *en))).collect());

const TEXTS: &[(&str, &str, &str)] = &[
    (
        "app.tagline",
        "Kooperation über Grenzen: vom ersten Kontakt bis zum unterschriebenen Vertrag.",
        "Cooperation across borders: from the first contact to the signed contract.",
    ),
    ("nav.home", "Start", "Home"),
    ("nav.organisations", "Organisationen", "Organisations"),
    ("nav.networks", "Netzwerke", "Networks"),
    ("nav.clusters", "Cluster", "Clusters"),
    ("nav.agreements", "Vereinbarungen", "Agreements"),
    ("nav.partner_cities", "Partnerstädte", "Partner cities"),
    ("nav.events", "Veranstaltungen", "Events"),
    ("nav.activities", "Aktivitäten", "Activities"),
    ("nav.outcomes", "Ergebnisse", "Outcomes"),
    ("nav.agencies", "Agenturen", "Agencies"),
    ("nav.audit", "Protokoll", "Audit log"),
    ("nav.login", "Anmelden", "Log in"),
    ("nav.logout", "Abmelden", "Log out"),
    ("home.title", "Überblick", "Overview"),
    (
        "home.intro",
        "koop verbindet Agenturen, Städte, Netzwerke, Cluster und Unternehmen – und hält fest, was aus jedem Kontakt wird.",
        "koop connects agencies, cities, networks, clusters and companies – and keeps track of what comes of every contact.",
    ),
    ("home.upcoming", "Veranstaltungen", "Events"),
    ("home.directory", "Verzeichnis", "Directory"),
    ("home.work", "Zusammenarbeit", "Cooperation"),
    ("field.name", "Name", "Name"),
    ("field.kind", "Art", "Kind"),
    ("field.country", "Land", "Country"),
    ("field.city", "Ort", "City"),
    ("field.nace", "NACE", "NACE"),
    ("field.languages", "Sprachen", "Languages"),
    ("field.website", "Webseite", "Website"),
    ("field.description", "Beschreibung", "Description"),
    ("field.since", "seit", "since"),
    ("field.role", "Rolle", "Role"),
    ("field.members", "Mitglieder", "Members"),
    ("field.member_of", "Mitglied in", "Member of"),
    ("field.parties", "Partner", "Parties"),
    ("field.contribution", "Beitrag", "Contribution"),
    ("field.signed_on", "unterzeichnet", "signed"),
    ("field.valid", "gültig", "valid"),
    ("field.scope", "Gegenstand", "Scope"),
    ("field.sectors", "Branchen", "Sectors"),
    ("field.date", "Datum", "Date"),
    ("field.place", "Ort", "Place"),
    ("field.value", "Wert", "Value"),
    ("field.title", "Titel", "Title"),
    ("field.organisers", "Veranstalter", "Organisers"),
    ("field.venues", "Orte und Stationen", "Venues and stations"),
    ("field.sessions", "Programm", "Programme"),
    ("field.participants", "Teilnehmende", "Participants"),
    (
        "field.profiles",
        "Kooperationsprofile",
        "Cooperation profiles",
    ),
    ("field.meetings", "Termine", "Meetings"),
    ("field.requests", "Gesprächswünsche", "Meeting requests"),
    ("field.visits", "Firmenbesuche", "Company visits"),
    ("field.capacity", "Plätze", "Seats"),
    ("field.booked", "gebucht", "booked"),
    ("field.waitlist", "Warteliste", "waiting list"),
    ("field.status", "Status", "Status"),
    ("field.time", "Zeit", "Time"),
    ("field.table", "Tisch", "Table"),
    ("field.who", "Wer", "Who"),
    ("field.people", "Ansprechpersonen", "Contacts"),
    ("field.instrument", "Instrument", "Instrument"),
    ("field.instruments", "Instrumente", "Instruments"),
    ("field.goals", "Ziele", "Goals"),
    ("field.partner_city", "Partnerstadt", "Partner city"),
    ("field.keywords", "Schlagworte", "Keywords"),
    ("field.seeks", "sucht Partner in", "seeks partners in"),
    ("field.organisations", "Organisationen", "Organisations"),
    (
        "field.overlaps",
        "Überschneidungen zwischen Clustern",
        "Overlaps between clusters",
    ),
    (
        "field.ideas",
        "Clusterübergreifende Projektideen",
        "Cross-cluster project ideas",
    ),
    ("field.all", "alle", "all"),
    ("field.search", "Suchen", "Search"),
    ("field.email", "E-Mail", "E-mail"),
    ("field.password", "Passwort", "Password"),
    ("field.action", "Aktion", "Action"),
    ("field.count", "Anzahl", "Count"),
    ("field.none", "– keine –", "– none –"),
    ("field.published", "öffentlich", "public"),
    ("field.internal", "intern", "internal"),
    ("field.agency", "Agentur", "Agency"),
    ("rec.title", "Empfohlene Partner", "Recommended partners"),
    ("rec.for", "Empfehlungen für", "Recommendations for"),
    ("rec.show", "Anzeigen", "Show"),
    ("rec.your_profile", "Ihr Profil", "Your profile"),
    (
        "rec.no_profile",
        "Für diese Teilnahme gibt es noch kein Kooperationsprofil.",
        "There is no cooperation profile for this participant yet.",
    ),
    (
        "rec.sent",
        "Gesprächswunsch gesendet.",
        "Meeting request sent.",
    ),
    ("rec.score", "Punkte", "score"),
    ("rec.request", "Gespräch anfragen", "Request a meeting"),
    ("rec.coverage", "Wer braucht Hilfe?", "Who needs help?"),
    (
        "cc.title",
        "Komplementäre Mitglieder",
        "Complementary members",
    ),
    (
        "cc.intro",
        "Mitglieder Ihres Clusters und Mitglieder der Cluster, die Ihr Clustermanagement als Ergänzung benannt hat: wer zu wem passt und warum.",
        "Members of your cluster and members of the clusters your cluster management named as complementary: who fits whom, and why.",
    ),
    (
        "cc.declared",
        "Ergänzende Cluster",
        "Complementary clusters",
    ),
    (
        "cc.none_declared",
        "Noch keine ergänzenden Cluster benannt.",
        "No complementary clusters named yet.",
    ),
    ("cc.rationale", "Warum", "Why"),
    ("cc.other", "Cluster", "Cluster"),
    (
        "cc.declare",
        "Als Ergänzung benennen",
        "Name as complementary",
    ),
    ("cc.saved", "Gespeichert.", "Saved."),
    ("cc.pairs", "Passende Paare", "Matching pairs"),
    (
        "cc.no_pairs",
        "Keine Paare: Benennen Sie zuerst einen ergänzenden Cluster.",
        "No pairs: first name a complementary cluster.",
    ),
    ("cc.link", "Ergänzungen", "Complements"),
    (
        "rec.coverage_intro",
        "Teilnehmende mit wenigen guten Partnern stehen oben: Ihnen hilft ein Hinweis des Organisationsteams am meisten.",
        "Participants with few good partners come first: a hint from the organisers helps them most.",
    ),
    ("rec.good_matches", "Gute Partner", "Good partners"),
    ("sched.title", "Zeitplan", "Schedule"),
    ("sched.open", "letzter Lauf", "latest run"),
    (
        "sched.run",
        "Angenommene Gesprächswünsche einplanen",
        "Schedule the accepted meeting requests",
    ),
    ("sched.placed", "neu eingeplant", "newly placed"),
    ("sched.kept", "unverändert beibehalten", "kept in place"),
    ("sched.bound", "höchstens einplanbar", "placeable at most"),
    (
        "sched.breaks",
        "Wartezeiten zwischen Terminen",
        "Idle gaps between meetings",
    ),
    ("sched.lower_bound", "Untergrenze", "lower bound"),
    (
        "sched.none_yet",
        "Für diese Veranstaltung lief der Planer noch nicht.",
        "The scheduler has not run for this event yet.",
    ),
    (
        "kind.job.queued",
        "wartet auf den Start",
        "waiting to start",
    ),
    ("kind.job.running", "läuft", "running"),
    ("kind.job.done", "fertig", "finished"),
    ("kind.job.failed", "abgebrochen", "failed"),
    (
        "job.error.internal",
        "Ein interner Fehler; der Lauf wird wiederholt.",
        "An internal error; the run will be retried.",
    ),
    (
        "job.error.forbidden",
        "Wer den Lauf gestartet hat, darf die Veranstaltung nicht mehr planen.",
        "Whoever started the run may no longer plan this event.",
    ),
    (
        "job.error.not_found",
        "Die Veranstaltung gibt es nicht mehr.",
        "The event no longer exists.",
    ),
    (
        "job.error.invalid_input",
        "Die Veranstaltung hat keine B2B-Sitzung mit Zeitfenstern und Tischen.",
        "The event has no B2B session with slots and tables.",
    ),
    (
        "job.error.conflict",
        "Die Daten änderten sich während des Laufs; bitte erneut starten.",
        "The data changed during the run; please start it again.",
    ),
    (
        "job.error.bad_credentials",
        "Die Anmeldung ist abgelaufen.",
        "The login has expired.",
    ),
    ("sched.unplaced", "Nicht eingeplant", "Not placed"),
    ("login.title", "Anmelden", "Log in"),
    (
        "login.failed",
        "E-Mail oder Passwort ist falsch.",
        "Wrong e-mail or password.",
    ),
    (
        "login.demo_hint",
        "Demo-Zugänge: siehe Ausgabe von „koop demo“ (Passwort koop-demo).",
        "Demo logins: see the output of `koop demo` (password koop-demo).",
    ),
    ("error.not_found", "Nicht gefunden", "Not found"),
    ("error.forbidden", "Keine Berechtigung", "Not allowed"),
    ("error.invalid_input", "Ungültige Eingabe", "Invalid input"),
    ("error.conflict", "Konflikt", "Conflict"),
    (
        "error.bad_credentials",
        "Anmeldung fehlgeschlagen",
        "Login failed",
    ),
    (
        "error.internal",
        "Interner Fehler – bitte später erneut versuchen",
        "Internal error – please try again later",
    ),
    (
        "error.back_home",
        "Zur Startseite",
        "Back to the start page",
    ),
    ("kind.org.company", "Unternehmen", "Company"),
    (
        "kind.org.research_institute",
        "Forschungsinstitut",
        "Research institute",
    ),
    ("kind.org.university", "Hochschule", "University"),
    (
        "kind.org.development_agency",
        "Wirtschaftsförderung",
        "Development agency",
    ),
    ("kind.org.chamber", "Kammer", "Chamber"),
    ("kind.org.association", "Verband", "Association"),
    ("kind.org.network", "Netzwerk", "Network"),
    ("kind.org.cluster", "Cluster", "Cluster"),
    ("kind.org.municipality", "Kommune", "Municipality"),
    (
        "kind.org.ministry",
        "Ministerium / Behörde",
        "Ministry / authority",
    ),
    (
        "kind.org.location_company",
        "Standortgesellschaft",
        "Location company",
    ),
    ("kind.org.embassy", "Botschaft", "Embassy"),
    ("kind.org.other", "Sonstige", "Other"),
    (
        "kind.event.cooperation_exchange",
        "Kooperationsbörse",
        "Cooperation exchange",
    ),
    (
        "kind.event.delegation_trip",
        "Delegationsreise",
        "Delegation trip",
    ),
    (
        "kind.event.trade_fair_joint_stand",
        "Messe-Gemeinschaftsstand",
        "Trade-fair joint stand",
    ),
    ("kind.event.conference", "Konferenz", "Conference"),
    (
        "kind.event.cluster_meeting",
        "Clustertreffen",
        "Cluster meeting",
    ),
    (
        "kind.event.online_mission",
        "Online-Mission",
        "Online mission",
    ),
    (
        "kind.session.presentations",
        "Präsentationen",
        "Presentations",
    ),
    ("kind.session.networking", "Networking", "Networking"),
    ("kind.session.b2b_meetings", "B2B-Gespräche", "B2B meetings"),
    (
        "kind.session.company_visits",
        "Firmenbesuche",
        "Company visits",
    ),
    (
        "kind.session.official_meetings",
        "Offizielle Termine",
        "Official meetings",
    ),
    ("kind.session.travel", "Reise", "Travel"),
    (
        "kind.agreement.cooperation_agreement",
        "Kooperationsvereinbarung",
        "Cooperation agreement",
    ),
    (
        "kind.agreement.loi",
        "Absichtserklärung (LoI)",
        "Letter of intent",
    ),
    (
        "kind.agreement.mou",
        "Memorandum of Understanding",
        "Memorandum of understanding",
    ),
    ("kind.agreement.contract", "Vertrag", "Contract"),
    (
        "kind.activity.location_presentation",
        "Standortpräsentation",
        "Location presentation",
    ),
    (
        "kind.activity.trade_fair_stand",
        "Messestand",
        "Trade-fair stand",
    ),
    ("kind.activity.conference", "Konferenz", "Conference"),
    (
        "kind.activity.information_event",
        "Informationsveranstaltung",
        "Information event",
    ),
    (
        "kind.activity.company_visit",
        "Firmenbesuch",
        "Company visit",
    ),
    (
        "kind.activity.publication",
        "Veröffentlichung",
        "Publication",
    ),
    (
        "kind.activity.delegation_visit",
        "Delegationsbesuch",
        "Delegation visit",
    ),
    (
        "kind.activity.contact_brokerage",
        "Kontaktvermittlung",
        "Contact brokerage",
    ),
    ("kind.activity.other", "Sonstige", "Other"),
    (
        "kind.outcome.contact_established",
        "Kontakt hergestellt",
        "Contact established",
    ),
    (
        "kind.outcome.follow_up_meeting",
        "Folgetreffen",
        "Follow-up meeting",
    ),
    (
        "kind.outcome.cooperation_project",
        "Kooperationsprojekt",
        "Cooperation project",
    ),
    ("kind.outcome.loi", "Absichtserklärung", "Letter of intent"),
    ("kind.outcome.mou", "MoU", "MoU"),
    ("kind.outcome.contract", "Vertrag", "Contract"),
    ("kind.outcome.sale", "Umsatz", "Sale"),
    ("kind.outcome.settlement", "Ansiedlung", "Settlement"),
    ("kind.outcome.jobs", "Arbeitsplätze", "Jobs"),
    ("kind.outcome.investment", "Investition", "Investment"),
    ("kind.outcome.eu_funding", "EU-Fördermittel", "EU funding"),
    ("kind.profile.BO", "Geschäftsangebot", "Business offer"),
    ("kind.profile.BR", "Geschäftsgesuch", "Business request"),
    ("kind.profile.TO", "Technologieangebot", "Technology offer"),
    ("kind.profile.TR", "Technologiegesuch", "Technology request"),
    (
        "kind.profile.RDR",
        "Forschungspartner gesucht",
        "R&D partner request",
    ),
    (
        "kind.profile.INV",
        "Investitions- / Ansiedlungsinteresse",
        "Investment / settlement interest",
    ),
    ("kind.role.member", "Mitglied", "Member"),
    ("kind.role.management", "Management", "Management"),
    ("kind.role.founder", "Gründungsmitglied", "Founding member"),
    ("kind.role.partner", "Partner", "Partner"),
    ("kind.prole.delegate", "Delegierte/r", "Delegate"),
    ("kind.prole.entrepreneur", "Unternehmer/in", "Entrepreneur"),
    ("kind.prole.official", "Offizielle/r", "Official"),
    ("kind.prole.staff", "Organisationsteam", "Staff"),
    ("kind.prole.press", "Presse", "Press"),
    ("kind.participant.registered", "angemeldet", "registered"),
    ("kind.participant.confirmed", "bestätigt", "confirmed"),
    ("kind.participant.attended", "anwesend", "attended"),
    ("kind.participant.no_show", "nicht erschienen", "no-show"),
    ("kind.participant.cancelled", "abgesagt", "cancelled"),
    ("kind.meeting.scheduled", "geplant", "scheduled"),
    ("kind.meeting.held", "stattgefunden", "held"),
    ("kind.meeting.no_show", "nicht erschienen", "no-show"),
    ("kind.meeting.cancelled", "abgesagt", "cancelled"),
    ("kind.request.proposed", "offen", "proposed"),
    ("kind.request.accepted", "angenommen", "accepted"),
    ("kind.request.declined", "abgelehnt", "declined"),
    ("kind.request.withdrawn", "zurückgezogen", "withdrawn"),
    ("kind.request.scheduled", "eingeplant", "scheduled"),
    ("kind.goal.settlement", "Ansiedlungen", "Settlements"),
    ("kind.goal.jobs", "Arbeitsplätze", "Jobs"),
    ("kind.goal.eu_funding", "EU-Fördermittel", "EU funding"),
    ("kind.goal.exports", "Export", "Exports"),
    ("kind.goal.skilled_workers", "Fachkräfte", "Skilled workers"),
    ("kind.goal.research", "Forschung", "Research"),
    ("kind.goal.visibility", "Sichtbarkeit", "Visibility"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_unique_and_both_languages_are_filled() {
        assert_eq!(TABLE.len(), TEXTS.len(), "duplicate keys in the text table");
        for (k, de, en) in TEXTS {
            assert!(!de.is_empty() && !en.is_empty(), "{k}");
        }
    }

    #[test]
    fn languages_parse_from_accept_language_prefixes() {
        assert_eq!(Lang::parse("en-GB"), Some(Lang::En));
        assert_eq!(Lang::parse("DE"), Some(Lang::De));
        assert_eq!(Lang::parse("ru"), None);
        assert_eq!(Lang::En.texts().get("nav.events"), "Events");
        assert_eq!(Lang::De.texts().get("missing.key"), "missing.key");
    }
}
