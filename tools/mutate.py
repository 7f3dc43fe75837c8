#!/usr/bin/env python3
"""Mutation testing of virtlint's rules and model (issue #11): `make mutate`.

Each mutant is one small change to one source file of rules/ or of the model
(lint/model/, lint/load/xml.c and lint/host/host.c: what rules read their
facts from).  It is compiled, linked into the corpus runner (and, when the corpus
misses it, into each unit test that contains the changed file) and run.  A
mutant is killed when a test fails, crashes or times out; it survives when
every test still passes; one that does not compile is counted apart.

Mutation operators (ids are PATH:LINE:COL:OP, stable while the line is):
  rel:OP      a relational operator at its boundary: < <-> <=, > <-> >=,
              == <-> != (OP is the mutated operator)
  const+1/-1  an integer constant compared with, assigned as a limit
              (`limit = 36;`), returned, or #defined, plus or minus one
              (0 only plus one)
  ver+1/-1    the minor number of a VL_LIBVIRT(major, minor) version gate
  guard       an early exit `if (COND) return/continue/break/goto ...;` whose
              condition is forced false (the exit is removed)
  drop-and/drop-or
              one operand of a && or || chain removed (COL is the operand's)

Not mutated: comments, strings, #include and #if lines, the rule metadata
(`const VlRule vl_rule_x = {...}`), the format string and arguments of
message functions (vl_report, g_strdup_printf, ...), constants compared with
strcmp()-like results.

Which tests can see a mutant: a corpus case checks the rule its directory is
named after (plus schema), and a case in a directory that is not a rule id
checks every rule (tests/corpus_runner.c); rules run independently (schema
runs first and only looks at its own findings).  So a mutant of a file that
defines rules X, Y runs the cases under corpus/X/, corpus/Y/ and every
directory that is not a rule id (corpus/whole/); a mutant of a helper (a
rules/ file without `.id =`, a header, the model) runs the whole corpus.
A unit test runs when its binary contains the mutated object (a global
symbol of the file is defined in it).

Equivalent mutants are excluded by a comment on their line or the line
before: `/* mutate: skip — REASON */` (every mutant of the line) or
`/* mutate: skip[rel:<=,drop-and@12] — REASON */` (those operators only;
OP@COL: the one at that column).

Usage: tools/mutate.py --build DIR [--list] [--files GLOB,...] [--sample N
--seed S] [--jobs 2] [--ids FILE] [--survivors-out FILE] [--min-kill-rate 95]
"""
import argparse
import concurrent.futures
import fnmatch
import glob
import json
import os
import random
import re
import shlex
import shutil
import subprocess
import sys
import threading
import time
from collections import namedtuple

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..'))

# what rules read their facts from: the model, the XML helpers, the host facts
MODEL_FILES = sorted(os.path.relpath(f, ROOT) for pat in ('lint/model/*.c', 'lint/model/*.h')
                     for f in glob.glob(os.path.join(ROOT, pat))) + ['lint/load/xml.c', 'lint/host/host.c']

