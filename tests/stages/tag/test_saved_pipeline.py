"""The tagging pipeline saved with nlp.to_disk loads with spacy.load in a fresh process
(the components found through the spacy_factories entry points, their patterns read from
the saved folder) and tags as it did."""

import json
import subprocess
import sys
from datetime import date

import pytest

from pipeline.run.settings import Settings
from pipeline.stages.tag.tag import NO_MODEL, RuleOnlyTagging, load_nlp

TEXT = ("On 6 November 2009 the Government of Kazakhstan adopted the law on the protection of the rights of "
        "the child, and the Ministry of Justice will submit the Criminal Code to the Human Rights Council "
        "by 1 July 2010 (see A/HRC/WG.6/7/KAZ/1). Since 2005, 621 organizations received US$ 6 million, "
        "and 45 per cent of the 102 State institutions joined the Convention on the Rights of the Child.")
DOCUMENT_DATE = date(2009, 11, 6)

# What a tagged doc holds; defined as source so that the fresh process runs the same code
# without importing anything of the package.
TAGGED = """
def tagged(nlp, text, document_date):
    doc = nlp.make_doc(text)
    doc._.document_date = document_date
    doc = nlp(doc)
    return {
        "pipes": nlp.pipe_names,
        "entities": [[e.text, e.start_char, e.end_char, e.label_] for e in doc.ents],
        "dates": [s._.date for s in doc.spans["dates"]],
        "amounts": [s._.amount for s in doc.spans["amounts"]],
        "commitments": [[s.start_char, s.end_char, s.label_] for s in doc.spans.get("commitments", [])],
    }
"""
# Run in the fresh process: only spaCy and the saved folder, nothing of the package imported first.
TAG = TAGGED + """
import json, sys
from datetime import date
import spacy
print(json.dumps(tagged(spacy.load(sys.argv[1]), sys.argv[2], date.fromisoformat(sys.argv[3]))))
"""
namespace: dict = {}
exec(TAGGED, namespace)


def tagged(nlp, text=TEXT):
    return namespace["tagged"](nlp, text, DOCUMENT_DATE)


def test_saved_pipeline_loads_in_a_fresh_process_and_tags_alike(tmp_path):
    nlp = load_nlp(Settings().model)
    nlp.to_disk(tmp_path / "nlp")
    run = subprocess.run([sys.executable, "-c", TAG, str(tmp_path / "nlp"), TEXT, DOCUMENT_DATE.isoformat()],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr[-2000:]
    loaded = json.loads(run.stdout)
    expected = tagged(nlp)
    assert expected["entities"] and expected["dates"] and expected["amounts"]
    assert loaded == expected


def test_saved_pipeline_carries_the_patterns_added_to_its_components(tmp_path):
    """Patterns added after construction are in the saved folder, not read again from pipeline/data."""
    with pytest.warns(RuleOnlyTagging):
        nlp = load_nlp.__wrapped__(NO_MODEL)  # a pipeline of its own: the one load_nlp keeps is shared
    nlp.get_pipe("upr_entity_ruler").add_patterns([{"label": "PROGRAMME", "regex": r"Bolashak\b", "hint": "Bolashak"}])
    nlp.to_disk(tmp_path / "nlp")
    text = "the Bolashak scholarship"
    run = subprocess.run([sys.executable, "-c", TAG, str(tmp_path / "nlp"), text, DOCUMENT_DATE.isoformat()],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr[-2000:]
    assert json.loads(run.stdout)["entities"] == [["Bolashak", 4, 12, "PROGRAMME"]]
