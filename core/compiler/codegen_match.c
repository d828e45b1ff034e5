/* The match statement (PEP 634) for the code generator: see the comment below. */
#include "core/compiler/codegen_impl.h"

/* ---- the match statement ---------------------------------------------------------------
 * ftpy's instruction set has no MATCH_SEQUENCE / MATCH_MAPPING / MATCH_KEYS / MATCH_CLASS /
 * GET_LEN, so patterns call small helper functions instead (written in Python below,
 * compiled once by this compiler and loaded as constants). The rest follows CPython 3.11's
 * compiler_pattern, except that captured names are stored as soon as they match rather than
 * all at the end (PEP 634 leaves bindings of a failed match unspecified). */

static const char match_helpers_src[] =
    "_missing = object()\n"
    "_match_self = (bool, bytearray, bytes, dict, float, frozenset, int, list, set, str, tuple)\n"
    "get_len = len\n"
    "def _mro_names(t):\n"
    "    return [k.__name__ for k in t.__mro__]\n"
    "def match_sequence(s):\n"
    "    if isinstance(s, (str, bytes, bytearray)):\n"
    "        return False\n"
    "    if isinstance(s, (list, tuple, range)):\n"
    "        return True\n"
    "    n = _mro_names(type(s))\n"
    "    return 'Sequence' in n or 'MutableSequence' in n or 'deque' in n\n"
    "def match_mapping(s):\n"
    "    if isinstance(s, dict):\n"
    "        return True\n"
    "    n = _mro_names(type(s))\n"
    "    return 'Mapping' in n or 'MutableMapping' in n or 'mappingproxy' in n\n"
    "def match_keys(s, keys):\n"
    "    values = []\n"
    "    seen = []\n"
    "    for k in keys:\n"
    "        if k in seen:\n"
    "            raise ValueError('mapping pattern checks duplicate key (%r)' % (k,))\n"
    "        seen.append(k)\n"
    "        v = s.get(k, _missing)\n"
    "        if v is _missing:\n"
    "            return None\n"
    "        values.append(v)\n"
    "    return tuple(values)\n"
    "def _attr(s, cls, name, seen):\n"
    "    if name in seen:\n"
    "        raise TypeError('%s() got multiple sub-patterns for attribute %r' % (cls.__name__, name))\n"
    "    seen.append(name)\n"
    "    return getattr(s, name, _missing)\n"
    "def match_class(s, cls, nargs, names):\n"
    "    if not isinstance(cls, type):\n"
    "        raise TypeError('called match pattern must be a type')\n"
    "    if not isinstance(s, cls):\n"
    "        return None\n"
    "    attrs = []\n"
    "    seen = []\n"
    "    if nargs:\n"
    "        match_args = getattr(cls, '__match_args__', _missing)\n"
    "        match_self = False\n"
    "        if match_args is _missing:\n"
    "            match_args = ()\n"
    "            match_self = issubclass(cls, _match_self)\n"
    "        elif type(match_args) is not tuple:\n"
    "            raise TypeError('%s.__match_args__ must be a tuple (got %s)' % (cls.__name__, type(match_args).__name__))\n"
    "        allowed = 1 if match_self else len(match_args)\n"
    "        if allowed < nargs:\n"
    "            raise TypeError('%s() accepts %d positional sub-pattern%s (%d given)' % (cls.__name__, allowed, '' if allowed == 1 else 's', nargs))\n"
    "        if match_self:\n"
    "            attrs.append(s)\n"
    "        else:\n"
    "            for i in range(nargs):\n"
    "                name = match_args[i]\n"
    "                if type(name) is not str:\n"
    "                    raise TypeError('__match_args__ elements must be strings (got %s)' % type(name).__name__)\n"
    "                v = _attr(s, cls, name, seen)\n"
    "                if v is _missing:\n"
    "                    return None\n"
    "                attrs.append(v)\n"
    "    for name in names:\n"
    "        v = _attr(s, cls, name, seen)\n"
    "        if v is _missing:\n"
    "            return None\n"
    "        attrs.append(v)\n"
    "    return tuple(attrs)\n";

