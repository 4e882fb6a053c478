//! The council report and the settlement pipeline: the demo's Magdeburg office for
//! 2009–2011 as the page, the PDF and the workbook show it, checked against the demo
//! data; a settlement recorded through the forms turns into the report's figures; bad
//! input is named and writes nothing; another agency's staff see none of it.

mod common;

use calamine::{Data, Reader, Xlsx};
use common::{TestApp, select, text_of_pdf};
use koop_core::Core;
use koop_core::testing::fresh_databases;
use std::io::Cursor;

const REPORT: &str = "/agencies/magdeburg/report?from=2009&to=2011";

/// The sheet `name` of a workbook as rows of cells.
fn sheet(bytes: &[u8], name: &str) -> Vec<Vec<Data>> {
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap();
    let range = book.worksheet_range(name).unwrap();
    range.rows().map(|r| r.to_vec()).collect()
}

fn text(d: &Data) -> String {
    d.to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_magdeburg_report_for_2009_to_2011_shows_the_cities_the_interreg_project_and_the_settlement()
 {
    for (backend, url) in fresh_databases().await {
        let core = Core::open(&url).await.unwrap();
        koop_demo::load(&core).await.unwrap();
        let app = TestApp::new(core.clone());
        let staff = app.login_demo("magdeburg@koop.example").await;

        let page = app.get(REPORT, Some(&staff)).await;
        assert_eq!(page.status, 200, "{backend}: {}", page.body);
        let cities = select(&page.body, "#by-city ~ article h3");
        assert_eq!(cities.len(), 3, "{backend}: {cities:?}");
        for (city, since) in [
            ("Saporischschja", "13.09.2008"),
            ("Harbin", "22.10.2008"),
            ("Havre", "30.06.2011"),
        ] {
            assert!(
                cities.iter().any(|c| c.contains(city) && c.contains(since)),
                "{backend}: {city} since {since} in {cities:?}"
            );
        }
        let harbin = select(&page.body, "article.report-section")
            .into_iter()
            .find(|s| s.contains("Stadt Harbin"))
            .unwrap();
        for dated in [
            "20.08.2009",
            "MoU zur Zusammenarbeit in der Abfallwirtschaft",
            "08.06.2010",
            "Biogas",
            "05.03.2011",
            "380.000 €",
        ] {
            assert!(harbin.contains(dated), "{backend}: {dated} in {harbin}");
        }
        let body = common::text_of(&page.body);
        assert!(body.contains("INTERREG IVC"), "{backend}");
        assert!(body.contains("186.000 €"), "{backend}");
        let settlement = select(&page.body, "article.settlement").join(" ");
        for step in [
            "SIA Daugavas Inženierija (LV)",
            "12.07.2011",
            "Notarvertrag",
            "04.10.2011",
            "Büro in Magdeburg eröffnet",
            "22.11.2011",
            "Kooperationsgespräche mit der Universität",
        ] {
            assert!(
                settlement.contains(step),
                "{backend}: {step} in {settlement}"
            );
        }
        // The goals with what was achieved: one settlement, 6 + 8 jobs.
        let goals = select(&page.body, "table.goals tbody tr");
        assert!(
            goals
                .iter()
                .any(|g| g.contains("Ansiedlungen") && g.contains('1')),
            "{backend}: {goals:?}"
        );
        assert!(
            goals.iter().any(|g| g.contains("14 Arbeitsplätze")),
            "{backend}: {goals:?}"
        );
        // Each goal's years, achieved against the targets the office set.
        let jobs = goals
            .iter()
            .find(|g| g.starts_with("Arbeitsplätze"))
            .unwrap();
        assert!(
            jobs.contains("2010: 6 von 10") && jobs.contains("2011: 8 von 20"),
            "{backend}: {jobs}"
        );
        let funding = goals
            .iter()
            .find(|g| g.starts_with("EU-Fördermittel"))
            .unwrap();
        assert!(
            funding.contains("2010: 186.000 € von 150.000 €"),
            "{backend}: {funding}"
        );
        let settled = goals
            .iter()
            .find(|g| g.starts_with("Ansiedlungen"))
            .unwrap();
        assert!(settled.contains("2011: 1 von 2"), "{backend}: {settled}");
        // Staff set a target on the dashboard; it shows there and in the report.
        let board = app.get("/agencies/magdeburg", Some(&staff)).await;
        let goal = common::attributes(
            &board.body,
            "form.goal-target select[name=goal] option",
            "value",
        )[1]
        .clone();
        let set = app
            .post_form(
                "/manage/goals/target",
                &format!("goal={goal}&year=2011&target=25"),
                Some(&staff),
            )
            .await;
        assert_eq!(set.status, 303, "{backend}: {}", set.body);
        let page2 = app.get(REPORT, Some(&staff)).await;
        assert!(
            select(&page2.body, "table.goals tbody tr")
                .join(" ")
                .contains("2011: 8 von 25"),
            "{backend}"
        );
        let img = app.login_demo("img@koop.example").await;
        let foreign = app
            .post_form(
                "/manage/goals/target",
                &format!("goal={goal}&year=2011&target=1"),
                Some(&img),
            )
            .await;
        assert_eq!(foreign.status, 403, "{backend}: another agency's goal");
        let bad = app
            .post_form(
                "/manage/goals/target",
                &format!("goal={goal}&year=20x1&target=1"),
                Some(&staff),
            )
            .await;
        assert_eq!(bad.status, 422, "{backend}: {}", bad.body);
        // Another period leaves the 2009–2011 results out.
        let later = app
            .get("/agencies/magdeburg/report?from=2012&to=2012", Some(&staff))
            .await;
        assert!(!later.body.contains("Notarvertrag"), "{backend}");
        assert!(!later.body.contains("INTERREG IVC"), "{backend}");

        // The PDF reads back with the same results.
        let pdf = app
            .get(
                "/agencies/magdeburg/report.pdf?from=2009&to=2011",
                Some(&staff),
            )
            .await;
        assert_eq!(pdf.status, 200, "{backend}");
        assert!(pdf.bytes.starts_with(b"%PDF"), "{backend}");
        if let Some(pages) = text_of_pdf(&pdf.bytes) {
            let all = pages.join("\n");
            for needle in [
                "Wirtschaftliche Effekte der internationalen Arbeit",
                "01.01.2009 – 31.12.2011",
                "Ville du Havre",
                "Stadt Saporischschja",
                "380.000 €",
                "186.000 €",
                "Notarvertrag",
                "Büro in Magdeburg eröffnet",
            ] {
                assert!(all.contains(needle), "{backend}: {needle} in the PDF");
            }
            // Chinese names print where the system has a CJK font (the test command
            // installs Debian's fonts-noto-cjk and says so).
            if std::env::var_os("KOOP_REQUIRE_CJK_FONT").is_some() {
                assert!(
                    all.contains("哈尔滨市人民政府"),
                    "{backend}: Harbin in Chinese"
                );
            }
        }

        // The workbook's figures are numbers.
        let xlsx = app
            .get(
                "/agencies/magdeburg/report.xlsx?from=2009&to=2011",
                Some(&staff),
            )
            .await;
        assert_eq!(xlsx.status, 200, "{backend}");
        let totals = sheet(&xlsx.bytes, "Ergebnisse im Überblick");
        let figure = |kind: &str| {
            totals
                .iter()
                .find(|r| text(&r[0]) == kind)
                .map(|r| (r[1].clone(), r.get(2).cloned()))
        };
        assert_eq!(
            figure("Arbeitsplätze"),
            Some((Data::Float(2.0), Some(Data::Float(14.0)))),
            "{backend}: {totals:?}"
        );
        assert_eq!(
            figure("Umsatz"),
            Some((Data::Float(1.0), Some(Data::Float(380_000.0)))),
            "{backend}"
        );
        assert_eq!(figure("MoU").map(|f| f.0), Some(Data::Float(2.0)));
        let steps = sheet(&xlsx.bytes, "Ansiedlungsprojekte");
        assert_eq!(steps.len(), 7, "{backend}: header and six steps");
        assert!(
            steps
                .iter()
                .any(|r| text(&r[5]) == "2011-07-12" && text(&r[7]).contains("Notarvertrag")),
            "{backend}"
        );
        let results = sheet(&xlsx.bytes, "Ergebnisse");
        assert!(
            results
                .iter()
                .any(|r| text(&r[4]).contains("INTERREG IVC") && r[6] == Data::Float(186_000.0)),
            "{backend}: {results:?}"
        );

        // Visitors see the published results, not the company's settlement project.
        let public = app.get(REPORT, None).await;
        assert_eq!(public.status, 200, "{backend}");
        assert!(public.body.contains("INTERREG IVC"), "{backend}");
        assert!(!public.body.contains("Notarvertrag"), "{backend}");

        // A period that ends before it starts is named.
        let bad = app
            .get("/agencies/magdeburg/report?from=2011&to=2009", Some(&staff))
            .await;
        assert_eq!(bad.status, 400, "{backend}");
        assert!(
            bad.body.contains("Bis: Das Ende liegt vor dem Beginn."),
            "{backend}: {}",
            bad.body
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_settlement_recorded_in_the_forms_counts_in_the_report_from_the_day_it_settled() {
    for (backend, url) in fresh_databases().await {
        let core = Core::open(&url).await.unwrap();
        koop_demo::load(&core).await.unwrap();
        let app = TestApp::new(core.clone());
        let staff = app.login_demo("magdeburg@koop.example").await;
        let form = app.get("/manage/settlements/new", Some(&staff)).await;
        assert_eq!(form.status, 200, "{backend}: {}", form.body);
        let company = select(&form.body, "select[name=company] option")
            .into_iter()
            .position(|o| o.contains("Magdeburger Hafen"))
            .unwrap();
        let company_id =
            common::attributes(&form.body, "select[name=company] option", "value")[company].clone();
        let before = project_count(&core).await;
        // Bad amounts and no first step's note are each named; nothing is written.
        let bad = app
            .post_form(
                "/manage/settlements/new",
                &format!(
                    "company={company_id}&title=Logistikzentrum&planned_jobs=-3&planned_investment_eur=viel&stage=lead&on=2012-02-01&note="
                ),
                Some(&staff),
            )
            .await;
        assert_eq!(bad.status, 422, "{backend}: {}", bad.body);
        let errors = select(&bad.body, "label.invalid");
        for field in ["Arbeitsplätze", "Investition"] {
            assert!(
                errors.iter().any(|e| e.contains(field)),
                "{backend}: {field} in {errors:?}"
            );
        }
        assert_eq!(
            project_count(&core).await,
            before,
            "{backend}: nothing written"
        );
        // A first step without a note is named too.
        let unnoted = app
            .post_form(
                "/manage/settlements/new",
                &format!(
                    "company={company_id}&title=Logistikzentrum&stage=lead&on=2012-02-01&note="
                ),
                Some(&staff),
            )
            .await;
        assert_eq!(unnoted.status, 422, "{backend}");
        let errors = select(&unnoted.body, "label.invalid").join(" ");
        assert!(errors.contains("Schritt"), "{backend}: {errors}");
        assert_eq!(
            project_count(&core).await,
            before,
            "{backend}: nothing written"
        );

        let made = app
            .post_form(
                "/manage/settlements/new",
                &format!(
                    "company={company_id}&title=Logistikzentrum+am+Hafen&planned_jobs=40&planned_investment_eur=3.500.000&stage=lead&on=2012-02-01&note=Anfrage+auf+der+Messe"
                ),
                Some(&staff),
            )
            .await;
        assert_eq!(made.status, 303, "{backend}: {}", made.body);
        let project = made.location.clone().unwrap();
        let shown = app.get(&project, Some(&staff)).await;
        assert!(shown.body.contains("3.500.000 €"), "{backend}");

        // Not settled yet: nothing in the 2012 results.
        let report = "/agencies/magdeburg/report?from=2012&to=2012";
        let tile = |body: &str| {
            select(body, ".tile")
                .into_iter()
                .find(|t| t.contains("Arbeitsplätze"))
                .unwrap_or_default()
        };
        let open = app.get(report, Some(&staff)).await.body;
        assert!(
            open.contains("Anfrage auf der Messe"),
            "{backend}: the lead is listed"
        );
        assert_eq!(tile(&open), "", "{backend}: no jobs before the settlement");
        let settled = app
            .post_form(
                &format!("{project}/steps"),
                "stage=settled&on=2012-09-03&note=Halle+bezogen",
                Some(&staff),
            )
            .await;
        assert_eq!(settled.status, 303, "{backend}: {}", settled.body);
        let page = app.get(report, Some(&staff)).await.body;
        assert_eq!(tile(&page), "40 Arbeitsplätze", "{backend}");
        let investment = select(&page, ".tile").join(" | ");
        assert!(
            investment.contains("3.500.000 € Investition"),
            "{backend}: {investment}"
        );
        assert!(page.contains("Halle bezogen"), "{backend}");
        // A second settled step records no second settlement.
        app.post_form(
            &format!("{project}/steps"),
            "stage=aftercare&on=2012-10-03&note=Erweiterung+besprochen",
            Some(&staff),
        )
        .await;
        let again = app.get(report, Some(&staff)).await.body;
        assert_eq!(tile(&again), "40 Arbeitsplätze", "{backend}");

        // A step without a date is named.
        let undated = app
            .post_form(
                &format!("{project}/steps"),
                "stage=contact&on=&note=x",
                Some(&staff),
            )
            .await;
        assert_eq!(undated.status, 422, "{backend}");

        // Another agency's staff see neither the pipeline's project nor its page.
        let other = app.login_demo("img@koop.example").await;
        let theirs = app.get(&project, Some(&other)).await;
        assert_eq!(theirs.status, 404, "{backend}");
        let pipeline = app.get("/manage/settlements", Some(&other)).await;
        assert!(!pipeline.body.contains("Logistikzentrum"), "{backend}");
        let refused = app
            .post_form(
                &format!("{project}/steps"),
                "stage=dropped&on=2012-12-01&note=x",
                Some(&other),
            )
            .await;
        assert_eq!(refused.status, 403, "{backend}");
        // Visitors are not let in.
        assert_eq!(app.get("/manage/settlements", None).await.status, 403);
    }
}

async fn project_count(core: &Core) -> i64 {
    let mut r = core.reader(&koop_core::Actor::system()).await.unwrap();
    r.investor_projects().await.unwrap().len() as i64
}
