/* The time module (ft_time_module_def): clocks, sleep (detached from the interpreter while it
 * waits), and the struct_time conversions gmtime / localtime / mktime / strftime / asctime /
 * ctime. */
#include "runtime/import.h"
#include "runtime/modules/sysmod.h"
#include "runtime/signals.h"
#include "runtime/tstate.h"
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static FtType *struct_time_type;

/* ---- clocks ------------------------------------------------------------------------------- */

static int64_t clock_ns(clockid_t id) {
    struct timespec ts;
    clock_gettime(id, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static FtObject *as_seconds(clockid_t id) {
    struct timespec ts;
    clock_gettime(id, &ts);
    return ft_float_from_double((double)ts.tv_sec + ts.tv_nsec * 1e-9);
}

static FtObject *time_time(FtObject *m, FtObject *u) { return as_seconds(CLOCK_REALTIME); }
static FtObject *time_time_ns(FtObject *m, FtObject *u) {
    return ft_int_from_i64(clock_ns(CLOCK_REALTIME));
}
static FtObject *time_monotonic(FtObject *m, FtObject *u) { return as_seconds(CLOCK_MONOTONIC); }
static FtObject *time_monotonic_ns(FtObject *m, FtObject *u) {
    return ft_int_from_i64(clock_ns(CLOCK_MONOTONIC));
}
static FtObject *time_process_time(FtObject *m, FtObject *u) {
    return as_seconds(CLOCK_PROCESS_CPUTIME_ID);
}
static FtObject *time_process_time_ns(FtObject *m, FtObject *u) {
    return ft_int_from_i64(clock_ns(CLOCK_PROCESS_CPUTIME_ID));
}
static FtObject *time_thread_time(FtObject *m, FtObject *u) {
    return as_seconds(CLOCK_THREAD_CPUTIME_ID);
}
static FtObject *time_thread_time_ns(FtObject *m, FtObject *u) {
    return ft_int_from_i64(clock_ns(CLOCK_THREAD_CPUTIME_ID));
}

/* ---- sleep -------------------------------------------------------------------------------- */

/* A number of seconds: float, or anything with __index__ (CPython's messages). */
static int seconds_arg(FtObject *o, double *out) {
    if (ft_float_check(o)) {
        *out = FT_FLOAT_VALUE(o);
        if (isnan(*out)) {
            ft_err_set_string(ft_exc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
        return 0;
    }
    FtObject *i = ft_number_index(o);
    if (i == NULL) {
        if (ft_err_matches(ft_exc_TypeError)) {
            ft_err_clear();
            ft_err_format(ft_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                          ft_type_short_name(FT_TYPE(o)));
        }
        return -1;
    }
    *out = ft_int_as_double(i);
    FT_DECREF(i);
    if (*out == -1.0 && ft_err_occurred()) {
        ft_err_clear();
        ft_err_set_string(ft_exc_OverflowError, "timestamp too large to convert to C _PyTime_t");
        return -1;
    }
    return 0;
}

static FtObject *time_sleep(FtObject *m, FtObject *arg) {
    double secs;
    if (seconds_arg(arg, &secs) < 0)
        return NULL;
    if (secs < 0) {
        ft_err_set_string(ft_exc_ValueError, "sleep length must be non-negative");
        return NULL;
    }
    if (secs > 9.2e9) {
        ft_err_set_string(ft_exc_OverflowError, "timestamp too large to convert to C _PyTime_t");
        return NULL;
    }
    /* Sleep until an absolute deadline so that an interrupted sleep resumes for the rest. */
    int64_t deadline = clock_ns(CLOCK_MONOTONIC) + (int64_t)(secs * 1e9);
    struct timespec ts = {deadline / 1000000000, deadline % 1000000000};
    FtThreadState *tstate = ft_tstate_get();
    int r;
    /* A signal that arrived since the last yield point: its handler runs before the sleep. */
    if (ft_signals_check() < 0)
        return NULL;
    do {
        FT_BLOCKING(tstate, r = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL));
        /* EINTR: a signal arrived (signals.c forwards them to the main thread). Its Python
         * handler runs here; one that raises (KeyboardInterrupt) ends the sleep, otherwise the
         * sleep goes on until the deadline (PEP 475). */
        if (r == EINTR && ft_signals_check() < 0)
            return NULL;
    } while (r == EINTR);
    if (r != 0) {
        errno = r;
        return ft_err_set_from_errno(ft_exc_OSError);
    }
    FT_RETURN_NONE;
}

/* ---- struct_time -------------------------------------------------------------------------- */

static FtObject *tm_to_struct(const struct tm *t) {
    FtObject *v[11] = {
        ft_int_from_i64(t->tm_year + 1900), ft_int_from_i64(t->tm_mon + 1),
        ft_int_from_i64(t->tm_mday),        ft_int_from_i64(t->tm_hour),
        ft_int_from_i64(t->tm_min),         ft_int_from_i64(t->tm_sec),
        ft_int_from_i64((t->tm_wday + 6) % 7), ft_int_from_i64(t->tm_yday + 1),
        ft_int_from_i64(t->tm_isdst),       ft_str_from_cstr(t->tm_zone ? t->tm_zone : "UTC"),
        ft_int_from_i64(t->tm_gmtoff)};
    for (int i = 0; i < 11; i++) {
        if (v[i] == NULL) {
            for (int j = 0; j < 11; j++)
                FT_XDECREF(v[j]);
            return NULL;
        }
    }
    return ft_sys_structseq_new(struct_time_type, v);
}

/* secs argument: None/absent = now. */
static int time_t_arg(FtObject *const *args, ssize_t nargs, const char *fname, time_t *out) {
    if (ft_check_nargs(fname, nargs, 0, 1) < 0)
        return -1;
    if (nargs == 0 || args[0] == FT_NONE) {
        *out = time(NULL);
        return 0;
    }
    double secs;
    if (seconds_arg(args[0], &secs) < 0)
        return -1;
    if (!(secs > -9.2e18 && secs < 9.2e18)) {
        ft_err_set_string(ft_exc_OverflowError, "timestamp out of range for platform time_t");
        return -1;
    }
    *out = (time_t)floor(secs);
    return 0;
}

static FtObject *time_gmtime(FtObject *m, FtObject *const *args, ssize_t nargs) {
    time_t t;
    struct tm tm;
    if (time_t_arg(args, nargs, "gmtime", &t) < 0)
        return NULL;
    if (gmtime_r(&t, &tm) == NULL) {
        ft_err_set_string(ft_exc_OverflowError, "timestamp out of range for platform time_t");
        return NULL;
    }
    return tm_to_struct(&tm);
}

static FtObject *time_localtime(FtObject *m, FtObject *const *args, ssize_t nargs) {
    time_t t;
    struct tm tm;
    if (time_t_arg(args, nargs, "localtime", &t) < 0)
        return NULL;
    if (localtime_r(&t, &tm) == NULL) {
        ft_err_set_string(ft_exc_OverflowError, "timestamp out of range for platform time_t");
        return NULL;
    }
    return tm_to_struct(&tm);
}

/* A struct_time or 9-tuple to struct tm (CPython's gettmarg). */
static int struct_to_tm(FtObject *o, const char *fname, struct tm *tm) {
    if (!ft_tuple_check(o)) {
        ft_err_format(ft_exc_TypeError, "Tuple or struct_time argument required");
        return -1;
    }
    if (FT_SIZE(o) != 9) {
        ft_err_format(ft_exc_TypeError, "%s(): illegal time tuple argument", fname);
        return -1;
    }
    int v[9];
    for (int i = 0; i < 9; i++) {
        FtObject *x = FT_TUPLE_GET(o, i);
        if (!ft_int_check(x)) {
            ft_err_format(ft_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                          ft_type_short_name(FT_TYPE(x)));
            return -1;
        }
        int overflow = 0;
        int64_t y = ft_int_as_i64(x, &overflow);
        if (overflow || y > INT32_MAX || y < INT32_MIN) {
            ft_err_set_string(ft_exc_OverflowError, "Python int too large to convert to C int");
            return -1;
        }
        v[i] = (int)y;
    }
    memset(tm, 0, sizeof *tm);
    tm->tm_year = v[0] - 1900;
    tm->tm_mon = v[1] - 1;
    tm->tm_mday = v[2];
    tm->tm_hour = v[3];
    tm->tm_min = v[4];
    tm->tm_sec = v[5];
    tm->tm_wday = (v[6] + 1) % 7;
    tm->tm_yday = v[7] - 1;
    tm->tm_isdst = v[8];
    if (FT_TYPE(o) == struct_time_type) {
        /* keep the zone of a struct_time from localtime() */
        FtObject *gmtoff = FT_TUPLE_ITEMS(o)[10];
        if (gmtoff && ft_int_check(gmtoff)) {
            int overflow = 0;
            tm->tm_gmtoff = (long)ft_int_as_i64(gmtoff, &overflow);
        }
    }
    return 0;
}

/* struct_time argument: absent = localtime(). */
static int tm_arg(FtObject *const *args, ssize_t nargs, ssize_t idx, const char *fname,
                  struct tm *tm) {
    if (nargs <= idx) {
        time_t t = time(NULL);
        localtime_r(&t, tm);
        return 0;
    }
    return struct_to_tm(args[idx], fname, tm);
}

static FtObject *time_mktime(FtObject *m, FtObject *arg) {
    struct tm tm;
    if (struct_to_tm(arg, "mktime", &tm) < 0)
        return NULL;
    tm.tm_wday = -1;
    time_t t = mktime(&tm);
    if (t == (time_t)-1 && tm.tm_wday == -1) {
        ft_err_set_string(ft_exc_OverflowError, "mktime argument out of range");
        return NULL;
    }
    return ft_float_from_double((double)t);
}

static FtObject *time_strftime(FtObject *m, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("strftime", nargs, 1, 2) < 0)
        return NULL;
    if (!ft_str_check(args[0]))
        return ft_err_format(ft_exc_TypeError, "strftime() argument 1 must be str, not %s",
                             ft_type_short_name(FT_TYPE(args[0])));
    struct tm tm;
    if (tm_arg(args, nargs, 1, "strftime", &tm) < 0)
        return NULL;
    if (tm.tm_mon < 0 || tm.tm_mon > 11) {
        ft_err_set_string(ft_exc_ValueError, "month out of range");
        return NULL;
    }
    if (tm.tm_mday < 0 || tm.tm_mday > 31) {
        ft_err_set_string(ft_exc_ValueError, "day of month out of range");
        return NULL;
    }
    const char *fmt = ft_str_as_utf8(args[0]);
    if (fmt == NULL)
        return NULL;
    if (fmt[0] == '\0')
        return ft_str_from_cstr("");
    for (size_t cap = 256; cap <= 1 << 20; cap *= 2) {
        char *buf = ft_mem_alloc(cap);
        if (buf == NULL)
            return NULL;
        size_t n = strftime(buf, cap, fmt, &tm);
        if (n > 0 || cap >= 1024 * strlen(fmt)) {
            FtObject *r = ft_str_from_utf8(buf, (ssize_t)n);
            ft_mem_free(buf);
            return r;
        }
        ft_mem_free(buf);
    }
    return ft_str_from_cstr("");
}

static FtObject *format_asctime(const struct tm *tm) {
    static const char wday[7][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char mon[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    int wd = tm->tm_wday >= 0 && tm->tm_wday < 7 ? tm->tm_wday : 0;
    int mo = tm->tm_mon >= 0 && tm->tm_mon < 12 ? tm->tm_mon : 0;
    char buf[128]; /* room for any int fields: the compiler checks the worst case */
    snprintf(buf, sizeof buf, "%s %s%3d %.2d:%.2d:%.2d %d", wday[wd], mon[mo], tm->tm_mday,
             tm->tm_hour, tm->tm_min, tm->tm_sec, 1900 + tm->tm_year);
    return ft_str_from_cstr(buf);
}

static FtObject *time_asctime(FtObject *m, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("asctime", nargs, 0, 1) < 0)
        return NULL;
    struct tm tm;
    if (tm_arg(args, nargs, 0, "asctime", &tm) < 0)
        return NULL;
    return format_asctime(&tm);
}

static FtObject *time_ctime(FtObject *m, FtObject *const *args, ssize_t nargs) {
    time_t t;
    struct tm tm;
    if (time_t_arg(args, nargs, "ctime", &t) < 0)
        return NULL;
    if (localtime_r(&t, &tm) == NULL) {
        ft_err_set_string(ft_exc_OverflowError, "timestamp out of range for platform time_t");
        return NULL;
    }
    return format_asctime(&tm);
}

static FtMethodDef time_methods[] = {
    {"time", (void *)time_time, FT_METH_NOARGS, NULL},
    {"time_ns", (void *)time_time_ns, FT_METH_NOARGS, NULL},
    {"perf_counter", (void *)time_monotonic, FT_METH_NOARGS, NULL},
    {"perf_counter_ns", (void *)time_monotonic_ns, FT_METH_NOARGS, NULL},
    {"monotonic", (void *)time_monotonic, FT_METH_NOARGS, NULL},
    {"monotonic_ns", (void *)time_monotonic_ns, FT_METH_NOARGS, NULL},
    {"process_time", (void *)time_process_time, FT_METH_NOARGS, NULL},
    {"process_time_ns", (void *)time_process_time_ns, FT_METH_NOARGS, NULL},
    {"thread_time", (void *)time_thread_time, FT_METH_NOARGS, NULL},
    {"thread_time_ns", (void *)time_thread_time_ns, FT_METH_NOARGS, NULL},
    {"sleep", (void *)time_sleep, FT_METH_O, NULL},
    {"gmtime", (void *)time_gmtime, FT_METH_FASTCALL, NULL},
    {"localtime", (void *)time_localtime, FT_METH_FASTCALL, NULL},
    {"mktime", (void *)time_mktime, FT_METH_O, NULL},
    {"strftime", (void *)time_strftime, FT_METH_FASTCALL, NULL},
    {"asctime", (void *)time_asctime, FT_METH_FASTCALL, NULL},
    {"ctime", (void *)time_ctime, FT_METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL},
};

static int time_exec(FtObject *m) {
    static const char *const fields[] = {"tm_year", "tm_mon",  "tm_mday", "tm_hour",
                                         "tm_min",  "tm_sec",  "tm_wday", "tm_yday",
                                         "tm_isdst", "tm_zone", "tm_gmtoff"};
    if (struct_time_type == NULL) {
        struct_time_type = ft_sys_structseq_type("time.struct_time", fields, 11, 9, 1);
        if (struct_time_type == NULL)
            return -1;
    }
    FT_INCREF(struct_time_type);
    if (ft_module_add_object(m, "struct_time", (FtObject *)struct_time_type) < 0)
        return -1;
    tzset();
    FtObject *n0 = ft_str_from_cstr(tzname[0] ? tzname[0] : "UTC");
    FtObject *n1 = ft_str_from_cstr(tzname[1] ? tzname[1] : "UTC");
    if (n0 == NULL || n1 == NULL) {
        FT_XDECREF(n0);
        FT_XDECREF(n1);
        return -1;
    }
    FtObject *names = ft_tuple_pack(2, n0, n1);
    FT_DECREF(n0);
    FT_DECREF(n1);
    if (ft_module_add_object(m, "tzname", names) < 0 ||
        ft_module_add_int(m, "timezone", timezone) < 0 ||
        ft_module_add_int(m, "altzone", daylight ? timezone - 3600 : timezone) < 0 ||
        ft_module_add_int(m, "daylight", daylight) < 0 ||
        ft_module_add_int(m, "CLOCK_REALTIME", CLOCK_REALTIME) < 0 ||
        ft_module_add_int(m, "CLOCK_MONOTONIC", CLOCK_MONOTONIC) < 0)
        return -1;
    return 0;
}

FtModuleDef ft_time_module_def = {
    .name = "time",
    .doc = "This module provides various functions to manipulate time values.",
    .methods = time_methods,
    .exec = time_exec,
};