# functions whose format string and the arguments after it only make text
MESSAGE_FUNCS = {
    'vl_report', 'vl_report_severity', 'g_strdup_printf', 'g_string_append_printf', 'g_string_printf',
    'printf', 'fprintf', 'g_printerr', 'g_print', 'g_error', 'g_warning', 'g_message', 'g_debug',
    'g_set_error', 'g_snprintf', 'snprintf', 'g_prefix_error', 'g_critical',
}
STRCMP_FUNCS = {
    'strcmp', 'g_strcmp0', 'strncmp', 'memcmp', 'strcasecmp', 'strncasecmp', 'g_ascii_strcasecmp',
    'g_ascii_strncasecmp', 'g_strcasecmp', 'xmlStrcmp',
}
REL_SWAP = {'<': '<=', '<=': '<', '>': '>=', '>=': '>', '==': '!=', '!=': '=='}
ASSIGN_OPS = {'=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '<<=', '>>='}
VERSION_MACROS = {'VL_LIBVIRT'}
ARITH = {'*', '/', '%', '+', '-', '<<', '>>', '&', '|', '^'}

Tok = namedtuple('Tok', 'kind text start end line col pp')

PUNCT = ['...', '<<=', '>>=', '->', '++', '--', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '+=', '-=',
         '*=', '/=', '%=', '&=', '|=', '^=', '##']
INT_RE = re.compile(r'^(0[xX][0-9a-fA-F]+|\d+)([uUlL]*)$')


def lex(text):
    """Tokens of C source TEXT (comments as kind 'comment'; #include/#if...
    lines as one 'pp' token; the body of a #define lexed with pp=True)."""
    toks = []
    i, n = 0, len(text)
    line, line_start = 1, 0
    at_line_start = True
    pp_end = -1          # end offset of the current #define body

    def col_of(pos):
        return pos - line_start + 1

    def pass_newlines(a, b):
        """Count the newlines of text[a:b] into line and line_start."""
        nonlocal line, line_start
        for k in range(a, b):
            if text[k] == '\n':
                line += 1
                line_start = k + 1

    while i < n:
        c = text[i]
        if c == '\n':
            line += 1
            line_start = i + 1
            at_line_start = True
            i += 1
            continue
        if c in ' \t\r\f\v':
            i += 1
            continue
        if c == '\\' and i + 1 < n and text[i + 1] == '\n':
            i += 2
            line += 1
            line_start = i
            continue
        start, sline, scol = i, line, col_of(i)
        in_pp = i < pp_end
        if text.startswith('/*', i):
            j = text.find('*/', i + 2)
            j = n if j < 0 else j + 2
            pass_newlines(i, j)
            toks.append(Tok('comment', text[i:j], i, j, sline, scol, in_pp))
            i = j
            continue
        if text.startswith('//', i):
            j = text.find('\n', i)
            j = n if j < 0 else j
            toks.append(Tok('comment', text[i:j], i, j, sline, scol, in_pp))
            i = j
            continue
        if c == '#' and at_line_start:
            # the logical line (with continuations)
            j = i
            while True:
                k = text.find('\n', j)
                if k < 0:
                    k = n
                    break
                if text[k - 1] == '\\':
                    j = k + 1
                    continue
                break
            directive = re.match(r'#\s*(\w+)', text[i:k])
            if directive and directive.group(1) == 'define':
                m = re.match(r'#\s*define\s+\w+(\([^)]*\))?', text[i:k])
                toks.append(Tok('pp', text[i:i + m.end()], i, i + m.end(), sline, scol, True))
                pp_end = k
                i += m.end()
                at_line_start = False
                continue
            pass_newlines(i, k)
            toks.append(Tok('pp', text[i:k], i, k, sline, scol, True))
            i = k
            continue
        at_line_start = False
        if c == '"' or c == "'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == '\\' else 1
            j += 1
            toks.append(Tok('string' if c == '"' else 'char', text[i:j], i, j, sline, scol, in_pp))
            i = j
            continue
        if c.isdigit() or (c == '.' and i + 1 < n and text[i + 1].isdigit()):
            m = re.compile(r'[0-9a-zA-Z_.]+').match(text, i)
            toks.append(Tok('number', m.group(0), i, m.end(), sline, scol, in_pp))
            i = m.end()
            continue
        if c.isalpha() or c == '_':
            m = re.compile(r'[A-Za-z_0-9]+').match(text, i)
            toks.append(Tok('ident', m.group(0), i, m.end(), sline, scol, in_pp))
            i = m.end()
            continue
        for p in PUNCT:
            if text.startswith(p, i):
                break
        else:
            p = c
        toks.append(Tok('punct', p, i, i + len(p), sline, scol, in_pp))
        i += len(p)
    return toks


# edits: [(start, end, replacement)], the mutant as a text change; site:
# (start, end, alternative): the same change as an expression that replaces
# text[start:end], for the all-mutants-in-one-object build (see schematize)
Mutant = namedtuple('Mutant', 'id path line col op edits site')


def match_paren(code, i):
    """Index of the token closing the bracket at code[i]."""
    opening = code[i].text
    closing = {'(': ')', '[': ']', '{': '}'}[opening]
    depth = 0
    for j in range(i, len(code)):
        t = code[j].text
        if code[j].kind == 'punct':
            if t == opening:
                depth += 1
            elif t == closing:
                depth -= 1
                if depth == 0:
                    return j
    return len(code) - 1


def skipped_indexes(code):
    """Indexes of code tokens in no-mutation regions: rule metadata and the
    text-making part of message calls."""
    skip = set()
    for i, t in enumerate(code):
        if t.kind == 'ident' and t.text == 'VlRule' and i > 0 and code[i - 1].text == 'const':
            j = i
            depth = 0
            while j < len(code):
                if code[j].text in ('{', '('):
                    depth += 1
                elif code[j].text in ('}', ')'):
                    depth -= 1
                elif code[j].text == ';' and depth == 0:
                    break
                j += 1
            skip.update(range(i, j + 1))
        elif t.kind == 'ident' and t.text in MESSAGE_FUNCS and i + 1 < len(code) and code[i + 1].text == '(':
            end = match_paren(code, i + 1)
            # from the first string argument (the format) to the end
            depth = 0
            for j in range(i + 1, end + 1):
                if code[j].text in ('(', '[', '{'):
                    depth += 1
                elif code[j].text in (')', ']', '}'):
                    depth -= 1
                if code[j].kind == 'string' and depth == 1:
                    skip.update(range(j, end + 1))
                    break
    return skip


def other_operand_is_strcmp(code, i):
    """Whether the relational operator code[i] compares a strcmp()-like call."""
    j = i - 1
    if j >= 0 and code[j].text == ')':
        depth = 0
        while j >= 0:
            if code[j].text == ')':
                depth += 1
            elif code[j].text == '(':
                depth -= 1
                if depth == 0:
                    break
            j -= 1
        if j > 0 and code[j - 1].kind == 'ident' and code[j - 1].text in STRCMP_FUNCS:
            return True
    if i + 1 < len(code) and code[i + 1].kind == 'ident' and code[i + 1].text in STRCMP_FUNCS:
        return True
    return False


def in_for_header(code, i):
    """Whether code[i] is inside the parentheses of a for (...)."""
    depth = 0
    for j in range(i - 1, -1, -1):
        t = code[j].text
        if code[j].kind != 'punct':
            continue
        if t in (')', ']'):
            depth += 1
        elif t in ('(', '['):
            if depth == 0:
                return j > 0 and code[j - 1].text == 'for'
            depth -= 1
        elif t in ('{', '}') and depth == 0:
            return False
    return False


def const_context(code, i):
    """Whether the integer code[i] is a constant of a comparison or a limit."""
    j = i - 1
    if j >= 1 and code[j].text == '-' and (code[j - 1].kind == 'punct' and code[j - 1].text not in (')', ']')
                                          or code[j - 1].text == 'return'):
        j -= 1          # a negative constant
    prev = code[j] if j >= 0 else None
    nxt = code[i + 1] if i + 1 < len(code) else None
    if prev is not None and prev.kind == 'punct' and prev.text in REL_SWAP:
        # the compared constant itself, not a term of arithmetic beside it
        return not (nxt is not None and nxt.kind == 'punct' and nxt.text in ARITH) and \
            not other_operand_is_strcmp(code, j)
    if nxt is not None and nxt.kind == 'punct' and nxt.text in REL_SWAP:
        return not (prev is not None and prev.kind == 'punct' and prev.text in ARITH) and \
            not other_operand_is_strcmp(code, i + 1)
    if prev is not None and nxt is not None and nxt.text in (';', ','):
        if prev.text == 'return':
            return True
        if prev.text == '=' and not in_for_header(code, i):
            return True
    if code[i].pp and prev is not None and prev.kind == 'pp' and re.match(r'#\s*define', prev.text):
        return True
    return False


def mutants_of(path, text):
    """The mutants of one file, in a stable order; and the skip annotations
    as {line: (ops or None, reason)}."""
    toks = lex(text)
    annotations = {}
    for t in toks:
        if t.kind == 'comment' and 'mutate: skip' in t.text:
            m = re.search(r'mutate: skip(?:\[([^\]]*)\])?\s*(?:—|--|-|:)?\s*(.*?)\s*(?:\*/)?$', t.text, re.S)
            reason = m.group(2).strip() if m else ''
            if len(reason) < 10:
                raise SystemExit(f'{path}:{t.line}: a mutate: skip needs a reason')
            ops = {o.strip() for o in m.group(1).split(',')} if m.group(1) else None
            end_line = t.line + t.text.count('\n')
            annotations[end_line] = (ops, reason)
    code = [t for t in toks if t.kind != 'comment']
    skip = skipped_indexes(code)
    out = []

    def add(tok, op, edits, site=None):
        if site is None:        # a one-token change
            site = edits[0]
        out.append(Mutant(f'{path}:{tok.line}:{tok.col}:{op}', path, tok.line, tok.col, op, edits, site))

    def flat(a, b):
        return ' '.join(text[a:b].replace('\\\n', ' ').split())

    handled_chains = set()
    for i, t in enumerate(code):
        if i in skip or t.kind in ('pp', 'string', 'char'):
            continue
        # relational operators at their boundary
        if t.kind == 'punct' and t.text in REL_SWAP and not t.pp:
            stops = REL_STOPS if t.text in ('==', '!=') else REL_STOPS | {'==', '!='}
            a = extent(code, i - 1, -1, stops)
            b = extent(code, i + 1, 1, stops)
            site = (code[a].start, code[b].end,
                    flat(code[a].start, t.start) + ' ' + REL_SWAP[t.text] + ' ' + flat(t.end, code[b].end))
            add(t, 'rel:' + REL_SWAP[t.text], [(t.start, t.end, REL_SWAP[t.text])], site)
        # version gates
        if t.kind == 'ident' and t.text in VERSION_MACROS and i + 5 < len(code) and code[i + 1].text == '(' \
                and code[i + 3].text == ',' and code[i + 4].kind == 'number' and code[i + 5].text == ')':
            minor = code[i + 4]
            value = int(minor.text, 0)
            add(minor, 'ver+1', [(minor.start, minor.end, str(value + 1))])
            if value > 0:
                add(minor, 'ver-1', [(minor.start, minor.end, str(value - 1))])
        # constants
        if t.kind == 'number':
            m = INT_RE.match(t.text)
            inside_version = i >= 2 and code[i - 2].text == '(' and i >= 3 and code[i - 3].text in VERSION_MACROS \
                or i >= 4 and code[i - 1].text == ',' and code[i - 4].text in VERSION_MACROS
            if m and not inside_version and const_context(code, i):
                value = int(m.group(1), 0)
                suffix = m.group(2)
                fmt = (lambda v: hex(v)) if m.group(1).lower().startswith('0x') else str
                add(t, 'const+1', [(t.start, t.end, fmt(value + 1) + suffix)])
                if value > 0:
                    add(t, 'const-1', [(t.start, t.end, fmt(value - 1) + suffix)])
        # guards: if (COND) return/continue/break/goto ...;
        if t.kind == 'ident' and t.text == 'if' and i + 1 < len(code) and code[i + 1].text == '(':
            close = match_paren(code, i + 1)
            body = close + 1
            if body < len(code) and code[body].text == '{':
                inner = body + 1
                end = match_paren(code, body)
                simple = inner < len(code) and code[inner].text in ('return', 'continue', 'break', 'goto') and \
                    all(code[k].text != ';' for k in range(inner, end - 1)) and code[end - 1].text == ';'
            else:
                simple = body < len(code) and code[body].text in ('return', 'continue', 'break', 'goto')
            if simple and close > i + 2:
                first, last = code[i + 2], code[close - 1]
                add(t, 'guard', [(first.start, last.end, '0')])
        # dropped operands of && / || chains
        if t.kind == 'punct' and t.text in ('&&', '||') and not t.pp:
            chain = chain_of(code, i)
            key = (chain[0][0], chain[-1][1], t.text)
            if key in handled_chains:
                continue
            handled_chains.add(key)
            if any(k in skip for k in range(chain[0][0], chain[-1][1] + 1)):
                continue
            op = 'drop-and' if t.text == '&&' else 'drop-or'
            for n, (a, b) in enumerate(chain):
                if n + 1 < len(chain):
                    edit = (code[a].start, code[chain[n + 1][0]].start, '')
                else:
                    edit = (code[chain[n - 1][1]].end, code[b].end, '')
                add(code[a], op, [edit], (code[a].start, code[b].end, '1' if t.text == '&&' else '0'))
    return out, annotations


BOUNDARY = {',', ';', '{', '}', '?', ':', 'return'} | ASSIGN_OPS


# stops of the operands of a relational operator (== and != add < <= > >=)
REL_STOPS = BOUNDARY | {'&&', '||', '&', '|', '^', '<', '<=', '>', '>='}


def binary(code, j):
    """Whether the operator code[j] is binary (not unary & - * +)."""
    if j == 0:
        return False
    p = code[j - 1]
    return p.kind in ('number', 'string', 'char') or p.text in (')', ']') or \
        (p.kind == 'ident' and p.text not in ('return', 'case', 'sizeof'))


def extent(code, j, step, stops):
    """The last token index of the operand that starts at code[j] going in
    direction STEP (-1: leftwards), stopping at an unmatched bracket or at a
    token of STOPS (at depth 0)."""
    depth = 0
    last = j - step
    pp = code[j - step].pp if 0 <= j - step < len(code) else False
    while 0 <= j < len(code):
        tk = code[j]
        t = tk.text
        if tk.kind == 'pp' or tk.pp != pp:
            return last
        if tk.kind == 'punct' and t in ('(', '['):
            if step > 0:
                depth += 1
            elif depth == 0:
                return last
            else:
                depth -= 1
        elif tk.kind == 'punct' and t in (')', ']'):
            if step < 0:
                depth += 1
            elif depth == 0:
                return last
            else:
                depth -= 1
        elif depth == 0 and tk.kind in ('punct', 'ident') and t in stops and \
                (t not in ('&', '-', '+', '*') or binary(code, j)):
            return last
        last = j
        j += step
    return last


def chain_of(code, i):
    """The operands (first, last token index) of the && or || chain that
    code[i] belongs to."""
    op = code[i].text
    stops = BOUNDARY | ({'||'} if op == '&&' else set())

    first = extent(code, i - 1, -1, stops)
    last = extent(code, i + 1, 1, stops)
    operands = []
    depth = 0
    start = first
    for j in range(first, last + 1):
        t = code[j].text
        if code[j].kind == 'punct' and t in ('(', '['):
            depth += 1
        elif code[j].kind == 'punct' and t in (')', ']'):
            depth -= 1
        elif depth == 0 and code[j].kind == 'punct' and t == op:
            operands.append((start, j - 1))
            start = j + 1
    operands.append((start, last))
    return operands


def apply(text, edits):
    for start, end, repl in sorted(edits, reverse=True):
        text = text[:start] + repl + text[end:]
    return text


def shown(text, edits, mutated):
    """The original line(s) and the mutated line(s) of a mutant, whitespace collapsed."""
    start = min(e[0] for e in edits)
    end = max(e[1] for e in edits)
    ls = text.rfind('\n', 0, start) + 1
    le = text.find('\n', end)
    le = len(text) if le < 0 else le
    delta = sum(len(e[2]) - (e[1] - e[0]) for e in edits)
    orig = ' '.join(text[ls:le].split())
    mut = ' '.join(mutated[ls:le + delta].split())
    return orig, mut


# ---------------------------------------------------------------- sources

# Not mutated: the one rule whose check runs only
# with --libvirt-check (it defines the document with the installed libvirt,
# which neither the corpus nor the unit tests do; tests/libvirt_check.sh
# covers it).
NOT_MUTATED = {'rules/libvirt/define.c'}


def source_files():
    files = sorted(glob.glob('rules/*/*.c') + glob.glob('rules/*/*.h')) + MODEL_FILES
    return [f for f in files if f not in NOT_MUTATED]


def rule_ids(path, text):
    return re.findall(r'^\s*\.id\s*=\s*"([^"]+)"', text, re.M)


def includers(header):
    name = os.path.basename(header)
    out = []
    for f in sorted(glob.glob('rules/*/*.c') + glob.glob('lint/*/*.c')):
        with open(f) as fh:
            if re.search(r'#\s*include\s+"' + re.escape(header) + '"', fh.read()):
                out.append(f)
    return out


def corpus_targets(all_ids, ids):
    """Directories of cases that can see a change of rules IDS (None: all)."""
    if ids is None:
        return ['corpus']
    dirs = set()
    for dirpath, _, files in os.walk('corpus'):
        if not any(f.endswith('.xml') for f in files):
            continue
        base = os.path.basename(dirpath)
        if base in ids or base not in all_ids:
            dirs.add(dirpath)
    # keep parents only when all their cases are wanted: list case dirs as they are
    return sorted(dirs)


# ---------------------------------------------------------------- build

def run(cmd, **kw):
    # a mutant may print anything: read it as UTF-8, replacing what is not
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, encoding='utf-8',
                          errors='replace', **kw)


