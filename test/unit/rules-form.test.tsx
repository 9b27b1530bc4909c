// @vitest-environment happy-dom
// The library's rule fields: found by their labels, saved as the user types, and a list that
// cannot be a rule says what is wrong and saves nothing.
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { RulesForm, SAVE_DELAY_MS } from '../../src/library/RulesForm';
import { NO_RULES, type Rules } from '../../src/shared/rules';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
afterEach(() => {
  document.body.innerHTML = '';
});

function mount(rules: Rules = NO_RULES) {
  const host = document.body.appendChild(document.createElement('div'));
  const saved: Rules[] = [];
  render(<RulesForm rules={rules} onChange={(r) => saved.push(r)} />, host);
  const field = (label: string) => {
    const element = [...host.querySelectorAll('label')].find((l) => l.textContent === label);
    return host.querySelector(`#${CSS.escape(element?.getAttribute('for') ?? '')}`) as
      | HTMLTextAreaElement
      | HTMLInputElement;
  };
  const type = (label: string, value: string) => {
    const input = field(label);
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const alerts = () => [...host.querySelectorAll('[role="alert"]')].map((a) => a.textContent);
  return { host, saved, field, type, alerts };
}

describe('RulesForm', () => {
  it('has a field for every rule, by its label', () => {
    const { field } = mount();
    for (const label of [
      'Muted words',
      'Highlighted words',
      'Muted authors',
      'Highlighted authors',
      'Muted organizations',
      'Minimum upvotes',
    ]) {
      expect(field(label), label).toBeTruthy();
    }
  });

  it('saves a list a moment after typing stops, with the other rules kept', async () => {
    const { saved, type } = mount({ ...NO_RULES, mutedAuthors: ['Ada'] });
    type('Muted words', 'diffusion, "two words"\nvideo');
    expect(saved).toEqual([]);
    await wait(SAVE_DELAY_MS + 50);
    expect(saved).toEqual([
      { ...NO_RULES, mutedAuthors: ['Ada'], mutedWords: ['diffusion', 'two words', 'video'] },
    ]);
  });

  it('refuses an empty phrase, a 10 KB list and a negative number, saying why', async () => {
    const { saved, type, alerts, field } = mount();
    type('Highlighted words', 'agents, ""');
    await wait(SAVE_DELAY_MS + 50);
    expect(alerts()).toEqual(['Highlighted words has an empty phrase (""). Nothing was saved.']);
    expect(field('Highlighted words').getAttribute('aria-invalid')).toBe('true');
    const big = Array.from({ length: 1200 }, (_, i) => `word${i}`).join(', ');
    type('Muted words', big);
    await wait(0);
    expect(alerts()).toContain(
      `Muted words is ${big.length.toLocaleString('en')} characters long; at most 4,000 fit. Nothing was saved.`,
    );
    type('Minimum upvotes', '-5');
    await wait(0);
    expect(alerts()).toContain(
      'Minimum upvotes cannot be negative (0 turns it off). Nothing was saved.',
    );
    await wait(SAVE_DELAY_MS + 50);
    expect(saved).toEqual([]);
    // Fixed, it saves.
    type('Minimum upvotes', '12');
    expect(saved).toEqual([{ ...NO_RULES, minUpvotes: 12 }]);
  });
});
