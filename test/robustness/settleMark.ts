/** The line the settle probe writes to the server's stderr, followed by its memory as JSON. */
export const SETTLED_MARK = 'provenance-settled';
