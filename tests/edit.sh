#!/usr/bin/env bash
# --edit: `virsh edit`, checked.  A scripted $EDITOR (tests/edit.sh writes
# it below) applies the sed script N.sed on its Nth run and keeps what it
# was given; the answers to the prompts come on stdin.  Files first, then
# libvirt's test driver, then a throwaway domain on the real libvirtd.
set -u
VL=$(realpath "${1:-./virtlint}")
here=$(pwd)
suite=edit
tmp=$(mktemp -d)
dom=virtlint-edit-test
cleanup() {
    chmod -R u+w "$tmp"
    rm -rf "$tmp"
    [ -n "${libvirtd:-}" ] && virsh -c qemu:///system undefine "$dom" >/dev/null 2>&1
}
trap cleanup EXIT
. "$(dirname "$0")/lib.sh"
export XDG_STATE_HOME=$tmp/state
export TMPDIR=$tmp/private      # where the private copies go (g_get_tmp_dir)
mkdir -p "$TMPDIR"
unset VISUAL

ed=$tmp/ed                      # the editor's scripts, run count and what it saw
cat >"$tmp/editor" <<'EOF'
#!/usr/bin/env bash
# a scripted editor: run N applies $ED_DIR/N.sed to the file (the last
# argument) and keeps a copy of what it was given and its arguments
file=${!#}
n=$(( $(cat "$ED_DIR/count" 2>/dev/null || echo 0) + 1 ))
echo "$n" >"$ED_DIR/count"
cp "$file" "$ED_DIR/given.$n"
stat -c %a "$file" >"$ED_DIR/mode.$n"
printf '%s\n' "$@" >"$ED_DIR/args.$n"
[ -f "$ED_DIR/$n.sed" ] && sed -i -f "$ED_DIR/$n.sed" "$file"
exit 0
EOF
chmod +x "$tmp/editor"
export ED_DIR=$ed EDITOR=$tmp/editor

# new_session SED...: a fresh editor whose Nth run applies the Nth script
new_session() {
    rm -rf "$ed"
    mkdir -p "$ed"
    local n=1
    for script in "$@"; do
        printf '%s\n' "$script" >"$ed/$n.sed"
        n=$((n + 1))
    done
}

# edit_rc WANT DESCRIPTION ANSWERS -- ARGS...: run virtlint --edit ARGS with
# ANSWERS (printf format) on stdin
edit_rc() {
    local want=$1 what=$2 answers=$3; shift 4
    printf "$answers" | "$VL" "$@" >"$tmp/out" 2>"$tmp/err"
    local rc=$?
    if [ "$rc" -eq "$want" ]; then pass; else fail "$what: exit $rc, wanted $want"; sed 's/^/  | /' "$tmp/err" | head -8; fi
}

runs() { cat "$ed/count" 2>/dev/null || echo 0; }
no_copies_left() {
    if [ -z "$(ls -A "$TMPDIR")" ]; then pass; else fail "$1: private copies left: $(ls "$TMPDIR")"; fi
}
# the private copy a message names ("your edits are kept in PATH")
kept_copy() { sed -n 's/.*your edits are kept in \(.*\)$/\1/p' "$tmp/err" | tail -1; }

orig=corpus/whole/win11-desktop-tuned.xml         # one suggestion, no problem
vm=$tmp/vms/vm.xml
reset_vm() { mkdir -p "$tmp/vms"; rm -f "$vm"; cp "$orig" "$vm"; chmod 640 "$vm"; rm -rf "${TMPDIR:?}"/*; }
drop_vpindex="s|<vpindex state='on'/>||"          # three hyperv-dependency errors, fixable

# -- files --------------------------------------------------------------

# unchanged: said so, nothing written, no copy left
reset_vm; new_session
edit_rc 0 "unchanged" "" -- --edit "$vm"
expect_grep "^$vm: not changed$" "$tmp/err" "an unchanged edit is said so"
cmp -s "$vm" "$orig" && pass || fail "an unchanged edit wrote the file"
[ "$(runs)" = 1 ] && pass || fail "the editor ran $(runs) times, wanted 1"
cmp -s "$ed/given.1" "$orig" && pass || fail "the editor was not given the file's text"
case $(tail -1 "$ed/args.1") in
    "$TMPDIR"/virtlint-vm-*.xml) pass ;;
    *) fail "the editor got '$(tail -1 "$ed/args.1")', wanted a private copy under \$TMPDIR named after vm.xml" ;;
esac
[ "$(cat "$ed/mode.1")" = 600 ] && pass || fail "the private copy is not private: mode $(cat "$ed/mode.1")"
no_copies_left "unchanged"

# a finding shown, the safe fixes applied (diff shown), saved atomically, mode kept
reset_vm; new_session "$drop_vpindex"
inode=$(stat -c %i "$vm")
edit_rc 0 "fix, then save" 'a\n' -- --edit "$vm"
expect_grep "^$vm:34:7: error: \[\*\] <synic>: Hyper-V enlightenment on but <vpindex> is not \[hyperv-dependency\]$" "$tmp/out" "the finding is shown as text output shows it"
expect_grep "^ *\| *\^+$" "$tmp/out" "with the source excerpt"
expect_grep "^$vm: 3 problems \(3 errors, 0 warnings\), \[\*\] 3 fixable\.$" "$tmp/out" "a summary of what the edit broke"
expect_grep "^Try again\? \[y,n,a,f,\?\]: a$" "$tmp/out" "virsh's prompt, with a for the fixes"
expect_grep "^\+ *<vpindex state='on'/>$" "$tmp/out" "the fix is shown as a diff"
expect_grep "^$vm: saved$" "$tmp/err" "saved"
grep -q "<vpindex state='on'/>" "$vm" && pass || fail "the fixed text was not saved"
"$VL" -q --select hyperv-dependency "$vm" >/dev/null && pass || fail "the saved file still has findings"
[ "$(stat -c %a "$vm")" = 640 ] && pass || fail "mode not kept: $(stat -c %a "$vm")"
[ "$(stat -c %i "$vm")" != "$inode" ] && pass || fail "written in place, not replaced atomically (same inode)"
ls -A "$tmp/vms" | grep -q '^\.virtlint-' && fail "a temporary file left beside the file" || pass
no_copies_left "saved"

# abandon: the file untouched, the edits in the file named
reset_vm; new_session "$drop_vpindex"
edit_rc 1 "abandon" 'n\n' -- --edit "$vm"
cmp -s "$vm" "$orig" && pass || fail "an abandoned edit wrote the file"
copy=$(kept_copy)
if [ -n "$copy" ] && [ -f "$copy" ]; then pass; else fail "abandoning names no file with the edits: $(cat "$tmp/err")"; fi
[ -f "$copy" ] && ! grep -q "<vpindex" "$copy" && pass || fail "the kept file lacks the edit"
expect_grep "^$vm: nothing saved; your edits are kept in " "$tmp/err" "abandoning says nothing was saved"

# the end of the answers is abandoning too
reset_vm; new_session "$drop_vpindex"
edit_rc 1 "EOF abandons" "" -- --edit "$vm"
cmp -s "$vm" "$orig" && pass || fail "EOF wrote the file"
[ -f "$(kept_copy)" ] && pass || fail "EOF keeps no copy"

# ? explains the answers, an unknown one asks again
reset_vm; new_session "$drop_vpindex"
edit_rc 1 "? then x then n" '?\nx\nn\n' -- --edit "$vm"
expect_grep "^a - apply the safe fixes" "$tmp/out" "? explains a"
expect_grep "^f - force, save it with these findings$" "$tmp/out" "? explains f"
[ "$(grep -c '^Try again?' "$tmp/out")" = 3 ] && pass || fail "wanted 3 prompts for ?, x and n"

# force: saved with its findings
reset_vm; new_session "$drop_vpindex"
edit_rc 0 "force" 'f\n' -- --edit "$vm"
grep -q "<vpindex" "$vm" && fail "force did not save the edit" || pass

# edit again: the editor gets the edited text back; then the session goes on
reset_vm; new_session "$drop_vpindex" "s|<synic state='on'/>|<synic state='on'/><vpindex state='on'/>|"
edit_rc 0 "edit again, then clean" 'y\n' -- --edit "$vm"
[ "$(runs)" = 2 ] && pass || fail "the editor ran $(runs) times, wanted 2"
grep -q "<vpindex" "$ed/given.2" && fail "the second run was not given the first run's edits" || pass
expect_grep "^$vm: saved$" "$tmp/err" "clean after the second edit: saved without asking"

# malformed XML: reported with its line, offered again (no fix, no force)
reset_vm; new_session "s|<domain type|<domain bad type|" "s|<domain bad type|<domain type|; s|<vcpu |<vcpu current='6' |"
edit_rc 0 "malformed, edited again" 'y\n' -- --edit "$vm"
expect_grep "^$vm:4:[0-9]+: error: .*attribute bad" "$tmp/err" "the parse error names the file and line"
expect_grep "^Try again\? \[y,n,\?\]: y$" "$tmp/out" "only edit again or give up"
grep -q "<domain bad type" "$ed/given.2" && pass || fail "the malformed text was not offered again"
grep -q "<vcpu current='6'" "$vm" && pass || fail "the second edit was not saved"
new_session "s|<domain type|<domain bad type|"
reset_vm
edit_rc 1 "malformed, abandoned" 'n\n' -- --edit "$vm"
grep -q "<domain bad type" "$(kept_copy)" && pass || fail "the malformed edit is not kept"

# the .virtlintrc that applies to the file applies to the edit
reset_vm; new_session "$drop_vpindex"
printf '[virtlint]\nignore = hyperv-dependency\n' >"$tmp/vms/.virtlintrc"
edit_rc 0 "the file's .virtlintrc" "" -- --edit "$vm"
expect_no_grep "hyperv-dependency" "$tmp/out" "the ignored rule is not reported"
grep -q "<vpindex" "$vm" && fail "saved without asking: the edit should be in the file" || pass
rm "$tmp/vms/.virtlintrc"

# a file changed while it was edited is not overwritten unless forced
reset_vm; new_session "s|<vcpu |<vcpu current='6' |"
printf '#!/bin/sh\n"%s" "$@"; echo "<!-- meanwhile -->" >>"%s"\n' "$tmp/editor" "$vm" >"$tmp/editor-racing"
chmod +x "$tmp/editor-racing"
EDITOR=$tmp/editor-racing edit_rc 1 "changed meanwhile, abandoned" 'n\n' -- --edit "$vm"
expect_grep "changed on disk while you edited it" "$tmp/err" "a concurrent change is reported"
grep -q "meanwhile" "$vm" && ! grep -q "current='6'" "$vm" && pass || fail "the concurrent change was overwritten"
reset_vm; new_session "s|<vcpu |<vcpu current='6' |"
EDITOR=$tmp/editor-racing edit_rc 0 "changed meanwhile, forced" 'f\n' -- --edit "$vm"
grep -q "current='6'" "$vm" && pass || fail "force did not overwrite"

# a write that fails keeps the edits
reset_vm; new_session "s|<vcpu |<vcpu current='6' |"
chmod 444 "$vm"
edit_rc 1 "read-only file" 'n\n' -- --edit "$vm"
expect_grep "^$vm: error: .*read-only" "$tmp/err" "the write error is shown"
grep -q "current='6'" "$(kept_copy)" && pass || fail "the edits of a failed write are not kept"
chmod 644 "$vm"

# the editor: VISUAL before EDITOR, its value split into words as the shell does
reset_vm; new_session
VISUAL="$tmp/editor --wait 'two words'" EDITOR=false edit_rc 0 "VISUAL with arguments" "" -- --edit "$vm"
[ "$(head -2 "$ed/args.1" | tr '\n' '|')" = "--wait|two words|" ] && pass || fail "VISUAL split wrongly: $(tr '\n' '|' <"$ed/args.1")"
reset_vm
EDITOR=false edit_rc 2 "the editor fails" "" -- --edit "$vm"
expect_grep "the editor \(false\) failed" "$tmp/err" "the failing editor is named"
cmp -s "$vm" "$orig" && pass || fail "a failed editor wrote the file"
no_copies_left "failed editor, nothing edited"
EDITOR="'unclosed" edit_rc 2 "an unparsable EDITOR" "" -- --edit "$vm"
expect_grep "cannot run the editor" "$tmp/err" "an unparsable EDITOR is reported"

# inputs and options
edit_rc 2 "a missing file" "" -- --edit "$tmp/nope.xml"
expect_grep "nope.xml: error: " "$tmp/err" "a missing file is an input error"
edit_rc 2 "--edit with --fix" "" -- --edit "$vm" --fix
expect_grep "excludes --fix" "$tmp/err" "--fix is refused with --edit"
edit_rc 2 "--edit with another input" "" -- --edit "$vm" "$orig"
expect_grep "no other input" "$tmp/err" "a second input is refused with --edit"

# completion offers the connection's domains (and files) after --edit
( cd "$tmp/vms" && bash -c '. "$1"; COMP_WORDS=(virtlint -c test:///default --edit ""); COMP_CWORD=4; _virtlint
    printf "%s\n" "${COMPREPLY[@]}"' _ "$here/share/bash-completion/virtlint" ) >"$tmp/complete"
expect_grep "^test$" "$tmp/complete" "--edit completes the domains of -c's connection"
expect_grep "^vm\.xml$" "$tmp/complete" "--edit completes XML files"

# -- libvirt's test driver -------------------------------------------------
# The driver forgets everything at exit: what a session defined is seen in
# its messages and in the backup it saved.
new_session "s|<memory unit='KiB'>8388608</memory>|<memory unit='KiB'>4194304</memory>|"
edit_rc 0 "define (test driver)" "" -- -c test:///default --edit test
expect_grep "^domain test: previous definition saved to $tmp/state/virtlint/backups/test-[0-9]{8}-[0-9]{6}\.xml$" "$tmp/err" "the backup is named"
expect_grep "^domain test: edited definition defined; the domain is running" "$tmp/err" "defined, and running"
backup=$(ls "$tmp"/state/virtlint/backups/test-*.xml 2>/dev/null | head -1)
grep -q "8388608" "$backup" 2>/dev/null && pass || fail "the backup is not the previous definition"
cmp -s "$ed/given.1" "$backup" && pass || fail "the editor was not given the persistent definition"

# a definition libvirt refuses: its error shown, edit again, then defined
rm -rf "$tmp/state"
new_session "s|<uuid>6695eb01-f6a4-8304-79aa-97f2502e193f</uuid>|<uuid>6695eb01-f6a4-8304-79aa-97f2502e1940</uuid>|" \
    "s|97f2502e1940|97f2502e193f|; s|<memory unit='KiB'>8388608</memory>|<memory unit='KiB'>4194304</memory>|"
edit_rc 0 "refused, edited again, defined" 'y\n' -- -c test:///default --edit test
expect_grep "^domain test: error: libvirt refused the new definition of 'test': .*already exists with uuid" "$tmp/err" "libvirt's error is shown"
expect_grep "^Try again\? \[y,n,f,\?\]: y$" "$tmp/out" "and the edit offered again"
expect_grep "^domain test: edited definition defined" "$tmp/err" "the second edit is defined"
grep -q "97f2502e1940" "$ed/given.2" && pass || fail "the refused text was not offered again"
[ "$(ls "$tmp"/state/virtlint/backups/ | wc -l)" = 2 ] && pass || fail "two defines, wanted two backups, not one over the other: $(ls "$tmp"/state/virtlint/backups/)"

new_session "s|97f2502e193f|97f2502e1940|"
edit_rc 1 "refused, abandoned" 'n\n' -- -c test:///default --edit test
expect_grep "^domain test: nothing defined; your edits are kept in " "$tmp/err" "the refused edits are kept"
grep -q "97f2502e1940" "$(kept_copy)" && pass || fail "the kept file lacks the refused edit"

# a finding in a domain (a node file of our own), fixed before the define
node="test://$here/tests/data/test-node.xml"
new_session "s|<relaxed state='on'/>|<relaxed state='on'/><vapic state='on'/>|"
edit_rc 0 "domain: fix, then define" 'a\n' -- --select hyperv-dependency -c "$node" --edit win11-live
expect_grep "^domain win11-live:[0-9]+:[0-9]+: error: \[\*\] <synic>" "$tmp/out" "findings name the domain"
expect_grep "^\+ *<vpindex state='on'/>$" "$tmp/out" "the fix is shown"
expect_grep "^domain win11-live: edited definition defined" "$tmp/err" "defined"
# a domain takes the .virtlintrc of the working directory
printf '[virtlint]\nignore = hyperv-dependency\n' >"$tmp/vms/.virtlintrc"
new_session "s|<relaxed state='on'/>|<relaxed state='on'/><vapic state='on'/>|"
( cd "$tmp/vms" && "$VL" --select hyperv-dependency,hyperv-recommended -c "$node" --edit win11-live </dev/null >"$tmp/out" 2>"$tmp/err" ) \
    && pass || fail "domain: the working directory's .virtlintrc: exit $?, wanted 0"
expect_no_grep "hyperv-dependency" "$tmp/out" "the working directory's .virtlintrc applies to a domain"
rm "$tmp/vms/.virtlintrc"
edit_rc 2 "an unknown domain" "" -- -c test:///default --edit nope
expect_grep "no domain 'nope'" "$tmp/err" "the missing domain is named"

# -- libvirtd ---------------------------------------------------------------
# Under ASan, libvirt's remote driver crashes calling a null function from
# virNetMessageEncodeHeader (its XDR encoding; tests/live.sh fails the same
# way): make check-asan runs the parts above, make check all of it.
if [ -n "${VIRTLINT_TEST_UNDER_ASAN:-}" ]; then
    echo "$suite: the libvirtd part runs in make check, not under ASan"
    finish
    exit
fi
if [ "$(id -u)" = 0 ] && [ -x tools/start-libvirtd.sh ]; then
    tools/start-libvirtd.sh >/dev/null 2>&1
fi
if ! virsh -c qemu:///system version >/dev/null 2>&1; then
    skip_rest "libvirtd is not reachable on qemu:///system (run tools/start-libvirtd.sh as root): --edit of a libvirtd domain not checked"
fi
libvirtd=1
virsh -c qemu:///system undefine "$dom" >/dev/null 2>&1
sed -e "s/<name>[^<]*<\/name>/<name>$dom<\/name>/" -e "s/<domain type='kvm'/<domain type='qemu'/" \
    -e "s|</domain>|<devices><graphics type='vnc' port='-1' passwd='s3cret'/></devices></domain>|" \
    corpus/hyperv-dependency/stimer-without-synic.xml >"$tmp/dom.xml"
virsh -c qemu:///system define "$tmp/dom.xml" >/dev/null && pass || fail "define the throwaway domain"
rm -rf "$tmp/state"
new_session "s|<vcpu placement='static'>4</vcpu>|<vcpu placement='static'>2</vcpu>|; s|cores='4'|cores='2'|"
edit_rc 0 "libvirtd: edit, fix, define" 'a\n' -- --select hyperv-dependency -c qemu:///system --edit "$dom"
expect_grep "\[hyperv-dependency\]" "$tmp/out" "the domain's finding is shown"
expect_grep "^domain $dom: edited definition defined$" "$tmp/err" "defined"
virsh -c qemu:///system dumpxml --inactive "$dom" >"$tmp/after.xml"
expect_grep "<vcpu placement='static'>2</vcpu>" "$tmp/after.xml" "libvirtd has the edit"
expect_grep "<synic state='on'/>" "$tmp/after.xml" "and the fix"
virsh -c qemu:///system dumpxml --inactive --security-info "$dom" >"$tmp/after.xml"
expect_grep "passwd='s3cret'" "$tmp/after.xml" "the VNC password survives (read with its secrets, as virsh edit does)"
backup=$(ls "$tmp"/state/virtlint/backups/"$dom"-*.xml 2>/dev/null | head -1)
grep -q "<vcpu placement='static'>4</vcpu>" "$backup" 2>/dev/null && pass || fail "no backup of the previous definition"
# changed by someone else during the edit: not defined over unless forced
new_session "s|<vcpu placement='static'>2</vcpu>|<vcpu placement='static'>1</vcpu>|; s|cores='2'|cores='1'|"
printf '#!/bin/sh\n"%s" "$@"; virsh -q -c qemu:///system desc %s --config --new-desc "meanwhile $$" >/dev/null\n' \
    "$tmp/editor" "$dom" >"$tmp/editor-racing"
rm -rf "$tmp/state"
EDITOR=$tmp/editor-racing edit_rc 1 "libvirtd: changed meanwhile, abandoned" 'n\n' -- --select hyperv-dependency -c qemu:///system --edit "$dom"
expect_grep "^domain $dom: error: the definition changed while you edited it" "$tmp/err" "a concurrent change is reported"
virsh -c qemu:///system dumpxml --inactive "$dom" >"$tmp/after.xml"
grep -q "<description>meanwhile [0-9]*</description>" "$tmp/after.xml" && grep -q "<vcpu placement='static'>2</vcpu>" "$tmp/after.xml" \
    && pass || fail "the concurrent change was overwritten"
new_session "s|<vcpu placement='static'>2</vcpu>|<vcpu placement='static'>1</vcpu>|; s|cores='2'|cores='1'|"
EDITOR=$tmp/editor-racing edit_rc 0 "libvirtd: changed meanwhile, forced" 'f\n' -- --select hyperv-dependency -c qemu:///system --edit "$dom"
virsh -c qemu:///system dumpxml --inactive "$dom" >"$tmp/after.xml"
expect_grep "<vcpu placement='static'>1</vcpu>" "$tmp/after.xml" "f defines over the change"
grep -q "<description>meanwhile [0-9]*</description>" "$(ls -t "$tmp"/state/virtlint/backups/"$dom"-*.xml | head -1)" \
    && pass || fail "the backup is not the definition that was replaced"
new_session
edit_rc 0 "libvirtd: unchanged" "" -- --select hyperv-dependency -c qemu:///system --edit "$dom"
expect_grep "^domain $dom: not changed$" "$tmp/err" "unchanged"
virsh -c qemu:///system undefine "$dom" >/dev/null && pass || fail "undefine the throwaway domain"

finish
