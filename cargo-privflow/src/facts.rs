//! The resolved flow facts, as everything after the analysis reads them: the program, the
//! source positions, what flows where (`flow::FlowFacts`), the packs that were selected and the
//! regions they name. The rules (`rules::engine`) and the data map (`map`) both read this, and
//! neither calls into the other.

use crate::flow::{FlowFacts, SiteId};
use crate::hir::Program;
use crate::model::SinkRef;
use crate::rules::pack::Pack;
use crate::rules::regions::Regions;
use crate::syntax::SourceDb;

pub struct Facts<'a> {
    pub p: &'a Program,
    pub db: &'a SourceDb,
    pub facts: &'a FlowFacts,
    pub packs: &'a [Pack],
    pub regions: &'a Regions,
}

impl Facts<'_> {
    /// The sink called at `site`, as findings and the data map show it.
    pub fn sink_ref(&self, site: SiteId) -> SinkRef {
        let desc = &self.facts.sinks[site.0 as usize];
        let spec = &desc.spec;
        SinkRef {
            location: self.db.location(self.facts.sites.get(site).span),
            name: desc.name.clone(),
            kind: spec.kind.clone(),
            country: spec.region.as_deref().and_then(|r| self.regions.country(r)),
            region: spec.region.clone(),
            recipient: spec.recipient.clone(),
            purpose: spec.purpose.clone(),
            encrypted: spec.encrypted,
            persistent: spec.persistent,
            retention_days: spec.retention_days,
            declared: desc.decl.map(|d| self.db.location(d)),
        }
    }
}
