"""Disassembler of ftpy bytecode, with CPython 3.11's dis API and column layout.

ftpy's instruction set is its own (core/vm/opcodes.def; exposed by the _opcode module), so
the instructions differ from CPython's, but the output is laid out the same way: source
line, jump-target marker, offset, opcode name, argument and its meaning in parentheses.
Each ftpy instruction is 4 bytes in co_code (opcode in the low byte, a 24-bit argument
above it, no EXTENDED_ARG), so offsets are instruction index * 4 — the same offsets
code.co_lines() uses. Example (ftpy 0.1):

    >>> def f(x):
    ...     if x:
    ...         return x + 1
    ...     return None
    >>> dis.dis(f)
      2           0 LOAD_FAST                0 (x)
                  4 POP_JUMP_IF_FALSE        6 (to 24)

      3           8 LOAD_FAST                0 (x)
                 12 LOAD_CONST               1 (1)
                 16 BINARY_OP                0 (+)
                 20 RETURN_VALUE

      4     >>   24 RETURN_CONST             0 (None)

(the exact instructions depend on the code generator; run dis.dis yourself for the real
listing). Nested code objects are listed after their parent ("Disassembly of <code object
...>:"), as CPython does.
"""
import sys
import _opcode

__all__ = ["code_info", "dis", "disassemble", "distb", "disco", "findlinestarts",
           "findlabels", "show_code", "get_instructions", "Instruction", "Bytecode",
           "opname", "opmap", "hasconst", "hasname", "hasjrel", "hasjabs", "haslocal",
           "hasfree", "hascompare", "stack_effect", "cmp_op", "HAVE_ARGUMENT",
           "EXTENDED_ARG"]

opname = list(_opcode.opname)
opmap = {name: i for i, name in enumerate(opname)}
_argkind = list(_opcode.argkind)
cmp_op = tuple(_opcode.cmp_op)
_binop = list(_opcode.binop_symbols)
hasconst = [i for i, k in enumerate(_argkind) if k == 'CONST']
hasname = [i for i, k in enumerate(_argkind) if k == 'NAME']
hasjabs = [i for i, k in enumerate(_argkind) if k == 'JUMP']
hasjrel = []
haslocal = [i for i, k in enumerate(_argkind) if k == 'LOCAL']
hasfree = [i for i, k in enumerate(_argkind) if k == 'FREE']
hascompare = [i for i, k in enumerate(_argkind) if k == 'CMP']
HAVE_ARGUMENT = 0           # every ftpy opcode carries an argument field
EXTENDED_ARG = -1           # ftpy has none
_INSTR_SIZE = _opcode.instruction_size

_OPNAME_WIDTH = 20
_OPARG_WIDTH = 5


def stack_effect(opcode, oparg=None, *, jump=None):
    return _opcode.stack_effect(opcode, oparg, jump=jump)


class Instruction:
    """Details for one bytecode operation (CPython's named tuple, as a small class)."""
    _fields = ('opname', 'opcode', 'arg', 'argval', 'argrepr', 'offset', 'starts_line',
               'is_jump_target', 'positions')

    def __init__(self, opname, opcode, arg, argval, argrepr, offset, starts_line,
                 is_jump_target, positions=None):
        self.opname = opname
        self.opcode = opcode
        self.arg = arg
        self.argval = argval
        self.argrepr = argrepr
        self.offset = offset
        self.starts_line = starts_line
        self.is_jump_target = is_jump_target
        self.positions = positions

    def _astuple(self):
        return tuple(getattr(self, f) for f in self._fields)

    def __iter__(self):
        return iter(self._astuple())

    def __getitem__(self, i):
        return self._astuple()[i]

    def __len__(self):
        return len(self._fields)

    def __eq__(self, other):
        if isinstance(other, Instruction):
            return self._astuple() == other._astuple()
        return NotImplemented

    def __repr__(self):
        return 'Instruction(%s)' % ', '.join(
            '%s=%r' % (f, getattr(self, f)) for f in self._fields)

    def _disassemble(self, lineno_width=3, mark_as_current=False, offset_width=4):
        fields = []
        if lineno_width:
            if self.starts_line is not None:
                lineno_fmt = "%%%dd" % lineno_width
                fields.append(lineno_fmt % self.starts_line)
            else:
                fields.append(' ' * lineno_width)
        fields.append('-->' if mark_as_current else '   ')
        fields.append('>>' if self.is_jump_target else '  ')
        fields.append(repr(self.offset).rjust(offset_width))
        fields.append(self.opname.ljust(_OPNAME_WIDTH))
        if self.arg is not None:
            fields.append(repr(self.arg).rjust(_OPARG_WIDTH))
            if self.argrepr:
                fields.append('(' + self.argrepr + ')')
        return ' '.join(fields).rstrip()


def _get_code_object(x):
    if hasattr(x, '__func__'):
        x = x.__func__
    if hasattr(x, '__code__'):
        x = x.__code__
    elif hasattr(x, 'gi_code'):
        x = x.gi_code
    if isinstance(x, str):
        x = compile(x, '<disassembly>', 'exec')
    if hasattr(x, 'co_code'):
        return x
    raise TypeError("don't know how to disassemble %s objects" % type(x).__name__)


