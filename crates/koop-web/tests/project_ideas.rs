//! Cross-cluster project ideas on the demo: the managers' three ideas, recording a new
//! one that spans two clusters, the partners the engine suggests from their members
//! (each with its reasons), taking one in and out, and what is refused.

mod common;

use common::{TestApp, attributes, option, select, text_of};
use koop_core::Core;
use koop_core::testing::fresh_databases;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_idea_across_two_clusters_gets_partners_from_their_members_with_reasons() {
    for (backend, url) in fresh_databases().await {
        let core = Core::open(&url).await.unwrap();
        koop_demo::load(&core).await.unwrap();
        let app = TestApp::new(core.clone());
        let staff = app.login_demo("cluster@koop.example").await;
        let list = app.get("/manage/ideas", Some(&staff)).await;
        assert_eq!(list.status, 200, "{backend}: {}", list.body);
        let rows = select(&list.body, "table.ideas tbody tr");
        assert_eq!(rows.len(), 3, "{backend}: {rows:?}");
        let batteries = rows.iter().find(|r| r.contains("Batteriegehäuse")).unwrap();
        for part in ["Partnersuche", "MiKA", "Automotive Cluster", "Chemie"] {
            assert!(batteries.contains(part), "{backend}: {part} in {batteries}");
        }

        // Without an owner the form is refused beside the field, and nothing is kept.
        let mika = option(&list.body, "owner", "MiKA");
        let solar = option(&list.body, "owner", "Solarvalley");
        let title = "Geklebte Solarmodule zum Zerlegen";
        let body = format!(
            "title={title}&summary=Klebstoffe+und+beschichtetes+Glas+f%C3%BCr+Solarmodule%2C+die+sich+recyceln+lassen&clusters={solar}&clusters={mika}"
        );
        let refused = app.post_form("/manage/ideas", &body, Some(&staff)).await;
        assert_eq!(refused.status, 422, "{backend}");
        assert!(
            select(&refused.body, "label.invalid")
                .join(" ")
                .contains("Verantwortlich"),
            "{backend}"
        );
        assert_eq!(
            attributes(&refused.body, "input[name=clusters][checked]", "value").len(),
            2,
            "{backend}: the ticked clusters stay ticked"
        );
        assert_eq!(
            select(
                &app.get("/manage/ideas", Some(&staff)).await.body,
                "table.ideas tbody tr"
            )
            .len(),
            3,
            "{backend}: nothing written"
        );
        let made = app
            .post_form(
                "/manage/ideas",
                &format!("{body}&owner={mika}"),
                Some(&staff),
            )
            .await;
        assert_eq!(made.status, 303, "{backend}: {}", made.body);
        let idea = made.location.clone().unwrap();
        let page = app.get(&idea, Some(&staff)).await;
        assert!(text_of(&page.body).contains(title), "{backend}");

        // Every suggestion is a member of one of the two clusters, with its reasons, and
        // its score is the sum of the contributions shown.
        let cards = select(&page.body, "article.suggestion");
        assert!(cards.len() >= 3, "{backend}: {cards:?}");
        for card in &cards {
            assert!(
                card.contains("Mitglied in:")
                    && (card.contains("Solarvalley") || card.contains("MiKA")),
                "{backend}: {card}"
            );
            assert!(card.contains("teilt mit der Idee"), "{backend}: {card}");
            let n: Vec<f32> = card
                .split_whitespace()
                .filter_map(|w| w.replace(',', ".").parse().ok())
                .collect();
            assert!((n[0] - (n[1] + n[2])).abs() < 0.011, "{backend}: {card}");
        }
        assert!(
            cards.iter().take(3).any(|c| c.contains("Glasbeschichtung")
                || c.contains("Klebstoff")
                || c.contains("Solar")),
            "{backend}: glass, adhesive or solar firms first: {cards:?}"
        );

        // The first suggestion joins as a partner and is no longer suggested; taken out
        // again, it is.
        let first =
            attributes(&page.body, "article.suggestion input[name=org]", "value")[0].clone();
        let name = select(&page.body, "article.suggestion h3 a")[0].clone();
        let joined = app
            .post_form(
                &format!("{idea}/orgs"),
                &format!("org={first}&role=partner"),
                Some(&staff),
            )
            .await;
        assert_eq!(joined.status, 303, "{backend}: {}", joined.body);
        let page = app.get(&idea, Some(&staff)).await;
        let partners = select(&page.body, ".groups section")
            .into_iter()
            .find(|s| s.starts_with("Partner"))
            .unwrap();
        assert!(partners.contains(&name), "{backend}: {partners}");
        assert!(
            !select(&page.body, "article.suggestion h3")
                .join(" ")
                .contains(&name),
            "{backend}"
        );
        let out = app
            .post_form(
                &format!("{idea}/orgs/remove"),
                &format!("org={first}&role=partner"),
                Some(&staff),
            )
            .await;
        assert_eq!(out.status, 303, "{backend}: {}", out.body);
        let page = app.get(&idea, Some(&staff)).await;
        assert!(
            select(&page.body, "article.suggestion h3")
                .join(" ")
                .contains(&name),
            "{backend}"
        );

        // A company is no cluster the idea could span; the refusal names it.
        let company = option(&page.body, "org", "Glasbeschichtung");
        let wrong = app
            .post_form(
                &format!("{idea}/orgs"),
                &format!("org={company}&role=cluster"),
                Some(&staff),
            )
            .await;
        assert_eq!(wrong.status, 422, "{backend}");
        assert!(
            text_of(&wrong.body).contains(
                "Glasbeschichtung Mitteldeutschland GmbH ist weder ein Cluster noch ein Netzwerk"
            ),
            "{backend}: {}",
            text_of(&wrong.body)
        );

        // Where it stands shows in the list.
        let set = app
            .post_form(&format!("{idea}/status"), "status=formed", Some(&staff))
            .await;
        assert_eq!(set.status, 303, "{backend}");
        let list = app.get("/manage/ideas", Some(&staff)).await;
        let row = select(&list.body, "table.ideas tbody tr")
            .into_iter()
            .find(|r| r.contains(title))
            .unwrap();
        assert!(row.contains("Konsortium steht"), "{backend}: {row}");

        // Another agency's staff do not find it and cannot change it.
        let other = app.login_demo("img@koop.example").await;
        assert_eq!(app.get(&idea, Some(&other)).await.status, 404, "{backend}");
        let foreign = app
            .post_form(&format!("{idea}/status"), "status=dropped", Some(&other))
            .await;
        assert_eq!(foreign.status, 403, "{backend}");
        let list = app.get("/manage/ideas", Some(&other)).await;
        assert!(!list.body.contains(title), "{backend}");
    }
}
