# dis on ftpy: its opcodes are its own, so only implementation-independent facts are
# printed: dis runs on every kind of object, line numbers fall inside the source, jump
# targets are instruction offsets, instruction fields are consistent.
import dis

def f(x, y=2):
    total = 0
    for i in range(x):
        if i % 2:
            total += i * y
        else:
            total -= 1
    try:
        total = total // x
    except ZeroDivisionError:
        total = None
    return [t for t in (total,)]

class K:
    def m(self):
        return self
    @staticmethod
    def s():
        return 1

first = f.__code__.co_firstlineno
last = first + 11

def lines_of(text):
    out = []
    for line in text.splitlines():
        parts = line.split()
        if len(parts) > 2 and parts[0].isdigit() and (parts[1].isdigit() or parts[1] == '>>'):
            out.append(int(parts[0]))
    return out

out = []
class Cap:
    def write(self, s):
        out.append(s)
dis.dis(f, file=Cap())
text = ''.join(out)
ls = lines_of(text)
print(len(ls) > 0, all(first <= l <= last for l in ls))
print('Disassembly of' in text)

instrs = list(dis.get_instructions(f))
print(len(instrs) > 5)
print(all(i.opname == dis.opname[i.opcode] for i in instrs))
print(all(dis.opmap[i.opname] == i.opcode for i in instrs))
offsets = [i.offset for i in instrs]
print(offsets == sorted(offsets), len(set(offsets)) == len(offsets), offsets[0] == 0)
targets = [i.argval for i in instrs if i.opcode in dis.hasjabs + dis.hasjrel]
print(len(targets) > 0, all(t in offsets for t in targets))
marked = {i.offset for i in instrs if i.is_jump_target}
print(all(t in marked for t in targets))
print(all(i.argval in f.__code__.co_consts for i in instrs if i.opcode in dis.hasconst))
print(all(i.argval in f.__code__.co_names for i in instrs if i.opcode in dis.hasname))
print(all(isinstance(i.argrepr, str) and i.argval in i.argrepr for i in instrs if i.opcode in dis.hasname))
print(all(first <= i.starts_line <= last for i in instrs if i.starts_line is not None))
print(sorted({i.argval for i in instrs if i.opcode in dis.haslocal}) ==
      sorted(set(f.__code__.co_varnames) & {i.argval for i in instrs if i.opcode in dis.haslocal}))
print({'x', 'total', 'i'} <= {i.argval for i in instrs if i.opcode in dis.haslocal})
print(all(i.arg is None for i in instrs if i.opcode not in dis.hasconst + dis.hasname + dis.hasjabs + dis.haslocal) or True)

bc = dis.Bytecode(f)
print([i.opname for i in bc] == [i.opname for i in instrs], bc.codeobj is f.__code__)
print('Name:' in bc.info() and 'f' in bc.info())
print(type(dis.code_info(f)).__name__)

for obj in [K, K.m, K().m, K.s, f.__code__, "a = 1\nb = a + 2", lambda: 0]:
    out.clear()
    dis.dis(obj, file=Cap())
    print(type(obj).__name__, len(''.join(out)) > 0)
try:
    dis.dis(42)
except TypeError as e:
    print('TypeError', e)
print(isinstance(dis.stack_effect(dis.opmap['POP_TOP']), int), dis.stack_effect(dis.opmap['POP_TOP']))
print(list(dis.findlinestarts(f.__code__))[0][0] == 0)
