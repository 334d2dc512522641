export default {
  rest: {
    defaultLimit: 25,
    // The site's loader asks for pages of 100; nothing bigger, so one request can't pull the whole base.
    maxLimit: 100,
    withCount: true,
    // Unknown query parameters are refused instead of ignored.
    strictParams: true,
  },
};
