import type { StoryVariable } from "./stories.js";

/**
 * How node names and states are put into words.
 *
 * @since 0.1.0
 */
export interface Verbaliser {
  /** Phrase for `node = state` ("X = 1" for letter names, a story phrase otherwise). */
  phrase(node: string, state: string): string;
  /** A number as shown in the text (fixed decimals). */
  number(x: number): string;
  /** Decimals used by {@link Verbaliser.number}. */
  readonly decimals: number;
}

/**
 * Builds a {@link Verbaliser}: nodes named after a story variable use its value phrases (the
 * second state of a binary variable is the `yes` phrase, the first the `no` phrase, both
 * after "the unit"); other nodes read `name = state`. Numbers are shown with exactly `decimals` decimals
 * (`x.toFixed(decimals)`).
 *
 * @param stories - story variables by name
 * @param decimals - decimals of every number shown
 * @returns the verbaliser
 * @since 0.1.0
 */
export function createVerbaliser(stories: readonly StoryVariable[], decimals: number): Verbaliser {
  const byName = new Map(stories.map((s) => [s.name, s]));
  return {
    decimals,
    phrase(node: string, state: string): string {
      const s = byName.get(node);
      if (s === undefined) return `${node} = ${state}`;
      const yes = state === "1" || state === "true";
      return `the unit ${yes ? s.states.yes : s.states.no}`;
    },
    number(x: number): string {
      const s = x.toFixed(decimals);
      return s.startsWith("-") && Number(s) === 0 ? s.slice(1) : s;
    },
  };
}

/**
 * Joins phrases into an English list: `a`, `a and b`, `a, b and c`.
 *
 * @param items - the phrases
 * @returns the list
 * @since 0.1.0
 */
export function englishList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