enum { MH_SEQUENCE, MH_MAPPING, MH_KEYS, MH_CLASS, MH_LEN, MH_COUNT };
static FtObject *match_helpers[MH_COUNT];

static int load_match_helpers(void)
{
    if (__atomic_load_n(&match_helpers[MH_COUNT - 1], __ATOMIC_ACQUIRE) != NULL)
        return 0;
    static const char *const names[MH_COUNT] = { "match_sequence", "match_mapping",
                                                 "match_keys", "match_class", "get_len" };
    FtObject *filename = ft_str_from_cstr("<ftpy match helpers>");
    FtObject *co = filename ? ft_compile_source(match_helpers_src, -1, filename, FT_MODE_EXEC, 0)
                            : NULL;
    FT_XDECREF(filename);
    FtObject *globals = co ? ft_dict_new() : NULL;
    FtObject *r = globals ? ft_eval_code(co, globals, globals) : NULL;
    FT_XDECREF(co);
    if (r == NULL) {
        FT_XDECREF(globals);
        return -1;
    }
    FT_DECREF(r);
    FtObject *found[MH_COUNT];
    for (int i = 0; i < MH_COUNT; i++) {
        found[i] = ft_dict_get_cstr(globals, names[i]);
        if (found[i] == NULL) {
            FT_DECREF(globals);
            ft_err_set_string(ft_exc_SystemError, "compiler: match helpers are broken");
            return -1;
        }
    }
    /* Kept for the life of the process (the globals dict stays alive through them). Two
     * threads racing here both succeed; the loser's set is simply leaked. */
    for (int i = 0; i < MH_COUNT; i++)
        __atomic_store_n(&match_helpers[i], FT_NEWREF(found[i]), __ATOMIC_RELEASE);
    FT_DECREF(globals);
    return 0;
}

typedef struct PatternCtx {
    FtObject *stores;       /* list of the names bound so far by this case */
    int allow_irrefutable;
    Block **fail_pop;       /* fail_pop[n]: pop n items, then go to the next case */
    int fail_pop_size;
    int on_top;             /* items above the subject to pop on failure */
} PatternCtx;

#define WILDCARD_CHECK(p) ((p)->kind == MatchAs_kind && !(p)->v.MatchAs.name && !(p)->v.MatchAs.pattern)
#define WILDCARD_STAR_CHECK(p) ((p)->kind == MatchStar_kind && !(p)->v.MatchStar.name)

static int ensure_fail_pop(Compiler *c, PatternCtx *pc, int n)
{
    int size = n + 1;
    if (size <= pc->fail_pop_size)
        return 0;
    Block **nb = ft_mem_realloc(pc->fail_pop, sizeof(Block *) * size);
    if (nb == NULL)
        return -1;
    pc->fail_pop = nb;
    while (pc->fail_pop_size < size) {
        Block *b = ft_cg_new_block(c);
        if (b == NULL)
            return -1;
        pc->fail_pop[pc->fail_pop_size++] = b;
    }
    return 0;
}

static int jump_to_fail_pop(Compiler *c, PatternCtx *pc, int op)
{
    RETURN_IF_ERROR(ensure_fail_pop(c, pc, pc->on_top));
    return ft_cg_addop_jump(c, op, pc->fail_pop[pc->on_top]);
}

static int emit_and_reset_fail_pop(Compiler *c, PatternCtx *pc)
{
    if (pc->fail_pop_size == 0)
        return 0;
    while (--pc->fail_pop_size) {
        ft_cg_use_next_block(c, pc->fail_pop[pc->fail_pop_size]);
        RETURN_IF_ERROR(ft_cg_addop(c, FT_OP_POP_TOP, 0));
    }
    ft_cg_use_next_block(c, pc->fail_pop[0]);
    ft_mem_free(pc->fail_pop);
    pc->fail_pop = NULL;
    return 0;
}

