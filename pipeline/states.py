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


# Words a subdivision's name may hold besides capitalized ones ("Rio de Janeiro", "Mato Grosso do Sul").
NAME_PARTICLES = {"de", "do", "da", "dos", "das", "del", "la", "el", "y", "e", "and", "of", "the", "and"}
COMMON_WORD_ZIPF = 3.5  # a one-word name this common in English ("Central", "Acre") is left to the model


@loaded_once
def subdivision_names(alpha_3: str) -> tuple[str, ...]:
    """The names of a State's provinces, states and regions as ISO 3166-2 (pycountry) writes them,
    where a text writes them so: every word capitalized ("Minas Gerais", "Amapá", "Limón"), not a
    local kind word after them ("Almaty oblysy") and not a common English word alone."""
    import pycountry
    from wordfreq import zipf_frequency

    country = pycountry.countries.get(alpha_3=alpha_3)
    if country is None:
        return ()
    names = []
    for subdivision in pycountry.subdivisions.get(country_code=country.alpha_2) or ():
        words = subdivision.name.split()
        if not all(w[:1].isupper() or w in NAME_PARTICLES for w in words) or len(subdivision.name) < 4:
            continue
        if len(words) == 1 and zipf_frequency(subdivision.name.lower(), "en") >= COMMON_WORD_ZIPF:
            continue
        names.append(subdivision.name)
    return tuple(sorted(set(names), key=len, reverse=True))
