#!/usr/bin/env python3
"""virtlint --lsp driven by a JSON-RPC client (Python 3, standard library
only): the lifecycle, document sync with UTF-16 columns, diagnostics,
code actions applied and checked, hover, the .virtlintrc lookup, documents
that are not libvirt's, malformed XML and malformed messages.

    tests/lsp.py VIRTLINT

Prints one line per failed check and "lsp: N passed, M failed"; exit 1 on
a failure.
"""
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile

VL = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "./virtlint")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLE = os.path.join(ROOT, "examples", "win11.xml")
TIMEOUT = 30

passed = failed = 0


def check(ok, what, detail=""):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL: {what}" + (f"\n  | {detail}" if detail else ""))
    return ok


# --- UTF-16 positions, as the protocol counts them ---

def units(ch):
    return 2 if ord(ch) > 0xFFFF else 1


def offset_of(text, pos):
    """Index into TEXT (a str) of an LSP position."""
    lines = text.split("\n")
    line = min(pos["line"], len(lines) - 1) if pos["line"] < len(lines) else None
    if line is None:
        return len(text)
    start = sum(len(l) + 1 for l in lines[:line])
    n = 0
    for i, ch in enumerate(lines[line]):
        if n >= pos["character"]:
            return start + i
        n += units(ch)
    return start + len(lines[line])


def position_of(text, index):
    before = text[:index]
    line = before.count("\n")
    col = before[before.rfind("\n") + 1:]
    return {"line": line, "character": sum(units(c) for c in col)}


def apply_edits(text, edits):
    """TextEdits (non-overlapping) applied from the last to the first."""
    spans = sorted(((offset_of(text, e["range"]["start"]), offset_of(text, e["range"]["end"]), e["newText"])
                    for e in edits), reverse=True)
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


class Server:
    def __init__(self, *args, cwd=None):
        self.proc = subprocess.Popen([VL, "--lsp", "--cache-dir", os.path.join(tmp, "cache"), *args],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     cwd=cwd)
        self.buf = b""
        self.next_id = 0
        self.notifications = []

    def send_raw(self, body: bytes):
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def send(self, msg):
        self.send_raw(json.dumps(msg).encode())

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def read(self):
        """The next message, or None after TIMEOUT seconds or at the end."""
        fd = self.proc.stdout.fileno()
        while True:
            head, sep, rest = self.buf.partition(b"\r\n\r\n")
            if sep:
                length = None
                for line in head.split(b"\r\n"):
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        length = int(value)
                if length is not None and len(rest) >= length:
                    self.buf = rest[length:]
                    return json.loads(rest[:length])
            ready, _, _ = select.select([fd], [], [], TIMEOUT)
            if not ready:
                return None
            chunk = os.read(fd, 65536)
            if not chunk:
                return None
            self.buf += chunk

    def request(self, method, params=None, raw_id=None):
        self.next_id += 1
        rid = self.next_id if raw_id is None else raw_id
        msg = {"jsonrpc": "2.0", "id": rid, "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)
        return self.response(rid)

    def response(self, rid):
        while True:
            msg = self.read()
            if msg is None:
                return None
            if "method" not in msg and msg.get("id") == rid:
                return msg
            self.notifications.append(msg)

    def diagnostics(self, uri):
        """The next diagnostics published for URI."""
        for i, msg in enumerate(self.notifications):
            if msg.get("method") == "textDocument/publishDiagnostics" and msg["params"]["uri"] == uri:
                del self.notifications[: i + 1]
                return msg["params"]["diagnostics"]
        while True:
            msg = self.read()
            if msg is None:
                return None
            if msg.get("method") == "textDocument/publishDiagnostics" and msg["params"]["uri"] == uri:
                return msg["params"]["diagnostics"]

    def open(self, path, text, version=1):
        uri = "file://" + path
        self.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "xml", "version": version,
                                                              "text": text}})
        return uri

    def change(self, uri, version, changes):
        self.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                               "contentChanges": changes})

    def finish(self):
        """The exit status; the server's stderr must hold no sanitizer
        report (make check-asan runs this under ASan and UBSan)."""
        try:
            status = self.proc.wait(TIMEOUT)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            status = None
        err = self.proc.stderr.read().decode(errors="replace")
        check("Sanitizer" not in err and "runtime error" not in err, "no sanitizer report", err[-2000:])
        for f in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            try:
                f.close()
            except BrokenPipeError:
                pass
        return status


