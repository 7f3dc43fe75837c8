#!/usr/bin/env python3
"""Findings snapshots, as ruff's ecosystem check keeps them: every rule over
every file of a corpus, condensed to one line per finding and compared with
a reviewed copy in tests/snapshot/.  A change in findings (a new one, a lost
one, a reworded message, a fix offered or withdrawn) fails until the
snapshot is updated in the same commit, with the reason in its message.

    tests/snapshot.py VIRTLINT            compare (make snapshot-check)
    tests/snapshot.py VIRTLINT --update   rewrite the snapshots (make snapshot-update)

Two snapshots:

- tests/snapshot/shared-corpus.txt: every *.xml under ../shared/corpus (the
  directory beside the repository; VIRTLINT_SHARED_CORPUS moves it), paths
  relative to it.  Each part is linted for its own release (TARGETS below):
  libvirt's 9.8 test suite (libvirt-tests/) for libvirt 9.8 with QEMU 8.1,
  the QEMU release current when 9.8.0 came out (Aug 2023; 9.8.0 Oct 2023),
  which is what that suite's "latest" capabilities record; libvirt 11.3's
  suite for 11.3 with QEMU 10.0 (Debian 13's pair, as its SOURCE.md says);
  realworld/ for Debian 12's libvirt 9.0 and QEMU 7.2, the release
  virtlint's examples and the corpus runner default to.  An *.xml in a part
  without a target fails the check: say which release judges it first.
- tests/snapshot/corpus.txt: every case of the repository's corpus/, with
  each case's own lint-options (as tests/corpus_runner.c reads them:
  libvirt 9.0 unless the case says otherwise, host=DIR as saved host facts),
  where the corpus runner checks only the case's own rule and `schema`:
  here every other rule's findings are pinned too.

Nothing machine-dependent reaches virtlint: the target releases are given
(the installed libvirt is never consulted), no host facts unless a case
names a saved host, no connection (LIBVIRT_DEFAULT_URI is dropped), no
.virtlintrc (--no-config), no verdict cache (--no-cache, and
VIRTLINT_CACHE_DIR/HOME point at an empty temporary directory), and unsafe
fixes are shown (--unsafe-fixes) so "is a fix offered" does not depend on a
flag, and so are suggestions (--show-suggestions).  Files are batched: one virtlint process per target and set of
lint-options, run side by side (a few seconds in all).

Every headline must be one line of at most 100 characters that names an
element, and no headline, help or note may name the documents this project
started from.

A line: PATH:LINE:COL<TAB>RULE<TAB>SEVERITY<TAB>MESSAGE<TAB>FIX, FIX being
fix:safe, fix:unsafe or - (no fix offered); an input virtlint could not
lint is PATH:LINE:COL<TAB>input-error<TAB>error<TAB>MESSAGE<TAB>-.  Lines are
sorted by path, then line and column as numbers.  Tabs, newlines and
backslashes in messages are written \\t, \\n and \\\\.

Without ../shared/corpus (or with make corpus's download in its place:
another corpus, other findings) shared-corpus.txt is skipped with one line;
a skip is itself a failure when VIRTLINT_TEST_NO_SKIP=1 (CI, .ci/run).
"""
import difflib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tally import Tally  # noqa: E402
from corpusdir import is_made, shared_corpus  # noqa: E402

HERE = Path(__file__).resolve().parent.parent
SNAPSHOTS = HERE / "tests" / "snapshot"
SHARED = shared_corpus()

# ../shared/corpus: top-level directory -> (libvirt, QEMU) it is judged by
TARGETS = {
    "libvirt-tests": ("9.8", "8.1"),
    "libvirt-11.3": ("11.3", "10.0"),
    "realworld": ("9.0", "7.2"),
}
COMMON = ["--format", "json", "--no-config", "--no-cache", "--unsafe-fixes", "--show-suggestions", "--color", "never"]

ARGS = [a for a in sys.argv[1:] if not a.startswith("--")]
UPDATE = "--update" in sys.argv
VIRTLINT = os.path.abspath(ARGS[0] if ARGS else HERE / "virtlint")
tally = Tally("snapshot")


def escape(text):
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def xml_files(root):
    """Every *.xml under ROOT, in virtlint's order, relative to ROOT."""
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.endswith(".xml") and not name.startswith("."):
                out.append(os.path.relpath(os.path.join(dirpath, name), root))
    return sorted(out)


# the documents the project started from, by the names nobody else has
# lint/engine/report.h: VL_HEADLINE_MAX
HEADLINE_MAX = 100
SEED_NAME = re.compile(r"\b[Ss]eeds? 0\d\d\b|\b\d{3}_[0-9a-f]{16}\.txt\b")