class Builder:
    def __init__(self, args):
        self.b = os.path.abspath(args.build)
        self.work = os.path.abspath(args.work) if args.work else os.path.join(self.b, 'mutate')
        make = os.environ.get('MAKE', 'make')
        # what mutants link with must be built from the sources as they are
        deps = run([make, '-s', '--no-print-directory', f'B={args.build}', f'BIN={args.build}/virtlint',
                    'mutate-deps'], cwd=ROOT)
        if deps.returncode:
            sys.exit('mutate: make mutate-deps failed:\n' + deps.stdout[-3000:])
        vars_out = run([make, '-s', '--no-print-directory', f'B={args.build}', f'BIN={args.build}/virtlint',
                        'mutate-vars'], cwd=ROOT)
        if vars_out.returncode:
            sys.exit('mutate: make mutate-vars failed:\n' + vars_out.stdout)
        v = dict(line.split('=', 1) for line in vars_out.stdout.splitlines() if '=' in line)
        self.cc = shlex.split(v['CC'])
        self.cflags = [f for f in shlex.split(v['CFLAGS']) if f not in ('-Werror', '-g', '-MMD', '-MP')] + ['-g0']
        self.libs = shlex.split(v['LIBS'])
        self.check_libs = shlex.split(v['CHECK_LIBS'])
        self.ldflags = shlex.split(v.get('LDFLAGS', ''))
        self.unit_tests = sorted(shlex.split(v['UNIT_TESTS']))
        os.makedirs(self.work, exist_ok=True)
        base = os.path.join(self.work, 'base')
        os.makedirs(base, exist_ok=True)
        # objects without debug information link several times faster
        self.lib = os.path.join(base, 'libvirtlint.a')
        self._strip(os.path.join(self.b, 'libvirtlint.a'), self.lib)
        self.runner_o = os.path.join(base, 'corpus_runner.o')
        self._strip(os.path.join(self.b, 'tests/corpus_runner.o'), self.runner_o)
        self.test_objs = {}
        for t in self.unit_tests:
            o = os.path.join(base, os.path.basename(t) + '.o')
            self._strip(t + '.o', o)
            self.test_objs[t] = o
        self.test_syms = {t: self._symbols(t, defined_only=True) for t in self.unit_tests}
        # a GLib critical (a NULL where GLib wants a string, ...) is a bug:
        # it fails the run, here and in the unmutated baseline alike
        self.env = dict(os.environ, CK_VERBOSITY='silent', G_DEBUG='fatal-criticals')
        # Schema verdicts are cached on disk.  A mutant of the schema rule can
        # remember an invalid document as valid, so no run may write to a
        # cache another run reads: the baseline fills a clean one, and each
        # run gets its own copy of it (hard links: entries are empty files
        # that are created, never changed).
        self.cache_base = os.path.join(self.work, 'cache-base')
        shutil.rmtree(self.cache_base, ignore_errors=True)

    def env_in(self, wd):
        """The environment of one run in WD, with its own copy of the clean cache."""
        cache = os.path.join(wd, 'cache')
        shutil.rmtree(cache, ignore_errors=True)
        r = run(['cp', '-al', self.cache_base, cache])
        if r.returncode:
            raise RuntimeError('cannot copy the schema cache: ' + r.stdout)
        return dict(self.env, VIRTLINT_CACHE_DIR=cache)

    def _strip(self, src, dst):
        r = run(['objcopy', '--strip-debug', src, dst])
        if r.returncode:
            sys.exit(f'mutate: objcopy {src}: {r.stdout}')

    def _symbols(self, path, defined_only):
        r = run(['nm', '-g'] + (['--defined-only'] if defined_only else []) + [path])
        return {line.split()[-1] for line in r.stdout.splitlines() if len(line.split()) >= 3}

    def object_of(self, src):
        return os.path.join(self.b, src[:-2] + '.o')

    def tests_containing(self, srcs):
        syms = set()
        for s in srcs:
            syms |= self._symbols(self.object_of(s), defined_only=True)
        return [t for t in self.unit_tests if syms & self.test_syms[t]]

    def compile(self, wd, src, text):
        """Compile TEXT as SRC into WD; the object's path, or None and the errors."""
        copy = os.path.join(wd, src)
        os.makedirs(os.path.dirname(copy), exist_ok=True)
        with open(copy, 'w') as fh:
            fh.write(text)
        obj = copy[:-2] + '.o'
        r = run(['nice', '-n', '10'] + self.cc + ['-iquote', wd, '-iquote', os.path.dirname(copy),
                                                 '-iquote', os.path.join(ROOT, os.path.dirname(src))] +
                self.cflags + ['-c', copy, '-o', obj], cwd=ROOT)
        return (obj, None) if r.returncode == 0 else (None, r.stdout)

    def link(self, out, main_obj, objs, extra_libs=()):
        r = run(['nice', '-n', '10'] + self.cc + self.ldflags + ['-o', out, main_obj] + objs + [self.lib] +
                self.libs + list(extra_libs), cwd=ROOT)
        return r.returncode == 0, r.stdout


