#!/usr/bin/env bash
# --add-suppressions over corpus/ and a sample of ../shared/corpus (every
# 10th file of libvirt-11.3/tests, all of realworld): afterwards each file
# lints clean at every severity, its diff is the inserted comments only, a
# second run changes nothing, the mode is kept; errors, --diff, stdin, the
# options' shapes; the <metadata> form on a live domain of the test driver.
set -u
VL=$(realpath "${1:-./virtlint}")
CORPUS=${VIRTLINT_SHARED_CORPUS:-../shared/corpus}
suite=add-suppressions
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"

reason="kept on purpose"
# an inserted comment, alone on its line or just before a start tag
comment="<!-- virtlint-disable(-file)? [a-z0-9, -]+: $reason -->"

# --- the corpora ---
need_shared "$CORPUS/realworld"
mkdir -p "$tmp/c/sample" "$tmp/c/realworld"
cp -r corpus "$tmp/c/cases"
find "$CORPUS/libvirt-11.3/tests" -name '*.xml' | sort | awk 'NR % 10 == 1' | while read -r f; do
    cp "$f" "$tmp/c/sample/"
done
cp "$CORPUS"/realworld/*.xml "$tmp/c/realworld/"
chmod -R u+w "$tmp/c"
find "$tmp/c" -name '*.xml' | sort >"$tmp/files"
first=$(head -1 "$tmp/files")
chmod 640 "$first"
cp -r "$tmp/c" "$tmp/before"
opts=(--no-config --no-cache --show-suggestions)

# the files virtlint cannot lint at all (not XML, not a domain) fail alike
"$VL" -q "${opts[@]}" --concise "$tmp/c" >"$tmp/lint0" 2>"$tmp/err0"
"$VL" -q "${opts[@]}" --add-suppressions="$reason" "$tmp/c" >"$tmp/out" 2>"$tmp/err"
rc=$?
sed -n 's/: error: .*//p' "$tmp/err0" | sort -u >"$tmp/unlintable"
sed -n 's/: error: .*//p' "$tmp/err" | sort -u >"$tmp/refused"
if [ "$rc" -eq 0 ] || { [ "$rc" -eq 2 ] && cmp -s "$tmp/unlintable" "$tmp/refused"; }; then pass; else
    fail "--add-suppressions over the corpora: exit $rc, or errors beyond the unlintable files"
    diff "$tmp/unlintable" "$tmp/refused" | head -10
fi
[ -s "$tmp/lint0" ] && pass || fail "the corpora had no findings to silence"
expect_no_grep "." "$tmp/out" "--add-suppressions prints no findings on stdout"

"$VL" -q "${opts[@]}" --concise --fail-on info "$tmp/c" >"$tmp/lint1" 2>/dev/null
expect_no_grep ": (error|warning|info): " "$tmp/lint1" "no finding at any severity after --add-suppressions"