/* [subject] -> [subject, helper(subject)] */
static int call_match_helper1(Compiler *c, int which)
{
    ADDOP(c, FT_OP_PUSH_NULL);
    ADDOP_LOAD_CONST(c, match_helpers[which]);
    ADDOP_I(c, FT_OP_COPY, 3);
    ADDOP_I(c, FT_OP_CALL, 1);
    return 0;
}

static int pattern_store_name(Compiler *c, FtObject *name, PatternCtx *pc)
{
    if (name == NULL) {
        ADDOP(c, FT_OP_POP_TOP);
        return 0;
    }
    for (ssize_t i = 0; i < FT_SIZE(pc->stores); i++)
        if (ft_str_eq(FT_LIST_GET(pc->stores, i), name))
            return ft_cg_error_fmt(c, "multiple assignments to name %R in pattern", name);
    RETURN_IF_ERROR(ft_list_append(pc->stores, name));
    return ft_cg_nameop(c, name, Store);
}

static int compiler_pattern(Compiler *c, pattern_ty p, PatternCtx *pc);

static int compiler_pattern_subpattern(Compiler *c, pattern_ty p, PatternCtx *pc)
{
    int allow = pc->allow_irrefutable;
    pc->allow_irrefutable = 1;
    int r = compiler_pattern(c, p, pc);
    pc->allow_irrefutable = allow;
    return r;
}

static int pattern_unpack_helper(Compiler *c, asdl_pattern_seq *elts)
{
    ssize_t n = asdl_seq_LEN(elts);
    int seen_star = 0;
    for (ssize_t i = 0; i < n; i++) {
        pattern_ty elt = asdl_seq_GET(elts, i);
        if (elt->kind == MatchStar_kind && !seen_star) {
            if (i >= (1 << 8) || n - i - 1 >= (1 << 15))
                return ft_cg_error(c, "too many expressions in star-unpacking sequence pattern");
            ADDOP_I(c, FT_OP_UNPACK_EX, (int)(i + ((n - i - 1) << 8)));
            seen_star = 1;
        } else if (elt->kind == MatchStar_kind) {
            return ft_cg_error(c, "multiple starred expressions in sequence pattern");
        }
    }
    if (!seen_star)
        ADDOP_I(c, FT_OP_UNPACK_SEQUENCE, (int)n);
    return 0;
}

static int compiler_pattern_sequence(Compiler *c, pattern_ty p, PatternCtx *pc)
{
    asdl_pattern_seq *patterns = p->v.MatchSequence.patterns;
    ssize_t size = asdl_seq_LEN(patterns), star = -1;
    int only_wildcard = 1;
    for (ssize_t i = 0; i < size; i++) {
        pattern_ty pattern = asdl_seq_GET(patterns, i);
        if (pattern->kind == MatchStar_kind) {
            if (star >= 0)
                return ft_cg_error(c, "multiple starred names in sequence pattern");
            only_wildcard &= WILDCARD_STAR_CHECK(pattern);
            star = i;
            continue;
        }
        only_wildcard &= WILDCARD_CHECK(pattern);
    }
    pc->on_top++;
    RETURN_IF_ERROR(call_match_helper1(c, MH_SEQUENCE));
    RETURN_IF_ERROR(jump_to_fail_pop(c, pc, FT_OP_POP_JUMP_IF_FALSE));
    if (star < 0) {
        RETURN_IF_ERROR(call_match_helper1(c, MH_LEN));
        ADDOP_LOAD_CONST_NEW(c, ft_int_from_i64(size));
        ADDOP_I(c, FT_OP_COMPARE_OP, FT_EQ);
        RETURN_IF_ERROR(jump_to_fail_pop(c, pc, FT_OP_POP_JUMP_IF_FALSE));
    } else if (size - 1) {
        RETURN_IF_ERROR(call_match_helper1(c, MH_LEN));
        ADDOP_LOAD_CONST_NEW(c, ft_int_from_i64(size - 1));
        ADDOP_I(c, FT_OP_COMPARE_OP, FT_GE);
        RETURN_IF_ERROR(jump_to_fail_pop(c, pc, FT_OP_POP_JUMP_IF_FALSE));
    }
    pc->on_top--;
    if (only_wildcard) {
        ADDOP(c, FT_OP_POP_TOP);
        return 0;
    }
    RETURN_IF_ERROR(pattern_unpack_helper(c, patterns));
    pc->on_top += (int)size;
    for (ssize_t i = 0; i < size; i++) {
        pc->on_top--;
        pattern_ty pattern = asdl_seq_GET(patterns, i);
        if (pattern->kind == MatchStar_kind) {
            RETURN_IF_ERROR(pattern_store_name(c, pattern->v.MatchStar.name, pc));
            continue;
        }
        RETURN_IF_ERROR(compiler_pattern_subpattern(c, pattern, pc));
    }
    return 0;
}

