// Finds the project root (the folder holding package.json), so src/ under tsx and dist/ under node find the same files.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** Walks up from this module rather than counting `../`, which differs between src/ and a build output. */
export function projectRoot(): string {
  if (root !== undefined) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
  root = dir;
  return root;
}

/** A path inside the project, e.g. `projectPath('knowledge')`; independent of the working directory. */
export function projectPath(...segments: string[]): string {
  return join(projectRoot(), ...segments);
}
