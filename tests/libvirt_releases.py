#!/usr/bin/env python3
"""virtlint against three libvirt releases: Debian 12's own (on this host),
Debian 13 "trixie" (11.3) and Debian unstable "sid" (12.x), the last two in
the roots tools/make-release-root.sh builds under build/roots/.

    tests/libvirt_releases.py [HOST_VIRTLINT] [--update]

For each release, every domain XML of both libvirt test corpora
(../shared/corpus/libvirt-tests, 9.8's, and libvirt-11.3/tests) is defined
with that release's embedded QEMU driver (qemu:///embed, no daemon; one virsh
process reads a few hundred define/undefine commands from stdin), which says
what the release defines and what it refuses, with the message.  Then the
virtlint built for that release (the host's, or the one built inside the
root) lints the same files with --libvirt-version and --qemu-version of the
release (its libvirt and its qemu-system-x86_64), and:

- on every file the release defines, no rule reports an error, except rules
  whose refused_by is "qemu" (libvirt defines it, QEMU refuses to start it)
  on the files written down with the reason in
  corpus/release-qemu-refusals-RELEASE.tsv (which must match exactly), and
  the schema rule where the release's own `virsh define --validate` refuses
  the file too (a plain define ignores what it does not understand);
- rules-only recall is printed: of the refusals that are not about this host
  (see HOST_DEPENDENT below), how many files get an error finding;
- where such a refusal's message contains a rule's libvirt_error, that rule
  reports an error on the file (tests/libvirt_agreement.py, with the
  release's own messages instead of the test suite's);
- with `--libvirt-check` (when virtlint has it), at least 95% of those
  refusals are reported, and no libvirt-define error on defined files;
- fix sweep: every defined file, fixed with --fix --unsafe-fixes and the
  same versions, is still defined by the release;
- a rule that says libvirt or QEMU refuses something is verified on a
  release where it reported an error on some file and none of these checks
  failed for it: corpus/verified-releases.tsv lists the releases (--update
  writes it; make rules.md shows it) and must match;
- the libvirt oracle's claims (tests/libvirt_oracle.py: CLAIMS on the
  corpus/<rule>/ cases, every golden *.xml.fixed accepted, its fixed-argv
  comments) hold on the release's embedded driver as well.

VIRTLINT_RELEASES=bookworm,trixie,sid chooses releases;
VIRTLINT_RELEASES_VERBOSE=1 lists the refusals no rule reports.

A missing root is skipped with a message, except in CI
(VIRTLINT_TEST_NO_SKIP=1, tests/tally.py), where it is a failure.  Needs root for chroot; mounts /proc, /sys and /dev into the
roots in a private mount namespace, so they vanish with this process.
"""
import csv
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tally import Tally  # noqa: E402
from refusals import host_dependent  # noqa: E402
from corpusdir import is_made, shared_corpus  # noqa: E402

HERE = Path(__file__).resolve().parent.parent
os.chdir(HERE)
ARGS = [a for a in sys.argv[1:] if not a.startswith("--")]
HOST_VIRTLINT = os.path.abspath(ARGS[0] if ARGS else "./virtlint")
SHARED = shared_corpus()
CORPORA = [("libvirt-tests", SHARED / "libvirt-tests"), ("libvirt-11.3", SHARED / "libvirt-11.3" / "tests")]
ROOTS = HERE / "build" / "roots"
CHUNK = 300          # virsh commands per process
MIN_CHECK_RECALL = 0.95

LOG_LINE = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+[+-]\d{4}: \d+: \w+ : ")

tally = Tally("libvirt-releases")
result = tally.check

# Per release ("9.0"): the rules some check failed for, and the rules that
# reported an error on some file (evidence that they were exercised there).
# A rule that says libvirt or QEMU refuses something is verified on a
# release where it was exercised and nothing failed: rules.md says so, from
# corpus/verified-releases.tsv, which --update writes and a full run checks.
RULE_FAILED = {}
EXERCISED = {}
VERIFIED = Path("corpus/verified-releases.tsv")


def release_label(rel):
    return ".".join(rel.libvirt.split(".")[:2])


def check_rule(rel, rule, ok, message):
    """result(), remembering which rule a failure was about."""
    result(ok, message)
    if not ok:
        RULE_FAILED.setdefault(release_label(rel), set()).add(rule)


