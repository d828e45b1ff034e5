"""ast: abstract syntax trees, as CPython 3.11's module of the same name.

The node classes are made here from the table below (names, _fields, _attributes and the
optional fields whose class attribute is None, copied from CPython 3.11) and installed into
the `_ast` C module too. `_ast._parse` runs ftpy's parser and hands back nested tuples that
_build turns into nodes. compile() of an AST object is not supported by ftpy.
"""
import _ast

_NODES = [
    ('mod', 'AST', (), (), ()),
    ('Module', 'mod', ('body', 'type_ignores'), (), ()),
    ('Interactive', 'mod', ('body',), (), ()),
    ('Expression', 'mod', ('body',), (), ()),
    ('FunctionType', 'mod', ('argtypes', 'returns'), (), ()),
    ('stmt', 'AST', (), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('end_lineno', 'end_col_offset')),
    ('FunctionDef', 'stmt', ('name', 'args', 'body', 'decorator_list', 'returns', 'type_comment'), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('returns', 'type_comment', 'end_lineno', 'end_col_offset')),
    ('AsyncFunctionDef', 'stmt', ('name', 'args', 'body', 'decorator_list', 'returns', 'type_comment'), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('returns', 'type_comment', 'end_lineno', 'end_col_offset')),
    ('ClassDef', 'stmt', ('name', 'bases', 'keywords', 'body', 'decorator_list'), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('end_lineno', 'end_col_offset')),
    ('Return', 'stmt', ('value',), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('value', 'end_lineno', 'end_col_offset')),
    ('Delete', 'stmt', ('targets',), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('end_lineno', 'end_col_offset')),
    ('Assign', 'stmt', ('targets', 'value', 'type_comment'), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('type_comment', 'end_lineno', 'end_col_offset')),
    ('AugAssign', 'stmt', ('target', 'op', 'value'), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('end_lineno', 'end_col_offset')),
    ('AnnAssign', 'stmt', ('target', 'annotation', 'value', 'simple'), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('value', 'end_lineno', 'end_col_offset')),
    ('For', 'stmt', ('target', 'iter', 'body', 'orelse', 'type_comment'), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('type_comment', 'end_lineno', 'end_col_offset')),
    ('AsyncFor', 'stmt', ('target', 'iter', 'body', 'orelse', 'type_comment'), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('type_comment', 'end_lineno', 'end_col_offset')),
    ('While', 'stmt', ('test', 'body', 'orelse'), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('end_lineno', 'end_col_offset')),
    ('If', 'stmt', ('test', 'body', 'orelse'), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('end_lineno', 'end_col_offset')),
    ('With', 'stmt', ('items', 'body', 'type_comment'), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('type_comment', 'end_lineno', 'end_col_offset')),
    ('AsyncWith', 'stmt', ('items', 'body', 'type_comment'), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('type_comment', 'end_lineno', 'end_col_offset')),
    ('Match', 'stmt', ('subject', 'cases'), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('end_lineno', 'end_col_offset')),
    ('Raise', 'stmt', ('exc', 'cause'), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('exc', 'cause', 'end_lineno', 'end_col_offset')),
    ('Try', 'stmt', ('body', 'handlers', 'orelse', 'finalbody'), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('end_lineno', 'end_col_offset')),
    ('TryStar', 'stmt', ('body', 'handlers', 'orelse', 'finalbody'), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('end_lineno', 'end_col_offset')),
    ('Assert', 'stmt', ('test', 'msg'), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('msg', 'end_lineno', 'end_col_offset')),
    ('Import', 'stmt', ('names',), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('end_lineno', 'end_col_offset')),
    ('ImportFrom', 'stmt', ('module', 'names', 'level'), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('module', 'level', 'end_lineno', 'end_col_offset')),
    ('Global', 'stmt', ('names',), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('end_lineno', 'end_col_offset')),
    ('Nonlocal', 'stmt', ('names',), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('end_lineno', 'end_col_offset')),
    ('Expr', 'stmt', ('value',), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('end_lineno', 'end_col_offset')),
    ('Pass', 'stmt', (), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('end_lineno', 'end_col_offset')),
    ('Break', 'stmt', (), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('end_lineno', 'end_col_offset')),
    ('Continue', 'stmt', (), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('end_lineno', 'end_col_offset')),
    ('expr', 'AST', (), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('end_lineno', 'end_col_offset')),
    ('BoolOp', 'expr', ('op', 'values'), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('end_lineno', 'end_col_offset')),
    ('NamedExpr', 'expr', ('target', 'value'), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('end_lineno', 'end_col_offset')),
    ('BinOp', 'expr', ('left', 'op', 'right'), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('end_lineno', 'end_col_offset')),
    ('UnaryOp', 'expr', ('op', 'operand'), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('end_lineno', 'end_col_offset')),
    ('Lambda', 'expr', ('args', 'body'), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('end_lineno', 'end_col_offset')),
    ('IfExp', 'expr', ('test', 'body', 'orelse'), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('end_lineno', 'end_col_offset')),
    ('Dict', 'expr', ('keys', 'values'), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('end_lineno', 'end_col_offset')),
    ('Set', 'expr', ('elts',), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('end_lineno', 'end_col_offset')),
    ('ListComp', 'expr', ('elt', 'generators'), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('end_lineno', 'end_col_offset')),
    ('SetComp', 'expr', ('elt', 'generators'), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('end_lineno', 'end_col_offset')),
    ('DictComp', 'expr', ('key', 'value', 'generators'), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('end_lineno', 'end_col_offset')),
    ('GeneratorExp', 'expr', ('elt', 'generators'), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('end_lineno', 'end_col_offset')),
    ('Await', 'expr', ('value',), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('end_lineno', 'end_col_offset')),
    ('Yield', 'expr', ('value',), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('value', 'end_lineno', 'end_col_offset')),
    ('YieldFrom', 'expr', ('value',), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('end_lineno', 'end_col_offset')),
    ('Compare', 'expr', ('left', 'ops', 'comparators'), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('end_lineno', 'end_col_offset')),
    ('Call', 'expr', ('func', 'args', 'keywords'), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('end_lineno', 'end_col_offset')),
    ('FormattedValue', 'expr', ('value', 'conversion', 'format_spec'), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('format_spec', 'end_lineno', 'end_col_offset')),
    ('JoinedStr', 'expr', ('values',), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('end_lineno', 'end_col_offset')),
    ('Constant', 'expr', ('value', 'kind'), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('kind', 'end_lineno', 'end_col_offset')),
    ('Attribute', 'expr', ('value', 'attr', 'ctx'), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('end_lineno', 'end_col_offset')),
    ('Subscript', 'expr', ('value', 'slice', 'ctx'), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('end_lineno', 'end_col_offset')),
    ('Starred', 'expr', ('value', 'ctx'), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('end_lineno', 'end_col_offset')),
    ('Name', 'expr', ('id', 'ctx'), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('end_lineno', 'end_col_offset')),
    ('List', 'expr', ('elts', 'ctx'), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('end_lineno', 'end_col_offset')),
    ('Tuple', 'expr', ('elts', 'ctx'), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('end_lineno', 'end_col_offset')),
    ('Slice', 'expr', ('lower', 'upper', 'step'), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('lower', 'upper', 'step', 'end_lineno', 'end_col_offset')),
    ('expr_context', 'AST', (), (), ()),
    ('Load', 'expr_context', (), (), ()),
    ('Store', 'expr_context', (), (), ()),
    ('Del', 'expr_context', (), (), ()),
    ('boolop', 'AST', (), (), ()),
    ('And', 'boolop', (), (), ()),
    ('Or', 'boolop', (), (), ()),
    ('operator', 'AST', (), (), ()),
    ('Add', 'operator', (), (), ()),
    ('Sub', 'operator', (), (), ()),
    ('Mult', 'operator', (), (), ()),
    ('MatMult', 'operator', (), (), ()),
    ('Div', 'operator', (), (), ()),
    ('Mod', 'operator', (), (), ()),
    ('Pow', 'operator', (), (), ()),
    ('LShift', 'operator', (), (), ()),
    ('RShift', 'operator', (), (), ()),
    ('BitOr', 'operator', (), (), ()),
    ('BitXor', 'operator', (), (), ()),
    ('BitAnd', 'operator', (), (), ()),
    ('FloorDiv', 'operator', (), (), ()),
    ('unaryop', 'AST', (), (), ()),
    ('Invert', 'unaryop', (), (), ()),
    ('Not', 'unaryop', (), (), ()),
    ('UAdd', 'unaryop', (), (), ()),
    ('USub', 'unaryop', (), (), ()),
    ('cmpop', 'AST', (), (), ()),
    ('Eq', 'cmpop', (), (), ()),
    ('NotEq', 'cmpop', (), (), ()),
    ('Lt', 'cmpop', (), (), ()),
    ('LtE', 'cmpop', (), (), ()),
    ('Gt', 'cmpop', (), (), ()),
    ('GtE', 'cmpop', (), (), ()),
    ('Is', 'cmpop', (), (), ()),
    ('IsNot', 'cmpop', (), (), ()),
    ('In', 'cmpop', (), (), ()),
    ('NotIn', 'cmpop', (), (), ()),
    ('comprehension', 'AST', ('target', 'iter', 'ifs', 'is_async'), (), ()),
    ('excepthandler', 'AST', (), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('end_lineno', 'end_col_offset')),
    ('ExceptHandler', 'excepthandler', ('type', 'name', 'body'), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('type', 'name', 'end_lineno', 'end_col_offset')),
    ('arguments', 'AST', ('posonlyargs', 'args', 'vararg', 'kwonlyargs', 'kw_defaults', 'kwarg', 'defaults'), (), ('vararg', 'kwarg')),
    ('arg', 'AST', ('arg', 'annotation', 'type_comment'), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('annotation', 'type_comment', 'end_lineno', 'end_col_offset')),
    ('keyword', 'AST', ('arg', 'value'), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('arg', 'end_lineno', 'end_col_offset')),
    ('alias', 'AST', ('name', 'asname'), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('asname', 'end_lineno', 'end_col_offset')),
    ('withitem', 'AST', ('context_expr', 'optional_vars'), (), ('optional_vars',)),
    ('match_case', 'AST', ('pattern', 'guard', 'body'), (), ('guard',)),
    ('pattern', 'AST', (), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ()),
    ('MatchValue', 'pattern', ('value',), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ()),
    ('MatchSingleton', 'pattern', ('value',), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ()),
    ('MatchSequence', 'pattern', ('patterns',), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ()),
    ('MatchMapping', 'pattern', ('keys', 'patterns', 'rest'), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('rest',)),
    ('MatchClass', 'pattern', ('cls', 'patterns', 'kwd_attrs', 'kwd_patterns'), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ()),
    ('MatchStar', 'pattern', ('name',), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('name',)),
    ('MatchAs', 'pattern', ('pattern', 'name'), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('pattern', 'name')),
    ('MatchOr', 'pattern', ('patterns',), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ()),
    ('type_ignore', 'AST', (), (), ()),
    ('TypeIgnore', 'type_ignore', ('lineno', 'tag'), (), ()),
]


