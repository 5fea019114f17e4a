/**
 * The prerendered sandbox's HTML with the scenario editor's text left out (see
 * PRERENDERED_VIEWS in first-view.tsx): the page stays within a new connection's first round
 * trip, and hydration puts the scenario in. Throws when there is no editor to empty, so a
 * renamed editor fails the build instead of quietly making the page larger.
 */
export function emptyEditor(html: string): string {
  const editor = /(<textarea\b[^>]*\bid="sandbox-json"[^>]*>)[^<]*(<\/textarea>)/;
  if (!editor.test(html)) throw new Error('prerender: the sandbox has no scenario editor');
  return html.replace(editor, '$1$2');
}