# each changed file differs by inserted comments only: removing them gives
# back the original (files with suppressions of their own may have one
# extended instead, and are left to the lint above)
changed=0 pure=0
while read -r f; do
    rel=${f#"$tmp/c/"}
    cmp -s "$f" "$tmp/before/$rel" && continue
    changed=$((changed + 1))
    grep -q "virtlint-disable" "$tmp/before/$rel" && continue
    pure=$((pure + 1))
    if sed -E "/^[[:space:]]*$comment\r?\$/d; s/$comment//g" "$f" | cmp -s - "$tmp/before/$rel"; then pass; else
        fail "$rel: more than comments inserted"
        diff "$tmp/before/$rel" "$f" | head -6
    fi
done <"$tmp/files"
echo "$suite: $changed of $(wc -l <"$tmp/files") files changed, $pure checked byte for byte"
[ "$pure" -gt 100 ] && pass || fail "too few files changed to judge ($pure)"
[ "$(stat -c %a "$first")" = 640 ] && pass || fail "the mode of $first was not kept"

cp -r "$tmp/c" "$tmp/once"
expect_rc 0 "a second run" -- "$VL" -q "${opts[@]}" --add-suppressions="$reason" "$tmp/c/cases" "$tmp/c/realworld"
if diff -r "$tmp/once" "$tmp/c" >/dev/null; then pass; else fail "a second run changed files"; diff -r "$tmp/once" "$tmp/c" | head; fi

# --- one file: shapes, --diff, stdin, errors ---
win=examples/win11.xml
cp "$win" "$tmp/w.xml"
expect_rc 1 "--diff shows what would be written" -- "$VL" --no-config --add-suppressions --diff "$tmp/w.xml"
expect_grep "^\+ *<!-- virtlint-disable [a-z0-9, -]+ -->$" "$tmp/out" "the diff adds comments without a reason"
cmp -s "$win" "$tmp/w.xml" && pass || fail "--diff wrote the file"
expect_rc 0 "stdin: the document goes to stdout" -- sh -c "'$VL' --no-config --add-suppressions=why - <'$win'"
expect_grep "<!-- virtlint-disable [a-z0-9, -]+: why -->" "$tmp/out" "stdin's document with suppressions"
expect_grep "</domain>" "$tmp/out" "the whole document on stdout"
"$VL" --no-config - <"$tmp/out" >/dev/null 2>&1 && pass || fail "stdin's output does not lint clean"
expect_rc 2 "a reason XML comments cannot hold" -- "$VL" --no-config --add-suppressions="a -- b" "$tmp/w.xml"
expect_grep "cannot contain '--'" "$tmp/err" "the bad reason is named"
cmp -s "$win" "$tmp/w.xml" && pass || fail "a refused reason still wrote the file"
expect_rc 2 "--fix with --add-suppressions" -- "$VL" --fix --add-suppressions "$tmp/w.xml"
expect_grep "exclude each other" "$tmp/err" "--fix and --add-suppressions exclude each other"
expect_rc 0 "only the selected rules" -- "$VL" --no-config --select hyperv-dependency --add-suppressions "$tmp/w.xml"
expect_grep "virtlint-disable hyperv-dependency -->" "$tmp/w.xml" "the selected rule is silenced"
expect_no_grep "virtlint-disable [a-z0-9, -]*(uefi-snapshot|cpu-socket-limit)" "$tmp/w.xml" "rules not selected stay"
expect_rc 0 "the rest" -- "$VL" --no-config --add-suppressions "$tmp/w.xml"
expect_rc 0 "now clean" -- "$VL" --no-config "$tmp/w.xml"
# <vcpu> has two findings here: the second run extends the first's comment
cp corpus/boot-order-conflict/duplicate-order.xml "$tmp/two.xml"
expect_rc 0 "one rule of two" -- "$VL" --no-config --select cpu-socket-limit --add-suppressions "$tmp/two.xml"
expect_rc 0 "then the other" -- "$VL" --no-config --add-suppressions=why "$tmp/two.xml"
expect_grep "^  <!-- virtlint-disable cpu-socket-limit, cpu-win11-model: why -->$" "$tmp/two.xml" \
    "an existing comment right before the element gains the rule and the reason"
[ "$(grep -c "virtlint-disable cpu-" "$tmp/two.xml")" -eq 1 ] && pass || fail "a second comment on <vcpu>"

# --- live: the <metadata> form ---
export XDG_STATE_HOME=$tmp/state
cat >"$tmp/node.xml" <<'EOF'
<node>
  <domain type='test'>
    <name>suppressme</name>
    <uuid>7e1f0c1e-5a2b-4c3d-9e8f-0a1b2c3d4e5f</uuid>
    <memory>1048576</memory>
    <vcpu>2</vcpu>
    <os><type arch='x86_64' machine='pc-q35-8.2'>hvm</type></os>
    <devices>
      <watchdog model='i6300esb' action='shutdown'/>
    </devices>
  </domain>
</node>
EOF
uri="test://$tmp/node.xml"
if ! virsh -c "$uri" dumpxml --inactive suppressme >"$tmp/live.xml" 2>"$tmp/err"; then
    skip_rest "virsh cannot read the test driver ($(head -1 "$tmp/err")): install libvirt-clients"
fi
expect_rc 1 "a live domain without --define: the diff" -- "$VL" --no-config --show-suggestions -c "$uri" \
    --domain suppressme --add-suppressions="$reason"
cp "$tmp/out" "$tmp/live.diff"
expect_grep "^\+ *<virtlint:disable rules='[a-z0-9,-]+: $reason'/>" "$tmp/live.diff" "the diff adds <virtlint:disable> in <metadata>"
expect_no_grep "^\+.*<!--" "$tmp/live.diff" "no comment for a live domain: libvirt drops them"
# the diff applied to virsh's definition lints clean
if (cd "$tmp" && patch -s live.xml <live.diff); then pass; else fail "the live diff does not apply to virsh dumpxml"; fi
expect_rc 0 "the <metadata> form silences the domain" -- "$VL" --no-config --show-suggestions --fail-on info "$tmp/live.xml"
expect_rc 0 "--define writes it (test driver)" -- "$VL" --no-config -c "$uri" --domain suppressme --add-suppressions --define
expect_grep "new definition defined" "$tmp/err" "the definition is defined"
expect_grep "previous definition saved" "$tmp/err" "a backup first"

# the real libvirtd: the <metadata> survives the define
if ! virsh -c qemu:///system version >/dev/null 2>&1; then
    skip_rest "no libvirtd on qemu:///system: run tools/start-libvirtd.sh as root"
fi
dom=virtlint-suppress-test
trap 'rm -rf "$tmp"; virsh -c qemu:///system undefine "$dom" >/dev/null 2>&1' EXIT
sed -e "s/<name>[^<]*<\/name>/<name>$dom<\/name>/" -e "s/<domain type='kvm'/<domain type='qemu'/" \
    corpus/hyperv-dependency/stimer-without-synic.xml >"$tmp/dom.xml"
virsh -c qemu:///system define "$tmp/dom.xml" >/dev/null 2>"$tmp/err" || fail "virsh define: $(cat "$tmp/err")"
expect_rc 1 "the libvirtd domain has findings" -- "$VL" --no-config -c qemu:///system -d "$dom"
expect_rc 0 "--add-suppressions --define (libvirtd)" -- "$VL" --no-config -c qemu:///system -d "$dom" \
    --add-suppressions="$reason" --define
expect_rc 0 "it lints clean afterwards" -- "$VL" --no-config -c qemu:///system -d "$dom"
virsh -c qemu:///system dumpxml "$dom" >"$tmp/after.xml"
expect_grep "<virtlint:disable rules=[\"'][a-z0-9,-]+: $reason[\"']/>" "$tmp/after.xml" "libvirt kept the <metadata>"
expect_rc 0 "a second run changes nothing" -- "$VL" --no-config -c qemu:///system -d "$dom" \
    --add-suppressions="$reason" --define
expect_no_grep "defined" "$tmp/err" "nothing to define the second time"

finish