def quote(s):
    """virsh shell quoting"""
    if "'" not in s and "\n" not in s:
        return f"'{s}'"
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def prepare(xml):
    # libvirt refuses type='kvm' where /dev/kvm is missing (CI machines)
    if not os.path.exists("/dev/kvm"):
        xml = re.sub(r"<domain(\s+)type=(['\"])kvm\2", r"<domain\1type='qemu'", xml, count=1)
    return xml


def domain_name(xml):
    m = re.search(r"<name>\s*([^<]*?)\s*</name>", xml)
    return m.group(1) if m else "virtlint-release-noname"


class Release:
    """One libvirt release: the host's (root None) or a chroot's."""

    def __init__(self, name, root):
        self.name = name
        self.root = root
        self.virtlint = HOST_VIRTLINT if root is None else "/usr/local/bin/virtlint"
        self.work = None        # (outer path, inner path)
        self.embed_n = 0

    def run(self, argv, **kw):
        env = {"PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "LC_ALL": "C.UTF-8",
               "HOME": "/root" if self.root else os.environ.get("HOME", "/tmp")}
        if self.root is None:
            env["VIRTLINT_CACHE_DIR"] = os.environ.get("VIRTLINT_CACHE_DIR", "")
            env = {k: v for k, v in env.items() if v}
            return subprocess.run(argv, capture_output=True, text=True, env=env, **kw)
        return subprocess.run(["chroot", str(self.root), *argv], capture_output=True, text=True, env=env, **kw)

    def inner(self, outer):
        """the path OUTER as seen by this release's processes"""
        if self.root is None:
            return str(outer)
        return "/" + str(Path(outer).relative_to(self.root))

    def outer(self, inner):
        return inner if self.root is None else str(self.root) + inner

    def setup(self):
        base = Path(self.root, "tmp") if self.root else Path(tempfile.gettempdir())
        base.mkdir(parents=True, exist_ok=True)
        self.work = Path(tempfile.mkdtemp(prefix="virtlint-releases-", dir=base))
        out = self.run(["virsh", "--version"])
        if out.returncode != 0:
            raise RuntimeError(f"virsh --version: {out.stderr.strip()}")
        self.libvirt = out.stdout.strip()
        self.version = ".".join(self.libvirt.split(".")[:2])
        # and the release's QEMU, so that QEMU-version rules judge by it too
        out = self.run(["qemu-system-x86_64", "--version"])
        m = re.search(r"version (\d+\.\d+)", out.stdout)
        self.qemu = m.group(1) if m else None
        self.target = ["--libvirt-version", self.version] + (["--qemu-version", self.qemu] if self.qemu else [])

    def cleanup(self):
        if self.work:
            shutil.rmtree(self.work, ignore_errors=True)

    def new_embed(self):
        self.embed_n += 1
        return self.inner(self.work / f"embed-{self.embed_n}")

    def virsh_batch(self, jobs, embed):
        """Run JOBS (each a list of virsh commands) in as few virsh processes
        as is safe; for each job, for each command, (errors, stdout).  When
        virsh dies (libvirt 9.0 segfaults on one of libvirt 11.3's test
        inputs), the job it died in is run again on its own, and a second
        death is its result: "virsh crashed (signal N)"."""
        results = [None] * len(jobs)
        pending = list(range(len(jobs)))
        while pending:
            idx = pending[:CHUNK]
            p, err, out = self._virsh_run(jobs, idx, embed)
            stop = len(idx)
            for n, j in enumerate(idx):
                # complete when the marker after its last command came out
                after = "END" if n == len(idx) - 1 else (idx[n + 1], 0)
                if after in err and all((j, k) in err for k in range(len(jobs[j]))):
                    results[j] = [(err[(j, k)], out.get((j, k), "")) for k in range(len(jobs[j]))]
                else:
                    stop = n
                    break
            if stop < len(idx):
                j = idx[stop]
                p, err, out = self._virsh_run(jobs, [j], embed)
                if "END" in err and all((j, k) in err for k in range(len(jobs[j]))):
                    results[j] = [(err[(j, k)], out.get((j, k), "")) for k in range(len(jobs[j]))]
                else:
                    how = f"signal {-p.returncode}" if p.returncode < 0 else f"exit {p.returncode}"
                    results[j] = [([f"virsh crashed ({how})"], "")] * len(jobs[j])
                stop += 1
            pending = idx[stop:] + pending[len(idx):]
        return results

    def _virsh_run(self, jobs, idx, embed):
        lines = []
        for j in idx:
            for k, cmd in enumerate(jobs[j]):
                lines += [f"echo --err @@C {j} {k}", f"echo @@C {j} {k}", cmd]
        lines += ["echo --err @@END", "echo @@END"]
        p = self.run(["virsh", "-q", "-c", f"qemu:///embed?root={embed}"], input="\n".join(lines) + "\n")
        return p, self._err_segments(p.stderr), self._out_segments(p.stdout)

    @staticmethod
    def _err_segments(text):
        """stderr: the error lines after each "error: @@C J K" marker, with
        the lines an error message continues on.  libvirt's own log lines
        ("2026-12-03 08:14:12.700+0000: 12584: warning : ...", printed by the
        embedded driver) and virsh warnings are not errors: a define that
        only warns succeeded."""
        segs, key, in_error = {}, None, False
        for line in text.splitlines():
            m = re.fullmatch(r"error: @@(?:C (\d+) (\d+)|(END))", line)
            if m:
                key = "END" if m.group(3) else (int(m.group(1)), int(m.group(2)))
                segs[key], in_error = [], False
            elif key is None or LOG_LINE.match(line) or line.startswith("warning:"):
                in_error = False
            elif line.startswith("error: "):
                segs[key].append(line[len("error: "):])
                in_error = True
            elif in_error and line.strip():
                segs[key].append(line)
        return segs

    @staticmethod
    def _out_segments(text):
        """stdout: the text after each "@@C J K" marker.  virsh reading
        commands from a pipe still prints its prompt and echoes each command
        ("virsh # COMMAND"), and the echo command's output ends without a
        newline: both are taken out first."""
        text = re.sub(r"virsh # [^\n]*\n?", "", text)
        segs = {}
        marks = list(re.finditer(r"@@(?:C (\d+) (\d+)|(END))", text))
        for n, m in enumerate(marks):
            key = "END" if m.group(3) else (int(m.group(1)), int(m.group(2)))
            end = marks[n + 1].start() if n + 1 < len(marks) else len(text)
            segs[key] = text[m.end():end].strip("\n")
        return segs

    def define_all(self, files, extra=None):
        """FILES: {key: outer path}.  Defines each and undefines it again;
        returns {key: (defined, message)}."""
        embed = self.new_embed()
        keys = sorted(files)
        jobs = []
        for key in keys:
            xml = Path(files[key]).read_text(errors="replace")
            name = quote(domain_name(xml))
            jobs.append([f"define {extra + ' ' if extra else ''}{quote(self.inner(files[key]))}",
                         f"undefine --nvram {name}"])
        res = self.virsh_batch(jobs, embed)
        verdict = {}
        clash = []
        for key, r in zip(keys, res):
            (derr, _), (uerr, _) = r
            msg = " ".join(l for l in derr if not l.startswith("Failed to define domain from"))
            verdict[key] = (not derr, msg)
            if "already exists" in msg:
                clash.append(key)
        # a domain left behind by a failed undefine clashes with later ones
        # of the same name or UUID: define those again, each on its own
        for key in clash:
            embed = self.new_embed()
            (derr, _), _ = self.virsh_batch([jobs[keys.index(key)]], embed)[0]
            msg = " ".join(l for l in derr if not l.startswith("Failed to define domain from"))
            verdict[key] = (not derr, msg)
        return verdict

    def lint(self, paths, *options):
        out = self.run([self.virtlint, "--format", "json", "-q", "--no-cache", "--fail-on", "error",
                        *self.target, *options, *[self.inner(p) for p in paths]])
        if out.returncode not in (0, 1, 2):
            raise RuntimeError(f"virtlint exit {out.returncode}: {out.stderr[-2000:]}")
        try:
            findings = json.loads(out.stdout or "[]")
        except json.JSONDecodeError:
            raise RuntimeError(f"virtlint output is not JSON: {out.stdout[:300]!r} {out.stderr[-1000:]}")
        for f in findings:
            f["file"] = self.outer(f["file"])
        return findings, out


