#!/usr/bin/env python3
"""Measures the chart palette (Sources/ShareReport/Chart/Palette.swift): CIELAB ΔE*76 between
every two colours and the "Other" grey, for normal vision and under simulated deuteranopia,
protanopia and tritanopia (Machado, Oliveira & Fernandes 2009, severity 1.0); then the four of
Paul Tol's muted colours added greedily to Okabe–Ito, and each colour's nearest xterm-256
colours. Standard library only. Usage: scripts/palette.py"""
import itertools
import math

OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00", "#CC79A7", "#F0E442", "#000000"]
TOL_MUTED = ["#332288", "#117733", "#44AA99", "#88CCEE", "#DDCC77", "#CC6677", "#AA4499", "#882255", "#999933"]
GREY = "#999999"
MACHADO = {
    "deuteranopia": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
    "protanopia": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
    "tritanopia": [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]],
}


def linear(hex_colour):
    def one(c):
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    return [one(int(hex_colour[i:i + 2], 16)) for i in (1, 3, 5)]


def lab(rgb):
    r, g, b = rgb
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
    f = lambda t: t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116
    return (116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z)))


def seen(hex_colour, matrix=None):
    rgb = linear(hex_colour)
    if matrix:
        rgb = [max(0, min(1, sum(matrix[i][j] * rgb[j] for j in range(3)))) for i in range(3)]
    return lab(rgb)


def floor(colours, matrix=None):
    return min(math.dist(seen(a, matrix), seen(b, matrix)) for a, b in itertools.combinations(colours + [GREY], 2))


def main():
    chosen = list(OKABE_ITO)
    while len(chosen) < 12:
        def score(t):
            normal = min(math.dist(seen(t), seen(c)) for c in chosen + [GREY])
            cvd = min(min(math.dist(seen(t, m), seen(c, m)) for c in chosen + [GREY]) for m in MACHADO.values())
            return min(normal, 1.5 * cvd)
        chosen.append(max((t for t in TOL_MUTED if t not in chosen), key=score))
    print("palette:", " ".join(chosen))
    print(f"min ΔE76 normal vision: {floor(chosen):.1f}")
    for name, m in MACHADO.items():
        print(f"min ΔE76 {name}: {floor(chosen, m):.1f}")
    levels = [0, 95, 135, 175, 215, 255]
    xterm = [(16 + 36 * r + 6 * g + b, "#%02X%02X%02X" % (levels[r], levels[g], levels[b]))
             for r in range(6) for g in range(6) for b in range(6)]
    xterm += [(232 + i, "#%02X%02X%02X" % ((8 + 10 * i,) * 3)) for i in range(24)]
    for c in chosen + [GREY]:
        near = sorted(xterm, key=lambda e: math.dist(seen(c), seen(e[1])))[:3]
        print(c, "nearest xterm-256:", [n for n, _ in near])


if __name__ == "__main__":
    main()