static int compiler_pattern_mapping(Compiler *c, pattern_ty p, PatternCtx *pc)
{
    asdl_expr_seq *keys = p->v.MatchMapping.keys;
    asdl_pattern_seq *patterns = p->v.MatchMapping.patterns;
    ssize_t size = asdl_seq_LEN(keys);
    FtObject *star_target = p->v.MatchMapping.rest;
    if (size != asdl_seq_LEN(patterns))
        return ft_cg_error(c, "keys (%d) / patterns (%d) length mismatch in mapping pattern");
    pc->on_top++;
    RETURN_IF_ERROR(call_match_helper1(c, MH_MAPPING));
    RETURN_IF_ERROR(jump_to_fail_pop(c, pc, FT_OP_POP_JUMP_IF_FALSE));
    if (!size && !star_target) {
        pc->on_top--;
        ADDOP(c, FT_OP_POP_TOP);
        return 0;
    }
    if (size) {
        RETURN_IF_ERROR(call_match_helper1(c, MH_LEN));
        ADDOP_LOAD_CONST_NEW(c, ft_int_from_i64(size));
        ADDOP_I(c, FT_OP_COMPARE_OP, FT_GE);
        RETURN_IF_ERROR(jump_to_fail_pop(c, pc, FT_OP_POP_JUMP_IF_FALSE));
    }
    for (ssize_t i = 0; i < size; i++) {
        expr_ty key = asdl_seq_GET(keys, i);
        if (key == NULL || (key->kind != Attribute_kind && !ft_cg_is_const(key))) {
            if (key)
                SET_LOC(c, key);
            return ft_cg_error(c, "mapping pattern keys may only match literals and attribute lookups");
        }
        RETURN_IF_ERROR(ft_cg_visit_expr(c, key));
    }
    ADDOP_I(c, FT_OP_BUILD_TUPLE, (int)size);
    /* [subject, keys] -> [subject, keys, values or None] */
    ADDOP(c, FT_OP_PUSH_NULL);
    ADDOP_LOAD_CONST(c, match_helpers[MH_KEYS]);
    ADDOP_I(c, FT_OP_COPY, 4);
    ADDOP_I(c, FT_OP_COPY, 4);
    ADDOP_I(c, FT_OP_CALL, 2);
    pc->on_top += 2;
    ADDOP_I(c, FT_OP_COPY, 1);
    ADDOP_LOAD_CONST(c, FT_NONE);
    ADDOP_I(c, FT_OP_IS_OP, 1);
    RETURN_IF_ERROR(jump_to_fail_pop(c, pc, FT_OP_POP_JUMP_IF_FALSE));
    ADDOP_I(c, FT_OP_UNPACK_SEQUENCE, (int)size);
    pc->on_top += (int)size - 1;
    for (ssize_t i = 0; i < size; i++) {
        pc->on_top--;
        RETURN_IF_ERROR(compiler_pattern_subpattern(c, asdl_seq_GET(patterns, i), pc));
    }
    pc->on_top -= 2;
    if (star_target) {
        /* rest = dict(subject); del rest[key] for each key */
        ADDOP_I(c, FT_OP_BUILD_MAP, 0);
        ADDOP_I(c, FT_OP_SWAP, 3);
        ADDOP_I(c, FT_OP_DICT_UPDATE, 2);
        ADDOP_I(c, FT_OP_UNPACK_SEQUENCE, (int)size);
        while (size) {
            ADDOP_I(c, FT_OP_COPY, 1 + (int)size--);
            ADDOP_I(c, FT_OP_SWAP, 2);
            ADDOP(c, FT_OP_DELETE_SUBSCR);
        }
        return pattern_store_name(c, star_target, pc);
    }
    ADDOP(c, FT_OP_POP_TOP);
    ADDOP(c, FT_OP_POP_TOP);
    return 0;
}

