/**
 * A variable of a story: its name (used as the node name) and a phrase for each of its two
 * values, written to complete "a unit that …" / "the unit …": e.g.
 * `{ name: "smoking", states: { yes: "smokes", no: "does not smoke" } }`.
 *
 * @since 0.1.0
 */
export interface StoryVariable {
  /** Node name (unique within a dataset). */
  readonly name: string;
  /** Value phrases: `yes` for the variable's second state, `no` for its first. */
  readonly states: {
    /** Phrase for the second state (`"1"` / `"true"`). */
    readonly yes: string;
    /** Phrase for the first state (`"0"` / `"false"`). */
    readonly no: string;
  };
}

const v = (name: string, yes: string, no: string): StoryVariable => ({ name, states: { yes, no } });

/**
 * Built-in story variables. They are assigned to graph nodes at random, so the causal
 * structure of an item never follows common sense (like CLadder's "nonsense" stories): a
 * reader has to use the premise, not world knowledge.
 *
 * @since 0.1.0
 */
export const BUILTIN_STORIES: readonly StoryVariable[] = Object.freeze([
  v("smoking", "smokes", "does not smoke"),
  v("exercise", "exercises regularly", "does not exercise"),
  v("coffee", "drinks coffee", "does not drink coffee"),
  v("sleep", "sleeps well", "sleeps badly"),
  v("stress", "is stressed", "is not stressed"),
  v("diet", "eats a healthy diet", "eats an unhealthy diet"),
  v("vaccination", "is vaccinated", "is not vaccinated"),
  v("infection", "is infected", "is not infected"),
  v("fever", "has a fever", "has no fever"),
  v("cough", "coughs", "does not cough"),
  v("medication", "takes the medication", "does not take the medication"),
  v("recovery", "recovers", "does not recover"),
  v("education", "has a degree", "has no degree"),
  v("income", "has a high income", "has a low income"),
  v("employment", "is employed", "is unemployed"),
  v("training", "attends the training", "skips the training"),
  v("promotion", "gets promoted", "does not get promoted"),
  v("tutoring", "receives tutoring", "receives no tutoring"),
  v("grades", "gets good grades", "gets poor grades"),
  v("attendance", "attends class", "misses class"),
  v("rain", "sees rain", "sees no rain"),
  v("sprinkler", "has the sprinkler on", "has the sprinkler off"),
  v("wet grass", "has wet grass", "has dry grass"),
  v("traffic", "meets heavy traffic", "meets light traffic"),
  v("delay", "is delayed", "is on time"),
  v("advertising", "sees the advert", "does not see the advert"),
  v("purchase", "buys the product", "does not buy the product"),
  v("discount", "gets a discount", "gets no discount"),
  v("loyalty", "is a loyal customer", "is a new customer"),
  v("fertiliser", "uses fertiliser", "uses no fertiliser"),
  v("yield", "has a high yield", "has a low yield"),
  v("drought", "suffers a drought", "has enough water"),
  v("pests", "has pests", "has no pests"),
  v("alarm", "hears the alarm", "hears no alarm"),
  v("burglary", "suffers a burglary", "suffers no burglary"),
  v("earthquake", "feels an earthquake", "feels no earthquake"),
  v("gene", "carries the gene", "does not carry the gene"),
  v("pollution", "lives with pollution", "lives with clean air"),
  v("asthma", "has asthma", "has no asthma"),
  v("screen time", "has much screen time", "has little screen time"),
]);
