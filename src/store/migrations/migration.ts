// The migration record shared by both engines: a version number, a name, and the SQL in that engine's dialect.
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Migrations not yet applied, in order; rejects a list whose versions are not strictly increasing. */
export function pendingMigrations(all: readonly Migration[], applied: ReadonlySet<number>): Migration[] {
  all.forEach((m, i) => {
    const prev = all[i - 1];
    if (prev && m.version <= prev.version) throw new Error(`Migration versions out of order at ${m.version}`);
  });
  return all.filter((m) => !applied.has(m.version));
}
