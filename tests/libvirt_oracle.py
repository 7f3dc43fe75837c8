#!/usr/bin/env python3
"""Checks what the rules claim about libvirt against a real libvirtd.

For the rules whose message says what libvirt does with a configuration, each
corpus case of that rule is defined on qemu:///system: where the rule fires,
libvirt must do what the rule says (refuse with the quoted error, accept, or
accept and drop the element); where it does not fire, libvirt must accept the
domain.

Every golden fix output (corpus/**/*.xml.fixed) must be accepted by libvirt
(also where the input was refused), unless libvirt refuses its case with
the same message (a refusal no fix removes: the fix added none), and `virsh domxml-to-native qemu-argv`
of it must contain each string a `<!-- fixed-argv: TEXT -->` comment names
and none a `<!-- fixed-argv-absent: TEXT -->` one ("A || B": either), the
claims of X.xml.fixed and of its case X.xml alike: a claim in a case is a
claim on its golden.  (A claim in a case without a golden is an error the
corpus runner reports, so it is caught without libvirt.)  The claims of a
case that targets a newer libvirt than the daemon's (lint-options:
libvirt=X.Y) that do not hold here are only noted: the release tests check
them on newer releases.

Without a reachable libvirtd the test skips, except in CI (VIRTLINT_TEST_NO_SKIP=1).
"""
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tally import Tally  # noqa: E402
from refusals import host_dependent  # noqa: E402

VIRTLINT = sys.argv[1] if len(sys.argv) > 1 else "./virtlint"
URI = "qemu:///system"

# "as-said": the finding says, for the release it targets, whether libvirt
# refuses; a quoted message containing TEXT is libvirt's refusal (see as_said)
CLAIMS = {
    "cpu-topology-mismatch": ("refuses", "CPU topology doesn't match maximum vcpu count"),
    "virtiofs-shared-memory": ("refuses", "requires shared memory"),
    "hyperv-dependency": ("as-said", "hyperv feature requires"),
    "qemu-namespace": ("drops", None),
}


def everything_said(f):
    """A finding's headline, help and notes (libvirt's quoted refusals are in
    the notes), one per line."""
    return "\n".join([f["message"], f.get("help") or "", *f.get("notes", [])])


def as_said(claim, text, fired):
    """An "as-said" claim on one case, from the findings FIRED: "refuses"
    with the quoted message when a finding quotes one containing TEXT (the
    piece alone when they quote several), else "accepts"."""
    if claim != "as-said":
        return claim, text
    said = {q for f in fired for q in re.findall(r'"([^"]*)"', everything_said(f)) if text in q}
    if not said:
        return "accepts", None
    return "refuses", said.pop() if len(said) == 1 else text

tally = Tally("libvirt-oracle")
result = tally.check


def virsh(*args):
    return subprocess.run(["virsh", "-q", "-c", URI, *args], capture_output=True, text=True)


def prepare(xml, name, has_kvm):
    # comments go first: a case's intents quote elements (fix-removes:
    # <domain type='kvm'>) that the rewrites below must not take for the
    # domain's own, and libvirt drops comments anyway
    xml = re.sub(r"<!--.*?-->", "", xml, flags=re.S)
    xml = re.sub(r"<name>[^<]*</name>", f"<name>{name}</name>", xml, count=1)
    if not has_kvm:  # libvirt refuses type='kvm' where KVM is missing
        xml = re.sub(r"<domain type=(['\"])kvm\1", "<domain type='qemu'", xml, count=1)
        # ...and host-passthrough under TCG; 'maximum' is TCG's equivalent,
        # with the same -cpu properties after the model name
        xml = re.sub(r"mode=(['\"])host-passthrough\1", "mode='maximum'", xml)
    return xml


def claims(*texts):
    """The fixed-argv and fixed-argv-absent claims of TEXTS, each once, in
    the order written."""
    wanted, unwanted = [], []
    for text in texts:
        for kind, claim in re.findall(r"<!--\s*fixed-argv(-absent)?:\s*(.*?)\s*-->", text, re.S):
            into = unwanted if kind else wanted
            if claim not in into:
                into.append(claim)
    return wanted, unwanted


