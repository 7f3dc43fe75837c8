#!/usr/bin/env python3
"""Agreement with libvirt's own test suite (../shared/corpus/libvirt-tests,
libvirt 9.8's, so virtlint targets 9.8 here).

- Files libvirt accepts (not in EXPECTED_ERRORS.tsv): no rule that says
  libvirt refuses something may report an error on them.  Rules that say
  QEMU refuses something may, where QEMU really would: each such finding is
  written down, with the reason, in corpus/libvirt-tests-qemu-refusals.tsv,
  and the list must match exactly.
- Files libvirt refuses: where a rule's libvirt_error matches libvirt's
  message, that rule must report an error on the file.  The coverage (files
  some rule explains / all refused files) is printed.
"""
import csv
import json
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tally import Tally  # noqa: E402
from corpusdir import shared_corpus  # noqa: E402

VIRTLINT = sys.argv[1] if len(sys.argv) > 1 else "./virtlint"
TESTS = shared_corpus() / "libvirt-tests"
REFUSALS = Path("corpus/libvirt-tests-qemu-refusals.tsv")

tally = Tally("libvirt-agreement")
result = tally.check


def main():
    if not TESTS.is_dir():
        # its expected results (REFUSALS, REAL_REFUSALS) name 9.8's files
        tally.skip(f"{TESTS} not found: libvirt 9.8's test suite, which only the shared corpus has "
                   "(make corpus downloads 11.3's, which this test's lists do not describe); not checked")
        return tally.finish()
    rules = {r["id"]: r for r in json.loads(subprocess.run(
        [VIRTLINT, "--list-rules", "--format", "json"], capture_output=True, text=True, check=True).stdout)}
    with open(TESTS / "EXPECTED_ERRORS.tsv") as f:
        expected = {row["xml_file"]: row["libvirt_error_message"] for row in csv.DictReader(f, delimiter="\t")}
    with open(REFUSALS) as f:
        written = {(row["file"], row["rule"]): row["reason"]
                   for row in csv.DictReader((l for l in f if not l.startswith("#")), delimiter="\t")}

    # libvirt 9.8's own test suite: its verdicts are 9.8's
    out = subprocess.run([VIRTLINT, "--format", "json", "--fail-on", "error", "--ignore", "schema",
                          "--libvirt-version", "9.8", str(TESTS)],
                         capture_output=True, text=True)
    findings = {}
    for f in json.loads(out.stdout):
        findings.setdefault(Path(f["file"]).name, []).append(f)

    # Files libvirt 9.8's test suite accepts (its recorded capabilities,
    # parsing only) that real libvirt 9.0, 11.3 and 12.8 refuse at define:
    # a rule that reports them is right.  Each with the reason.
    REAL_REFUSALS = {
        ("disk-network-ssh-key.xml", "disk-target-duplicate"):
            "two disks with target vda; libvirt 9.0, 11.3 and 12.8 refuse it (\"target 'vda' duplicated "
            "for disk sources\"), and 11.3's copy of the test renames the second to vdb",
    }

    seen_qemu, seen_real = set(), set()
    for path in sorted(TESTS.glob("*.xml")):
        name = path.name
        errors = [f for f in findings.get(name, []) if f["severity"] == "error"]
        if name in expected:
            continue
        for f in errors:
            if (name, f["rule"]) in REAL_REFUSALS:
                seen_real.add((name, f["rule"]))
                continue
            who = rules[f["rule"]]["refused_by"]
            if who == "libvirt":
                result(False, f"{name}:{f['line']}: {f['rule']} says libvirt refuses this, "
                              f"but libvirt's test suite accepts the file: {f['message']}")
            elif who == "qemu":
                seen_qemu.add((name, f["rule"]))
                result((name, f["rule"]) in written,
                       f"{name}: {f['rule']} (QEMU refuses) fires; write it down in {REFUSALS} with the reason")
    for key in sorted(set(REAL_REFUSALS) - seen_real):
        result(False, f"{key[0]} / {key[1]} is written down as a real refusal but no longer fires")
    for key in sorted(set(written) - seen_qemu):
        result(False, f"{REFUSALS} lists {key[0]} / {key[1]}, which no longer fires")

    covered = 0
    for name, message in sorted(expected.items()):
        fired = {f["rule"] for f in findings.get(name, []) if f["severity"] == "error"}
        claims = [rid for rid, r in rules.items() if r.get("libvirt_error") and r["libvirt_error"] in message]
        if claims:
            ok = any(c in fired for c in claims)
            result(ok, f"{name}: libvirt says \"{message}\", which {'/'.join(claims)} covers, but it did not fire")
            covered += ok
    print(f"libvirt-agreement: coverage: {covered} of {len(expected)} files libvirt refuses are explained by a rule")
    return tally.finish()


if __name__ == "__main__":
    sys.exit(main())
