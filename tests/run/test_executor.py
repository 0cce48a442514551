"""The executor: the same bytes on every executor, skipping what has not changed, resuming."""

import json

import pytest
from conftest import SEED, corpus_file, write_seed_excerpt

from pipeline import pipeline as stages
from pipeline.run.executor import RunOptions, path_hash, run
from pipeline.run.settings import Settings

SMALL_DOCUMENTS = {
    "alpha.txt": "I. Introduction\n\n1. The Government will adopt a plan in 2025.\n\n2. Parliament agreed.\n",
    "beta.txt": "1. The Ministry of Justice reported progress.\n\n2. Courts were reformed.\n",
    "gamma.txt": "1. A national human rights institution was created.\n",
}


@pytest.fixture
def corpus(tmp_path):
    """The seed's first paragraphs and three small hand-written documents."""
    folder = tmp_path / "in"
    folder.mkdir()
    write_seed_excerpt(folder / SEED.name)
    for name, text in SMALL_DOCUMENTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def run_quietly(corpus, out, **options):
    return run([corpus], out, Settings(), RunOptions(**{"jobs": 1, **options}), report=lambda line: None)


def output_bytes(out):
    """Everything a user reads: documents.jsonl and every paragraphs file."""
    files = [out / "documents.jsonl", *sorted((out / "paragraphs").glob("*.jsonl"))]
    return {path.relative_to(out).as_posix(): path.read_bytes() for path in files}


def record_mtimes(out):
    return {path.name: path.stat().st_mtime_ns for path in (out / "records").glob("*.json")}


def test_executor_jobs_2_gives_the_same_bytes_as_jobs_1(corpus, tmp_path):
    run_quietly(corpus, tmp_path / "one", jobs=1)
    summary = run_quietly(corpus, tmp_path / "two", jobs=2)
    assert summary.documents == 4 and summary.failed == 0
    assert output_bytes(tmp_path / "two") == output_bytes(tmp_path / "one")


def test_executor_documents_jsonl_is_in_doc_id_order(corpus, tmp_path):
    run_quietly(corpus, tmp_path / "out", jobs=2)
    lines = (tmp_path / "out" / "documents.jsonl").read_text().splitlines()
    assert [json.loads(line)["doc_id"] for line in lines] == ["A-HRC-WG.6-7-KAZ-1", "alpha", "beta", "gamma"]


def test_executor_second_run_skips_every_document(corpus, tmp_path):
    out = tmp_path / "out"
    first = run_quietly(corpus, out)
    before, mtimes = output_bytes(out), record_mtimes(out)
    second = run_quietly(corpus, out)
    assert (second.skipped, second.documents, second.paragraphs) == (4, 4, first.paragraphs)
    assert record_mtimes(out) == mtimes
    assert output_bytes(out) == before


def test_executor_changed_input_reprocesses_only_that_one(corpus, tmp_path):
    out = tmp_path / "out"
    run_quietly(corpus, out)
    mtimes = record_mtimes(out)
    (corpus / "beta.txt").write_text("1. The Ministry of Justice reported progress.\n\n2. Courts were not reformed.\n")
    summary = run_quietly(corpus, out)
    assert summary.skipped == 3
    changed = {name for name, mtime in record_mtimes(out).items() if mtime != mtimes[name]}
    assert changed == {"beta.json"}
    assert "were not reformed" in (out / "paragraphs" / "beta.jsonl").read_text()


def test_executor_changed_settings_reprocess_everything(corpus, tmp_path):
    out = tmp_path / "out"
    run_quietly(corpus, out)
    summary = run([corpus], out, Settings(batch_size=8), RunOptions(jobs=1), report=lambda line: None)
    assert summary.skipped == 0
    fingerprints = {json.loads(line)["settings_fingerprint"] for line in (out / "documents.jsonl").open()}
    assert fingerprints == {Settings(batch_size=8).fingerprint()}


def test_executor_force_redoes_everything(corpus, tmp_path):
    out = tmp_path / "out"
    run_quietly(corpus, out)
    assert run_quietly(corpus, out, force=True).skipped == 0


def test_executor_deleted_paragraphs_file_is_redone(corpus, tmp_path):
    out = tmp_path / "out"
    run_quietly(corpus, out)
    (out / "paragraphs" / "gamma.jsonl").unlink()
    assert run_quietly(corpus, out).skipped == 3
    assert (out / "paragraphs" / "gamma.jsonl").exists()


def test_executor_failed_document_is_retried(corpus, tmp_path):
    out = tmp_path / "out"
    (corpus / "empty.txt").write_bytes(b"")
    first = run_quietly(corpus, out)
    second = run_quietly(corpus, out)
    assert (first.failed, second.failed, second.skipped) == (1, 1, 4)


