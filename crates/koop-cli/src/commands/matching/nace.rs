//! `koop match nace-bench`: cross-lingual retrieval of the NACE Rev. 2 class titles.

use std::path::PathBuf;
use std::time::Instant;

use clap::Args;
use koop_match::nace_bench;
use serde_json::json;

/// Arguments of `koop match nace-bench`.
#[derive(Debug, Args)]
pub struct NaceBenchArgs {
    /// The `nace_rev2` folder (with `nace_rev2.csv`).
    #[arg(long)]
    data: PathBuf,
    /// Also rank by embeddings from this OpenAI-compatible server (e.g. `http://127.0.0.1:8089`).
    #[arg(long, env = "KOOP_EMBEDDINGS_URL")]
    embeddings_url: Option<String>,
    /// The embedding model name sent to the server.
    #[arg(
        long,
        env = "KOOP_EMBEDDINGS_MODEL",
        default_value = "multilingual-e5-small"
    )]
    embeddings_model: String,
}

const DIRECTIONS: [(&str, &str); 3] = [("de", "en"), ("ru", "de"), ("ru", "en")];

/// Runs the benchmark (text signals; embeddings too when a server is given) and prints one JSON line.
pub fn run(args: NaceBenchArgs) -> anyhow::Result<()> {
    let started = Instant::now();
    let classes = nace_bench::read_classes(super::open(&args.data.join("nace_rev2.csv"))?)?;
    let mut text = Vec::new();
    for (from, to) in DIRECTIONS {
        text.push(nace_bench::text_only(&classes, from, to)?);
    }
    let mut embedded = Vec::new();
    if let Some(url) = &args.embeddings_url {
        let provider = super::embeddings::OpenAiEmbeddings::new(url, &args.embeddings_model)?;
        let mut vectors = std::collections::HashMap::new();
        for lang in ["de", "en", "ru"] {
            let titles: Vec<String> = nace_bench::titles(&classes, lang)?
                .into_iter()
                .map(str::to_string)
                .collect();
            vectors.insert(lang, super::embeddings::embed_all(&provider, &titles)?);
        }
        for (from, to) in DIRECTIONS {
            embedded.push(nace_bench::with_embeddings(
                from,
                to,
                &vectors[from],
                &vectors[to],
            ));
        }
    }
    let show = |rs: &[nace_bench::Retrieval]| {
        rs.iter()
            .map(
                |r| json!({"from": r.from, "to": r.to, "top1": round(r.top1), "mrr": round(r.mrr)}),
            )
            .collect::<Vec<_>>()
    };
    let line = json!({
        "classes": classes.len(),
        "text": show(&text),
        "embeddings": if args.embeddings_url.is_some() { json!({"model": args.embeddings_model, "results": show(&embedded)}) } else { serde_json::Value::Null },
        "elapsed_ms": started.elapsed().as_millis(),
    });
    println!("{line}");
    Ok(())
}

fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}
