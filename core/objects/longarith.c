/* Magnitude arithmetic on arrays of 32-bit digits: the algorithms behind int.c (addition,
 * schoolbook and Karatsuba multiplication, Knuth's long division, shifts). No objects here:
 * int.c deals with signs, compact values and allocation of results. */
#include "core/objects/longarith.h"

#include <string.h>

/* Below this many digits (of the shorter operand) schoolbook beats Karatsuba. */
#define KARATSUBA_CUTOFF 40

int ft_la_cmp(const ft_digit *a, ssize_t na, const ft_digit *b, ssize_t nb) {
    if (na != nb)
        return na < nb ? -1 : 1;
    for (ssize_t i = na - 1; i >= 0; i--)
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
    return 0;
}

ssize_t ft_la_add(const ft_digit *a, ssize_t na, const ft_digit *b, ssize_t nb, ft_digit *r) {
    if (na < nb) {
        const ft_digit *t = a; a = b; b = t;
        ssize_t tn = na; na = nb; nb = tn;
    }
    uint64_t carry = 0;
    ssize_t i = 0;
    for (; i < nb; i++) {
        carry += (uint64_t)a[i] + b[i];
        r[i] = (ft_digit)carry;
        carry >>= 32;
    }
    for (; i < na; i++) {
        carry += a[i];
        r[i] = (ft_digit)carry;
        carry >>= 32;
    }
    r[na] = (ft_digit)carry;
    return ft_la_norm(r, na + 1);
}

ssize_t ft_la_sub(const ft_digit *a, ssize_t na, const ft_digit *b, ssize_t nb, ft_digit *r) {
    int64_t borrow = 0;
    ssize_t i = 0;
    for (; i < nb; i++) {
        int64_t t = (int64_t)a[i] - b[i] - borrow;
        r[i] = (ft_digit)t;
        borrow = t < 0;
    }
    for (; i < na; i++) {
        int64_t t = (int64_t)a[i] - borrow;
        r[i] = (ft_digit)t;
        borrow = t < 0;
    }
    return ft_la_norm(r, na);
}

/* r[0..nr) += a[0..na); returns the carry out of r (nr >= na). */
static ft_digit add_into(ft_digit *r, ssize_t nr, const ft_digit *a, ssize_t na) {
    uint64_t carry = 0;
    ssize_t i = 0;
    for (; i < na; i++) {
        carry += (uint64_t)r[i] + a[i];
        r[i] = (ft_digit)carry;
        carry >>= 32;
    }
    for (; carry && i < nr; i++) {
        carry += r[i];
        r[i] = (ft_digit)carry;
        carry >>= 32;
    }
    return (ft_digit)carry;
}

/* r[0..nr) -= a[0..na) (r >= a). */
static void sub_from(ft_digit *r, ssize_t nr, const ft_digit *a, ssize_t na) {
    int64_t borrow = 0;
    ssize_t i = 0;
    for (; i < na; i++) {
        int64_t t = (int64_t)r[i] - a[i] - borrow;
        r[i] = (ft_digit)t;
        borrow = t < 0;
    }
    for (; borrow && i < nr; i++) {
        int64_t t = (int64_t)r[i] - borrow;
        r[i] = (ft_digit)t;
        borrow = t < 0;
    }
}

static void mul_school(const ft_digit *a, ssize_t na, const ft_digit *b, ssize_t nb, ft_digit *r) {
    memset(r, 0, (size_t)(na + nb) * sizeof(ft_digit));
    for (ssize_t i = 0; i < na; i++) {
        uint64_t ai = a[i], carry = 0;
        if (ai == 0)
            continue;
        for (ssize_t j = 0; j < nb; j++) {
            carry += ai * b[j] + r[i + j];
            r[i + j] = (ft_digit)carry;
            carry >>= 32;
        }
        r[i + nb] = (ft_digit)carry;
    }
}

static void square_school(const ft_digit *a, ssize_t n, ft_digit *r) { mul_school(a, n, a, n, r); }

static int kmul(const ft_digit *a, ssize_t na, const ft_digit *b, ssize_t nb, ft_digit *r);

