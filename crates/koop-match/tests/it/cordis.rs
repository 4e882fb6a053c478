//! The CORDIS benchmark plumbing on a tiny hand-made extract.

use koop_match::MatchError;
use koop_match::cordis::data::{Dataset, Sources};
use koop_match::cordis::split::Split;

const PARTICIPATIONS: &str = "rcn,role,pic,type,contribution,country,start_date,end_date,max_contribution,total_cost,start_year,end_year,duration,group,nunique
1,coordinator,100,PRC,1,DE,2015-01-01,x,1,1,2015,2016,12,eu15,2
1,participant,200,HES,1,FR,2015-01-01,x,1,1,2015,2016,12,eu15,2
1,participant,300,REC,1,PL,2015-01-01,x,1,1,2015,2016,12,eu15,2
2,coordinator,200,HES,1,FR,2016-01-01,x,1,1,2016,2017,12,eu15,2
2,participant,400,PRC,1,ES,2016-01-01,x,1,1,2016,2017,12,eu15,2
3,coordinator,100,PRC,1,DE,2019-02-01,x,1,1,2019,2020,12,eu15,3
3,participant,400,PRC,1,ES,2019-02-01,x,1,1,2019,2020,12,eu15,3
3,participant,500,PRC,1,UA,2019-02-01,x,1,1,2019,2020,12,eu15,3
9,coordinator,600,PRC,1,DE,2016-01-01,x,1,1,2016,2017,12,eu15,1
";
const PARTS: &str = "rcn,programme_part\n1,SC3\n2,SC3\n3,LEIT\n";
const SPLIT: &str = "rcn,split,start_date,n_orgs\n1,train,2015-01-01,3\n2,train,2016-01-01,2\n3,test,2019-02-01,3\n";
const QUERIES: &str = "query_pic,type,country,n_train_partners,n_relevant\n100,PRC,DE,2,1\n";
const TRUTH: &str = "query_pic,relevant_pic,n_shared_test_projects\n100,400,1\n";

fn read(participations: &'static str, split: &'static str) -> Result<Dataset, MatchError> {
    Dataset::read(Sources {
        participations: participations.as_bytes(),
        programme_parts: PARTS.as_bytes(),
        project_split: split.as_bytes(),
        queries: QUERIES.as_bytes(),
        ground_truth: TRUTH.as_bytes(),
    })
}

#[test]
fn queries_and_ground_truth_are_derived_as_the_readme_says() {
    let ds = read(PARTICIPATIONS, SPLIT).unwrap();
    // Project 9 has one organisation: not collaborative, so organisation 600 is absent.
    assert_eq!(ds.orgs.len(), 5);
    let split = Split::benchmark(&ds);
    let candidates: Vec<u64> = (0..ds.orgs.len() as u32)
        .filter(|&o| split.is_candidate(o))
        .map(|o| ds.orgs[o as usize].pic)
        .collect();
    assert_eq!(candidates, [100, 200, 300, 400], "500 has no train project");
    let derived: Vec<(u64, Vec<u64>)> = split
        .derive_queries(*b"DE")
        .into_iter()
        .map(|(q, r)| {
            (
                ds.orgs[q as usize].pic,
                r.iter().map(|o| ds.orgs[*o as usize].pic).collect(),
            )
        })
        .collect();
    assert_eq!(
        derived,
        [(100, vec![400])],
        "a new partner that is a candidate"
    );
    assert_eq!(
        ds.relevant[0]
            .iter()
            .map(|o| ds.orgs[*o as usize].pic)
            .collect::<Vec<_>>(),
        [400]
    );
}

#[test]
fn a_bad_line_is_named() {
    let bad_split = "rcn,split,start_date,n_orgs\n1,train,2015-01-01,3\n2,later,2016-01-01,2\n";
    let e = read(PARTICIPATIONS, bad_split).unwrap_err().to_string();
    assert_eq!(
        e,
        "project_split.csv, line 3: split: expected train or test, got \"later\""
    );
    let bad_date = "rcn,split,start_date,n_orgs\n1,train,NA,3\n";
    let e = read(PARTICIPATIONS, bad_date).unwrap_err().to_string();
    assert_eq!(
        e,
        "project_split.csv, line 2: start_date: not a date: \"NA\""
    );
}

// Model selection on the real extract, never on the test period: `KOOP_CORDIS` names the
// data folder, `KOOP_CORDIS_DISABLED` a feature bit mask, `KOOP_CORDIS_COMPANIES` the variant;
// `KOOP_CORDIS_LISTWISE`, `_CUTOFFS` (months), `_SEED`, `_ROUNDS` and `_L2` choose the learner and its settings.
// Run with `cargo test -p koop-match --release -- --ignored --nocapture inner_validation`.
#[test]
#[ignore = "reads the real CORDIS extract and takes minutes"]
fn inner_validation() {
    use koop_match::cordis::{self, BenchOptions};
    let dir = std::path::PathBuf::from(std::env::var("KOOP_CORDIS").expect("KOOP_CORDIS"));
    let open = |p: &str| -> Box<dyn std::io::Read> {
        let f = std::fs::File::open(dir.join(p)).unwrap();
        if p.ends_with(".gz") {
            Box::new(flate2::read::GzDecoder::new(f))
        } else {
            Box::new(f)
        }
    };
    let ds = Dataset::read(Sources {
        participations: open("h2020_participations.csv.gz"),
        programme_parts: open("programme_parts.csv.gz"),
        project_split: open("benchmark/project_split.csv"),
        queries: open("benchmark/queries.csv"),
        ground_truth: open("benchmark/ground_truth.csv"),
    })
    .unwrap();
    let disabled = std::env::var("KOOP_CORDIS_DISABLED").map_or(0, |s| s.parse().unwrap());
    let opt = BenchOptions {
        companies_only: std::env::var("KOOP_CORDIS_COMPANIES").is_ok(),
        inner_cutoffs: std::env::var("KOOP_CORDIS_CUTOFFS")
            .map_or(vec![2015 * 12, 2016 * 12], |s| {
                s.split(',').map(|m| m.parse().unwrap()).collect()
            }),
        disabled,
        seed: std::env::var("KOOP_CORDIS_SEED").map_or(1, |s| s.parse().unwrap()),
        ascent_rounds: std::env::var("KOOP_CORDIS_ROUNDS").map_or(10, |s| s.parse().unwrap()),
        learner: if std::env::var("KOOP_CORDIS_LISTWISE").is_ok() {
            cordis::Learner::Listwise
        } else {
            cordis::Learner::Logistic
        },
        l2: std::env::var("KOOP_CORDIS_L2").map_or(1e-2, |s| s.parse().unwrap()),
        ..BenchOptions::default()
    };
    let r = cordis::validate(&ds, &opt, 2017 * 12);
    let m = &r.metrics;
    println!(
        "inner validation (learn on cut-offs {:?}, validate 2017): queries {} R@10 {:.4} R@50 {:.4} MRR {:.4}",
        opt.inner_cutoffs, m.queries, m.recall_at_10, m.recall_at_50, m.mrr
    );
    for (n, w) in cordis::features::FEATURE_NAMES.iter().zip(r.model.w) {
        println!("  {n:>26} {w:+.4}");
    }
}
