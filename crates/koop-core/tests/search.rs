//! The marketplace search on both backends: stems and word beginnings in German,
//! English and Russian, case folded in every script, every word required, and the
//! filters by country, sector, kind and language.

use koop_core::Core;
use koop_core::domain::ids::ProfileId;
use koop_core::domain::org::{OrgData, OrgKind};
use koop_core::domain::profile::{ProfileData, ProfileKind, ProfileStatus};
use koop_core::domain::values::{CountryCode, LanguageCode, NaceCode};
use koop_core::ops::profiles::ProfileOwner;
use koop_core::search::ProfileQuery;
use koop_core::testing::{TestAgency, fresh_databases};

#[allow(clippy::too_many_arguments)]
async fn profile(
    core: &Core,
    a: &TestAgency,
    event: koop_core::domain::ids::EventId,
    country: &str,
    kind: ProfileKind,
    lang: &str,
    title: &str,
    keywords: &[&str],
    nace: &str,
) -> ProfileId {
    let org = core
        .create_organisation(
            &a.staff,
            a.id,
            OrgData {
                name: format!("{title} GmbH"),
                kind: OrgKind::Company,
                country: CountryCode::parse(country).unwrap(),
                city: String::new(),
                nace: vec![],
                size: None,
                languages: vec![],
                website: None,
                description: String::new(),
            },
            true,
        )
        .await
        .unwrap();
    core.create_profile(
        &a.staff,
        ProfileOwner {
            agency: a.id,
            org,
            event: Some(event),
            participant: None,
        },
        ProfileStatus::Published,
        ProfileData {
            kind,
            title: title.into(),
            summary: title.into(),
            description: String::new(),
            language: LanguageCode::parse(lang).unwrap(),
            nace: vec![NaceCode::parse(nace).unwrap()],
            keywords: keywords.iter().map(|k| k.to_string()).collect(),
            countries_sought: vec![],
            languages: vec![],
            deadline: None,
        },
    )
    .await
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_marketplace_finds_by_stem_and_word_beginning_in_every_script_with_filters() {
    for (backend, url) in fresh_databases().await {
        let core = Core::open(&url).await.unwrap();
        let a = TestAgency::create(&core, "a").await;
        let ev = a.event("Börse").participants(0).create().await;
        let e = ev.id;
        let pack = profile(
            &core,
            &a,
            e,
            "DE",
            ProfileKind::BusinessOffer,
            "de",
            "Kooperationen im Verpackungsmaschinenbau",
            &["Verpackung"],
            "28.29",
        )
        .await;
        let metal = profile(
            &core,
            &a,
            e,
            "RU",
            ProfileKind::BusinessRequest,
            "ru",
            "Металлообработка и сварка",
            &["сварка"],
            "25.62",
        )
        .await;
        let battery = profile(
            &core,
            &a,
            e,
            "GB",
            ProfileKind::TechnologyOffer,
            "en",
            "Battery recycling partners",
            &["recycling"],
            "38.32",
        )
        .await;
        let find = async |q: ProfileQuery| -> Vec<ProfileId> {
            core.search_profiles(&a.staff, e, &q)
                .await
                .unwrap()
                .found
                .into_iter()
                .map(|p| p.id)
                .collect()
        };
        let text = |t: &str| ProfileQuery {
            text: t.into(),
            ..ProfileQuery::default()
        };
        assert_eq!(find(text("")).await.len(), 3, "{backend}");
        for (q, want) in [
            ("Kooperation", vec![pack]),
            ("kooperationen", vec![pack]),
            ("Метал", vec![metal]),
            ("МЕТАЛЛООБРАБОТКА", vec![metal]),
            ("сварки", vec![metal]),
            ("batteries", vec![battery]),
            ("Verpackung Kooperation", vec![pack]),
            ("Verpackung battery", vec![]),
            ("'; DROP TABLE profile; --", vec![]),
        ] {
            assert_eq!(find(text(q)).await, want, "{backend}: {q}");
        }
        let only = |f: fn(&mut ProfileQuery)| {
            let mut q = ProfileQuery::default();
            f(&mut q);
            q
        };
        assert_eq!(
            find(only(|q| q.country = Some("RU".into()))).await,
            vec![metal],
            "{backend}"
        );
        assert_eq!(
            find(only(|q| q.nace = Some("28".into()))).await,
            vec![pack],
            "{backend}"
        );
        assert_eq!(
            find(only(|q| q.kind = Some(ProfileKind::TechnologyOffer))).await,
            vec![battery]
        );
        assert_eq!(
            find(only(|q| q.language = Some("en".into()))).await,
            vec![battery]
        );

        // The kept index follows a change at once: an edited text is found by its new
        // words and no longer by its old ones.
        let mut data = core
            .reader(&a.staff)
            .await
            .unwrap()
            .editable_profile(battery)
            .await
            .unwrap()
            .data;
        data.title = "Lithium reclaim partners".into();
        data.summary = data.title.clone();
        data.keywords = vec!["lithium".into()];
        core.update_profile(&a.staff, battery, data).await.unwrap();
        assert_eq!(find(text("lithium")).await, vec![battery], "{backend}");
        assert_eq!(find(text("Battery")).await, vec![], "{backend}");
    }
}
