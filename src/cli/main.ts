import { main } from "./program.js";

// A closed pipe (`causalkit sample ... | head`) is a normal way to stop reading: exit quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(0);
    throw e;
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`causalkit: ${String(e)}\n`);
    process.exitCode = 1;
  },
);