# ---------------------------------------------------------------- schemata

# Every mutant of a file is compiled into one object (a "mutant schema"):
# each mutated expression becomes (vl_mutant_ == K ? MUTATED : ORIGINAL) and
# the environment variable VIRTLINT_MUTANT picks K at run time, so a file is
# compiled and linked once, not once per mutant.  A mutant whose expression
# cannot be written so (a constant expression, a partial overlap) is built on
# its own from its text change.
PRELUDE = ('#include <stdlib.h>\n'
           'static int vl_mutant_ = -1; __attribute__((constructor)) static void vl_mutant_init_(void) '
           '{ const char *s = getenv("VIRTLINT_MUTANT"); vl_mutant_ = s ? atoi(s) : -1; }\n'
           '#line 1\n')
BOOLEAN_OPS = {'guard', 'drop-and', 'drop-or'}


def schematize(text, numbered):
    """The text with the mutants NUMBERED ([(K, Mutant)]) switchable; and
    the numbers that could not be placed."""
    spans = {}
    for k, m in numbered:
        spans.setdefault((m.site[0], m.site[1]), []).append((k, m))
    roots, stack, bad = [], [], set()
    for ab in sorted(spans, key=lambda x: (x[0], -x[1])):
        while stack and stack[-1]['span'][1] <= ab[0]:
            stack.pop()
        if stack and ab[1] > stack[-1]['span'][1]:
            bad.update(k for k, _ in spans[ab])
            continue
        node = {'span': ab, 'alts': spans[ab], 'children': []}
        (stack[-1]['children'] if stack else roots).append(node)
        stack.append(node)

    def render(a, b, children):
        out, pos = [], a
        for c in children:
            ca, cb = c['span']
            out.append(text[pos:ca])
            inner = render(ca, cb, c['children'])
            boolean = any(m.op in BOOLEAN_OPS for _, m in c['alts'])
            expr = ('!!(' if boolean else '(') + inner + ')'
            for k, m in reversed(c['alts']):
                expr = f'(vl_mutant_ == {k} ? ({m.site[2]}) : {expr})'
            out.append(expr)
            pos = cb
        out.append(text[pos:b])
        return ''.join(out)

    return PRELUDE + render(0, len(text), roots), bad