class AST:
    _fields = ()
    _attributes = ()

    def __init__(self, *args, **kwargs):
        fields = type(self)._fields
        if len(args) > len(fields):
            n = len(fields)
            raise TypeError("%s constructor takes at most %d positional argument%s"
                            % (type(self).__name__, n, "" if n == 1 else "s"))
        for name, value in zip(fields, args):
            setattr(self, name, value)
        for name, value in kwargs.items():
            setattr(self, name, value)

    def __reduce__(self):
        return type(self), (), self.__dict__


_classes = {'AST': AST}


def _make_classes():
    g = globals()
    for name, base, fields, attributes, optional in _NODES:
        ns = {'_fields': fields, '_attributes': attributes, '__module__': 'ast'}
        for f in optional:
            ns[f] = None
        cls = type(name, (_classes[base],), ns)
        _classes[name] = cls
        g[name] = cls
        setattr(_ast, name, cls)
    _ast.AST = AST


_make_classes()
del _make_classes

PyCF_ONLY_AST = 0x400
PyCF_TYPE_COMMENTS = 0x1000
PyCF_ALLOW_TOP_LEVEL_AWAIT = 0x2000

_singletons = {}


def _build(t):
    if type(t) is list:
        return [_build(x) for x in t]
    if type(t) is not tuple:
        return t
    name = t[0]
    cls = _classes[name]
    if len(t) == 2 and not cls._fields:
        if not cls._attributes:
            node = _singletons.get(name)
            if node is None:
                node = _singletons[name] = cls()
            return node
    node = cls.__new__(cls)
    i = 2
    for f in cls._fields:
        setattr(node, f, _build(t[i]))
        i += 1
    pos = t[1]
    if pos is not None:
        node.lineno, node.col_offset, node.end_lineno, node.end_col_offset = pos
    return node


