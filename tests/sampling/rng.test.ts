import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { CausalKitError, InvalidArgumentError } from "../../src/errors.js";
import { createRng, deriveRng } from "../../src/sampling/index.js";
import { Xoshiro128 } from "../../src/sampling/rng.js";

describe("xoshiro128**", () => {
  it("matches the reference C implementation (Blackman & Vigna) from a fixed state", () => {
    // Produced by the reference xoshiro128starstar.c (prng.di.unimi.it), compiled with gcc,
    // state {1, 2, 0xdeadbeef, 0x80000001}.
    const r = new Xoshiro128(1, 2, 0xdeadbeef, 0x80000001);
    const got = Array.from({ length: 6 }, () => r.nextUint32());
    expect(got).toEqual([11520, 1162329996, 5898816, 2377788996, 909926281, 3388055255]);
  });

  it("builds next() from 27 + 26 high bits of two consecutive outputs", () => {
    const a = new Xoshiro128(1, 2, 0xdeadbeef, 0x80000001);
    const b = new Xoshiro128(1, 2, 0xdeadbeef, 0x80000001);
    for (let i = 0; i < 100; i++) {
      const hi = a.nextUint32() >>> 5;
      const lo = a.nextUint32() >>> 6;
      expect(b.next()).toBe((hi * 2 ** 26 + lo) / 2 ** 53);
    }
  });
});

describe("createRng / deriveRng", () => {
  it("seeds the state with four int32 words of seedrandom's Alea on String(seed)", () => {
    const alea = seedrandom.alea("123");
    const words = [alea.int32(), alea.int32(), alea.int32(), alea.int32()];
    const ref = new Xoshiro128(words[0] ?? 0, words[1] ?? 0, words[2] ?? 0, words[3] ?? 0);
    const rng = createRng(123);
    for (let i = 0; i < 50; i++) expect(rng.nextUint32()).toBe(ref.nextUint32());
  });

  it("pins the first values of createRng(123) (golden stream)", () => {
    const rng = createRng(123);
    expect(Array.from({ length: 8 }, () => rng.next())).toEqual([
      0.08834662599016874, 0.4420500448245813, 0.6475945507508317, 0.5026964609357807,
      0.1646837790731186, 0.8030134926953232, 0.30545887669496163, 0.13934436212401524,
    ]);
    const u = createRng(123);
    expect(Array.from({ length: 4 }, () => u.nextUint32())).toEqual([
      379445864, 1790426742, 1898590477, 2914794448,
    ]);
  });

  it('pins the first values of deriveRng(123, "X") (golden stream)', () => {
    const rng = deriveRng(123, "X");
    expect(Array.from({ length: 8 }, () => rng.next())).toEqual([
      0.48765589206148996, 0.4736951958322487, 0.32303394582060974, 0.16528464134486975,
      0.07805461452108065, 0.4889478153663843, 0.5493316826281327, 0.5104713453227309,
    ]);
  });

  it('treats 1 and "1" as the same seed', () => {
    const a = createRng(1);
    const b = createRng("1");
    const c = deriveRng(1, "U_X");
    const d = deriveRng("1", "U_X");
    for (let i = 0; i < 20; i++) {
      expect(a.next()).toBe(b.next());
      expect(c.next()).toBe(d.next());
    }
  });

  it("gives different streams for different names and for the master seed", () => {
    const first = (r: { next(): number }): number[] => Array.from({ length: 4 }, () => r.next());
    const base = first(createRng(5));
    const x = first(deriveRng(5, "X"));
    const y = first(deriveRng(5, "Y"));
    const space = first(deriveRng(5, "my var"));
    expect(x).not.toEqual(y);
    expect(x).not.toEqual(base);
    expect(space).not.toEqual(x);
    expect(first(deriveRng(5, "X"))).toEqual(x);
  });

  it("next() lies in [0, 1) on a multiple of 2^-53", () => {
    const rng = createRng("range");
    let ok = true;
    for (let i = 0; i < 10_000; i++) {
      const x = rng.next();
      ok &&= x >= 0 && x < 1 && Number.isInteger(x * 2 ** 53);
    }
    expect(ok).toBe(true);
  });

  it("fill() equals repeated next(), in one call or in pieces", () => {
    const a = createRng("fill");
    const b = createRng("fill");
    const c = createRng("fill");
    const one = new Float64Array(1000);
    a.fill(one);
    const pieces = new Float64Array(1000);
    b.fill(pieces, 0, 1);
    b.fill(pieces, 1, 333);
    b.fill(pieces, 333, 333);
    b.fill(pieces, 333, 1000);
    expect(pieces).toEqual(one);
    for (let i = 0; i < 1000; i++) expect(c.next()).toBe(one[i]);
  });

  it("rejects bad seeds, stream names and ranges with InvalidArgumentError", () => {
    const bad = [
      () => createRng(null as unknown as number),
      () => createRng({} as unknown as number),
      () => deriveRng(1, 2 as unknown as string),
      () => createRng(1).fill(new Float64Array(3), 2, 1),
      () => createRng(1).fill(new Float64Array(3), 0, 4),
      () => createRng(1).fill(new Float64Array(3), -1, 2),
      () => createRng(1).fill(new Float64Array(3), 0.5, 2),
    ];
    for (const f of bad) {
      expect(f).toThrow(InvalidArgumentError);
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(CausalKitError);
        expect((e as CausalKitError).code).toBe("E_INVALID_ARGUMENT");
      }
    }
  });
});
