import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { type AuditReport, auditItem } from "../../datasets/audit.js";
import { CausalKitError, InvalidArgumentError } from "../../errors.js";

/**
 * `causalkit audit FILE.jsonl [--json]`: streams the file line by line, recomputes every
 * label and returns `{checked, disagreements}`. Lines that are not JSON are reported as
 * disagreements of field `item`. Blank lines are skipped.
 */
export async function auditCommand(path: string): Promise<AuditReport> {
  const stream = createReadStream(path === "-" ? "/dev/stdin" : path, { encoding: "utf8" });
  const opened = new Promise<void>((resolve, reject) => {
    stream.once("ready", () => resolve());
    stream.once("error", reject);
  });
  try {
    await opened;
  } catch (e) {
    throw cannotRead(path, e);
  }
  try {
    return await auditLines(stream);
  } catch (e) {
    // A read error after opening (e.g. EISDIR for a directory); audit errors pass through.
    if (!(e instanceof CausalKitError) && typeof (e as NodeJS.ErrnoException).code === "string") {
      throw cannotRead(path, e);
    }
    throw e;
  }
}

function cannotRead(path: string, e: unknown): InvalidArgumentError {
  const code = (e as NodeJS.ErrnoException).code ?? "error";
  return new InvalidArgumentError(`cli.audit: cannot read "${path}" (${code})`, "file");
}

async function auditLines(stream: NodeJS.ReadableStream): Promise<AuditReport> {
  const report: AuditReport = { checked: 0, disagreements: [] };
  let line = 0;
  for await (const text of createInterface({
    input: stream,
    crlfDelay: Number.POSITIVE_INFINITY,
  })) {
    line++;
    if (text.trim() === "") continue;
    let item: unknown;
    try {
      item = JSON.parse(text);
    } catch {
      report.disagreements.push({
        id: `line ${line}`,
        field: "item",
        expected: "a JSON object",
        found: text.length > 80 ? `${text.slice(0, 80)}…` : text,
      });
      report.checked++;
      continue;
    }
    auditItem(item, report);
  }
  return report;
}

/** The human-readable summary of an {@link AuditReport}. */
export function describeAudit(report: AuditReport): string {
  const lines = [`checked ${report.checked} items, ${report.disagreements.length} disagreement(s)`];
  for (const d of report.disagreements) {
    lines.push(
      `${d.id}: ${d.field} is ${JSON.stringify(d.found)}, expected ${JSON.stringify(d.expected)}`,
    );
  }
  return lines.join("\n");
}