def rules_of(diags):
    return sorted(d.get("code") for d in diags)


def find(diags, code, text):
    return [d for d in diags if d.get("code") == code and text in d["message"]]


def cli_fix(path):
    """`virtlint --fix` of a copy of PATH: the fixed text."""
    copy = os.path.join(tmp, "cli-fix", os.path.basename(path))
    os.makedirs(os.path.dirname(copy), exist_ok=True)
    shutil.copy(path, copy)
    subprocess.run([VL, "--fix", "--no-config", "--cache-dir", os.path.join(tmp, "cache"), copy],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(copy, encoding="utf-8") as f:
        return f.read()


tmp = tempfile.mkdtemp()
try:
    work = os.path.join(tmp, "repo")
    os.makedirs(os.path.join(work, ".git"))   # the .virtlintrc lookup stops here
    with open(EXAMPLE, encoding="utf-8") as f:
        example = f.read()
    doc_path = os.path.join(work, "win11.xml")
    with open(doc_path, "w", encoding="utf-8") as f:
        f.write(example)

    # --- lifecycle: requests before initialize, initialize ---
    s = Server()
    r = s.request("textDocument/hover", {"textDocument": {"uri": "file:///x"}, "position": {"line": 0, "character": 0}})
    check(r and r.get("error", {}).get("code") == -32002, "a request before initialize: ServerNotInitialized", r)
    r = s.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
    caps = (r or {}).get("result", {}).get("capabilities", {})
    check(caps.get("textDocumentSync", {}).get("change") == 2, "incremental sync", caps)
    check(caps.get("textDocumentSync", {}).get("openClose") is True, "open/close notifications wanted", caps)
    check("source.fixAll.virtlint" in caps.get("codeActionProvider", {}).get("codeActionKinds", []),
          "code action kinds announced", caps)
    check(caps.get("hoverProvider") is True, "hover announced", caps)
    check(caps.get("positionEncoding") == "utf-16", "UTF-16 positions announced", caps)
    check(r["result"].get("serverInfo", {}).get("name") == "virtlint", "serverInfo", r)
    s.notify("initialized", {})

    # --- diagnostics on open ---
    uri = s.open(doc_path, example)
    diags = s.diagnostics(uri)
    check(diags is not None, "diagnostics published on open")
    diags = diags or []
    synic = find(diags, "hyperv-dependency", "<synic>")
    check(len(synic) == 1, "the <synic> finding of examples/win11.xml", rules_of(diags))
    if synic:
        d = synic[0]
        # examples/win11.xml:22:7, the start tag <synic state='on'/>
        check(d["range"] == {"start": {"line": 21, "character": 6}, "end": {"line": 21, "character": 25}},
              "range: the element's start tag", d["range"])
        check(d["severity"] == 1 and d["source"] == "virtlint", "error severity, source virtlint", d)
        check(d.get("codeDescription", {}).get("href", "").endswith("/rules.md#hyperv-dependency"),
              "codeDescription links the rule's section of rules.md", d.get("codeDescription"))
        check("\nhelp: add <vpindex state='on'/> to <hyperv>" in d["message"]
              and "\nnote: libvirt accepts this" in d["message"], "message: headline, help and notes", d["message"])
    warn = [d for d in diags if d.get("code") == "cpu-socket-limit"]
    check(len(warn) == 1 and warn[0]["severity"] == 2, "a warning is Warning", warn)
    check(not [d for d in diags if d["severity"] == 4], "suggestions hidden by default, as on the command line",
          rules_of(diags))

    # --- incremental changes, UTF-16 columns both ways ---
    comment = "<!--é\U0001F600-->"       # 4 + 1 + 2 (a surrogate pair) + 3 UTF-16 units
    s.change(uri, 2, [{"range": {"start": {"line": 21, "character": 6}, "end": {"line": 21, "character": 6}},
                       "text": comment}])
    text = example.replace("      <synic ", "      " + comment + "<synic ", 1)
    diags = s.diagnostics(uri) or []
    synic = find(diags, "hyperv-dependency", "<synic>")
    check(synic and synic[0]["range"]["start"] == {"line": 21, "character": 16},
          "a column after a non-BMP character counts UTF-16 units", synic and synic[0]["range"])
    # a range ending after the surrogate pair removes exactly the comment
    s.change(uri, 3, [{"range": {"start": {"line": 21, "character": 6}, "end": {"line": 21, "character": 16}},
                       "text": ""}])
    text = example
    diags = s.diagnostics(uri) or []
    synic = find(diags, "hyperv-dependency", "<synic>")
    check(synic and synic[0]["range"]["start"] == {"line": 21, "character": 6},
          "an incremental deletion in UTF-16 units restores the text", synic and synic[0]["range"])
    # a change that fixes the virtiofs finding by hand: it goes away
    vio = find(diags, "virtiofs-shared-memory", "")
    check(len(vio) == 1, "virtiofs-shared-memory before the change", rules_of(diags))
    at = text.index("  <devices>")
    backing = "  <memoryBacking><source type='memfd'/><access mode='shared'/></memoryBacking>\n"
    pos = position_of(text, at)
    s.change(uri, 4, [{"range": {"start": pos, "end": pos}, "text": backing}])
    text = text[:at] + backing + text[at:]
    diags = s.diagnostics(uri) or []
    check(not find(diags, "virtiofs-shared-memory", ""), "a finding goes away when the change fixes it",
          rules_of(diags))
    check(find(diags, "hyperv-dependency", "<synic>"), "the other findings stay", rules_of(diags))
    # the schema judges each new text (no verdict is reused for it)
    bogus = text.replace("  <devices>\n", "  <devices>\n    <bogus/>\n", 1)
    s.change(uri, 5, [{"text": bogus}])
    check(find(s.diagnostics(uri) or [], "schema", ""), "the schema rule runs on each change")
    # a whole-text change (no range) is accepted too
    s.change(uri, 5, [{"text": text}])
    check(rules_of(s.diagnostics(uri) or []) == rules_of(diags), "a change without a range replaces the text")

    # --- code actions ---
    synic = find(diags, "hyperv-dependency", "<synic>")[0]
    r = s.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": synic["range"],
                                              "context": {"diagnostics": [synic]}})
    actions = (r or {}).get("result") or []
    fixes = [a for a in actions if a.get("kind") == "quickfix" and a["title"].startswith("Fix hyperv-dependency")]
    disables = [a for a in actions if a.get("title") == "Disable hyperv-dependency here"]
    check(len(fixes) == 1, "one quick fix for the finding", [a.get("title") for a in actions])
    # "Disable RULE here": a comment before the element, nothing else changed
    if check(len(disables) == 1 and disables[0].get("isPreferred") is False and disables[0]["kind"] == "quickfix",
             "a Disable hyperv-dependency here action, not preferred", [a.get("title") for a in actions]):
        silenced = apply_edits(text, disables[0]["edit"]["changes"][uri])
        lines_before, lines_after = text.split("\n"), silenced.split("\n")
        check(len(lines_after) == len(lines_before) + 1 and lines_after[21].strip() ==
              "<!-- virtlint-disable hyperv-dependency -->" and lines_after[:21] + lines_after[22:] == lines_before,
              "the suppression is one comment line before <synic>, every other line unchanged", lines_after[20:23])
        s.change(uri, 6, [{"text": silenced}])
        after = s.diagnostics(uri) or []
        check(not find(after, "hyperv-dependency", "<synic>") and find(after, "hyperv-dependency", "<stimer>"),
              "the suppression silences that finding only", rules_of(after))
        s.change(uri, 6, [{"text": text}])
        s.diagnostics(uri)
    if fixes:
        a = fixes[0]
        check(a.get("isPreferred") is True and "(unsafe)" not in a["title"], "a safe fix is preferred", a["title"])
        edits = a["edit"]["changes"][uri]
        fixed = apply_edits(text, edits)
        # the same edits as the command line's JSON output gives this fix
        # (the file is ASCII: a character column is a UTF-16 column)
        with open(os.path.join(tmp, "current.xml"), "w", encoding="utf-8") as f:
            f.write(text)
        out = subprocess.run([VL, "--no-config", "--format", "json", "--cache-dir", os.path.join(tmp, "cache"),
                              os.path.join(tmp, "current.xml")], capture_output=True, text=True).stdout
        cli = [f for f in json.loads(out) if f["message"] == synic["message"].split("\n")[0]]
        want = [{"range": {"start": {"line": e["location"]["line"] - 1, "character": e["location"]["column"] - 1},
                           "end": {"line": e["end_location"]["line"] - 1,
                                   "character": e["end_location"]["column"] - 1}},
                 "newText": e["content"]} for e in (cli[0]["fix"]["edits"] if cli else [])]
        check(want and edits == want, "the quick fix's edits are those of --format json", (edits, want))
        s.change(uri, 6, [{"range": e["range"], "text": e["newText"]}
                          for e in sorted(edits, key=lambda e: (e["range"]["start"]["line"],
                                                                e["range"]["start"]["character"]), reverse=True)])
        diags = s.diagnostics(uri) or []
        check(not find(diags, "hyperv-dependency", "<synic>"), "the applied fix removes its finding",
              rules_of(diags))
        check(find(diags, "cpu-socket-limit", "") and find(diags, "disk-discard-granularity", ""),
              "the other rules' findings stay", rules_of(diags))
        text = fixed
    # an unsafe fix is marked so and not preferred
    cpu = find(diags, "cpu-socket-limit", "")
    if check(cpu, "cpu-socket-limit still reported", rules_of(diags)):
        r = s.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": cpu[0]["range"],
                                                  "context": {"diagnostics": cpu}})
        unsafe = [a for a in (r or {}).get("result") or [] if a.get("title", "").startswith("Fix cpu-socket-limit")]
        check(len(unsafe) == 1 and "(unsafe)" in unsafe[0]["title"] and unsafe[0].get("isPreferred") is False,
              "an unsafe fix says (unsafe) and is not preferred", [a.get("title") for a in unsafe])
    # only= filters kinds; fix-all equals `virtlint --fix`
    r = s.request("textDocument/codeAction", {"textDocument": {"uri": uri},
                                              "range": {"start": {"line": 0, "character": 0},
                                                        "end": {"line": 0, "character": 0}},
                                              "context": {"diagnostics": [], "only": ["source.fixAll"]}})
    actions = (r or {}).get("result") or []
    check([a.get("kind") for a in actions] == ["source.fixAll.virtlint"], "only=source.fixAll: the fix-all action",
          actions)
    if actions:
        all_fixed = apply_edits(text, actions[0]["edit"]["changes"][uri])
        with open(os.path.join(tmp, "current.xml"), "w", encoding="utf-8") as f:
            f.write(text)
        check(all_fixed == cli_fix(os.path.join(tmp, "current.xml")), "fix-all writes what virtlint --fix writes")
        s.change(uri, 7, [{"text": all_fixed}])
        diags = s.diagnostics(uri) or []
        check(not find(diags, "hyperv-dependency", ""), "no safely fixable finding left after fix-all",
              rules_of(diags))

    # --- hover ---
    s.change(uri, 8, [{"text": example}])
    diags = s.diagnostics(uri) or []
    synic = find(diags, "hyperv-dependency", "<synic>")[0]
    r = s.request("textDocument/hover", {"textDocument": {"uri": uri},
                                         "position": {"line": 21, "character": 10}})
    hover = ((r or {}).get("result") or {})
    contents = hover.get("contents", {})
    check(contents.get("kind") == "markdown" and "## hyperv-dependency" in contents.get("value", ""),
          "hover on a finding's element: the rule's explanation in markdown", contents)
    check(hover.get("range") == synic["range"], "hover range: the finding's", hover.get("range"))
    r = s.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}})
    check(r and "result" in r and r["result"] is None, "hover away from findings: null", r)

    # --- close ---
    s.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    check(s.diagnostics(uri) == [], "closing clears the diagnostics")

    # --- the .virtlintrc lookup, with a [path] section ---
    with open(os.path.join(work, ".virtlintrc"), "w") as f:
        f.write("[virtlint]\nignore = hyperv-dependency\n\n[path sub/*.xml]\nignore = cpu-socket-limit\n")
    os.makedirs(os.path.join(work, "sub"))
    u1 = s.open(doc_path, example)
    d1 = s.diagnostics(u1) or []
    check(not find(d1, "hyperv-dependency", "") and find(d1, "cpu-socket-limit", ""),
          ".virtlintrc above the document applies", rules_of(d1))
    u2 = s.open(os.path.join(work, "sub", "b.xml"), example)
    d2 = s.diagnostics(u2) or []
    check(not find(d2, "hyperv-dependency", "") and not find(d2, "cpu-socket-limit", ""),
          "its [path sub/*.xml] section applies to sub/b.xml", rules_of(d2))
    # an edited .virtlintrc is read again
    with open(os.path.join(work, ".virtlintrc"), "w") as f:
        f.write("[virtlint]\nignore = cpu-socket-limit\n")
    s.notify("textDocument/didSave", {"textDocument": {"uri": u1}})
    d1 = s.diagnostics(u1) or []
    check(find(d1, "hyperv-dependency", "") and not find(d1, "cpu-socket-limit", ""),
          "a changed .virtlintrc is read again", rules_of(d1))
    with open(os.path.join(work, ".virtlintrc"), "w") as f:
        f.write("[virtlint]\nignore = no-such-rule\n")
    s.notify("textDocument/didSave", {"textDocument": {"uri": u1}})
    d1 = s.diagnostics(u1) or []
    check(len(d1) == 1 and d1[0]["severity"] == 1 and "no-such-rule" in d1[0]["message"],
          "a broken .virtlintrc is one error diagnostic", d1)
    os.unlink(os.path.join(work, ".virtlintrc"))

    # --- documents that are not libvirt's, malformed XML ---
    u = s.open(os.path.join(work, "net.xml"), "<network>\n  <name>default</name>\n</network>\n")
    check(s.diagnostics(u) == [], "other XML (a <network>): an empty list")
    u = s.open(os.path.join(work, "pom.xml"), "<?xml version='1.0'?>\n<project>\n  <a>\n</project>\n")
    check(s.diagnostics(u) == [], "malformed XML that is not libvirt's: an empty list")
    u = s.open(os.path.join(work, "empty.xml"), "")
    check(s.diagnostics(u) == [], "an empty document: an empty list")
    broken = "<domain type='kvm'>\n  <name>x</name>\n  <devices>\n    <disk>\n  </devices>\n</domain>\n"
    u = s.open(os.path.join(work, "broken.xml"), broken)
    d = s.diagnostics(u) or []
    check(len(d) == 1 and d[0]["severity"] == 1 and d[0]["range"]["start"]["line"] == 4,
          "a malformed domain: one error at the parse error's line (5)", d)
    u = s.open("/nonexistent/untitled-1", example)   # no such directory: no .virtlintrc, still linted
    check(find(s.diagnostics(u) or [], "hyperv-dependency", "<synic>"), "a document whose file does not exist")

    # --- malformed messages: answered, and the server keeps running ---
    s.send_raw(b'{"jsonrpc": "2.0", "id": 99, "method": ')
    r = s.response(None)
    check(r and r.get("error", {}).get("code") == -32700 and r.get("id") is None, "a body that is not JSON: -32700", r)
    s.send({"jsonrpc": "2.0", "id": 100, "params": {}})
    r = s.response(100)
    check(r and r.get("error", {}).get("code") == -32600, "a request without a method: -32600", r)
    s.send([1, 2])
    r = s.response(None)
    check(r and r.get("error", {}).get("code") == -32600, "a JSON array (a batch, unused by LSP): -32600", r)
    s.send({"jsonrpc": "1.0", "id": 101, "method": "shutdown"})
    r = s.response(None)
    check(r and r.get("error", {}).get("code") == -32600, "jsonrpc other than 2.0: -32600", r)
    r = s.request("workspace/noSuchMethod", {})
    check(r and r.get("error", {}).get("code") == -32601, "an unknown method: -32601", r)
    # header names in any case, and a Content-Type header, are accepted
    body = json.dumps({"jsonrpc": "2.0", "id": 102, "method": "textDocument/hover",
                       "params": {"textDocument": {"uri": u1}, "position": {"line": 0, "character": 0}}}).encode()
    s.proc.stdin.write(b"content-length: %d\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n"
                       % len(body) + body)
    s.proc.stdin.flush()
    r = s.response(102)
    check(r and "result" in r, "a lower-case content-length and a Content-Type header", r)
    s.notify("$/noSuchNotification", {"x": 1})
    s.notify("textDocument/didChange", {"nonsense": True})
    r = s.request("textDocument/hover", {"textDocument": {"uri": u1}, "position": {"line": 21, "character": 10}})
    check(r and "result" in r, "the server survives malformed messages and unknown notifications", r)

    # --- shutdown and exit ---
    r = s.request("shutdown")
    check(r and "result" in r and r["result"] is None, "shutdown answers null", r)
    r = s.request("textDocument/hover", {"textDocument": {"uri": u1}, "position": {"line": 0, "character": 0}})
    check(r and r.get("error", {}).get("code") == -32600, "a request after shutdown: InvalidRequest", r)
    s.notify("exit", None)
    check(s.finish() == 0, "exit after shutdown: status 0")

    s = Server()
    s.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
    s.notify("exit", None)
    check(s.finish() == 1, "exit without shutdown: status 1")
finally:
    shutil.rmtree(tmp, ignore_errors=True)

print(f"lsp: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
