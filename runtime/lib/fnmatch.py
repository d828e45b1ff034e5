"""Filename matching with shell patterns (*, ?, [seq], [!seq]).

ftpy has no re module yet: patterns are compiled to a small token list and
matched by backtracking over the '*' positions, with CPython's semantics
(no special treatment of '/' or leading dots; an unclosed '[' is literal)."""

import os
import posixpath

__all__ = ["filter", "fnmatch", "fnmatchcase", "translate"]

_cache = {}


def fnmatch(name, pat):
    """Test whether FILENAME matches PATTERN (case-normalised first)."""
    name = os.path.normcase(name)
    pat = os.path.normcase(pat)
    return fnmatchcase(name, pat)


def _compile(pat):
    tokens = []
    i = 0
    n = len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == '*':
            if not tokens or tokens[-1] != ('*',):
                tokens.append(('*',))
        elif c == '?':
            tokens.append(('?',))
        elif c == '[':
            j = i
            if j < n and pat[j] == '!':
                j += 1
            if j < n and pat[j] == ']':
                j += 1
            while j < n and pat[j] != ']':
                j += 1
            if j >= n:
                tokens.append(('c', '['))
            else:
                stuff = pat[i:j]
                i = j + 1
                negate = stuff.startswith('!')
                if negate:
                    stuff = stuff[1:]
                ranges = []
                k = 0
                while k < len(stuff):
                    if k + 2 < len(stuff) and stuff[k + 1] == '-':
                        lo, hi = stuff[k], stuff[k + 2]
                        if lo <= hi:
                            ranges.append((lo, hi))
                        k += 3
                    else:
                        ranges.append((stuff[k], stuff[k]))
                        k += 1
                tokens.append(('[', negate, tuple(ranges)))
        else:
            tokens.append(('c', c))
    return tokens


def _match_one(tok, ch):
    kind = tok[0]
    if kind == 'c':
        return tok[1] == ch
    if kind == '?':
        return True
    negate, ranges = tok[1], tok[2]
    found = False
    for lo, hi in ranges:
        if lo <= ch <= hi:
            found = True
            break
    return found != negate


def _match(tokens, name):
    ti = ni = 0
    star_ti = star_ni = -1
    nt = len(tokens)
    nn = len(name)
    while ni < nn:
        if ti < nt and tokens[ti][0] != '*' and _match_one(tokens[ti], name[ni]):
            ti += 1
            ni += 1
        elif ti < nt and tokens[ti][0] == '*':
            star_ti = ti
            star_ni = ni
            ti += 1
        elif star_ti >= 0:
            star_ni += 1
            ni = star_ni
            ti = star_ti + 1
        else:
            return False
    while ti < nt and tokens[ti][0] == '*':
        ti += 1
    return ti == nt


def fnmatchcase(name, pat):
    """Test whether FILENAME matches PATTERN, including case."""
    key = (type(pat), pat)
    tokens = _cache.get(key)
    if tokens is None:
        if isinstance(pat, bytes):
            tokens = _compile(pat.decode('latin-1'))
        else:
            tokens = _compile(pat)
        if len(_cache) > 256:
            _cache.clear()
        _cache[key] = tokens
    if isinstance(name, bytes):
        name = name.decode('latin-1')
    return _match(tokens, name)


def filter(names, pat):
    """Construct a list from those elements of the iterable NAMES that match PAT."""
    pat = os.path.normcase(pat)
    return [name for name in names if fnmatchcase(os.path.normcase(name), pat)]


def translate(pat):
    """Translate a shell PATTERN to a regular expression (CPython's syntax)."""
    STAR = object()
    res = []
    add = res.append
    i, n = 0, len(pat)
    while i < n:
        c = pat[i]
        i = i + 1
        if c == '*':
            if (not res) or res[-1] is not STAR:
                add(STAR)
        elif c == '?':
            add('.')
        elif c == '[':
            j = i
            if j < n and pat[j] == '!':
                j = j + 1
            if j < n and pat[j] == ']':
                j = j + 1
            while j < n and pat[j] != ']':
                j = j + 1
            if j >= n:
                add('\\[')
            else:
                stuff = pat[i:j]
                if '-' not in stuff:
                    stuff = stuff.replace('\\', r'\\')
                else:
                    chunks = []
                    k = i + 2 if pat[i] == '!' else i + 1
                    while True:
                        k = pat.find('-', k, j)
                        if k < 0:
                            break
                        chunks.append(pat[i:k])
                        i = k + 1
                        k = k + 3
                    chunk = pat[i:j]
                    if chunk:
                        chunks.append(chunk)
                    else:
                        chunks[-1] += '-'
                    for k in range(len(chunks) - 1, 0, -1):
                        if chunks[k - 1][-1] > chunks[k][0]:
                            chunks[k - 1] = chunks[k - 1][:-1] + chunks[k][1:]
                            del chunks[k]
                    stuff = '-'.join(s.replace('\\', r'\\').replace('-', r'\-')
                                     for s in chunks)
                stuff = ''.join('\\' + ch if ch in '&~|' else ch for ch in stuff)
                i = j + 1
                if not stuff:
                    add('(?!)')
                elif stuff == '!':
                    add('.')
                else:
                    if stuff[0] == '!':
                        stuff = '^' + stuff[1:]
                    elif stuff[0] in ('^', '['):
                        stuff = '\\' + stuff
                    add(f'[{stuff}]')
        else:
            add(_re_escape(c))
    assert i == n
    inp = res
    res = []
    add = res.append
    i, n = 0, len(inp)
    while i < n and inp[i] is not STAR:
        add(inp[i])
        i += 1
    while i < n:
        assert inp[i] is STAR
        i += 1
        if i == n:
            add(".*")
            break
        assert inp[i] is not STAR
        fixed = []
        while i < n and inp[i] is not STAR:
            fixed.append(inp[i])
            i += 1
        fixed = "".join(fixed)
        if i == n:
            add(".*")
            add(fixed)
        else:
            add(f"(?>.*?{fixed})")
    res = "".join(res)
    return fr'(?s:{res})\Z'


_special = {c: '\\' + c for c in '()[]{}?*+-|^$\\.&~# \t\n\r\v\f'}


def _re_escape(c):
    return _special.get(c, c)
