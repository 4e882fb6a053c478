//! Bad input gets a clear refusal naming the field and the limit, and nothing is
//! written: overlong texts, scripts posing as websites, a file row with either.

use koop_core::domain::org::{OrgData, OrgKind};
use koop_core::domain::values::CountryCode;
use koop_core::testing::{TestAgency, fresh_databases};
use koop_core::views::OrgFilter;
use koop_core::{Core, CoreError};

fn org(name: &str, website: Option<&str>, description: String) -> OrgData {
    OrgData {
        name: name.into(),
        kind: OrgKind::Company,
        country: CountryCode::parse("DE").unwrap(),
        city: "Halle".into(),
        nace: vec![],
        size: None,
        languages: vec![],
        website: website.map(str::to_owned),
        description,
    }
}

fn problems(e: CoreError) -> Vec<(Option<usize>, String, String)> {
    match e {
        CoreError::Invalid(p) => p.into_iter().map(|f| (f.line, f.field, f.code)).collect(),
        other => panic!("expected invalid input, got {other}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn overlong_texts_and_script_links_are_refused_by_field_and_nothing_is_stored() {
    let (_, url) = fresh_databases().await.remove(0);
    let core = Core::open(&url).await.unwrap();
    let a = TestAgency::create(&core, "a").await;
    let huge = "x".repeat(1_900_000);
    let e = core
        .create_organisation(&a.staff, a.id, org("Lang GmbH", None, huge), true)
        .await
        .unwrap_err();
    assert_eq!(
        problems(e),
        vec![(None, "description".into(), "too_long".into())]
    );
    let e = core
        .create_organisation(
            &a.staff,
            a.id,
            org("Skript GmbH", Some("javascript:alert(1)"), String::new()),
            true,
        )
        .await
        .unwrap_err();
    assert_eq!(
        problems(e),
        vec![(None, "website".into(), "unsupported_url".into())]
    );
    let ok = core
        .create_organisation(
            &a.staff,
            a.id,
            org("Netz GmbH", Some("netz.example"), String::new()),
            true,
        )
        .await
        .unwrap();
    let stored = core.reader(&a.staff).await.unwrap().org(ok).await.unwrap();
    assert_eq!(stored.data.website.as_deref(), Some("https://netz.example"));

    let csv =
        "name;country;website\nGut GmbH;DE;https://gut.example\nBöse AG;DE;javascript:alert(1)\n";
    let table = koop_core::import::read_csv(csv.as_bytes()).unwrap();
    let e = core
        .import_organisations(&a.staff, a.id, &table)
        .await
        .unwrap_err();
    assert_eq!(
        problems(e),
        vec![(Some(3), "website".into(), "unsupported_url".into())]
    );
    let names: Vec<String> = core
        .reader(&a.staff)
        .await
        .unwrap()
        .orgs(&OrgFilter::default())
        .await
        .unwrap()
        .into_iter()
        .map(|o| o.data.name)
        .collect();
    assert!(
        !names.iter().any(|n| n == "Gut GmbH" || n == "Lang GmbH"),
        "{names:?}"
    );
}
