// One lint configuration for the whole repository, kept with the other shared settings in config/.
export { default } from './config/eslint.config.js';
