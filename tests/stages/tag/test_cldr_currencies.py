"""The generated currency table is what the installed babel (CLDR) and pycountry give."""

from pipeline.resources import data_text
from pipeline.stages.tag.cldr_currencies import GENERATED, build, render


def test_cldr_currencies_generated_file_is_up_to_date():
    # Regenerate with `python -m pipeline.stages.tag.cldr_currencies` after a babel upgrade.
    assert data_text(GENERATED) == render(build())


def test_cldr_currencies_keep_signs_and_drop_short_words():
    table = build()
    assert table["before"]["₡"] == ["CRC"] and table["before"]["R$"] == ["BRL"]
    assert "Kz" not in table["before"] and "kr" not in table["before"]
    assert table["after"]["colones"] == ["CRC"] and "real" not in table["after"]
    assert table["territories"]["BR"] == ["BRL"]