def target_libvirt(text):
    """The libvirt release a case targets (lint-options: libvirt=X.Y) as a
    (major, minor) tuple, or None when it takes the runner's default, 9.0."""
    m = re.search(r"<!--\s*lint-options:[^>]*\blibvirt=(\d+)\.(\d+)", text)
    return (int(m.group(1)), int(m.group(2))) if m else None


def daemon_libvirt():
    """The release of the libvirtd on URI as (major, minor), or None."""
    m = re.search(r"daemon:\s*(\d+)\.(\d+)", virsh("version", "--daemon").stdout)
    return (int(m.group(1)), int(m.group(2))) if m else None


def fixed_claims(fixed, running):
    """The fixed-argv and fixed-argv-absent claims on the golden FIXED,
    written in it or in its case, and why a claim that fails on a libvirt of
    release RUNNING ((major, minor) or None) is not a failure, or None: a
    case that targets a newer libvirt than RUNNING may claim what only that
    release generates (<blockio discard_granularity> from 9.8 on)."""
    text = fixed.read_text()
    original = Path(str(fixed)[:-len(".fixed")])
    source = original.read_text() if original.exists() else ""
    wanted, unwanted = claims(source, text)
    target = target_libvirt(source or text)
    if running and target and target > running:
        return wanted, unwanted, f"the case targets libvirt {target[0]}.{target[1]}, newer than {running[0]}.{running[1]}"
    return wanted, unwanted, None


def refusal(xml, name, has_kvm):
    """libvirt's last line of error defining XML, or None when it accepts it."""
    with tempfile.NamedTemporaryFile("w", suffix=".xml") as tmp:
        tmp.write(prepare(xml, name, has_kvm))
        tmp.flush()
        define = virsh("define", tmp.name)
    if define.returncode == 0:
        virsh("undefine", "--nvram", name)
        return None
    return define.stderr.strip().splitlines()[-1]


def silent_on_invalid(rule, findings):
    """Whether RULE is silent on a case the schema rule refuses (threads='0'):
    libvirt's verdict on it is the schema rule's business, RULE claims
    nothing of it.  FINDINGS: virtlint's JSON with RULE and schema selected."""
    fired = any(f["rule"] == rule and f["severity"] in ("error", "warning") for f in findings)
    return not fired and any(f["rule"] == "schema" for f in findings)


def fixed_refusal(error, before, findings_of_fixed):
    """How libvirt's refusal ERROR of a golden fix is judged, given its
    case's refusal BEFORE (None: accepted): "ok", "host" (only noted) or
    "fail".  A golden may keep its case's refusal (the fix added none).
    libvirt names only the first problem it meets, so a case with two
    (rename-restart and a refused action pair) is refused for the second
    once the fix removed the first: that is no new refusal when virtlint
    still reports it on the golden (FINDINGS_OF_FIXED() quotes it).  A
    refusal of this host's configuration (qemu.conf without spice TLS) the
    fix uncovered is not the document's."""
    if error is None or error == before:
        return "ok"
    if before is None:
        return "fail"
    if host_dependent(error):
        return "host"
    quoted = {q for f in findings_of_fixed() if f["severity"] == "error"
              for q in re.findall(r'"([^"]*)"', everything_said(f))}
    return "ok" if any(q and q in error for q in quoted) else "fail"


def lint_json(path, *options):
    out = subprocess.run([VIRTLINT, "--format", "json", "--show-suggestions", *options, str(path)], capture_output=True, text=True)
    return json.loads(out.stdout)


