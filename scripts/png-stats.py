#!/usr/bin/env python3
"""Prints `width height nonwhite_fraction distinct_colours` of a PNG, to tell a rendered page or
chart from a blank one. Standard library only (zlib). Reads every PNG the format allows: grey, RGB,
palette, grey + alpha and RGBA, at 1, 2, 4, 8 or 16 bits, interlaced (Adam7) or not; a file it
cannot read is an error (exit 1), never a silent pass.

`png-stats.py --self-test` encodes small images in every one of those forms and checks that
they decode to the pixels they were made from (exit 0), so a test can show the reader works."""
import struct
import sys
import zlib

CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}
# Adam7 passes: x start, y start, x step, y step.
ADAM7 = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]


def unfilter(raw, offset, width, height, bits_per_pixel):
    """Rows of bytes of a (sub)image starting at `offset`; returns (rows, next offset)."""
    stride = (width * bits_per_pixel + 7) // 8
    bpp = max(1, bits_per_pixel // 8)
    previous = bytearray(stride)
    rows = []
    for _ in range(height):
        kind, line = raw[offset], bytearray(raw[offset + 1:offset + 1 + stride])
        offset += 1 + stride
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = previous[i]
            c = previous[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
            elif kind != 0:
                raise ValueError(f"filter type {kind}")
        rows.append(bytes(line))
        previous = line
    return rows, offset


def samples(row, count, depth):
    """`count` samples of `depth` bits from a row of bytes, scaled to 0..255 (palette indices not scaled)."""
    if depth == 8:
        return list(row[:count])
    if depth == 16:
        return list(row[0:2 * count:2])
    out = []
    per_byte = 8 // depth
    mask = (1 << depth) - 1
    for i in range(count):
        byte = row[i // per_byte]
        shift = 8 - depth * (i % per_byte + 1)
        out.append((byte >> shift) & mask)
    return out


def decode(path):
    """width, height and rows of (r, g, b) tuples."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, header, palette = 8, b"", None, None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"PLTE":
            palette = [tuple(chunk[i:i + 3]) for i in range(0, len(chunk), 3)]
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if colour not in CHANNELS or depth not in (1, 2, 4, 8, 16) or interlace not in (0, 1):
        raise ValueError(f"invalid PNG header (depth {depth}, colour {colour}, interlace {interlace})")
    if colour == 3 and palette is None:
        raise ValueError("palette image without PLTE")
    channels = CHANNELS[colour]
    raw = zlib.decompress(idat)

    def pixel(values):
        if colour == 3:
            return palette[values[0]]
        if colour in (0, 4):
            g = values[0] if depth >= 8 else values[0] * 255 // ((1 << depth) - 1)
            return (g, g, g)
        return tuple(values[:3])

    image = [[None] * width for _ in range(height)]
    passes = ADAM7 if interlace else [(0, 0, 1, 1)]
    offset = 0
    for x0, y0, dx, dy in passes:
        w = (width - x0 + dx - 1) // dx if width > x0 else 0
        h = (height - y0 + dy - 1) // dy if height > y0 else 0
        if w == 0 or h == 0:
            continue
        rows, offset = unfilter(raw, offset, w, h, channels * depth)
        for j, row in enumerate(rows):
            values = samples(row, w * channels, depth)
            for i in range(w):
                image[y0 + j * dy][x0 + i * dx] = pixel(values[i * channels:(i + 1) * channels])
    return width, height, image


def stats(path):
    width, height, image = decode(path)
    colours, nonwhite, total = set(), 0, 0
    for row in image[::2]:
        for px in row[::2]:
            colours.add(px)
            total += 1
            if min(px) < 240:
                nonwhite += 1
    return width, height, nonwhite / max(total, 1), len(colours)


def encode(path, width, height, colour, depth, interlace, rows, palette=None):
    """A PNG of `rows` (lists of samples per pixel, already in the file's depth), filter type 0."""
    channels = CHANNELS[colour]

    def pack(values):
        if depth == 8:
            return bytes(values)
        if depth == 16:
            return b"".join(struct.pack(">H", v * 257) for v in values)
        out, acc, n = bytearray(), 0, 0
        for v in values:
            acc = (acc << depth) | v
            n += depth
            if n == 8:
                out.append(acc)
                acc, n = 0, 0
        if n:
            out.append(acc << (8 - n))
        return bytes(out)

    raw = b""
    for x0, y0, dx, dy in (ADAM7 if interlace else [(0, 0, 1, 1)]):
        for y in range(y0, height, dy):
            line = [v for x in range(x0, width, dx) for v in rows[y][x]]
            if line:
                raw += b"\0" + pack(line)

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    out = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, depth, colour, 0, 0, interlace))
    if palette:
        out += chunk(b"PLTE", bytes(v for rgb in palette for v in rgb))
    out += chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
    open(path, "wb").write(out)


def self_test(directory):
    width, height = 11, 9  # not a multiple of 8: every Adam7 pass has a ragged edge
    palette = [(255, 255, 255), (200, 0, 0), (0, 120, 0), (0, 0, 255)]
    failures = 0
    for colour, depth in [(0, 1), (0, 4), (0, 8), (0, 16), (2, 8), (2, 16), (3, 2), (3, 8), (4, 8), (6, 8), (6, 16)]:
        for interlace in (0, 1):
            top = (1 << min(depth, 8)) - 1
            rows = []
            expected = []
            for y in range(height):
                row, want = [], []
                for x in range(width):
                    k = (x * 7 + y * 3) % 4
                    if colour == 3:
                        row.append([k])
                        want.append(palette[k])
                    elif colour in (0, 4):
                        g = (x * 5 + y * 11) % (top + 1)
                        row.append([g] + ([255] if colour == 4 else []))
                        g8 = g if depth >= 8 else g * 255 // top
                        want.append((g8, g8, g8))
                    else:
                        rgb = [(x * 23) % 256, (y * 29) % 256, (x * y) % 256]
                        row.append(rgb + ([255] if colour == 6 else []))
                        want.append(tuple(rgb))
                rows.append(row)
                expected.append(want)
            path = f"{directory}/c{colour}-d{depth}-i{interlace}.png"
            encode(path, width, height, colour, depth, interlace, rows, palette if colour == 3 else None)
            w, h, image = decode(path)
            if (w, h) != (width, height) or image != expected:
                print(f"self-test: colour {colour}, depth {depth}, interlace {interlace} decodes wrongly")
                failures += 1
    print(f"self-test: {22 - failures} of 22 PNG forms decode to their pixels")
    return 1 if failures else 0


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--self-test":
        return self_test(sys.argv[2])
    try:
        width, height, ink, colours = stats(sys.argv[1])
    except (ValueError, zlib.error, struct.error, IndexError, TypeError) as error:
        print(f"{sys.argv[1]}: cannot read this PNG: {error}", file=sys.stderr)
        return 1
    print(width, height, f"{ink:.4f}", colours)
    return 0


sys.exit(main())