/* r (na + nb digits, fully written) = a * b for any lengths. */
static int mul_any(const ft_digit *a, ssize_t na, const ft_digit *b, ssize_t nb, ft_digit *r) {
    if (na < nb) {
        const ft_digit *t = a; a = b; b = t;
        ssize_t tn = na; na = nb; nb = tn;
    }
    if (nb == 0) {
        if (na)
            memset(r, 0, (size_t)na * sizeof(ft_digit));
        return 0;
    }
    return kmul(a, na, b, nb, r);
}

/* na >= nb >= 1. */
static int kmul(const ft_digit *a, ssize_t na, const ft_digit *b, ssize_t nb, ft_digit *r) {
    if (nb < KARATSUBA_CUTOFF) {
        if (a == b && na == nb)
            square_school(a, na, r);
        else
            mul_school(a, na, b, nb, r);
        return 0;
    }
    ssize_t h = (na + 1) / 2;
    if (nb <= h) {
        /* Unbalanced: multiply b by slices of a of b's length and add up. */
        memset(r, 0, (size_t)(na + nb) * sizeof(ft_digit));
        ft_digit *tmp = ft_mem_alloc((size_t)(2 * nb) * sizeof(ft_digit));
        if (!tmp)
            return -1;
        for (ssize_t i = 0; i < na; i += nb) {
            ssize_t chunk = na - i < nb ? na - i : nb;
            if (mul_any(a + i, chunk, b, nb, tmp) < 0) {
                ft_mem_free(tmp);
                return -1;
            }
            add_into(r + i, na + nb - i, tmp, chunk + nb);
        }
        ft_mem_free(tmp);
        return 0;
    }
    const ft_digit *a0 = a, *a1 = a + h, *b0 = b, *b1 = b + h;
    ssize_t la0 = ft_la_norm(a0, h), la1 = na - h, lb0 = ft_la_norm(b0, h), lb1 = nb - h;
    ft_digit *scratch = ft_mem_alloc((size_t)(4 * h + 4) * sizeof(ft_digit));
    if (!scratch)
        return -1;
    ft_digit *t1 = scratch, *t2 = scratch + h + 1, *z1 = scratch + 2 * h + 2;
    memset(r, 0, (size_t)(na + nb) * sizeof(ft_digit));
    if (mul_any(a0, la0, b0, lb0, r) < 0 || mul_any(a1, la1, b1, lb1, r + 2 * h) < 0)
        goto fail;
    ssize_t lt1 = ft_la_add(a0, la0, a1, la1, t1);
    ssize_t lt2 = ft_la_add(b0, lb0, b1, lb1, t2);
    if (mul_any(t1, lt1, t2, lt2, z1) < 0)
        goto fail;
    ssize_t lz1 = ft_la_norm(z1, lt1 + lt2);
    sub_from(z1, lz1, r, ft_la_norm(r, la0 + lb0));
    sub_from(z1, lz1, r + 2 * h, ft_la_norm(r + 2 * h, la1 + lb1));
    lz1 = ft_la_norm(z1, lz1);
    add_into(r + h, na + nb - h, z1, lz1);
    ft_mem_free(scratch);
    return 0;
fail:
    ft_mem_free(scratch);
    return -1;
}

ssize_t ft_la_mul(const ft_digit *a, ssize_t na, const ft_digit *b, ssize_t nb, ft_digit *r) {
    if (mul_any(a, na, b, nb, r) < 0)
        return -1;
    return ft_la_norm(r, na + nb);
}

ft_digit ft_la_divrem1(const ft_digit *a, ssize_t n, ft_digit d, ft_digit *q) {
    uint64_t rem = 0;
    for (ssize_t i = n - 1; i >= 0; i--) {
        uint64_t cur = (rem << 32) | a[i];
        q[i] = (ft_digit)(cur / d);
        rem = cur % d;
    }
    return (ft_digit)rem;
}