def test_executor_interrupted_run_resumes_without_losing_finished_documents(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    real_process_document = stages.process_document

    def crash_on_beta(path, settings, **where):
        if path.stem == "beta":
            raise RuntimeError("the machine went down")
        return real_process_document(path, settings, **where)

    monkeypatch.setattr(stages, "process_document", crash_on_beta)
    with pytest.raises(RuntimeError):
        run_quietly(corpus, out)
    finished = len(record_mtimes(out))
    monkeypatch.setattr(stages, "process_document", real_process_document)
    resumed = run_quietly(corpus, out)
    assert finished >= 1 and resumed.skipped == finished
    run_quietly(corpus, tmp_path / "clean")
    assert output_bytes(out) == output_bytes(tmp_path / "clean")


def test_executor_timings_go_into_documents_jsonl_only_when_asked(corpus, tmp_path):
    out = tmp_path / "out"
    run_quietly(corpus, out)
    assert all("timings" not in json.loads(line) for line in (out / "documents.jsonl").open())
    run_quietly(corpus, out, timings=True)
    records = [json.loads(line) for line in (out / "documents.jsonl").open()]
    assert all({"ingest", "segment", "clean"} <= set(r["timings"]) for r in records)


def test_executor_inputs_with_the_same_stem_keep_both_outputs(corpus, tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    (other / "alpha.txt").write_text("1. Another alpha.\n\n2. Its second paragraph.\n")
    out = tmp_path / "out"
    run([corpus, other], out, Settings(), RunOptions(jobs=1), report=lambda line: None)
    files = {r["doc_id"]: r["file"] for r in map(json.loads, (out / "documents.jsonl").open())}
    first, second = (f"alpha_{path_hash(folder / 'alpha.txt')}" for folder in (corpus, other))
    assert files[first] == files[second] == "alpha.txt" and files["beta"] == "beta.txt"
    paragraphs = [json.loads(line) for line in (out / "paragraphs" / f"{second}.jsonl").open()]
    assert (paragraphs[0]["doc_id"], paragraphs[0]["text"]) == (second, "Another alpha.")
    assert run([corpus, other], out, Settings(), RunOptions(jobs=1), report=lambda line: None).skipped == 5


def test_executor_removes_half_written_files_of_a_killed_run(corpus, tmp_path):
    out = tmp_path / "out"
    run_quietly(corpus, out)
    stale = out / "paragraphs" / ".alpha.jsonl.x1y2.tmp"
    stale.write_text("half a line")
    run_quietly(corpus, out)
    assert not stale.exists()


def test_executor_profile_prints_a_cprofile_summary(corpus, tmp_path, capsys):
    run_quietly(corpus, tmp_path / "out", profile=True)
    err = capsys.readouterr().err
    assert "function calls" in err and "process_document" in err


def test_executor_is_quiet_off_a_terminal(corpus, tmp_path, capsys):
    run([corpus], tmp_path / "out", Settings(), RunOptions(jobs=1), report=print)
    assert capsys.readouterr().err == ""


def test_executor_progress_bar_names_the_current_document(corpus, tmp_path, capsys):
    run_quietly(corpus, tmp_path / "out", progress=True)
    err = capsys.readouterr().err
    assert "4/4" in err and "docs/s" in err
    assert any(name.removesuffix(".txt") in err for name in SMALL_DOCUMENTS)


def test_executor_rejects_zero_jobs():
    with pytest.raises(ValueError, match="at least 1"):
        RunOptions(jobs=0)


def test_executor_dask_local_cluster_gives_the_same_bytes_as_jobs_1(corpus, tmp_path):
    run_quietly(corpus, tmp_path / "local", jobs=1)
    summary = run_quietly(corpus, tmp_path / "dask", jobs=2, executor="dask")
    assert summary.documents == 4 and summary.failed == 0
    assert output_bytes(tmp_path / "dask") == output_bytes(tmp_path / "local")


@pytest.mark.slow
def test_executor_corpus_pdf_and_text_jobs_2_give_the_same_bytes_as_jobs_1(tmp_path):
    # The smallest PDF and a plain-text report of the shared corpus: both readers in workers.
    inputs = [corpus_file("A-HRC-WG.6-7-SVN-3.pdf"), corpus_file("A-HRC-WG.6-29-BHS-1.txt")]
    for jobs in (1, 2):
        run(inputs, tmp_path / str(jobs), Settings(), RunOptions(jobs=jobs), report=lambda line: None)
    assert output_bytes(tmp_path / "2") == output_bytes(tmp_path / "1")


def test_executor_outputs_name_inputs_relative_to_the_folder_given(tmp_path):
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "sub" / "a.txt").write_text("1. The Government will act.\n\n2. Parliament agreed.\n")
    (tmp_path / "b.txt").write_text("1. Parliament will act.\n\n2. The Government agreed.\n")
    out = tmp_path / "out"
    run([tmp_path / "in", tmp_path / "b.txt"], out, Settings(), RunOptions(jobs=1), report=lambda line: None)
    files = {r["doc_id"]: r["file"] for r in map(json.loads, (out / "documents.jsonl").open())}
    paragraph = json.loads((out / "paragraphs" / "a.jsonl").read_text().splitlines()[0])
    assert files == {"a": "sub/a.txt", "b": "b.txt"} and paragraph["source"]["file"] == "sub/a.txt"
    assert run([tmp_path / "in", tmp_path / "b.txt"], out, Settings(), RunOptions(jobs=1),
               report=lambda line: None).skipped == 2  # the incremental run's cache knows them by those names
