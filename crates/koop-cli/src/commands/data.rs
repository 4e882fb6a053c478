//! `koop import` and `koop export` of organisations, contacts and EEN profiles.

use super::config::{self, DbFlags, Settings};
use anyhow::{Context, bail};
use koop_core::domain::ids::AgencyId;
use koop_core::export::{self, ExportKind};
use koop_core::{Actor, Core, CoreError};
use std::path::PathBuf;

/// What a file holds.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Records {
    /// Organisations (name, kind, country, city, nace, size, languages, website, description).
    Organisations,
    /// Contacts (given_name, family_name, organisation, country, function, email, phone, languages, consent).
    Contacts,
    /// EEN partnering profiles (reference, type, title, summary, description, organisation, country, nace, keywords, countries_sought, language, deadline).
    EenProfiles,
}

/// Arguments of `koop import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// What the file holds.
    pub records: Records,
    /// A CSV (UTF-8, `;` or `,`) or XLSX file.
    pub file: PathBuf,
    /// The agency (tenant) whose directory receives the records, by its short name.
    #[arg(long)]
    pub agency: String,
    #[command(flatten)]
    pub db: DbFlags,
}

/// Arguments of `koop export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// What to export.
    pub records: Records,
    /// The agency whose records are exported.
    #[arg(long)]
    pub agency: String,
    /// Output file; `.xlsx` writes a workbook, anything else CSV.
    #[arg(long)]
    pub output: PathBuf,
    /// CSV delimiter: `;` (German Excel) or `,`.
    #[arg(long, default_value = ";")]
    pub delimiter: char,
    #[command(flatten)]
    pub db: DbFlags,
}

async fn agency(core: &Core, slug: &str) -> anyhow::Result<AgencyId> {
    let all = core.reader(&Actor::system()).await?.agencies().await?;
    match all.iter().find(|a| a.slug == slug) {
        Some(a) => Ok(AgencyId(a.id)),
        None => bail!(
            "--agency '{slug}' does not exist; agencies: {}",
            all.iter()
                .map(|a| a.slug.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// Imports a file; all or nothing.
pub fn import(args: ImportArgs) -> anyhow::Result<()> {
    let settings = config::load(&args.db, None, Settings::default())?;
    let bytes = std::fs::read(&args.file)
        .with_context(|| format!("cannot read {}", args.file.display()))?;
    config::runtime()?.block_on(async {
        let core = Core::open(&settings.db).await?;
        let agency = agency(&core, &args.agency).await?;
        let name = args.file.to_string_lossy();
        let result = match koop_core::import::read_table(&name, &bytes) {
            Ok(table) => match args.records {
                Records::Organisations => {
                    core.import_organisations(&Actor::system(), agency, &table)
                        .await
                }
                Records::Contacts => core.import_contacts(&Actor::system(), agency, &table).await,
                Records::EenProfiles => {
                    core.import_een_profiles(&Actor::system(), agency, &table)
                        .await
                }
            },
            Err(e) => Err(e),
        };
        match result {
            Ok(report) => {
                println!("{}", serde_json::to_string(&report)?);
                Ok(())
            }
            Err(CoreError::Invalid(problems)) => {
                eprintln!(
                    "{}: nothing was imported; {} problem(s):",
                    args.file.display(),
                    problems.len()
                );
                for p in &problems {
                    eprintln!("  {p}");
                }
                bail!("the file was rejected")
            }
            Err(e) => Err(e.into()),
        }
    })
}

/// Exports an agency's records.
pub fn export(args: ExportArgs) -> anyhow::Result<()> {
    let settings = config::load(&args.db, None, Settings::default())?;
    if !matches!(args.delimiter, ';' | ',') {
        bail!("--delimiter must be ';' or ',', not '{}'", args.delimiter);
    }
    config::runtime()?.block_on(async {
        let core = Core::open(&settings.db).await?;
        let agency = agency(&core, &args.agency).await?;
        let kind = match args.records {
            Records::Organisations => ExportKind::Organisations,
            Records::Contacts => ExportKind::Contacts,
            Records::EenProfiles => ExportKind::EenProfiles,
        };
        let table = export::table(&mut core.reader(&Actor::system()).await?, agency, kind).await?;
        let xlsx = args
            .output
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
        let bytes = if xlsx {
            export::to_xlsx(&table, &args.agency)?
        } else {
            export::to_csv(&table, args.delimiter as u8)?
        };
        std::fs::write(&args.output, bytes)
            .with_context(|| format!("cannot write {}", args.output.display()))?;
        eprintln!(
            "{} rows written to {}",
            table.rows.len(),
            args.output.display()
        );
        Ok(())
    })
}