/* Hacker's Delight divmnu64, on 32-bit digits with 64-bit intermediates. */
int ft_la_divrem(const ft_digit *a, ssize_t na, const ft_digit *b, ssize_t nb, ft_digit *q,
                 ft_digit *r) {
    if (nb == 1) {
        ft_digit rem = ft_la_divrem1(a, na, b[0], q);
        if (r)
            r[0] = rem;
        return 0;
    }
    ft_digit *un = ft_mem_alloc((size_t)(na + 1 + nb) * sizeof(ft_digit));
    if (!un)
        return -1;
    ft_digit *vn = un + na + 1;
    int s = __builtin_clz(b[nb - 1]);
    if (s) {
        for (ssize_t i = nb - 1; i > 0; i--)
            vn[i] = (b[i] << s) | (b[i - 1] >> (32 - s));
        vn[0] = b[0] << s;
        un[na] = a[na - 1] >> (32 - s);
        for (ssize_t i = na - 1; i > 0; i--)
            un[i] = (a[i] << s) | (a[i - 1] >> (32 - s));
        un[0] = a[0] << s;
    } else {
        memcpy(vn, b, (size_t)nb * sizeof(ft_digit));
        memcpy(un, a, (size_t)na * sizeof(ft_digit));
        un[na] = 0;
    }
    const uint64_t base = (uint64_t)1 << 32;
    for (ssize_t j = na - nb; j >= 0; j--) {
        uint64_t num = ((uint64_t)un[j + nb] << 32) | un[j + nb - 1];
        uint64_t qhat = num / vn[nb - 1];
        uint64_t rhat = num - qhat * vn[nb - 1];
        while (qhat >= base || qhat * vn[nb - 2] > ((rhat << 32) | un[j + nb - 2])) {
            qhat--;
            rhat += vn[nb - 1];
            if (rhat >= base)
                break;
        }
        int64_t k = 0, t;
        for (ssize_t i = 0; i < nb; i++) {
            uint64_t p = qhat * vn[i];
            t = (int64_t)un[i + j] - k - (int64_t)(p & 0xFFFFFFFFu);
            un[i + j] = (ft_digit)t;
            k = (int64_t)(p >> 32) - (t >> 32);
        }
        t = (int64_t)un[j + nb] - k;
        un[j + nb] = (ft_digit)t;
        q[j] = (ft_digit)qhat;
        if (t < 0) {
            q[j]--;
            uint64_t c = 0;
            for (ssize_t i = 0; i < nb; i++) {
                c += (uint64_t)un[i + j] + vn[i];
                un[i + j] = (ft_digit)c;
                c >>= 32;
            }
            un[j + nb] += (ft_digit)c;
        }
    }
    if (r) {
        if (s) {
            for (ssize_t i = 0; i < nb - 1; i++)
                r[i] = (un[i] >> s) | (un[i + 1] << (32 - s));
            r[nb - 1] = un[nb - 1] >> s;
        } else {
            memcpy(r, un, (size_t)nb * sizeof(ft_digit));
        }
    }
    ft_mem_free(un);
    return 0;
}

void ft_la_shl(const ft_digit *a, ssize_t na, size_t s, ft_digit *r) {
    size_t whole = s / 32;
    int bits = (int)(s % 32);
    memset(r, 0, whole * sizeof(ft_digit));
    if (bits == 0) {
        memmove(r + whole, a, (size_t)na * sizeof(ft_digit));
        r[whole + na] = 0;
        return;
    }
    ft_digit carry = 0;
    for (ssize_t i = 0; i < na; i++) {
        ft_digit d = a[i];
        r[whole + i] = (d << bits) | carry;
        carry = d >> (32 - bits);
    }
    r[whole + na] = carry;
}

void ft_la_shr(const ft_digit *a, ssize_t na, size_t s, ft_digit *r) {
    size_t whole = s / 32;
    int bits = (int)(s % 32);
    if ((ssize_t)whole >= na)
        return;
    ssize_t n = na - (ssize_t)whole;
    if (bits == 0) {
        memmove(r, a + whole, (size_t)n * sizeof(ft_digit));
        return;
    }
    for (ssize_t i = 0; i < n; i++) {
        ft_digit lo = a[whole + i] >> bits;
        ft_digit hi = i + 1 < n ? a[whole + i + 1] << (32 - bits) : 0;
        r[i] = lo | hi;
    }
}

size_t ft_la_bit_length(const ft_digit *a, ssize_t na) {
    na = ft_la_norm(a, na);
    if (na == 0)
        return 0;
    return (size_t)(na - 1) * 32 + (32 - (size_t)__builtin_clz(a[na - 1]));
}
