//! Flat copies of the per-profile and per-organisation fields the ranking pass reads, so that
//! scoring 100,000 profiles walks a few contiguous arrays instead of chasing pointers into
//! each profile's strings and vectors.

use crate::codes::{CountryCode, LangCode};
use crate::index::MatchInput;
use crate::nace::NaceCode;
use crate::profile::{ClusterId, InvestmentInterest, ProfileKind};

/// Many short lists in one allocation.
pub struct Flat<T> {
    items: Vec<T>,
    ends: Vec<u32>,
}

impl<T: Copy> Flat<T> {
    fn from_lists<'a, I: IntoIterator<Item = &'a [T]>>(lists: I) -> Self
    where
        T: 'a,
    {
        let mut items = Vec::new();
        let mut ends = Vec::new();
        for l in lists {
            items.extend_from_slice(l);
            ends.push(items.len() as u32);
        }
        Self { items, ends }
    }

    /// The `i`-th list.
    pub fn get(&self, i: u32) -> &[T] {
        let end = self.ends[i as usize] as usize;
        let start = if i == 0 {
            0
        } else {
            self.ends[i as usize - 1] as usize
        };
        &self.items[start..end]
    }
}

/// The dense view of an input.
pub struct Dense {
    /// Per profile: kind and investment interest.
    pub kinds: Vec<(ProfileKind, Option<InvestmentInterest>)>,
    /// Per profile: NACE codes.
    pub nace: Flat<NaceCode>,
    /// Per profile: countries sought.
    pub sought: Flat<CountryCode>,
    /// Per profile: whether it has an embedding.
    pub embedded: Vec<bool>,
    /// Per organisation: country.
    pub country: Vec<CountryCode>,
    /// Per organisation: languages.
    pub languages: Flat<LangCode>,
    /// Per organisation: clusters.
    pub clusters: Flat<ClusterId>,
}

impl Dense {
    /// Copies the fields out of the input.
    pub fn new(input: &MatchInput) -> Self {
        let p = &input.profiles;
        let o = &input.organisations;
        Self {
            kinds: p.iter().map(|p| (p.kind, p.investment)).collect(),
            nace: Flat::from_lists(p.iter().map(|p| p.nace.as_slice())),
            sought: Flat::from_lists(p.iter().map(|p| p.countries_sought.as_slice())),
            embedded: p.iter().map(|p| p.embedding.is_some()).collect(),
            country: o.iter().map(|o| o.country).collect(),
            languages: Flat::from_lists(o.iter().map(|o| o.languages.as_slice())),
            clusters: Flat::from_lists(o.iter().map(|o| o.clusters.as_slice())),
        }
    }
}
