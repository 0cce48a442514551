"""Identity check: run an earlier commit and the working tree over every document in ../shared and diff the outputs.

    .venv/bin/python scripts/identity.py --base REF [--sets seeds corpus wg-pdf wg-txt] [--jobs 2]

The base commit is checked out in a detached worktree under .identity/ and its outputs
are kept there (keyed by commit), so a second check against the same base only reruns
the working tree. The diff is `python -m pipeline diff`, per document and paragraph.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = (REPO.parent / "shared").resolve()
CACHE = REPO / ".identity"
SETS = {
    "seeds": SHARED / "seeds",
    "corpus": SHARED / "corpus",
    "wg-pdf": SHARED / "wg-reports" / "pdf",
    "wg-txt": SHARED / "wg-reports" / "txt",
}


def git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=REPO, check=True, capture_output=True, text=True).stdout.strip()


def base_tree(ref: str) -> tuple[str, Path]:
    sha = git("rev-parse", ref)
    tree = CACHE / f"src-{sha[:12]}"
    if not tree.exists():
        git("worktree", "add", "--detach", str(tree), sha)
    return sha[:12], tree


def base_python(tree: Path) -> str:
    """An interpreter with the base commit installed in a venv of its own: the working tree's
    venv would lend the base its `spacy_factories` entry points, and spaCy takes a factory
    from an entry point before the one the base code registers."""
    venv = tree.with_name(tree.name.replace("src-", "venv-"))
    python = venv / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "-e", str(tree)], check=True)
    return str(python)


def run_pipeline(python: str, code: Path, inputs: Path, out: Path, jobs: int) -> None:
    """The pipeline of `code` (imported from there, not from an installed package) over `inputs`."""
    if out.exists():
        shutil.rmtree(out)
    tmp = out.with_name(out.name + ".partial")
    shutil.rmtree(tmp, ignore_errors=True)
    cmd = [python, "-m", "pipeline", "run", str(inputs), "--out", str(tmp), "--jobs", str(jobs), "--force"]
    print(f"[{code.name}] {inputs.name} -> {out}", flush=True)
    subprocess.run(cmd, cwd=code, env={"PYTHONPATH": str(code), "PATH": "/usr/bin:/bin"}, check=False,
                   stdout=subprocess.DEVNULL, stderr=(out.parent / f"{out.name}.stderr").open("w"))
    tmp.rename(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", required=True, help="commit whose outputs are the reference")
    parser.add_argument("--sets", nargs="+", choices=sorted(SETS), default=list(SETS))
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--rerun-base", action="store_true", help="recompute the base outputs even if cached")
    args = parser.parse_args()
    missing = [name for name in args.sets if not SETS[name].is_dir()]
    if missing:
        print(f"identity: {', '.join(missing)} not found under {SHARED}", file=sys.stderr)
        return 2
    sha, tree = base_tree(args.base)
    status = 0
    for name in args.sets:
        base_out = CACHE / f"out-{sha}" / name
        if args.rerun_base or not base_out.exists():
            base_out.parent.mkdir(parents=True, exist_ok=True)
            run_pipeline(base_python(tree), tree, SETS[name], base_out, args.jobs)
        work_out = CACHE / "out-work" / name
        work_out.parent.mkdir(parents=True, exist_ok=True)
        run_pipeline(sys.executable, REPO, SETS[name], work_out, args.jobs)
        print(f"== {name}: {args.base} ({sha}) vs working tree", flush=True)
        status |= subprocess.run([sys.executable, "-m", "pipeline", "diff", str(base_out), str(work_out)],
                                 cwd=REPO).returncode
    return status


if __name__ == "__main__":
    sys.exit(main())
