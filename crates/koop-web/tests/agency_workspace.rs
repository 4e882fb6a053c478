//! The agency workspace on the demo: the dashboard's co-funding ledger and funnel,
//! recording an agreement with contributions and a meeting's outcome in the forms (and
//! seeing both counted), and merging a duplicate organisation with its history.

mod common;

use common::{TestApp, attributes, option, select, text_of};
use koop_core::Core;
use koop_core::testing::fresh_databases;

fn funnel_row(html: &str, label: &str) -> Vec<String> {
    let rows = select(html, "table.funnel tbody tr");
    let row = rows
        .iter()
        .find(|r| r.starts_with(label))
        .unwrap_or_else(|| panic!("no funnel row {label} in {rows:?}"));
    row.split_whitespace().map(str::to_owned).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_dashboard_shows_the_ledger_and_counts_what_the_forms_record() {
    for (backend, url) in fresh_databases().await {
        let core = Core::open(&url).await.unwrap();
        koop_demo::load(&core).await.unwrap();
        let app = TestApp::new(core.clone());
        let staff = app.login_demo("img@koop.example").await;

        let board = app.get("/agencies/img", Some(&staff)).await;
        assert_eq!(board.status, 200, "{backend}: {}", board.body);
        let ledger = select(&board.body, "table.ledger tbody tr");
        assert_eq!(ledger.len(), 4, "{backend}: {ledger:?}");
        assert!(
            ledger
                .iter()
                .all(|l| l.contains("60.000 €") && l.contains("25.000 €")),
            "{backend}: {ledger:?}"
        );
        let total = select(&board.body, "table.ledger tfoot tr").join(" ");
        assert!(
            total.contains("240.000 €") && total.contains("100.000 €") && total.contains("0,42"),
            "{backend}: {total}"
        );
        let chem = select(&board.body, "details.agreement-detail")
            .into_iter()
            .find(|d| d.contains("CeChemNet"))
            .unwrap();
        assert!(chem.contains("ACHEMA 2018"), "{backend}: {chem}");
        // The stand's co-exhibitors with the leads each brought home; staff add more.
        let titles = select(&board.body, "details.agreement-detail ol a");
        let hrefs = attributes(&board.body, "details.agreement-detail ol a", "href");
        let achema = hrefs[titles.iter().position(|t| t.contains("ACHEMA")).unwrap()].clone();
        let stand = app.get(&achema, None).await;
        let rows = select(&stand.body, "main table tbody tr");
        assert!(
            rows.iter()
                .any(|r| r.contains("CeChemNet") && r.contains("14 Leads")),
            "{backend}: {rows:?}"
        );
        let staff_page = app.get(&achema, Some(&staff)).await;
        let orgs = attributes(
            &staff_page.body,
            "form.leads select[name=org] option",
            "value",
        );
        let set = app
            .post_form(
                &format!("{achema}/leads"),
                &format!("org={}&leads=21", orgs[0]),
                Some(&staff),
            )
            .await;
        assert_eq!(set.status, 303, "{backend}: {}", set.body);
        assert!(
            select(&app.get(&achema, None).await.body, "main table tbody tr")
                .iter()
                .any(|r| r.contains("21 Leads")),
            "{backend}"
        );
        let stranger = app
            .post_form(
                &format!("{achema}/leads"),
                "org=999999&leads=3",
                Some(&staff),
            )
            .await;
        assert_eq!(stranger.status, 422, "{backend}: {}", stranger.body);
        // Visitors do not see contributions, so no ledger of zeros either.
        let public = app.get("/agencies/img", None).await;
        assert!(select(&public.body, "table.ledger").is_empty(), "{backend}");
        assert!(!public.body.contains("60.000 €"), "{backend}");

        // An agreement with one party and an unreadable amount is refused, naming both.
        let form = app.get("/manage/agreements/new", Some(&staff)).await;
        assert_eq!(form.status, 200, "{backend}");
        let img = option(&form.body, "party_0", "Investitions- und Marketing");
        let leuna = option(&form.body, "party_0", "InfraLeuna");
        let before = core
            .reader(&koop_core::Actor::system())
            .await
            .unwrap()
            .agreements(None)
            .await
            .unwrap()
            .len();
        let bad = app
            .post_form(
                "/manage/agreements/new",
                &format!("title=Chemiepark-Kooperation&kind=cooperation_agreement&party_0={img}&contribution_0=viel"),
                Some(&staff),
            )
            .await;
        assert_eq!(bad.status, 422, "{backend}: {}", bad.body);
        let said = select(&bad.body, "p.alert").join(" ");
        assert!(said.contains("viel"), "{backend}: {said}");
        let bad = app
            .post_form(
                "/manage/agreements/new",
                &format!("title=Chemiepark-Kooperation&kind=cooperation_agreement&party_0={img}&contribution_0=10000"),
                Some(&staff),
            )
            .await;
        assert_eq!(bad.status, 422, "{backend}");
        assert!(
            text_of(&bad.body).contains("mindestens zwei Partner"),
            "{backend}"
        );
        let after = core
            .reader(&koop_core::Actor::system())
            .await
            .unwrap()
            .agreements(None)
            .await
            .unwrap()
            .len();
        assert_eq!(after, before, "{backend}: nothing written");
        let made = app
            .post_form(
                "/manage/agreements/new",
                &format!(
                    "title=Chemiepark-Kooperation+Leuna&kind=cooperation_agreement&signed_on=2019-05-02\
                     &party_0={img}&contribution_0=40.000&note_0=Messestand\
                     &party_1={leuna}&contribution_1=30.000&note_1=Mitaussteller"
                ),
                Some(&staff),
            )
            .await;
        assert_eq!(made.status, 303, "{backend}: {}", made.body);
        // InfraLeuna runs a chemical park: a company, so its money is private.
        let board = app.get("/agencies/img", Some(&staff)).await;
        let line = select(&board.body, "table.ledger tbody tr")
            .into_iter()
            .find(|l| l.contains("Chemiepark-Kooperation Leuna"))
            .unwrap();
        assert!(
            line.contains("40.000 €") && line.contains("30.000 €") && line.contains("0,75"),
            "{backend}: {line}"
        );
        let total = select(&board.body, "table.ledger tfoot tr").join(" ");
        assert!(
            total.contains("280.000 €") && total.contains("130.000 €"),
            "{backend}: {total}"
        );
        // It joins the ledger of the year it was signed in (no network among its parties).
        let sums = select(&board.body, "table.ledger-sums tbody tr");
        let year = sums
            .iter()
            .find(|r| r.starts_with("unterzeichnet 2019"))
            .unwrap_or_else(|| panic!("{backend}: {sums:?}"));
        assert!(
            year.contains("40.000 €") && year.contains("30.000 €") && year.contains("0,75"),
            "{backend}: {year}"
        );
        // The year's figures open the agreements signed that year.
        let year_link = attributes(&board.body, "table.ledger-sums a", "href")
            .into_iter()
            .find(|h| h.contains("year=2019"))
            .unwrap();
        let list = app
            .get(&year_link.replace("&amp;", "&"), Some(&staff))
            .await;
        let listed = select(&list.body, "main table tbody tr");
        assert_eq!(listed.len(), 1, "{backend}: {listed:?}");
        assert!(
            listed[0].contains("Chemiepark-Kooperation Leuna"),
            "{backend}"
        );
        assert_eq!(
            app.get("/agreements?year=zwei", None).await.status,
            400,
            "{backend}"
        );
        let chem = sums.iter().find(|r| r.starts_with("CeChemNet")).unwrap();
        assert!(chem.contains("60.000 €"), "{backend}: {chem}");
        assert_eq!(
            sums.len(),
            4 + 4,
            "{backend}: four networks, four years: {sums:?}"
        );

        // An activity under the new agreement appears among what it funded.
        let form = app.get("/manage/activities/new", Some(&staff)).await;
        assert_eq!(form.status, 200, "{backend}");
        let agreement = option(&form.body, "agreements", "Chemiepark-Kooperation Leuna");
        let backwards = app
            .post_form(
                "/manage/activities/new",
                &format!("kind=trade_fair_stand&title=Stand&start_on=2019-06-05&end_on=2019-06-01&orgs={img}&agreements={agreement}"),
                Some(&staff),
            )
            .await;
        assert_eq!(backwards.status, 422, "{backend}");
        assert!(
            text_of(&backwards.body).contains("Das Ende liegt vor dem Beginn"),
            "{backend}"
        );
        let stand = app
            .post_form(
                "/manage/activities/new",
                &format!(
                    "kind=trade_fair_stand&title=Gemeinschaftsstand+Chemiepark+Leuna+auf+der+Hannover+Messe\
                     &start_on=2019-04-01&end_on=2019-04-05&place=Hannover&orgs={img}&orgs={leuna}&agreements={agreement}&publish=on"
                ),
                Some(&staff),
            )
            .await;
        assert_eq!(stand.status, 303, "{backend}: {}", stand.body);
        let board = app.get("/agencies/img", Some(&staff)).await;
        let funded = select(&board.body, "details.agreement-detail")
            .into_iter()
            .find(|d| d.contains("Chemiepark-Kooperation Leuna"))
            .unwrap();
        assert!(funded.contains("Hannover Messe"), "{backend}: {funded}");

        // A meeting's outcome, recorded in the form, counts in the funnel and the report.
        let agreements_before = funnel_row(&board.body, "2019")[4].clone();
        let form = app.get("/manage/outcomes/new", Some(&staff)).await;
        assert_eq!(form.status, 200, "{backend}");
        let meeting = attributes(&form.body, "select[name=meeting] option", "value")[1].clone();
        let bad = app
            .post_form(
                "/manage/outcomes/new",
                &format!("kind=contract&achieved_on=2019-09-30&title=Liefervertrag&value=12000&meeting={meeting}"),
                Some(&staff),
            )
            .await;
        assert_eq!(bad.status, 422, "{backend}: a contract has no value");
        // A reminder this koop cannot mail is refused, and the outcome is not written.
        let outcomes = || async {
            core.reader(&koop_core::Actor::system())
                .await
                .unwrap()
                .outcomes(Default::default())
                .await
                .unwrap()
                .len()
        };
        let before = outcomes().await;
        let unmailed = app
            .post_form(
                "/manage/outcomes/new",
                &format!("kind=contract&achieved_on=2019-09-30&title=Vertrag&meeting={meeting}&remind_on=2099-01-01"),
                Some(&staff),
            )
            .await;
        assert_eq!(unmailed.status, 422, "{backend}");
        assert!(
            text_of(&unmailed.body).contains("versendet keine E-Mails"),
            "{backend}"
        );
        assert_eq!(outcomes().await, before, "{backend}: nothing half-written");
        let recorded = app
            .post_form(
                "/manage/outcomes/new",
                &format!("kind=contract&achieved_on=2019-09-30&title=Liefervertrag+%C3%BCber+Sensorik&meeting={meeting}"),
                Some(&staff),
            )
            .await;
        assert_eq!(recorded.status, 303, "{backend}: {}", recorded.body);
        let board = app.get("/agencies/img", Some(&staff)).await;
        let agreements_now = funnel_row(&board.body, "2019")[4].clone();
        assert_eq!(
            agreements_now.parse::<usize>().unwrap(),
            agreements_before.parse::<usize>().unwrap() + 1,
            "{backend}"
        );
        // The funnel's figure leads to the records behind it.
        let cell = attributes(&board.body, "table.funnel tbody tr a", "href")
            .into_iter()
            .find(|h| h.contains("stage=agreement") && h.contains("year=2019"))
            .unwrap();
        let behind = select(
            &app.get(&cell, Some(&staff)).await.body,
            "main table tbody tr",
        );
        assert_eq!(
            behind.len(),
            agreements_now.parse::<usize>().unwrap(),
            "{backend}: {behind:?}"
        );
        assert!(
            behind
                .iter()
                .any(|r| r.contains("Liefervertrag über Sensorik")),
            "{backend}"
        );
        assert!(
            behind.iter().all(|r| r.contains("2019")),
            "{backend}: {behind:?}"
        );
        let odd = app.get("/outcomes?stage=luck", Some(&staff)).await;
        assert_eq!(odd.status, 400, "{backend}");
        let report = app
            .get("/agencies/img/report?from=2019&to=2019", Some(&staff))
            .await;
        assert!(
            report.body.contains("Liefervertrag über Sensorik")
                && report.body.contains("30.09.2019"),
            "{backend}"
        );
        // Another agency's staff cannot record into this one's meetings.
        let other = app.login_demo("magdeburg@koop.example").await;
        let foreign = app
            .post_form(
                "/manage/outcomes/new",
                &format!("kind=contract&achieved_on=2019-09-30&title=X&meeting={meeting}"),
                Some(&other),
            )
            .await;
        assert_eq!(foreign.status, 404, "{backend}: {}", foreign.body);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_duplicate_merged_into_its_original_brings_its_history_and_points_to_it() {
    use koop_core::domain::activity::{ActivityData, ActivityKind};
    use koop_core::domain::org::{OrgData, OrgKind};
    use koop_core::domain::person::{Consent, PersonData};
    use koop_core::domain::values::CountryCode;
    for (backend, url) in fresh_databases().await {
        let core = Core::open(&url).await.unwrap();
        let world = koop_demo::load(&core).await.unwrap();
        let sys = koop_core::Actor::system();
        let company = |name: &str| OrgData {
            name: name.into(),
            kind: OrgKind::Company,
            country: CountryCode::parse("DE").unwrap(),
            city: "Magdeburg".into(),
            nace: vec![],
            size: None,
            languages: vec![],
            website: None,
            description: String::new(),
        };
        let keep = core
            .create_organisation(
                &sys,
                world.magdeburg,
                company("Müller Maschinenbau GmbH"),
                true,
            )
            .await
            .unwrap();
        let dup = core
            .create_organisation(
                &sys,
                world.magdeburg,
                company("Mueller Maschinenbau"),
                false,
            )
            .await
            .unwrap();
        core.create_person(
            &sys,
            world.magdeburg,
            Some(dup),
            PersonData {
                given_name: "Jana".into(),
                family_name: "Mueller".into(),
                function: "Vertrieb".into(),
                email: None,
                phone: None,
                languages: vec![],
                consent: Consent::Given,
            },
        )
        .await
        .unwrap();
        let day = chrono::NaiveDate::from_ymd_opt(2011, 5, 3).unwrap();
        core.create_activity(
            &sys,
            world.magdeburg,
            ActivityData {
                kind: ActivityKind::CompanyVisit,
                title: "Firmenbesuch Müller".into(),
                start_on: day,
                end_on: day,
                place: "Magdeburg".into(),
                description: String::new(),
                org_ids: vec![keep, dup],
                agreement_ids: vec![],
                instrument_id: None,
                partner_city_id: None,
                event_id: None,
            },
            true,
        )
        .await
        .unwrap();

        let app = TestApp::new(core.clone());
        let staff = app.login_demo("magdeburg@koop.example").await;
        let page = app
            .get(&format!("/organisations/{keep}"), Some(&staff))
            .await;
        let candidates = select(&page.body, "select[name=duplicate] option");
        assert!(
            candidates[1].starts_with("★ Mueller Maschinenbau"),
            "{backend}: the likely duplicate first: {candidates:?}"
        );
        // Itself is refused, and so is an organisation of another agency.
        let own = app
            .post_form(
                &format!("/organisations/{keep}/merge"),
                &format!("duplicate={keep}"),
                Some(&staff),
            )
            .await;
        assert_eq!(own.status, 422, "{backend}");
        let merged = app
            .post_form(
                &format!("/organisations/{keep}/merge"),
                &format!("duplicate={dup}"),
                Some(&staff),
            )
            .await;
        assert_eq!(merged.status, 303, "{backend}: {}", merged.body);

        let kept = app
            .get(&format!("/organisations/{keep}"), Some(&staff))
            .await;
        let text = text_of(&kept.body);
        assert!(
            text.contains("Jana Mueller"),
            "{backend}: the contact moved"
        );
        assert_eq!(
            select(&kept.body, "main table tbody tr")
                .iter()
                .filter(|r| r.contains("Firmenbesuch Müller"))
                .count(),
            1,
            "{backend}: the visit once, not twice"
        );
        let old = app
            .get(&format!("/organisations/{dup}"), Some(&staff))
            .await;
        assert_eq!(old.status, 200, "{backend}");
        assert!(
            select(&old.body, "p.alert")
                .join(" ")
                .contains("Müller Maschinenbau GmbH"),
            "{backend}"
        );
        let list = app.get("/organisations?q=maschinenbau", Some(&staff)).await;
        assert!(
            !text_of(&list.body).contains("Mueller Maschinenbau"),
            "{backend}"
        );
        let audit = app.get("/audit", Some(&staff)).await;
        assert!(
            text_of(&audit.body).contains("organisation.merged"),
            "{backend}"
        );
        // Editing names a bad value and keeps the rest; a good edit is saved.
        let edit = format!("/organisations/{keep}/edit");
        let form = app.get(&edit, Some(&staff)).await;
        assert_eq!(form.status, 200, "{backend}");
        assert_eq!(
            attributes(&form.body, "input[name=name]", "value")[0],
            "Müller Maschinenbau GmbH"
        );
        let bad = app
            .post_form(
                &edit,
                "name=M%C3%BCller+Maschinenbau+GmbH&kind=company&country=Germany",
                Some(&staff),
            )
            .await;
        assert_eq!(bad.status, 422, "{backend}");
        assert!(
            select(&bad.body, "label.invalid")
                .join(" ")
                .contains("Land"),
            "{backend}"
        );
        let good = app
            .post_form(
                &edit,
                "name=M%C3%BCller+Maschinenbau+GmbH+%26+Co.+KG&kind=company&country=DE&city=Magdeburg&nace=28.41",
                Some(&staff),
            )
            .await;
        assert_eq!(good.status, 303, "{backend}: {}", good.body);
        let shown = app
            .get(&format!("/organisations/{keep}"), Some(&staff))
            .await;
        assert!(
            select(&shown.body, "h1").join(" ").contains("& Co. KG"),
            "{backend}"
        );
        // Archived, it leaves the list; restored, it is back.
        let archive = format!("/organisations/{keep}/archive");
        app.post_form(&archive, "archived=true", Some(&staff)).await;
        let list = app.get("/organisations?q=maschinenbau", Some(&staff)).await;
        assert!(
            !text_of(&list.body).contains("Co. KG"),
            "{backend}: archived"
        );
        app.post_form(&archive, "archived=false", Some(&staff))
            .await;
        let list = app.get("/organisations?q=maschinenbau", Some(&staff)).await;
        assert!(
            text_of(&list.body).contains("Co. KG"),
            "{backend}: restored"
        );
        // A network of the agency takes the company as a member, with role and date.
        let network = core
            .create_organisation(
                &sys,
                world.magdeburg,
                OrgData {
                    kind: OrgKind::Network,
                    ..company("Netzwerk Maschinenbau Magdeburg")
                },
                true,
            )
            .await
            .unwrap();
        let joined = app
            .post_form(
                &format!("/organisations/{network}/members"),
                &format!("member={keep}&role=founder&since=2010-04-01"),
                Some(&staff),
            )
            .await;
        assert_eq!(joined.status, 303, "{backend}: {}", joined.body);
        let members = select(
            &app.get(&format!("/organisations/{network}"), Some(&staff))
                .await
                .body,
            "main table tbody tr",
        );
        assert!(
            members
                .iter()
                .any(|m| m.contains("Müller Maschinenbau") && m.contains("01.04.2010")),
            "{backend}: {members:?}"
        );
        let twice = app
            .post_form(
                &format!("/organisations/{network}/members"),
                &format!("member={keep}&role=member"),
                Some(&staff),
            )
            .await;
        assert_eq!(twice.status, 422, "{backend}: a member once");
        assert!(text_of(&twice.body).contains("gibt es schon"), "{backend}");
        let bad_role = app
            .post_form(
                &format!("/organisations/{network}/members"),
                &format!("member={keep}&role=boss"),
                Some(&staff),
            )
            .await;
        assert_eq!(bad_role.status, 422, "{backend}");
        // A second merge of the same duplicate is named.
        let again = app
            .post_form(
                &format!("/organisations/{keep}/merge"),
                &format!("duplicate={dup}"),
                Some(&staff),
            )
            .await;
        assert_eq!(again.status, 422, "{backend}");
        // Another agency's staff do not find this agency's records to merge.
        let other = app.login_demo("img@koop.example").await;
        let refused = app
            .post_form(
                &format!("/organisations/{keep}/merge"),
                &format!("duplicate={dup}"),
                Some(&other),
            )
            .await;
        assert_eq!(refused.status, 404, "{backend}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_overlap_view_shows_mika_touching_the_clusters_it_shares_members_with() {
    for (backend, url) in fresh_databases().await {
        let core = Core::open(&url).await.unwrap();
        koop_demo::load(&core).await.unwrap();
        let app = TestApp::new(core);
        let page = app.get("/clusters/overlap", None).await;
        assert_eq!(page.status, 200, "{backend}: {}", page.body);
        let rows = select(&page.body, "table.overlap-matrix tbody tr");
        let mika = rows.iter().find(|r| r.starts_with("MiKA")).unwrap();
        let counts: Vec<usize> = mika
            .split_whitespace()
            .skip(1)
            .map(|n| n.parse().unwrap())
            .collect();
        assert_eq!(
            counts.len(),
            5,
            "{backend}: MiKA shares members with five clusters: {mika}"
        );
        assert_eq!(counts.iter().sum::<usize>(), 16, "{backend}: {mika}");
        let pair = select(&page.body, "article.overlap-pair")
            .into_iter()
            .find(|p| p.contains("MiKA") && p.contains("Cluster Chemie/Kunststoffe"))
            .unwrap();
        for member in [
            "Fraunhofer-Institut für Mikrostruktur",
            "Hochschule Merseburg",
            "INNOVENT",
        ] {
            assert!(pair.contains(member), "{backend}: {member} in {pair}");
        }
        // The networks of IMG share no member with a cluster, so they are not in it.
        assert!(!text_of(&page.body).contains("CeChemNet"), "{backend}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn een_profiles_import_from_the_browser_and_a_malformed_file_names_its_cells() {
    let fixture = |name: &str| {
        std::fs::read(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../tests/fixtures/een")
                .join(name),
        )
        .unwrap()
    };
    for (backend, url) in fresh_databases().await {
        let core = Core::open(&url).await.unwrap();
        koop_demo::load(&core).await.unwrap();
        let app = TestApp::new(core.clone());
        let staff = app.login_demo("img@koop.example").await;
        assert_eq!(app.get("/manage/import", Some(&staff)).await.status, 200);

        let audit = || async {
            core.reader(&koop_core::Actor::system())
                .await
                .unwrap()
                .audit_count()
                .await
                .unwrap()
        };
        let before = audit().await;
        let bad = fixture("profiles-malformed.csv");
        let refused = app
            .post_file(
                "/manage/import",
                &[("kind", "een-profiles")],
                ("profiles-malformed.csv", &bad),
                Some(&staff),
            )
            .await;
        assert_eq!(refused.status, 422, "{backend}: {}", refused.body);
        let rows = select(&refused.body, "table.problems tbody tr");
        for (line, says) in [
            ("3", "Typ: „XO“ ist kein EEN-Profiltyp"),
            ("3", "„Polen“"),
            ("3", "„30.06.2027“ ist kein Datum"),
            ("4", "Referenz: Bitte ausfüllen."),
            ("4", "99.99.9"),
            ("5", "Referenz"),
        ] {
            assert!(
                rows.iter().any(|r| r.starts_with(line) && r.contains(says)),
                "{backend}: line {line}: {says} in {rows:?}"
            );
        }
        assert_eq!(audit().await, before, "{backend}: nothing written");

        let good = fixture("profiles.csv");
        let done = app
            .post_file(
                "/manage/import",
                &[("kind", "een-profiles")],
                ("profiles.csv", &good),
                Some(&staff),
            )
            .await;
        assert_eq!(done.status, 200, "{backend}: {}", done.body);
        assert!(
            select(&done.body, "p.flash").join(" ").contains("neu 4"),
            "{backend}"
        );
        // Again: nothing new.
        let again = app
            .post_file(
                "/manage/import",
                &[("kind", "een-profiles")],
                ("profiles.csv", &good),
                Some(&staff),
            )
            .await;
        assert!(
            select(&again.body, "p.flash")
                .join(" ")
                .contains("unverändert 4"),
            "{backend}"
        );
        // The export reads back with the same references.
        let csv = app
            .get("/manage/export/een-profiles.csv", Some(&staff))
            .await;
        assert_eq!(csv.status, 200, "{backend}");
        for reference in [
            "BOFR20250312001",
            "TOPL20250418002",
            "BRUZ20250520003",
            "RDRDE20250601004",
        ] {
            assert!(csv.body.contains(reference), "{backend}: {reference}");
        }
        assert!(csv.body.contains("ООО «Ташкент Пак»"), "{backend}");
        // A form without the session's token is refused; visitors are not let in.
        let forged = app
            .post_file(
                "/manage/import",
                &[("kind", "een-profiles")],
                ("p.csv", &good),
                None,
            )
            .await;
        assert_eq!(forged.status, 403, "{backend}");
        let other = app.login_demo("magdeburg@koop.example").await;
        let theirs = app
            .get("/manage/export/een-profiles.csv", Some(&other))
            .await;
        assert!(
            !theirs.body.contains("BOFR20250312001"),
            "{backend}: another agency's profiles"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_funding_call_gets_partners_with_reasons_and_a_granted_one_becomes_eu_funding() {
    for (backend, url) in fresh_databases().await {
        let core = Core::open(&url).await.unwrap();
        koop_demo::load(&core).await.unwrap();
        let app = TestApp::new(core.clone());
        let staff = app.login_demo("cluster@koop.example").await;
        let list = app.get("/manage/calls", Some(&staff)).await;
        assert_eq!(list.status, 200, "{backend}");
        let call = attributes(&list.body, "table.calls a", "href")[0].clone();
        let page = app.get(&call, Some(&staff)).await;
        let cards = select(&page.body, "article.suggestion");
        assert!(cards.len() >= 5, "{backend}: {cards:?}");
        for card in &cards {
            let reasons = card.matches("teilt mit dem Aufruf").count()
                + card.matches("Vorhaben mit Ihnen").count();
            assert!(reasons >= 1, "{backend}: a reason in {card}");
            // "Punktzahl 0,21 = Thema 0,21 + Zusammenarbeit 0,00": the score is the sum.
            let n: Vec<f32> = card
                .split_whitespace()
                .filter_map(|w| w.replace(',', ".").parse().ok())
                .collect();
            assert!((n[0] - (n[1] + n[2])).abs() < 0.011, "{backend}: {card}");
        }
        assert!(
            cards
                .iter()
                .take(5)
                .any(|c| c.contains("Klebtechnik") || c.contains("klebtechnik")),
            "{backend}: the adhesive experts come first: {cards:?}"
        );
        // The best one joins; it is no longer suggested.
        let first =
            attributes(&page.body, "article.suggestion input[name=org]", "value")[0].clone();
        let name = select(&page.body, "article.suggestion h3 a")[0].clone();
        let added = app
            .post_form(
                &format!("{call}/members"),
                &format!("org={first}&role=Partner"),
                Some(&staff),
            )
            .await;
        assert_eq!(added.status, 303, "{backend}: {}", added.body);
        let page = app.get(&call, Some(&staff)).await;
        assert!(
            select(&page.body, "ul.consortium li")
                .join(" ")
                .contains(&name),
            "{backend}"
        );
        assert!(
            !select(&page.body, "article.suggestion h3")
                .join(" ")
                .contains(&name),
            "{backend}"
        );
        // Granted without the amount is refused, naming it; with it, EU funding is booked.
        let no_amount = app
            .post_form(
                &format!("{call}/status"),
                "status=won&funding_eur=&on=2027-09-01",
                Some(&staff),
            )
            .await;
        assert_eq!(no_amount.status, 422, "{backend}");
        assert!(
            select(&no_amount.body, "label.invalid")
                .join(" ")
                .contains("Bewilligte Förderung"),
            "{backend}"
        );
        let won = app
            .post_form(
                &format!("{call}/status"),
                "status=won&funding_eur=1.250.000&on=2027-09-01",
                Some(&staff),
            )
            .await;
        assert_eq!(won.status, 303, "{backend}: {}", won.body);
        let report = app
            .get(
                "/agencies/metropolregion/report?from=2027&to=2027",
                Some(&staff),
            )
            .await;
        assert!(report.body.contains("1.250.000 €"), "{backend}");
        // Another agency's staff do not find the call.
        let other = app.login_demo("img@koop.example").await;
        assert_eq!(app.get(&call, Some(&other)).await.status, 404, "{backend}");
        let foreign = app
            .post_form(
                &format!("{call}/members"),
                &format!("org={first}"),
                Some(&other),
            )
            .await;
        assert_eq!(foreign.status, 403, "{backend}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_ended_membership_stays_in_the_history_and_leaves_the_overlaps() {
    for (backend, url) in fresh_databases().await {
        let core = Core::open(&url).await.unwrap();
        koop_demo::load(&core).await.unwrap();
        let app = TestApp::new(core.clone());
        let staff = app.login_demo("cluster@koop.example").await;
        let mika = core
            .reader(&koop_core::Actor::system())
            .await
            .unwrap()
            .orgs(&koop_core::views::OrgFilter {
                name_contains: Some("MiKA".into()),
                ..Default::default()
            })
            .await
            .unwrap()[0]
            .id
            .0;
        let page = app
            .get(&format!("/organisations/{mika}"), Some(&staff))
            .await;
        let rows = select(&page.body, "table.memberships tbody tr");
        let at = rows
            .iter()
            .position(|r| r.starts_with("Hochschule Merseburg"))
            .unwrap();
        let edit = attributes(&page.body, "table.memberships tbody tr a.small", "href")[at].clone();
        let form = app.get(&edit, Some(&staff)).await;
        assert_eq!(form.status, 200, "{backend}: {}", form.body);
        // An end before the start is refused beside the field; nothing changes.
        let backwards = app
            .post_form(
                &edit,
                "role=member&since=2016-01-01&until=2015-01-01",
                Some(&staff),
            )
            .await;
        assert_eq!(backwards.status, 422, "{backend}");
        let problem = select(&backwards.body, "label.invalid").join(" ");
        assert!(
            problem.contains("bis") && problem.contains("Ende"),
            "{backend}: {problem}"
        );
        let ended = app
            .post_form(
                &edit,
                "role=founder&since=2012-01-01&until=2020-12-31",
                Some(&staff),
            )
            .await;
        assert_eq!(ended.status, 303, "{backend}: {}", ended.body);
        let page = app
            .get(&format!("/organisations/{mika}"), Some(&staff))
            .await;
        let former = select(&page.body, "table.memberships tbody tr.former");
        assert_eq!(former.len(), 1, "{backend}: {former:?}");
        assert!(
            former[0].contains("Hochschule Merseburg") && former[0].contains("31.12.2020"),
            "{backend}: {former:?}"
        );
        // The overlaps count current members: Merseburg no longer links MiKA and the
        // chemistry cluster.
        let overlap = app.get("/clusters/overlap", None).await;
        let pair = select(&overlap.body, "article.overlap-pair")
            .into_iter()
            .find(|p| p.contains("MiKA") && p.contains("Cluster Chemie/Kunststoffe"))
            .unwrap();
        assert!(!pair.contains("Hochschule Merseburg"), "{backend}: {pair}");
        assert!(pair.contains("INNOVENT"), "{backend}: {pair}");
        // Staff of another agency cannot change it.
        let other = app.login_demo("img@koop.example").await;
        let foreign = app
            .post_form(&edit, "role=member&since=&until=", Some(&other))
            .await;
        assert!(
            [403, 404].contains(&foreign.status.as_u16()),
            "{backend}: {}",
            foreign.status
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_partner_city_shows_its_history_and_the_office_adds_to_it() {
    for (backend, url) in fresh_databases().await {
        let core = Core::open(&url).await.unwrap();
        koop_demo::load(&core).await.unwrap();
        let app = TestApp::new(core.clone());
        let list = app.get("/partner-cities", None).await;
        let harbin = attributes(&list.body, "main a[href^='/partner-cities/']", "href")
            .into_iter()
            .zip(select(&list.body, "main a[href^='/partner-cities/']"))
            .find(|(_, text)| text.contains("Harbin"))
            .unwrap()
            .0;
        // Visitors read the history: signed, the visits, the MoUs, the widening to
        // biogas, the sale, in order of their days; no form.
        let page = app.get(&harbin, None).await;
        let history = select(&page.body, "ol.relation-history li");
        assert_eq!(history.len(), 8, "{backend}: {history:?}");
        assert!(
            history[0].starts_with("22.10.2008 Partnerschaft unterzeichnet"),
            "{backend}: {history:?}"
        );
        assert!(
            history[1].contains("Fachbesuch Abfallwirtschaft"),
            "{backend}"
        );
        assert!(
            history
                .iter()
                .any(|h| h.contains("erweitert Zusammenarbeit um Biogas")),
            "{backend}"
        );
        assert!(history[7].contains("Sortieranlagentechnik"), "{backend}");
        assert!(select(&page.body, "form.milestone").is_empty(), "{backend}");
        assert!(text_of(&page.body).contains("aktiv"), "{backend}");

        let staff = app.login_demo("magdeburg@koop.example").await;
        let bad = app
            .post_form(
                &format!("{harbin}/history"),
                "on=2012-13-01&kind=paused&note=",
                Some(&staff),
            )
            .await;
        assert_eq!(bad.status, 422, "{backend}");
        assert!(
            select(&bad.body, "label.invalid")
                .join(" ")
                .contains("Datum"),
            "{backend}"
        );
        let paused = app
            .post_form(
                &format!("{harbin}/history"),
                "on=2012-03-01&kind=paused&note=Ruht+bis+zur+Neuwahl",
                Some(&staff),
            )
            .await;
        assert_eq!(paused.status, 303, "{backend}: {}", paused.body);
        let page = app.get(&harbin, None).await;
        let history = select(&page.body, "ol.relation-history li");
        assert!(
            history
                .last()
                .unwrap()
                .contains("ruhend Ruht bis zur Neuwahl"),
            "{backend}: {history:?}"
        );
        assert!(
            select(&page.body, "h1 .tag").join("").contains("ruhend"),
            "{backend}"
        );

        // A new relation: the office's own city with a city abroad; the same city twice
        // is refused, naming it.
        let form = app.get("/manage/partner-cities/new", Some(&staff)).await;
        assert_eq!(form.status, 200, "{backend}");
        let home = option(&form.body, "home", "Magdeburg");
        let same = app
            .post_form(
                "/manage/partner-cities/new",
                &format!("home={home}&partner={home}&since=2012-01-01"),
                Some(&staff),
            )
            .await;
        assert_eq!(same.status, 422, "{backend}");
        assert!(
            text_of(&same.body).contains("nicht ihre eigene Partnerstadt"),
            "{backend}"
        );
        let barleben = option(&form.body, "partner", "Barleben");
        let made = app
            .post_form(
                "/manage/partner-cities/new",
                &format!(
                    "home={home}&partner={barleben}&since=2012-05-01&note=Jugendaustausch&publish=on"
                ),
                Some(&staff),
            )
            .await;
        assert_eq!(made.status, 303, "{backend}: {}", made.body);
        let page = app.get(made.location.as_deref().unwrap(), None).await;
        assert!(text_of(&page.body).contains("Jugendaustausch"), "{backend}");
        // Another office cannot add to Magdeburg's relation.
        let other = app.login_demo("img@koop.example").await;
        let foreign = app
            .post_form(
                &format!("{harbin}/history"),
                "on=2012-03-01&kind=ended",
                Some(&other),
            )
            .await;
        assert_eq!(foreign.status, 403, "{backend}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_goal_years_figure_opens_the_outcomes_it_adds_up() {
    for (backend, url) in fresh_databases().await {
        let core = Core::open(&url).await.unwrap();
        koop_demo::load(&core).await.unwrap();
        let app = TestApp::new(core);
        let staff = app.login_demo("magdeburg@koop.example").await;
        let board = app.get("/agencies/magdeburg", Some(&staff)).await;
        let texts = select(&board.body, ".goal-years a");
        let hrefs = attributes(&board.body, ".goal-years a", "href");
        let at = texts
            .iter()
            .position(|t| t == "2010: 6 von 10")
            .unwrap_or_else(|| panic!("{backend}: {texts:?}"));
        assert!(
            hrefs[at].contains("kind=jobs") && hrefs[at].contains("year=2010"),
            "{backend}"
        );
        let list = app
            .get(&hrefs[at].replace("&amp;", "&"), Some(&staff))
            .await;
        let rows = select(&list.body, "table tbody tr");
        assert_eq!(rows.len(), 1, "{backend}: {rows:?}");
        assert!(
            rows[0].contains("13.05.2010") && rows[0].contains("6 Arbeitsplätze"),
            "{backend}: {rows:?}"
        );
    }
}
