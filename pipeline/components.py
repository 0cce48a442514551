"""spaCy components of upr-pipeline, registered with @Language.factory on import (and found by
`spacy.load` in any process through the spacy_factories entry points of pyproject.toml).

- `upr_entity_ruler` (before `ner`, after spaCy's SpanRuler of the phrases: `add_entity_ruler`) and
  `upr_entity_cleaner` (after `ner`): stages/tag/entities.py
- `upr_dates`: stages/tag/dates.py
- `upr_amounts` (after `upr_dates`, whose spans it does not count): stages/tag/amounts.py
- `upr_commitments` (needs the parser and lemmas): stages/commit/commitments.py
"""

from pipeline.stages.commit import commitments  # noqa: F401  (registers the factories)
from pipeline.stages.tag import amounts, dates, entities  # noqa: F401
