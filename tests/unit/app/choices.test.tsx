/**
 * The one choices picker (src/components/Choices.tsx) used by 职工建言, 线上法律咨询, 金秋助学 and 困难帮扶: one choice
 * or several, each option's test id `<testId>-<key>`, the chosen ones marked, and text and tap height that grow with
 * 关怀模式. Rendered with react-dom in jsdom, held in state as a page holds it; Taro's View is a stub.
 */
import { JSDOM } from 'jsdom';
import path from 'node:path';
import { act, useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { compile } from 'sass';

jest.mock('@tarojs/components', () => ({
  View: ({ children, className, onClick, ...p }: { children?: ReactNode; className?: string; onClick?: () => void }) => (
    <div className={className} onClick={onClick} {...p}>
      {children}
    </div>
  ),
}));
jest.mock('../../../src/components/Choices.scss', () => ({}));

import { Choices, labelled } from '../../../src/components/Choices';

type Urgency = 'normal' | 'urgent' | 'critical';
const URGENCY: Record<Urgency, string> = { normal: '一般', urgent: '较急', critical: '紧急' };
type Cause = 'illness' | 'disability' | 'accident';
const CAUSES: Record<Cause, string> = { illness: '疾病', disability: '残疾', accident: '意外' };

let root: ReturnType<typeof createRoot>;
const byTestId = (id: string) => document.querySelector(`[data-testid="${id}"]`) as HTMLElement | null;
const tap = (id: string) =>
  act(() => {
    byTestId(id)!.dispatchEvent(new window.MouseEvent('click', { bubbles: true }));
  });
/** The options as the member sees them: label, and whether it shows as chosen (class and data-selected agree). */
const shown = (prefix: string) =>
  Array.from(document.querySelectorAll(`[data-testid^="${prefix}-"]`)).map((el) => {
    const on = el.classList.contains('choice-on');
    expect(el.getAttribute('data-selected')).toBe(on ? 'true' : 'false');
    return `${el.getAttribute('data-testid')}:${el.textContent}${on ? ' ✓' : ''}`;
  });

function OneUrgency({ onChange }: { onChange: (u: Urgency) => void }) {
  const [urgency, setUrgency] = useState<Urgency | null>(null);
  return (
    <Choices
      options={labelled(URGENCY)}
      value={urgency}
      testId='urgency'
      onChange={(u) => {
        setUrgency(u);
        onChange(u);
      }}
    />
  );
}

function SomeCauses({ start, onChange }: { start: Cause[]; onChange: (c: Cause[]) => void }) {
  const [causes, setCauses] = useState<Cause[]>(start);
  return (
    <Choices
      options={labelled(CAUSES)}
      value={causes}
      multiple
      testId='cause'
      onChange={(c) => {
        setCauses(c);
        onChange(c);
      }}
    />
  );
}

beforeAll(() => {
  const dom = new JSDOM('<!doctype html><div id="root"></div>');
  Object.assign(globalThis, { window: dom.window, document: dom.window.document, IS_REACT_ACT_ENVIRONMENT: true });
});
beforeEach(() => (root = createRoot(document.getElementById('root')!)));
afterEach(() => act(() => root.unmount()));

describe('Choices, one at a time', () => {
  it('shows every option under its test id, none chosen; a tap chooses it and another tap moves the choice', () => {
    const onChange = jest.fn();
    act(() => root.render(<OneUrgency onChange={onChange} />));
    expect(shown('urgency')).toEqual(['urgency-normal:一般', 'urgency-urgent:较急', 'urgency-critical:紧急']);

    tap('urgency-critical');
    expect(onChange).toHaveBeenLastCalledWith('critical');
    expect(shown('urgency')).toEqual(['urgency-normal:一般', 'urgency-urgent:较急', 'urgency-critical:紧急 ✓']);

    tap('urgency-normal');
    expect(onChange).toHaveBeenLastCalledWith('normal');
    expect(shown('urgency')).toEqual(['urgency-normal:一般 ✓', 'urgency-urgent:较急', 'urgency-critical:紧急']);

    // Tapping the chosen one again keeps it chosen (a single choice is never emptied by a tap).
    tap('urgency-normal');
    expect(onChange).toHaveBeenLastCalledWith('normal');
    expect(shown('urgency')).toEqual(['urgency-normal:一般 ✓', 'urgency-urgent:较急', 'urgency-critical:紧急']);
    expect(onChange).toHaveBeenCalledTimes(3);
  });

  it('marks the value it is given, and nothing for a value that is not an option', () => {
    act(() => root.render(<Choices options={labelled(URGENCY)} value='urgent' testId='u' onChange={() => undefined} />));
    expect(shown('u')).toEqual(['u-normal:一般', 'u-urgent:较急 ✓', 'u-critical:紧急']);
    act(() =>
      root.render(<Choices options={[{ key: 's1', label: '新北区站' }]} value='' testId='st' onChange={() => undefined} />),
    );
    expect(shown('st')).toEqual(['st-s1:新北区站']);
  });
});

describe('Choices, several (multiple)', () => {
  it('turns each tapped option on or off and hands back the chosen keys in tapping order', () => {
    const onChange = jest.fn();
    act(() => root.render(<SomeCauses start={['disability']} onChange={onChange} />));
    expect(shown('cause')).toEqual(['cause-illness:疾病', 'cause-disability:残疾 ✓', 'cause-accident:意外']);

    tap('cause-accident');
    expect(onChange).toHaveBeenLastCalledWith(['disability', 'accident']);
    tap('cause-illness');
    expect(onChange).toHaveBeenLastCalledWith(['disability', 'accident', 'illness']);
    expect(shown('cause')).toEqual(['cause-illness:疾病 ✓', 'cause-disability:残疾 ✓', 'cause-accident:意外 ✓']);

    tap('cause-disability');
    expect(onChange).toHaveBeenLastCalledWith(['accident', 'illness']);
    tap('cause-accident');
    tap('cause-illness');
    expect(onChange).toHaveBeenLastCalledWith([]);
    expect(shown('cause')).toEqual(['cause-illness:疾病', 'cause-disability:残疾', 'cause-accident:意外']);
  });
});

describe('labelled', () => {
  it('turns a label table into options in the table’s order', () => {
    expect(labelled(CAUSES)).toEqual([
      { key: 'illness', label: '疾病' },
      { key: 'disability', label: '残疾' },
      { key: 'accident', label: '意外' },
    ]);
  });
});

describe('the choice look (Choices.scss)', () => {
  const css = compile(path.join(__dirname, '../../../src/components/Choices.scss')).css;
  const pageCss = compile(path.join(__dirname, '../../../src/components/PageShell.scss')).css;
  const rule = (source: string, selector: string) => {
    const m = new RegExp(`(?:^|\\n)${selector.replace(/\./g, '\\.')}\\s*\\{([^}]*)\\}`).exec(source);
    if (!m) throw new Error(`no rule ${selector}`);
    return m[1];
  };
  const declared = (body: string, prop: string) => new RegExp(`(?:^|;|\\s)${prop}:\\s*([^;]+);`).exec(body)?.[1].trim();
  /** A size as it renders with --font-scale set to `scale` (1: normal; the care-mode page's value: 关怀模式). */
  const px = (value: string, scale: number) => {
    const m = /^calc\((\d+(?:\.\d+)?)px \* var\(--font-scale, 1\)\)$/.exec(value);
    if (!m) return Number.parseFloat(value);
    return Number(m[1]) * scale;
  };
  const careScale = Number(declared(rule(pageCss, '.page.care-mode'), '--font-scale'));

  it('grows the text and the tap height with 关怀模式, and keeps the tap target at least 44px (88 at 750)', () => {
    expect(careScale).toBeGreaterThan(1);
    const choice = rule(css, '.choice');
    for (const prop of ['font-size', 'min-height', 'line-height']) {
      const value = declared(choice, prop)!;
      expect(px(value, careScale)).toBeGreaterThan(px(value, 1));
    }
    expect(px(declared(choice, 'font-size')!, 1)).toBe(28);
    expect(px(declared(choice, 'min-height')!, 1)).toBeGreaterThanOrEqual(88);
  });

  it('shows a chosen option in the brand colour', () => {
    const on = rule(css, '.choice-on');
    expect(declared(on, 'color')).toBe('#c8161d');
    expect(declared(on, 'border-color')).toBe('#c8161d');
  });
});