def parse(source, filename='<unknown>', mode='exec', *, type_comments=False,
          feature_version=None):
    if mode == 'func_type':
        raise ValueError("ftpy's ast.parse does not support mode='func_type'")
    if not isinstance(filename, str):
        filename = str(filename)
    return _build(_ast._parse(source, filename, mode))


def literal_eval(node_or_string):
    if isinstance(node_or_string, str):
        node_or_string = parse(node_or_string.lstrip(" \t"), mode='eval')
    if isinstance(node_or_string, Expression):
        node_or_string = node_or_string.body

    def _raise_malformed_node(node):
        msg = "malformed node or string"
        lno = getattr(node, 'lineno', None)
        if lno:
            msg += f' on line {lno}'
        raise ValueError(msg + f': {node!r}')

    def _convert_num(node):
        if not isinstance(node, Constant) or type(node.value) not in (int, float, complex):
            _raise_malformed_node(node)
        return node.value

    def _convert_signed_num(node):
        if isinstance(node, UnaryOp) and isinstance(node.op, (UAdd, USub)):
            operand = _convert_num(node.operand)
            if isinstance(node.op, UAdd):
                return + operand
            else:
                return - operand
        return _convert_num(node)

    def _convert(node):
        if isinstance(node, Constant):
            return node.value
        elif isinstance(node, Tuple):
            return tuple(map(_convert, node.elts))
        elif isinstance(node, List):
            return list(map(_convert, node.elts))
        elif isinstance(node, Set):
            return set(map(_convert, node.elts))
        elif (isinstance(node, Call) and isinstance(node.func, Name) and
              node.func.id == 'set' and node.args == node.keywords == []):
            return set()
        elif isinstance(node, Dict):
            if len(node.keys) != len(node.values):
                _raise_malformed_node(node)
            return dict(zip(map(_convert, node.keys),
                            map(_convert, node.values)))
        elif isinstance(node, BinOp) and isinstance(node.op, (Add, Sub)):
            left = _convert_signed_num(node.left)
            right = _convert_num(node.right)
            if isinstance(left, (int, float)) and isinstance(right, complex):
                if isinstance(node.op, Add):
                    return left + right
                else:
                    return left - right
        return _convert_signed_num(node)
    return _convert(node_or_string)


