"""spaCy components of upr-pipeline, registered with @Language.factory on import.

- `upr_entity_ruler` (before `ner`) and `upr_entity_cleaner` (after it): entities.py
- `upr_dates`: dates.py
- `upr_amounts` (after `upr_dates`, whose spans it does not count): amounts.py
- `upr_commitments` (needs the parser and lemmas): commitments.py
"""

from . import amounts, commitments, dates, entities  # noqa: F401  (registers the factories)