def error_lines(output, name):
    lines = set()
    for m in re.finditer(r'^([^:\s]+):(\d+):\d+: error', output, re.M):
        if os.path.basename(m.group(1)) == name:
            lines.add(int(m.group(2)))
    return lines


# ---------------------------------------------------------------- runner

class Plan:
    """What to rebuild and run for the mutants of one file."""

    def __init__(self, builder, path, all_ids):
        self.path = path
        if path.endswith('.h'):
            self.units = includers(path)
        else:
            self.units = [path]
        ids = set()
        helper = False
        for u in self.units:
            if u.startswith('lint/'):
                helper = True
                continue
            with open(u) as fh:
                found = rule_ids(u, fh.read())
            if not found:
                helper = True
            ids.update(found)
        self.corpus = corpus_targets(all_ids, None if helper else ids)
        self.tests = builder.tests_containing(self.units)
        self.schema_objs = None     # objects of the mutant schema
        self.numbers = {}           # mutant id -> K in the schema
        self.linked = {}            # unit test -> its binary with the schema
        self.lock = threading.Lock()
        self.wd = None
        self.note = ''


def unit_texts(plan, mutated_text):
    """(unit path, its text) to compile for the mutated text of plan.path."""
    out = []
    for u in plan.units:
        if u == plan.path:
            out.append((u, mutated_text))
        else:
            with open(u) as fh:
                out.append((u, fh.read()))
    return out