def check_fixed(has_kvm):
    running = daemon_libvirt()
    for i, fixed in enumerate(sorted(Path("corpus").glob("**/*.xml.fixed"))):
        text = fixed.read_text()
        original = Path(str(fixed)[:-len(".fixed")])
        source = original.read_text() if original.exists() else ""
        wanted, unwanted, not_here = fixed_claims(fixed, running)
        if source == text and not wanted and not unwanted:
            continue  # nothing was fixed and nothing is claimed of it
        name = f"virtlint-oracle-fixed-{i}"
        with tempfile.NamedTemporaryFile("w", suffix=".xml") as tmp:
            tmp.write(prepare(text, name, has_kvm))
            tmp.flush()
            define = virsh("define", tmp.name)
            argv = virsh("domxml-to-native", "qemu-argv", tmp.name)
        if define.returncode == 0:
            virsh("undefine", "--nvram", name)
            result(True, "")
        else:
            # a refusal no rule fixes (a watchdog model this libvirt lacks,
            # a <sysinfo> UUID that is not the domain's) may stay: the fix
            # must add none, so its case is refused with the same message
            error = define.stderr.strip().splitlines()[-1]
            before = refusal(source, name, has_kvm) if source else None
            verdict = fixed_refusal(error, before, lambda: lint_json(fixed))
            if verdict == "host":
                print(f"libvirt-oracle: not checked here (refused by this host's configuration): {fixed}: {error}")
                continue
            result(verdict == "ok", f"{fixed}: libvirt refuses the fixed domain ({error})"
                   + (f", its case with {before!r}" if before else ", and accepts its case"))
        if not wanted and not unwanted:
            continue
        def claim_holds(ok, message):
            # what fails on an older libvirt than the case targets is noted
            if ok or not not_here:
                result(ok, message)
            else:
                print(f"libvirt-oracle: not checked here ({not_here}): {message}")
        if argv.returncode != 0:
            claim_holds(False, f"{fixed}: domxml-to-native failed ({argv.stderr.strip()})")
            continue
        for w in wanted:
            if not has_kvm:  # checked as mode='maximum' (prepare)
                w = w.replace("-cpu host,", "-cpu max,")
            # "A || B": QEMU releases spell it differently (-no-hpet; hpet=off
            # in -machine from QEMU 8.x on)
            claim_holds(any(alt in argv.stdout for alt in w.split(" || ")), f"{fixed}: QEMU command line lacks {w!r}")
        for u in unwanted:
            claim_holds(u not in argv.stdout, f"{fixed}: QEMU command line still has {u!r}")


def main():
    if virsh("version").returncode != 0:
        tally.skip("libvirtd is not reachable on qemu:///system (run tools/start-libvirtd.sh as root)")
        return tally.finish()

    has_kvm = os.path.exists("/dev/kvm")
    for n, (rule, (claim, text)) in enumerate(sorted(CLAIMS.items())):
        for i, case in enumerate(sorted(Path("corpus", rule).glob("*.xml"))):
            findings = lint_json(case, "--select", f"{rule},schema")
            if silent_on_invalid(rule, findings):
                continue
            fired = [f for f in findings if f["rule"] == rule and f["severity"] in ("error", "warning")]
            claim, text = as_said(*CLAIMS[rule], fired)
            name = f"virtlint-oracle-{n}-{i}"
            xml = prepare(case.read_text(), name, has_kvm)
            with tempfile.NamedTemporaryFile("w", suffix=".xml") as tmp:
                tmp.write(xml)
                tmp.flush()
                define = virsh("define", tmp.name)
            dumped = virsh("dumpxml", "--inactive", name).stdout if define.returncode == 0 else ""
            if define.returncode == 0:
                virsh("undefine", "--nvram", name)

            where = f"{case}: libvirt {'refused' if define.returncode else 'accepted'} it"
            if fired and claim == "refuses":
                result(define.returncode != 0 and text in define.stderr,
                       f"{where}; {rule} says it refuses with \"{text}\" ({define.stderr.strip()})")
            elif fired and claim == "drops":
                result(define.returncode == 0 and not re.search(r"<(\w+:)?(commandline|override)\b", dumped),
                       f"{where}; {rule} says it accepts and drops the block")
            else:
                # the rule says libvirt accepts it, or the rule is silent
                result(define.returncode == 0, f"{where}; expected it to be accepted ({define.stderr.strip()})")
    check_fixed(has_kvm)
    return tally.finish()


if __name__ == "__main__":
    sys.exit(main())
