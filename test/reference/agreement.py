#!/usr/bin/env python3
"""Independent reference for the agreement measures of src/core/team/agreement.ts.

Written separately from the TypeScript code (plain loops over code points and sections, straight
from the formulas), standard library only. Run:  python3 test/reference/agreement.py
Its output is pasted into test/unit/agreement.test.ts.

Cohen's kappa: each code point of the continuum is an item, coded (1) or not (0) by each coder.
Krippendorff's unitized alpha for one category c (Krippendorff 2004, "Measuring the reliability of
qualitative text analysis data", Quality & Quantity 38:787-800), two or more coders, continuum of
length L, each coder's continuum cut into units (valued c) and gaps:
  Do = sum_i sum_{j!=i} sum_g sum_h delta2(ig, jh) / (m (m-1) L^2)
  delta2 = (b_ig-b_jh)^2 + (e_ig-e_jh)^2 when both are units and they overlap,
           l_ig^2 when ig is a unit lying inside the gap jh, l_jh^2 the other way round, else 0.
  De = (2/L) sum_units u [ (Nc-1)/3 (2 l^3 - 3 l^2 + l) + l^2 sum_gaps h, l_h >= l (l_h - l + 1) ]
       / (m L (m L - 1) - sum_units l (l-1))
  alpha = 1 - Do/De
Krippendorff's own example (continuum 150..450, category c) gives Do = 0.0144, De = 0.0532.
"""
import json


def sections(units, start, end):
    """A coder's continuum [start, end) as (begin, length, is_unit) sections."""
    out, at = [], start
    for b, e in sorted(units):
        if b > at:
            out.append((at, b - at, 0))
        out.append((b, e - b, 1))
        at = e
    if at < end:
        out.append((at, end - at, 0))
    return out


def alpha_u(coders, start, end):
    L = end - start
    m = len(coders)
    secs = [sections(u, start, end) for u in coders]
    do = 0
    for i in range(m):
        for j in range(m):
            if i == j:
                continue
            for (bg, lg, vg) in secs[i]:
                for (bh, lh, vh) in secs[j]:
                    if vg and vh and -lg < bg - bh < lh:
                        do += (bg - bh) ** 2 + (bg + lg - bh - lh) ** 2
                    elif vg and not vh and lh - lg >= bg - bh >= 0:
                        do += lg ** 2
                    elif vh and not vg and lg - lh >= bh - bg >= 0:
                        do += lh ** 2
    do /= m * (m - 1) * L * L
    units = [l for s in secs for (b, l, v) in s if v]
    gaps = [l for s in secs for (b, l, v) in s if not v]
    nc = len(units)
    num = 0
    for l in units:
        num += (nc - 1) / 3 * (2 * l ** 3 - 3 * l ** 2 + l)
        num += l ** 2 * sum(g - l + 1 for g in gaps if g >= l)
    num *= 2 / L
    den = m * L * (m * L - 1) - sum(l * (l - 1) for l in units)
    de = num / den
    return do, de, (1 - do / de) if de else None


def kappa(a_units, b_units, start, end):
    a = [0] * (end - start)
    b = [0] * (end - start)
    for (x, y) in a_units:
        for k in range(x, y):
            a[k - start] = 1
    for (x, y) in b_units:
        for k in range(x, y):
            b[k - start] = 1
    n = end - start
    po = sum(1 for k in range(n) if a[k] == b[k]) / n
    pa, pb = sum(a) / n, sum(b) / n
    pe = pa * pb + (1 - pa) * (1 - pb)
    return (po - pe) / (1 - pe) if pe != 1 else None


# Krippendorff (2004), category c: coder i and coder j.
K_I = [(225, 295), (370, 400)]
K_J = [(220, 300), (355, 375), (400, 420)]
do, de, a = alpha_u([K_I, K_J], 150, 450)
print(json.dumps({"krippendorff2004_c": {"Do": do, "De": de, "alphaU": a, "kappa": kappa(K_I, K_J, 150, 450)}}))

# The fixture of test/unit/agreement.test.ts: two articles (lengths 120 and 80) laid end to end
# (offsets of the second article + 120), label "claim".
A = [(10, 40), (60, 90), (120 + 5, 120 + 25)]
B = [(12, 40), (100, 110), (120 + 5, 120 + 25), (120 + 50, 120 + 70)]
do, de, a = alpha_u([A, B], 0, 200)
print(json.dumps({"fixture_claim": {"Do": do, "De": de, "alphaU": a, "kappa": kappa(A, B, 0, 200)}}))
