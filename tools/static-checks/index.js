export { default as tseslint } from 'typescript-eslint';
export { default as astro } from 'eslint-plugin-astro';