static int compiler_pattern_class(Compiler *c, pattern_ty p, PatternCtx *pc)
{
    asdl_pattern_seq *patterns = p->v.MatchClass.patterns;
    asdl_identifier_seq *kwd_attrs = p->v.MatchClass.kwd_attrs;
    asdl_pattern_seq *kwd_patterns = p->v.MatchClass.kwd_patterns;
    ssize_t nargs = asdl_seq_LEN(patterns), nattrs = asdl_seq_LEN(kwd_attrs);
    if (nattrs != asdl_seq_LEN(kwd_patterns))
        return ft_cg_error(c, "kwd_attrs and kwd_patterns length mismatch in class pattern");
    for (ssize_t i = 0; i < nattrs; i++)
        for (ssize_t j = i + 1; j < nattrs; j++)
            if (ft_str_eq(asdl_seq_GET(kwd_attrs, i), asdl_seq_GET(kwd_attrs, j))) {
                SET_LOC(c, asdl_seq_GET(kwd_patterns, j));
                return ft_cg_error_fmt(c, "attribute name repeated in class pattern: %U",
                                          asdl_seq_GET(kwd_attrs, i));
            }
    /* [subject] -> [subject, helper(subject, cls, nargs, names)] -> [attrs or None] */
    ADDOP(c, FT_OP_PUSH_NULL);
    ADDOP_LOAD_CONST(c, match_helpers[MH_CLASS]);
    ADDOP_I(c, FT_OP_COPY, 3);
    RETURN_IF_ERROR(ft_cg_visit_expr(c, p->v.MatchClass.cls));
    ADDOP_LOAD_CONST_NEW(c, ft_int_from_i64(nargs));
    FtObject *names = ft_tuple_new(nattrs);
    if (names == NULL)
        return -1;
    for (ssize_t i = 0; i < nattrs; i++)
        FT_TUPLE_SET(names, i, FT_NEWREF(asdl_seq_GET(kwd_attrs, i)));
    ADDOP_LOAD_CONST_NEW(c, names);
    ADDOP_I(c, FT_OP_CALL, 4);
    ADDOP_I(c, FT_OP_SWAP, 2);
    ADDOP(c, FT_OP_POP_TOP);
    ADDOP_I(c, FT_OP_COPY, 1);
    ADDOP_LOAD_CONST(c, FT_NONE);
    ADDOP_I(c, FT_OP_IS_OP, 1);
    pc->on_top++;
    RETURN_IF_ERROR(jump_to_fail_pop(c, pc, FT_OP_POP_JUMP_IF_FALSE));
    ADDOP_I(c, FT_OP_UNPACK_SEQUENCE, (int)(nargs + nattrs));
    pc->on_top += (int)(nargs + nattrs) - 1;
    for (ssize_t i = 0; i < nargs + nattrs; i++) {
        pc->on_top--;
        pattern_ty pattern = i < nargs ? asdl_seq_GET(patterns, i)
                                       : asdl_seq_GET(kwd_patterns, i - nargs);
        if (WILDCARD_CHECK(pattern)) {
            ADDOP(c, FT_OP_POP_TOP);
            continue;
        }
        RETURN_IF_ERROR(compiler_pattern_subpattern(c, pattern, pc));
    }
    return 0;
}