def compile_units(builder, plan, wd, mutated_text):
    if plan.path.endswith('.h'):
        # includers see the mutated header beside them (WD/<dir>/header)
        hcopy = os.path.join(wd, plan.path)
        os.makedirs(os.path.dirname(hcopy), exist_ok=True)
        with open(hcopy, 'w') as fh:
            fh.write(mutated_text)
    objs = []
    for u, t in unit_texts(plan, mutated_text):
        obj, err = builder.compile(wd, u, t)
        if obj is None:
            return None, err
        objs.append(obj)
    return objs, None


def build_schema(builder, plan, mutants, text, timeouts):
    """Compile and link the mutant schema of plan.path; sets plan.numbers to
    the mutants it holds (the others are built one by one)."""
    wd = os.path.join(builder.work, 'files', plan.path.replace('/', '_'))
    shutil.rmtree(wd, ignore_errors=True)
    os.makedirs(wd)
    plan.wd = wd
    numbered = list(enumerate(mutants))
    for attempt in range(4):
        schema, bad = schematize(text, numbered)
        numbered = [(k, m) for k, m in numbered if k not in bad]
        objs, err = compile_units(builder, plan, wd, schema)
        if objs is not None:
            break
        lines = error_lines(err, os.path.basename(plan.path))
        drop = [(k, m) for k, m in numbered if any(m.line <= ln <= m.line + 3 for ln in lines)]
        if not drop and attempt == 0:       # errors elsewhere: macros used in constant expressions
            drop = [(k, m) for k, m in numbered if m.site[0] < len(text) and
                    text.rfind('\n', 0, m.site[0]) + 1 < len(text) and
                    text[text.rfind('\n', 0, m.site[0]) + 1:].lstrip().startswith('#')]
        if not drop:
            plan.note = 'schema does not compile: ' + (err.strip().splitlines() or [''])[0][:160]
            return
        kept = {k for k, _ in drop}
        numbered = [(k, m) for k, m in numbered if k not in kept]
    else:
        plan.note = 'schema does not compile after 4 attempts'
        return
    runner = os.path.join(wd, 'corpus-runner')
    ok, out = builder.link(runner, builder.runner_o, objs)
    if not ok:
        plan.note = 'schema does not link: ' + out[:160]
        return
    # with no mutant chosen the schema must behave as the source does
    try:
        r = run(['nice', '-n', '10', runner] + plan.corpus, cwd=ROOT, env=builder.env_in(wd),
                timeout=timeouts['corpus'])
        passed = r.returncode == 0
    except subprocess.TimeoutExpired:
        passed = False
    if not passed:
        plan.note = 'schema fails without a mutant (built one by one instead)'
        return
    plan.schema_objs = objs
    plan.runner = runner
    plan.numbers = {m.id: k for k, m in numbered}


def schema_test(builder, plan, t):
    with plan.lock:
        if t not in plan.linked:
            exe = os.path.join(plan.wd, os.path.basename(t))
            ok, out = builder.link(exe, builder.test_objs[t], plan.schema_objs, builder.check_libs)
            plan.linked[t] = exe if ok else None
        return plan.linked[t]


def run_tests(builder, plan, runner, tests, env, timeouts):
    """Run the corpus runner, then the unit tests (callable giving each
    binary); (status, why)."""
    try:
        r = run(['nice', '-n', '10', runner] + plan.corpus, cwd=ROOT, env=env, timeout=timeouts['corpus'])
    except subprocess.TimeoutExpired:
        return 'killed', 'corpus: timeout'
    if r.returncode != 0:
        fail = next((line for line in r.stdout.splitlines() if line.startswith('FAIL')), f'exit {r.returncode}')
        return 'killed', 'corpus: ' + fail[:200]
    for t in plan.tests:
        exe = tests(t)
        if exe is None:
            return 'nocompile', f'{os.path.basename(t)} does not link'
        try:
            r = run(['nice', '-n', '10', exe], cwd=ROOT, env=env, timeout=timeouts['unit'])
        except subprocess.TimeoutExpired:
            return 'killed', f'{os.path.basename(t)}: timeout'
        if r.returncode != 0:
            fail = next((line for line in r.stdout.splitlines() if ':F:' in line or ':E:' in line),
                        f'exit {r.returncode}')
            return 'killed', f'{os.path.basename(t)}: ' + fail[:200]
    return 'survived', ''


