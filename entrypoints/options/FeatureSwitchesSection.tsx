import { FEATURE_IDS, type FeatureId } from '../../lib/console/feature-ids.ts';
import type { FeatureSwitches } from '../../lib/storage/feature-switches.ts';
import type { OptionsMessages } from './messages.ts';

/** One on/off switch per console feature; open console tabs follow a change live. */
export function FeatureSwitchesSection({ switches, m, onChange }: { switches: FeatureSwitches; m: OptionsMessages; onChange: (id: FeatureId, on: boolean) => void }) {
  return (
    <section aria-labelledby="features-title" class="card settings" data-features="">
      <h2 id="features-title">{m.featuresTitle}</h2>
      <p class="help">{m.featuresHelp}</p>
      {FEATURE_IDS.map((id) => (
        <label class="check" key={id}>
          <input type="checkbox" checked={switches[id]} onChange={(e) => onChange(id, (e.currentTarget as HTMLInputElement).checked)} data-feature-switch={id} />
          {m.featureNames[id]}
        </label>
      ))}
    </section>
  );
}
