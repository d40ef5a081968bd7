// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { sharedTypedValues, shareTypedValues, TypedValues } from '../../../utils/recording/typed-values';

/** What is typed from the document's start, before the page's session exists (issue 21's review). */
describe('TypedValues from the document’s start', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    shareTypedValues(undefined);
  });

  const type = (input: HTMLInputElement, value: string, event = 'input') => {
    input.value = value;
    input.dispatchEvent(new Event(event, { bubbles: true }));
  };

  it('keeps what was typed before anyone listened, for the first flush, and tells of what follows', () => {
    document.body.innerHTML = '<input id="name"><input id="city">';
    const typed = new TypedValues(document);
    shareTypedValues(typed);
    type(document.querySelector<HTMLInputElement>('#name')!, 'Quenouillard');
    expect(typed.hasChanges).toBe(true);
    expect(sharedTypedValues()).toEqual(['Quenouillard']);
    const told: boolean[] = [];
    typed.listen((changed) => told.push(changed));
    expect(typed.takeChanged().map((f) => f.value)).toEqual(['Quenouillard']);
    type(document.querySelector<HTMLInputElement>('#city')!, 'Vermeillard', 'change');
    expect(told).toEqual([true]);
    expect(typed.takeChanged().map((f) => f.value)).toEqual(['Vermeillard']);
  });

  it('forgets everything and stops listening once disposed (a tab that is not part of a visit)', () => {
    document.body.innerHTML = '<input id="name">';
    const typed = new TypedValues(document);
    const input = document.querySelector<HTMLInputElement>('#name')!;
    type(input, 'Quenouillard');
    typed.dispose();
    expect(typed.hasChanges).toBe(false);
    expect([...typed.values()]).toEqual([]);
    type(input, 'Vermeillard');
    expect([...typed.values()]).toEqual([]);
  });
});