def run_mutant(builder, plan, mutant, text, wd, timeouts):
    env = builder.env_in(wd)
    if mutant.id in plan.numbers:
        env = dict(env, VIRTLINT_MUTANT=str(plan.numbers[mutant.id]))
        return run_tests(builder, plan, plan.runner, lambda t: schema_test(builder, plan, t), env, timeouts)
    # on its own: compile the text change, link, run
    objs, err = compile_units(builder, plan, wd, apply(text, mutant.edits))
    if objs is None:
        return 'nocompile', (err.strip().splitlines() or [''])[0][:200]
    runner = os.path.join(wd, 'corpus-runner')
    ok, out = builder.link(runner, builder.runner_o, objs)
    if not ok:
        return 'nocompile', 'link: ' + (out.strip().splitlines() or [''])[0]

    def test(t):
        exe = os.path.join(wd, os.path.basename(t))
        ok, _ = builder.link(exe, builder.test_objs[t], objs, builder.check_libs)
        return exe if ok else None
    return run_tests(builder, plan, runner, test, env, timeouts)


def baseline(builder):
    """The unmutated tree must pass; returns the timeouts."""
    wd = os.path.join(builder.work, 'baseline')
    os.makedirs(wd, exist_ok=True)
    runner = os.path.join(wd, 'corpus-runner')
    ok, out = builder.link(runner, builder.runner_o, [])
    if not ok:
        sys.exit('mutate: cannot link the corpus runner:\n' + out)
    os.makedirs(builder.cache_base)
    run([runner, 'corpus'], cwd=ROOT, env=dict(builder.env, VIRTLINT_CACHE_DIR=builder.cache_base))
    env = builder.env_in(wd)
    t0 = time.time()
    r = run([runner, 'corpus'], cwd=ROOT, env=env)
    corpus_s = time.time() - t0
    if r.returncode:
        sys.exit('mutate: the corpus fails without mutants; fix that first:\n' + r.stdout[-3000:])
    unit_s = 0
    for t in builder.unit_tests:
        exe = os.path.join(wd, os.path.basename(t))
        ok, out = builder.link(exe, builder.test_objs[t], [], builder.check_libs)
        if not ok:
            sys.exit('mutate: cannot link ' + t + ':\n' + out)
        t0 = time.time()
        r = run([exe], cwd=ROOT, env=builder.env_in(wd))
        unit_s = max(unit_s, time.time() - t0)
        if r.returncode:
            sys.exit(f'mutate: {t} fails without mutants; fix that first:\n' + r.stdout[-3000:])
    return {'corpus': max(15.0, 10 * corpus_s), 'unit': max(30.0, 10 * unit_s)}


# ---------------------------------------------------------------- main

