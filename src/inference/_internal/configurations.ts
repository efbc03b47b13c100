// The odometer over joint configurations, shared by CPT tabulation and the mediation formula.

/**
 * Calls `visit` for every configuration of the given cardinalities, last variable fastest, with
 * its row-major index. The `config` array is reused between calls. Nothing is visited if a
 * cardinality is 0; an empty list has one (empty) configuration.
 *
 * @internal
 */
export function forEachConfiguration(
  cards: readonly number[],
  visit: (config: Int32Array, index: number) => void,
): void {
  const d = cards.length;
  for (const c of cards) if (c === 0) return;
  const config = new Int32Array(d);
  let index = 0;
  for (;;) {
    visit(config, index++);
    let q = d - 1;
    for (; q >= 0; q--) {
      const c = (config[q] as number) + 1;
      if (c < (cards[q] as number)) {
        config[q] = c;
        break;
      }
      config[q] = 0;
    }
    if (q < 0) return;
  }
}
