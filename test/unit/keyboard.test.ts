// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { isTypingTarget, queueKeyAction } from '../../src/ui/queue/keyboard';

function element(html: string): Element {
  document.body.innerHTML = html;
  return document.body.firstElementChild as Element;
}

describe('queue shortcuts', () => {
  const row = () => element('<li tabindex="0" data-paper-id="2407.21783">Paper</li>');

  it.each([
    ['ArrowDown', 'next'],
    ['j', 'next'],
    ['ArrowUp', 'previous'],
    ['k', 'previous'],
    ['Enter', 'open'],
    ['r', 'toggle-read'],
    ['Delete', 'remove'],
    ['/', 'search'],
  ])('%s on a row means %s', (key, action) => {
    expect(queueKeyAction({ key, target: row() })).toBe(action);
  });

  it('ignores other keys and keys with a modifier (browser shortcuts)', () => {
    expect(queueKeyAction({ key: 'x', target: row() })).toBeNull();
    expect(queueKeyAction({ key: 'r', ctrlKey: true, target: row() })).toBeNull();
    expect(queueKeyAction({ key: 'j', metaKey: true, target: row() })).toBeNull();
  });

  it.each([
    '<input type="search">',
    '<input type="text">',
    '<textarea></textarea>',
    '<select><option>a</option></select>',
    '<div contenteditable="true">x</div>',
  ])('never fires while typing in %s', (html) => {
    const field = element(html);
    expect(isTypingTarget(field)).toBe(true);
    for (const key of ['j', 'k', 'r', 'Delete', '/', 'Enter', 'ArrowDown']) {
      expect(queueKeyAction({ key, target: field })).toBeNull();
    }
  });

  it('never fires on the buttons of an open note editor', () => {
    const editor = element(
      '<form class="editor"><textarea></textarea><button type="submit">Save</button></form>',
    );
    const save = editor.querySelector('button') as Element;
    for (const key of ['r', 'Delete', 'Enter', 'j', ' ']) {
      expect(queueKeyAction({ key, target: save })).toBeNull();
    }
  });

  it('leaves Enter to buttons and links, which already act on it', () => {
    expect(queueKeyAction({ key: 'Enter', target: element('<button>Mark read</button>') })).toBe(
      null,
    );
    expect(queueKeyAction({ key: 'Enter', target: element('<a href="#">Title</a>') })).toBeNull();
    expect(queueKeyAction({ key: 'r', target: element('<button>Pin</button>') })).toBe(
      'toggle-read',
    );
  });

  it('works with no focused element (the page itself)', () => {
    expect(queueKeyAction({ key: 'j', target: document.body })).toBe('next');
    expect(queueKeyAction({ key: 'j', target: null })).toBe('next');
  });
});
