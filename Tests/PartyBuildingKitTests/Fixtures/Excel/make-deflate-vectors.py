#!/usr/bin/env python3
"""Writes the DEFLATE test vectors under deflate/: one input and its raw DEFLATE streams (zlib, wbits=-15).

Run once from this directory; the outputs are checked in. DeflateTests inflates each stream and compares it to
input.bin. The input mixes CSV text (dynamic Huffman blocks at levels 6 and 9), a run that compresses to long
matches, and a block of pseudo-random bytes repeated 30,000 bytes later (a long back-reference).
"""
import random
import zlib

rng = random.Random(20250101)
csv = open("../../../../Examples/data/dazhou.csv", "rb").read()
noise = bytes(rng.randrange(256) for _ in range(300))
parts = [csv, noise, b"0" * 1000]
filler = bytearray()
while len(filler) < 30000:
    filler += b"%d,%d.%d;" % (rng.randrange(100), rng.randrange(100), rng.randrange(10))
parts += [bytes(filler[:30000]), noise, csv[::-1]]
data = b"".join(parts)
open("deflate/input.bin", "wb").write(data)

def raw(level, strategy=zlib.Z_DEFAULT_STRATEGY):
    c = zlib.compressobj(level, zlib.DEFLATED, -15, 8, strategy)
    return c.compress(data) + c.flush()

for level in (0, 1, 6, 9):
    open("deflate/level%d.deflate" % level, "wb").write(raw(level))
open("deflate/fixed.deflate", "wb").write(raw(6, zlib.Z_FIXED))
open("deflate/huffman-only.deflate", "wb").write(raw(6, zlib.Z_HUFFMAN_ONLY))
for name in ("level0", "level1", "level6", "level9", "fixed", "huffman-only"):
    assert zlib.decompress(open("deflate/%s.deflate" % name, "rb").read(), -15) == data
print(len(data), "bytes of input")
