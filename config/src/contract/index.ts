/**
 * What the parts must agree on, written once: the content types, the publisher's HTTP API, the draft
 * preview's routes, the talk-proposal form and the registration form. Pure data and types, safe in the admin's browser bundle.
 */
export * from './content-types.js';
export * from './publisher-api.js';
export * from './preview.js';
export * from './proposal.js';
export * from './registration.js';