static int names_equal_as_sets(FtObject *a, ssize_t a0, FtObject *b, ssize_t b0)
{
    if (FT_SIZE(a) - a0 != FT_SIZE(b) - b0)
        return 0;
    for (ssize_t i = a0; i < FT_SIZE(a); i++) {
        int found = 0;
        for (ssize_t j = b0; j < FT_SIZE(b) && !found; j++)
            found = ft_str_eq(FT_LIST_GET(a, i), FT_LIST_GET(b, j));
        if (!found)
            return 0;
    }
    return 1;
}

static int compiler_pattern_or(Compiler *c, pattern_ty p, PatternCtx *pc)
{
    Block *end = ft_cg_new_block(c);
    if (end == NULL)
        return -1;
    ssize_t size = asdl_seq_LEN(p->v.MatchOr.patterns);
    PatternCtx old = *pc;
    ssize_t nold = FT_SIZE(pc->stores);
    FtObject *first_stores = NULL;
    int r = -1;
    for (ssize_t i = 0; i < size; i++) {
        pattern_ty alt = asdl_seq_GET(p->v.MatchOr.patterns, i);
        SET_LOC(c, alt);
        /* each alternative starts from the names bound before the or-pattern */
        FtObject *stores = ft_list_slice(old.stores, 0, nold);
        if (stores == NULL)
            goto done;
        pc->stores = stores;
        pc->allow_irrefutable = (i == size - 1) && old.allow_irrefutable;
        pc->fail_pop = NULL;
        pc->fail_pop_size = 0;
        pc->on_top = 0;
        if (ft_cg_addop(c, FT_OP_COPY, 1) < 0 || compiler_pattern(c, alt, pc) < 0) {
            FT_DECREF(stores);
            goto done;
        }
        if (i == 0) {
            first_stores = stores;
        } else {
            int same = names_equal_as_sets(first_stores, nold, stores, nold);
            FT_DECREF(stores);
            if (!same) {
                ft_cg_error(c, "alternative patterns bind different names");
                goto done;
            }
        }
        if (ft_cg_addop_jump(c, FT_OP_JUMP, end) < 0 || emit_and_reset_fail_pop(c, pc) < 0)
            goto done;
    }
    *pc = old;
    /* no alternative matched: drop the subject and fail */
    if (ft_cg_addop(c, FT_OP_POP_TOP, 0) < 0 || jump_to_fail_pop(c, pc, FT_OP_JUMP) < 0)
        goto done;
    old = *pc;
    ft_cg_use_next_block(c, end);
    if (ft_cg_addop(c, FT_OP_POP_TOP, 0) < 0)
        goto done;
    for (ssize_t i = nold; first_stores && i < FT_SIZE(first_stores); i++)
        if (ft_list_append(pc->stores, FT_LIST_GET(first_stores, i)) < 0)
            goto done;
    r = 0;
done:
    ft_mem_free(pc->fail_pop != old.fail_pop ? pc->fail_pop : NULL);
    *pc = old;
    FT_XDECREF(first_stores);
    return r;
}

