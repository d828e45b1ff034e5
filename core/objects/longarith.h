/* Magnitude arithmetic for arbitrary-precision ints (core/objects/longarith.c): unsigned
 * numbers stored as arrays of 32-bit digits, least significant first. Private to int.c,
 * float.c and math.c; everything else goes through the ft_int_* API in core/types.h.
 * "Normalised" means no leading zero digits (zero has length 0). */
#ifndef FT_LONGARITH_H
#define FT_LONGARITH_H

#include "core/object.h"

typedef uint32_t ft_digit;
#define FT_DIGIT_BITS 32

static inline ssize_t ft_la_norm(const ft_digit *d, ssize_t n) {
    while (n > 0 && d[n - 1] == 0)
        n--;
    return n;
}
int ft_la_cmp(const ft_digit *a, ssize_t na, const ft_digit *b, ssize_t nb); /* normalised */
/* r = a + b; r has room for max(na, nb) + 1 digits; returns the normalised length. */
ssize_t ft_la_add(const ft_digit *a, ssize_t na, const ft_digit *b, ssize_t nb, ft_digit *r);
/* r = a - b with a >= b; r has room for na digits (may alias a); returns normalised length. */
ssize_t ft_la_sub(const ft_digit *a, ssize_t na, const ft_digit *b, ssize_t nb, ft_digit *r);
/* r = a * b; r has room for na + nb digits (must not alias); schoolbook below a threshold,
 * Karatsuba above. Returns the normalised length, or -1 with MemoryError set. */
ssize_t ft_la_mul(const ft_digit *a, ssize_t na, const ft_digit *b, ssize_t nb, ft_digit *r);
/* q = a / d (n digits, may alias a); returns the remainder. */
ft_digit ft_la_divrem1(const ft_digit *a, ssize_t n, ft_digit d, ft_digit *q);
/* Knuth's algorithm D: q = a / b (na - nb + 1 digits), r = a % b (nb digits, may be NULL).
 * Requires na >= nb >= 1 and b normalised. Returns 0, or -1 with MemoryError set. */
int ft_la_divrem(const ft_digit *a, ssize_t na, const ft_digit *b, ssize_t nb, ft_digit *q,
                 ft_digit *r);
/* r = a << s (r has room for na + s/32 + 1 digits); r = a >> s (na - s/32 digits, or 0). */
void ft_la_shl(const ft_digit *a, ssize_t na, size_t s, ft_digit *r);
void ft_la_shr(const ft_digit *a, ssize_t na, size_t s, ft_digit *r);
size_t ft_la_bit_length(const ft_digit *a, ssize_t na);

#endif
