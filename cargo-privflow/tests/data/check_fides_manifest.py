"""Loads a fideslang manifest the way Fides does: every resource validated by fideslang's own
models, then the keys it references looked up in the default taxonomy plus what the manifest
defines. Prints one JSON object: the systems, the custom keys, and the missing references.
Exits 1 when a resource does not validate. Run by cargo-privflow/tests/map.rs."""

import json
import sys

import yaml
from fideslang import DEFAULT_TAXONOMY
from fideslang.models import DataCategory, DataSubject, DataUse, System
from fideslang.relationships import get_referenced_missing_keys

manifest = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
try:
    systems = [System.model_validate(s) for s in manifest.get("system", [])]
    uses = [DataUse.model_validate(u) for u in manifest.get("data_use", [])]
    categories = [DataCategory.model_validate(c) for c in manifest.get("data_category", [])]
    subjects = [DataSubject.model_validate(s) for s in manifest.get("data_subject", [])]
except Exception as e:  # pydantic's ValidationError, with every field named
    print(json.dumps({"error": str(e)}))
    sys.exit(1)
taxonomy = DEFAULT_TAXONOMY.model_copy(deep=True)
taxonomy.system = systems
taxonomy.data_use = taxonomy.data_use + uses
taxonomy.data_category = taxonomy.data_category + categories
taxonomy.data_subject = taxonomy.data_subject + subjects
print(
    json.dumps(
        {
            "systems": sorted(s.fides_key for s in systems),
            "custom": sorted(x.fides_key for x in uses + categories + subjects),
            "missing": sorted(get_referenced_missing_keys(taxonomy)),
        }
    )
)
