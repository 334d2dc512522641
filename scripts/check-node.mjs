// Plain JavaScript on purpose: this must run, and fail politely, on any Node version.
import { fileURLToPath } from 'node:url';

/** Why this Node version can't run the project, in one line, or undefined when it can. */
export function nodeVersionProblem(version) {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  if (major === 22 && minor >= 12) return undefined;
  return `Clermont'ech needs Node 22 LTS (22.12 or later); this is Node ${version}. See .nvmrc and README.md.`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const problem = nodeVersionProblem(process.versions.node);
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}