def lint(cwd, files, options, env):
    """Lint FILES (relative to CWD) in one process: (rows, problems)."""
    rows, problems = [], []
    if not files:
        return rows, problems
    p = subprocess.run([VIRTLINT, *COMMON, *options, "--", *files], cwd=cwd, env=env,
                       capture_output=True, text=True)
    what = f"virtlint {' '.join(options)} on {len(files)} files in {cwd}"
    if p.returncode not in (0, 1, 2):
        problems.append(f"{what}: exit {p.returncode}\n{p.stderr[-2000:]}")
        return rows, problems
    try:
        findings = json.loads(p.stdout)
    except json.JSONDecodeError as e:
        problems.append(f"{what}: output is not JSON ({e})")
        return rows, problems
    known = set(files)
    for f in findings:
        if f["file"] not in known:
            problems.append(f"{what}: a finding names {f['file']}, which was not an input")
        said = "\n".join([f["message"], f.get("help") or "", *f.get("notes", [])])
        if SEED_NAME.search(said):
            problems.append(f"{f['file']}:{f.get('line')}: a {f['rule']} finding names a document users "
                            f"cannot open (cite it by title and address): {said[:200]}")
        if len(f["message"]) > HEADLINE_MAX or "\n" in f["message"] or "<" not in f["message"]:
            problems.append(f"{f['file']}:{f.get('line')}: a {f['rule']} headline ({len(f['message'])} characters) "
                            f"is not one line of at most {HEADLINE_MAX} that names the element: {f['message'][:200]}")
        fix = f"fix:{f['fix']['applicability']}" if f.get("fix") else "-"
        rows.append((f["file"], f.get("line") or 0, f.get("column") or 0, f["rule"], f["severity"],
                     escape(f["message"]), fix))
    # stderr: the input errors (PATH:LINE[:COL]: error: MESSAGE) and notes
    errors = 0
    by_length = sorted(known, key=len, reverse=True)
    for line in p.stderr.splitlines():
        path = next((k for k in by_length if line.startswith(k + ":")), None)
        m = re.match(r":(\d+)(?::(\d+))?: error: (.*)$", line[len(path):]) if path else None
        if m:
            errors += 1
            rows.append((path, int(m.group(1)), int(m.group(2) or 0), "input-error", "error",
                         escape(m.group(3)), "-"))
        elif not line.startswith("virtlint: note: "):
            problems.append(f"{what}: unexpected on stderr: {line}")
    if (p.returncode == 2) != (errors > 0):
        problems.append(f"{what}: exit {p.returncode} with {errors} input errors")
    return rows, problems


def render(header, rows):
    rows = sorted(set(rows), key=lambda r: (r[0], r[1], r[2], r[3], r[4], r[5], r[6]))
    lines = [f"# {h}" for h in header]
    lines += [f"{path}:{line}:{col}\t{rule}\t{sev}\t{msg}\t{fix}" for path, line, col, rule, sev, msg, fix in rows]
    return "\n".join(lines) + "\n", len(rows)


def case_options(text):
    """A corpus case's lint-options as virtlint options (the corpus runner's
    reading: later options win; libvirt 9.0 unless the case says)."""
    opts = {"libvirt": "9.0"}
    for comment in re.findall(r"<!--\s*lint-options:(.*?)-->", text, re.S):
        for item in comment.split():
            if "=" in item:
                key, value = item.split("=", 1)
                opts[key] = value
    args = []
    for key, value in sorted(opts.items()):
        if key == "libvirt":
            args += ["--libvirt-version", value]
        elif key == "qemu":
            args += ["--qemu-version", value]
        elif key == "os":
            args += ["--os", value]
        elif key == "edition":
            args += ["--edition", value]
        elif key == "host":
            # as tests/corpus_runner.c: capabilities.xml is required, the others are read when present
            args += ["--capabilities", f"{value}/capabilities.xml"]
            if os.path.exists(HERE / value / "domcapabilities.xml"):
                args += ["--domcapabilities", f"{value}/domcapabilities.xml"]
            if (HERE / value / "nodedev").is_dir():
                args += ["--nodedev", f"{value}/nodedev"]
        elif key == "unsafe-fixes":
            pass  # unsafe fixes are always shown here
        else:
            raise SystemExit(f"snapshot: unknown lint option {key} (teach tests/snapshot.py, as the corpus runner)")
    return tuple(args)


def shared_jobs():
    """(header, jobs, problems, file count) of the ../shared/corpus snapshot;
    a job is (cwd, files, options)."""
    files = xml_files(SHARED)
    groups, jobs, problems = {}, [], []
    for f in files:
        part = f.split(os.sep, 1)[0]
        if part not in TARGETS:
            problems.append(f"{SHARED}/{f}: no target release for {part}/ (add it to TARGETS in tests/snapshot.py)")
            continue
        groups.setdefault(part, []).append(f)
    for part, (libvirt, qemu) in sorted(TARGETS.items()):
        if part not in groups:
            problems.append(f"{SHARED}/{part}: no *.xml files (the shared corpus is incomplete)")
            continue
        jobs.append((SHARED, groups[part], ("--libvirt-version", libvirt, "--qemu-version", qemu)))
    header = ["virtlint findings over ../shared/corpus: tests/snapshot.py (make snapshot-check, make snapshot-update)",
              "targets: " + ", ".join(f"{part}/ libvirt {lv} QEMU {q}" for part, (lv, q) in sorted(TARGETS.items())),
              f"{len(files)} files; PATH:LINE:COL, rule, severity, message, fix offered"]
    return header, jobs, problems, len(files)