def _decode(code):
    raw = code.co_code
    for i in range(0, len(raw), _INSTR_SIZE):
        op = raw[i]
        arg = raw[i + 1] | (raw[i + 2] << 8) | (raw[i + 3] << 16)
        yield i, op, arg


def findlabels(code):
    labels = []
    for offset, op, arg in _decode(code):
        if op < len(_argkind) and _argkind[op] == 'JUMP':
            target = arg * _INSTR_SIZE
            if target not in labels:
                labels.append(target)
    return labels


def findlinestarts(code):
    lastline = None
    for start, end, line in code.co_lines():
        if line is not None and line != lastline:
            lastline = line
            yield start, line


def _exception_targets(code):
    return [entry[2] * _INSTR_SIZE for entry in _opcode._exception_table(code)]


def _get_instructions_bytes(code, line_offset=0):
    names = code.co_names
    consts = code.co_consts
    localsplus = _opcode._localsplusnames(code)
    labels = set(findlabels(code)) | set(_exception_targets(code))
    linestarts = dict(findlinestarts(code))
    positions = list(code.co_positions())
    for offset, op, arg in _decode(code):
        kind = _argkind[op] if op < len(_argkind) else 'NONE'
        name = opname[op] if op < len(opname) else '<%d>' % op
        argval = None
        argrepr = ''
        if kind == 'NONE':
            arg = None
        elif kind == 'CONST':
            argval = consts[arg]
            argrepr = repr(argval)
        elif kind == 'NAME':
            argval = names[arg]
            argrepr = argval
        elif kind in ('LOCAL', 'FREE'):
            argval = localsplus[arg]
            argrepr = argval
        elif kind == 'JUMP':
            argval = arg * _INSTR_SIZE
            argrepr = "to " + repr(argval)
        elif kind == 'CMP':
            argval = cmp_op[arg]
            argrepr = argval
        elif kind == 'BINOP':
            argval = arg
            argrepr = _binop[arg]
        elif name == 'FORMAT_VALUE':
            argval = ((None, str, repr, ascii)[arg & 3], bool(arg & 4))
            argrepr = ('', 'str', 'repr', 'ascii')[arg & 3]
            if arg & 4:
                argrepr = argrepr + ', with format' if argrepr else 'with format'
        else:
            argval = arg
        starts_line = linestarts.get(offset)
        if starts_line is not None:
            starts_line += line_offset
        pos = positions[offset // _INSTR_SIZE] if offset // _INSTR_SIZE < len(positions) else None
        yield Instruction(name, op, arg, argval, argrepr, offset, starts_line,
                          offset in labels, pos)


def get_instructions(x, *, first_line=None, show_caches=False, adaptive=False):
    co = _get_code_object(x)
    line_offset = first_line - co.co_firstlineno if first_line is not None else 0
    return _get_instructions_bytes(co, line_offset)


def _disassemble_bytes(code, lasti=-1, file=None, line_offset=0):
    instrs = list(_get_instructions_bytes(code, line_offset))
    starts = [i.starts_line for i in instrs if i.starts_line is not None]
    maxlineno = max(starts) if starts else 0
    lineno_width = len(str(maxlineno)) if maxlineno >= 1000 else 3
    maxoffset = len(code.co_code) - _INSTR_SIZE
    offset_width = len(str(maxoffset)) if maxoffset >= 10000 else 4
    for instr in instrs:
        if instr.starts_line is not None and instr.offset > 0:
            print(file=file)
        print(instr._disassemble(lineno_width, instr.offset == lasti, offset_width),
              file=file)
    table = _opcode._exception_table(code)
    if table:
        print("ExceptionTable:", file=file)
        for start, end, target, depth, lasti_flag in table:
            print("  %d to %d -> %d [%d]%s" % (start * _INSTR_SIZE, (end - 1) * _INSTR_SIZE,
                                               target * _INSTR_SIZE, depth,
                                               " lasti" if lasti_flag else ""), file=file)


def disassemble(co, lasti=-1, *, file=None, show_caches=False, adaptive=False):
    _disassemble_bytes(co, lasti, file)


disco = disassemble


def _disassemble_recursive(co, *, file=None, depth=None):
    disassemble(co, file=file)
    if depth is None or depth > 0:
        if depth is not None:
            depth = depth - 1
        for x in co.co_consts:
            if hasattr(x, 'co_code'):
                print(file=file)
                print("Disassembly of %r:" % (x,), file=file)
                _disassemble_recursive(x, file=file, depth=depth)


def _is_disassemblable(x):
    return (hasattr(x, '__code__') or hasattr(x, 'co_code') or isinstance(x, (type, staticmethod, classmethod))
            or hasattr(x, '__func__'))


def dis(x=None, *, file=None, depth=None, show_caches=False, adaptive=False):
    if x is None:
        distb(file=file)
        return
    if hasattr(x, '__func__'):
        x = x.__func__
    if hasattr(x, '__code__'):
        x = x.__code__
    elif hasattr(x, 'gi_code'):
        x = x.gi_code
    if hasattr(x, '__dict__') and not hasattr(x, 'co_code'):
        items = sorted(x.__dict__.items())
        for name, x1 in items:
            if isinstance(x1, (staticmethod, classmethod)):
                x1 = x1.__func__
            if hasattr(x1, '__code__') or hasattr(x1, 'co_code') or isinstance(x1, type):
                if isinstance(x1, type) and getattr(x, '__name__', None) == 'builtins':
                    continue
                print("Disassembly of %s:" % name, file=file)
                try:
                    dis(x1, file=file, depth=depth)
                except TypeError as msg:
                    print("Sorry:", msg, file=file)
                print(file=file)
    elif hasattr(x, 'co_code'):
        _disassemble_recursive(x, file=file, depth=depth)
    elif isinstance(x, (bytes, bytearray)):
        raise TypeError("ftpy's dis cannot disassemble raw bytes without a code object")
    elif isinstance(x, str):
        _disassemble_recursive(compile(x, '<dis>', 'exec'), file=file, depth=depth)
    else:
        raise TypeError("don't know how to disassemble %s objects" % type(x).__name__)


def distb(tb=None, *, file=None, show_caches=False, adaptive=False):
    if tb is None:
        try:
            tb = sys.last_traceback
        except AttributeError:
            raise RuntimeError("no last traceback to disassemble") from None
        while tb.tb_next:
            tb = tb.tb_next
    disassemble(tb.tb_frame.f_code, tb.tb_lasti * _INSTR_SIZE, file=file)


COMPILER_FLAG_NAMES = {
    1: "OPTIMIZED", 2: "NEWLOCALS", 4: "VARARGS", 8: "VARKEYWORDS", 16: "NESTED",
    32: "GENERATOR", 64: "NOFREE", 128: "COROUTINE", 256: "ITERABLE_COROUTINE",
    512: "ASYNC_GENERATOR",
}


def pretty_flags(flags):
    names = []
    for i in range(32):
        flag = 1 << i
        if flags & flag:
            names.append(COMPILER_FLAG_NAMES.get(flag, hex(flag)))
            flags ^= flag
            if not flags:
                break
    else:
        names.append(hex(flags))
    return ", ".join(names)


def code_info(x):
    co = _get_code_object(x)
    lines = []
    lines.append("Name:              %s" % (co.co_name,))
    lines.append("Filename:          %s" % (co.co_filename,))
    lines.append("Argument count:    %s" % (co.co_argcount,))
    lines.append("Positional-only arguments: %s" % (co.co_posonlyargcount,))
    lines.append("Kw-only arguments: %s" % (co.co_kwonlyargcount,))
    lines.append("Number of locals:  %s" % (co.co_nlocals,))
    lines.append("Stack size:        %s" % (co.co_stacksize,))
    lines.append("Flags:             %s" % (pretty_flags(co.co_flags),))
    if co.co_consts:
        lines.append("Constants:")
        for i_c in enumerate(co.co_consts):
            lines.append("%4d: %r" % i_c)
    if co.co_names:
        lines.append("Names:")
        for i_n in enumerate(co.co_names):
            lines.append("%4d: %s" % i_n)
    if co.co_varnames:
        lines.append("Variable names:")
        for i_n in enumerate(co.co_varnames):
            lines.append("%4d: %s" % i_n)
    if co.co_freevars:
        lines.append("Free variables:")
        for i_n in enumerate(co.co_freevars):
            lines.append("%4d: %s" % i_n)
    if co.co_cellvars:
        lines.append("Cell variables:")
        for i_n in enumerate(co.co_cellvars):
            lines.append("%4d: %s" % i_n)
    return "\n".join(lines)


def show_code(co, *, file=None):
    print(code_info(co), file=file)


class Bytecode:
    """The bytecode operations of a piece of code, iterable as Instruction objects."""

    def __init__(self, x, *, first_line=None, current_offset=None, show_caches=False,
                 adaptive=False):
        self.codeobj = co = _get_code_object(x)
        if first_line is None:
            self.first_line = co.co_firstlineno
            self._line_offset = 0
        else:
            self.first_line = first_line
            self._line_offset = first_line - co.co_firstlineno
        self._original_object = x
        self.current_offset = current_offset

    def __iter__(self):
        return _get_instructions_bytes(self.codeobj, self._line_offset)

    def __repr__(self):
        return "{}({!r})".format(self.__class__.__name__, self._original_object)

    @classmethod
    def from_traceback(cls, tb, *, show_caches=False, adaptive=False):
        while tb.tb_next:
            tb = tb.tb_next
        return cls(tb.tb_frame.f_code, current_offset=tb.tb_lasti * _INSTR_SIZE)

    def info(self):
        return code_info(self.codeobj)

    def dis(self):
        output = _Collector()
        offset = -1 if self.current_offset is None else self.current_offset
        _disassemble_bytes(self.codeobj, offset, output, self._line_offset)
        return ''.join(output.parts)


class _Collector:
    """A minimal text file (io.StringIO may not be available)."""

    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)
