// Plain JavaScript on purpose: this must run (and fail politely) on any Node version.
const major = Number(process.versions.node.split('.')[0]);
const [, minor] = process.versions.node.split('.').map(Number);
if (major !== 22 || minor < 12) {
  console.error(`Clermont'ech needs Node 22 LTS (>= 22.12); this is Node ${process.versions.node}. See .nvmrc and README.md.`);
  process.exit(1);
}