def mount_roots(roots):
    """/proc, /sys, /dev in each root, in this process's private mount namespace"""
    mounted = []
    for root in roots:
        for what, argv in (("proc", ["mount", "-t", "proc", "proc"]), ("sys", ["mount", "--rbind", "/sys"]),
                           ("dev", ["mount", "--rbind", "/dev"])):
            target = root / what
            target.mkdir(exist_ok=True)
            if subprocess.run(["mountpoint", "-q", str(target)]).returncode == 0:
                continue
            subprocess.run([*argv, str(target)], check=True)
            mounted.append(target)
    return mounted


def unmount(mounted):
    for target in reversed(mounted):
        if subprocess.run(["umount", "-R", str(target)]).returncode != 0:
            subprocess.run(["umount", "-l", str(target)])


def read_refusals(path):
    if not path.exists():
        return {}
    with open(path) as f:
        return {(row["corpus"], row["file"], row["rule"]): row["reason"]
                for row in csv.DictReader((l for l in f if not l.startswith("#")), delimiter="\t")}


def test_release(rel, rules):
    t0 = time.time()
    tag = f"{rel.name} (libvirt {rel.libvirt}, QEMU {rel.qemu}): virtlint {' '.join(rel.target)}"
    print(f"== {tag}")
    passed0, failed0 = tally.passed, tally.failed

    # the corpora, prepared (type='qemu' without KVM) inside the release's view
    files = {}
    for corpus, d in CORPORA:
        (rel.work / corpus).mkdir()
        for p in sorted(d.glob("*.xml")):
            dst = rel.work / corpus / p.name
            dst.write_text(prepare(p.read_text(errors="replace")))
            files[(corpus, p.name)] = str(dst)
    verdict = rel.define_all(files)
    t_define = time.time() - t0
    defined = {k for k, (ok, _) in verdict.items() if ok}
    refused = {k: m for k, (ok, m) in verdict.items() if not ok}
    crashed = {k: m for k, m in refused.items() if m.startswith("virsh crashed")}
    independent = {k: m for k, m in refused.items() if not host_dependent(m) and k not in crashed}

    t1 = time.time()
    findings, _ = rel.lint([rel.work / c for c, _ in CORPORA])
    t_lint = time.time() - t1
    by_file = {}
    for f in findings:
        p = Path(f["file"])
        by_file.setdefault((p.parent.name, p.name), []).append(f)

    # 1. no error finding on what the release defines
    listfile = Path("corpus") / f"release-qemu-refusals-{rel.name}.tsv"
    written = read_refusals(listfile)
    seen_qemu = set()
    schema_suspects = []
    per_rule = {}
    for key in sorted(defined):
        for f in by_file.get(key, []):
            if f["severity"] != "error":
                continue
            who = rules.get(f["rule"], {}).get("refused_by")
            if f["rule"] == "schema":
                schema_suspects.append((key, f))
                continue
            per_rule[f["rule"]] = per_rule.get(f["rule"], 0) + 1
            if who == "qemu":
                seen_qemu.add((*key, f["rule"]))
                check_rule(rel, f["rule"], (*key, f["rule"]) in written,
                       f"{key[0]}/{key[1]}:{f['line']}: {f['rule']} (QEMU refuses) fires on a file libvirt "
                       f"{rel.libvirt} ({rel.name}) defines; write it down in {listfile} with the reason: {f['message']}")
            else:
                check_rule(rel, f["rule"], False, f"{key[0]}/{key[1]}:{f['line']}: {f['rule']} reports an error on a file libvirt "
                              f"{rel.libvirt} ({rel.name}) defines: {f['message']}")
    for key in sorted(set(written) - seen_qemu):
        result(False, f"{listfile} lists {key[0]}/{key[1]} / {key[2]}, which does not fire on {rel.name}")
    schema_confirmed = 0
    if schema_suspects:
        # a plain define ignores unknown XML; the release's own validation must agree
        strict = rel.define_all({k: files[k] for k, _ in schema_suspects}, extra="--validate")
        for key, f in schema_suspects:
            ok = not strict[key][0]
            if not ok:
                per_rule["schema"] = per_rule.get("schema", 0) + 1
            else:
                schema_confirmed += 1
            result(ok, f"{key[0]}/{key[1]}:{f['line']}: schema reports an error on a file libvirt {rel.libvirt} "
                       f"({rel.name}) defines, and its define --validate accepts it: {f['message']}")
    for k, m in sorted(crashed.items()):
        print(f"{rel.name}: libvirt {rel.libvirt} crashes defining {k[0]}/{k[1]}: {m} (left out of the figures)")
    fired_defined = sum(1 for k in defined if any(f["severity"] == "error" for f in by_file.get(k, [])))
    print(f"{rel.name}: {len(files)} files: {len(defined)} defined, {len(refused)} refused "
          f"({len(independent)} not about this host); define {t_define:.0f} s, lint {t_lint:.0f} s")
    print(f"{rel.name}: error findings on defined files: {fired_defined} files; per rule: "
          + (", ".join(f"{r} {n}" for r, n in sorted(per_rule.items())) or "none")
          + f" ({len(seen_qemu & set(written))} file/rule pairs written down as QEMU refusals); schema errors "
          f"that the release's own define --validate confirms: {schema_confirmed}; violations: "
          f"{tally.failed - failed0}")

    EXERCISED.setdefault(release_label(rel), set()).update(
        f["rule"] for fs in by_file.values() for f in fs if f["severity"] == "error")

    # 2. rules-only recall
    caught = [k for k in independent if any(f["severity"] == "error" for f in by_file.get(k, []))]
    pct = 100 * len(caught) / len(independent) if independent else 100
    print(f"{rel.name}: rules-only recall: {len(caught)} of {len(independent)} host-independent refusals "
          f"get an error finding ({pct:.1f}%)")
    if os.environ.get("VIRTLINT_RELEASES_VERBOSE"):
        for k in sorted(set(independent) - set(caught)):
            print(f"  missed: {k[0]}/{k[1]}: {independent[k]}")

    # 2b. as tests/libvirt_agreement.py does with libvirt's expected errors, but
    # with this release's own messages: a rule whose libvirt_error is in the
    # message must report an error on the file (refusals about this host,
    # such as a machine type this QEMU dropped, are left out)
    claimed = 0
    for k, msg in sorted(independent.items()):
        claims = [rid for rid, r in rules.items() if r.get("libvirt_error") and r["libvirt_error"] in msg]
        if not claims:
            continue
        claimed += 1
        fired = {f["rule"] for f in by_file.get(k, []) if f["severity"] == "error"}
        if not any(c in fired for c in claims):
            for c in claims:
                RULE_FAILED.setdefault(release_label(rel), set()).add(c)
        result(any(c in fired for c in claims),
               f"{k[0]}/{k[1]}: libvirt {rel.libvirt} ({rel.name}) says \"{msg}\", which "
               f"{'/'.join(claims)} covers, but it did not fire")
    print(f"{rel.name}: {claimed} host-independent refusals carry a message a rule claims (libvirt_error)")

    # 3. --libvirt-check
    help_text = rel.run([rel.virtlint, "--help"]).stdout
    if "--libvirt-check" not in help_text:
        tally.skip(f"{rel.name}: --libvirt-check not checked: this virtlint has no --libvirt-check option")
    else:
        t2 = time.time()
        checked, _ = rel.lint([rel.work / c for c, _ in CORPORA], "--libvirt-check", "--select", "libvirt-define")
        located = {}
        for f in checked:
            if f["rule"] == "libvirt-define" and f["severity"] == "error":
                p = Path(f["file"])
                located.setdefault((p.parent.name, p.name), []).append(f)
        reported = [k for k in independent if k in located]
        share = len(reported) / len(independent) if independent else 1
        result(share >= MIN_CHECK_RECALL,
               f"{rel.name}: --libvirt-check reports {len(reported)} of {len(independent)} host-independent "
               f"refusals ({100 * share:.1f}%), below {100 * MIN_CHECK_RECALL:.0f}%")
        if os.environ.get("VIRTLINT_RELEASES_VERBOSE"):
            for k in sorted(set(independent) - set(reported)):
                print(f"  --libvirt-check missed: {k[0]}/{k[1]}: {independent[k]}")
        below = 0
        for k in reported:
            text = Path(files[k]).read_text(errors="replace")
            m = re.search(r"<domain\b", text)
            dom_line = text.count("\n", 0, m.start()) + 1 if m else 0
            below += any(f["line"] != dom_line for f in located[k])
        for k in sorted(defined):
            for f in located.get(k, []):
                result(False, f"{k[0]}/{k[1]}:{f['line']}: libvirt-define reports an error on a file libvirt "
                              f"{rel.libvirt} defines: {f['message']}")
        print(f"{rel.name}: --libvirt-check: {len(reported)} of {len(independent)} host-independent refusals "
              f"reported, {below} located below <domain>; {time.time() - t2:.0f} s")

    # 4. fix sweep: every fixed file is still defined
    t3 = time.time()
    fixdir = rel.work / "fixed"
    fixed_files = {}
    for k in sorted(defined):
        d = fixdir / k[0]
        d.mkdir(parents=True, exist_ok=True)
        shutil.copy(files[k], d / k[1])
        fixed_files[k] = str(d / k[1])
    out = rel.run([rel.virtlint, "-q", "--no-cache", "--fix", "--unsafe-fixes", "--show-suggestions", *rel.target, rel.inner(fixdir)])
    result(out.returncode in (0, 1, 2), f"{rel.name}: virtlint --fix exit {out.returncode}: {out.stderr[-500:]}")
    changed = {k for k, p in fixed_files.items() if Path(p).read_bytes() != Path(files[k]).read_bytes()}
    fverdict = rel.define_all({k: fixed_files[k] for k in changed})
    bad = 0
    for k in sorted(changed):
        ok, msg = fverdict[k]
        bad += not ok
        result(ok, f"{k[0]}/{k[1]}: fixed with --unsafe-fixes {' '.join(rel.target)}, libvirt "
                   f"{rel.libvirt} ({rel.name}) refuses it: {msg}")
    print(f"{rel.name}: fix sweep: {len(changed)} of {len(defined)} defined files changed, "
          f"{len(changed) - bad} of them still defined, {bad} refused; {time.time() - t3:.0f} s")

    # 5. the oracle's claims on this release
    t4 = time.time()
    oracle(rel)
    print(f"{rel.name}: oracle {time.time() - t4:.0f} s")
    print(f"{rel.name}: {tally.passed - passed0} passed, {tally.failed - failed0} failed; "
          f"{time.time() - t0:.0f} s in all")