static int compiler_pattern(Compiler *c, pattern_ty p, PatternCtx *pc)
{
    SET_LOC(c, p);
    switch (p->kind) {
    case MatchValue_kind:
        RETURN_IF_ERROR(ft_cg_visit_expr(c, p->v.MatchValue.value));
        ADDOP_I(c, FT_OP_COMPARE_OP, FT_EQ);
        return jump_to_fail_pop(c, pc, FT_OP_POP_JUMP_IF_FALSE);
    case MatchSingleton_kind:
        ADDOP_LOAD_CONST(c, p->v.MatchSingleton.value);
        ADDOP_I(c, FT_OP_IS_OP, 0);
        return jump_to_fail_pop(c, pc, FT_OP_POP_JUMP_IF_FALSE);
    case MatchSequence_kind:
        return compiler_pattern_sequence(c, p, pc);
    case MatchMapping_kind:
        return compiler_pattern_mapping(c, p, pc);
    case MatchClass_kind:
        return compiler_pattern_class(c, p, pc);
    case MatchStar_kind:
        return ft_cg_error(c, "can't use starred name here");
    case MatchAs_kind:
        if (p->v.MatchAs.pattern == NULL) {
            if (!pc->allow_irrefutable) {
                if (p->v.MatchAs.name)
                    return ft_cg_error_fmt(
                        c, "name capture %R makes remaining patterns unreachable",
                        p->v.MatchAs.name);
                return ft_cg_error(c, "wildcard makes remaining patterns unreachable");
            }
            return pattern_store_name(c, p->v.MatchAs.name, pc);
        }
        pc->on_top++;
        ADDOP_I(c, FT_OP_COPY, 1);
        RETURN_IF_ERROR(compiler_pattern(c, p->v.MatchAs.pattern, pc));
        pc->on_top--;
        return pattern_store_name(c, p->v.MatchAs.name, pc);
    case MatchOr_kind:
        return compiler_pattern_or(c, p, pc);
    }
    return 0;
}

int ft_cg_match(Compiler *c, stmt_ty s)
{
    RETURN_IF_ERROR(load_match_helpers());
    RETURN_IF_ERROR(ft_cg_visit_expr(c, s->v.Match.subject));
    Block *end = ft_cg_new_block(c);
    if (end == NULL)
        return -1;
    ssize_t cases = asdl_seq_LEN(s->v.Match.cases);
    match_case_ty m = asdl_seq_GET(s->v.Match.cases, cases - 1);
    int has_default = WILDCARD_CHECK(m->pattern) && cases > 1;
    PatternCtx pc = { 0 };
    for (ssize_t i = 0; i < cases - has_default; i++) {
        m = asdl_seq_GET(s->v.Match.cases, i);
        SET_LOC(c, m->pattern);
        int last = i == cases - has_default - 1;
        if (!last)
            ADDOP_I(c, FT_OP_COPY, 1);
        pc.stores = ft_list_new(0);
        if (pc.stores == NULL)
            return -1;
        pc.allow_irrefutable = m->guard != NULL || i == cases - 1;
        pc.fail_pop = NULL;
        pc.fail_pop_size = 0;
        pc.on_top = 0;
        int r = compiler_pattern(c, m->pattern, &pc);
        FT_CLEAR(pc.stores);
        if (r == 0 && m->guard) {
            r = ensure_fail_pop(c, &pc, 0);
            if (r == 0)
                r = ft_cg_jump_if(c, m->guard, pc.fail_pop[0], 0);
        }
        if (r == 0 && !last)
            r = ft_cg_addop(c, FT_OP_POP_TOP, 0);
        if (r == 0)
            r = ft_cg_visit_stmts(c, m->body);
        if (r == 0)
            r = ft_cg_addop_jump(c, FT_OP_JUMP, end);
        if (r < 0) {
            ft_mem_free(pc.fail_pop);
            return -1;
        }
        SET_LOC(c, m->pattern);
        RETURN_IF_ERROR(emit_and_reset_fail_pop(c, &pc));
    }
    if (has_default) {
        m = asdl_seq_GET(s->v.Match.cases, cases - 1);
        SET_LOC(c, m->pattern);
        if (cases == 1)
            ADDOP(c, FT_OP_POP_TOP);
        if (m->guard)
            RETURN_IF_ERROR(ft_cg_jump_if(c, m->guard, end, 0));
        RETURN_IF_ERROR(ft_cg_visit_stmts(c, m->body));
    }
    ft_cg_use_next_block(c, end);
    return 0;
}

