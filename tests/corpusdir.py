"""Where libvirt's test suite is, for the Python tests: the same lookup as
tests/lib.sh shared_corpus.  VIRTLINT_SHARED_CORPUS if set, else the
project's shared corpus beside the repository (../shared/corpus), else what
`make corpus` downloaded (VIRTLINT_MADE_CORPUS, which the Makefile sets to
$(B)/corpus; build/corpus by default)."""
import os
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
STAMP = ".virtlint-made-corpus"


def shared_corpus():
    """The corpus directory (absolute; it may not exist)."""
    if os.environ.get("VIRTLINT_SHARED_CORPUS"):
        return Path(os.environ["VIRTLINT_SHARED_CORPUS"]).resolve()
    shared = (REPO.parent / "shared" / "corpus").resolve()
    made = Path(os.environ.get("VIRTLINT_MADE_CORPUS") or REPO / "build" / "corpus").resolve()
    if not shared.is_dir() and (made / STAMP).is_file():
        return made
    return shared


def is_made(corpus):
    """CORPUS is make corpus's download (libvirt 11.3's suite only), not the
    shared corpus, whose files some expected results list one by one."""
    return (Path(corpus) / STAMP).is_file()