def dump(node, annotate_fields=True, include_attributes=False, *, indent=None):
    def _format(node, level=0):
        if indent is not None:
            level += 1
            prefix = '\n' + indent * level
            sep = ',\n' + indent * level
        else:
            prefix = ''
            sep = ', '
        if isinstance(node, AST):
            cls = type(node)
            args = []
            allsimple = True
            keywords = annotate_fields
            for name in node._fields:
                try:
                    value = getattr(node, name)
                except AttributeError:
                    keywords = True
                    continue
                if value is None and getattr(cls, name, ...) is None:
                    keywords = True
                    continue
                value, simple = _format(value, level)
                allsimple = allsimple and simple
                if keywords:
                    args.append('%s=%s' % (name, value))
                else:
                    args.append(value)
            if include_attributes and node._attributes:
                for name in node._attributes:
                    try:
                        value = getattr(node, name)
                    except AttributeError:
                        continue
                    if value is None and getattr(cls, name, ...) is None:
                        continue
                    value, simple = _format(value, level)
                    allsimple = allsimple and simple
                    args.append('%s=%s' % (name, value))
            if allsimple and len(args) <= 3:
                return '%s(%s)' % (node.__class__.__name__, ', '.join(args)), not args
            return '%s(%s%s)' % (node.__class__.__name__, prefix, sep.join(args)), False
        elif isinstance(node, list):
            if not node:
                return '[]', True
            return '[%s%s]' % (prefix, sep.join(_format(x, level)[0] for x in node)), False
        return repr(node), True

    if not isinstance(node, AST):
        raise TypeError('expected AST, got %r' % node.__class__.__name__)
    if indent is not None and not isinstance(indent, str):
        indent = ' ' * indent
    return _format(node)[0]


