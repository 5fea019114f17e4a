import { prerender } from 'react-dom/static';
import { FirstView, firstViewKey } from './app/first-view';

/**
 * Build-time render of the first view (vite.config.ts runs it and writes the HTML into
 * index.html). The first pass starts loading the lazily loaded panels; the second renders them
 * in place, so their room and content are in the HTML from the first paint (no hidden segments
 * waiting for a script).
 */
export async function render(): Promise<{ html: string; key: string }> {
  await prerender(<FirstView />);
  // No byte limit: a large finished boundary would otherwise be written as a hidden segment.
  const { prelude } = await prerender(<FirstView />, { progressiveChunkSize: Infinity });
  return { html: await new Response(prelude).text(), key: firstViewKey() };
}
