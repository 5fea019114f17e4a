import { describe, expect, it } from 'vitest';
import { emptyEditor } from '../../../src/app/prerendered-html';

describe('emptyEditor', () => {
  const page = (text: string) =>
    `<label for="sandbox-json">Scenario JSON</label><textarea id="sandbox-json" class="sandbox__json" rows="18">${text}</textarea><p>after</p>`;

  it('leaves the editor empty and everything else as it was', () => {
    const html = page('{\n  &quot;id&quot;: &quot;delete-on-update&quot;\n}');
    expect(emptyEditor(html)).toBe(page(''));
  });

  it('empties only the scenario editor, not another textarea', () => {
    const other = '<textarea id="notes">keep me</textarea>';
    expect(emptyEditor(other + page('{}'))).toBe(other + page(''));
  });

  it('refuses a page without the editor, so the build fails rather than ship the text', () => {
    expect(() => emptyEditor('<textarea id="notes">x</textarea>')).toThrow(/no scenario editor/);
  });
});
