"""The names of States as UN documents write them (pipeline/data/countries.txt).

Shared by the context stage (the State under review on the cover) and the entity
components (a State's name is a GPE, never a person or an owner).
"""

from __future__ import annotations

from pipeline.resources import data_lines, loaded_once


@loaded_once
def state_names() -> dict[str, str]:
    """Lowercased name -> the name as written."""
    return {name.lower(): name for name in data_lines("countries.txt")}