def oracle(rel):
    import libvirt_oracle  # CLAIMS: what each rule says libvirt does
    has_kvm = os.path.exists("/dev/kvm")
    odir = rel.work / "oracle"
    odir.mkdir()
    cases = {}
    for rule in sorted(libvirt_oracle.CLAIMS):
        for case in sorted(Path("corpus", rule).glob("*.xml")):
            dst = odir / rule / case.name
            dst.parent.mkdir(exist_ok=True)
            # renamed as the oracle does: fixed-argv-absent strings must not
            # match the domain's name in the paths of the command line
            dst.write_text(libvirt_oracle.prepare(case.read_text(), f"virtlint-oracle-{len(cases)}", has_kvm))
            cases[(rule, case.name)] = (case, dst)
    fixed = {}
    for i, f in enumerate(sorted(Path("corpus").glob("**/*.xml.fixed"))):
        if Path(str(f)[:-len(".fixed")]).read_text() == f.read_text():
            continue  # the case withholds its fix: nothing was fixed to check
        dst = odir / "fixed" / f"{i}.xml"
        dst.parent.mkdir(exist_ok=True)
        dst.write_text(libvirt_oracle.prepare(f.read_text(), f"virtlint-oracle-fixed-{i}", has_kvm))
        fixed[f] = dst
        # its case too: a golden may keep a refusal of its case that no
        # rule fixes, never add one
        src = odir / "fixed" / f"{i}.case.xml"
        src.write_text(libvirt_oracle.prepare(Path(str(f)[:-len(".fixed")]).read_text(),
                                              f"virtlint-oracle-fixed-{i}", has_kvm))
        fixed[("case-of", f)] = src
    embed = rel.new_embed()
    jobs = []
    keys = list(cases) + list(fixed)
    for key in keys:
        dst = cases[key][1] if key in cases else fixed[key]
        name = quote(domain_name(dst.read_text()))
        p = quote(rel.inner(dst))
        jobs.append([f"define {p}", f"dumpxml --inactive {name}", f"undefine --nvram {name}",
                     f"domxml-to-native qemu-argv {p}"])
    res = dict(zip(keys, rel.virsh_batch(jobs, embed)))

    for (rule, case_name), (case, dst) in sorted(cases.items()):
        claim, text = libvirt_oracle.CLAIMS[rule]
        found, _ = rel.lint([dst], "--select", f"{rule},schema")
        if libvirt_oracle.silent_on_invalid(rule, found):
            continue
        fired = [f for f in found if f["rule"] == rule and f["severity"] in ("error", "warning")]
        claim, text = libvirt_oracle.as_said(claim, text, fired)  # per release, as the finding says
        (derr, _), (_, dumped), _, _ = res[(rule, case_name)]
        msg = " ".join(derr)
        where = f"{case} on {rel.name}: libvirt {rel.libvirt} {'refused' if derr else 'accepted'} it"
        if fired:
            EXERCISED.setdefault(release_label(rel), set()).add(rule)
        if fired and claim == "refuses":
            check_rule(rel, rule, bool(derr) and text in msg, f"{where}; {rule} says it refuses with \"{text}\" ({msg})")
        elif fired and claim == "drops":
            check_rule(rel, rule, not derr and not re.search(r"<(\w+:)?(commandline|override)\b", dumped),
                       f"{where}; {rule} says it accepts and drops the block")
        else:
            check_rule(rel, rule, not derr, f"{where}; expected it to be accepted ({msg})")
    argv_skipped = 0
    running = tuple(int(x) for x in rel.libvirt.split(".")[:2])
    for f, dst in sorted((k, v) for k, v in fixed.items() if isinstance(k, Path)):
        (derr, _), _, _, (aerr, argv) = res[f]
        (cerr, _), _, _, _ = res[("case-of", f)]
        verdict = libvirt_oracle.fixed_refusal(derr[-1] if derr else None, cerr[-1] if cerr else None,
                                               lambda: rel.lint([dst])[0])
        if verdict == "host":
            print(f"{rel.name}: not checked here (refused by this host's configuration): {f}: {' '.join(derr)}")
        else:
            check_rule(rel, f.parent.name, verdict == "ok",
                       f"{f}: libvirt {rel.libvirt} ({rel.name}) refuses the fixed domain ({' '.join(derr)})"
                       + (f", its case with ({' '.join(cerr)})" if cerr else ", and accepts its case"))
        wanted, unwanted, not_here = libvirt_oracle.fixed_claims(f, running)
        if not wanted and not unwanted:
            continue
        if aerr and host_dependent(" ".join(aerr)):
            argv_skipped += 1  # e.g. host-passthrough without KVM
            continue
        if aerr:
            result(False, f"{f} on {rel.name}: domxml-to-native failed ({' '.join(aerr)})")
            continue
        # libvirt 10 and later also write clusters=1 into -smp; the golden
        # strings were written from 9.0's command line
        argv = argv.replace(",clusters=1,", ",")
        for w in wanted:
            if not has_kvm:  # checked as mode='maximum' (libvirt_oracle.prepare)
                w = w.replace("-cpu host,", "-cpu max,")
            # "A || B": QEMU releases spell it differently (-no-hpet; hpet=off
            # in -machine from QEMU 8.x on)
            ok = any(alt in argv for alt in w.split(" || "))
            if not ok and not_here:
                print(f"{rel.name}: not checked here ({not_here}): {f}: QEMU command line lacks {w!r}")
                continue
            result(ok, f"{f} on {rel.name}: QEMU command line lacks {w!r}")
        for u in unwanted:
            if u in argv and not_here:
                print(f"{rel.name}: not checked here ({not_here}): {f}: QEMU command line still has {u!r}")
                continue
            result(u not in argv, f"{f} on {rel.name}: QEMU command line still has {u!r}")
    print(f"{rel.name}: oracle: {len(cases)} rule cases, {len(fixed)} golden fixes defined"
          + (f"; the command line of {argv_skipped} not checked: this host cannot run them "
             "(no KVM for host-passthrough)" if argv_skipped else ""))


