#!/usr/bin/env python3
"""Writes the fuzz_cache_entry seeds of the current cache entry formats (ab version 3, flow
version 3) into tests/fuzz/seeds/cache_entry/. Each seed is the 8-byte frame number the target
decodes for, then the entry file. Python's zlib.crc32 is the CRC of common/Checksum.h, and
qCompress() is a 4-byte big-endian length followed by a zlib stream.

Usage: tests/fuzz/make_cache_seeds.py
"""
import os
import struct
import zlib

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "seeds", "cache_entry")


def f16(values):
    return struct.pack("<%de" % len(values), *values)


def ab_entry(frame, native_w, native_h, padded_w, padded_h, frame_w, frame_h, conf):
    n = native_w * native_h
    ab = [((i * 7) % 41 - 20) * 1.5 for i in range(2 * n)]
    payload = f16(ab) + (f16([(i % 5) / 4 for i in range(n)]) if conf else b"")
    def header(crc):
        return b"CFAB" + struct.pack("<9IqII", 3, native_w, native_h, padded_w, padded_h, frame_w,
                                     frame_h, 1 if conf else 0, len(payload), frame, 0, crc)
    crc = zlib.crc32(payload, zlib.crc32(header(0)))
    return struct.pack("<q", frame) + header(crc) + payload


def med(a, b, c):
    if c >= max(a, b):
        return min(a, b)
    if c <= min(a, b):
        return max(a, b)
    return a + b - c


def flow_entry(frame, w, h):
    # 1/16 px fixed point, median-edge residuals, zigzag, low then high byte planes.
    lo, hi = bytearray(), bytearray()
    for ch in range(2):
        prev = [0] * w
        for y in range(h):
            cur = [0] * w
            for x in range(w):
                q = (3 * x - 2 * y + 5 * ch) * 4
                a = cur[x - 1] if x else 0
                c = prev[x - 1] if x else 0
                r = (q - med(a, prev[x], c)) & 0xFFFF
                r = r - 0x10000 if r & 0x8000 else r
                z = ((r << 1) ^ (r >> 15)) & 0xFFFF
                lo.append(z & 0xFF)
                hi.append(z >> 8)
                cur[x] = q
            prev = cur
    raw = bytes(lo + hi)
    flow_z = struct.pack(">I", len(raw)) + zlib.compress(raw, 6)
    mask = bytes((x + y) % 3 != 0 for y in range(h) for x in range(w))
    mask_z = struct.pack(">I", len(mask)) + zlib.compress(mask, 6)
    payload = flow_z + mask_z
    def header(crc):
        return b"CFFL" + struct.pack("<5IqqII", 3, w, h, len(flow_z), len(mask_z), frame - 1,
                                     frame, 0, crc)
    crc = zlib.crc32(payload, zlib.crc32(header(0)))
    return struct.pack("<q", frame) + header(crc) + payload


def main():
    seeds = {
        "ab_v3_conf_4x3.bin": ab_entry(5, 4, 3, 32, 24, 30, 22, True),
        "ab_v3_noconf_2x2.bin": ab_entry(0, 2, 2, 2, 2, 2, 2, False),
        "flow_v3_6x4.bin": flow_entry(3, 6, 4),
    }
    for name, data in seeds.items():
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
