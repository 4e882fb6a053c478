//! Model selection on inner splits only (learn on the 2015 and 2016 cut-offs, validate on the
//! 2017 one, all inside the train period): each feature alone, the logistic start, coordinate
//! ascent, pooled learning, and per-type models. Never looks at the test period:
//! `cargo run -p koop-match --example cordis_explore -- ../shared/data/cordis_h2020_participations [all]`.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use flate2::read::GzDecoder;
use koop_match::cordis::{
    self, BenchOptions,
    data::Dataset,
    data::Sources,
    features::{Context, FEATURE_NAMES},
    split::Split,
};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/data/cordis_h2020_participations".into());
    let dir = Path::new(&dir);
    let open = |p: &str| -> Result<Box<dyn Read>, std::io::Error> {
        let f = File::open(dir.join(p))?;
        Ok(if p.ends_with(".gz") {
            Box::new(GzDecoder::new(f))
        } else {
            Box::new(f)
        })
    };
    let ds = Dataset::read(Sources {
        participations: open("h2020_participations.csv.gz")?,
        programme_parts: open("programme_parts.csv.gz")?,
        project_split: open("benchmark/project_split.csv")?,
        queries: open("benchmark/queries.csv")?,
        ground_truth: open("benchmark/ground_truth.csv")?,
    })?;
    // Learn on 2016 → 2016–2017... validate on 2017 → 2017–2018, both inside train.
    let learn_cut = 2016 * 12;
    let val_cut = 2017 * 12;
    let opt = BenchOptions {
        inner_cutoffs: vec![learn_cut],
        ..BenchOptions::default()
    };
    let ls = Split::inner(&ds, learn_cut);
    let lctx = Context::new(&ls);
    let lq = ls.derive_queries(*b"DE");
    let model = cordis::learn(&lctx, &lq, &opt);
    let vs = Split::inner(&ds, val_cut);
    let vctx = Context::new(&vs);
    let vq = vs.derive_queries(*b"DE");
    println!("val queries {}", vq.len());
    println!(
        "model {:?}",
        cordis::evaluate(&vctx, &vq, |f| model.score(f))
    );
    let t = std::time::Instant::now();
    let lpools: Vec<_> = lq
        .iter()
        .map(|(q, r)| cordis::ascent::pool(&lctx, *q, r))
        .collect();
    let vpools: Vec<_> = vq
        .iter()
        .map(|(q, r)| cordis::ascent::pool(&vctx, *q, r))
        .collect();
    eprintln!("pools in {} ms", t.elapsed().as_millis());
    println!(
        "logistic on val pools {:?}",
        cordis::ascent::metrics(&vpools, &model)
    );
    let mut base = koop_match::cordis::learn::Linear {
        w: [0.0; koop_match::cordis::features::N_FEATURES],
    };
    base.w[cordis::ascent::BASE] = 1.0;
    println!(
        "base on val pools {:?}",
        cordis::ascent::metrics(&vpools, &base)
    );
    let t = std::time::Instant::now();
    let ca = cordis::ascent::fit(&lpools, &model, 10);
    eprintln!("ascent in {} ms", t.elapsed().as_millis());
    println!(
        "ascent on learn pools {:?}",
        cordis::ascent::metrics(&lpools, &ca)
    );
    println!(
        "ascent on val pools {:?}",
        cordis::ascent::metrics(&vpools, &ca)
    );
    // Pooled learning: 2015 and 2016 cut-offs together.
    let es = Split::inner(&ds, 2015 * 12);
    let ectx = Context::new(&es);
    let eq = es.derive_queries(*b"DE");
    let mut both: Vec<_> = eq
        .iter()
        .map(|(q, r)| cordis::ascent::pool(&ectx, *q, r))
        .collect();
    both.extend(lq.iter().map(|(q, r)| cordis::ascent::pool(&lctx, *q, r)));
    let ca2 = cordis::ascent::fit(&both, &model, 10);
    println!(
        "pooled ascent on val pools {:?}",
        cordis::ascent::metrics(&vpools, &ca2)
    );
    // Restart from the walk alone.
    let ca3 = cordis::ascent::fit(&both, &base, 10);
    println!(
        "pooled ascent from base on val pools {:?}",
        cordis::ascent::metrics(&vpools, &ca3)
    );
    // Separate models for company and other queries.
    let is_co = |q: u32| ds.orgs[q as usize].kind == koop_match::cordis::data::ActivityType::Prc;
    let types: Vec<bool> = eq.iter().chain(lq.iter()).map(|(q, _)| is_co(*q)).collect();
    let (mut co, mut other) = (Vec::new(), Vec::new());
    for (p, t) in both.into_iter().zip(types) {
        if t { co.push(p) } else { other.push(p) }
    }
    let mco = cordis::ascent::fit(&co, &model, 10);
    let moth = cordis::ascent::fit(&other, &model, 10);
    let vtypes: Vec<bool> = vq.iter().map(|(q, _)| is_co(*q)).collect();
    let (mut vco, mut voth) = (Vec::new(), Vec::new());
    for (p, t) in vpools.into_iter().zip(vtypes) {
        if t { vco.push(p) } else { voth.push(p) }
    }
    let (a, b) = (
        cordis::ascent::metrics(&vco, &mco),
        cordis::ascent::metrics(&voth, &moth),
    );
    let (na, nb) = (vco.len() as f64, voth.len() as f64);
    println!(
        "by type: companies {a:?} others {b:?} combined mrr {:.4} r10 {:.4}",
        (a.0 * na + b.0 * nb) / (na + nb),
        (a.1 * na + b.1 * nb) / (na + nb)
    );
    let (c1, c2) = (
        cordis::ascent::metrics(&vco, &ca2),
        cordis::ascent::metrics(&voth, &ca2),
    );
    println!("single model: companies {c1:?} others {c2:?}");
    for (n, w) in FEATURE_NAMES.iter().zip(ca.w) {
        eprint!("{n}={w:.3} ");
    }
    eprintln!();
    if std::env::args().nth(2).is_some() {
        for (i, n) in FEATURE_NAMES.iter().enumerate() {
            let m = cordis::evaluate(&vctx, &vq, |f| if i == 10 { -f[i] } else { f[i] });
            println!(
                "{n}: r10 {:.3} r50 {:.3} mrr {:.3}",
                m.recall_at_10, m.recall_at_50, m.mrr
            );
        }
    }
    Ok(())
}