def main():
    for corpus, d in CORPORA:
        if d.is_dir():
            continue
        # both suites are linted and defined on every release
        made = " (make corpus's download has 11.3's only)" if is_made(SHARED) else ""
        tally.skip(f"{d} not found: the release checks need libvirt 9.8's and 11.3's test suites, "
                   f"which only the shared corpus (../shared/corpus) has{made}; not checked")
        return tally.finish()
    names = ["trixie", "sid"]
    only = os.environ.get("VIRTLINT_RELEASES")  # e.g. "bookworm,trixie", to look at one or two
    if only:
        names = [n for n in names if n in only.split(",")]
    present = [n for n in names if (ROOTS / n / ".virtlint-packages").exists()]
    is_root = os.geteuid() == 0
    if present and is_root and not os.environ.get("VIRTLINT_RELEASES_NS"):
        # a private mount namespace: the roots' /proc, /sys, /dev die with us
        os.environ["VIRTLINT_RELEASES_NS"] = "1"
        os.execvp("unshare", ["unshare", "--mount", "--propagation", "private", sys.executable, *sys.argv])

    releases = [Release("bookworm", None)] if not only or "bookworm" in only.split(",") else []
    for n in names:
        if n not in present:
            tally.skip(f"{n}: build/roots/{n} is missing (tools/make-release-root.sh {n})")
            continue
        if not is_root:
            tally.skip(f"{n}: chroot needs root")
            continue
        build = subprocess.run(["tools/make-release-root.sh", "--build", n], capture_output=True, text=True)
        if build.returncode != 0:
            result(False, f"{n}: building virtlint in the root failed:\n{build.stdout[-1500:]}{build.stderr[-1500:]}")
            continue
        releases.append(Release(n, ROOTS / n))

    mounted = mount_roots([r.root for r in releases if r.root])
    try:
        for rel in releases:
            try:
                rel.setup()
                rules = {r["id"]: r for r in json.loads(rel.run(
                    [rel.virtlint, "--list-rules", "--format", "json"], check=True).stdout)}
                test_release(rel, rules)
            except (RuntimeError, subprocess.CalledProcessError, OSError) as e:
                result(False, f"{rel.name}: {e}")
            finally:
                rel.cleanup()
    finally:
        unmount(mounted)
    verified_releases(releases)
    return tally.finish()


