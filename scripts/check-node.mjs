// Plain JavaScript on purpose: this must run, and fail politely, on any Node version.
import { fileURLToPath } from 'node:url';

/** The LTS lines the project runs on: 26 (active), 24 (maintenance), 22 from 22.12 (until April 2027). */
const SUPPORTED = 'Node 26 LTS, 24 or 22 (22.12 or later)';

/** Why this Node version can't run the project, in one line, or undefined when it can. */
export function nodeVersionProblem(version) {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  if (major === 26 || major === 24) return undefined;
  if (major === 22 && minor >= 12) return undefined;
  return `Clermont'ech needs ${SUPPORTED}; this is Node ${version}. See .nvmrc and README.md.`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const problem = nodeVersionProblem(process.versions.node);
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}
