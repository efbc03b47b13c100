/** Human-readable renderings of the query and effect results (the JSON is the contract). */

/** Formats a `causalkit query` result for people. */
export function describeQuery(result: object): string {
  const r = result as Record<string, unknown>;
  const lines: string[] = [];
  const targets = (r["targets"] as string[] | undefined) ?? [];
  if (r["distribution"] && typeof r["distribution"] === "object") {
    lines.push(`P(${targets.join(", ")}${condition(r)}):`);
    for (const [state, p] of Object.entries(r["distribution"] as Record<string, number>)) {
      lines.push(`  ${state}\t${p}`);
    }
  } else if (Array.isArray(r["joint"])) {
    lines.push(`P(${targets.join(", ")}${condition(r)}):`);
    for (const row of r["joint"] as { assignment: Record<string, string>; p: number }[]) {
      lines.push(`  ${Object.values(row.assignment).join(", ")}\t${row.p}`);
    }
  } else {
    lines.push(JSON.stringify(result, null, 2));
  }
  if (r["exact"] === false) lines.push("(Monte Carlo estimate, not exact)");
  return lines.join("\n");
}

function condition(r: Record<string, unknown>): string {
  const parts: string[] = [];
  const doPart = r["do"] as Record<string, string> | undefined;
  const given = r["given"] as Record<string, string> | undefined;
  if (doPart && Object.keys(doPart).length > 0) {
    parts.push(
      `do(${Object.entries(doPart)
        .map(([k, v]) => `${k}=${v}`)
        .join(", ")})`,
    );
  }
  if (given && Object.keys(given).length > 0) {
    parts.push(
      Object.entries(given)
        .map(([k, v]) => `${k}=${v}`)
        .join(", "),
    );
  }
  return parts.length > 0 ? ` | ${parts.join(", ")}` : "";
}

/** Formats a `causalkit effect` result for people. */
export function describeEffect(result: object): string {
  const r = result as Record<string, unknown>;
  const head = `ATE of ${r["treatment"]} (${r["treated"]} vs ${r["control"]}) on ${r["outcome"]}: ${r["ate"]}`;
  const extra: string[] = [];
  if (r["riskRatio"] !== undefined) extra.push(`risk ratio ${r["riskRatio"]}`);
  if (r["standardError"] !== undefined)
    extra.push(`standard error ${r["standardError"]} (Monte Carlo estimate)`);
  return extra.length > 0 ? `${head}\n${extra.join("\n")}` : head;
}