def verified_releases(releases):
    """Write (--update) or check corpus/verified-releases.tsv."""
    labels = [release_label(r) for r in releases if getattr(r, "libvirt", None) and release_label(r) in EXERCISED]
    if len(labels) < 3:
        tally.skip(f"corpus/verified-releases.tsv not checked: {len(labels)} of 3 releases ran")
        return
    rules = {r["id"]: r for r in json.loads(subprocess.run(
        [HOST_VIRTLINT, "--list-rules", "--format", "json"], capture_output=True, text=True, check=True).stdout)}
    now = {}
    for rid, r in sorted(rules.items()):
        if r.get("refused_by") not in ("libvirt", "qemu"):
            continue
        on = [lb for lb in labels if rid in EXERCISED[lb] and rid not in RULE_FAILED.get(lb, set())]
        now[rid] = " ".join(on)
    if "--update" in sys.argv:
        with open(VERIFIED, "w") as out:
            out.write("# rule\treleases it was verified on (written by tests/libvirt_releases.py --update; "
                      "checked by it)\n")
            for rid, on in now.items():
                out.write(f"{rid}\t{on}\n")
        print(f"libvirt-releases: wrote {VERIFIED}; run make rules.md")
        return
    written = {}
    for line in VERIFIED.read_text().splitlines():
        if line and not line.startswith("#") and "\t" in line:
            rid, on = line.split("\t", 1)
            written[rid] = on.strip()
    for rid in sorted(set(now) | set(written)):
        result(now.get(rid) == written.get(rid),
               f"{VERIFIED}: {rid} is verified on '{now.get(rid, '')}' now, the file says "
               f"'{written.get(rid, '')}' (run tests/libvirt_releases.py --update, then make rules.md)")


if __name__ == "__main__":
    sys.exit(main())
