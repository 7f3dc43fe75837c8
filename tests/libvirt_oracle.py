#!/usr/bin/env python3
"""Checks what the rules claim about libvirt against a real libvirtd.

For the rules whose message says what libvirt does with a configuration, each
corpus case of that rule is defined on qemu:///system: where the rule fires,
libvirt must do what the rule says (refuse with the quoted error, accept, or
accept and drop the element); where it does not fire, libvirt must accept the
domain.

Every golden fix output (corpus/**/*.xml.fixed) must be accepted by libvirt
(also where the input was refused), and `virsh domxml-to-native qemu-argv`
of it must contain each string its `<!-- fixed-argv: TEXT -->` comments name
and none of its `<!-- fixed-argv-absent: TEXT -->` ones ("A || B": either).

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


def as_said(claim, text, fired):
    """An "as-said" claim on one case, from the findings FIRED: "refuses"
    with the quoted message when a finding quotes one containing TEXT (the
    piece alone when they quote several), else "accepts"."""
    if claim != "as-said":
        return claim, text
    said = {q for f in fired for q in re.findall(r'"([^"]*)"', f["message"]) if text in q}
    if not said:
        return "accepts", None
    return "refuses", said.pop() if len(said) == 1 else text

tally = Tally("libvirt-oracle")
result = tally.check


def virsh(*args):
    return subprocess.run(["virsh", "-q", "-c", URI, *args], capture_output=True, text=True)


def prepare(xml, name, has_kvm):
    xml = re.sub(r"<name>[^<]*</name>", f"<name>{name}</name>", xml, count=1)
    if not has_kvm:  # libvirt refuses type='kvm' where KVM is missing
        xml = re.sub(r"<domain type=(['\"])kvm\1", "<domain type='qemu'", xml, count=1)
        # ...and host-passthrough under TCG; 'maximum' is TCG's equivalent,
        # with the same -cpu properties after the model name
        xml = re.sub(r"mode=(['\"])host-passthrough\1", "mode='maximum'", xml)
    return xml


def check_fixed(has_kvm):
    for i, fixed in enumerate(sorted(Path("corpus").glob("**/*.xml.fixed"))):
        text = fixed.read_text()
        original = Path(str(fixed)[:-len(".fixed")])
        if original.exists() and original.read_text() == text:
            continue  # the case withholds its fix: nothing was fixed to check
        name = f"virtlint-oracle-fixed-{i}"
        with tempfile.NamedTemporaryFile("w", suffix=".xml") as tmp:
            tmp.write(prepare(text, name, has_kvm))
            tmp.flush()
            define = virsh("define", tmp.name)
            argv = virsh("domxml-to-native", "qemu-argv", tmp.name)
        if define.returncode == 0:
            virsh("undefine", "--nvram", name)
        result(define.returncode == 0, f"{fixed}: libvirt refuses the fixed domain ({define.stderr.strip()})")
        wanted = re.findall(r"<!--\s*fixed-argv:\s*(.*?)\s*-->", text)
        unwanted = re.findall(r"<!--\s*fixed-argv-absent:\s*(.*?)\s*-->", text)
        if not wanted and not unwanted:
            continue
        if argv.returncode != 0:
            result(False, f"{fixed}: domxml-to-native failed ({argv.stderr.strip()})")
            continue
        for w in wanted:
            if not has_kvm:  # checked as mode='maximum' (prepare)
                w = w.replace("-cpu host,", "-cpu max,")
            # "A || B": QEMU releases spell it differently (-no-hpet; hpet=off
            # in -machine from QEMU 8.x on)
            result(any(alt in argv.stdout for alt in w.split(" || ")), f"{fixed}: QEMU command line lacks {w!r}")
        for u in unwanted:
            result(u not in argv.stdout, f"{fixed}: QEMU command line still has {u!r}")


def main():
    if virsh("version").returncode != 0:
        tally.skip("libvirtd is not reachable on qemu:///system (run tools/start-libvirtd.sh as root)")
        return tally.finish()

    has_kvm = os.path.exists("/dev/kvm")
    for n, (rule, (claim, text)) in enumerate(sorted(CLAIMS.items())):
        for i, case in enumerate(sorted(Path("corpus", rule).glob("*.xml"))):
            out = subprocess.run([VIRTLINT, "--format", "json", "--select", rule, str(case)],
                                 capture_output=True, text=True)
            fired = [f for f in json.loads(out.stdout) if f["severity"] in ("error", "warning")]
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
