/** citation-js ships no types; the tests only call Cite and its output formats. */
declare module '@citation-js/core';
