import { useMemo, useState } from 'react';
import { Panel } from '../../components/Panel';
import { DEFAULT_TTL, DEFAULT_WAIT } from '../../lessons/compare-stories';
import { CompareTable } from './CompareTable';
import { SecondsField } from './SecondsField';
import { StrategyPicker } from './StrategyPicker';
import { compareMatrix, DEFAULT_SELECTION, parseSeconds, prepareCompare } from './compare-view';
import './compare.css';

/**
 * Compare (`?view=compare`): one story (read, update, read again, wait and read) run by the
 * engine under each chosen strategy, as a table of verdicts. The choices are form state of
 * this view only, so they live here rather than in the store.
 */
export function CompareView() {
  const [selected, setSelected] = useState<readonly string[]>(DEFAULT_SELECTION);
  const [ttlText, setTtlText] = useState(String(DEFAULT_TTL));
  const [waitText, setWaitText] = useState(String(DEFAULT_WAIT));
  const ttl = parseSeconds(ttlText, 'TTL', DEFAULT_TTL);
  const wait = parseSeconds(waitText, 'The wait', DEFAULT_WAIT);
  const matrix = useMemo(
    () => compareMatrix(selected, { ttl: ttl.value, wait: wait.value }),
    [selected, ttl.value, wait.value],
  );
  return (
    <div className="compare">
      <p className="compare__intro">
        The same story runs under each strategy: read the profile (<code>user_profile_42</code>),
        update it in the database, read it again, then wait and read once more. Each cell says what
        the user got.
      </p>
      <Panel id="compare-options" title="What to compare" className="compare__options">
        <StrategyPicker selected={selected} onSelect={setSelected} />
        <div className="compare__fields">
          <SecondsField
            id="compare-ttl"
            label="TTL (seconds)"
            value={ttlText}
            onChange={setTtlText}
            hint="The TTL strategy's timeout; the others use Django's default of 300 s."
            message={ttl.message}
          />
          <SecondsField
            id="compare-wait"
            label="Wait before the last read (seconds)"
            value={waitText}
            onChange={setWaitText}
            hint="How far the clock moves before step 4."
            message={wait.message}
          />
        </div>
      </Panel>
      <Panel id="compare-results" title="Verdicts" className="compare__results">
        <p className="compare__pick" role="status">
          {matrix.columns.length < 2 ? 'Pick at least two strategies to compare.' : ''}
        </p>
        {matrix.columns.length > 0 ? (
          <>
            <CompareTable matrix={matrix} />
            <p className="compare__summary">{matrix.summary}</p>
            <p className="compare__note">
              Column headings open each strategy&apos;s full lesson. ✓ fresh: a hit that matches the
              database · ○ miss → fresh: read from the database · ⚠ stale: a hit on an old value.
            </p>
          </>
        ) : null}
      </Panel>
    </div>
  );
}

/** What the first render needs, computed before it (see `LazyModule.prepare`). */
export const prepare = prepareCompare;

export default CompareView;