def corpus_jobs():
    """The same for the repository's corpus/: one job per set of lint-options."""
    files = [str(Path("corpus") / f) for f in xml_files(HERE / "corpus")]
    groups = {}
    for f in files:
        groups.setdefault(case_options((HERE / f).read_text(errors="replace")), []).append(f)
    jobs = [(HERE, members, options) for options, members in sorted(groups.items())]
    header = ["virtlint findings over corpus/, every rule, each case with its lint-options: tests/snapshot.py",
              f"{len(files)} files in {len(groups)} option sets; PATH:LINE:COL, rule, severity, message, fix offered"]
    return header, jobs, [], len(files)


def run_all(snapshots, env):
    """Run every job of SNAPSHOTS ({name: (header, jobs, problems, nfiles)})
    at once, a few processes at a time: {name: (header, rows, problems, nfiles)}."""
    out = {name: (header, [], list(problems), nfiles) for name, (header, _, problems, nfiles) in snapshots.items()}
    work = [(name, job) for name, (_, jobs, _, _) in snapshots.items() for job in jobs]
    # the biggest first, so that they do not end up alone at the end
    work.sort(key=lambda w: -len(w[1][1]))
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 1)) as pool:
        results = pool.map(lambda w: lint(w[1][0], w[1][1], list(w[1][2]), env), work)
        for (name, _), (rows, problems) in zip(work, results):
            out[name][1].extend(rows)
            out[name][2].extend(problems)
    return out


def compare(name, header, rows, problems, nfiles):
    path = SNAPSHOTS / name
    for p in problems:
        tally.check(False, p)
    text, count = render(header, rows)
    print(f"snapshot: {name}: {nfiles} files, {count} findings")
    if UPDATE:
        if problems:
            print(f"snapshot: {name} not written: fix the problems above first")
            return
        SNAPSHOTS.mkdir(exist_ok=True)
        old = path.read_text() if path.exists() else ""
        path.write_text(text)
        changed = sum(1 for d in difflib.ndiff(old.splitlines(), text.splitlines()) if d[:2] in ("- ", "+ "))
        print(f"snapshot: wrote {path.relative_to(HERE)} ({changed} lines changed): review `git diff`, "
              "and say why in the commit")
        return
    old = path.read_text() if path.exists() else ""
    if old == text:
        tally.check(True, name)
        return
    diff = list(difflib.unified_diff(old.splitlines(), text.splitlines(), f"a/tests/snapshot/{name}",
                                     f"b/tests/snapshot/{name}", n=0, lineterm=""))
    sys.stdout.write("\n".join(diff[:400]) + "\n")
    if len(diff) > 400:
        print(f"... {len(diff) - 400} more diff lines")
    tally.check(False, f"findings differ from tests/snapshot/{name} "
                       f"({sum(1 for d in diff[2:] if d[:1] == '-')} lines gone, "
                       f"{sum(1 for d in diff[2:] if d[:1] == '+')} new): if intended, run "
                       "`make snapshot-update` and commit the snapshot with the reason")


def main():
    if not os.access(VIRTLINT, os.X_OK):
        print(f"snapshot: {VIRTLINT} is not an executable")
        return 1
    with tempfile.TemporaryDirectory() as empty:
        env = {k: v for k, v in os.environ.items()
               if k not in ("LIBVIRT_DEFAULT_URI", "VIRSH_DEFAULT_CONNECT_URI", "NO_COLOR")}
        env.update(VIRTLINT_CACHE_DIR=empty, HOME=empty, XDG_CACHE_HOME=empty, XDG_CONFIG_HOME=empty, LC_ALL="C.UTF-8")

        snapshots = {}
        if is_made(SHARED):
            tally.skip(f"{SHARED} is make corpus's download, not the shared corpus: shared-corpus.txt lists "
                       "findings per file of ../shared/corpus; not checked")
        elif SHARED.is_dir():
            snapshots["shared-corpus.txt"] = shared_jobs()
        else:
            tally.skip(f"{SHARED} not found: shared-corpus.txt lists findings per file of the project's "
                       "shared corpus, which make corpus cannot download; not checked")
        snapshots["corpus.txt"] = corpus_jobs()
        start = time.monotonic()
        results = run_all(snapshots, env)
        seconds = time.monotonic() - start
        for name, result in results.items():
            compare(name, *result)
        print(f"snapshot: linted in {seconds:.1f} s")
    return tally.finish()


if __name__ == "__main__":
    sys.exit(main())
