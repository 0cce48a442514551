"""Currencies as texts write them: the table generated from CLDR and ISO data
(cldr_currencies.py -> pipeline/data/currencies_cldr.json), plus pipeline/data/currency_forms.json:
what CLDR lacks ("BDS$", "US $") and the reading of an ambiguous sign or name ("$", "dollars")
when the document's State does not use one of its currencies.

`currency_table()` is JSON data (saved with a pipeline); `CurrencyReader` answers what a form
written before or after a number means, given the State under review.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pycountry

from pipeline.resources import data_json

GENERATED = "currencies_cldr.json"


@lru_cache(maxsize=4)
def currency_table(extra: str = "currency_forms.json") -> dict[str, dict]:
    """{"before": {form: [codes]}, "after": {form: [codes]}, "default": {form: code}}; the names
    after a number are lowercase, codes ("UAH") upper case."""
    generated = data_json(GENERATED)
    before, after = ({k: set(v) for k, v in generated[side].items()} for side in ("before", "after"))
    added = data_json(extra)
    for code, forms in added["before"].items():
        for form in forms:
            before.setdefault(form, set()).add(code)
    for code, forms in added["after"].items():
        for form in forms:
            after.setdefault(form if form.isupper() else form.lower(), set()).add(code)
    return {"before": {k: sorted(v) for k, v in before.items()},
            "after": {k: sorted(v) for k, v in after.items()},
            "default": dict(added["default"]), "territories": generated["territories"]}


def state_currencies(territories: dict[str, list[str]], alpha_3: str | None) -> list[str]:
    """The currencies a State uses today ("BRA" -> ["BRL"]); [] when unknown."""
    country = pycountry.countries.get(alpha_3=alpha_3) if alpha_3 else None
    return territories.get(country.alpha_2, []) if country else []


@dataclass(frozen=True)
class Reading:
    code: str
    ambiguous: bool  # the form could mean another currency: the State under review decided it


class CurrencyReader:
    def __init__(self, table: dict[str, dict]) -> None:
        self.before = table["before"]
        self.after = table["after"]
        self.default = table["default"]
        self.territories = table["territories"]

    def read(self, form: str, side: str, state: str | None) -> Reading | None:
        """What `form` written `side` ("before"/"after") a number means in a document about `state`."""
        candidates = self.before.get(form) if side == "before" else self.after.get(form if form.isupper() else form.lower())
        if not candidates:
            return None
        if len(candidates) == 1:
            return Reading(candidates[0], False)
        own = [code for code in state_currencies(self.territories, state) if code in candidates]
        if own:
            return Reading(own[0], True)
        default = self.default.get(form) or self.default.get(form.lower()) or self.default.get(form.lower().split()[-1])
        return Reading(default, False) if default in candidates else None
