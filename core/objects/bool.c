/* The bool type: True and False, the two immortal ints of type bool. bool subclasses int
 * and cannot itself be subclassed; &, | and ^ of two bools stay bools. */
#include "core/object.h"

FtInt ft_true_struct = {FT_STATIC_HEADER(&ft_bool_type), 0, 1};
FtInt ft_false_struct = {FT_STATIC_HEADER(&ft_bool_type), 0, 0};

static FtObject *bool_repr(FtObject *o) {
    return ft_str_from_cstr(o == FT_TRUE ? "True" : "False");
}

static FtObject *bool_new(FtType *type, FtObject *args, FtObject *kwargs) {
    if (kwargs && ft_dict_size(kwargs) > 0) {
        ft_err_set_string(ft_exc_TypeError, "bool() takes no keyword arguments");
        return NULL;
    }
    ssize_t n = FT_SIZE(args);
    if (n > 1) {
        ft_err_format(ft_exc_TypeError, "bool expected at most 1 argument, got %zd", n);
        return NULL;
    }
    if (n == 0)
        FT_RETURN_FALSE;
    int t = ft_object_is_true(FT_TUPLE_GET(args, 0));
    if (t < 0)
        return NULL;
    return ft_bool_from(t);
}

/* The int slots, looked up at call time (int.c keeps them static). */
static FtObject *int_slot(int which, FtObject *a, FtObject *b) {
    FtNumberMethods *nb = ft_int_type.tp_as_number;
    ft_binaryfunc f = which == '&' ? nb->nb_and : which == '|' ? nb->nb_or : nb->nb_xor;
    return f(a, b);
}

static FtObject *bool_and(FtObject *a, FtObject *b) {
    if (ft_bool_check(a) && ft_bool_check(b))
        return ft_bool_from(a == FT_TRUE && b == FT_TRUE);
    return int_slot('&', a, b);
}
static FtObject *bool_or(FtObject *a, FtObject *b) {
    if (ft_bool_check(a) && ft_bool_check(b))
        return ft_bool_from(a == FT_TRUE || b == FT_TRUE);
    return int_slot('|', a, b);
}
static FtObject *bool_xor(FtObject *a, FtObject *b) {
    if (ft_bool_check(a) && ft_bool_check(b))
        return ft_bool_from((a == FT_TRUE) != (b == FT_TRUE));
    return int_slot('^', a, b);
}

static void bool_dealloc(FtObject *o) {
    /* True and False are immortal: never reached */
    FT_UNUSED(o);
}

static FtNumberMethods bool_as_number = {
    .nb_and = bool_and,
    .nb_xor = bool_xor,
    .nb_or = bool_or,
};

FtType ft_bool_type = {
    .ob_base = {FT_STATIC_HEADER(&ft_type_type), 0},
    .tp_name = "bool",
    .tp_basicsize = offsetof(FtInt, digits),
    .tp_itemsize = sizeof(uint32_t),
    .tp_dealloc = bool_dealloc,
    .tp_repr = bool_repr,
    .tp_as_number = &bool_as_number,
    .tp_flags = FT_TPFLAGS_DEFAULT | FT_TPFLAGS_INT_SUBCLASS,
    .tp_doc = "bool(x) -> bool\n\nReturns True when the argument x is true, False otherwise.",
    .tp_base = &ft_int_type,
    .tp_new = bool_new,
};

int ft_bool_init(void);
int ft_bool_init(void) {
    if (ft_type_ready(&ft_bool_type) < 0)
        return -1;
    FT_MAKE_IMMORTAL(&ft_true_struct);
    FT_MAKE_IMMORTAL(&ft_false_struct);
    return 0;
}