def copy_location(new_node, old_node):
    for attr in 'lineno', 'col_offset', 'end_lineno', 'end_col_offset':
        if attr in old_node._attributes and attr in new_node._attributes:
            value = getattr(old_node, attr, None)
            if value is not None or (
                hasattr(old_node, attr) and attr.startswith("end_")
            ):
                setattr(new_node, attr, value)
    return new_node


def fix_missing_locations(node):
    def _fix(node, lineno, col_offset, end_lineno, end_col_offset):
        if 'lineno' in node._attributes:
            if not hasattr(node, 'lineno'):
                node.lineno = lineno
            else:
                lineno = node.lineno
        if 'end_lineno' in node._attributes:
            if getattr(node, 'end_lineno', None) is None:
                node.end_lineno = end_lineno
            else:
                end_lineno = node.end_lineno
        if 'col_offset' in node._attributes:
            if not hasattr(node, 'col_offset'):
                node.col_offset = col_offset
            else:
                col_offset = node.col_offset
        if 'end_col_offset' in node._attributes:
            if getattr(node, 'end_col_offset', None) is None:
                node.end_col_offset = end_col_offset
            else:
                end_col_offset = node.end_col_offset
        for child in iter_child_nodes(node):
            _fix(child, lineno, col_offset, end_lineno, end_col_offset)
    _fix(node, 1, 0, 1, 0)
    return node


def increment_lineno(node, n=1):
    for child in walk(node):
        if isinstance(child, TypeIgnore):
            child.lineno = getattr(child, 'lineno', 0) + n
            continue
        if 'lineno' in child._attributes:
            child.lineno = getattr(child, 'lineno', 0) + n
        if (
            "end_lineno" in child._attributes
            and (end_lineno := getattr(child, "end_lineno", 0)) is not None
        ):
            child.end_lineno = end_lineno + n
    return node


def iter_fields(node):
    for field in node._fields:
        try:
            yield field, getattr(node, field)
        except AttributeError:
            pass


def iter_child_nodes(node):
    for name, field in iter_fields(node):
        if isinstance(field, AST):
            yield field
        elif isinstance(field, list):
            for item in field:
                if isinstance(item, AST):
                    yield item


def _cleandoc(doc):
    # inspect.cleandoc
    try:
        lines = doc.expandtabs().split('\n')
    except UnicodeError:
        return None
    margin = None
    for line in lines[1:]:
        content = len(line.lstrip())
        if content:
            indent = len(line) - content
            margin = indent if margin is None else min(margin, indent)
    if lines:
        lines[0] = lines[0].lstrip()
    if margin is not None:
        for i in range(1, len(lines)):
            lines[i] = lines[i][margin:]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return '\n'.join(lines)


def get_docstring(node, clean=True):
    if not isinstance(node, (AsyncFunctionDef, FunctionDef, ClassDef, Module)):
        raise TypeError("%r can't have docstrings" % node.__class__.__name__)
    if not (node.body and isinstance(node.body[0], Expr)):
        return None
    node = node.body[0].value
    if isinstance(node, Constant) and isinstance(node.value, str):
        text = node.value
    else:
        return None
    if clean:
        text = _cleandoc(text)
    return text


def walk(node):
    todo = [node]
    i = 0
    while i < len(todo):
        node = todo[i]
        i += 1
        todo.extend(iter_child_nodes(node))
        yield node


class NodeVisitor(object):
    def visit(self, node):
        method = 'visit_' + node.__class__.__name__
        visitor = getattr(self, method, self.generic_visit)
        return visitor(node)

    def generic_visit(self, node):
        for field, value in iter_fields(node):
            if isinstance(value, list):
                for item in value:
                    if isinstance(item, AST):
                        self.visit(item)
            elif isinstance(value, AST):
                self.visit(value)


class NodeTransformer(NodeVisitor):
    def generic_visit(self, node):
        for field, old_value in iter_fields(node):
            if isinstance(old_value, list):
                new_values = []
                for value in old_value:
                    if isinstance(value, AST):
                        value = self.visit(value)
                        if value is None:
                            continue
                        elif not isinstance(value, AST):
                            new_values.extend(value)
                            continue
                    new_values.append(value)
                old_value[:] = new_values
            elif isinstance(old_value, AST):
                new_node = self.visit(old_value)
                if new_node is None:
                    delattr(node, field)
                else:
                    setattr(node, field, new_node)
        return node
