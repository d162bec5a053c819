export interface Table {
  title: string;
  note?: string;
  columns: string[];
  rows: (string | number)[][];
}

export interface Check {
  figure: string;
  value: string;
  target: string;
  /** "reported": a figure the issue asks for without a target of its own. */
  met: boolean | "skipped" | "reported";
}

export const fixed = (value: number, digits = 0): string =>
  Number.isFinite(value) ? value.toFixed(digits) : "n/a";

export const printTable = (table: Table): void => {
  console.log(`\n${table.title}${table.note ? `\n${table.note}` : ""}`);
  console.table(
    table.rows.map((row) =>
      Object.fromEntries(table.columns.map((column, i) => [column, row[i] ?? ""])),
    ),
  );
};

const verdict = (met: Check["met"]): string =>
  met === "skipped" || met === "reported" ? met : met ? "met" : "**missed**";

export const checksTable = (checks: Check[]): Table => ({
  title: "Figures against their targets",
  columns: ["figure", "value", "target", "verdict"],
  rows: checks.map((c) => [c.figure, c.value, c.target, verdict(c.met).replaceAll("*", "")]),
});

export const markdownTable = (table: Table, checks?: Check[]): string => {
  const rows = checks
    ? checks.map((c) => [c.figure, c.value, c.target, verdict(c.met)])
    : table.rows.map((row) => row.map(String));
  const escape = (cell: string) => cell.replaceAll("|", "\\|");
  return [
    `### ${table.title}`,
    "",
    ...(table.note ? [table.note, ""] : []),
    `| ${table.columns.map(escape).join(" | ")} |`,
    `| ${table.columns.map(() => "---").join(" | ")} |`,
    ...rows.map((row) => `| ${row.map(escape).join(" | ")} |`),
    "",
  ].join("\n");
};