def enumerate_all(files):
    result = []
    skipped = []
    texts = {}
    for path in files:
        with open(path) as fh:
            text = fh.read()
        texts[path] = text
        mutants, annotations = mutants_of(path, text)
        for m in mutants:
            ann = annotations.get(m.line) or annotations.get(m.line - 1)
            if ann and (ann[0] is None or m.op in ann[0] or f'{m.op}@{m.col}' in ann[0]):
                skipped.append((m, ann[1]))
            else:
                result.append(m)
    return result, skipped, texts


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--build', default='build', help='the build directory (make B=...)')
    ap.add_argument('--list', action='store_true', help='only list the mutants')
    ap.add_argument('--files', help='comma-separated paths or globs to mutate (default: rules/ and the model)')
    ap.add_argument('--sample', type=int, help='run a random sample of N mutants')
    ap.add_argument('--seed', type=int, default=11, help='seed of --sample')
    ap.add_argument('--ids', help='run only the mutants whose ids start the lines of FILE')
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--survivors-out', help='also write the survivors to FILE')
    ap.add_argument('--min-kill-rate', type=float, default=95.0, help='exit 1 below this percentage')
    ap.add_argument('--work', help='scratch directory (default BUILD/mutate); one per concurrent run')
    ap.add_argument('--one-by-one', action='store_true',
                    help='compile each mutant on its own (slow; to cross-check the one-object build)')
    ap.add_argument('--resume', action='store_true',
                    help='keep the results of the last run in the scratch directory, run the rest')
    ap.add_argument('--out', help='the report file (default BUILD/mutate/report.txt)')
    args = ap.parse_args()
    os.chdir(ROOT)

    files = source_files()
    if args.files:
        pats = [p.strip() for p in args.files.split(',') if p.strip()]
        files = [f for f in files if any(fnmatch.fnmatch(f, p) or f == p for p in pats)]
        if not files:
            sys.exit('mutate: --files matches no source')
    mutants, skipped, texts = enumerate_all(files)
    if args.ids:
        with open(args.ids) as fh:
            wanted = {line.split()[0] for line in fh if line.strip() and not line.startswith('#')}
        mutants = [m for m in mutants if m.id in wanted]
    if args.sample and args.sample < len(mutants):
        picked = set(random.Random(args.seed).sample(range(len(mutants)), args.sample))
        mutants = [m for k, m in enumerate(mutants) if k in picked]

    if args.list:
        for m in mutants:
            orig, mut = shown(texts[m.path], m.edits, apply(texts[m.path], m.edits))
            print(f'{m.id}\t{orig}\t=>\t{mut}')
        for m, reason in skipped:
            print(f'# skipped {m.id}: {reason}')
        print(f'# {len(mutants)} mutants, {len(skipped)} skipped by annotation', file=sys.stderr)
        return 0

    builder = Builder(args)
    all_ids = set()
    for f in glob.glob('rules/*/*.c'):
        with open(f) as fh:
            all_ids.update(rule_ids(f, fh.read()))
    timeouts = baseline(builder)
    t_start = time.time()
    results_path = os.path.join(builder.work, 'results.jsonl')
    results = {}
    if args.resume and os.path.exists(results_path):
        wanted = {m.id for m in mutants}
        with open(results_path) as fh:
            for line in fh:
                rec = json.loads(line)
                if rec['id'] in wanted and rec['status'] != 'error':
                    results[rec['id']] = rec
        print(f'mutate: resuming, {len(results)} results kept from {results_path}', flush=True)
    todo = [m for m in mutants if m.id not in results]
    plans = {p: Plan(builder, p, all_ids) for p in sorted({m.path for m in todo})}
    t_build = time.time()
    by_path = {}
    for m in mutants:
        if m.path in plans:
            by_path.setdefault(m.path, []).append(m)
    if not args.one_by_one:
        with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
            list(pool.map(lambda p: build_schema(builder, plans[p], by_path[p], texts[p], timeouts), sorted(plans)))
    alone = sum(1 for m in todo if m.id not in plans[m.path].numbers)
    print(f'mutate: {len(mutants)} mutants of {len(plans)} files built in {time.time() - t_build:.0f} s '
          f'({alone} to build one by one)', flush=True)
    for p in sorted(plans):
        if plans[p].note:
            print(f'mutate: {p}: {plans[p].note}', flush=True)

    lock = threading.Lock()
    local = threading.local()
    counter = [0]
    slots = list(range(args.jobs))
    with open(results_path, 'a' if args.resume else 'w') as results_fh:
        def work(m):
            if not hasattr(local, 'wd'):
                with lock:
                    local.wd = os.path.join(builder.work, f'w{slots.pop(0)}')
                shutil.rmtree(local.wd, ignore_errors=True)
                os.makedirs(local.wd)
            t0 = time.time()
            try:
                status, why = run_mutant(builder, plans[m.path], m, texts[m.path], local.wd, timeouts)
            except Exception as e:      # a fault of this tool: say so, go on
                status, why = 'error', f'mutate.py: {type(e).__name__}: {e}'
            orig, mut = shown(texts[m.path], m.edits, apply(texts[m.path], m.edits))
            rec = {'id': m.id, 'status': status, 'why': why, 'orig': orig, 'mutant': mut,
                   'seconds': round(time.time() - t0, 2)}
            with lock:
                results[m.id] = rec
                results_fh.write(json.dumps(rec) + '\n')
                results_fh.flush()
                counter[0] += 1
                if status == 'survived' or counter[0] % 50 == 0:
                    done = counter[0]
                    el = time.time() - t_start
                    print(f'[{done}/{len(todo)} {el:.0f}s] {status}: {m.id}' +
                          (f'  {orig}  =>  {mut}' if status == 'survived' else f'  {why[:100]}'), flush=True)
            return rec

        with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
            list(pool.map(work, todo))
    elapsed = time.time() - t_start

    killed = [m for m in mutants if results[m.id]['status'] == 'killed']
    survived = [m for m in mutants if results[m.id]['status'] == 'survived']
    nocompile = [m for m in mutants if results[m.id]['status'] == 'nocompile']
    errors = [m for m in mutants if results[m.id]['status'] == 'error']
    judged = len(killed) + len(survived)
    rate = 100.0 * len(killed) / judged if judged else 100.0
    lines = []
    lines.append(f'mutants: {len(mutants)}  killed: {len(killed)}  survived: {len(survived)}  '
                 f'did not compile: {len(nocompile)}  skipped by annotation: {len(skipped)}' +
                 (f'  TOOL ERRORS: {len(errors)} (see results.jsonl)' if errors else ''))
    lines.append(f'kill rate: {rate:.1f}% (killed / (killed + survived))  time: {elapsed:.0f} s with {args.jobs} jobs')
    by_file = {}
    for m in survived:
        by_file[m.path] = by_file.get(m.path, 0) + 1
    if survived:
        lines.append('survivors per file: ' + ', '.join(f'{p} {n}' for p, n in sorted(by_file.items())))
        lines.append('survivors:')
        for m in survived:
            r = results[m.id]
            lines.append(f'  {m.id}  {r["orig"]}  =>  {r["mutant"]}')
    if skipped:
        lines.append('skipped by annotation:')
        for m, reason in skipped:
            lines.append(f'  {m.id}: {reason}')
    report = '\n'.join(lines) + '\n'
    out = args.out or os.path.join(builder.work, 'report.txt')
    with open(out, 'w') as fh:
        fh.write(report)
    print(report, end='')
    print(f'(report: {out}, every result: {results_path})')
    if args.survivors_out:
        with open(args.survivors_out, 'w') as fh:
            fh.write(f'# virtlint mutation survivors ({time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}, '
                     f'branch mutate); {len(survived)} of {judged} judged mutants; '
                     f'format: ID  original line  =>  mutated line\n')
            for m in survived:
                r = results[m.id]
                fh.write(f'{m.id}  {r["orig"]}  =>  {r["mutant"]}\n')
    if rate < args.min_kill_rate:
        print(f'mutate: kill rate {rate:.1f}% is below {args.min_kill_rate:g}%', file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
